// The predicate to the right of a subject noun, and the markers it sets on the noun's own occurrence: a cancel verb
// ("the summit was called off"), a hedge ("talks are expected"), a schedule phrase ("not on the schedule"), a negated
// occurrence ("did not take place"), and the predicate's adverbs and modals.
import { type Governor, type Reading, type SentenceContext } from "./context.js";
import { CT_POS, type Fact, NEG } from "./facts.js";
import { governorAt, modalGovernor, phraseGovernor } from "./governor.js";
import {
  APPROX, CANCEL, CLAUSE_PUNCT, COMPLEMENTIZERS, COPULAR, EXISTENCE, FACTIVE_HEDGE, KINDS, NEGATORS, OCCURRENCE, POSSESSIVE,
  POSSESSOR_WINDOW, PRED_HEDGE, PREDICATE_WINDOW, RELATIVE, REPORT_PASSIVE, SCHEDULE_PREDICATES, TRANSPARENT,
} from "./lexicon.js";
import { modalValue, verbGroup } from "./verb-group.js";

/** A marker of the predicate on its subject; `modal` markers do not reach a definite subject. */
export interface PredicateMarker {
  fact: Fact;
  modal: boolean;
  governor: Governor | null;
}

/** The first verb or auxiliary right of the subject noun at k, past a parenthetical; -1 when the clause shows none. */
function predicateAfter(s: SentenceContext, k: number): number {
  let j = k + 1;
  let depth = 0;
  while (j < s.n && depth < PREDICATE_WINDOW) {
    const ps = s.pos(j);
    // Skip a parenthetical: "The visit, which was planned for March, has been cancelled", "The delivery, originally
    // due this year, will be delayed".
    if (s.low(j) === ",") {
      let c = j + 1;
      let verbless = true;
      while (c < s.n && s.low(c) !== "," && s.low(c) !== ".") {
        if (s.pos(c) === "AUX" || (s.pos(c) === "VERB" && !/(?:ed|en|ing)$/.test(s.low(c)))) verbless = false;
        c++;
      }
      if (s.low(c) !== "," || !(verbless || (RELATIVE.has(s.low(j + 1)) && s.low(j + 1) !== "that"))) return -1;
      j = c + 1;
      depth++;
      continue;
    }
    if (ps === "AUX" || ps === "VERB" || (ps === "ADV" && (s.pos(j + 1) === "AUX" || s.pos(j + 1) === "VERB"))) break;
    if (CLAUSE_PUNCT.has(s.low(j)) || s.low(j) === "." || s.low(j) === "to" || (COMPLEMENTIZERS.has(s.low(j)) && ps !== "CCONJ" && ps !== "ADP")) return -1;
    j++;
    depth++;
  }
  return j >= s.n || depth >= PREDICATE_WINDOW ? -1 : j;
}

/** For a subject noun at k: its predicate's context and the markers that bear on the noun's own occurrence. */
export function predicateRight(s: SentenceContext, k: number): { ctx: Reading; markers: PredicateMarker[] } | null {
  const j = predicateAfter(s, k);
  if (j < 0) return null;
  let h = j;
  while (h < s.n && (s.pos(h) === "AUX" || s.pos(h) === "ADV" || (s.pos(h) === "PART" && NEGATORS.has(s.low(h))))) h++;
  if (h >= s.n) return null;
  const headIsVerb = s.pos(h) === "VERB";
  // Copular predicate: "was unlikely", "is expected", "are reportedly underway", "is the most likely".
  const head = !headIsVerb && s.pos(h) === "DET" && (s.low(h + 1) === "most" || PRED_HEDGE.has(s.low(h + 1))) ? h + 1 : h;
  const g = verbGroup(s, head);
  const ctx = headIsVerb ? s.valueAt(head) : s.contextOf(head, g.start, false);
  const passive = s.ts.slice(g.start, head).some((t) => t.pos === "AUX" && t.lemma === "be");
  const copular = headIsVerb && COPULAR.has(s.lem(head));
  const hedge = predicateHedge(s, head, headIsVerb, passive, copular);
  const markers: PredicateMarker[] = [];
  // A cancelled or delayed event: "the deal had been killed", "test flight delayed".
  if (headIsVerb && CANCEL.has(s.lem(head)) && (passive || (s.low(head).endsWith("ed") && g.start === head))) markers.push({ fact: NEG, modal: false, governor: governorAt(s, head, "cancel") });
  const factive = headIsVerb && passive ? FACTIVE_HEDGE.get(s.low(head)) : undefined;
  if (hedge && (!headIsVerb || passive || copular)) markers.push({ fact: hedge.fact, modal: false, governor: governorAt(s, hedge.at, "other") });
  else if (factive) markers.push({ fact: factive, modal: false, governor: governorAt(s, head, "other") });
  // A listed verb in the passive governs its subject without changing its value: "talks were rejected", "a meeting was proposed".
  const passiveKind = headIsVerb && passive ? governorAt(s, head, null) : null;
  if (passiveKind) markers.push({ fact: CT_POS, modal: false, governor: passiveKind });
  const schedule = headIsVerb ? null : scheduleAt(s, head);
  // "A meeting is not on the schedule", "talks are not underway": a negated copula over a plan negates the event.
  if (schedule) markers.push({ fact: g.neg ? NEG : CT_POS, modal: false, governor: phraseGovernor("schedule", schedule.lemma, head, schedule.end, g.neg) });
  else if (g.neg && (OCCURRENCE.has(s.lem(head)) || hedge)) markers.push({ fact: NEG, modal: false, governor: phraseGovernor("negation", s.low(g.negAt), g.negAt, g.negAt + 1) });
  // Only the clause context of the predicate, not its own modality, carries over as the starting point.
  const base = headIsVerb ? s.contextOf(head, g.start, false) : ctx;
  // Hedges on a predicate reach a definite subject only when the predicate is about its taking place.
  const existence = EXISTENCE.has(s.lem(head)) || EXISTENCE.has(s.low(head)) || !headIsVerb;
  g.markers.forEach((fact, m) => markers.push({ fact, modal: !existence, governor: m === 0 ? adverbGovernor(s, g.hedgeAt, g.neg) : null }));
  const modal = modalValue(s, g.modals, g.neg, head, ctx.reported).f;
  markers.push({ fact: modal, modal: true, governor: modalGovernor(s, g, head, ctx.reported) });
  return { ctx: base, markers };
}

/** The hedge of a predicate and where it stands: its head ("unlikely", "expected") or a copula's adjective ("seems likely"). */
function predicateHedge(s: SentenceContext, head: number, headIsVerb: boolean, passive: boolean, copular: boolean): { fact: Fact; at: number } | null {
  const hw = s.low(head);
  let fact = REPORT_PASSIVE.has(hw) ? undefined : (PRED_HEDGE.get(hw) ?? (headIsVerb && passive ? FACTIVE_HEDGE.get(hw) : undefined));
  let at = head;
  // Copular verbs pass on the hedge of their adjective: "becomes almost certain", "seems likely".
  if (copular) {
    let a = head + 1;
    let almost = false;
    while (s.pos(a) === "ADV") {
      if (APPROX.has(s.low(a))) almost = true;
      a++;
    }
    const adj = PRED_HEDGE.get(s.low(a));
    if (s.pos(a) === "ADJ" && adj) {
      fact = almost && adj.c === 3 ? { c: 2, pos: adj.pos } : adj;
      at = a;
    }
  }
  return fact ? { fact, at } : null;
}

/** A listed hedge adverb of the predicate ("reportedly", "probably") as the governor of its subject. */
function adverbGovernor(s: SentenceContext, at: number, negated: boolean): Governor | null {
  const kind = at >= 0 ? KINDS.get(s.low(at)) : undefined;
  return kind && kind !== TRANSPARENT ? phraseGovernor(kind, s.low(at), at, at + 1, negated) : null;
}

/** A schedule phrase at `at` ("on the schedule", "underway", "on his agenda"): its words and where it ends, or null. */
function scheduleAt(s: SentenceContext, at: number): { lemma: string; end: number } | null {
  for (const ph of SCHEDULE_PREDICATES) {
    if (ph.every((w, m) => s.low(at + m) === w)) return { lemma: ph.join(" "), end: at + ph.length };
    const end = ownedSchedule(s, at, ph);
    if (end > 0) return { lemma: ph.join(" "), end };
  }
  return null;
}

/** "on the president's schedule", "on his agenda": a schedule phrase whose "the" is a possessor; its end, or -1. */
function ownedSchedule(s: SentenceContext, at: number, ph: string[]): number {
  if (ph.length < 3 || ph[1] !== "the" || s.low(at) !== ph[0]) return -1;
  const rest = ph.slice(2);
  for (let j = at + 1; j <= at + POSSESSOR_WINDOW && j < s.n; j++) {
    const w = s.low(j);
    if (rest.every((r, m) => s.low(j + m) === r)) return j > at + 1 && (s.low(j - 1) === "'s" || s.low(j - 1) === "’s" || POSSESSIVE.has(s.low(j - 1))) ? j + rest.length : -1;
    if (!(s.pos(j) === "DET" || s.pos(j) === "PROPN" || s.pos(j) === "NOUN" || s.pos(j) === "ADJ" || s.pos(j) === "PART" || w === "'s" || POSSESSIVE.has(w))) return -1;
  }
  return -1;
}
