// Independent origins: reports that trace back to one source — one root, one wire copy, one credited outlet — count once.
import type { SourceRef } from "../domain/extraction.js";
import { sourceEntity, voiceOf } from "../extract/entity-facts.js";

/** What origin assignment needs to know about one report. */
export interface ReportOriginFacts {
  id: string;
  articleId: string;
  /** Publishing outlet's name, or null when unknown. */
  outlet: string | null;
  /** Entity id of the publishing outlet when it is in the gazetteer. */
  outletEntity: string | null;
  published: string | null;
  chain: SourceRef[];
  /** The article this one is a near-duplicate of (a wire copy or light rewrite), if any. */
  nearDuplicateOf: string | null;
}

export interface OriginGroup {
  /** Stable key of the root source ("outlet:cnn", "name:pacific-dispatch", "own:riverbend-gazette"). */
  key: string;
  /** Display name of the root ("CNN", "U.S. officials", "Harbor City Ledger"). */
  root: string;
  reports: string[];
  firstSeen: string | null;
}

const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "one"]);
const DETERMINERS = /^(?:a|an|the|its|their|his|her|our|one|two|three|four|several|some|many|other|multiple)\s+/i;
const REPORT_WORDS = /\s+(?:reports?|reported|reporting|story|stories|article|broadcast|report that|news agency|agency|newspaper|daily)$/i;

// Origins are regrouped from all of a claim's reports each time the claim is touched, and those name the same few
// outlets and sources over and over: each name is slugged once (the cache starts afresh when it grows large).
const SLUG_CACHE_LIMIT = 50_000;
const slugs = new Map<string, string>();

/** Lower-case slug of a name, with determiners and "report"-words removed: "a CNN report" → "cnn". */
export function nameSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    if (slugs.size >= SLUG_CACHE_LIMIT) slugs.clear();
    slug = slugOf(text);
    slugs.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  let t = text.trim().replace(/[’']s\b/g, "");
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(DETERMINERS, "").replace(REPORT_WORDS, "");
    if (t === before) break;
  }
  return t
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** True when a source names someone (a proper name or a linked entity) rather than an anonymous group. */
export function isNamedSource(ref: SourceRef): boolean {
  if (ref.entity) return true;
  // "She said": a pronoun nobody was found for names no one.
  if (PRONOUNS.has(ref.text.trim().toLowerCase())) return false;
  const words = ref.text.replace(DETERMINERS, "").split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[A-Z0-9]/.test(w) || /^(of|the|and|for|de|al)$/i.test(w));
}

/** The key of an outlet's own reporting; citing that outlet by name gives the same key. */
export function outletKey(name: string | null, entity: string | null): string {
  if (entity) return entity;
  return name ? `name:${nameSlug(name)}` : "name:unknown";
}

/**
 * The root key of one report, ignoring near-duplicates: the deepest named source, else the outlet's own reporting.
 * Unnamed people behind a named source ("the Washington Post, citing two people") are that source's reporting; a chain
 * of unnamed sources alone ("U.S. officials") is the outlet's own reporting, the outlet being the only one who vouches.
 */
export function rootOf(r: ReportOriginFacts): { key: string; root: string } {
  for (let i = r.chain.length - 1; i >= 0; i--) {
    const ref = r.chain[i];
    if (!isNamedSource(ref)) continue;
    // A name known only to its article keys by that name, also where a pronoun stands for it.
    const local = ref.entity?.startsWith("local:") ? `name:${ref.entity.slice("local:".length)}` : null;
    const linked = sourceEntity(ref, r.published);
    const key = (linked && voiceOf(linked, r.published)) ?? local ?? `name:${nameSlug(ref.text)}`;
    return { key, root: ref.text };
  }
  return { key: outletKey(r.outlet, r.outletEntity), root: r.outlet ?? "unknown outlet" };
}

/**
 * Groups one claim's reports into independent origins. A report crediting an outlet joins the origin of that outlet's
 * first report on the claim, whatever the day order (a same-day credit counts too); a near-duplicate article's report
 * joins the origin of its original's report on the same claim (or the original outlet's own origin). An outlet's own
 * reporting stays its own even when its first report credited someone else. Display names come from the earliest
 * report of each origin.
 */
export function groupOrigins(reports: ReportOriginFacts[], outletOf: (articleId: string) => { name: string | null; entity: string | null } | null): OriginGroup[] {
  const ordered = [...reports].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id));
  const base = new Map<string, { key: string; root: string }>();
  // Each outlet's first report and each article's first report on this claim.
  const firstOfOutlet = new Map<string, ReportOriginFacts>();
  const firstOfArticle = new Map<string, ReportOriginFacts>();
  const byArticleRoot = new Map<string, ReportOriginFacts>();
  // A source named like an outlet that published a report on this claim is that outlet, however the name was linked.
  const outletBySlug = new Map<string, string>();
  for (const r of ordered) if (r.outlet) outletBySlug.set(nameSlug(r.outlet), outletKey(r.outlet, r.outletEntity));
  for (const r of ordered) {
    const b = rootOf(r);
    if (r.chain.length > 0) b.key = outletBySlug.get(nameSlug(b.root)) ?? b.key;
    base.set(r.id, b);
    const own = outletKey(r.outlet, r.outletEntity);
    if (!firstOfOutlet.has(own)) firstOfOutlet.set(own, r);
    if (!firstOfArticle.has(r.articleId)) firstOfArticle.set(r.articleId, r);
    if (!byArticleRoot.has(`${r.articleId}\u0000${b.key}`)) byArticleRoot.set(`${r.articleId}\u0000${b.key}`, r);
  }
  const resolved = new Map<string, { key: string; root: string }>();
  const resolve = (r: ReportOriginFacts, depth: number): { key: string; root: string } => {
    const done = resolved.get(r.id);
    if (done) return done;
    let out = base.get(r.id)!;
    const own = outletKey(r.outlet, r.outletEntity);
    if (depth < 4 && r.nearDuplicateOf) {
      // A copy's sentence quoting the same source as one of the original's goes with that one.
      const original = byArticleRoot.get(`${r.nearDuplicateOf}\u0000${out.key}`) ?? firstOfArticle.get(r.nearDuplicateOf);
      if (original) out = resolve(original, depth + 1);
      else if (r.chain.length === 0) {
        const o = outletOf(r.nearDuplicateOf);
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
