// Finds the document date in a dateline near the top of an article ("SEOUL, March 12 (Reuters) -", a date line under the title).
import { dayNumber, fmtDate, isValidDate, parseYmd, type Ymd } from "./calendar.js";
import { MONTHS, MONTH_RE, WEEKDAY_ANY_RE, key } from "./lexicon.js";

/** A document date found in the text, with the span of the date itself. */
export interface Dateline {
  /** YYYY-MM-DD */
  value: string;
  start: number;
  end: number;
}

const HEAD_CHARS = 300;
const HEAD_LINES = 3;

const DATE =
  `(?<date>(?:(?:${WEEKDAY_ANY_RE})\\.?,?\\s+)?` +
  `(?:(?<mon>${MONTH_RE})(?:\\.\\s*|\\s+)(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?` +
  `|(?<day2>\\d{1,2})\\s+(?<mon2>${MONTH_RE})\\.?,?\\s+(?<year2>\\d{4})` +
  `|(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})))(?=T\\d|[^\\p{L}\\p{N}]|$)`;

/** The whole line is a date, possibly after "Published:" and before a separator and more. */
const DATE_LINE = new RegExp(
  `^\\s*(?:(?:published|posted|updated|dated|date)(?:\\s+on)?:?\\s+)?${DATE}\\s*(?:$|[|•·–—/-]|,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}|T\\d)`,
  "iu",
);
/** "CITY, Date (Agency) -": a place in capitals or title case, a comma, the date, a dash. */
const PLACE_LINE = new RegExp(
  `^\\s*\\p{Lu}[\\p{L}.'’ -]{1,40}?(?:,\\s*\\p{Lu}[\\p{L}.'’ ]{1,30}?)?\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?,\\s*${DATE}\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?[-–—:]`,
  "iu",
);
/** "Place | Date" or "By Someone · Date" at the end of a short line. */
const TRAILING_DATE = new RegExp(`[|•·]\\s*${DATE}\\s*$`, "iu");
const YEAR = /(?<![\p{L}\p{N}$])(19\d\d|20\d\d)(?![\p{L}\p{N}])/u;

interface Found {
  y: number | null;
  m: number;
  d: number;
  start: number;
  end: number;
}

function read(match: RegExpExecArray, lineStart: number): Found | null {
  const g = match.groups ?? {};
  let y: number | null;
  let m: number;
  let d: number;
  if (g.iy) {
    y = Number(g.iy);
    m = Number(g.im);
    d = Number(g.id);
  } else {
    const mon = g.mon ?? g.mon2;
    // Month names are capitalised in a dateline; "may 5" in running text is not one.
    if (!mon || !/^\p{Lu}/u.test(mon)) return null;
    const n = MONTHS.get(key(mon));
    if (n === undefined) return null;
    m = n;
    d = Number(g.day ?? g.day2);
    const ys = g.year ?? g.year2;
    y = ys ? Number(ys) : null;
  }
  if (!isValidDate(y ?? 2000, m, d)) return null;
  const offset = lineStart + match.index + match[0].indexOf(g.date!);
  return { y, m, d, start: offset, end: offset + g.date!.length };
}

/**
 * The document date from a dateline in the first lines; null when none is found or its year cannot be known.
 * A dateline without a year ("ANCHORAGE, Alaska, Aug. 15 -") takes it from `reference` (the document's metadata
 * date, YYYY-MM-DD) when one is given: the year that puts its month and day nearest that date. Only without one
 * does a year printed elsewhere in the first lines count.
 */
export function findDateline(text: string, reference?: string | null): Dateline | null {
  const head = text.slice(0, HEAD_CHARS);
  let lineStart = 0;
  let yearless: Found | null = null;
  let lines = 0;
  while (lineStart < head.length && lines < HEAD_LINES) {
    let lineEnd = head.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = head.length;
    const line = head.slice(lineStart, lineEnd);
    if (line.trim()) {
      lines++;
      for (const pattern of [DATE_LINE, PLACE_LINE, TRAILING_DATE]) {
        const match = pattern.exec(line);
        const found = match ? read(match, lineStart) : null;
        if (!found) continue;
        if (found.y !== null) return { value: fmtDate({ y: found.y, m: found.m, d: found.d }), start: found.start, end: found.end };
        yearless ??= found;
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (!yearless) return null;
  const ref = parseYmd(reference);
  if (ref) {
    const day = nearestYear(yearless, ref);
    return day ? { value: fmtDate(day), start: yearless.start, end: yearless.end } : null;
  }
  // A yearless dateline borrows a year printed elsewhere in the first lines.
  const year = YEAR.exec(head.slice(0, lineStart));
  if (!year) return null;
  const y = Number(year[1]);
  if (!isValidDate(y, yearless.m, yearless.d)) return null;
  return { value: fmtDate({ y, m: yearless.m, d: yearless.d }), start: yearless.start, end: yearless.end };
}

/** The month and day in the year around `ref` that lies nearest it ("Dec. 31" near 2026-01-01 is 2025-12-31). */
function nearestYear(found: Found, ref: Ymd): Ymd | null {
  let best: Ymd | null = null;
  let bestDistance = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!isValidDate(y, found.m, found.d)) continue;
    const day = { y, m: found.m, d: found.d };
    const distance = Math.abs(dayNumber(day) - dayNumber(ref));
    if (distance < bestDistance) {
      best = day;
      bestDistance = distance;
    }
  }
  return best;
}
