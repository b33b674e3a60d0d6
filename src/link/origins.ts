// Independent origins: reports that trace back to one source — one root, one wire copy, one credited outlet — count once.
import type { SourceRef } from "../domain/extraction.js";

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

const DETERMINERS = /^(?:a|an|the|its|their|his|her|our|one|two|three|four|several|some|many|other|multiple)\s+/i;
const REPORT_WORDS = /\s+(?:reports?|reported|reporting|story|stories|article|broadcast|report that|news agency|agency|newspaper|daily)$/i;

/** Lower-case slug of a name, with determiners and "report"-words removed: "a CNN report" → "cnn". */
export function nameSlug(text: string): string {
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
  if (ref.entity && !ref.entity.startsWith("local:")) return true;
  const words = ref.text.replace(DETERMINERS, "").split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[A-Z0-9]/.test(w) || /^(of|the|and|for|de|al)$/i.test(w));
}

/** The key of an outlet's own reporting; citing that outlet by name gives the same key. */
export function outletKey(name: string | null, entity: string | null): string {
  if (entity) return entity;
  return name ? `name:${nameSlug(name)}` : "name:unknown";
}

/** The root key of one report, ignoring near-duplicates: the deepest named source, else the outlet's own reporting. */
export function rootOf(r: ReportOriginFacts): { key: string; root: string } {
  const last = r.chain.at(-1);
  if (last && isNamedSource(last)) {
    const key = last.entity && !last.entity.startsWith("local:") ? last.entity : `name:${nameSlug(last.text)}`;
    return { key, root: last.text };
  }
  return { key: outletKey(r.outlet, r.outletEntity), root: r.outlet ?? "unknown outlet" };
}

/**
 * Groups one claim's reports into independent origins. Reports are taken in publication order; a near-duplicate
 * article's report joins the origin of its original's report on the same claim (or the original outlet's own origin).
 * Display names come from the earliest report of each origin.
 */
export function groupOrigins(reports: ReportOriginFacts[], outletOf: (articleId: string) => { name: string | null; entity: string | null } | null): OriginGroup[] {
  const ordered = [...reports].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id));
  const byArticle = new Map<string, string>();
  // The origin of each outlet's earliest report: a later report crediting that outlet joins it.
  const byOutlet = new Map<string, string>();
  const groups = new Map<string, OriginGroup>();
  for (const r of ordered) {
    let { key, root } = rootOf(r);
    const credited = byOutlet.get(key);
    if (credited && credited !== key) {
      key = credited;
      root = groups.get(credited)!.root;
    }
    if (r.nearDuplicateOf) {
      const originalKey = byArticle.get(r.nearDuplicateOf);
      if (originalKey) {
        key = originalKey;
      } else if (r.chain.length === 0) {
        const original = outletOf(r.nearDuplicateOf);
        if (original) {
          key = outletKey(original.name, original.entity);
          root = original.name ?? root;
        }
      }
    }
    if (!byArticle.has(r.articleId)) byArticle.set(r.articleId, key);
    const own = outletKey(r.outlet, r.outletEntity);
    if (!byOutlet.has(own)) byOutlet.set(own, key);
    const g = groups.get(key);
    if (g) g.reports.push(r.id);
    else groups.set(key, { key, root, reports: [r.id], firstSeen: r.published });
  }
  return [...groups.values()];
}
