// Calendar intervals of TIMEX3 values, so that two mentions of one happening can be tested for compatible times.

/** An inclusive day range as ISO dates (YYYY-MM-DD); comparable as strings. */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function iso(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const day = jan4.getUTCDay() || 7;
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - day + 1 + (week - 1) * 7);
  return monday;
}

const SEASONS: Record<string, [number, number, number, number]> = {
  // month/day from, month/day to (northern hemisphere, meteorological seasons, winter spilling into the next year)
  SP: [3, 1, 5, 31],
  SU: [6, 1, 8, 31],
  FA: [9, 1, 11, 30],
  WI: [12, 1, 14, 28],
};

// Claim matching asks for the same few thousand values over and over; the cache is cleared when it grows large.
const CACHE_LIMIT = 50_000;
const ranges = new Map<string, DayRange | null>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The day range a TIMEX3 date value denotes, or null for vague and unparseable values. Do not mutate the result. */
export function dayRange(value: string | null | undefined): DayRange | null {
  if (!value) return null;
  const known = ranges.get(value);
  return known !== undefined ? known : remember(ranges, value, parseDayRange(value));
}

function parseDayRange(value: string): DayRange | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { from: `${m[1]}-${m[2]}-${m[3]}`, to: `${m[1]}-${m[2]}-${m[3]}` };
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    const from = new Date(monday);
    if (m[3]) from.setUTCDate(monday.getUTCDate() + 5);
    const to = new Date(monday);
    to.setUTCDate(monday.getUTCDate() + 6);
    return { from: iso(from), to: iso(to) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(y, mo))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return { from: `${m[1]}-${pad(first)}-01`, to: `${m[1]}-${pad(last)}-${pad(lastDayOfMonth(Number(m[1]), last))}` };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const [fm, fd, tm, td] = SEASONS[m[2]];
    const toYear = tm > 12 ? y + 1 : y;
    const toMonth = tm > 12 ? tm - 12 : tm;
    const toDay = Math.min(td, lastDayOfMonth(toYear, toMonth));
    return { from: `${y}-${pad(fm)}-${pad(fd)}`, to: `${toYear}-${pad(toMonth)}-${pad(toDay)}` };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return m[2] === "1" ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return null;
}

/** True when the two ranges share at least one day. */
export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

// Day numbers (days since 1970-01-01) from and to proleptic Gregorian dates, in integer arithmetic: claim matching
// shifts and compares dates millions of times in a large ingest, and Date objects made that its biggest cost.
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isoOfDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 1000 ? pad(y, 4) : y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

// "YYYY-MM-DD…" to its day number; anything else goes through Date.parse as before.
function dayOf(date: string): number {
  const c = date.charCodeAt(4);
  if (date.length >= 10 && c === 45 && date.charCodeAt(7) === 45) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return dayNumber(y, m, d);
  }
  return Math.floor(Date.parse(date.slice(0, 10)) / 86_400_000);
}

/** Days from ISO date `a` to ISO date `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayOf(b) - dayOf(a);
}

/** ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return isoOfDay(dayOf(date) + days);
}

/**
 * An ISO date written YYYY-MM-DD as the number YYYYMMDD, which orders as the text does (real date or not); NaN for
 * anything else. Comparing such numbers reads no string, which matters where dates are compared millions of times.
 */
export function dateNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** Number of days a range spans; a smaller span is a more specific time. */
export function rangeWidth(r: DayRange): number {
  return daysBetween(r.from, r.to) + 1;
}

/**
 * A month or day written without its year ("by May", TIMEX3 "XXXX-05") anchored to the year of the report's day, so
 * it can be compared with calendar times; other values are returned unchanged.
 */
export function anchorYear(value: string | null, published: string | null): string | null {
  if (!value || !published || !/^XXXX-\d{2}(?:-\d{2})?(?:T[\d:]+)?$/.test(value)) return value;
  return `${published.slice(0, 4)}${value.slice(4)}`;
}

/** The more specific of two TIMEX3 values (a narrower calendar range wins; a calendar value beats a vague one). */
export function moreSpecificTime(a: string | null, b: string | null): string | null {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra) return rb ? b : (a ?? b);
  if (!rb) return a;
  return rangeWidth(rb) < rangeWidth(ra) ? b : a;
}

/** The first and last day the ledger takes as a publication date or a question date. */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2100-12-31";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Why a value is not a date the ledger accepts — a YYYY-MM-DD that names a real day from EARLIEST_DATE to
 * LATEST_DATE — or null when it is. The one check every way in (CLI, API, header block, JSON Lines, questions) uses.
 */
export function checkCalendarDate(value: string): string | null {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `expected a date YYYY-MM-DD, got ${shown}`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${shown} has no month ${m[2]}`;
  const days = lastDayOfMonth(y, mo);
  if (d < 1 || d > days) return `${shown} is not a day: ${MONTHS[mo - 1]} ${y} has ${days} days`;
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `${shown} is outside ${EARLIEST_DATE} to ${LATEST_DATE}`;
  return null;
}

/** True for a date checkCalendarDate accepts. */
export function isCalendarDate(value: string): boolean {
  return checkCalendarDate(value) === null;
}
