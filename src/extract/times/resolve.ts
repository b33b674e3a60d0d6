// Turns relative calendar references (a weekday, a yearless month, "last summer") into values against the DCT.
import type { Tense } from "./tense.js";
import { addDays, addMonths, dayNumber, fmtDate, fmtMonth, fmtWeek, fmtYear, weekday, type Ymd } from "./calendar.js";

const SEASON_INDEX: Record<string, number> = { SP: 0, SU: 1, FA: 2, WI: 3 };

/** Direction forced by a modifier: -1 strictly before the DCT, +1 strictly after, 0 none. */
export type Lean = -1 | 0 | 1;

/** The weekday `wd` (1 = Monday) nearest the DCT in the direction the tense or modifier points to. */
export function weekdayDate(dct: Ymd, wd: number, lean: Lean, tense: Tense): Ymd {
  const today = weekday(dct);
  if (lean < 0) {
    let back = today - wd;
    if (back <= 0) back += 7;
    return addDays(dct, -back);
  }
  if (lean > 0) {
    let ahead = wd - today;
    if (ahead <= 0) ahead += 7;
    return addDays(dct, ahead);
  }
  // A weekday with a present-tense verb is a timetable ("the board meets Thursday").
  if (tense === "future" || tense === "present") {
    let ahead = wd - today;
    if (ahead < 0) ahead += 7;
    return addDays(dct, ahead);
  }
  // News reports mostly look back: the latest such weekday up to and including the DCT.
  let back = today - wd;
  if (back < 0) back += 7;
  return addDays(dct, -back);
}

/** Year of a yearless month (and optional day), chosen from the DCT's year and its neighbours by tense. */
export function yearOf(dct: Ymd, month: number, day: number | null, lean: Lean, tense: Tense): number {
  if (lean < 0) return month < dct.m || (day !== null && month === dct.m && day < dct.d) ? dct.y : dct.y - 1;
  if (lean > 0) return month > dct.m || (day !== null && month === dct.m && day > dct.d) ? dct.y : dct.y + 1;
  const y = dct.y;
  if (day !== null) {
    const diff = dayNumber({ y, m: month, d: Math.min(day, 28) }) - dayNumber(dct);
    // A few weeks' slack: a past-tense report may mention a date just after the DCT it was filed under.
    if (tense === "past") return diff > 60 ? y - 1 : y;
    if (tense === "future") return diff < -60 ? y + 1 : y;
    if (diff > 200) return y - 1;
    if (diff < -200) return y + 1;
    return y;
  }
  const diff = month - dct.m;
  if (tense === "past") return diff > 0 ? y - 1 : y;
  if (tense === "future") return diff < 0 ? y + 1 : y;
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  return y;
}

/** The season code's position in a running count of seasons (winter belongs to the year it starts in). */
function seasonNumber(y: number, code: string): number {
  return y * 4 + SEASON_INDEX[code];
}

/** Running season count of the DCT (January and February are the previous year's winter). */
function dctSeason(dct: Ymd): number {
  const m = dct.m;
  if (m === 12) return seasonNumber(dct.y, "WI");
  if (m <= 2) return seasonNumber(dct.y - 1, "WI");
  return seasonNumber(dct.y, m <= 5 ? "SP" : m <= 8 ? "SU" : "FA");
}

/** TIMEX3 value (YYYY-SS) of a season relative to the DCT. */
export function seasonValue(dct: Ymd, code: string, lean: Lean, tense: Tense): string {
  const now = dctSeason(dct);
  let n = seasonNumber(dct.y, code);
  if (lean < 0) {
    while (n >= now) n -= 4;
    while (n + 4 < now) n += 4;
  } else if (lean > 0) {
    while (n <= now) n += 4;
    while (n - 4 > now) n -= 4;
  } else if (tense === "past" && n > now) n -= 4;
  else if (tense === "future" && n < now) n += 4;
  return `${fmtYear(Math.floor(n / 4))}-${code}`;
}

/** The season of the DCT's year named by "this" (a winter in January or February is the one that began in December). */
export function thisSeason(dct: Ymd, code: string): string {
  return `${fmtYear(code === "WI" && dct.m <= 2 ? dct.y - 1 : dct.y)}-${code}`;
}

/** The month n months from the DCT's month. */
export function monthFrom(dct: Ymd, n: number): { y: number; m: number } {
  return addMonths(dct.y, dct.m, n);
}

/** Calendar unit of a shift counted from a reference time. */
export type ShiftUnit = "day" | "week" | "month" | "year" | "decade";

/** "n units from the reference time", kept so that a narrative anchor can replace the DCT later. */
export interface Shift {
  unit: ShiftUnit;
  n: number;
  /** Appended to the shifted value, e.g. "TMO" for "in morning trading". */
  suffix?: string;
}

/** A value read back as a calendar point, with the finest unit it fixes; null for weeks, seasons, vague values. */
export function readPoint(value: string): { t: Ymd; unit: "day" | "month" | "year" } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return { t: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, unit: "day" };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { t: { y: Number(m[1]), m: Number(m[2]), d: 1 }, unit: "month" };
  m = /^(\d{4})$/.exec(value);
  if (m) return { t: { y: Number(m[1]), m: 1, d: 1 }, unit: "year" };
  return null;
}

/** The value n units after (or before) a reference point. */
export function shiftFrom(t: Ymd, shift: Shift): string {
  return shifted(t, shift) + (shift.suffix ?? "");
}

function shifted(t: Ymd, shift: Shift): string {
  switch (shift.unit) {
    case "day":
      return fmtDate(addDays(t, shift.n));
    case "week":
      return fmtWeek(addDays(t, 7 * shift.n));
    case "month": {
      const x = addMonths(t.y, t.m, shift.n);
      return fmtMonth(x.y, x.m);
    }
    case "year":
      return fmtYear(t.y + shift.n);
    case "decade":
      return fmtYear(t.y + 10 * shift.n).slice(0, 3);
  }
}
