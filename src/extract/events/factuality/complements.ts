// Infinitival complements: what the word before "to" lends the verb after it. Hedges ("likely to"), intensional
// predicates and nouns ("want to", "plans to"), implicatives ("failed to", "managed to"), expectations ("expected to"),
// possibility nouns ("a chance to"), headline futures ("Kim to visit Russia") and purposes ("flew to Beijing to discuss").
import { type Governor, type Reading, type SentenceContext, lent } from "./context.js";
import { type Fact, NEG, PR_POS, UU, combine, flip } from "./facts.js";
import { purpose } from "./conditions.js";
import { governorAt } from "./governor.js";
import {
  EXPECT, FACTIVE_HEDGE, INT_PREP, INTENSIONAL, INTENSIONAL_NOUN, NEG_IMPL, OBJECT_WINDOW, ORDINAL, POS_IMPL, POSSIBILITY,
  PRED_HEDGE, PREP_VALUE, PURPOSE_PHRASES,
} from "./lexicon.js";

/** The verb after the "to" at p: find the word that governs the infinitive, skipping adverbs and a negation. */
export function infinitive(s: SentenceContext, p: number, base: Reading): Reading {
  let q = p - 1;
  let negated = false;
  while (q >= 0 && ((s.pos(q) === "ADV" && !INT_PREP.has(s.low(q)) && !PRED_HEDGE.has(s.low(q)) && !NEG_IMPL.has(s.low(q))) || s.low(q) === "not" || s.low(q) === "never")) {
    if (s.low(q) === "not" || s.low(q) === "never") negated = true;
    q--;
  }
  // "To meet the deadline, …": a fronted purpose.
  if (q < 0) return purpose(base, "to", p, p + 1);
  const ph = s.phraseEndingAt(p, PURPOSE_PHRASES);
  if (ph) return purpose(base, ph.join(" "), p - ph.length + 1, p + 1);
  // "decided not to attend", "managed not to": the negation belongs to the complement.
  const r = governedInfinitive(s, q, base, p);
  return negated ? { ...r, f: combine(r.f, NEG) } : r;
}

/**
 * What the word at q lends the infinitive after it. Order matters where a word is in two lists: a hedge or a
 * preposition-taking word reads as such before it reads as an implicative or an intensional verb.
 */
function governedInfinitive(s: SentenceContext, q: number, base: Reading, to: number): Reading {
  const w = s.low(q);
  const lemma = s.lem(q);
  const pass = s.pos(q - 1) === "AUX" && s.lem(q - 1) === "be";
  const ph = PRED_HEDGE.get(w);
  if (ph && (s.pos(q) !== "VERB" || pass)) return hedged(s, q, base, ph);
  if (INT_PREP.get(w) === "to") {
    const pv = PREP_VALUE.get(w);
    return pv ? hedged(s, q, base, pv) : lent(base, UU, governorAt(s, q, "other"));
  }
  if (NEG_IMPL.has(lemma) || NEG_IMPL.has(w)) {
    const r = s.valueAt(q);
    return lent(base, flip(r.f), governorAt(s, q, "other", r));
  }
  if (POS_IMPL.has(lemma) || POS_IMPL.has(w)) {
    const r = s.valueAt(q);
    return lent(base, r.f, governorAt(s, q, null, r));
  }
  const fh = FACTIVE_HEDGE.get(w);
  if (fh && pass) return hedged(s, q, base, fh);
  if (s.pos(q) === "VERB" && EXPECT.has(lemma)) return hedged(s, q, base, PR_POS, "expect");
  if (INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(w)) return lent(base, UU, governorAt(s, q, "other"));
  // Headline future: "GM to cut 10,000 jobs", "Kim to visit Russia".
  if ((s.pos(q) === "PROPN" || s.pos(q) === "NOUN") && q < s.firstPredicate) return base;
  const possTo = POSSIBILITY.get(w);
  if (possTo && s.pos(q) === "NOUN") return hedged(s, q, base, possTo[0], "possibility-noun");
  // "a contract to supply", "the first model to be built": the infinitive describes its noun and shares its standing;
  // after an event noun or a name it states a purpose ("talks to discuss", "travel to Damascus to discuss").
  if ((s.pos(q) === "NOUN" && !s.view.isEvent[q]) || (s.pos(q) === "ADJ" && ORDINAL.has(w))) {
    const r = s.valueAt(q);
    return lent(base, r.f, governorAt(s, q, null, r));
  }
  // A listed word still names its kind ("happy to meet"), as does a listed verb before its object ("invited Kim to
  // visit", "urged Washington to drop"); otherwise the infinitive states a purpose.
  const listed = governorAt(s, q, null) ?? controller(s, q);
  return listed ? lent(base, UU, listed) : purpose(base, "to", to, to + 1);
}

/** The listed verb whose object ends at q ("invited Kim", "urged the United States"), or null. */
function controller(s: SentenceContext, q: number): Governor | null {
  let j = q;
  while (j >= 0 && j > q - OBJECT_WINDOW && OBJECT_WORDS.has(s.pos(j))) j--;
  return j < q && s.pos(j) === "VERB" ? governorAt(s, j, null) : null;
}

const OBJECT_WORDS = new Set(["PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM"]);

/** A hedge at q over its complement: the governor's own standing combined with the hedge ("is not expected to"). */
function hedged(s: SentenceContext, q: number, base: Reading, hedge: Fact, kind: "other" | "expect" | "possibility-noun" = "other"): Reading {
  const r = s.valueAt(q);
  return lent(base, combine(r.f, hedge), governorAt(s, q, kind, r));
}
