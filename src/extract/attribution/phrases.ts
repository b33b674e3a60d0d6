// Noun-phrase and clause boundaries inside one sentence, read from part-of-speech tags and the attribution lexicon.
import type { Token } from "../01-tokens.js";
import type { PhraseShape } from "./entities.js";
import { LEXICON as L } from "./lexicon.js";

/** One sentence without its whitespace tokens; every index below is a position in `ts`. */
export interface SentenceView {
  ts: Token[];
  /** Lower-cased words, parallel to `ts`, for phrase lookups. */
  words: string[];
}

export function viewOf(tokens: Token[], first: number, last: number): SentenceView {
  const ts: Token[] = [];
  for (let i = first; i < last; i++) if (tokens[i].pos !== "SPACE") ts.push(tokens[i]);
  return { ts, words: ts.map((t) => t.lower) };
}

const PERSONAL = new Set(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them"]);

/** A personal pronoun that can stand as a source on its own ("he said", "according to him"). */
export function isPersonalPronoun(t: Token): boolean {
  return t.pos === "PRON" && PERSONAL.has(t.lower) && L.pronounTypes.has(t.lower);
}

export function isComma(t: Token | undefined): boolean {
  return t !== undefined && t.text === ",";
}

/** A token that closes a stretch of reported content before a source: comma, closing quote, dash. */
export function isBoundary(t: Token | undefined): boolean {
  return t !== undefined && (t.text === "," || L.closeQuotes.has(t.text) || L.dashes.has(t.text));
}

function isPossessive(t: Token): boolean {
  return t.pos === "PRON" && L.possessives.has(t.lower);
}

/** Words that can sit inside a noun phrase (determiners, modifiers, names, nouns, numbers, possessive 's). */
export function isNominal(t: Token | undefined): boolean {
  if (!t || L.timeNouns.has(t.lower)) return false;
  switch (t.pos) {
    case "DET":
      return !L.relative.has(t.lower);
    case "ADJ":
    case "NUM":
    case "PROPN":
    case "NOUN":
      return true;
    case "PART":
      return t.lower === "'s" || t.lower === "'";
    case "PRON":
      return isPossessive(t);
    default:
      return false;
  }
}

/** A word that can head a source noun phrase. */
export function isHead(t: Token | undefined): boolean {
  if (t === undefined || L.timeNouns.has(t.lower)) return false;
  return t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || isPersonalPronoun(t) ||
    ((t.pos === "PRON" || t.pos === "DET") && L.indefinite.has(t.lower));
}

/** `isHead`, plus a nominalised adjective after a determiner ("the military said", "the accused said"). */
export function isHeadAt(v: SentenceView, p: number): boolean {
  const t = v.ts[p];
  if (isHead(t) || isNameWord(v, p)) return true;
  return t !== undefined && t.pos === "ADJ" && p > 0 &&
    (v.ts[p - 1].pos === "DET" || v.ts[p - 1].lower === "'s" || isPossessive(v.ts[p - 1]) || isSourceNoun(t));
}

/** A noun naming someone who speaks ("officials", "Executives" even when tagged as a name). */
export function isSourceNoun(t: Token): boolean {
  return L.sourceNouns.has(t.lemma) || L.sourceNouns.has(t.lower) ||
    (t.lower.endsWith("s") && L.sourceNouns.has(t.lower.slice(0, -1)));
}

/** A word naming a report or record ("a CNN report", "figures", "data"). */
export function isReportNoun(t: Token): boolean {
  return L.reportNouns.has(t.lemma) || L.reportNouns.has(t.lower) ||
    (t.lower.endsWith("s") && L.reportNouns.has(t.lower.slice(0, -1)));
}

/** A capitalised word inside a name that the tagger read as a verb or adverb ("the Associated Press"). */
function isNameWord(v: SentenceView, j: number): boolean {
  const t = v.ts[j];
  if (j <= 0 || t === undefined || !/^[A-Z]/.test(t.text) || (t.pos !== "VERB" && t.pos !== "ADV")) return false;
  return v.ts[j + 1]?.pos === "PROPN" || v.ts[j - 1].pos === "PROPN";
}

/** "to" at `j` between a role noun and whom it serves ("envoy to the United States", "adviser to the president"). */
export function isServiceLink(v: SentenceView, j: number): boolean {
  const t = v.ts[j];
  const before = v.ts[j - 1];
  return t !== undefined && before !== undefined && L.servicePrepositions.has(t.lower) && (t.pos === "ADP" || t.pos === "PART") &&
    isSourceNoun(before) && before.pos === "NOUN" && isNominal(v.ts[j + 1]);
}

function isWordLike(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADJ" || t.pos === "NUM");
}

/**
 * Start of the noun phrase that ends at `last`, growing leftwards over modifiers, possessives, "of"/"for"
 * inside titles, coordinated names and post-modifiers ("familiar with …"); -1 when `last` cannot head one.
 */
export function npBackward(v: SentenceView, last: number, floor = 0): number {
  const { ts, words } = v;
  const head = ts[last];
  if (!isHeadAt(v, last)) return -1;
  if (isPersonalPronoun(head)) {
    // "one of them", "some of them"
    if (last - 2 >= floor && v.words[last - 1] === "of" && (ts[last - 2].pos === "NUM" || ts[last - 2].pos === "DET" ||
        ts[last - 2].pos === "ADJ" || ts[last - 2].pos === "PRON")) {
      return last - 2;
    }
    return last;
  }
  let s = last;
  while (s - 1 >= floor) {
    const j = s - 1;
    const t = ts[j];
    // "Wednesday morning Trump said", "on Monday the ministry said" — but "Sunday Times" is a name.
    if (L.timeWords.has(t.lower) && (t.text === t.lower || L.timeWords.has(ts[j + 1]?.lower ?? "") || /^(?:on|last|this|next|early|late|since|by)$/.test(ts[j - 1]?.lower ?? ""))) break;
    if ((isNominal(t) && t.pos !== "PRON") || isNameWord(v, j)) {
      s = j;
      continue;
    }
    if (isPossessive(t)) {
      s = j;
      break;
    }
    if (L.npPrepositions.has(t.lower) && t.pos === "ADP" && j - 1 >= floor &&
        (isWordLike(ts[j - 1]) || (t.lower === "of" && ts[j - 1].pos === "DET"))) {
      s = j;
      continue;
    }
    // "officials in Seoul": a common noun tied to the named place or body after it
    if (L.placePrepositions.has(t.lower) && t.pos === "ADP" && j - 1 >= floor &&
        ((ts[j - 1].pos === "NOUN" || ts[j - 1].pos === "PROPN") && ts[last].pos === "PROPN" || isSourceNoun(ts[j - 1]))) {
      s = j;
      continue;
    }
    // "officials on both sides", "analysts on Wall Street"
    if (t.lower === "on" && t.pos === "ADP" && j - 1 >= floor && isSourceNoun(ts[j - 1]) && ts[j - 1].pos !== "VERB") {
      s = j;
      continue;
    }
    // "South Korea's envoy to the United States": a role noun tied to whom it serves
    if (isServiceLink(v, j) && j - 1 >= floor) {
      s = j;
      continue;
    }
    if (t.pos === "CCONJ" && (t.lower === "and" || t.lower === "&") && j - 1 >= floor &&
        (ts[j - 1].pos === "PROPN" || ts[j - 1].pos === "NOUN") && isNominal(ts[j + 1])) {
      s = j;
      continue;
    }
    if (L.dashes.has(t.text) && j - 1 >= floor && isWordLike(ts[j - 1]) && isWordLike(ts[j + 1]) &&
        ts[j - 1].end === t.start && t.end === ts[j + 1].start) {
      s = j;
      continue;
    }
    const lead = L.postModifiers.matchEndingAt(words, j, floor);
    if (lead > floor && isHead(ts[lead - 1]) && !isPersonalPronoun(ts[lead - 1])) {
      s = lead - 1;
      if (ts[s].pos === "PRON") break;
      continue;
    }
    // a post-modifier that opens at j and was partly absorbed already ("people with knowledge of the matter")
    if (L.postModifiers.matchAt(words, j, last + 1) > 0 && j - 1 >= floor && isHead(ts[j - 1]) && !isPersonalPronoun(ts[j - 1])) {
      s = j - 1;
      if (ts[s].pos === "PRON") break;
      continue;
    }
    break;
  }
  // A determiner or preposition cannot open the phrase's right side alone; trim a dangling "of" at the left.
  while (s < last && ts[s].pos === "ADP") s++;
  return s;
}

/**
 * End (inclusive) of the noun phrase starting at `first`, growing rightwards; -1 when none starts there.
 * Grows over "of"/"for" inside titles, "by/from" after report nouns ("a report by CNN") and post-modifiers.
 */
export function npForward(v: SentenceView, first: number, ceil = v.ts.length): number {
  const { ts, words } = v;
  const t0 = ts[first];
  if (!t0) return -1;
  if (isPersonalPronoun(t0) && !(isPossessive(t0) && isNominal(ts[first + 1]))) return first;
  if (!isNominal(t0) && !(/^[A-Z]/.test(t0.text) && (t0.pos === "VERB" || t0.pos === "ADV"))) return -1;
  let e = first;
  let j = first + 1;
  while (j < ceil) {
    const t = ts[j];
    const lead = isHead(ts[e]) ? L.postModifiers.matchAt(words, j, ceil) : 0;
    if (lead > 0 && isNominal(ts[j + lead])) {
      e = j + lead;
      j += lead + 1;
      continue;
    }
    if ((isNominal(t) && !(t.pos === "PRON") && !(t.pos === "DET" && isHead(ts[e]))) || isNameWord(v, j)) {
      e = j;
      j++;
      continue;
    }
    if (((t.pos === "ADP" &&
        (L.npPrepositions.has(t.lower) || (L.reportPrepositions.has(t.lower) && isReportNoun(ts[e])) ||
         (L.placePrepositions.has(t.lower) && isSourceNoun(ts[e])))) || (j === e + 1 && isServiceLink(v, j))) &&
        isNominal(ts[j + 1]) && j + 1 < ceil) {
      e = j + 1;
      j += 2;
      continue;
    }
    if (t.pos === "CCONJ" && (t.lower === "and" || t.lower === "&") && (ts[e].pos === "PROPN" || ts[e].pos === "NOUN") &&
        j + 1 < ceil && (ts[j + 1].pos === "PROPN" || ts[j + 1].pos === "NOUN" || ts[j + 1].pos === "ADJ")) {
      e = j + 1;
      j += 2;
      continue;
    }
    if (L.dashes.has(t.text) && isWordLike(ts[e]) && isWordLike(ts[j + 1]) && j + 1 < ceil &&
        ts[e].end === t.start && t.end === ts[j + 1].start) {
      e = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  while (e > first && !isHead(ts[e]) && !isNameWord(v, e)) e--;
  return isHead(ts[e]) || (e === first && /^[A-Z]/.test(ts[e].text) && ts[e].pos !== "DET") ? e : -1;
}

/** The auxiliaries, adverbs and negation in front of a cue verb. */
export interface VerbGroup {
  /** First position of the verb group (auxiliaries and adverbs before the cue). */
  start: number;
  negated: boolean;
  passive: boolean;
  /** Under a modal ("must acknowledge", "will announce"): a possible act of saying, not one that happened. */
  modal: boolean;
  infinitive: boolean;
}

const FLOATING = new Set(["each", "both", "all"]);

/** Walks left from a cue verb over its auxiliaries, adverbs and negation. */
export function verbGroup(v: SentenceView, cue: number): VerbGroup {
  const { ts } = v;
  let s = cue;
  let negated = false;
  let passive = false;
  let infinitive = false;
  let modal = false;
  while (s - 1 >= 0) {
    const t = ts[s - 1];
    if (L.negators.has(t.lower)) {
      negated = true;
    } else if (L.modals.has(t.lower)) {
      modal = true;
    } else if (t.pos === "AUX") {
      if (L.passiveForms.has(t.lower) || L.passiveLemmas.has(t.lemma)) passive = true;
    } else if (t.pos === "ADV" || L.hedges.has(t.lower) ||
        (FLOATING.has(t.lower) && s - 2 >= 0 && (ts[s - 2].pos === "NOUN" || ts[s - 2].pos === "PROPN"))) {
      // adverbs such as "publicly", "also", "recently" sit inside the verb group, as does a floating quantifier
      // after the subject ("the two ministries each described …")
    } else if (t.pos === "PART" && t.lower === "to") {
      infinitive = true;
    } else if (t.lower === "get" || t.lower === "got") {
      passive = true;
    } else break;
    s--;
  }
  return { start: s, negated, passive, modal, infinitive };
}

/** True when a finite verb or auxiliary follows the noun phrase starting at `at` ("maintains its arsenal is …"). */
export function bareClauseAt(v: SentenceView, at: number): boolean {
  const { ts } = v;
  const t0 = ts[at];
  if (!t0 || L.relative.has(t0.lower) || L.whObjects.has(t0.lower)) return false;
  if (!(isNominal(t0) || isPersonalPronoun(t0) || t0.pos === "PRON")) return false;
  let j = at;
  let nominal = 0;
  while (j < ts.length && nominal < 14) {
    const t = ts[j];
    // a capitalised "verb" inside a clause is a name the tagger misread ("Felt's secret")
    const name = j > 0 && /^[A-Z]/.test(t.text) && t.pos === "VERB";
    if (isNominal(t) || name || isPersonalPronoun(t) || (t.pos === "PRON" && j === at) ||
        (t.pos === "ADP" && L.npPrepositions.has(t.lower) && nominal > 0) || L.dashes.has(t.text)) {
      nominal++;
      j++;
      continue;
    }
    if (t.pos === "ADV") {
      j++;
      continue;
    }
    return nominal > 0 && (t.pos === "AUX" || (t.pos === "VERB" && !t.lower.endsWith("ing")));
  }
  return false;
}

/** True when no verb, auxiliary or clause opener occurs from `from` up to the next comma or sentence end. */
export function onlyAdjunctsUntilBreak(v: SentenceView, from: number): boolean {
  const { ts } = v;
  for (let j = from; j < ts.length; j++) {
    const t = ts[j];
    if (t.text === "," || t.text === ";" || (t.pos === "PUNCT" && j === ts.length - 1)) return true;
    if (t.pos === "VERB" && isReducedRelative(v, j)) continue;
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ" || L.clauseIntroducers.has(t.lower)) return false;
    if (L.openQuotes.has(t.text) || L.closeQuotes.has(t.text)) return false;
  }
  return true;
}

/** A participle modifying the noun before it: "a statement carried by KCNA", "a video posted on Telegram". */
function isReducedRelative(v: SentenceView, j: number): boolean {
  const before = v.ts[j - 1];
  const after = v.ts[j + 1];
  if (!before || !after || before.pos !== "NOUN" || !/(?:ed|wn|ast)$/.test(v.words[j])) return false;
  return after.lower === "by" || (after.pos === "ADP" && isReportNoun(before));
}

/** Last position of the sentence that is not closing punctuation. */
export function lastContentToken(v: SentenceView): number {
  let e = v.ts.length - 1;
  while (e > 0 && v.ts[e].pos === "PUNCT" && !L.closeQuotes.has(v.ts[e].text)) e--;
  return e;
}

/**
 * The heads and post-modifiers of the source phrase [first, last]: each comma-separated appositive part has its head
 * before its first post-modifier ("two diplomats familiar with the plans", "the minister of defence", "envoy to …").
 */
export function shapeOf(v: SentenceView, first: number, last: number): PhraseShape {
  const { ts, words } = v;
  const shape: PhraseShape = { heads: [], nameHeads: [], post: [], barred: [] };
  let a = first;
  while (a <= last) {
    let b = a;
    while (b < last && !isComma(ts[b + 1])) b++;
    let head = b;
    for (let k = a + 1; k <= b; k++) {
      const t = ts[k];
      const service = isServiceLink(v, k);
      const opens = service || L.postModifiers.matchAt(words, k, b + 1) > 0 ||
        (t.pos === "ADP" && (L.npPrepositions.has(t.lower) || L.placePrepositions.has(t.lower) || L.reportPrepositions.has(t.lower)));
      if (!opens || !isHead(ts[k - 1])) continue;
      head = k - 1;
      const stretch: [number, number] = [t.start, ts[b].end];
      (service ? shape.barred : shape.post).push(stretch);
      break;
    }
    shape.heads.push(ts[head].start);
    if (ts[b].pos === "PROPN") shape.nameHeads.push(ts[b].start);
    a = b + 2;
  }
  return shape;
}
