// FactBank factuality of event mentions, read from the words that govern each trigger (modals, negation, hedges,
// intensional and implicative predicates, reporting and denial verbs, cancellations, conditions, purposes, questions)
// without a syntactic parser. Each reading also names its nearest governor and the tense of the trigger's own group.
import type { Factuality } from "../../../domain/extraction.js";
import { type Governor, type Reading, type SentenceView, SentenceContext, governorOf } from "./context.js";
import { CT_POS, UU, factLabel } from "./facts.js";
import { phraseGovernor } from "./governor.js";
import { CONDITIONAL_PHRASES, CONDITIONALS, MAX_DEPTH } from "./lexicon.js";
import { infinitive } from "./complements.js";
import { underCondition } from "./conditions.js";
import { nounValue, ownNounReading } from "./nouns.js";
import { prepositional } from "./prepositions.js";
import { subjectScan } from "./subjects.js";
import { type Tense, tenseOf } from "./tense.js";
import { coordinated, directComplement, objectOf, ownVerbReading, verbValue } from "./verbs.js";

export type { Governor, GovernorKind, SentenceView } from "./context.js";
export type { Tense } from "./tense.js";

/** The result for one trigger: its value, the condition clause governing it, its nearest governor and its tense. */
export interface FactReading {
  value: Factuality;
  /** Token positions [from, to) of a governing or contained condition clause, if any. */
  condition: [number, number] | null;
  /**
   * The nearest word that governs the trigger, as token positions in the sentence: the trigger's own group or noun
   * phrase first (a modal, a negation, "cancelled", "the possibility of"), then the word that governs it from outside
   * ("want to", "called off", "if", "said"). Null when nothing governs it.
   */
  governor: Governor | null;
  tense: Tense;
}

/** Reads every candidate of a sentence; positions in `events` index `view.ts`. */
export function readFactuality(view: SentenceView, events: number[]): FactReading[] {
  const s = new SentenceContext(view, { valueAt, contextOf });
  return events.map((k) => {
    const r = valueAt(s, k);
    // Events inside a question are not committed to either way.
    const asked = s.questionAt(k) && !view.attributed[k];
    const governor = governorOf(r) ?? (asked ? questionMark(s, k) : null);
    return { value: factLabel(asked ? UU : r.f), condition: r.condition, governor, tense: tenseOf(s, k, r.reported) };
  });
}

/**
 * The reading of the predicate at k (verb, adjective or event noun) in its context, once per predicate. Governors lie
 * to the left (subjects look right once), so chains are short; a chain that loops back on itself or grows past
 * MAX_DEPTH is cut, and the predicate at the cut is read from its own markers alone (modals, negation, hedges; a
 * noun's determiners and modifiers), without context: never a silent CT+. A cut reading is not kept, so the
 * predicate is read in full when it is reached again from a shorter chain.
 */
function valueAt(s: SentenceContext, k: number): Reading {
  const hit = s.memo.get(k);
  if (hit) return hit;
  if (s.busy.has(k) || s.busy.size > MAX_DEPTH) return ownReading(s, k);
  s.busy.add(k);
  const r = isNoun(s, k) ? nounValue(s, k) : verbValue(s, k);
  s.busy.delete(k);
  s.memo.set(k, r);
  return r;
}

const isNoun = (s: SentenceContext, k: number) => s.pos(k) === "NOUN" || s.pos(k) === "PROPN";

/** A predicate's reading from its own markers only: where the governor chain is cut. */
function ownReading(s: SentenceContext, k: number): Reading {
  return isNoun(s, k) ? ownNounReading(s, k) : ownVerbReading(s, k);
}

/**
 * What the governing context lends to the phrase starting at `start` (head at k). The word right before the phrase
 * decides which rule applies; the order matters where a word could fit two (a "to" before a verb is an infinitive
 * marker before it is a preposition; a condition phrase ending in a preposition is a condition before it is one).
 */
function contextOf(s: SentenceContext, k: number, start: number, isNoun: boolean): Reading {
  const base: Reading = { f: CT_POS, reported: s.view.attributed[k] || s.reportedSentence, condition: null, governor: null, own: null };
  const p = start - 1;
  if (p < 0) return base;
  const w = s.low(p);
  const ps = s.pos(p);
  // 1. Infinitival complements: "want to meet", "likely to respond", "declined to confirm", purposes.
  if (!isNoun && w === "to") return infinitive(s, p, base);
  // 2. Condition phrases directly before the clause: "on condition (that) the United States drops …".
  if (s.phraseEndingAt(p, CONDITIONAL_PHRASES) || CONDITIONALS.has(w)) return underCondition(s, base, p, k);
  // 3. Coordinated predicates share their context: "neither confirmed nor denied".
  if (!isNoun && ps === "CCONJ") return coordinated(s, p, base);
  // 4. A predicate right after a verb: "consider meeting", "stated he looked forward".
  if (!isNoun && s.isVerbLike(p)) return directComplement(s, p, base);
  // 5. Gerunds and nouns after a preposition: "accused Pyongyang of firing", "hope for talks", "without a deal".
  if (!isNoun && ps === "ADP" && s.ts[start].lower.endsWith("ing")) return prepositional(s, p, k, base);
  if (isNoun && (ps === "ADP" || w === "to")) return prepositional(s, p, k, base);
  // 6. Objects: "cancelled the meeting", "called off the summit".
  if (isNoun && (s.isVerbLike(p) || ps === "PART" || ps === "ADP")) return objectOf(s, p, base);
  // 7. Anything else is a finite clause: walk back over its subject to what introduces it.
  return subjectScan(s, k, p, base);
}

/** The question mark that leaves an ungoverned trigger uncommitted ("Will the leaders meet again?"). */
function questionMark(s: SentenceContext, k: number): Governor {
  let j = k + 1;
  while (j < s.n && s.low(j) !== "?") j++;
  return phraseGovernor("question", "?", j, j + 1);
}
