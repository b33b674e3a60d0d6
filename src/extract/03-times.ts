// Times: TIMEX3 recognition and normalisation against the document creation time.
import type { TimeExpr } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";
import { sentenceAt, tokenAtOrAfter } from "./01-tokens.js";
import { fmtDate, parseYmd } from "./times/calendar.js";
import { FRONTED_LEAD, key } from "./times/lexicon.js";
import { resolveReferences, type Referable } from "./times/reference.js";
import { findCandidates, type Hit } from "./times/rules.js";
import { TenseReader } from "./times/tense.js";

/** The DCT from a dateline, re-exported where the pipeline looks for the stage's entry points. */
export { findDateline, type Dateline } from "./times/dateline.js";

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
/** A time opening its sentence stands within this many characters of its start ("But back in early 2019, "). */
const FRONTED_CHARS = 24;
/** Words, for counting what stands before a time in its sentence. */
const WORDS = /[\p{L}\p{N}]+/gu;

/** Every time expression in the document, longest non-overlapping matches first, valued against the DCT (YYYY-MM-DD). */
export function readTimes(doc: Doc, dct: string | null): TimeExpr[] {
  const text = doc.text;
  const anchor = parseYmd(dct);
  const tense = new TenseReader(doc);
  const candidates = findCandidates({
    text,
    dct: anchor,
    tense: (start, end) => tense.at(start, end),
    verbAfter: (offset) => {
      const t = doc.tokens[tokenAtOrAfter(doc, offset)];
      return !!t && (t.pos === "VERB" || t.pos === "AUX");
    },
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.rule - b.rule);
  const taken = new Uint8Array(text.length + 1);
  const chosen: Hit[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  anchorToReferences(doc, chosen, tense, anchor ? anchor.y : null);
  anchorClocks(doc, chosen, anchor ? fmtDate(anchor) : null);
  return chosen
    .filter((h) => h.value !== "")
    .map((h) => ({ start: h.start, end: h.end, text: text.slice(h.start, h.end), type: h.type, value: h.value }));
}

/** "two years later", "the following year", a recap's "in February": valued against the reference time of their passage. */
function anchorToReferences(doc: Doc, hits: Hit[], tense: TenseReader, dctYear: number | null): void {
  const dated = hits.filter((h) => h.type === "DATE" || h.type === "TIME");
  if (!dated.some((h) => h.anaphor)) return;
  const items: Referable[] = dated.map((h) => {
    const sentence = sentenceAt(doc, h.start);
    return {
      start: h.start,
      end: h.end,
      sentence,
      value: h.value,
      written: h.written,
      anaphor: h.anaphor,
      fronted: h.start - doc.sentences[sentence].start <= FRONTED_CHARS && opensSentence(doc.text.slice(doc.sentences[sentence].start, h.start)),
      sentencePast: h.anaphor?.need === "recap" && tense.sentence(h.start) === "past",
    };
  });
  resolveReferences(items, doc.text, dctYear);
  dated.forEach((h, i) => (h.value = items[i].value));
}

/** Only a few lead words before it ("In 2019,", "Back in 2019,", "But by 2019"): the time opens its sentence. */
function opensSentence(before: string): boolean {
  const words = before.match(WORDS) ?? [];
  return words.length <= 3 && words.every((w) => FRONTED_LEAD.has(key(w)));
}

/** A clock time takes the day named nearest to it in its sentence, else the DCT. */
function anchorClocks(doc: Doc, hits: Hit[], dct: string | null): void {
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (!h.clock) continue;
    const sentence = sentenceAt(doc, h.start);
    let best: string | null = null;
    let bestDistance = Infinity;
    for (let j = i - 1; j >= 0 && sentenceAt(doc, hits[j].start) === sentence; j--) {
      if (DAY_VALUE.test(hits[j].value)) {
        best = hits[j].value;
        bestDistance = h.start - hits[j].end;
        break;
      }
    }
    for (let j = i + 1; j < hits.length && sentenceAt(doc, hits[j].start) === sentence; j++) {
      if (DAY_VALUE.test(hits[j].value)) {
        if (hits[j].start - h.end < bestDistance) best = hits[j].value;
        break;
      }
    }
    h.value = `${best ?? dct ?? "XXXX-XX-XX"}${h.clock}`;
  }
}
