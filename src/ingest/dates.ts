// Turns the many ways documents write a publication date into the calendar date YYYY-MM-DD.
import { isCalendarDate } from "../domain/calendar.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|\s)/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** True when y-m-d is a real calendar day. */
function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** True when the string is exactly a YYYY-MM-DD calendar date in the ledger's range. */
export function isIsoDate(value: string): boolean {
  return isCalendarDate(value);
}

/**
 * The calendar date a document gives, as YYYY-MM-DD, or null when it cannot be read.
 * An ISO timestamp keeps the date as written (the outlet's own day), not the UTC day.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  const date = readDate(raw);
  return date !== null && isCalendarDate(date) ? date : null;
}

function readDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  for (const re of [ISO_DATE, SLASH_DATE, COMPACT_DATE]) {
    const m = re.exec(s);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      return isCalendarDay(y, mo, d) ? `${m[1]}-${pad(mo)}-${pad(d)}` : null;
    }
  }
  // Written-out dates ("October 18, 2025", "18 Oct 2025", "Sat, 18 Oct 2025 09:00:00 GMT"): without the zone the
  // engine reads them as local time, so the local calendar fields are the day as the outlet wrote it.
  if (!/\d{4}/.test(s)) return null;
  const t = new Date(s.replace(/\s*(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i, ""));
  if (Number.isNaN(t.getTime())) return null;
  const y = t.getFullYear();
  const mo = t.getMonth() + 1;
  const d = t.getDate();
  return `${String(y).padStart(4, "0")}-${pad(mo)}-${pad(d)}`;
}
