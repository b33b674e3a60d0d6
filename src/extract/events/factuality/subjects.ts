// Finite clauses read from their subject: the walk back over a verb's subject to whatever introduces its clause
// ("if", "whether", "said (that)", "before"), and, for a subject noun, the predicate to its right ("the summit was
// called off", "a meeting is not on the schedule", "talks are expected").
import { type Reading, type SentenceContext } from "./context.js";
import { NEG, combine } from "./facts.js";
import { doubtBefore, frontedCondition, purpose, question, temporalClause, underCondition } from "./conditions.js";
import { phraseGovernor } from "./governor.js";
import {
  CLAUSE_PUNCT, COMPLEMENTIZERS, CONDITIONAL_PHRASES, CONDITIONALS, INVERTED, NOUN_NEGATORS, PURPOSE_PHRASES, QUESTION,
  RELATIVE, SUBJECT_WINDOW,
} from "./lexicon.js";
import { complementClause } from "./reporting.js";

/** A finite verb headed at k: walk back from p over its subject to whatever introduces its clause. */
export function subjectScan(s: SentenceContext, k: number, p: number, base: Reading): Reading {
  let j = p;
  let subjectNegator = -1;
  const limit = Math.max(-1, p - SUBJECT_WINDOW);
  for (; j > limit; j--) {
    const w = s.low(j);
    const ps = s.pos(j);
    if (s.phraseEndingAt(j, CONDITIONAL_PHRASES) && (CONDITIONALS.has(w) || ps !== "AUX")) return underCondition(s, base, j, k);
    const ph = s.phraseEndingAt(j, PURPOSE_PHRASES);
    if (ph) return purpose(base, ph.join(" "), j - ph.length + 1, j + 1);
    if (CLAUSE_PUNCT.has(w)) break;
    if (w === "that" && (ps === "SCONJ" || s.isVerbLike(j - 1) || s.pos(j - 1) === "NOUN" || s.pos(j - 1) === "ADJ")) break;
    if (w !== "that" && COMPLEMENTIZERS.has(w) && (ps === "SCONJ" || ps === "ADP" || ps === "ADV" || ps === "PRON" || ps === "DET" || ps === "CCONJ")) {
      // "Kim and Putin met": a conjunction inside the subject is passed over.
      if (ps === "CCONJ" && j > 0 && !s.isClauseStart(j - 1) && !s.isVerbLike(j - 1)) continue;
      break;
    }
    if (ps === "VERB" || ps === "AUX") break;
    if (subjectNegator < 0 && (NOUN_NEGATORS.has(w) || w === "nothing" || w === "nobody" || w === "none")) subjectNegator = j;
  }
  // "a plan that includes …", "the order, which is believed …": a relative clause, asserted in its own right.
  if (j === p && RELATIVE.has(s.low(j)) && j > 0 && (s.pos(j - 1) === "NOUN" || s.pos(j - 1) === "PROPN" || s.low(j - 1) === ",")) return base;
  const result = clauseIntro(s, j, k, base);
  if (subjectNegator < 0) {
    // The value of a clause after a fronted condition stays as read; only its governor names the condition.
    const governor = result.governor ?? (s.low(j) === "," ? frontedCondition(s, j) : null);
    return governor === result.governor ? result : { ...result, governor };
  }
  // A negative subject ("no letter was sent", "no venue has been chosen") negates its predicate.
  const negation = phraseGovernor("negation", s.low(subjectNegator), subjectNegator, subjectNegator + 1);
  return { ...result, f: combine(result.f, NEG), governor: result.governor ?? negation };
}

/** What the word at j (before the subject) does to the clause headed at k. Rules are tried in this order. */
function clauseIntro(s: SentenceContext, j: number, k: number, base: Reading): Reading {
  if (j < 0) return base;
  const w = s.low(j);
  const ps = s.pos(j);
  // Conditions: "Should formal contact be made", "if", "unless" ("asked if" is told apart in the governor only).
  if (ps === "AUX" && INVERTED.has(w) && s.isClauseStart(j - 1)) return underCondition(s, base, j, k);
  if (CONDITIONALS.has(w)) return underCondition(s, base, j, k);
  // Questions: "whether", "unclear who", "did not say when"; a relative "where", "who", "which" is asserted.
  if (w === "whether") return question(s, base, j);
  if (QUESTION.has(w) && w !== "that") {
    if (doubtBefore(s, j)) return question(s, base, j);
    if (w === "where" || w === "who" || w === "which") return base;
  }
  const temporal = temporalClause(s, w, j, k, base);
  if (temporal) return temporal;
  if (w === "that" || ps === "VERB") return complementClause(s, w, j, base);
  // Although, because, when (past), after …: the clause is asserted like the main one.
  return base;
}
