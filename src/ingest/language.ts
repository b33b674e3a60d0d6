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
const SCRIPTS = Object.entries(LEX.scripts).map(([script, lang]) => ({ lang, re: new RegExp(`\\p{Script=${script}}`, "u") }));
// Kana marks Japanese even in a text that is mostly Han characters.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

// Only the start of a long text is looked at: a few thousand characters decide it.
const SAMPLE_CHARS = 6000;
// Fewer function words than this is too little to judge by.
const MIN_HITS = 4;
// The winner must lead the runner-up by this factor.
const MARGIN = 1.5;

/** The languages the reading core reads. */
export const READABLE_LANGUAGES: readonly string[] = LEX.readable;

/** The primary subtag of a declared language ("en-GB" → "en"), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? "");
  return m ? m[1].toLowerCase() : null;
}

/** The text's language as an ISO 639-1 code, or null when the text is too short or too mixed to tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  let letters = 0;
  let latinOrCyrillic = 0;
  const byScript = new Map<string, number>();
  let kana = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(ch)) {
      latinOrCyrillic++;
      continue;
    }
    if (KANA.test(ch)) kana++;
    for (const s of SCRIPTS) {
      if (s.re.test(ch)) {
        byScript.set(s.lang, (byScript.get(s.lang) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters === 0) return null;
  if (latinOrCyrillic < letters / 2) {
    if (kana > letters * 0.05) return "ja";
    const best = [...byScript.entries()].sort((a, b) => b[1] - a[1])[0];
    return best && best[1] > letters / 4 ? best[0] : null;
  }
  const hits = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of WORDS.get(word) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
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
