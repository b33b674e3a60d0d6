// Verbs: a verb's own reading, and what a verb lends the predicate or noun phrase right after it — a direct
// complement ("consider meeting", "stop selling"), a coordinated verb ("neither confirmed nor denied"), an object
// ("cancelled the meeting", "denied the reports", "wanted direct negotiations").
import { type Reading, type SentenceContext, governorOf, lent } from "./context.js";
import { CT_POS, type Fact, NEG, PR_POS, UU, combine, flip, undone } from "./facts.js";
import { cancelPhraseAt, cancelledByPhrase } from "./cancellation.js";
import { governorAt, groupGovernor, phraseGovernor } from "./governor.js";
import {
  CANCEL, CLAUSE_PUNCT, COORDINATION_WINDOW, DENY, EXPECT, INTENSIONAL, INTENSIONAL_NOUN, NEG_IMPL, OBJECT_TRANSPARENT,
  POS_IMPL, REPORT, REPORT_NOUN,
} from "./lexicon.js";
import { headAfter, reportRelation } from "./reporting.js";
import { verbGroup, withGroup } from "./verb-group.js";

/** A verb (or adjective) predicate: its context, with its own group's hedges, modals and negation applied. */
export function verbValue(s: SentenceContext, k: number): Reading {
  const g = verbGroup(s, k);
  const ctx = s.contextOf(k, g.start, false);
  const f = withGroup(s, g, k, ctx.f, ctx.reported);
  return { f, reported: ctx.reported, condition: ctx.condition, governor: ctx.governor, own: groupGovernor(s, g, k, ctx.reported) };
}

/** A predicate right after the verb at q ("consider meeting", "stop selling", "stated he looked forward"). */
export function directComplement(s: SentenceContext, q: number, base: Reading): Reading {
  const lemma = s.lem(q);
  if (NEG_IMPL.has(lemma)) {
    const r = s.valueAt(q);
    return lent(base, flip(r.f), governorAt(s, q, "other", r));
  }
  if (INTENSIONAL.has(lemma) && !REPORT.has(lemma)) return lent(base, UU, governorAt(s, q, "other"));
  if (POS_IMPL.has(lemma)) {
    const r = s.valueAt(q);
    return lent(base, r.f, governorAt(s, q, null, r));
  }
  return reportRelation(s, q, base);
}

/** A verb after the conjunction at p shares the standing of the verb before it ("decided to leave or was forced out"). */
export function coordinated(s: SentenceContext, p: number, base: Reading): Reading {
  const nor = s.low(p) === "nor";
  for (let j = p - 1; j >= 0 && j >= p - COORDINATION_WINDOW; j--) {
    if (CLAUSE_PUNCT.has(s.low(j)) && s.low(j) !== ",") break;
    if (!s.isVerbLike(j)) continue;
    const v = s.valueAt(j);
    // "neither confirmed nor denied": the second is negated in its own right.
    if (nor) return { ...v, f: combine(v.f.pos ? v.f : flip(v.f), NEG), governor: phraseGovernor("negation", "nor", p, p + 1), own: null };
    // The first verb's own negation stays with it: "did not confirm and denied".
    const dropped = verbGroup(s, j).neg && !v.f.pos;
    return { ...v, f: dropped ? flip(v.f) : v.f, governor: dropped ? v.governor : governorOf(v), own: null };
  }
  return base;
}

/**
 * A noun phrase right after the verb (or the particle of a phrasal verb) at p: its object. A denied report still
 * exists; cancelling and denying undo the object; then implicatives, intensional verbs, expectations and reports.
 */
export function objectOf(s: SentenceContext, p: number, base: Reading): Reading {
  let q = p;
  if (s.pos(q) !== "VERB") {
    const ph = cancelPhraseAt(s, q);
    if (ph) return cancelledByPhrase(s, q, ph, base);
    q = p - 1;
    if (s.pos(q) !== "VERB") return base;
  }
  const lemma = s.lem(q);
  const r = s.valueAt(q);
  const gv = r.f;
  // "denied the reports", "dismissed the claims": the reports exist; what they say is denied.
  const objectHead = s.ts[headAfter(s, q)]?.lower ?? "";
  if (DENY.has(lemma) && (REPORT_NOUN.has(objectHead) || INTENSIONAL_NOUN.has(objectHead))) return lent(base, CT_POS, governorAt(s, q, "deny"));
  if (CANCEL.has(lemma)) return lent(base, undone(gv), governorAt(s, q, "cancel"));
  if (DENY.has(lemma)) return lent(base, undone(gv), governorAt(s, q, "deny"));
  if (NEG_IMPL.has(lemma)) return lent(base, flip(gv), governorAt(s, q, "other", r));
  if (INTENSIONAL.has(lemma) && !REPORT.has(lemma) && !OBJECT_TRANSPARENT.has(lemma)) return lent(base, UU, governorAt(s, q, "other"));
  if (EXPECT.has(lemma)) return lent(base, combine(gv, PR_POS), governorAt(s, q, "expect", r));
  if (REPORT.has(lemma) && !gv.pos) return lent(base, UU, governorAt(s, q, "report"));
  return lent(base, gv, governorAt(s, q, null, r));
}

/** The reading a predicate noun gets from the verb group before it ("there has been no formal outreach"). */
export function predicateNoun(s: SentenceContext, start: number): { ctx: Reading; f: Fact } {
  const g = verbGroup(s, start);
  const ctx = s.contextOf(start, g.start, false);
  return { ctx: { ...ctx, own: groupGovernor(s, g, start, ctx.reported) }, f: withGroup(s, g, start, ctx.f, ctx.reported) };
}

/** A verb's reading from its own group alone, when its context cannot be followed; "would" reads as in its sentence. */
export function ownVerbReading(s: SentenceContext, k: number): Reading {
  const g = verbGroup(s, k);
  const reported = s.view.attributed[k] || s.reportedSentence;
  return { f: withGroup(s, g, k, CT_POS, reported), reported, condition: null, governor: null, own: groupGovernor(s, g, k, reported) };
}
