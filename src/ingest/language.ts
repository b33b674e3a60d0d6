// Which language a document is written in, from its own words: so that a text the reading core cannot read is never
// read as English. The word lists and script table are data (data/lexicons/languages.json).
import { loadData } from "../extract/resources.js";

interface LanguageLexicon {
  readable: string[];
  words: Record<string, string[]>;
  scripts: Record<string, string>;
}

const LEX = loadData<LanguageLexicon>("lexicons/languages.json");
const WORDS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(LEX.words)) {
  for (const w of list) WORDS.set(w, [...(WORDS.get(w) ?? []), lang]);
}
const SCRIPTS = Object.entries(LEX.scripts).map(([script, lang]) => ({ lang, re: new RegExp(`\\p{Script=${script}}`, "gu") }));
// Kana marks Japanese even in a text that is mostly Han characters.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER = /\p{L}/gu;
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/gu;

// How many characters of the text the (global) pattern matches, counted by the engine rather than one by one.
function count(text: string, re: RegExp): number {
  return text.length - text.replace(re, "").length;
}

// Only the start of a long text is looked at: a few thousand characters decide it.
const SAMPLE_CHARS = 6000;
// Fewer function words than this is too little to judge by.
const MIN_HITS = 4;
// The winner must lead the runner-up by this factor.
const MARGIN = 1.5;

// Below this share of its words among English's commonest, a text of at least MIN_WORDS_FOR_UNKNOWN words is not
// English (the lowest share among the 790 English news texts of ECB+ and the demo is 6%).
const MIN_ENGLISH_SHARE = 0.03;
const MIN_WORDS_FOR_UNKNOWN = 30;

function hasListedWinner(hits: Map<string, number>): boolean {
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && ranked[0][1] >= MIN_HITS && (ranked.length === 1 || ranked[0][1] >= ranked[1][1] * MARGIN);
}

/** The languages the reading core reads. */
export const READABLE_LANGUAGES: readonly string[] = LEX.readable;

/** The primary subtag of a declared language ("en-GB" → "en"), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? "");
  return m ? m[1].toLowerCase() : null;
}

/**
 * The text's language as an ISO 639-1 code ("und" for a text that is clearly not English but not one of the listed
 * languages), or null when the text is too short or too mixed to tell.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  // Most texts are in the Latin alphabet alone: one quick test spares them the counting of scripts.
  const otherScript = NOT_LATIN.test(sample);
  const letters = otherScript ? count(sample, LETTER) : 1;
  if (letters === 0) return null;
  if (otherScript && count(sample, LATIN_OR_CYRILLIC) < letters / 2) {
    if (count(sample, KANA) > letters * 0.05) return "ja";
    const best = SCRIPTS.map((s) => ({ lang: s.lang, n: count(sample, s.re) })).sort((a, b) => b.n - a.n)[0];
    return best && best.n > letters / 4 ? best.lang : null;
  }
  const hits = new Map<string, number>();
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const word of words) {
    for (const lang of WORDS.get(word) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  // A text of some length with almost none of English's commonest words is not English, even in a language the lists
  // do not know: it is undetermined ("und"), and so not read.
  if (words.length >= MIN_WORDS_FOR_UNKNOWN && (hits.get("en") ?? 0) < words.length * MIN_ENGLISH_SHARE && !hasListedWinner(hits)) return "und";
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < MIN_HITS) return null;
  if (ranked.length > 1 && ranked[0][1] < ranked[1][1] * MARGIN) return null;
  return ranked[0][0];
}

/** The language to store for a document: what its text shows, else what it declares, else English. */
export function documentLanguage(text: string, declared: string | null | undefined): string {
  return detectLanguage(text) ?? primaryLanguage(declared) ?? "en";
}

/** True when the reading core can read the language. */
export function isReadable(language: string): boolean {
  return READABLE_LANGUAGES.includes(language);
}
