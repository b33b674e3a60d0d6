// The recognition rules: one precompiled pattern per family of time expressions, each with its normaliser.
import type { TimeType } from "../../domain/extraction.js";
import {
  addDays,
  daysInMonth,
  fmtClock,
  fmtDate,
  fmtMonth,
  fmtQuarter,
  fmtWeek,
  fmtWeekend,
  fmtYear,
  isValidDate,
  quarterOf,
  weekday,
  type Ymd,
} from "./calendar.js";
import {
  ANAPHORIC_RELATIVES,
  ANCHORED_DIRECTIONS,
  CLAUSE_WORDS,
  DCT_DIRECTIONS,
  DECADE_LEAD,
  DECADE_OWNERS,
  DEICTIC,
  DIRECTION_RE,
  DURATION_MOD_RE,
  HOLIDAYS,
  HOLIDAY_RE,
  L,
  MONTHS,
  MONTH_ABBREVIATIONS,
  MONTH_LEAD,
  MONTH_RE,
  NUM_RE,
  OFFSET_DIRECTIONS,
  ORDINALS,
  ORDINAL_DAY_FOLLOWERS,
  ORDINAL_DAY_LEAD,
  ORDINAL_RE,
  PARTS_OF_DAY,
  PERIOD_MOD_RE,
  PERIOD_NOT_BEFORE,
  POD_LEAD,
  RATE_WORDS,
  POD_RE,
  R,
  RELATIVE,
  RELATIVE_RE,
  SEASONS,
  SEASON_LEAD,
  SEASON_NOT_BEFORE,
  SEASON_RE,
  SET_ADVERBS,
  SET_ADVERB_RE,
  SET_QUANTIFIER_RE,
  UNITS,
  UNIT_RE,
  UTC_ZONES,
  VAGUE,
  VAGUE_NOT_AFTER,
  VAGUE_NEEDS_VERB, VAGUE_BY_TENSE,
  VAGUE_ONLY_AFTER,
  VAGUE_NOT_BEFORE,
  VAGUE_NUMBERS,
  VAGUE_NUM_RE,
  VAGUE_RE,
  WEEKDAYS,
  WEEKDAY_ANY_RE,
  WEEKDAY_BLOCKERS,
  WEEKDAY_FULL_RE,
  WEEKEND_NOT_BEFORE,
  YEAR_NOT_AFTER,
  YEAR_LEVEL_WORDS,
  YEAR_NOT_BEFORE,
  ZONE_RE,
  key,
  parseNumber,
} from "./lexicon.js";
import { monthFrom, seasonValue, shiftFrom, thisSeason, weekdayDate, yearOf, type Lean, type Shift, type ShiftUnit } from "./resolve.js";
import {
  dayOfMonthAnaphor,
  demonstrativeMonth,
  monthOfYearAnaphor,
  recapMonth,
  seasonAnaphor,
  shiftAnaphor,
  weekdayAnaphor,
  yearAgoAnaphor,
  type Anaphor,
} from "./reference.js";
import type { Tense } from "./tense.js";

/** What a rule sees besides its match: the text, the DCT and the tense near a span. */
export interface RuleContext {
  text: string;
  dct: Ymd | null;
  tense(start: number, end: number): Tense;
  /** True when the first token after `offset` is a verb or auxiliary. */
  verbAfter(offset: number): boolean;
}

/** A recognised expression; a clock time without a day waits for the anchoring pass. */
export interface Hit {
  start: number;
  end: number;
  type: TimeType;
  value: string;
  /** "THH:MM" plus zone, for TIME values whose day is filled in later. */
  clock?: string;
  /** Set when the value counts from a reference time that a nearby date may supply instead of the DCT. */
  anaphor?: Anaphor;
  /** The year is written out: the expression can be the reference time of a recap. */
  written?: boolean;
}

type Groups = Record<string, string | undefined>;
type Build = (m: RegExpExecArray, g: Groups, ctx: RuleContext) => Omit<Hit, "start" | "end"> | Hit | null;

interface Rule {
  name: string;
  re: RegExp;
  /**
   * A pattern every match of `re` contains, read with the same flags: a text without it is skipped without
   * running `re`. Given only where it is far cheaper to look for than the whole pattern (a rare word).
   */
  needs?: string;
  build: Build;
}

// ---------------------------------------------------------------- small helpers

const WORD_AFTER = /^[\s]*([\p{L}\p{N}$€£¥#%'’&-]+)/u;

/** A one-character class as a test of the code point at text[start, end): a table for ASCII, the class itself beyond. */
function charTest(cls: string): (text: string, start: number, end: number) => boolean {
  const one = new RegExp(`^${cls}$`, "u");
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  return (text, start, end) => {
    const c = text.charCodeAt(start);
    return end - start === 1 && c < 128 ? ascii[c] === 1 : one.test(text.slice(start, end));
  };
}

const isWordChar = charTest("[\\p{L}\\p{N}$€£¥#.'’&-]");
const isSpaceOrComma = charTest("[\\s,]");

/**
 * The word just before `index` (lower case), or "" at a sentence or text start: the run of word characters
 * before any spaces and commas, within the 40 characters before `index`. Read backwards from `index` rather
 * than by a pattern anchored at the end, which the engine would retry from every one of those 40 positions.
 */
function wordBefore(text: string, index: number): string {
  const from = Math.max(0, index - 40);
  let end = index;
  // Spaces and commas are single UTF-16 units, never halves of a surrogate pair.
  while (end > from && isSpaceOrComma(text, end - 1, end)) end--;
  let start = end;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    // A letter outside the Basic Multilingual Plane is a surrogate pair, read whole (unless cut by the window).
    const pair = c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && (text.charCodeAt(start - 2) & 0xfc00) === 0xd800;
    const width = pair ? 2 : 1;
    if (!isWordChar(text, start - width, start)) break;
    start -= width;
  }
  return start === end ? "" : key(text.slice(start, end)).replace(/^[-']+/, "");
}

/** The word just after `index` (lower case, trailing full stop removed). */
function wordAfter(text: string, index: number): string {
  const m = WORD_AFTER.exec(text.slice(index, index + 40));
  return m ? key(m[1]).replace(/[-']+$/, "") : "";
}

/** True when the raw word before `index` starts with a capital letter and is not the first word of a sentence. */
function capitalisedBefore(text: string, index: number): boolean {
  const m = /(\S+)(\s+)$/u.exec(text.slice(Math.max(0, index - 40), index));
  if (!m || m[2].includes("\n")) return false;
  const word = m[1];
  if (/[.!?:"“”]$/.test(word)) return false;
  const wordStart = index - m[0].length;
  const before = text.slice(Math.max(0, wordStart - 40), wordStart).trimEnd();
  if (before === "" || /[.!?\n"“]$/.test(before)) return false;
  return /^\p{Lu}/u.test(word);
}

/** True when a word written with a capital stands inside a sentence: a name ("Entertainment Weekly", "Tony Weeks"). */
function capitalInsideSentence(text: string, index: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(index, index + 1))) return false;
  const before = text.slice(Math.max(0, index - 12), index).trimEnd();
  return before !== "" && !/[.!?:"“”‘’'(\n]$/.test(before) && !/\n\s*$/.test(text.slice(Math.max(0, index - 12), index));
}

function capitalised(s: string | undefined): boolean {
  return !!s && /^\p{Lu}/u.test(s);
}

/** Lean forced by a relative word ("last" -1, "next" +1, "this" 0). */
function leanOf(word: string | undefined): Lean {
  if (!word) return 0;
  const v = RELATIVE.get(key(word));
  return v === undefined ? 0 : (Math.sign(v) as Lean);
}

function monthNumber(name: string | undefined): number | null {
  if (!name) return null;
  return MONTHS.get(key(name).replace(/\.$/, "")) ?? null;
}

function fourDigitYear(s: string): number {
  if (s.length === 4) return Number(s);
  const n = Number(s);
  return n <= 49 ? 2000 + n : 1900 + n;
}

function partOfDay(s: string | undefined): string | null {
  return s ? PARTS_OF_DAY.get(key(s)) ?? null : null;
}

function dayValue(day: Ymd, pod: string | null): { type: TimeType; value: string } {
  return pod ? { type: "TIME", value: `${fmtDate(day)}T${pod}` } : { type: "DATE", value: fmtDate(day) };
}

/** A relative expression followed by its own object ("two days after the vote") is anchored elsewhere. */
function anchoredElsewhere(text: string, end: number): boolean {
  if (/^\s*([.,;:!?)"”'’\n–—-]|$)/.test(text.slice(end, end + 3))) return false;
  return !CLAUSE_WORDS.has(wordAfter(text, end));
}

const re = (source: string, flags = "giu") => new RegExp(source, flags);

// ---------------------------------------------------------------- rules

const rules: Rule[] = [];

/** 2025-10-18 · 2025-10-18T09:30Z */
rules.push({
  name: "iso-date",
  re: re(`${L}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[T ](?<hh>\\d{2}):(?<mm>\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(?<z>Z|[+-]00:?00)?)?${R}`),
  build: (_m, g) => {
    const y = Number(g.y), mo = Number(g.m), d = Number(g.d);
    if (!isValidDate(y, mo, d)) return null;
    const day = fmtDate({ y, m: mo, d });
    if (g.hh === undefined) return { type: "DATE", value: day, written: true };
    const hour = Number(g.hh), minute = Number(g.mm);
    if (hour > 23 || minute > 59) return null;
    return { type: "TIME", value: `${day}T${fmtClock(hour, minute)}${g.z ? "Z" : ""}` };
  },
});

/** 10/18/2025, 7/8/07 (month first unless that is impossible) */
rules.push({
  name: "numeric-date",
  re: re(`${L}(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4}|\\d{2})${R}(?!/)`),
  build: (_m, g) => {
    const y = fourDigitYear(g.y!);
    let mo = Number(g.a), d = Number(g.b);
    if (mo > 12 && d <= 12) [mo, d] = [d, mo];
    return isValidDate(y, mo, d) ? { type: "DATE", value: fmtDate({ y, m: mo, d }), written: true } : null;
  },
});

/** October 18, 2025 · Oct. 18 · Monday, March 12 · April 2nd */
rules.push({
  name: "month-day",
  re: re(
    `${L}(?<mon>${MONTH_RE})(?:(?<dot>\\.)\\s*|\\s+)(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,:/]\\d|\\s*%)(?:,?\\s*(?<year>\\d{4})${R}(?!,\\d))?(?=(?:\\s*[-–]\\s*\\d{1,2},?\\s*(?<ryear>\\d{4})${R})?)`,
  ),
  build: (m, g, ctx) => monthDay(m, g, ctx),
});

/** Aug. 15-16 · Sept.1–3: the last day of a range is a date of its own, in the first day's month */
rules.push({
  name: "range-end",
  re: re(
    `${L}(?<mon>${MONTH_RE})(?:(?<dot>\\.)\\s*|\\s+)(?<d1>\\d{1,2})\\s*[-–]\\s*(?<day>\\d{1,2})(?![\\p{L}\\p{N}]|[.,:/]\\d|\\s*%)(?:,?\\s*(?<year>\\d{4})${R}(?!,\\d))?`,
  ),
  needs: "\\d\\s*[-–]\\s*\\d",
  build: (m, g, ctx) => {
    if (Number(g.day) <= Number(g.d1)) return null;
    const hit = monthDay(m, g, ctx);
    if (!hit) return null;
    const offset = m[0].lastIndexOf(g.day!, m[0].length - (g.year ? g.year.length : 0));
    return { ...hit, start: m.index + offset };
  },
});

/** 18 October 2025 · 11 December · the 5th of May */
rules.push({
  name: "day-month",
  re: re(
    `${L}(?<![$€£¥#.,]\\s?)(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH_RE})(?<dot>\\.)?${R}(?:,?\\s+(?<year>\\d{4})${R})?`,
  ),
  build: (m, g, ctx) => monthDay(m, g, ctx),
});

const WEEKDAY_PREFIX = re(`(?<![\\p{L}])(?:${RELATIVE_RE}\\s+)?(?<wd>${WEEKDAY_ANY_RE})\\.?,?\\s+(?:the\\s+)?$|(?<![\\p{L}])the\\s+$`, "iu");

function monthDay(m: RegExpExecArray, g: Groups, ctx: RuleContext): Hit | null {
  if (!capitalised(g.mon)) return null;
  const mo = monthNumber(g.mon)!;
  const d = Number(g.day);
  if (d < 1 || d > 31) return null;
  const end = m.index + m[0].length;
  // "Monday, March 12" and "the 5th of May" take the words before the date into the span.
  let start = m.index;
  const prefix = WEEKDAY_PREFIX.exec(ctx.text.slice(Math.max(0, start - 28), start));
  if (prefix && (!prefix.groups?.wd || capitalised(prefix.groups.wd))) start -= prefix[0].length;
  // "Sept. 1–3, 2024": the year written after a range belongs to its first day too.
  const written = g.year ?? g.ryear;
  if (written) {
    const y = Number(written);
    return isValidDate(y, mo, d) ? { start, end, type: "DATE", value: fmtDate({ y, m: mo, d }), written: true } : null;
  }
  if (!isValidDate(2000, mo, d)) return null;
  const tense = ctx.tense(m.index, end);
  // A yearless date told in the past may belong to a recap's year ("In 2019 … on Feb. 27").
  const anaphor = tense !== "future" ? recapMonth(mo, d, tense === "past") : undefined;
  if (!ctx.dct) return { start, end, type: "DATE", value: `XXXX-${fmtMonth(2000, mo).slice(5)}-${String(d).padStart(2, "0")}`, anaphor };
  const y = yearOf(ctx.dct, mo, d, 0, tense);
  return isValidDate(y, mo, d) ? { start, end, type: "DATE", value: fmtDate({ y, m: mo, d }), anaphor } : null;
}

/** November 2006 · early June 2009 */
rules.push({
  name: "month-year",
  re: re(
    `${L}(?:(?<mod>${PERIOD_MOD_RE})[\\s-]+)?(?<mon>${MONTH_RE})(?<dot>\\.)?,?\\s+(?:of\\s+)?(?<year>\\d{4})${R}(?![,.]\\d)`,
  ),
  build: (_m, g) => {
    if (!capitalised(g.mon)) return null;
    return { type: "DATE", value: fmtMonth(Number(g.year), monthNumber(g.mon)!), written: true };
  },
});

const OF_RELATIVE_YEAR = re(`^,?\\s+of\\s+(this|next|last|the\\s+following|the\\s+previous)\\s+year${R}`, "iu");
/** "November last year", "March this year": a month and a year counted from the DCT, read as one expression. */
const DEICTIC_YEAR = re(`^\\s+(this|next|last)\\s+year${R}(?!['’]s${R})`, "iu");

/** August · last August · early June · by May */
rules.push({
  name: "month",
  re: re(
    `${L}(?:(?<mod>${PERIOD_MOD_RE})[\\s-]+|(?<rel>${RELATIVE_RE})\\s+)?(?<mon>${MONTH_RE})(?<dot>\\.)?${R}`,
  ),
  build: (m, g, ctx) => {
    if (!capitalised(g.mon)) return null;
    const name = key(g.mon!);
    if (MONTH_ABBREVIATIONS.has(name) && !g.dot) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    const before = wordBefore(ctx.text, start);
    // "Shoigu's July visit": a month between a possessive and a common noun dates that noun.
    const possessed = /\p{L}['’]s\s+$/u.test(ctx.text.slice(Math.max(0, start - 4), start)) && /^\s+\p{Ll}/u.test(ctx.text.slice(end, end + 3));
    const leadOk = !!(g.mod || g.rel) || MONTH_LEAD.has(before) || possessed;
    // "May" is far more often the modal verb; a bare month followed by a capitalised word is usually a name.
    if (name === "may" && !leadOk) return null;
    if (!leadOk && /^\s+\p{Lu}/u.test(ctx.text.slice(end, end + 3)) && !/^\s+\d/.test(ctx.text.slice(end, end + 3))) return null;
    if (!leadOk && capitalisedBefore(ctx.text, start)) return null;
    const mo = monthNumber(g.mon)!;
    // A full stop after a full month name ends the sentence, not the word.
    const spanEnd = g.dot && !MONTH_ABBREVIATIONS.has(name) ? end - 1 : end;
    if (!ctx.dct) {
      const tense = ctx.tense(start, spanEnd);
      const anaphor = !g.rel && tense !== "future" ? recapMonth(mo, null, tense === "past") : undefined;
      return { start, end: spanEnd, type: "DATE", value: `XXXX-${String(mo).padStart(2, "0")}`, anaphor };
    }
    const after = ctx.text.slice(spanEnd, spanEnd + 30);
    const ofYear = OF_RELATIVE_YEAR.exec(after);
    if (ofYear) {
      const word = key(ofYear[1]);
      const n = RELATIVE.get(word.replace(/^the /, "")) ?? 0;
      const value = fmtMonth(ctx.dct.y + n, mo);
      // "October of the following year" counts from the year the passage is about.
      return { start, end: spanEnd, type: "DATE", value, anaphor: word.startsWith("the ") ? monthOfYearAnaphor(mo, n) : undefined };
    }
    const deicticYear = g.rel ? null : DEICTIC_YEAR.exec(after);
    if (deicticYear) {
      const n = RELATIVE.get(key(deicticYear[1])) ?? 0;
      return { start, end: spanEnd + deicticYear[0].length, type: "DATE", value: fmtMonth(ctx.dct.y + n, mo) };
    }
    const tense = ctx.tense(start, spanEnd);
    const lean = leanOf(g.rel?.split(/\s+/).pop());
    const y = yearOf(ctx.dct, mo, null, lean, tense);
    // "that September" is a month of the year the passage is about; "in February" told in the past may belong to a
    // recap's year; "last February" never does.
    const anaphor =
      before === "that" && !g.mod && !g.rel ? demonstrativeMonth(mo) : !g.rel && tense !== "future" ? recapMonth(mo, null, tense === "past") : undefined;
    return { start, end: spanEnd, type: "DATE", value: fmtMonth(y, mo), anaphor };
  },
});

/** 2018 · in 2019 · early 2009 · mid-2011 · fiscal 2008 */
rules.push({
  name: "year",
  re: re(
    `${L}(?:(?<mod>${PERIOD_MOD_RE})[\\s-]+)?(?:(?<fy>fiscal(?:\\s+year)?|FY)[\\s-]?)?(?<y>(?:1[7-9]|20)\\d\\d)(?![\\p{L}\\p{N}_]|-\\d{1,2}(?!\\d)|[,.]\\d|\\s*%)`,
  ),
  build: (m, g, ctx) => {
    const yStart = m.index + m[0].length - 4;
    const prevChar = ctx.text.slice(Math.max(0, yStart - 2), yStart);
    if (/[$€£¥#]\s?$|\d[.,]?$/.test(prevChar)) return null;
    const y = Number(g.y);
    if (!g.mod && !g.fy) {
      const before = wordBefore(ctx.text, yStart);
      if (YEAR_NOT_AFTER.has(before) || /[$€£¥#]/.test(before)) return null;
      // "fell to 1875", "closed at 1790": an index level, unless it is a recent year.
      if (YEAR_LEVEL_WORDS.has(before) && y < (ctx.dct?.y ?? 2000) - 50) return null;
    }
    const after = wordAfter(ctx.text, m.index + m[0].length);
    if (YEAR_NOT_BEFORE.has(after)) return null;
    if (ctx.dct && y > ctx.dct.y + 60) return null;
    return g.fy ? { type: "DATE", value: `FY${fmtYear(y)}` } : { type: "DATE", value: fmtYear(y), written: true };
  },
});

/** the 1990s · the '70s · mid-1980s */
rules.push({
  name: "decade",
  re: re(
    `${L}(?:(?<the>the)\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?:(?<full>(?:1\\d|20)\\d)0['’]?s|(?<ap>['’‘])?(?<two>\\d)0['’]?s)${R}`,
  ),
  needs: "0['’]?s",
  build: (m, g, ctx) => {
    if (g.full) return { type: "DATE", value: g.full };
    const before = wordBefore(ctx.text, m.index);
    if (DECADE_OWNERS.has(before)) return null;
    if (!g.the && !g.ap && !g.mod && !DECADE_LEAD.has(before)) return null;
    const d = Number(g.two);
    const dctYear = ctx.dct?.y ?? 2000;
    const century = 2000 + d * 10 <= dctYear ? 20 : 19;
    return { type: "DATE", value: `${century}${d}` };
  },
});

/** Monday · on Thursday evening · last Friday · next Tuesday */
rules.push({
  name: "weekday",
  re: re(
    `${L}(?:(?<rel>${RELATIVE_RE})\\s+)?(?<wd>${WEEKDAY_FULL_RE})(?<pl>s)?(?:\\s+(?<pod>${POD_RE}))?${R}`,
  ),
  build: (m, g, ctx) => {
    if (!capitalised(g.wd)) return null;
    const start = m.index;
    if (!g.rel) {
      const before = wordBefore(ctx.text, start);
      if (WEEKDAY_BLOCKERS.has(before)) return null;
    }
    const wd = WEEKDAYS.get(key(g.wd!))!;
    if (g.pl) return g.rel ? null : { type: "SET", value: `XXXX-WXX-${wd}` };
    const pod = partOfDay(g.pod);
    const rel = g.rel ? key(g.rel) : "";
    // "the following Thursday", "the previous Monday": counted from the day just mentioned.
    const anaphor = ANAPHORIC_RELATIVES.has(rel) && !pod ? weekdayAnaphor(wd, leanOf(rel) < 0 ? -1 : 1) : undefined;
    if (!ctx.dct) return anaphor ? { type: "DATE", value: "", anaphor } : { type: pod ? "TIME" : "DATE", value: `XXXX-WXX-${wd}${pod ? `T${pod}` : ""}` };
    const lean = leanOf(g.rel?.split(/\s+/).pop());
    const day = weekdayDate(ctx.dct, wd, lean, ctx.tense(start, m.index + m[0].length));
    return { ...dayValue(day, pod), anaphor };
  },
});

/** today · yesterday morning · tonight · earlier today */
rules.push({
  name: "deictic-day",
  re: re(`${L}(?:(?<mod>early|late|earlier|later)\\s+)?(?<w>today|tonight|yesterday|tomorrow)(?:\\s+(?<pod>${POD_RE}))?${R}`),
  needs: "to(?:day|night|morrow)|yesterday",
  build: (m, g, ctx) => {
    if (!ctx.dct) return null;
    if (/^Today/.test(g.w!) && !g.mod && capitalisedBefore(ctx.text, m.index)) return null;
    const w = key(g.w!);
    const day = addDays(ctx.dct, DEICTIC.get(w)!);
    return dayValue(day, w === "tonight" ? "NI" : partOfDay(g.pod));
  },
});

/** this morning · last night · this evening */
rules.push({
  name: "part-of-day",
  re: re(`${L}(?<rel>this|last)\\s+(?<pod>${POD_RE})${R}`),
  build: (_m, g, ctx) => {
    if (!ctx.dct) return null;
    const pod = partOfDay(g.pod)!;
    const rel = key(g.rel!);
    // "last night" is the evening before; "last morning" is not idiomatic and is left alone.
    if (rel === "last" && pod !== "NI" && pod !== "EV") return null;
    return dayValue(rel === "last" ? addDays(ctx.dct, -1) : ctx.dct, pod);
  },
});

/** in the morning · in afternoon trading: a part of the day the sentence is already talking about */
rules.push({
  name: "bare-part-of-day",
  re: re(`${L}(?<pod>morning|afternoon|evening)${R}`),
  build: (m, g, ctx) => {
    const end = m.index + m[0].length;
    if (!POD_LEAD.has(wordBefore(ctx.text, m.index))) return null;
    const after = wordAfter(ctx.text, end);
    if (after === "of" || ctx.text.startsWith("'s", end) || ctx.text.startsWith("’s", end)) return null;
    const pod = partOfDay(g.pod)!;
    const shift: Shift = { unit: "day", n: 0, suffix: `T${pod}` };
    return { type: "TIME", value: ctx.dct ? shiftFrom(ctx.dct, shift) : "", anaphor: shiftAnaphor(shift) };
  },
});

const PART_OF = re(`^\\s+of\\s+(?:the|this|that|last|next|its|their|${MONTH_RE}|\\d)${R}`, "u");

/** this week · last month · early next year · later this fall · the past decade · the weekend */
rules.push({
  name: "relative-period",
  re: re(
    `${L}(?:(?<mod>${PERIOD_MOD_RE})[\\s-]+)?(?:(?<the>the)\\s+)?(?<rel>${RELATIVE_RE})\\s+(?<unit>week|weekend|month|year|quarter|decade|century|${SEASON_RE})(?<pl>s)?${R}`,
  ),
  build: (m, g, ctx) => {
    if (g.pl) return null;
    const rel = key(g.rel!);
    const unit = key(g.unit!);
    const end = m.index + m[0].length;
    // "the last week of March" names a part of something else.
    if (PART_OF.test(ctx.text.slice(end, end + 20))) return null;
    // "the past week" is the stretch of time up to now, not a calendar week.
    if (g.the && rel === "past") return UNITS.has(unit) ? { type: "DURATION", value: durationValue(1, unit) } : null;
    const n = RELATIVE.get(rel)!;
    // "the following year", "the previous month", "the following spring": counted from the time just mentioned; so is
    // "the next year" told in the past ("they met in 2018 and again the next year").
    let anaphor: Anaphor | undefined;
    if (g.the && (ANAPHORIC_RELATIVES.has(rel) || (rel === "next" && ctx.tense(m.index, end) === "past"))) {
      const season = SEASONS.get(unit);
      if (season) anaphor = seasonAnaphor(season, "any", n);
      else if (unit === "year" || unit === "month" || unit === "week") anaphor = shiftAnaphor({ unit: unit as ShiftUnit, n });
    }
    if (!ctx.dct) return anaphor ? { type: "DATE", value: "", anaphor } : null;
    const found = periodValue(ctx, unit, n, m.index, end);
    return found && anaphor ? { ...found, anaphor } : found;
  },
});

/** the end of the year · the beginning of the month · the weekend */
rules.push({
  name: "the-period",
  re: re(`${L}(?:(?<mod>${PERIOD_MOD_RE})\\s+)?the\\s+(?<unit>week|weekend|month|year|decade)${R}`),
  needs: "the\\s+(?:week|month|year|decade)",
  build: (m, g, ctx) => {
    const unit = key(g.unit!);
    if (!g.mod && unit !== "weekend") return null;
    const end = m.index + m[0].length;
    // "the week before the vote", "the year in which": a period tied to something else. A weekend is one whatever
    // place follows it ("over the weekend in Kyiv").
    const after = /^\s/.test(ctx.text.slice(end, end + 1)) ? wordAfter(ctx.text, end) : "";
    if ((unit === "weekend" ? WEEKEND_NOT_BEFORE : PERIOD_NOT_BEFORE).has(after)) return null;
    if (!ctx.dct) return null;
    if (unit === "weekend") return { type: "DATE", value: weekendValue(ctx.dct, ctx.tense(m.index, end)) };
    return periodValue(ctx, unit, 0, m.index, end);
  },
});

/** "the weekend": told in the past, the last one up to the DCT; otherwise the one coming (or under way). */
function weekendValue(dct: Ymd, tense: Tense): string {
  return fmtWeekend(tense === "past" && weekday(dct) < 6 ? addDays(dct, -7) : dct);
}

function periodValue(ctx: RuleContext, unit: string, shift: number, start: number, end: number) {
  const dct = ctx.dct!;
  const season = SEASONS.get(unit);
  // "this summer" is the current year's, whatever the tense: asked in April about "a summit this summer".
  if (season && shift === 0) return { type: "DATE" as const, value: thisSeason(dct, season) };
  if (season) return { type: "DATE" as const, value: seasonValue(dct, season, Math.sign(shift) as Lean, ctx.tense(start, end)) };
  switch (unit) {
    case "week":
      return { type: "DATE" as const, value: fmtWeek(addDays(dct, 7 * shift)) };
    case "weekend":
      return { type: "DATE" as const, value: fmtWeekend(addDays(dct, 7 * shift)) };
    case "month": {
      const t = monthFrom(dct, shift);
      return { type: "DATE" as const, value: fmtMonth(t.y, t.m) };
    }
    case "year":
      return { type: "DATE" as const, value: fmtYear(dct.y + shift) };
    case "quarter": {
      const t = monthFrom(dct, 3 * shift);
      return { type: "DATE" as const, value: fmtQuarter(t.y, quarterOf(t.m)) };
    }
    case "decade":
      return { type: "DATE" as const, value: fmtYear(dct.y + 10 * shift).slice(0, 3) };
    case "century":
      return { type: "DATE" as const, value: fmtYear(dct.y + 100 * shift).slice(0, 2) };
    default:
      return null;
  }
}

/** the last week of March · the first week of June 2009 */
rules.push({
  name: "week-of-month",
  re: re(`${L}the\\s+(?<ord>${ORDINAL_RE}|last)\\s+week\\s+of\\s+(?<mon>${MONTH_RE})(?<dot>\\.)?(?:,?\\s+(?<year>\\d{4})${R})?${R}`),
  needs: "week\\s+of",
  build: (m, g, ctx) => {
    if (!capitalised(g.mon)) return null;
    const mo = monthNumber(g.mon)!;
    const end = m.index + m[0].length;
    let y: number;
    if (g.year) y = Number(g.year);
    else if (ctx.dct) y = yearOf(ctx.dct, mo, null, 0, ctx.tense(m.index, end));
    else return null;
    const ord = key(g.ord!);
    // A week belongs to the month that holds most of it: count from the 4th, or back from three days before the end.
    const day = ord === "last" || ord === "final" ? daysInMonth(y, mo) - 3 : ((ORDINALS.get(ord) ?? 1) - 1) * 7 + 4;
    if (day > daysInMonth(y, mo)) return null;
    const spanEnd = g.dot && !MONTH_ABBREVIATIONS.has(key(g.mon!)) && !g.year ? end - 1 : end;
    return { start: m.index, end: spanEnd, type: "DATE", value: fmtWeek({ y, m: mo, d: day }) };
  },
});

/** the previous day · the next day · the day before · the year before · the month after */
rules.push({
  name: "adjacent-period",
  re: re(`${L}the\\s+(?:(?<rel>previous|next|following|preceding)\\s+day|(?<unit>day|week|month|year)\\s+(?<dir>before|after))${R}`),
  build: (m, g, ctx) => {
    if (g.dir && anchoredElsewhere(ctx.text, m.index + m[0].length)) return null;
    const word = key(g.rel ?? g.dir!);
    const n = word === "previous" || word === "preceding" || word === "before" ? -1 : 1;
    const shift: Shift = { unit: (g.unit ? key(g.unit) : "day") as ShiftUnit, n };
    return { type: "DATE", value: ctx.dct ? shiftFrom(ctx.dct, shift) : "", anaphor: shiftAnaphor(shift) };
  },
});

const WEEKDAY_BEFORE = re(`(?<![\\p{L}])(${WEEKDAY_FULL_RE}),?\\s+$`, "iu");
const MOD_BEFORE = re(`(?<![\\p{L}])(?:${PERIOD_MOD_RE})[\\s-]+$`, "iu");

/** that year · later that month · the same day · that same week · that spring */
rules.push({
  name: "that-period",
  re: re(`${L}(?:that(?:\\s+same)?|the\\s+same)\\s+(?<unit>day|week|month|year|${SEASON_RE})${R}(?![-‐])`),
  needs: "(?:that|same)\\s",
  build: (m, g, ctx) => {
    const unit = key(g.unit!);
    const end = m.index + m[0].length;
    // "later that year", "the end of that month": the modifier is read backwards, so that the scan starts at a word.
    const mod = MOD_BEFORE.exec(ctx.text.slice(Math.max(0, m.index - 24), m.index));
    const start = mod ? m.index - mod[0].length : m.index;
    const season = SEASONS.get(unit);
    // A season keeps its reading against the DCT when no time was named before it; "that year" alone means nothing.
    if (season) {
      const anaphor = seasonAnaphor(season, "any");
      const value = ctx.dct ? seasonValue(ctx.dct, season, 0, ctx.tense(m.index, end)) : `XXXX-${season}`;
      return { start, end, type: "DATE", value, anaphor };
    }
    return { start, end, type: "DATE", value: "", anaphor: shiftAnaphor({ unit: unit as ShiftUnit, n: 0 }, true) };
  },
});

/** the same month a year ago · the same period last year · the same quarter of the previous year */
rules.push({
  name: "same-period-year-ago",
  re: re(
    `${L}the\\s+same\\s+(?<unit>day|month|quarter|period|time)\\s+(?:(?:a|one)\\s+year\\s+(?:ago|earlier|before)|last\\s+year|(?:of\\s+|in\\s+)?(?:the\\s+)?(?:previous|prior|preceding|last)\\s+year)${R}`,
  ),
  needs: "same\\s",
  build: (_m, g, ctx) => {
    const unit = key(g.unit!) as "day" | "month" | "quarter" | "period" | "time";
    const anaphor = yearAgoAnaphor(unit);
    // With no time named before it, it is the DCT's own period a year back.
    const value = ctx.dct ? anaphor.from(ctx.dct, unit === "period" || unit === "time" ? "year" : unit === "day" ? "day" : "month") ?? "" : "";
    return { type: "DATE", value, anaphor };
  },
});

/** on the 15th · by the 1st of next month · on Friday the 13th */
rules.push({
  name: "ordinal-day",
  re: re(`${L}the\\s+(?<day>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)${R}(?:\\s+of\\s+(?:(?<rel>this|next|last)\\s+month|the\\s+month)${R})?`),
  needs: "the\\s+\\d",
  build: (m, g, ctx) => {
    const end = m.index + m[0].length;
    // "on Friday the 13th": a weekday before it joins the span, read backwards.
    const wd = WEEKDAY_BEFORE.exec(ctx.text.slice(Math.max(0, m.index - 12), m.index));
    const start = wd && capitalised(wd[1]) ? m.index - wd[0].length : m.index;
    if (!ORDINAL_DAY_LEAD.has(wordBefore(ctx.text, start))) return null;
    // "the 15th anniversary", "the 15th floor": an ordinal of something else.
    const after = wordAfter(ctx.text, end);
    if (ctx.text[end] === "-") return null;
    if (after !== "" && !ORDINAL_DAY_FOLLOWERS.has(after) && /^\s+[\p{L}\p{N}]/u.test(ctx.text.slice(end, end + 2))) return null;
    const d = Number(g.day);
    const rel = g.rel ? key(g.rel) : null;
    const n = rel === "next" ? 1 : rel === "last" ? -1 : 0;
    if (rel) {
      if (!ctx.dct) return null;
      const t = monthFrom(ctx.dct, n);
      return isValidDate(t.y, t.m, d) ? { start, end, type: "DATE", value: fmtDate({ y: t.y, m: t.m, d }) } : null;
    }
    const anaphor = dayOfMonthAnaphor(d);
    if (!ctx.dct) return { start, end, type: "DATE", value: "", anaphor };
    // With no month named before it, the day lies in the DCT's month, or the one before or after by tense.
    const tense = ctx.tense(m.index, end);
    const dct = ctx.dct;
    const t = tense === "past" && d > dct.d ? monthFrom(dct, -1) : tense === "future" && d < dct.d ? monthFrom(dct, 1) : dct;
    return { start, end, type: "DATE", value: isValidDate(t.y, t.m, d) ? fmtDate({ y: t.y, m: t.m, d }) : "", anaphor };
  },
});

/** a day earlier · two days later · three weeks ago · a year ago · years ago */
rules.push({
  name: "offset",
  re: re(`${L}(?:(?<num>${NUM_RE}|${VAGUE_NUM_RE})[\\s-]+)?(?<unit>${UNIT_RE})(?<pl>s)?\\s+(?<dir>${DIRECTION_RE})${R}`),
  build: (m, g, ctx) => {
    const dirWord = key(g.dir!);
    const end = m.index + m[0].length;
    if (ANCHORED_DIRECTIONS.has(dirWord) && anchoredElsewhere(ctx.text, end)) return null;
    if (!g.num && !g.pl) return null;
    // "three days later than planned" compares with another date, not the DCT.
    if (wordAfter(ctx.text, end) === "than") return null;
    const dir = OFFSET_DIRECTIONS.get(dirWord)!;
    const n = g.num && !VAGUE_NUMBERS.has(key(g.num)) ? parseNumber(g.num) : null;
    const unit = key(g.unit!);
    if (n === null || !Number.isInteger(n)) return { type: "DATE", value: dir < 0 ? "PAST_REF" : "FUTURE_REF" };
    const count = unit === "fortnight" ? 2 * n : n;
    const shiftUnit = (unit === "fortnight" ? "week" : unit) as ShiftUnit;
    if (!["day", "week", "month", "year", "decade"].includes(shiftUnit)) return null;
    const shift: Shift = { unit: shiftUnit, n: dir * count };
    // "ago" counts from the DCT; "later", "earlier", "afterwards" from the time the sentence is talking about.
    if (DCT_DIRECTIONS.has(dirWord)) return ctx.dct ? { type: "DATE", value: shiftFrom(ctx.dct, shift) } : null;
    return { type: "DATE", value: ctx.dct ? shiftFrom(ctx.dct, shift) : "", anaphor: shiftAnaphor(shift) };
  },
});

/** 3 p.m. · 18:00 UTC · 12:00 UTC Monday · 1430 GMT · noon */
rules.push({
  name: "clock",
  re: re(
    `${L}(?<![:.]\\s?)(?:(?<h>\\d{1,2})(?:[:.](?<mi>\\d{2}))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?!\\p{L})|(?<h2>\\d{1,2}):(?<mi2>\\d{2})(?![\\d:])|(?<h3>[01]\\d|2[0-3])(?<mi3>[0-5]\\d)(?=\\s*(?:${ZONE_RE})${R})|(?<word>noon|midnight|midday))(?:\\s*(?<zone>${ZONE_RE})${R}|\\s*\\((?<zone2>${ZONE_RE})[^)]{0,12}\\))?(?:,?\\s+(?:on\\s+)?(?<day>today|tonight|yesterday|tomorrow|${WEEKDAY_FULL_RE})${R})?`,
  ),
  build: (m, g, ctx) => {
    let hour: number;
    let minute: number;
    if (g.word) {
      const w = key(g.word);
      hour = w === "midnight" ? 0 : 12;
      minute = 0;
    } else if (g.ap) {
      hour = Number(g.h);
      minute = g.mi ? Number(g.mi) : 0;
      if (hour < 1 || hour > 12) return null;
      const pm = key(g.ap).startsWith("p");
      if (pm && hour < 12) hour += 12;
      if (!pm && hour === 12) hour = 0;
    } else if (g.h3) {
      // "1430 GMT": the four-digit clock of wire copy, only ever written with its zone.
      hour = Number(g.h3);
      minute = Number(g.mi3);
    } else {
      hour = Number(g.h2);
      minute = Number(g.mi2);
      if (hour > 24) return null;
      // A bare "3:16" with no zone and no day nearby is as likely a score or a ratio.
      if (!g.zone && !g.zone2 && !g.day && hour < 10 && g.h2!.length === 1) return null;
    }
    if (minute > 59) return null;
    const zone = g.zone ?? g.zone2;
    const z = zone && UTC_ZONES.has(key(zone)) ? "Z" : "";
    const clock = `T${fmtClock(hour, minute)}${z}`;
    if (g.day && ctx.dct) {
      const w = key(g.day);
      const shift = DEICTIC.get(w);
      const day =
        shift !== undefined
          ? addDays(ctx.dct, shift)
          : weekdayDate(ctx.dct, WEEKDAYS.get(w)!, 0, ctx.tense(m.index, m.index + m[0].length));
      return { type: "TIME", value: `${fmtDate(day)}${clock}` };
    }
    return { type: "TIME", value: "", clock };
  },
});

/** A yearless quarter lies in the DCT's year, unless it is told in the past and lies well ahead of the DCT. */
function quarterYear(ctx: RuleContext, q: number, start: number, end: number): number {
  const dct = ctx.dct!;
  return q - quarterOf(dct.m) >= 2 && ctx.tense(start, end) === "past" ? dct.y - 1 : dct.y;
}

/** the third quarter · the first quarter of 2009 · fourth-quarter · Q3 2009 · the last quarter */
rules.push({
  name: "quarter",
  re: re(
    `${L}(?:the\\s+)?(?<ord>${ORDINAL_RE}|last)[\\s-]+(?:fiscal[\\s-]+)?quarter${R}(?:\\s+of\\s+(?:the\\s+)?(?:(?:fiscal\\s+)?(?<y>\\d{4})${R}|(?<rel>this|last|next|previous|current|prior)\\s+(?:fiscal\\s+)?year${R}|(?<yr>year)${R}))?`,
  ),
  needs: "quarter",
  build: (m, g, ctx) => {
    const ord = key(g.ord!);
    const hasYear = !!(g.y || g.rel || g.yr);
    if (g.y) return { type: "DATE", value: fmtQuarter(Number(g.y), ord === "last" ? 4 : ORDINALS.get(ord)!) };
    if (!ctx.dct) return null;
    const dct = ctx.dct;
    if (ord === "last" && !hasYear) {
      const t = monthFrom(dct, -3);
      return { type: "DATE", value: fmtQuarter(t.y, quarterOf(t.m)) };
    }
    const q = ord === "last" ? 4 : ORDINALS.get(ord)!;
    if (g.rel) {
      const r = key(g.rel);
      const shift = r === "next" ? 1 : r === "last" || r === "previous" || r === "prior" ? -1 : 0;
      return { type: "DATE", value: fmtQuarter(dct.y + shift, q) };
    }
    return { type: "DATE", value: fmtQuarter(quarterYear(ctx, q, m.index, m.index + m[0].length), q) };
  },
});

/** Q3 · Q1 2009 · Q4 '08 */
rules.push({
  name: "quarter-code",
  re: re(`${L}Q(?<q>[1-4])(?:\\s*(?<y>\\d{4})|\\s*['’](?<y2>\\d{2}))?${R}`, "gu"),
  build: (m, g, ctx) => {
    const q = Number(g.q);
    if (g.y || g.y2) return { type: "DATE", value: fmtQuarter(g.y ? Number(g.y) : fourDigitYear(g.y2!), q) };
    if (!ctx.dct) return null;
    return { type: "DATE", value: fmtQuarter(quarterYear(ctx, q, m.index, m.index + m[0].length), q) };
  },
});

/** the first half of 2009 · the second half of this year */
rules.push({
  name: "half-year",
  re: re(
    `${L}(?:the\\s+)?(?<ord>first|second)[\\s-]+half\\s+of\\s+(?:(?<y>\\d{4})${R}|(?:the\\s+)?(?<rel>this|last|next|current)?\\s*year${R})`,
  ),
  needs: "half\\s+of",
  build: (_m, g, ctx) => {
    const h = key(g.ord!) === "first" ? 1 : 2;
    if (g.y) return { type: "DATE", value: `${g.y}-H${h}` };
    if (!ctx.dct) return null;
    const r = g.rel ? key(g.rel) : "this";
    const y = ctx.dct.y + (r === "next" ? 1 : r === "last" ? -1 : 0);
    return { type: "DATE", value: `${fmtYear(y)}-H${h}` };
  },
});

/** recently · now · soon · in the coming weeks · in the past */
rules.push({
  name: "vague",
  re: re(`${L}(?<v>${VAGUE_RE})${R}`),
  build: (m, g, ctx) => {
    const phrase = key(g.v!);
    const before = wordBefore(ctx.text, m.index);
    const notAfter = VAGUE_NOT_AFTER.get(phrase);
    if (notAfter && notAfter.has(before)) return null;
    // Adjectives such as "current" refer to the present only in a definite phrase ("the current crisis").
    const onlyAfter = VAGUE_ONLY_AFTER.get(phrase);
    if (onlyAfter && !onlyAfter.has(before)) return null;
    const end = m.index + m[0].length;
    const notBefore = VAGUE_NOT_BEFORE.get(phrase);
    if (notBefore && notBefore.has(wordAfter(ctx.text, end))) return null;
    // "now-defunct", "soon-to-open": part of a compound modifier.
    if (ctx.text[end] === "-") return null;
    // "formerly state-owned", "previously used" as a modifier: only an adverb of a verb refers to a time.
    if (VAGUE_NEEDS_VERB.has(phrase) && !ctx.verbAfter(end)) return null;
    if (VAGUE_BY_TENSE.has(phrase) && ctx.tense(m.index, end) === "past") return { type: "DATE", value: "PAST_REF" };
    return { type: "DATE", value: VAGUE.get(phrase)! };
  },
});

/** n units of size k, to three decimals ("X" for an unknown amount). */
function durationCount(n: number | null, k: number): string {
  return n === null ? "X" : String(Math.round(n * k * 1000) / 1000);
}

function durationValue(n: number | null, unit: string): string {
  const code = UNITS.get(unit)!;
  if (code === "DE") return n === null ? "PXDE" : `P${durationCount(n, 10)}Y`;
  if (code === "CE") return n === null ? "PXCE" : `P${durationCount(n, 100)}Y`;
  if (code === "F") return `P${durationCount(n, 2)}W`;
  const clockUnit = unit === "second" || unit === "minute" || unit === "hour";
  return `P${clockUnit ? "T" : ""}${durationCount(n, 1)}${code}`;
}

/** more than three hours · two years · a decade · fifty-year · the next six months */
rules.push({
  name: "duration",
  re: re(
    `${L}(?:(?<mod>${DURATION_MOD_RE})\\s+)?(?<num>${NUM_RE}|${VAGUE_NUM_RE})[\\s-]+(?<unit>${UNIT_RE})(?<pl>s)?(?:[\\s-](?<long>long|old))?${R}`,
  ),
  build: (m, g, ctx) => {
    const unit = key(g.unit!);
    const num = key(g.num!);
    const n = VAGUE_NUMBERS.has(num) ? null : parseNumber(num);
    // "a second A380" is an ordinal, not a stretch of one second.
    if (unit === "second" && (n === null || n < 2)) return null;
    if ((num === "a" || num === "an") && !g.mod) {
      const before = wordBefore(ctx.text, m.index);
      // "15 a year", "twice a day": a rate, not a stretch of time.
      if (/^\d/.test(before) || parseNumber(before) !== null || RATE_WORDS.has(before))
        return { type: "SET", value: durationValue(1, unit) };
    }
    return { type: "DURATION", value: durationValue(n, unit) };
  },
});

/** months · years · for decades · in recent years */
rules.push({
  name: "bare-duration",
  re: re(`${L}(?:(?<mod>recent|the\\s+past|the\\s+last|the\\s+next|the\\s+coming)\\s+)?(?<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)${R}`),
  build: (m, g, ctx) => {
    if (!g.mod && capitalInsideSentence(ctx.text, m.index)) return null;
    const plural = key(g.unit!);
    const unit = plural === "centuries" ? "century" : plural.slice(0, -1);
    return { type: "DURATION", value: durationValue(null, unit) };
  },
});

/** every week · each Monday · annually · twice a year */
rules.push({
  name: "set",
  re: re(
    `${L}(?:(?:${SET_QUANTIFIER_RE})\\s+(?:(?<num>${NUM_RE})\\s+)?(?:(?<unit>${UNIT_RE})s?|(?<wd>${WEEKDAY_FULL_RE}))|(?<adv>${SET_ADVERB_RE}))${R}`,
  ),
  build: (m, g, ctx) => {
    if (capitalInsideSentence(ctx.text, m.index)) return null;
    if (g.adv) return { type: "SET", value: SET_ADVERBS.get(key(g.adv))! };
    if (g.wd) return { type: "SET", value: `XXXX-WXX-${WEEKDAYS.get(key(g.wd))}` };
    const unit = key(g.unit!);
    const n = g.num ? parseNumber(g.num) : 1;
    return { type: "SET", value: durationValue(n, unit) };
  },
});

/** Christmas Day · New Year's Eve 2009 */
rules.push({
  name: "holiday",
  re: re(`${L}(?<h>${HOLIDAY_RE})${R}(?:,?\\s+(?<year>\\d{4})${R})?`),
  build: (m, g, ctx) => {
    const md = HOLIDAYS.get(key(g.h!))!;
    const [mo, d] = md.split("-").map(Number);
    if (g.year) return { type: "DATE", value: fmtDate({ y: Number(g.year), m: mo, d }), written: true };
    if (!ctx.dct) return { type: "DATE", value: `XXXX-${md}` };
    const y = yearOf(ctx.dct, mo, d, 0, ctx.tense(m.index, m.index + m[0].length));
    return { type: "DATE", value: fmtDate({ y, m: mo, d }) };
  },
});

/** spring · in the fall · summer 2009 · the winter of 2008 */
rules.push({
  name: "season",
  re: re(
    `${L}(?:(?<mod>${PERIOD_MOD_RE})[\\s-]+)?(?:(?<the>the)\\s+)?(?<s>${SEASON_RE})(?:\\s+(?:of\\s+)?(?<y>\\d{4})${R})?${R}`,
  ),
  build: (m, g, ctx) => {
    const code = SEASONS.get(key(g.s!))!;
    if (g.y) return { type: "DATE", value: `${g.y}-${code}`, written: true };
    const end = m.index + m[0].length;
    const before = wordBefore(ctx.text, m.index);
    if (!g.mod && !g.the && !SEASON_LEAD.has(before)) return null;
    if (SEASON_NOT_BEFORE.has(wordAfter(ctx.text, end))) return null;
    // A season name followed by a capitalised word is usually part of a name ("Summer Olympics").
    if (/^\s+\p{Lu}/u.test(ctx.text.slice(end, end + 3))) return null;
    const tense = ctx.tense(m.index, end);
    // "in the spring" told in the past may belong to a recap's year.
    const anaphor = tense !== "future" ? seasonAnaphor(code, "recap", 0, tense === "past") : undefined;
    if (!ctx.dct) return { type: "DATE", value: `XXXX-${code}`, anaphor };
    return { type: "DATE", value: seasonValue(ctx.dct, code, 0, tense), anaphor };
  },
});

/** True when `source` has a `|` outside every group and character class, so a prefix would bind to its first branch only. */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/**
 * A rule's pattern split into its leading word-boundary look-behind and the rest. The Unicode look-behind in front
 * is slow to test at every position of the text, so the rest is scanned behind a cheap ASCII-only look-behind
 * (which rejects most positions inside words before any alternative is tried) and the exact look-behind is tested
 * only where that scan matched. The ASCII one never rejects a position the Unicode one accepts: ASCII letters,
 * digits and "_" are all letters, numbers or "_" in Unicode, under any flags.
 */
interface Scanner {
  /** The rule's `needs`, compiled with the rule's flags (less "g"); null when it has none. */
  gate: RegExp | null;
  body: RegExp;
  /** Sticky look-behind, tested at a match's start; null when the pattern has no leading boundary. */
  boundary: RegExp | null;
}

const ASCII_BOUNDARY = "(?<![A-Za-z0-9_])";

function scanner(rule: Rule): Scanner {
  const source = rule.re.source;
  const rest = source.slice(L.length);
  const flags = rule.re.flags;
  const gate = rule.needs ? new RegExp(rule.needs, flags.replace("g", "")) : null;
  if (!source.startsWith(L) || hasTopLevelBar(rest)) return { gate, body: rule.re, boundary: null };
  return { gate, body: new RegExp(ASCII_BOUNDARY + rest, flags), boundary: new RegExp(L, flags.replace("g", "") + "y") };
}

const scanners = rules.map(scanner);

/** Index just past the code point at `i` (a match is never retried inside a surrogate pair). */
function nextCodePoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

/** Runs every rule over the text once and returns all candidate hits, overlapping ones included. */
export function findCandidates(ctx: RuleContext): Array<Hit & { rule: number }> {
  const out: Array<Hit & { rule: number }> = [];
  const text = ctx.text;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    const { gate, body, boundary } = scanners[index];
    if (gate && !gate.test(text)) continue;
    body.lastIndex = 0;
    // The same left-to-right, non-overlapping matches as matchAll over the whole pattern: where the rest matches
    // but the look-behind fails, the whole pattern fails at that position too, so the scan resumes one further on.
    let m: RegExpExecArray | null;
    while ((m = body.exec(text)) !== null) {
      if (boundary) {
        boundary.lastIndex = m.index;
        if (!boundary.test(text)) {
          body.lastIndex = nextCodePoint(text, m.index);
          continue;
        }
      }
      if (m[0] === "") body.lastIndex = nextCodePoint(text, m.index);
      const g = (m.groups ?? {}) as Groups;
      const built = rule.build(m, g, ctx);
      if (!built) continue;
      out.push({ start: m.index, end: m.index + m[0].length, ...built, rule: index });
    }
  }
  return out;
}
