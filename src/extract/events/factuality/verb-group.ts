// The verb group before a predicate (auxiliaries, modals, negators, hedge adverbs) and the value it adds to its context.
import { type SentenceContext } from "./context.js";
import { CT_POS, type Fact, NEG, UU, combine, parseFact } from "./facts.js";
import { ABILITY, COMPLEMENTIZERS, FUTURE_MODALS, HEDGE_ADV, MODALS, NEGATORS, QUESTION } from "./lexicon.js";

/** A predicate's own group: where it starts, its hedges and modals, and where its nearest markers stand (-1: none). */
export interface VerbGroup {
  start: number;
  markers: Fact[];
  modals: string[];
  neg: boolean;
  /** Nearest negator. */
  negAt: number;
  /** Nearest modal that is not a future "will". */
  modalAt: number;
  /** Nearest hedge adverb, the one right after the head included. */
  hedgeAt: number;
}

/** Verb group: auxiliaries, adverbs and negators before the head at k, and a hedge right after it. */
export function verbGroup(s: SentenceContext, k: number): VerbGroup {
  const markers: Fact[] = [];
  const modals: string[] = [];
  let neg = false;
  let negAt = -1;
  let modalAt = -1;
  let hedgeAt = -1;
  let j = k - 1;
  while (j >= 0) {
    const w = s.low(j);
    const p = s.pos(j);
    if (NEGATORS.has(w) && (p === "PART" || p === "ADV" || p === "DET" || w === "never" || w === "neither")) {
      neg = true;
      if (negAt < 0) negAt = j;
      j--;
      continue;
    }
    if (p === "AUX") {
      if (MODALS.has(w)) {
        modals.push(w);
        if (modalAt < 0 && !FUTURE_MODALS.has(w)) modalAt = j;
      }
      j--;
      continue;
    }
    if (p === "ADV" && !COMPLEMENTIZERS.has(w) && !QUESTION.has(w)) {
      const h = HEDGE_ADV.get(w);
      if (h) {
        markers.push(h);
        if (hedgeAt < 0) hedgeAt = j;
      }
      j--;
      continue;
    }
    break;
  }
  // Hedges right after the head ("said reportedly", "is likely") count too.
  const h = HEDGE_ADV.get(s.low(k + 1));
  if (h && s.pos(k + 1) === "ADV") {
    markers.push(h);
    if (hedgeAt < 0) hedgeAt = k + 1;
  }
  return { start: j + 1, markers, modals, neg, negAt, modalAt, hedgeAt };
}

/** The value of a group's modals; a negated ability modal ("could not", "cannot") is a plain negation. */
export function modalValue(s: SentenceContext, modals: string[], neg: boolean, k: number, reported: boolean): { f: Fact; negUsed: boolean } {
  let f = CT_POS;
  let negUsed = false;
  for (const m of modals) {
    const v = MODALS.get(m)!;
    if (ABILITY.has(m) && neg) {
      negUsed = true;
      f = combine(f, NEG);
      continue;
    }
    if (v === "WOULD") {
      f = combine(f, backshifted(s, m, k, reported) ? CT_POS : UU);
      continue;
    }
    f = combine(f, parseFact(v));
  }
  return { f, negUsed };
}

/** Whether the "would" (m) before the head at k is a back-shifted "will": in reported speech, not perfect, no condition. */
export function backshifted(s: SentenceContext, m: string, k: number, reported: boolean): boolean {
  if (!reported || s.conditionalSentence) return false;
  // "would have been doing" is counterfactual even in reported speech.
  for (let j = k - 1; j >= 0 && (s.pos(j) === "AUX" || s.pos(j) === "ADV" || s.pos(j) === "PART") && s.low(j) !== m; j--) if (s.lem(j) === "have") return false;
  return true;
}

/** A context's value with a predicate's own group applied: hedges, modals, and a negation not already spent on a modal. */
export function withGroup(s: SentenceContext, g: VerbGroup, head: number, context: Fact, reported: boolean): Fact {
  let f = context;
  for (const m of g.markers) f = combine(f, m);
  const mv = modalValue(s, g.modals, g.neg, head, reported);
  f = combine(f, mv.f);
  if (g.neg && !mv.negUsed) f = combine(f, NEG);
  return f;
}
