// Values of command-line options shared by several commands: durations, dates, and the usage error they raise.
import type { Command } from "commander";
import { checkCalendarDate } from "../../domain/calendar.js";

/** Stops with a usage error (exit status 2). */
export function usage(cmd: Command, message: string): never {
  cmd.error(`error: ${message}`, { exitCode: 2, code: "bellwether.usage" });
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "30s", "1h", "500ms", "1d" (or a bare 0) in milliseconds, or null when it is not a duration. */
export function parseDuration(text: string): number | null {
  if (text.trim() === "0") return 0;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]];
  return Number.isFinite(ms) && ms <= 366 * UNITS.d ? ms : null;
}

/** A duration option's value, or a usage error naming the option; zero only where `allowZero`. */
export function durationOption(cmd: Command, flag: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === null || (ms === 0 && !allowZero)) usage(cmd, `${flag} must be a duration like 30s, 15m or 1h, got "${value}"`);
  return ms;
}

/** A calendar date option (YYYY-MM-DD), or a usage error. */
export function dateOption(cmd: Command, flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = checkCalendarDate(value);
  if (problem) usage(cmd, `${flag}: ${problem}`);
  return value;
}
