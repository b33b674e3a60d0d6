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

// Claim matching asks for the same few thousand values over and over; both caches are cleared when they grow large.
const CACHE_LIMIT = 50_000;
const ranges = new Map<string, DayRange | null>();
const shifted = new Map<string, string>();

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

/** Days from ISO date `a` to ISO date `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}

/** ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const known = shifted.get(key);
  if (known !== undefined) return known;
  const d = new Date(Date.parse(date.slice(0, 10)));
  d.setUTCDate(d.getUTCDate() + days);
  return remember(shifted, key, iso(d));
}

/** Number of days a range spans; a smaller span is a more specific time. */
export function rangeWidth(r: DayRange): number {
  return daysBetween(r.from, r.to) + 1;
}
