// FactBank factuality of event mentions, read from the words that govern each trigger (modals, negation, hedges,
// intensional and implicative predicates, reporting and denial verbs, conditions) without a syntactic parser.
import type { Factuality } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import { loadData } from "../resources.js";

interface FactualityLexicon {
  negators: string[];
  nounNegators: string[];
  modals: Record<string, string>;
  abilityModals: string[];
  hedgeAdverbs: Record<string, string>;
  predicateHedges: Record<string, string>;
  nounModifiers: Record<string, string>;
  possibilityNouns: Record<string, [string, string]>;
  intensional: string[];
  intensionalNouns: string[];
  intensionalPrepositions: Record<string, string>;
  prepositionValues: Record<string, string>;
  negImplicative: string[];
  posImplicative: string[];
  cancel: string[];
  cancelPhrases: string[][];
  cancelNouns: string[];
  preventFrom: string[];
  reportVerbs: string[];
  reportNouns: string[];
  denyVerbs: string[];
  doubtVerbs: string[];
  uncertainPredicates: string[];
  factiveHedges: Record<string, string>;
  conditionals: string[];
  conditionalPhrases: string[][];
  invertedConditionals: string[];
  purposePhrases: string[][];
  questionWords: string[];
  hypotheticalTemporal: string[];
  complementizers: string[];
  backshiftContextVerbs: string[];
  occurrencePredicates: string[];
  schedulePredicates: string[];
  grammar: Record<string, string[]>;
  expectationVerbs: string[];
  commitmentVerbs: string[];
  objectTransparent: string[];
  reportPassives: string[];
  knowledgeVerbs: string[];
  openingCancels: string[][];
  existencePredicates: string[];
}

/** Certainty (3 = CT, 2 = PR, 1 = PS, 0 = Uu) and polarity. */
export interface Fact {
  c: number;
  pos: boolean;
}

const CT_POS: Fact = { c: 3, pos: true };
const NEG: Fact = { c: 3, pos: false };
const UU: Fact = { c: 0, pos: true };

/** Parses a FactBank label into certainty and polarity. */
export function parseFact(label: string): Fact {
  const pos = !label.endsWith("-");
  if (label.startsWith("CT")) return { c: 3, pos };
  if (label.startsWith("PR")) return { c: 2, pos };
  if (label.startsWith("PS")) return { c: 1, pos };
  return UU;
}

/** Prints certainty and polarity as a FactBank label. */
export function factLabel(f: Fact): Factuality {
  if (f.c <= 0) return "Uu";
  const p = f.pos ? "+" : "-";
  return ((f.c === 3 ? "CT" : f.c === 2 ? "PR" : "PS") + p) as Factuality;
}

/** Combines a context with a marker: the weaker certainty wins, negations multiply. */
export function combine(a: Fact, b: Fact): Fact {
  const c = Math.min(a.c, b.c);
  return c === 0 ? UU : { c, pos: a.pos === b.pos };
}

function flip(f: Fact): Fact {
  return f.c === 0 ? UU : { c: f.c, pos: !f.pos };
}

const L = loadData<FactualityLexicon>("lexicons/factuality.json");
const set = (xs: string[]) => new Set(xs);
const NEGATORS = set(L.negators);
const NOUN_NEGATORS = set(L.nounNegators);
const MODALS = new Map(Object.entries(L.modals));
const ABILITY = set(L.abilityModals);
const HEDGE_ADV = new Map(Object.entries(L.hedgeAdverbs).map(([k, v]) => [k, parseFact(v)]));
const PRED_HEDGE = new Map(Object.entries(L.predicateHedges).map(([k, v]) => [k, parseFact(v)]));
const NOUN_MOD = new Map(Object.entries(L.nounModifiers));
const POSSIBILITY = new Map(Object.entries(L.possibilityNouns).map(([k, v]) => [k, [parseFact(v[0]), parseFact(v[1])] as const]));
const INTENSIONAL = set(L.intensional);
const INTENSIONAL_NOUN = set(L.intensionalNouns);
const INT_PREP = new Map(Object.entries(L.intensionalPrepositions));
const PREP_VALUE = new Map(Object.entries(L.prepositionValues).map(([k, v]) => [k, parseFact(v)]));
const NEG_IMPL = set(L.negImplicative);
const POS_IMPL = set(L.posImplicative);
const CANCEL = set(L.cancel);
const PREVENT = set(L.preventFrom);
const REPORT = set(L.reportVerbs);
const REPORT_NOUN = set(L.reportNouns);
const DENY = set(L.denyVerbs);
const DOUBT = set(L.doubtVerbs);
const UNCERTAIN = set(L.uncertainPredicates);
const FACTIVE_HEDGE = new Map(Object.entries(L.factiveHedges).map(([k, v]) => [k, parseFact(v)]));
const CONDITIONALS = set(L.conditionals);
const INVERTED = set(L.invertedConditionals);
const QUESTION = set(L.questionWords);
const HYPO_TEMPORAL = set(L.hypotheticalTemporal);
const COMPLEMENTIZERS = set(L.complementizers);
const BACKSHIFT = set(L.backshiftContextVerbs);
const OCCURRENCE = set(L.occurrencePredicates);
const CONDITIONAL_PHRASES = L.conditionalPhrases;
const PURPOSE_PHRASES = L.purposePhrases;
const CANCEL_PHRASES = L.cancelPhrases;
const CANCEL_NOUNS = set(L.cancelNouns);
const G = L.grammar;
const NP_PUNCT = set(G.npPunctuation);
const POSSESSIVE = set(G.possessives);
const ORDINAL = set(G.ordinals);
const DEFINITE = set(G.definites);
const FUTURE_SUB = set(G.futureSubordinators);
const GENERIC_SUB = set(G.genericSubordinators);
const COPULAR = set(G.copulas);
const APPROX = set(G.approximators);
const RELATIVE = set(G.relativePronouns);
const CLAUSE_PUNCT = set(G.clausePunctuation);
const EXPECT = set(L.expectationVerbs);
const COMMIT = set(L.commitmentVerbs);
const OBJECT_TRANSPARENT = set(L.objectTransparent);
const REPORT_PASSIVE = set(L.reportPassives);
const KNOW = set(L.knowledgeVerbs);
const PR_POS = parseFact("PR+");
const MAX_DEPTH = 64;
const PS_POS = parseFact("PS+");
const OPENING_CANCELS = L.openingCancels;
const EXISTENCE = set(L.existencePredicates);
const SCHEDULE_PREDICATES = L.schedulePredicates.map((p) => p.split(" "));

/** One sentence's tokens (whitespace removed), which of them are event candidates, and which lie in reported content. */
export interface SentenceView {
  ts: Token[];
  /** Position (in ts) of each event candidate. */
  isEvent: boolean[];
  /** True where an attribution's content covers the token. */
  attributed: boolean[];
}

/** The result for one trigger: its value and, when one was found, the condition clause governing it. */
export interface FactReading {
  value: Factuality;
  /** Token positions [from, to) of a governing or contained condition clause, if any. */
  condition: [number, number] | null;
}

interface Ctx {
  f: Fact;
  reported: boolean;
  condition: [number, number] | null;
}

const isPast = (t: Token) => t.lower !== t.lemma && !t.lower.endsWith("s") && t.lower !== t.lemma + "ing";

/** Judges every candidate of a sentence; positions in `events` index `view.ts`. */
export function judgeSentence(view: SentenceView, events: number[]): FactReading[] {
  const { ts } = view;
  const n = ts.length;
  const memo = new Map<number, Ctx>();
  const busy = new Set<number>();
  const low = (k: number) => (k >= 0 && k < n ? ts[k].lower : "");
  const pos = (k: number) => (k >= 0 && k < n ? ts[k].pos : "");
  const lem = (k: number) => (k >= 0 && k < n ? ts[k].lemma : "");
  const endsPhrase = (k: number, phrase: string[]) => {
    for (let m = 0; m < phrase.length; m++) {
      const at = k - phrase.length + 1 + m;
      if (low(at) !== phrase[m] && (m > 0 || lem(at) !== phrase[m])) return false;
    }
    return true;
  };
  const phraseEndingAt = (k: number, phrases: string[][]) => phrases.find((p) => endsPhrase(k, p)) ?? null;
  const reportedSentence = ts.some((t) => t.pos === "VERB" && BACKSHIFT.has(t.lemma) && isPast(t));
  const isVerbLike = (k: number) => pos(k) === "VERB";
  let firstPredicate = ts.findIndex((t) => t.pos === "VERB" || t.pos === "AUX" || CLAUSE_PUNCT.has(t.lower));
  if (firstPredicate < 0) firstPredicate = n;
  // A "would" in a sentence that states a condition is conditional, not a back-shifted "will".
  const conditionalSentence = ts.some((t, j) => CONDITIONALS.has(t.lower) || phraseEndingAt(j, CONDITIONAL_PHRASES) !== null || (t.pos === "AUX" && INVERTED.has(t.lower) && (j === 0 || CLAUSE_PUNCT.has(ts[j - 1].lower))));
  const isClauseStart = (k: number) => k < 0 || CLAUSE_PUNCT.has(low(k)) || COMPLEMENTIZERS.has(low(k));
  const questionAt = (k: number) => {
    for (let j = k + 1; j < n; j++) {
      const w = low(j);
      if (w === "?") return true;
      if (w === "." || w === "!" || w === "”" || w === "\"") return false;
    }
    return false;
  };
  /** End (exclusive) of the clause starting after position k. */
  const clauseEnd = (k: number) => {
    let j = k + 1;
    while (j < n && !CLAUSE_PUNCT.has(low(j)) && low(j) !== "." && low(j) !== "?") j++;
    return j;
  };

  /** Verb group: auxiliaries, adverbs and negators before the head at k; returns its first position and markers. */
  function verbGroup(k: number): { start: number; markers: Fact[]; modals: string[]; neg: boolean } {
    const markers: Fact[] = [];
    const modals: string[] = [];
    let neg = false;
    let j = k - 1;
    while (j >= 0) {
      const w = low(j);
      const p = pos(j);
      if (NEGATORS.has(w) && (p === "PART" || p === "ADV" || p === "DET" || w === "never" || w === "neither")) {
        neg = true;
        j--;
        continue;
      }
      if (p === "AUX") {
        if (MODALS.has(w)) modals.push(w);
        j--;
        continue;
      }
      if (p === "ADV" && !COMPLEMENTIZERS.has(w) && !QUESTION.has(w)) {
        const h = HEDGE_ADV.get(w);
        if (h) markers.push(h);
        j--;
        continue;
      }
      break;
    }
    // Hedges right after the head ("said reportedly", "is likely") count too.
    const h = HEDGE_ADV.get(low(k + 1));
    if (h && pos(k + 1) === "ADV") markers.push(h);
    return { start: j + 1, markers, modals, neg };
  }

  function modalValue(modals: string[], neg: boolean, k: number, reported: boolean): { f: Fact; negUsed: boolean } {
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
        // "would have been doing" is counterfactual even in reported speech.
        let perfect = false;
        for (let j = k - 1; j >= 0 && (pos(j) === "AUX" || pos(j) === "ADV" || pos(j) === "PART") && low(j) !== m; j--) if (lem(j) === "have") perfect = true;
        const backshift = reported && !perfect && !conditionalSentence;
        f = combine(f, backshift ? CT_POS : UU);
        continue;
      }
      f = combine(f, parseFact(v));
    }
    return { f, negUsed };
  }

  /** The factuality the governing context lends to the phrase starting at `start` (head at k). */
  function contextOf(k: number, start: number, isNoun: boolean): Ctx {
    const base: Ctx = { f: CT_POS, reported: view.attributed[k] || reportedSentence, condition: null };
    const p = start - 1;
    if (p < 0) return base;
    const w = low(p);
    // Infinitival complements: "want to meet", "likely to respond", "declined to confirm", purposes.
    if (!isNoun && w === "to") {
      let q = p - 1;
      let negated = false;
      while (q >= 0 && ((pos(q) === "ADV" && !INT_PREP.has(low(q)) && !PRED_HEDGE.has(low(q)) && !NEG_IMPL.has(low(q))) || low(q) === "not" || low(q) === "never")) {
        if (low(q) === "not" || low(q) === "never") negated = true;
        q--;
      }
      if (q < 0) return { ...base, f: UU };
      const ph = phraseEndingAt(p, PURPOSE_PHRASES);
      if (ph) return { ...base, f: UU };
      // "decided not to attend", "managed not to": the negation belongs to the complement.
      const r = relation(q, "to", base);
      return negated ? { ...r, f: combine(r.f, NEG) } : r;
    }
    // Condition and purpose phrases directly before the clause.
    if (phraseEndingAt(p, CONDITIONAL_PHRASES) || CONDITIONALS.has(w)) return condCtx(base, p, k);
    if (!isNoun && pos(p) === "CCONJ") {
      // Coordinated predicates share their context: "neither confirmed nor denied", "decided to leave or was forced out".
      for (let j = p - 1; j >= 0 && j >= p - 10; j--) {
        if (CLAUSE_PUNCT.has(low(j)) && low(j) !== ",") break;
        if (isVerbLike(j)) {
          const v = valueAt(j);
          return { ...v, f: w === "nor" ? combine(v.f.pos ? v.f : flip(v.f), NEG) : dropOwnNegation(j, v.f) };
        }
      }
      return base;
    }
    if (!isNoun && isVerbLike(p)) return relation(p, "", base);
    if (!isNoun && pos(p) === "ADP" && ts[start].lower.endsWith("ing")) return prepositional(p, k, base);
    if (isNoun && (pos(p) === "ADP" || w === "to")) return prepositional(p, k, base);
    if (isNoun && (isVerbLike(p) || pos(p) === "PART" || pos(p) === "ADP")) return objectOf(p, base);
    return subjectScan(k, p, base);
  }

  function dropOwnNegation(j: number, f: Fact): Fact {
    return verbGroup(j).neg && !f.pos ? flip(f) : f;
  }

  function condCtx(base: Ctx, markerPos: number, k: number): Ctx {
    return { ...base, f: UU, condition: [markerPos - (phraseEndingAt(markerPos, CONDITIONAL_PHRASES)?.length ?? 1) + 1, Math.max(clauseEnd(k), k + 1)] };
  }

  /** Relation lent by a governor word at q to its complement. */
  function relation(q: number, via: string, base: Ctx): Ctx {
    const w = low(q);
    const lemma = lem(q);
    const pass = pos(q - 1) === "AUX" && lem(q - 1) === "be";
    if (via === "to") {
      const ph = PRED_HEDGE.get(w);
      if (ph && (pos(q) !== "VERB" || pass)) return { ...base, f: inherit(q, ph) };
      if (INT_PREP.get(w) === "to") return { ...base, f: PREP_VALUE.has(w) ? inherit(q, PREP_VALUE.get(w)!) : UU };
      if (NEG_IMPL.has(lemma) || NEG_IMPL.has(w)) return { ...base, f: flip(valueAt(q).f) };
      if (POS_IMPL.has(lemma) || POS_IMPL.has(w)) return { ...base, f: valueAt(q).f };
      if (FACTIVE_HEDGE.has(w) && pass) return { ...base, f: inherit(q, FACTIVE_HEDGE.get(w)!) };
      if (pos(q) === "VERB" && EXPECT.has(lemma)) return { ...base, f: inherit(q, PR_POS) };
      if (INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(w)) return { ...base, f: UU };
      // Headline future: "GM to cut 10,000 jobs", "Kim to visit Russia".
      if ((pos(q) === "PROPN" || pos(q) === "NOUN") && q < firstPredicate) return base;
      const possTo = POSSIBILITY.get(w);
      if (possTo && pos(q) === "NOUN") return { ...base, f: combine(valueAt(q).f, possTo[0]) };
      // "a contract to supply", "the first model to be built": the infinitive describes its noun and shares its standing;
      // after an event noun or a name it states a purpose ("talks to discuss", "travel to Damascus to discuss").
      if ((pos(q) === "NOUN" && !view.isEvent[q]) || (pos(q) === "ADJ" && ORDINAL.has(w))) return { ...base, f: valueAt(q).f };
      return { ...base, f: UU };
    }
    // Direct complements: "consider meeting", "stop selling", "stated he looked forward".
    if (NEG_IMPL.has(lemma)) return { ...base, f: flip(valueAt(q).f) };
    if (INTENSIONAL.has(lemma) && !REPORT.has(lemma)) return { ...base, f: UU };
    if (POS_IMPL.has(lemma)) return { ...base, f: valueAt(q).f };
    return reportRelation(q, base);
  }

  /** A clause under a reporting, denial or intensional predicate at q. */
  function reportRelation(q: number, base: Ctx): Ctx {
    const lemma = lem(q);
    const gv = valueAt(q).f;
    if (DENY.has(lemma)) return { ...base, reported: true, f: gv.c === 0 || !gv.pos ? UU : flip(gv) };
    // "It is expected that …", "it is believed that …": a passive hedge over the clause.
    const passive = pos(q - 1) === "AUX" && lem(q - 1) === "be";
    const ph = passive ? (FACTIVE_HEDGE.get(low(q)) ?? PRED_HEDGE.get(low(q))) : undefined;
    if (ph && !REPORT_PASSIVE.has(low(q))) return { ...base, reported: true, f: combine(gv, ph) };
    const denial = REPORT_NOUN.has(low(q)) ? denialOf(q) : -1;
    if (denial >= 0) {
      const dv = valueAt(denial).f;
      return { ...base, reported: true, f: dv.c === 0 || !dv.pos ? UU : flip(dv) };
    }
    if (REPORT.has(lemma) || REPORT_NOUN.has(low(q))) {
      if (COMMIT.has(lemma)) return { ...base, reported: true, f: UU };
      if (gv.c === 0 || !gv.pos) return { ...base, reported: true, f: UU };
      return { ...base, reported: true, f: { c: gv.c, pos: true } };
    }
    if (INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(low(q))) return { ...base, f: UU };
    const poss = POSSIBILITY.get(low(q));
    if (poss) return { ...base, f: poss[0] };
    if (UNCERTAIN.has(low(q))) return { ...base, f: UU };
    return base;
  }

  /** Applies a hedge to the value of the governor at q ("is likely to", "is not expected to"). */
  function inherit(q: number, h: Fact): Fact {
    return combine(valueAt(q).f, h);
  }

  /** A noun or gerund after a preposition at p. */
  function prepositional(p: number, k: number, base: Ctx): Ctx {
    const prep = low(p);
    const gq = p - 1;
    const g = low(gq);
    if (prep === "without") return { ...base, f: flip(nearestPredicate(p, base).f) };
    if (INT_PREP.get(g) === prep || (INT_PREP.get(g) === "to" && prep === "to")) {
      const pv = PREP_VALUE.get(g);
      return { ...base, f: pv ? inherit(gq, pv) : UU };
    }
    if (prep === "from" && PREVENT.has(lem(gq))) return { ...base, f: UU };
    if (prep === "from" && pos(gq) !== "VERB" && pos(gq - 1) === "VERB" && PREVENT.has(lem(gq - 1))) return { ...base, f: UU };
    if ((prep === "for" || prep === "to" || prep === "on" || prep === "of") && (INTENSIONAL_NOUN.has(g) || (pos(gq) === "VERB" && INTENSIONAL.has(lem(gq)) && !REPORT.has(lem(gq)) && prep !== "of")))
      return { ...base, f: UU };
    const poss = POSSIBILITY.get(g);
    if (poss && prep === "of") return { ...base, f: poss[0] };
    // "The suspension of the exercises": a cancellation named as a noun cancels its object as the verb would.
    if (prep === "of" && CANCEL_NOUNS.has(g)) return { ...base, f: cancelled(gq, []) };
    for (const ph of CANCEL_PHRASES) if (ph[ph.length - 1] === prep && endsPhrase(p, ph)) return { ...base, f: cancelled(p - ph.length + 1, ph) };
    if (phraseEndingAt(p, CONDITIONAL_PHRASES)) return condCtx(base, p, k);
    if (HYPO_TEMPORAL.has(prep) && ts[k].lower.endsWith("ing")) return { ...base, f: UU };
    // "under discussion", "in preparation": the noun is the predicate of the clause.
    if ((prep === "under" || prep === "in") && (pos(gq) === "AUX" || (pos(gq) === "ADV" && pos(gq - 1) === "AUX"))) {
      const g2 = verbGroup(p);
      const ctx = contextOf(p, g2.start, false);
      let f = ctx.f;
      for (const m of g2.markers) f = combine(f, m);
      if (g2.neg) f = combine(f, NEG);
      f = combine(f, modalValue(g2.modals, g2.neg, p, ctx.reported).f);
      return { ...ctx, f };
    }
    return nearestPredicate(p, base);
  }

  /** The value of the closest predicate to the left within the clause (the attachment of a prepositional phrase). */
  function nearestPredicate(p: number, base: Ctx): Ctx {
    for (let j = p - 1; j >= 0 && j >= p - 14; j--) {
      if (CLAUSE_PUNCT.has(low(j)) && j < p - 1) break;
      if (isVerbLike(j) || view.isEvent[j]) {
        const v = valueAt(j);
        return { ...base, f: v.f, condition: v.condition };
      }
      if (COMPLEMENTIZERS.has(low(j)) && pos(j) !== "CCONJ") break;
    }
    return base;
  }

  /** The standing of what a cancelling phrase at g acts on; "has not ruled out a visit" leaves the visit possible. */
  function cancelled(g: number, phrase: string[]): Fact {
    const gv = valueAt(g).f;
    if (!gv.pos && OPENING_CANCELS.some((o) => o.join(" ") === phrase.join(" "))) return PS_POS;
    return gv.c === 0 || !gv.pos ? UU : flip(gv);
  }

  /** The head noun of the noun phrase right after position q. */
  function headAfter(q: number): number {
    let j = q + 1;
    while (j < n && (pos(j) === "DET" || pos(j) === "ADJ" || pos(j) === "NUM" || POSSESSIVE.has(low(j)))) j++;
    while (j + 1 < n && pos(j + 1) === "NOUN") j++;
    return j;
  }

  /** The denial verb whose object is the report noun at q ("denied reports that …"), or -1. */
  function denialOf(q: number): number {
    for (let j = q - 1; j >= 0 && j >= q - 5; j--) {
      if (pos(j) === "VERB") return DENY.has(lem(j)) && headAfter(j) === q ? j : -1;
      if (CLAUSE_PUNCT.has(low(j))) return -1;
    }
    return -1;
  }

  /** A noun phrase right after a verb: its object. */
  function objectOf(p: number, base: Ctx): Ctx {
    let q = p;
    if (pos(q) !== "VERB") {
      const ph = CANCEL_PHRASES.find((c) => endsPhrase(q, c));
      if (ph) return { ...base, f: cancelled(q - ph.length + 1, ph) };
      q = p - 1;
      if (pos(q) !== "VERB") return base;
    }
    const lemma = lem(q);
    const gv = valueAt(q).f;
    // "denied the reports", "dismissed the claims": the reports exist; what they say is denied.
    const objectHead = ts[headAfter(q)]?.lower ?? "";
    if (DENY.has(lemma) && (REPORT_NOUN.has(objectHead) || INTENSIONAL_NOUN.has(objectHead))) return { ...base, f: CT_POS };
    if (CANCEL.has(lemma) || DENY.has(lemma)) return { ...base, f: gv.c === 0 || !gv.pos ? UU : flip(gv) };
    if (NEG_IMPL.has(lemma)) return { ...base, f: flip(gv) };
    if (INTENSIONAL.has(lemma) && !REPORT.has(lemma) && !OBJECT_TRANSPARENT.has(lemma)) return { ...base, f: UU };
    if (EXPECT.has(lemma)) return { ...base, f: combine(gv, PR_POS) };
    if (REPORT.has(lemma) && !gv.pos) return { ...base, f: UU };
    return { ...base, f: gv };
  }

  /** A finite verb: walk back over its subject to whatever introduces the clause. */
  function subjectScan(k: number, p: number, base: Ctx): Ctx {
    let j = p;
    let subjNeg = false;
    const limit = Math.max(-1, p - 20);
    for (; j > limit; j--) {
      const w = low(j);
      const ps = pos(j);
      if (phraseEndingAt(j, CONDITIONAL_PHRASES) && (CONDITIONALS.has(w) || ps !== "AUX")) return condCtx(base, j, k);
      if (phraseEndingAt(j, PURPOSE_PHRASES)) return { ...base, f: UU };
      if (CLAUSE_PUNCT.has(w)) break;
      if (w === "that" && (ps === "SCONJ" || isVerbLike(j - 1) || pos(j - 1) === "NOUN" || pos(j - 1) === "ADJ")) break;
      if (w !== "that" && COMPLEMENTIZERS.has(w) && (ps === "SCONJ" || ps === "ADP" || ps === "ADV" || ps === "PRON" || ps === "DET" || ps === "CCONJ")) {
        if (ps === "CCONJ" && j > 0 && !isClauseStart(j - 1) && !isVerbLike(j - 1)) continue;
        break;
      }
      if (ps === "VERB" || ps === "AUX") break;
      if (NOUN_NEGATORS.has(w) || w === "nothing" || w === "nobody" || w === "none") subjNeg = true;
    }
    // "a plan that includes …", "the order, which is believed …": a relative clause, asserted in its own right.
    if (j === p && RELATIVE.has(low(j)) && j > 0 && (pos(j - 1) === "NOUN" || pos(j - 1) === "PROPN" || low(j - 1) === ",")) return base;
    // A negative subject ("no letter was sent", "no venue has been chosen") negates its predicate.
    const result = clauseIntro(j, k, base);
    return { ...result, f: subjNeg ? combine(result.f, NEG) : result.f };
  }

  /** What the word at j (before the subject) does to the clause headed at k. */
  function clauseIntro(j: number, k: number, base: Ctx): Ctx {
    if (j < 0) return base;
    const w = low(j);
    const ps = pos(j);
    if (ps === "AUX" && INVERTED.has(w) && isClauseStart(j - 1)) return condCtx(base, j, k);
    if (CONDITIONALS.has(w)) {
      // "ask if", "unclear if" are questions; otherwise a condition.
      return condCtx(base, j, k);
    }
    if (w === "whether") return { ...base, f: UU };
    if (QUESTION.has(w) && w !== "that") {
      for (let m = j - 1; m >= 0 && m >= j - 4; m--) {
        if (UNCERTAIN.has(low(m)) || DOUBT.has(lem(m))) return { ...base, f: UU };
        if (NEGATORS.has(low(m)) && (KNOW.has(lem(m + 1)) || KNOW.has(lem(m + 2)))) return { ...base, f: UU };
      }
      if (w === "where" || w === "who" || w === "which") return base;
    }
    // "when held in a certain way": a bare participle after a subordinator describes no particular occurrence.
    if (GENERIC_SUB.has(w) && j === k - 1 && isVerbLike(k) && /(?:ed|en|wn)$/.test(ts[k].lower)) return { ...base, f: UU };
    if (HYPO_TEMPORAL.has(w) || FUTURE_SUB.has(w)) {
      const verb = ts[k];
      const g = verbGroup(k);
      const nonPast = g.modals.length > 0 || ts.slice(g.start, k).some((t) => t.pos === "AUX" && (t.lower === "is" || t.lower === "are" || t.lower === "be")) || !isPast(verb);
      if (FUTURE_SUB.has(w)) {
        // "will step down when the proceedings are finalized": a present tense after when/once looks ahead.
        const present = ts.slice(g.start, k).some((t) => t.lower === "is" || t.lower === "are") || (g.start === k && !isPast(verb) && verb.lower !== verb.lemma + "ing");
        return present && g.modals.length === 0 ? { ...base, f: UU } : base;
      }
      return nonPast && !isPast(verb) ? { ...base, f: UU } : nonPast && g.start < k ? { ...base, f: UU } : base;
    }
    if (w === "that" || ps === "VERB") {
      let g = w === "that" ? j - 1 : j;
      if (w === "that" && low(g - 1) === "so") return { ...base, f: UU };
      // "told lawmakers that", "assured him that": skip the addressee.
      if (w === "that" && (pos(g) === "NOUN" || pos(g) === "PRON" || pos(g) === "PROPN") && pos(g - 1) === "VERB" && REPORT.has(lem(g - 1))) g--;
      if (g < 0) return base;
      if (pos(g) === "VERB" || pos(g) === "NOUN" || pos(g) === "ADJ") {
        // Only verbs of saying and believing take a bare clause ("stated he looked forward"); any other verb here
        // belongs to a clause inside the subject.
        if (ps === "VERB" && !(REPORT.has(lem(g)) || DENY.has(lem(g)))) return base;
        return reportRelation(g, base);
      }
      return base;
    }
    // Although, because, when (past), after …: the clause is asserted like the main one.
    return base;
  }

  /** Factuality of the predicate at k (verb, adjective or event noun) in its context. */
  function valueAt(k: number): Ctx {
    const hit = memo.get(k);
    if (hit) return hit;
    // Governors lie to the left (subjects look right once), so the chain is short; the guards bound odd inputs.
    if (busy.has(k) || busy.size > MAX_DEPTH) return { f: CT_POS, reported: false, condition: null };
    busy.add(k);
    const r = pos(k) === "NOUN" || pos(k) === "PROPN" ? nounValue(k) : verbValue(k);
    busy.delete(k);
    memo.set(k, r);
    return r;
  }

  function verbValue(k: number): Ctx {
    const g = verbGroup(k);
    const ctx = contextOf(k, g.start, false);
    let f = ctx.f;
    for (const m of g.markers) f = combine(f, m);
    const mv = modalValue(g.modals, g.neg, k, ctx.reported);
    f = combine(f, mv.f);
    if (g.neg && !mv.negUsed) f = combine(f, NEG);
    return { ...ctx, f };
  }

  function nounValue(k: number): Ctx {
    // Walk left over the noun phrase, collecting determiners and modifiers.
    const markers: Fact[] = [];
    let any = false;
    let neg = false;
    let j = k - 1;
    while (j >= 0) {
      const w = low(j);
      const ps = pos(j);
      if (NOUN_NEGATORS.has(w) && ps !== "ADP") {
        neg = true;
        j--;
        continue;
      }
      if (ps === "DET" || ps === "ADJ" || ps === "NUM" || ps === "PROPN" || (ps === "NOUN" && !view.isEvent[j]) || NP_PUNCT.has(w) || (ps === "PART" && w !== "to" && !NEGATORS.has(w)) || (ps === "PRON" && POSSESSIVE.has(w))) {
        if (ps === "DET" && w === "that" && j > 0 && isVerbLike(j - 1)) break;
        if (NOUN_NEGATORS.has(w)) neg = true;
        const m = NOUN_MOD.get(w);
        if (m === "ANY") any = true;
        else if (m) markers.push(parseFact(m));
        j--;
        continue;
      }
      if ((w === "not" || w === "never") && j < k - 1) {
        // "not a very big surprise"
        neg = true;
        j--;
        break;
      }
      if (ps === "NOUN" && view.isEvent[j] && pos(j + 1) === "NOUN") {
        j--;
        continue;
      }
      if (ps === "ADV" && (pos(j + 1) === "ADJ" || pos(j + 1) === "VERB")) {
        j--;
        continue;
      }
      if (ps === "VERB" && (w.endsWith("ed") || w.endsWith("ing")) && j > 0 && (pos(j - 1) === "DET" || pos(j - 1) === "ADJ" || POSSESSIVE.has(low(j - 1)) || NP_PUNCT.has(low(j - 1)))) {
        const m = NOUN_MOD.get(w);
        if (m && m !== "ANY") markers.push(parseFact(m));
        j--;
        continue;
      }
      if (w === "of" && j > 0) {
        const poss = POSSIBILITY.get(low(j - 1));
        if (poss) {
          // "the possibility of", "no realistic prospect of".
          let h = j - 2;
          let negated = false;
          while (h >= 0 && (pos(h) === "ADJ" || pos(h) === "DET" || pos(h) === "ADV")) {
            if (NOUN_NEGATORS.has(low(h))) negated = true;
            h--;
          }
          markers.push(negated ? poss[1] : poss[0]);
          j = h;
          continue;
        }
        if (pos(j - 1) === "NOUN" && !view.isEvent[j - 1] && !INTENSIONAL_NOUN.has(low(j - 1))) {
          j -= 1;
          continue;
        }
      }
      break;
    }
    const start = j + 1;
    const det = low(start);
    const definite = DEFINITE.has(det) || ts.slice(start, k).some((t) => t.lower === "'s" || t.lower === "’s");
    let ctx: Ctx;
    const p = start - 1;
    // Coordinated event nouns share their standing: "filed for bankruptcy and Chapter 11 protection".
    const coordinated = pos(p) === "CCONJ" && view.isEvent[p - 1] && (pos(p - 1) === "NOUN" || pos(p - 1) === "PROPN");
    const subjectLike = !coordinated && (p < 0 || isClauseStart(p) || (pos(p) === "CCONJ" && !isVerbLike(p - 1)) || clauseSubject(p, k));
    let f: Fact;
    if (coordinated) {
      ctx = valueAt(p - 1);
      f = ctx.f;
    } else if (subjectLike) {
      const pred = predicateRight(k);
      ctx = pred ? pred.ctx : contextOf(k, start, false);
      f = ctx.f;
      // A definite subject is presupposed: only a non-committal modal ("would", "should") reaches it, not "could".
      if (pred) for (const m of pred.markers) if (!(definite && m.modal && m.fact.c > 0)) f = combine(f, m.fact);
    } else if (pos(p) === "AUX" || (pos(p) === "ADV" && pos(p - 1) === "AUX")) {
      // Predicate noun: "there has been no formal outreach".
      const g = verbGroup(start);
      ctx = contextOf(start, g.start, false);
      f = ctx.f;
      for (const m of g.markers) f = combine(f, m);
      const mv = modalValue(g.modals, g.neg, start, ctx.reported);
      f = combine(f, mv.f);
      if (g.neg && !mv.negUsed) f = combine(f, NEG);
    } else {
      ctx = contextOf(k, start, true);
      f = ctx.f;
      // A definite object or prepositional noun is presupposed: "during the upcoming trip", "declined to confirm the trip".
      if (definite && markers.length === 0 && f.c > 0 && plainInheritance(start)) f = CT_POS;
    }
    for (const m of markers) f = combine(f, m);
    // In a subject, the predicate's reading already carries the subject's own "no".
    const negCounted = subjectLike && !coordinated && !ctx.f.pos;
    if (neg && !negCounted) f = combine(f, NEG);
    else if (any && f.pos) f = UU;
    return { ...ctx, f };
  }

  /** A noun phrase after a verb of saying that is followed by its own predicate is the subject of a reported clause. */
  function clauseSubject(p: number, k: number): boolean {
    if (pos(p) !== "VERB" || !REPORT.has(lem(p))) return false;
    for (let j = k + 1; j < n && j <= k + 6; j++) {
      const ps = pos(j);
      if (low(j) === "to") return false;
      if (ps === "AUX") return true;
      if (ps === "VERB") return !ts[j].lower.endsWith("ing");
      if (CLAUSE_PUNCT.has(low(j)) || COMPLEMENTIZERS.has(low(j))) return false;
    }
    return false;
  }

  /** Whether a noun phrase starting at `start` only inherits its governor's value (no cancel, denial or intention). */
  function plainInheritance(start: number): boolean {
    const p = start - 1;
    const g = pos(p) === "VERB" ? p : pos(p) === "ADP" || low(p) === "to" ? p - 1 : -1;
    if (g < 0) return false;
    if (low(p) === "without") return false;
    const lemma = lem(g);
    if (CANCEL.has(lemma) || DENY.has(lemma) || NEG_IMPL.has(lemma) || INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(low(g))) return false;
    if (INT_PREP.has(low(g)) || POSSIBILITY.has(low(g)) || (CANCEL_NOUNS.has(low(g)) && low(p) === "of")) return false;
    return !CANCEL_PHRASES.some((c) => endsPhrase(p, c));
  }

  /** For a subject noun: the markers of its clause's predicate that bear on the noun's own occurrence. */
  function predicateRight(k: number): { ctx: Ctx; markers: { fact: Fact; modal: boolean }[] } | null {
    let j = k + 1;
    let depth = 0;
    while (j < n && depth < 14) {
      const ps = pos(j);
      // Skip a parenthetical: "The visit, which was planned for March, has been cancelled", "The delivery, originally
      // due this year, will be delayed".
      if (low(j) === ",") {
        let c = j + 1;
        let verbless = true;
        while (c < n && low(c) !== "," && low(c) !== ".") {
          if (pos(c) === "AUX" || (pos(c) === "VERB" && !/(?:ed|en|ing)$/.test(low(c)))) verbless = false;
          c++;
        }
        if (low(c) !== "," || !(verbless || (RELATIVE.has(low(j + 1)) && low(j + 1) !== "that"))) return null;
        j = c + 1;
        depth++;
        continue;
      }
      if (ps === "AUX" || ps === "VERB" || (ps === "ADV" && (pos(j + 1) === "AUX" || pos(j + 1) === "VERB"))) break;
      if (CLAUSE_PUNCT.has(low(j)) || low(j) === "." || low(j) === "to" || (COMPLEMENTIZERS.has(low(j)) && ps !== "CCONJ" && ps !== "ADP")) return null;
      j++;
      depth++;
    }
    if (j >= n || depth >= 14) return null;
    let h = j;
    while (h < n && (pos(h) === "AUX" || pos(h) === "ADV" || (pos(h) === "PART" && NEGATORS.has(low(h))))) h++;
    if (h >= n) return null;
    const raw: Fact[] = [];
    const headIsVerb = pos(h) === "VERB";
    let head = h;
    if (!headIsVerb) {
      // Copular predicate: "was unlikely", "is expected", "are reportedly underway".
      if (pos(h) === "DET" && (low(h + 1) === "most" || PRED_HEDGE.has(low(h + 1)))) head = h + 1;
    }
    const g = verbGroup(head);
    const ctx = headIsVerb ? valueAt(head) : contextOf(head, g.start, false);
    const hw = low(head);
    const passive = ts.slice(g.start, head).some((t) => t.pos === "AUX" && t.lemma === "be");
    let hedge = REPORT_PASSIVE.has(hw) ? undefined : (PRED_HEDGE.get(hw) ?? (headIsVerb && passive ? FACTIVE_HEDGE.get(hw) : undefined));
    // Copular verbs pass on the hedge of their adjective: "becomes almost certain", "seems likely".
    if (headIsVerb && COPULAR.has(lem(head))) {
      let a = head + 1;
      let almost = false;
      while (pos(a) === "ADV") {
        if (APPROX.has(low(a))) almost = true;
        a++;
      }
      const adj = PRED_HEDGE.get(low(a));
      if (pos(a) === "ADJ" && adj) hedge = almost && adj.c === 3 ? { c: 2, pos: adj.pos } : adj;
    }
    // A cancelled or delayed event: "the deal had been killed", "test flight delayed".
    if (headIsVerb && CANCEL.has(lem(head)) && (passive || (low(head).endsWith("ed") && g.start === head))) raw.push(NEG);
    // Hedges on a predicate reach a definite subject only when the predicate is about its taking place.
    const adverbs = g.markers;
    const modal = modalValue(g.modals, g.neg, head, ctx.reported).f;
    if (hedge && (!headIsVerb || passive || COPULAR.has(lem(head)))) raw.push(hedge);
    else if (headIsVerb && passive && FACTIVE_HEDGE.has(hw)) raw.push(FACTIVE_HEDGE.get(hw)!);
    // "A meeting is not on the schedule", "talks are not underway": a negated copula over a plan negates the event.
    const scheduled = !headIsVerb && SCHEDULE_PREDICATES.some((ph) => ph.every((w, m) => low(head + m) === w) || ownedSchedule(head, ph));
    if (g.neg && (OCCURRENCE.has(lem(head)) || hedge || scheduled)) raw.push(NEG);
    // Only the clause context of the predicate, not its own modality, carries over as the starting point.
    const base = headIsVerb ? contextOf(head, g.start, false) : ctx;
    const markers = raw.map((fact) => ({ fact, modal: false }));
    const existence = EXISTENCE.has(lem(head)) || EXISTENCE.has(hw) || !headIsVerb;
    for (const fact of adverbs) markers.push({ fact, modal: !existence });
    markers.push({ fact: modal, modal: true });
    return { ctx: { ...base, condition: base.condition }, markers };
  }

  /** "on the president's schedule", "on his agenda": a schedule phrase whose "the" is a possessor instead. */
  function ownedSchedule(at: number, ph: string[]): boolean {
    if (ph.length < 3 || ph[1] !== "the" || low(at) !== ph[0]) return false;
    const rest = ph.slice(2);
    for (let j = at + 1; j <= at + 5 && j < n; j++) {
      const w = low(j);
      if (rest.every((r, m) => low(j + m) === r)) return j > at + 1 && (low(j - 1) === "'s" || low(j - 1) === "’s" || POSSESSIVE.has(low(j - 1)));
      if (!(pos(j) === "DET" || pos(j) === "PROPN" || pos(j) === "NOUN" || pos(j) === "ADJ" || pos(j) === "PART" || w === "'s" || POSSESSIVE.has(w))) return false;
    }
    return false;
  }

  return events.map((k) => {
    const r = valueAt(k);
    // Events inside a question are not committed to either way.
    const f = questionAt(k) && !view.attributed[k] ? UU : r.f;
    return { value: factLabel(f), condition: r.condition };
  });
}
