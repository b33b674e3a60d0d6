// Step 4 of linking: independent origins. Reports that trace back to one source count once: one party's statements
// (a post, a briefing, an interview, however many outlets repeat them, and the same party's later statements), one
// agency's copy wherever it is carried or credited, one outlet's own reporting and its copies and credited re-reports.
import { type SourceRef, sourceName } from "../domain/extraction.js";
import type { ClaimReport } from "../domain/ledger.js";
import { countryOf, outletEntityOf, sourceEntity, voiceOf } from "../extract/entity-facts.js";
import { entityById } from "../extract/gazetteer.js";
import { isNamedSource, nameSlug, outletKey } from "./names.js";

export interface OriginGroup {
  /** Stable key of the root source ("gov:RU", "outlet:reuters", "name:pacific-dispatch"). */
  key: string;
  /** Display name of the root ("Kremlin", "Reuters", "Harbor City Ledger"). */
  root: string;
  reports: string[];
  firstSeen: string | null;
}

// Every report of every claim an article touches names its outlet again: look each outlet name up once per process.
const outletEntities = new Map<string, string | null>();
export function outletEntity(name: string | null): string | null {
  if (!name) return null;
  let id = outletEntities.get(name);
  if (id === undefined) {
    id = outletEntityOf(name);
    outletEntities.set(name, id);
  }
  return id;
}

/**
 * Whose voice an entity is, as an origin: a government's officials, bodies, state media and the country itself are the
 * government; a spokesperson's body is that body's government; anyone else is themselves.
 */
export function voiceKey(entity: string, date: string | null): string {
  const voice = voiceOf(entity, date);
  if (voice.startsWith("country:")) return `gov:${voice.slice("country:".length)}`;
  const e = entityById(voice);
  if (!e) return voice;
  const official = (e.type === "person" && (e.offices?.length ?? 0) > 0) || (e.type === "organization" && (!!e.code || !!e.venue)) || (e.type === "outlet" && e.state_media);
  const country = official ? countryOf(voice, date) : null;
  return country ? `gov:${country.slice("country:".length)}` : voice;
}

/** The root of one report, before copies and credits are followed: the deepest named source, else its credited
 * agency, else the outlet's own reporting. Unnamed people behind a named source are that source's reporting. */
export function rootOf(r: ClaimReport): { key: string; root: string } {
  for (let i = r.source.length - 1; i >= 0; i--) {
    const ref = r.source[i];
    if (!isNamedSource(ref)) continue;
    return { key: sourceKey(ref, r.published), root: sourceName(ref) };
  }
  const credit = r.credits[0];
  if (credit) return { key: credit.entity ?? `name:${nameSlug(credit.text)}`, root: credit.text };
  return { key: outletKey(r.outlet, outletEntity(r.outlet)), root: r.outlet ?? "unknown outlet" };
}

function sourceKey(ref: SourceRef, date: string | null): string {
  const linked = sourceEntity(ref, date);
  if (linked) return voiceKey(linked, date);
  // A name known only to its article keys by that name, also where a pronoun stands for it.
  if (ref.entity?.startsWith("local:")) return `name:${ref.entity.slice("local:".length)}`;
  return `name:${nameSlug(ref.text)}`;
}

/**
 * Groups one claim's reports into independent origins. A report crediting an outlet joins the origin of that outlet's
 * first report on the claim, whatever the day order; a near-duplicate article's report joins the origin of its
 * original's report with the same root (or its first report on the claim, or the original outlet's own origin). An
 * outlet's own reporting stays its own even when its first report credited someone else. Display names come from the
 * earliest report of each origin.
 */
export function groupOrigins(reports: ClaimReport[], outletOf: (articleId: string) => { name: string | null; entity: string | null } | null): OriginGroup[] {
  const ordered = [...reports].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id));
  const base = new Map<string, { key: string; root: string }>();
  const firstOfOutlet = new Map<string, ClaimReport>();
  const firstOfArticle = new Map<string, ClaimReport>();
  const byArticleRoot = new Map<string, ClaimReport>();
  // A source named like an outlet that published a report on this claim is that outlet, however the name was linked.
  const outletBySlug = new Map<string, string>();
  for (const r of ordered) if (r.outlet) outletBySlug.set(nameSlug(r.outlet), outletKey(r.outlet, outletEntity(r.outlet)));
  for (const r of ordered) {
    const b = rootOf(r);
    if (r.source.length > 0) b.key = outletBySlug.get(nameSlug(b.root)) ?? b.key;
    base.set(r.id, b);
    const own = outletKey(r.outlet, outletEntity(r.outlet));
    if (!firstOfOutlet.has(own)) firstOfOutlet.set(own, r);
    if (!firstOfArticle.has(r.article_id)) firstOfArticle.set(r.article_id, r);
    if (!byArticleRoot.has(`${r.article_id}\u0000${b.key}`)) byArticleRoot.set(`${r.article_id}\u0000${b.key}`, r);
  }
  const resolved = new Map<string, { key: string; root: string }>();
  const resolve = (r: ClaimReport, depth: number): { key: string; root: string } => {
    const done = resolved.get(r.id);
    if (done) return done;
    let out = base.get(r.id)!;
    const own = outletKey(r.outlet, outletEntity(r.outlet));
    if (depth < 4 && r.near_duplicate_of) {
      const original = byArticleRoot.get(`${r.near_duplicate_of}\u0000${out.key}`) ?? firstOfArticle.get(r.near_duplicate_of);
      if (original) out = resolve(original, depth + 1);
      else if (r.source.length === 0 && r.credits.length === 0) {
        const o = outletOf(r.near_duplicate_of);
        if (o) {
          const key = outletKey(o.name, o.entity);
          const first = firstOfOutlet.get(key);
          out = first && first !== r ? resolve(first, depth + 1) : { key, root: o.name ?? out.root };
        }
      }
    } else if (depth < 4 && out.key !== own) {
      const first = firstOfOutlet.get(out.key);
      if (first && first !== r) out = resolve(first, depth + 1);
    }
    if (depth === 0) resolved.set(r.id, out);
    return out;
  };
  const groups = new Map<string, OriginGroup>();
  for (const r of ordered) {
    const { key, root } = resolve(r, 0);
    const g = groups.get(key);
    if (g) g.reports.push(r.id);
    else groups.set(key, { key, root, reports: [r.id], firstSeen: r.published });
  }
  return [...groups.values()];
}
