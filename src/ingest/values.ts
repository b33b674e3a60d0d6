// Values documents give about themselves, checked where they come in: dates that are calendar days in the ledger's
// range, and web addresses that are http(s). A bad one is refused with what it is and where it stood.
import { checkCalendarDate } from "../domain/calendar.js";

/** A value a document or request gives that the ledger does not take; `statusCode` makes it a 400 at the API. */
export class InvalidValue extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = "InvalidValue";
  }
}

/** The date as given when it is a calendar date the ledger takes; throws InvalidValue naming `where` otherwise. */
export function calendarDate(value: string, where: string): string {
  const problem = checkCalendarDate(value);
  if (problem) throw new InvalidValue(`${where}: ${problem}`);
  return value;
}

/** True for an absolute http or https address. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** The address as given when it is http(s); throws InvalidValue naming `where` otherwise (javascript:, data:, file: …). */
export function webAddress(value: string, where: string): string {
  if (!isWebAddress(value.trim())) {
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    throw new InvalidValue(`${where}: expected an http(s) address, got ${shown}`);
  }
  return value.trim();
}
