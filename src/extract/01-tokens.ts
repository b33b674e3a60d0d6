// Sentences and tokens with character offsets, part-of-speech tags and lemmas, read by wink-nlp in one pass.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Span } from "../domain/extraction.js";

export interface Token {
  /** Index of the token in the document. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower-cased text with curly apostrophes folded to straight ones. */
  lower: string;
  lemma: string;
  /** Universal POS tag (NOUN, VERB, AUX, PROPN, ADP, PART, PUNCT, SPACE, …). */
  pos: string;
  /** Index of the sentence holding the token; -1 for whitespace between sentences. */
  sentence: number;
}

export interface Sentence extends Span {
  /** First token index (inclusive) and last token index (exclusive). */
  first: number;
  last: number;
}

/** A tokenised document: the shared input of every later reading step. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

type WinkNLP = ReturnType<typeof winkNLP>;
let nlp: WinkNLP | null = null;

/** Only sentence breaks and tags are read: wink-nlp's entity, negation and sentiment passes cost half of readDoc and change neither. */
const PIPE = ["sbd", "pos"];

function engine(): WinkNLP {
  if (!nlp) nlp = winkNLP(model, PIPE);
  return nlp;
}

const CURLY = /[\u2018\u2019\u02bc]/g;
const HAS_CURLY = /[\u2018\u2019\u02bc]/;

/** Lower case with curly apostrophes folded; the fold is skipped for the many words without one. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return HAS_CURLY.test(lower) ? lower.replace(CURLY, "'") : lower;
}

/** True when text[from, to) holds a line break; scans in place instead of slicing. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

// Longest run of non-space characters handed to the tokenizer whole. Its model tests each word with a pattern whose
// cost grows with the square of the word's length, so a page of one 300,000-letter "word" took minutes; no real word
// or address comes near this.
const MAX_WORD = 256;

/** The text with a space put in every MAX_WORD characters of an over-long word: same length, same offsets. */
function breakLongWords(text: string): string {
  let run = 0;
  let out: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) run = 0;
    else if (++run > MAX_WORD) {
      out ??= text.split("");
      out[i] = " ";
      run = 0;
    }
  }
  return out ? out.join("") : text;
}

// "a China-U.S. summit": the tokenizer splits an initialism after a hyphen into "U", "." and "S." and ends the sentence
// there. The hyphen is read as a space instead (same length, same offsets), so the initialism stays whole.
const DASHED_INITIALISM = /(?<=[A-Za-z])-(?=[A-Z]\.[A-Z]\.)/g;

// A word ending in a possessive "'s" (a name, a noun, an initialism), kept whole by the tokenizer.
const POSSESSIVE_END = /(?<=[\p{L}\p{N}.])['’]s$/iu;
// Contractions ("it's", "that's") come apart in wink-nlp's own output; a pronoun, verb or auxiliary kept whole is left.
const NO_SPLIT_POS = new Set(["PRON", "AUX", "VERB", "SPACE", "PUNCT"]);

/** Splits text into sentences and tokens. Offsets always index `text` exactly. */
export function tokenize(text: string): Doc {
  const w = engine();
  const its = w.its;
  const wdoc = w.readDoc(breakLongWords(text).replace(DASHED_INITIALISM, " "));
  const words = wdoc.tokens().out() as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  // The lemma accessor's declared type is narrower than its real signature.
  const lemmas = wdoc.tokens().out(its.lemma as never) as string[];
  const tokens: Token[] = [];
  // Where each of wink-nlp's tokens starts among ours (one of its tokens may become two).
  const at: number[] = new Array(words.length + 1);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    at[i] = tokens.length;
    offset += spaces[i].length;
    let start = offset;
    let word = words[i];
    // wink-nlp expands some contractions in its output; fall back to locating the surface form.
    if (text.startsWith(word, start)) {
      offset = start + word.length;
    } else {
      const found = text.indexOf(word, start);
      if (found >= 0 && found - start < 4) {
        start = found;
        offset = found + word.length;
      } else {
        word = text.slice(start, start + word.length);
        offset = start + word.length;
      }
    }
    const tag = pos[i] ?? "X";
    const lemma = fold(lemmas[i] ?? word);
    // wink-nlp keeps every new word it meets for the life of the process, and a possessive first met before a stop
    // ("It is Putin's.") is kept whole: from then on it reads "Putin's trip" as one word, where a process that had not
    // met it reads "Putin" and "'s". Splitting the possessive here reads an article the same whatever came before it.
    const possessive = POSSESSIVE_END.exec(word);
    if (possessive && !NO_SPLIT_POS.has(tag)) {
      const base = word.length - possessive[0].length;
      tokens.push({ i: tokens.length, start, end: start + base, text: word.slice(0, base), lower: fold(word.slice(0, base)), lemma: lemma.endsWith("'s") ? lemma.slice(0, -2) : lemma, pos: tag, sentence: -1 });
      tokens.push({ i: tokens.length, start: start + base, end: offset, text: possessive[0], lower: fold(possessive[0]), lemma: "'s", pos: "PART", sentence: -1 });
      continue;
    }
    tokens.push({ i: tokens.length, start, end: offset, text: word, lower: fold(word), lemma, pos: tag, sentence: -1 });
  }
  at[words.length] = tokens.length;
  const sentences: Sentence[] = [];
  const push = (first: number, last: number) => {
    while (first < last && tokens[first].pos === "SPACE") first++;
    while (last > first && tokens[last - 1].pos === "SPACE") last--;
    if (first >= last) return;
    const index = sentences.length;
    for (let t = first; t < last; t++) tokens[t].sentence = index;
    sentences.push({ start: tokens[first].start, end: tokens[last - 1].end, first, last });
  };
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [a, b] = s.out(its.span) as [number, number];
    const from = at[a];
    const to = at[b + 1];
    // A line break always ends a sentence (datelines, headlines, list items).
    let first = from;
    for (let t = from + 1; t < to; t++) {
      const lineBreak = tokens[t].text.includes("\n") || hasLineBreak(text, tokens[t - 1].end, tokens[t].start);
      if (lineBreak) {
        push(first, t);
        first = t;
      }
    }
    push(first, to);
  });
  return { text, tokens, sentences };
}

/**
 * The token read as another part of speech (and lemma). Built field by field in the order `tokenize` builds its own,
 * so that every token has one shape: a spread copy has another, and code reading tokens of both shapes is compiled
 * over again when the second one first reaches it.
 */
export function retagged(t: Token, pos: string, lemma: string = t.lemma): Token {
  return { i: t.i, start: t.start, end: t.end, text: t.text, lower: t.lower, lemma, pos, sentence: t.sentence };
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence holding `offset`, or the nearest one before it. */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.sentences[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
