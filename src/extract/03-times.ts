// Times: TIMEX3 recognition and normalisation against the document creation time.
import type { TimeExpr } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";
import { sentenceAt, tokenAtOrAfter } from "./01-tokens.js";
import { fmtDate, parseYmd } from "./times/calendar.js";
import { canAnchor, readPoint, shiftFrom } from "./times/resolve.js";
import { findCandidates, type Hit } from "./times/rules.js";
import { TenseReader } from "./times/tense.js";

/** The DCT from a dateline, re-exported where the pipeline looks for the stage's entry points. */
export { findDateline, type Dateline } from "./times/dateline.js";

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
/** How many sentences back a relative expression looks for the date it counts from. */
const ANCHOR_SENTENCES = 3;

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
  anchorShifts(doc, chosen);
  anchorClocks(doc, chosen, anchor ? fmtDate(anchor) : null);
  return chosen
    .filter((h) => h.value !== "")
    .map((h) => ({ start: h.start, end: h.end, text: text.slice(h.start, h.end), type: h.type, value: h.value }));
}

/** "two years later", "the following year": counted from a date named in the same or the last two sentences, else from the DCT. */
function anchorShifts(doc: Doc, hits: Hit[]): void {
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (!h.shift) continue;
    const sentence = sentenceAt(doc, h.start);
    const earliest = sentence - ANCHOR_SENTENCES;
    for (let j = i - 1; j >= 0; j--) {
      const s = sentenceAt(doc, hits[j].start);
      if (s < earliest) break;
      // "October of the following year": the month is placed by the year phrase, not the other way round.
      if (/^[\s,]*(?:of\s+)?$/i.test(doc.text.slice(hits[j].end, h.start))) continue;
      const point = readPoint(hits[j].value);
      if (!point || !canAnchor(point, h.shift.unit)) continue;
      h.value = shiftFrom(point.t, h.shift);
      break;
    }
  }
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
