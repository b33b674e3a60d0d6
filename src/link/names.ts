// Names as the ledger keys them: a source named in a sentence ("a CNN report", "Reuters") and an outlet's own name
// meet under one slug, with the one slug function of the product.
import type { SourceRef } from "../domain/extraction.js";
import { slugOf } from "../extract/gazetteer.js";

const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "one"]);
const DETERMINERS = /^(?:a|an|the|its|their|his|her|our|one|two|three|four|several|some|many|other|multiple)\s+/i;
const REPORT_WORDS = /\s+(?:reports?|reported|reporting|story|stories|article|broadcast|report that|news agency|agency|newspaper|daily)$/i;

// Origins are regrouped from all of a claim's reports each time the claim is touched, and those name the same few
// outlets and sources over and over: each name is slugged once (the cache starts afresh when it grows large).
const CACHE_LIMIT = 50_000;
const slugs = new Map<string, string>();

/** The slug of a source or outlet name, with determiners and report words left out: "a CNN report" → "cnn". */
export function nameSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    if (slugs.size >= CACHE_LIMIT) slugs.clear();
    let t = text.trim().replace(/[’']s\b/g, "");
    for (let i = 0; i < 3; i++) {
      const before = t;
      t = t.replace(DETERMINERS, "").replace(REPORT_WORDS, "");
      if (t === before) break;
    }
    slug = slugOf(t);
    slugs.set(text, slug);
  }
  return slug;
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
