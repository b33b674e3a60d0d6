// The sentence a reading works on: its tokens, which are events and which are reported, the readings found so far,
// the sentence-level facts every rule may ask, and small token helpers. Every step of the reader takes it explicitly.
import type { Token } from "../../01-tokens.js";
import type { Fact } from "./facts.js";
import { BACKSHIFT, CLAUSE_PUNCT, COMPLEMENTIZERS, CONDITIONAL_PHRASES, CONDITIONALS, type GovernorKind, INVERTED } from "./lexicon.js";

export type { GovernorKind };

/** One sentence's tokens (whitespace removed), which of them are event candidates, and which lie in reported content. */
export interface SentenceView {
  ts: Token[];
  /** Position (in ts) of each event candidate. */
  isEvent: boolean[];
  /** True where an attribution's content covers the token. */
  attributed: boolean[];
}

/** The nearest word that governs a trigger: its kind, its lemma (or phrase), its tokens [start, end) and whether it is itself negated. */
export interface Governor {
  kind: GovernorKind;
  lemma: string;
  start: number;
  end: number;
  negated: boolean;
}

/** A predicate's reading: its value, whether it lies in reported content, its condition clause and its governors. */
export interface Reading {
  f: Fact;
  reported: boolean;
  /** Token positions [from, to) of a governing condition clause, if any. */
  condition: [number, number] | null;
  /** The governor the context lends (the words outside the predicate's own group). */
  governor: Governor | null;
  /** The governor inside the predicate's own verb group or noun phrase (a modal, a negation, "cancelled"). */
  own: Governor | null;
}

/** The two steps every rule may recurse into; the reader supplies them. */
export interface ReaderSteps {
  valueAt(s: SentenceContext, k: number): Reading;
  contextOf(s: SentenceContext, k: number, start: number, isNoun: boolean): Reading;
}

/** A past form: not the lemma, not a third-person -s, not a present participle. */
export const isPast = (t: Token) => t.lower !== t.lemma && !t.lower.endsWith("s") && t.lower !== t.lemma + "ing";

// The last word of every phrase of each phrase list: a word that ends none of a list's phrases (neither by its lower
// case nor, for a phrase of one word, by its lemma) is passed over without trying them.
const LAST_WORDS = new WeakMap<string[][], Set<string>>();

function lastWordsOf(phrases: string[][]): Set<string> {
  let last = LAST_WORDS.get(phrases);
  if (!last) LAST_WORDS.set(phrases, (last = new Set(phrases.map((p) => p[p.length - 1]))));
  return last;
}

/** One sentence under reading, with the readings found so far. */
export class SentenceContext {
  readonly ts: Token[];
  readonly n: number;
  readonly view: SentenceView;
  /** Readings of predicates already read. */
  readonly memo = new Map<number, Reading>();
  /** Predicates whose reading is under way: the governor chain from the trigger being read. */
  readonly busy = new Set<number>();
  /** A verb of saying or believing in the past ("said", "believed") licenses a back-shifted "would". */
  readonly reportedSentence: boolean;
  /** A sentence that states a condition reads its "would" as conditional, not as a back-shifted "will". */
  readonly conditionalSentence: boolean;
  /** First verb, auxiliary or clause break: a noun before it heads the sentence ("GM to cut 10,000 jobs"). */
  readonly firstPredicate: number;
  private readonly steps: ReaderSteps;

  constructor(view: SentenceView, steps: ReaderSteps) {
    const ts = view.ts;
    this.ts = ts;
    this.n = ts.length;
    this.view = view;
    this.steps = steps;
    this.reportedSentence = ts.some((t) => t.pos === "VERB" && BACKSHIFT.has(t.lemma) && isPast(t));
    const first = ts.findIndex((t) => t.pos === "VERB" || t.pos === "AUX" || CLAUSE_PUNCT.has(t.lower));
    this.firstPredicate = first < 0 ? this.n : first;
    this.conditionalSentence = ts.some(
      (t, j) =>
        CONDITIONALS.has(t.lower) ||
        this.phraseEndingAt(j, CONDITIONAL_PHRASES) !== null ||
        (t.pos === "AUX" && INVERTED.has(t.lower) && (j === 0 || CLAUSE_PUNCT.has(ts[j - 1].lower))),
    );
  }

  /** The reading of the predicate at k in its context. */
  valueAt(k: number): Reading {
    return this.steps.valueAt(this, k);
  }

  /** What the governing context lends to the phrase starting at `start` (head at k). */
  contextOf(k: number, start: number, isNoun: boolean): Reading {
    return this.steps.contextOf(this, k, start, isNoun);
  }

  low(k: number): string {
    return k >= 0 && k < this.n ? this.ts[k].lower : "";
  }

  pos(k: number): string {
    return k >= 0 && k < this.n ? this.ts[k].pos : "";
  }

  lem(k: number): string {
    return k >= 0 && k < this.n ? this.ts[k].lemma : "";
  }

  isVerbLike(k: number): boolean {
    return this.pos(k) === "VERB";
  }

  /** Whether the phrase ends at k; its first word may match by lemma ("called off"). */
  endsPhrase(k: number, phrase: string[]): boolean {
    for (let m = 0; m < phrase.length; m++) {
      const at = k - phrase.length + 1 + m;
      if (this.low(at) !== phrase[m] && (m > 0 || this.lem(at) !== phrase[m])) return false;
    }
    return true;
  }

  phraseEndingAt(k: number, phrases: string[][]): string[] | null {
    const last = lastWordsOf(phrases);
    if (!last.has(this.low(k)) && !last.has(this.lem(k))) return null;
    return phrases.find((p) => this.endsPhrase(k, p)) ?? null;
  }

  isClauseStart(k: number): boolean {
    return k < 0 || CLAUSE_PUNCT.has(this.low(k)) || COMPLEMENTIZERS.has(this.low(k));
  }

  /** Whether a question mark ends the sentence part holding k. */
  questionAt(k: number): boolean {
    for (let j = k + 1; j < this.n; j++) {
      const w = this.low(j);
      if (w === "?") return true;
      if (w === "." || w === "!" || w === "”" || w === "\"") return false;
    }
    return false;
  }

  /** End (exclusive) of the clause starting after position k. */
  clauseEnd(k: number): number {
    let j = k + 1;
    while (j < this.n && !CLAUSE_PUNCT.has(this.low(j)) && this.low(j) !== "." && this.low(j) !== "?") j++;
    return j;
  }
}

/** A reading that keeps the context's reporting and condition and takes a new value and governor. */
export function lent(base: Reading, f: Fact, governor: Governor | null): Reading {
  return { f, reported: base.reported, condition: base.condition, governor, own: null };
}

/** The governor that decides a reading: its own group's first, then the context's. */
export function governorOf(r: Reading): Governor | null {
  return r.own ?? r.governor;
}
