// The tense of a trigger's own verb group. Future only by its explicit markers: will, shall, 'll (a back-shifted
// "would" in reported speech included), and "be going to", "be to", "be set to", "be due to"; a present progressive
// with a time ahead ("is meeting on Friday") stays present.
import { type SentenceContext, isPast } from "./context.js";
import { FUTURE_FRAMES, FUTURE_MODALS, MODALS, NEGATORS, PAST_AUX, PRESENT_AUX, SUBJECT_WINDOW } from "./lexicon.js";
import { backshifted, verbGroup } from "./verb-group.js";

/** The tense of a trigger's own verb group; `none` for nouns, and for infinitives, gerunds and modals other than will/shall. */
export type Tense = "past" | "present" | "future" | "none";

/** The tense of the verb at k, read from its group; `reported` tells a back-shifted "would" (a reported "will"). */
export function tenseOf(s: SentenceContext, k: number, reported: boolean): Tense {
  if (s.pos(k) !== "VERB") return "none";
  const g = verbGroup(s, k);
  const would = g.modals.find((m) => MODALS.get(m) === "WOULD");
  if (g.modals.some((m) => FUTURE_MODALS.has(m)) || (would && backshifted(s, would, k, reported))) return "future";
  // "may meet", "would meet", "could not agree": the modal carries the time, and the governor reports the modal.
  if (g.modals.length > 0) return "none";
  if (s.low(g.start - 1) === "to") return futureFrame(s, g.start - 1) ? "future" : "none";
  // The first finite auxiliary decides: "did not meet", "has met", "were held"; in a question it comes before the subject.
  let auxiliaries = 0;
  for (let j = g.start; j < k; j++) {
    if (s.pos(j) !== "AUX") continue;
    auxiliaries++;
    const t = auxiliaryTense(s.low(j));
    if (t) return t;
  }
  if (auxiliaries > 0) return "none";
  const inverted = invertedAuxiliary(s, g.start);
  if (inverted >= 0) return auxiliaryTense(s.low(inverted)) ?? "none";
  const head = s.ts[k];
  if (head.lower.endsWith("ing") && head.lower !== head.lemma) return "none";
  return isPast(head) ? "past" : "present";
}

/** The tense an auxiliary sets, or null when it sets none ("be", "been", "'d"). */
function auxiliaryTense(w: string): Tense | null {
  if (FUTURE_MODALS.has(w)) return "future";
  if (MODALS.has(w)) return "none";
  if (PAST_AUX.has(w)) return "past";
  if (PRESENT_AUX.has(w)) return "present";
  return null;
}

/** The auxiliary fronted before the subject of a question ("Will the leaders meet?", "Did they meet?"), or -1. */
function invertedAuxiliary(s: SentenceContext, start: number): number {
  let j = start - 1;
  while (j >= 0 && j >= start - SUBJECT_WINDOW && SUBJECT_WORDS.has(s.pos(j))) j--;
  return j < start - 1 && s.pos(j) === "AUX" && s.isClauseStart(j - 1) ? j : -1;
}

const SUBJECT_WORDS = new Set(["NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"]);

/** Whether the "to" at p closes a future frame: "is going to", "are to", "is set to", "is due to" (an adverb or "not" may intervene). */
function futureFrame(s: SentenceContext, p: number): boolean {
  let q = p - 1;
  if (FUTURE_FRAMES.has(s.low(q))) q--;
  else if (!(s.pos(q) === "AUX" && s.lem(q) === "be")) return false;
  while (q >= 0 && (s.pos(q) === "ADV" || NEGATORS.has(s.low(q)))) q--;
  return s.pos(q) === "AUX" && s.lem(q) === "be";
}
