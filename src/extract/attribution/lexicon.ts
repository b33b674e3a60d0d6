// The attribution lexicon (data/lexicons/attribution.json), compiled once into sets and phrase tables.
import type { EntityType } from "../../domain/extraction.js";
import { loadData } from "../resources.js";

/**
 * How much complement a cue verb needs: any use, a reported clause, an explicit "that"/colon/quote, an object with
 * "as" ("described the talks as constructive"), or an object with what it is called ("called the meeting productive").
 */
export type Frame = "any" | "clause" | "that" | "as" | "predicative";

interface RawLexicon {
  verbs: Record<string, Frame>;
  irregularPast: string[];
  sourceAfterPhrases: string[];
  statementPhrases: string[];
  quotedAs: string[];
  chainLinkers: string[];
  relativePronouns: string[];
  pronouns: Record<string, EntityType[]>;
  possessives: string[];
  hedges: string[];
  negators: string[];
  passiveAuxLemmas: string[];
  passiveAuxForms: string[];
  nonCueContexts: string[];
  npPrepositions: string[];
  postModifiers: string[];
  reportNouns: string[];
  reportNounPrepositions: string[];
  leadingSubordinators: string[];
  frameAdjuncts: string[];
  clauseIntroducers: string[];
  openQuotes: string[];
  closeQuotes: string[];
  dashes: string[];
  hearerObjectVerbs: string[];
  modals: string[];
  placePrepositions: string[];
  servicePrepositions: string[];
  timeWords: string[];
  sourceNouns: string[];
  timeNouns: string[];
  whObjects: string[];
  negativeSubjects: string[];
  asides: string[];
  invertibleVerbs: string[];
  timeAdjunctHeads: string[];
  timeAdjunctLeads: string[];
  indefiniteSources: string[];
  speakerPronouns: string[];
  outletAnaphors: string[];
  creditLeads: string[];
  creditTrails: string[];
  verifyTrails: string[];
  creditVerbs: string[];
  creditHearers: string[];
  genericCredits: string[];
  creditCues: string[];
  leadingTimeWords: string[];
  statementAnaphors: string[];
}

/** Multi-word phrases indexed by their first word, longest first, so a match is one lookup plus a short compare. */
export class PhraseTable {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: string[]) {
    for (const p of phrases) {
      const words = splitPhrase(p);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push(words);
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Length in words of the longest phrase starting at `at` in `words`, or 0. */
  matchAt(words: readonly string[], at: number, end = words.length): number {
    const list = this.byFirst.get(words[at]);
    if (!list) return 0;
    for (const p of list) {
      if (at + p.length > end) continue;
      let ok = true;
      for (let k = 1; k < p.length; k++) {
        if (words[at + k] !== p[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return p.length;
    }
    return 0;
  }

  /** True when some phrase begins with word `first` and ends with word `last` ("quoted … saying"). */
  has(first: string, last: string): boolean {
    const list = this.byFirst.get(first);
    return list !== undefined && list.some((p) => p[p.length - 1] === last);
  }

  /** Start of a phrase that ends exactly at `last` (inclusive), or -1. */
  matchEndingAt(words: readonly string[], last: number, begin = 0): number {
    for (const list of this.byFirst.values()) {
      for (const p of list) {
        const at = last - p.length + 1;
        if (at < begin || words[at] !== p[0]) continue;
        if (this.matchAt(words, at, last + 1) === p.length) return at;
      }
    }
    return -1;
  }
}

/** Tokenises a lexicon phrase the way the tokenizer splits words: on spaces, with "n't" and "'s" kept whole. */
function splitPhrase(p: string): string[] {
  return p
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The compiled lexicon used by the attribution reader. */
export interface AttributionLexicon {
  verbFrame: Map<string, Frame>;
  irregularPast: Set<string>;
  sourceAfter: PhraseTable;
  statement: PhraseTable;
  quotedAs: PhraseTable;
  linkers: PhraseTable;
  relative: Set<string>;
  pronounTypes: Map<string, EntityType[]>;
  possessives: Set<string>;
  hedges: Set<string>;
  negators: Set<string>;
  passiveLemmas: Set<string>;
  passiveForms: Set<string>;
  nonCue: PhraseTable;
  npPrepositions: Set<string>;
  postModifiers: PhraseTable;
  reportNouns: Set<string>;
  reportPrepositions: Set<string>;
  subordinators: Set<string>;
  /** "a day after", "hours before": time adjuncts that frame the report rather than what is reported. */
  frameAdjuncts: PhraseTable;
  clauseIntroducers: Set<string>;
  openQuotes: Set<string>;
  closeQuotes: Set<string>;
  dashes: Set<string>;
  hearerObject: Set<string>;
  modals: Set<string>;
  placePrepositions: Set<string>;
  /** "envoy to the United States": a role noun tied to whom it serves; the role noun stays the head. */
  servicePrepositions: Set<string>;
  /** Day, month and part-of-day words: "Wednesday morning Trump said" — the time is not part of the source. */
  timeWords: Set<string>;
  sourceNouns: Set<string>;
  timeNouns: Set<string>;
  whObjects: Set<string>;
  negativeSubjects: Set<string>;
  asides: PhraseTable;
  invertible: Set<string>;
  timeHeads: Set<string>;
  timeLeads: Set<string>;
  indefinite: Set<string>;
  speakerPronouns: Set<string>;
  /** "the newspaper", "the agency": a definite phrase naming again the outlet mentioned last. */
  outletAnaphors: Set<string>;
  /** Words that open a credit ("with", "Additional reporting by", "Source:"), longest first. */
  creditLeads: string[];
  /** Words that close a credit ("contributed to this report"), longest first. */
  creditTrails: string[];
  /** "could not independently verify": an agency speaking of its own checking, in its own copy. */
  verifyTrails: string[];
  /** Reporting verbs after an agency that is their subject ("TASS quoted", "The AP noted"). */
  creditVerbs: string[];
  /** Phrases before an agency that obtained the words ("told TASS", "in an interview with Reuters"), longest first. */
  creditHearers: string[];
  /** Credits to agencies without a name ("with agencies"). */
  genericCredits: Set<string>;
  /** First words of cues by which a first-named agency reports the text's news ("AP reported"). */
  creditCues: Set<string>;
  /** Words of a time phrase that may open a source phrase by mistake ("Last Saturday, Peskov"). */
  leadingTime: Set<string>;
  /** "The statement said": a definite report noun standing for the last one whose words were reported. */
  statementAnaphors: Set<string>;
}

function longestFirst(xs: string[]): string[] {
  return xs.map((x) => x.toLowerCase()).sort((a, b) => b.length - a.length);
}

function compile(raw: RawLexicon): AttributionLexicon {
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    verbFrame: new Map(Object.entries(raw.verbs)),
    irregularPast: lower(raw.irregularPast),
    sourceAfter: new PhraseTable(raw.sourceAfterPhrases),
    statement: new PhraseTable(raw.statementPhrases),
    quotedAs: new PhraseTable(raw.quotedAs),
    linkers: new PhraseTable(raw.chainLinkers),
    relative: lower(raw.relativePronouns),
    pronounTypes: new Map(Object.entries(raw.pronouns)),
    possessives: lower(raw.possessives),
    hedges: lower(raw.hedges),
    negators: lower(raw.negators),
    passiveLemmas: lower(raw.passiveAuxLemmas),
    passiveForms: lower(raw.passiveAuxForms),
    nonCue: new PhraseTable(raw.nonCueContexts),
    npPrepositions: lower(raw.npPrepositions),
    postModifiers: new PhraseTable(raw.postModifiers),
    reportNouns: lower(raw.reportNouns),
    reportPrepositions: lower(raw.reportNounPrepositions),
    subordinators: lower(raw.leadingSubordinators),
    frameAdjuncts: new PhraseTable(raw.frameAdjuncts),
    clauseIntroducers: lower(raw.clauseIntroducers),
    openQuotes: new Set(raw.openQuotes),
    closeQuotes: new Set(raw.closeQuotes),
    dashes: new Set(raw.dashes),
    hearerObject: lower(raw.hearerObjectVerbs),
    modals: lower(raw.modals),
    placePrepositions: lower(raw.placePrepositions),
    servicePrepositions: lower(raw.servicePrepositions),
    timeWords: lower(raw.timeWords),
    sourceNouns: lower(raw.sourceNouns),
    timeNouns: lower(raw.timeNouns),
    whObjects: lower(raw.whObjects),
    negativeSubjects: lower(raw.negativeSubjects),
    asides: new PhraseTable(raw.asides),
    invertible: lower(raw.invertibleVerbs),
    timeHeads: lower(raw.timeAdjunctHeads),
    timeLeads: lower(raw.timeAdjunctLeads.flatMap((x) => x.split(/\s+/))),
    indefinite: lower(raw.indefiniteSources),
    speakerPronouns: lower(raw.speakerPronouns),
    outletAnaphors: lower(raw.outletAnaphors),
    creditLeads: longestFirst(raw.creditLeads),
    creditTrails: longestFirst(raw.creditTrails),
    verifyTrails: longestFirst(raw.verifyTrails),
    creditVerbs: longestFirst(raw.creditVerbs),
    creditHearers: longestFirst(raw.creditHearers),
    genericCredits: lower(raw.genericCredits),
    creditCues: lower(raw.creditCues),
    leadingTime: lower(raw.leadingTimeWords),
    statementAnaphors: lower(raw.statementAnaphors),
  };
}

/** The lexicon, compiled on first use and shared for the life of the process. */
export const LEXICON: AttributionLexicon = compile(loadData<RawLexicon>("lexicons/attribution.json"));
