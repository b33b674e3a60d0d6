// Naive readings measured in the same run, so the extractor's figures have something to stand beside.
import type { Attribution, TimeExpr } from "../../src/domain/extraction.js";

// English month names from the platform's own calendar data, not a list typed in here.
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, i, 1))),
);
const MONTH = `(${MONTHS.join("|")})`;
const FULL_DATE = new RegExp(
  `\\b(?:${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  "g",
);
const pad = (n: number | string) => String(n).padStart(2, "0");

/** Times baseline: only dates written out in full ("October 18, 2025", "18 October 2025", "2025-10-18"). */
export function explicitDates(text: string): TimeExpr[] {
  const out: TimeExpr[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    let value: string;
    if (m[1]) value = `${m[3]}-${pad(MONTHS.indexOf(m[1]) + 1)}-${pad(m[2])}`;
    else if (m[5]) value = `${m[6]}-${pad(MONTHS.indexOf(m[5]) + 1)}-${pad(m[4])}`;
    else value = `${m[7]}-${m[8]}-${m[9]}`;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: "DATE", value });
  }
  return out;
}

const SAID = /(\S+)\s+(said|says|told)\b/g;

/** Attributions baseline: every "said/says/told" with the word before it as the source. */
export function saidAttributions(text: string): Attribution[] {
  const out: Attribution[] = [];
  for (const m of text.matchAll(SAID)) {
    const start = m.index;
    const cueStart = start + m[0].length - m[2].length;
    const source = { start, end: start + m[1].length, text: m[1], entity: null };
    out.push({
      sentence: 0,
      source,
      cue: { start: cueStart, end: cueStart + m[2].length, text: m[2] },
      content: { start: cueStart + m[2].length, end: cueStart + m[2].length },
      chain: [{ text: m[1], entity: null }],
    });
  }
  return out;
}
