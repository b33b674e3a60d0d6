// Calendar arithmetic in UTC days, and the TIMEX3 spellings of dates, months, weeks, quarters and seasons.

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

/** Reads a strict YYYY-MM-DD string; anything else (or an impossible date) gives null. */
export function parseYmd(value: string | null | undefined): Ymd | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

/** True when the day exists in the proleptic Gregorian calendar. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Number of days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(t: Ymd): number {
  return Math.floor(Date.UTC(t.y, t.m - 1, t.d) / DAY_MS);
}

/** The day n days after t (n may be negative). */
export function addDays(t: Ymd, n: number): Ymd {
  const date = new Date(Date.UTC(t.y, t.m - 1, t.d) + n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The month n months after (y, m). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12 + 12) % 12 + 1 };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(t: Ymd): number {
  const w = new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(t: Ymd): { year: number; week: number } {
  const thursday = addDays(t, 4 - weekday(t));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1;
  return { year: thursday.y, week };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** YYYY (years before 1000 padded). */
export function fmtYear(y: number): string {
  return pad(y, 4);
}

/** YYYY-MM. */
export function fmtMonth(y: number, m: number): string {
  return `${fmtYear(y)}-${pad(m, 2)}`;
}

/** YYYY-MM-DD. */
export function fmtDate(t: Ymd): string {
  return `${fmtMonth(t.y, t.m)}-${pad(t.d, 2)}`;
}

/** YYYY-Www of the ISO week holding t. */
export function fmtWeek(t: Ymd): string {
  const { year, week } = isoWeek(t);
  return `${fmtYear(year)}-W${pad(week, 2)}`;
}

/** YYYY-Www-WE: the weekend of the ISO week holding t. */
export function fmtWeekend(t: Ymd): string {
  return `${fmtWeek(t)}-WE`;
}

/** Quarter (1–4) of month m. */
export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** YYYY-Qn. */
export function fmtQuarter(y: number, q: number): string {
  return `${fmtYear(y)}-Q${q}`;
}

/** Clock time HH:MM. */
export function fmtClock(hour: number, minute: number): string {
  return `${pad(hour, 2)}:${pad(minute, 2)}`;
}
