// The reference time of a passage: what "the following year", "that spring", "a month later" or a recap's bare
// "in February" count from, instead of the article's date. Deictic expressions ("last year", "yesterday", "on
// Monday") never come here: they keep the DCT.
import { addDays, fmtDate, fmtMonth, fmtQuarter, fmtYear, isValidDate, quarterOf, weekday, type Ymd } from "./calendar.js";
import { readPoint, shiftFrom, type Shift, type ShiftUnit } from "./resolve.js";

/**
 * How far back the reference time of an anaphoric expression may lie: its own sentence and the one before, and
 * further over sentences that name no time it could count from ("a day later", "in morning trading"): the day a
 * story is telling stays its reference time until another one replaces it.
 */
export const REFERENCE_SENTENCES = 3;

/** The finest calendar unit a reference time fixes. */
export type PointUnit = "day" | "month" | "year";

/**
 * An expression whose value follows the reference time of its passage.
 * - `any`: counts from the most recent calendar point fine enough for it ("the following year", "two days earlier").
 * - `recap`: a calendar name told in the past ("in February", "on Feb. 27", "in the spring") takes its year from the
 *   most recent time of its own sentence, when that time is written with its year, lies before the article's year
 *   and dates the month's clause: it opens the sentence ("In 2019, Trump … met Kim at the DMZ in June") or stands in
 *   the same clause, with no comma or semicolon between ("the two met in 2019 in Hanoi in February"); never "Kim,
 *   who met Trump in 2019, said in March".
 */
export interface Anaphor {
  need: "any" | "recap";
  /** The coarsest reference time it can count from: a year cannot place "the next day". */
  unit: PointUnit;
  /** The value counted from the reference point, which fixes the calendar down to `unit`. */
  from(t: Ymd, unit: PointUnit): string | null;
  /** Means nothing without a reference time ("that year", "the same day"): dropped when none is found. */
  bound?: boolean;
  /** A recap told with a past verb of its own (not only in a sentence that has one). */
  toldPast?: boolean;
  /** A quarter ("the fourth quarter") is a reference time fine enough for it. */
  quarters?: boolean;
}

/** One recognised expression, in text order, as the resolver sees it. */
export interface Referable {
  start: number;
  end: number;
  sentence: number;
  value: string;
  /** The year is written out ("June 2018", "Feb. 27, 2019", "2019"), or counted from such a time. */
  written?: boolean;
  anaphor?: Anaphor;
  /** The expression opens its sentence ("In 2019, …") and so dates the whole of it. */
  fronted?: boolean;
  /** Its sentence is told in the past (a past verb and no future one). */
  sentencePast?: boolean;
}

const FINENESS: Record<PointUnit, number> = { day: 0, month: 1, year: 2 };
const SHIFT_UNIT: Record<ShiftUnit, PointUnit> = { day: "day", week: "day", month: "month", year: "year", decade: "year" };
/** Nothing but ", of" between two expressions: "October of the following year" reads as one. */
const GLUE = /^[\s,]*(?:of\s+)?$/i;
/** Punctuation that closes a clause between a recap's year and its month. */
const CLAUSE_PUNCTUATION = /[,;:()\u2013\u2014]/;

/** A shift from the reference time ("two days earlier": day −2); `bound` for "that year", "the same day". */
export function shiftAnaphor(shift: Shift, bound = false): Anaphor {
  return { need: "any", unit: SHIFT_UNIT[shift.unit], from: (t) => shiftFrom(t, shift), bound };
}

/**
 * A month, or a month and day, whose year a dated recap supplies ("in February" after "In 2019"). After a month of
 * the recap, a month earlier in the calendar is the next year's: a recap tells its story forward ("began in
 * December 2019, and by March the virus had spread").
 */
export function recapMonth(month: number, day: number | null, toldPast: boolean): Anaphor {
  return {
    need: "recap",
    unit: "year",
    toldPast,
    from: (t, fixed) => {
      const y = fixed !== "year" && month < t.m ? t.y + 1 : t.y;
      if (day === null) return fmtMonth(y, month);
      return isValidDate(y, month, day) ? fmtDate({ y, m: month, d: day }) : null;
    },
  };
}

/** A season of the reference year, or n years on: "that spring", "the following winter", a recap's "in the spring". */
export function seasonAnaphor(code: string, need: Anaphor["need"], n = 0, toldPast = false): Anaphor {
  return { need, unit: "year", toldPast, from: (t) => `${fmtYear(t.y + n)}-${code}` };
}

/** A month of the year before or after the reference year: "October of the following year". */
export function monthOfYearAnaphor(month: number, n: number): Anaphor {
  return { need: "any", unit: "year", from: (t) => fmtMonth(t.y + n, month) };
}

/** The weekday after (n = 1) or before (n = −1) the reference day: "a signing the following Thursday". */
export function weekdayAnaphor(wd: number, n: 1 | -1): Anaphor {
  return {
    need: "any",
    unit: "day",
    from: (t) => {
      let gap = n > 0 ? wd - weekday(t) : weekday(t) - wd;
      if (gap <= 0) gap += 7;
      return fmtDate(addDays(t, n * gap));
    },
  };
}

/** A month of the reference year: "that September" after "In July 2019". */
export function demonstrativeMonth(month: number): Anaphor {
  return { need: "any", unit: "year", from: (t) => fmtMonth(t.y, month) };
}

/** A day of the reference month: "on the 15th" after "In March". */
export function dayOfMonthAnaphor(day: number): Anaphor {
  return { need: "any", unit: "month", from: (t) => (isValidDate(t.y, t.m, day) ? fmtDate({ y: t.y, m: t.m, d: day }) : null) };
}

/**
 * The reference time a year back: "the same month a year ago" after "in January", "the same time last year" (as
 * fine as the reference), "the same period last year" (a month or a year: a period is no single day), "the same
 * quarter a year earlier" after "the third quarter".
 */
export function yearAgoAnaphor(unit: "day" | "month" | "quarter" | "period" | "time"): Anaphor {
  const need: PointUnit = unit === "day" ? "day" : unit === "period" || unit === "time" ? "year" : "month";
  return {
    need: "any",
    unit: need,
    quarters: unit === "quarter",
    from: (t, fixed) => {
      if (unit === "quarter") return fmtQuarter(t.y - 1, quarterOf(t.m));
      const finest = unit === "time" ? fixed : unit === "period" ? (fixed === "year" ? "year" : "month") : need;
      if (finest === "day") return isValidDate(t.y - 1, t.m, t.d) ? fmtDate({ y: t.y - 1, m: t.m, d: t.d }) : null;
      return finest === "month" ? fmtMonth(t.y - 1, t.m) : fmtYear(t.y - 1);
    },
  };
}

interface Reference {
  t: Ymd;
  unit: PointUnit;
  written: boolean;
}

/**
 * Re-values every anaphoric expression against the reference time of its passage, in text order, so that a value
 * counted from a written date can itself be the reference of the next one ("June 2018 … the following year … in
 * February"). Expressions with no reference time keep their value counted from the DCT, or get "" when `bound`.
 * `dctYear` is the article's year (null when unknown: every written year then counts as past).
 */
export function resolveReferences(items: Referable[], text: string, dctYear: number | null): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const a = item.anaphor;
    if (!a) continue;
    const ref = a.need === "recap" ? recapReference(items, i, text, dctYear) : pointReference(items, i, text, a);
    const value = ref ? a.from(ref.t, ref.unit) : null;
    if (value !== null && ref) {
      item.value = value;
      item.written = ref.written;
    } else if (a.bound) item.value = "";
  }
}

/** A value read as a reference point; a quarter only for an expression that counts in quarters. */
function pointOf(value: string, quarters: boolean): { t: Ymd; unit: PointUnit } | null {
  const point = readPoint(value);
  if (point || !quarters) return point;
  const q = /^(\d{4})-Q([1-4])$/.exec(value);
  return q ? { t: { y: Number(q[1]), m: (Number(q[2]) - 1) * 3 + 1, d: 1 }, unit: "month" } : null;
}

/** A season with its year ("the spring of 2022") fixes the year of a recap told after it. */
function seasonPoint(value: string): { t: Ymd; unit: PointUnit } | null {
  const m = /^(\d{4})-(?:SP|SU|FA|WI)$/.exec(value);
  return m ? { t: { y: Number(m[1]), m: 1, d: 1 }, unit: "year" } : null;
}

/** The most recent calendar point fine enough for the anaphor, within reach. */
function pointReference(items: Referable[], i: number, text: string, a: Anaphor): Reference | null {
  const earliest = items[i].sentence - REFERENCE_SENTENCES;
  for (let j = i - 1; j >= 0; j--) {
    if (items[j].sentence < earliest) break;
    // "October of the following year": the month is placed by the year phrase, not the other way round.
    if (j === i - 1 && GLUE.test(text.slice(items[j].end, items[i].start))) continue;
    const point = pointOf(items[j].value, !!a.quarters);
    if (!point || FINENESS[point.unit] > FINENESS[a.unit]) continue;
    return { t: point.t, unit: point.unit, written: !!items[j].written };
  }
  return null;
}

/** The most recent time of the sentence, when it is a written past year that dates the recap's clause. */
function recapReference(items: Referable[], i: number, text: string, dctYear: number | null): Reference | null {
  const item = items[i];
  for (let j = i - 1; j >= 0 && items[j].sentence === item.sentence; j--) {
    const anchor = items[j];
    const point = readPoint(anchor.value) ?? seasonPoint(anchor.value);
    if (!point) {
      // "last week", "the spring": a time the sentence moved to, which a month cannot take its year from.
      if (anchor.value !== "" && !anchor.value.endsWith("_REF")) return null;
      continue;
    }
    if (!anchor.written || (dctYear !== null && point.t.y >= dctYear)) return null;
    const dates = anchor.fronted
      ? !!item.sentencePast
      : !!item.anaphor?.toldPast && !CLAUSE_PUNCTUATION.test(text.slice(anchor.end, item.start));
    return dates ? { t: point.t, unit: point.unit, written: true } : null;
  }
  // "In 2019 the two met in Hanoi. In February, the talks collapsed.": a recap's month opening its sentence goes on
  // from the year that opened the sentence before, when that is the last time dated before it.
  const before = items[i - 1];
  if (!before || before.sentence !== item.sentence - 1 || !before.fronted || !item.fronted || !item.sentencePast) return null;
  const point = readPoint(before.value);
  if (!point || !before.written || point.unit !== "year" || (dctYear !== null && point.t.y >= dctYear)) return null;
  return { t: point.t, unit: point.unit, written: true };
}
