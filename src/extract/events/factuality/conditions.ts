// Words that suspend a clause: conditions ("if", "unless", "on condition", an inverted "should"), purposes ("in order
// to"), questions ("whether", "unclear who") and temporal clauses that have not happened yet ("before", "once").
import { type Governor, type Reading, type SentenceContext, isPast, lent } from "./context.js";
import { UU } from "./facts.js";
import { kindOf, phraseGovernor } from "./governor.js";
import {
  CLAUSE_PUNCT, CONDITIONAL_PHRASES, CONDITIONALS, DOUBT, DOUBT_WINDOW, FUTURE_SUB, GENERIC_SUB, HYPO_TEMPORAL, INVERTED,
  KNOW, NEGATORS, UNCERTAIN,
} from "./lexicon.js";
import { verbGroup } from "./verb-group.js";

/** Whether a doubt comes shortly before position j: "unclear who", "asked if", "did not say when". */
export function doubtBefore(s: SentenceContext, j: number): boolean {
  for (let m = j - 1; m >= 0 && m >= j - DOUBT_WINDOW; m--) {
    if (UNCERTAIN.has(s.low(m)) || DOUBT.has(s.lem(m))) return true;
    if (NEGATORS.has(s.low(m)) && (KNOW.has(s.lem(m + 1)) || KNOW.has(s.lem(m + 2)))) return true;
  }
  return false;
}

/** The clause under a condition marker ending at `marker` (head at k): Uu, with the condition clause's span. */
export function underCondition(s: SentenceContext, base: Reading, marker: number, k: number): Reading {
  const phrase = s.phraseEndingAt(marker, CONDITIONAL_PHRASES);
  const from = marker - (phrase?.length ?? 1) + 1;
  const lemma = phrase ? phrase.join(" ") : s.low(marker);
  // "asked if", "unclear if": the same clause is a question.
  const kind = lemma === "if" && doubtBefore(s, from) ? "question" : kindOf(lemma, "condition");
  return { f: UU, reported: base.reported, condition: [from, Math.max(s.clauseEnd(k), k + 1)], governor: phraseGovernor(kind, lemma, from, marker + 1), own: null };
}

/** A purpose: "in order to", "so that", an infinitive after an event noun. Not committed either way. */
export function purpose(base: Reading, lemma: string, start: number, end: number): Reading {
  return lent(base, UU, phraseGovernor(kindOf(lemma, "purpose"), lemma, start, end));
}

/** A clause under a question word at j ("whether", "unclear who"). */
export function question(s: SentenceContext, base: Reading, j: number): Reading {
  return lent(base, UU, phraseGovernor(kindOf(s.low(j), "question"), s.low(j), j, j + 1));
}

/**
 * A clause after a temporal subordinator at j, or null when the word is none: a clause that has not happened yet
 * ("before a ceasefire is agreed", "once the deal is signed") is Uu; a past one ("after they met") is asserted.
 */
export function temporalClause(s: SentenceContext, w: string, j: number, k: number, base: Reading): Reading | null {
  const suspended = () => lent(base, UU, phraseGovernor(kindOf(w, "other"), w, j, j + 1));
  // "when held in a certain way": a bare participle after a subordinator describes no particular occurrence.
  if (GENERIC_SUB.has(w) && j === k - 1 && s.isVerbLike(k) && /(?:ed|en|wn)$/.test(s.ts[k].lower)) return suspended();
  if (!HYPO_TEMPORAL.has(w) && !FUTURE_SUB.has(w)) return null;
  const verb = s.ts[k];
  const g = verbGroup(s, k);
  const group = s.ts.slice(g.start, k);
  const nonPast = g.modals.length > 0 || group.some((t) => t.pos === "AUX" && (t.lower === "is" || t.lower === "are" || t.lower === "be")) || !isPast(verb);
  if (FUTURE_SUB.has(w)) {
    // "will step down when the proceedings are finalized": a present tense after when/once looks ahead.
    const present = group.some((t) => t.lower === "is" || t.lower === "are") || (g.start === k && !isPast(verb) && verb.lower !== verb.lemma + "ing");
    return present && g.modals.length === 0 ? suspended() : base;
  }
  return nonPast && !isPast(verb) ? suspended() : nonPast && g.start < k ? suspended() : base;
}

/**
 * The marker of a condition clause fronted before the comma at `comma` ("If Kim agrees, they will meet"), or null.
 * It names the governor only: the value of such a clause is left as the clause reads it (the event stage attaches
 * the condition span afterwards).
 */
export function frontedCondition(s: SentenceContext, comma: number): Governor | null {
  let a = comma - 1;
  while (a >= 0 && !CLAUSE_PUNCT.has(s.low(a))) a--;
  a++;
  while (a < comma && (s.pos(a) === "PUNCT" || s.pos(a) === "CCONJ")) a++;
  if (a >= comma) return null;
  const w = s.low(a);
  if (CONDITIONALS.has(w) || (s.pos(a) === "AUX" && INVERTED.has(w))) return phraseGovernor(kindOf(w, "condition"), w, a, a + 1);
  for (const ph of CONDITIONAL_PHRASES) {
    if (a + ph.length <= comma && s.endsPhrase(a + ph.length - 1, ph)) {
      const lemma = ph.join(" ");
      return phraseGovernor(kindOf(lemma, "condition"), lemma, a, a + ph.length);
    }
  }
  return null;
}
