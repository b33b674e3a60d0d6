// A noun or gerund after a preposition: "without a deal", "hope for talks", "prevented from attending", "the
// possibility of a meeting", "the suspension of the exercises", "under discussion", or plain attachment to a predicate.
import { type Reading, type SentenceContext, lent } from "./context.js";
import { NEG, UU, combine, flip } from "./facts.js";
import { cancelledByNoun, cancelledByPhrase, cancelPhraseAt } from "./cancellation.js";
import { underCondition } from "./conditions.js";
import { governorAt, groupGovernor } from "./governor.js";
import {
  ATTACHMENT_WINDOW, CANCEL_NOUNS, CLAUSE_PUNCT, COMPLEMENTIZERS, CONDITIONAL_PHRASES, HYPO_TEMPORAL, INT_PREP, INTENSIONAL,
  INTENSIONAL_NOUN, POSSIBILITY, PREP_VALUE, PREVENT, REPORT,
} from "./lexicon.js";
import { modalValue, verbGroup } from "./verb-group.js";

/** The noun or gerund headed at k after the preposition at p. Rules are tried in this order; the first that applies wins. */
export function prepositional(s: SentenceContext, p: number, k: number, base: Reading): Reading {
  const prep = s.low(p);
  // "lobbied hard through his ambassador for a sit-down", "asked Moscow for talks": a verb that takes the preposition
  // may stand a few words back, past its object or an adverb and a short adjunct.
  const gq = intendingVerbBefore(s, p, prep) ?? p - 1;
  const g = s.low(gq);
  if (prep === "without") return lent(base, flip(nearestPredicate(s, p, base).f), governorAt(s, p, "fail"));
  // "hope for", "open to", "close to a deal": the word before names an intended or near event.
  if (INT_PREP.get(g) === prep || (INT_PREP.get(g) === "to" && prep === "to")) {
    const pv = PREP_VALUE.get(g);
    if (!pv) return lent(base, UU, governorAt(s, gq, "other"));
    const r = s.valueAt(gq);
    return lent(base, combine(r.f, pv), governorAt(s, gq, "other", r));
  }
  if (prep === "from" && PREVENT.has(s.lem(gq))) return lent(base, UU, governorAt(s, gq, "other"));
  if (prep === "from" && s.pos(gq) !== "VERB" && s.pos(gq - 1) === "VERB" && PREVENT.has(s.lem(gq - 1))) return lent(base, UU, governorAt(s, gq - 1, "other"));
  const intends = INTENSIONAL_NOUN.has(g) || (s.pos(gq) === "VERB" && INTENSIONAL.has(s.lem(gq)) && !REPORT.has(s.lem(gq)) && prep !== "of");
  if ((prep === "for" || prep === "to" || prep === "on" || prep === "of") && intends) return lent(base, UU, governorAt(s, gq, "other"));
  const poss = POSSIBILITY.get(g);
  if (poss && prep === "of") return lent(base, poss[0], governorAt(s, gq, "possibility-noun"));
  // "The suspension of the exercises": a cancellation named as a noun cancels its object as the verb would.
  if (prep === "of" && CANCEL_NOUNS.has(g)) return cancelledByNoun(s, gq, base);
  const ph = cancelPhraseAt(s, p);
  if (ph) return cancelledByPhrase(s, p, ph, base);
  if (s.phraseEndingAt(p, CONDITIONAL_PHRASES)) return underCondition(s, base, p, k);
  if (HYPO_TEMPORAL.has(prep) && s.ts[k].lower.endsWith("ing")) return lent(base, UU, governorAt(s, p, "other"));
  // "under discussion", "in preparation": the noun is the predicate of the clause.
  if ((prep === "under" || prep === "in") && (s.pos(gq) === "AUX" || (s.pos(gq) === "ADV" && s.pos(gq - 1) === "AUX"))) return predicatePhrase(s, p);
  return nearestPredicate(s, p, base);
}

// How far back a verb taking a preposition may stand from it.
const INTENDING_REACH = 6;
const BETWEEN_VERB_AND_PREP: ReadonlySet<string> = new Set(["ADV", "ADP", "DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM"]);

/** The verb a few words before the preposition at p that takes it ("lobbied … for", "asked … for"), if any. */
function intendingVerbBefore(s: SentenceContext, p: number, prep: string): number | null {
  if (prep === "to" || INT_PREP.has(s.low(p - 1))) return null;
  for (let j = p - 2; j >= 0 && j >= p - INTENDING_REACH; j--) {
    if (s.pos(j) === "VERB") return INT_PREP.get(s.low(j)) === prep ? j : null;
    if (!BETWEEN_VERB_AND_PREP.has(s.pos(j)) || s.low(j) === prep) return null;
  }
  return null;
}

/** "is under discussion": the reading of the verb group before the preposition at p. */
function predicatePhrase(s: SentenceContext, p: number): Reading {
  const g = verbGroup(s, p);
  const ctx = s.contextOf(p, g.start, false);
  let f = ctx.f;
  for (const m of g.markers) f = combine(f, m);
  // Unlike a verb's own group, the negation counts here even beside a negated ability modal.
  if (g.neg) f = combine(f, NEG);
  f = combine(f, modalValue(s, g.modals, g.neg, p, ctx.reported).f);
  return { f, reported: ctx.reported, condition: ctx.condition, governor: ctx.governor, own: groupGovernor(s, g, p, ctx.reported) };
}

/** The reading of the closest predicate to the left within the clause (the attachment of a prepositional phrase). */
export function nearestPredicate(s: SentenceContext, p: number, base: Reading): Reading {
  for (let j = p - 1; j >= 0 && j >= p - ATTACHMENT_WINDOW; j--) {
    if (CLAUSE_PUNCT.has(s.low(j)) && j < p - 1) break;
    if (s.isVerbLike(j) || s.view.isEvent[j]) {
      const v = s.valueAt(j);
      return { f: v.f, reported: base.reported, condition: v.condition, governor: governorAt(s, j, null, v), own: null };
    }
    if (COMPLEMENTIZERS.has(s.low(j)) && s.pos(j) !== "CCONJ") break;
  }
  return base;
}
