// How the ledger's values read in words — dates, TIMEX3 times, stances, certainty, points — for every page and API
// field that explains something to a person. Pure (no I/O), so the web UI bundles the same module.
import type { Factuality, Stance } from "../domain/extraction.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PARTS: Record<string, string> = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const SEASONS: Record<string, string> = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const VAGUE: Record<string, string> = { PAST_REF: "in the past", PRESENT_REF: "now", FUTURE_REF: "in the future" };

/** An ISO date (or date-time) as a person writes it: "18 Apr 2018"; null stays null. */
export function humanDay(iso: string | null | undefined): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return iso ?? null;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** An ISO date without its year when the year is understood: "18 Apr". */
export function shortDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}` : iso;
}

/** Two ISO dates as a span: "8–11 Mar 2018", "30 Apr – 2 May 2018", "12 Dec 2018 – 3 Jan 2019". */
export function humanSpan(from: string | null, to: string | null): string {
  if (!from || !to) return humanDay(from ?? to) ?? "undated";
  if (from.slice(0, 10) === to.slice(0, 10)) return humanDay(from)!;
  const [a, b] = [humanDay(from)!.split(" "), humanDay(to)!.split(" ")];
  if (a[2] !== b[2]) return `${a.join(" ")} – ${b.join(" ")}`;
  if (a[1] !== b[1]) return `${a[0]} ${a[1]} – ${b.join(" ")}`;
  return `${a[0]}–${b.join(" ")}`;
}

function weekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - (jan4.getUTCDay() || 7) + 1 + (week - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/**
 * A TIMEX3 value as a person reads it: "18 Apr 2018, morning", "Apr 2018", "week of 27 Oct 2025", "weekend of 5 Mar
 * 2022", "autumn 2025"; null when there is no time. A value it does not know is returned as written.
 */
export function humanTime(value: string | null | undefined): string | null {
  if (!value) return null;
  if (VAGUE[value]) return VAGUE[value];
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|DT|(\d{2}):(\d{2})))?/.exec(value);
  if (m) {
    const day = humanDay(value)!;
    if (m[4] && PARTS[m[4]]) return `${day}, ${PARTS[m[4]]}`;
    if (m[5]) return `${day}, ${m[5]}:${m[6]}`;
    return day;
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const monday = weekMonday(Number(m[1]), Number(m[2]));
    if (!m[3]) return `week of ${humanDay(monday)}`;
    const saturday = new Date(Date.parse(monday) + 5 * 86_400_000).toISOString().slice(0, 10);
    return `weekend of ${humanDay(saturday)}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{3}X$/.test(value)) return `the ${value.slice(0, 3)}0s`;
  return value;
}

/** What a report of each stance says about the happening, as the end of "X reports …". */
export const STANCE_PHRASE: Record<Stance, string> = {
  occurred: "it took place",
  scheduled: "a date or venue is set",
  discussed: "it is being discussed",
  wanted: "a party wants it",
  unplanned: "it is not planned",
  called_off: "it was called off",
  failed: "it did not take place",
  refused: "a party refuses it",
  unknown: "it, without saying whether it is on",
};

/** Stances that tell the happening as not coming about. */
export const AGAINST_STANCES: ReadonlySet<string> = new Set(["unplanned", "refused", "called_off", "failed"]);

/** The side a stance takes: for the happening coming about, or against. */
export function side(stance: string): "for" | "against" {
  return AGAINST_STANCES.has(stance) ? "against" : "for";
}

/** How firmly a FactBank value presents what it presents: "certain", "probable", "possible" or "uncommitted". */
export function certaintyWords(f: Factuality | string): string {
  return f.startsWith("CT") ? "certain" : f.startsWith("PR") ? "probable" : f.startsWith("PS") ? "possible" : "uncommitted";
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** 1 → "first", 12 → "12th". */
export function ordinal(n: number): string {
  if (n >= 0 && n < ORDINALS.length) return ORDINALS[n];
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${s}`;
}

/** A change of probability in signed percentage points: "+24 pts", "−0.4 pts". */
export function signedPoints(delta: number): string {
  const pts = delta * 100;
  const abs = Math.abs(pts);
  const text = abs >= 10 ? abs.toFixed(0) : abs >= 0.05 ? abs.toFixed(1) : abs === 0 ? "0" : abs.toFixed(2);
  return `${pts < 0 ? "−" : pts > 0 ? "+" : "±"}${text} pts`;
}

/** "1 article", "3 articles"; irregular plurals are given. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
