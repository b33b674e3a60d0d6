// Naming the word that governs a trigger: its kind from the lexicon's "kinds" (a rule's own kind when the word is not
// listed), the phrase it heads, and whether it is negated itself ("did not want to", "has no plans to").
import { type Governor, type GovernorKind, type Reading, type SentenceContext, governorOf } from "./context.js";
import { ABILITY, KINDS, MODALS, NOUN_NEGATORS, POSSESSIVE, TRANSPARENT } from "./lexicon.js";
import { type VerbGroup, backshifted, verbGroup } from "./verb-group.js";

/**
 * The lexicon's kind for the word at q, looked up as a two-word phrase from it ("call off", "scheduled to") or ending
 * at it ("look forward"), then by its lemma, then by its form ("prepared" the adjective is not "prepare" the verb).
 */
function kindAt(s: SentenceContext, q: number): { kind: GovernorKind | typeof TRANSPARENT; lemma: string; start: number; end: number } | null {
  const lemma = s.lem(q);
  const next = s.low(q + 1);
  if (next) {
    for (const phrase of [`${lemma} ${next}`, `${s.low(q)} ${next}`]) {
      const kind = KINDS.get(phrase);
      if (kind) return { kind, lemma: phrase, start: q, end: q + 2 };
    }
  }
  if (q > 0) {
    const phrase = `${s.lem(q - 1)} ${s.low(q)}`;
    const kind = KINDS.get(phrase);
    if (kind) return { kind, lemma: phrase, start: q - 1, end: q + 1 };
  }
  const kind = KINDS.get(lemma) ?? KINDS.get(s.low(q));
  return kind ? { kind, lemma, start: q, end: q + 1 } : null;
}

/** Whether the word at q carries its own negation: a negator in its verb group, or "no" before a noun. */
export function negatedAt(s: SentenceContext, q: number): boolean {
  const p = s.pos(q);
  if (p !== "NOUN" && p !== "PROPN") return verbGroup(s, q).neg;
  for (let j = q - 1; j >= 0; j--) {
    const w = s.low(j);
    if (NOUN_NEGATORS.has(w) || w === "not" || w === "never") return true;
    const pj = s.pos(j);
    if (!(pj === "DET" || pj === "ADJ" || pj === "ADV" || pj === "NUM" || POSSESSIVE.has(w))) return false;
  }
  return false;
}

/**
 * The governor named by the word at q. A listed word has its listed kind; an unlisted one the rule's `fallback` kind.
 * A transparent word, or an unlisted one where the rule names none, hands on the governor of its own reading `through`.
 */
export function governorAt(s: SentenceContext, q: number, fallback: GovernorKind | null, through: Reading | null = null): Governor | null {
  const hit = kindAt(s, q);
  if (hit && hit.kind !== TRANSPARENT) return { kind: hit.kind, lemma: hit.lemma, start: hit.start, end: hit.end, negated: negatedAt(s, hit.start) };
  if (!hit && fallback) return { kind: fallback, lemma: s.lem(q), start: q, end: q + 1, negated: negatedAt(s, q) };
  return through ? governorOf(through) : null;
}

/** A governor of a fixed kind over the tokens [start, end) ("if", "in order to", "on the schedule"). */
export function phraseGovernor(kind: GovernorKind, lemma: string, start: number, end: number, negated = false): Governor {
  return { kind, lemma, start, end, negated };
}

/** A listed kind for a phrase as a whole ("on condition"), else the rule's kind. */
export function kindOf(phrase: string, fallback: GovernorKind): GovernorKind {
  const kind = KINDS.get(phrase);
  return kind && kind !== TRANSPARENT ? kind : fallback;
}

/** The governor a group's modal names: "could not" (fail), or the modal; none for a future or back-shifted "will". */
export function modalGovernor(s: SentenceContext, g: VerbGroup, head: number, reported: boolean): Governor | null {
  const at = g.modalAt;
  if (at < 0) return null;
  const m = s.low(at);
  if (ABILITY.has(m) && g.neg) {
    const phrase = `${s.lem(at)} not`;
    return { kind: kindOf(phrase, "fail"), lemma: phrase, start: Math.min(at, g.negAt), end: Math.max(at, g.negAt) + 1, negated: false };
  }
  // A back-shifted "would" ("said talks would resume") is a reported "will": a tense, like "will" itself.
  if (MODALS.get(m) === "WOULD" && backshifted(s, m, head, reported)) return null;
  return { kind: "modal", lemma: s.lem(at), start: at, end: at + 1, negated: g.neg };
}

/**
 * The governor inside a predicate's own group, in this order: its modal (see modalGovernor), a listed hedge adverb
 * ("reportedly": report), a plain negation (negation).
 */
export function groupGovernor(s: SentenceContext, g: VerbGroup, head: number, reported: boolean): Governor | null {
  const modal = modalGovernor(s, g, head, reported);
  if (modal) return modal;
  if (g.hedgeAt >= 0) {
    const kind = KINDS.get(s.low(g.hedgeAt));
    if (kind && kind !== TRANSPARENT) return { kind, lemma: s.low(g.hedgeAt), start: g.hedgeAt, end: g.hedgeAt + 1, negated: g.neg };
  }
  if (g.neg) return { kind: "negation", lemma: s.low(g.negAt), start: g.negAt, end: g.negAt + 1, negated: false };
  return null;
}
