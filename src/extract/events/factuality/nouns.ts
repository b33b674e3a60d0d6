// Event nouns: the noun phrase's own markers ("no", "any", "potential", "the possibility of"), then the standing the
// phrase takes from where it stands — a subject (from its predicate), a coordinated noun, a predicate noun, an object.
import { type Governor, type Reading, type SentenceContext, governorOf } from "./context.js";
import { CT_POS, type Fact, NEG, UU, combine, parseFact } from "./facts.js";
import { governorAt, phraseGovernor } from "./governor.js";
import {
  CANCEL, CANCEL_NOUNS, CANCEL_PHRASES, DEFINITE, DENY, INT_PREP, INTENSIONAL, INTENSIONAL_NOUN, NEG_IMPL, NEGATORS,
  NOUN_MOD, NOUN_NEGATORS, NP_PUNCT, POSSESSIVE, POSSIBILITY,
} from "./lexicon.js";
import { predicateRight } from "./predicates.js";
import { clauseSubject } from "./reporting.js";
import { predicateNoun } from "./verbs.js";

/** A noun phrase read leftwards from its head: where it starts, its modifiers' values, its "any" and its negation. */
interface NounPhrase {
  start: number;
  markers: Fact[];
  any: boolean;
  neg: boolean;
  /** The nearest modifier that governs the noun ("proposed", "the prospect of"), else its negator. */
  own: Governor | null;
}

/** A modifier at j with the lexicon's value m ("potential", "any", "cancelled") added to the phrase. */
function addModifier(s: SentenceContext, np: NounPhrase, j: number, m: string | undefined): void {
  if (m === "ANY") np.any = true;
  else if (m) {
    np.markers.push(parseFact(m));
    np.own ??= governorAt(s, j, "other");
  }
}

/** Walks left from the head noun at k over determiners, modifiers and "the possibility of". Pure: reads no context. */
function nounPhrase(s: SentenceContext, k: number): NounPhrase {
  const np: NounPhrase = { start: 0, markers: [], any: false, neg: false, own: null };
  let negAt = -1;
  let j = k - 1;
  while (j >= 0) {
    const w = s.low(j);
    const ps = s.pos(j);
    if (NOUN_NEGATORS.has(w) && ps !== "ADP") {
      if (negAt < 0) negAt = j;
      j--;
      continue;
    }
    if (ps === "DET" || ps === "ADJ" || ps === "NUM" || ps === "PROPN" || (ps === "NOUN" && !s.view.isEvent[j]) || NP_PUNCT.has(w) || (ps === "PART" && w !== "to" && !NEGATORS.has(w)) || (ps === "PRON" && POSSESSIVE.has(w))) {
      if (ps === "DET" && w === "that" && j > 0 && s.isVerbLike(j - 1)) break;
      if (NOUN_NEGATORS.has(w) && negAt < 0) negAt = j;
      addModifier(s, np, j, NOUN_MOD.get(w));
      j--;
      continue;
    }
    if ((w === "not" || w === "never") && j < k - 1) {
      // "not a very big surprise"
      if (negAt < 0) negAt = j;
      j--;
      break;
    }
    if (ps === "NOUN" && s.view.isEvent[j] && s.pos(j + 1) === "NOUN") {
      j--;
      continue;
    }
    if (ps === "ADV" && (s.pos(j + 1) === "ADJ" || s.pos(j + 1) === "VERB")) {
      j--;
      continue;
    }
    if (ps === "VERB" && (w.endsWith("ed") || w.endsWith("ing")) && j > 0 && (s.pos(j - 1) === "DET" || s.pos(j - 1) === "ADJ" || POSSESSIVE.has(s.low(j - 1)) || NP_PUNCT.has(s.low(j - 1)))) {
      const m = NOUN_MOD.get(w);
      if (m !== "ANY") addModifier(s, np, j, m);
      j--;
      continue;
    }
    if (w === "of" && j > 0 && POSSIBILITY.has(s.low(j - 1))) {
      j = possibilityOf(s, np, j);
      continue;
    }
    // "the location of the summit": a plain noun before "of" is part of the phrase.
    if (w === "of" && j > 0 && s.pos(j - 1) === "NOUN" && !s.view.isEvent[j - 1] && !INTENSIONAL_NOUN.has(s.low(j - 1))) {
      j -= 1;
      continue;
    }
    break;
  }
  np.start = j + 1;
  np.neg = negAt >= 0;
  if (np.own) np.own.negated ||= np.neg;
  else if (np.neg) np.own = phraseGovernor("negation", s.low(negAt), negAt, negAt + 1);
  return np;
}

/** "the possibility of", "no realistic prospect of" ending at the "of" at j: adds its value; returns where the walk goes on. */
function possibilityOf(s: SentenceContext, np: NounPhrase, j: number): number {
  const poss = POSSIBILITY.get(s.low(j - 1))!;
  let h = j - 2;
  let negated = false;
  while (h >= 0 && (s.pos(h) === "ADJ" || s.pos(h) === "DET" || s.pos(h) === "ADV")) {
    if (NOUN_NEGATORS.has(s.low(h))) negated = true;
    h--;
  }
  np.markers.push(negated ? poss[1] : poss[0]);
  if (!np.own) np.own = { ...governorAt(s, j - 1, "possibility-noun")!, negated };
  return h;
}

/** An event noun at k in its context. */
export function nounValue(s: SentenceContext, k: number): Reading {
  const np = nounPhrase(s, k);
  const start = np.start;
  const p = start - 1;
  const definite = DEFINITE.has(s.low(start)) || s.ts.slice(start, k).some((t) => t.lower === "'s" || t.lower === "’s");
  // Coordinated event nouns share their standing: "filed for bankruptcy and Chapter 11 protection".
  const coordinated = s.pos(p) === "CCONJ" && s.view.isEvent[p - 1] && (s.pos(p - 1) === "NOUN" || s.pos(p - 1) === "PROPN");
  const subjectLike = !coordinated && (p < 0 || s.isClauseStart(p) || (s.pos(p) === "CCONJ" && !s.isVerbLike(p - 1)) || clauseSubject(s, p, k));
  let ctx: Reading;
  let f: Fact;
  let governor: Governor | null;
  if (coordinated) {
    ctx = s.valueAt(p - 1);
    f = ctx.f;
    governor = governorOf(ctx);
  } else if (subjectLike) {
    ({ ctx, f, governor } = asSubject(s, k, start, definite));
  } else if (s.pos(p) === "AUX" || (s.pos(p) === "ADV" && s.pos(p - 1) === "AUX")) {
    // Predicate noun: "there has been no formal outreach".
    ({ ctx, f } = predicateNoun(s, start));
    governor = governorOf(ctx);
  } else {
    ctx = s.contextOf(k, start, true);
    f = ctx.f;
    governor = ctx.governor;
    // A definite object or prepositional noun is presupposed: "during the upcoming trip", "declined to confirm the trip".
    // It keeps a governor named at the word it hangs on ("stayed away from the talks"), not the mood of that verb.
    const g = definite && np.markers.length === 0 && f.c > 0 ? plainAttachment(s, start) : -1;
    if (g >= 0) {
      f = CT_POS;
      if (governor && !(governor.start <= g && g < governor.end)) governor = null;
    }
  }
  for (const m of np.markers) f = combine(f, m);
  // In a subject, the predicate's reading already carries the subject's own "no".
  const negCounted = subjectLike && !coordinated && !ctx.f.pos;
  if (np.neg && !negCounted) f = combine(f, NEG);
  else if (np.any && f.pos) f = UU;
  return { f, reported: ctx.reported, condition: ctx.condition, governor, own: np.own };
}

/** A subject noun: the context of its predicate, with the predicate's markers on the noun's occurrence. */
function asSubject(s: SentenceContext, k: number, start: number, definite: boolean): { ctx: Reading; f: Fact; governor: Governor | null } {
  const pred = predicateRight(s, k);
  const ctx = pred ? pred.ctx : s.contextOf(k, start, false);
  let f = ctx.f;
  let governor: Governor | null = null;
  // A definite subject is presupposed: only a non-committal modal ("would", "should") reaches it, not "could".
  if (pred) {
    for (const m of pred.markers) {
      if (definite && m.modal && m.fact.c > 0) continue;
      f = combine(f, m.fact);
      governor ??= m.governor;
    }
  }
  return { ctx, f, governor: governor ?? ctx.governor };
}

/**
 * The word a noun phrase starting at `start` hangs on (the verb before it, or the word before its preposition) when
 * the phrase only inherits that word's value (no cancel, denial or intention); else -1.
 */
function plainAttachment(s: SentenceContext, start: number): number {
  const p = start - 1;
  const g = s.pos(p) === "VERB" ? p : s.pos(p) === "ADP" || s.low(p) === "to" ? p - 1 : -1;
  if (g < 0) return -1;
  if (s.low(p) === "without") return -1;
  const lemma = s.lem(g);
  const w = s.low(g);
  if (CANCEL.has(lemma) || DENY.has(lemma) || NEG_IMPL.has(lemma) || INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(w)) return -1;
  if (INT_PREP.has(w) || POSSIBILITY.has(w) || (CANCEL_NOUNS.has(w) && s.low(p) === "of")) return -1;
  return CANCEL_PHRASES.some((c) => s.endsPhrase(p, c)) ? -1 : g;
}

/** A noun's reading from its own phrase alone, when its context cannot be followed. */
export function ownNounReading(s: SentenceContext, k: number): Reading {
  const np = nounPhrase(s, k);
  let f = CT_POS;
  for (const m of np.markers) f = combine(f, m);
  if (np.neg) f = combine(f, NEG);
  else if (np.any && f.pos) f = UU;
  return { f, reported: false, condition: null, governor: null, own: np.own };
}
