// The time-word lexicon (data/lexicons/times.json) and the regular-expression pieces built from it once at load.
import { loadData } from "../resources.js";

/** Shape of data/lexicons/times.json. */
export interface TimesLexicon {
  months: Record<string, number>;
  monthAbbreviations: string[];
  monthLeadWords: string[];
  weekdays: Record<string, number>;
  weekdayAbbreviations: string[];
  weekdayNameBlockers: string[];
  seasons: Record<string, string>;
  seasonLeadWords: string[];
  seasonNotBefore: string[];
  partsOfDay: Record<string, string>;
  numbers: Record<string, number>;
  tens: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  durationModifiers: string[];
  offsetDirections: Record<string, number>;
  anchoredOffsetDirections: string[];
  dctDirections: string[];
  anaphoricRelatives: string[];
  relativeWords: Record<string, number>;
  periodModifiers: string[];
  deicticDays: Record<string, number>;
  vague: Record<"PAST_REF" | "PRESENT_REF" | "FUTURE_REF", string[]>;
  vagueNotAfter: Record<string, string[]>;
  vagueNotBefore: Record<string, string[]>;
  vagueNeedsVerbAfter: string[];
  vagueByTense: string[];
  vagueOnlyAfter: Record<string, string[]>;
  setAdverbs: Record<string, string>;
  setQuantifiers: string[];
  holidays: Record<string, string>;
  utcZones: string[];
  localZones: string[];
  yearNotAfter: string[];
  yearNotBefore: string[];
  decadeOwners: string[];
  decadeLeadWords: string[];
  clauseWords: string[];
  rateWords: string[];
  partOfDayLeadWords: string[];
  yearLevelWords: string[];
  periodNotBefore: string[];
  weekendNotBefore: string[];
  ordinalDayLeadWords: string[];
  ordinalDayFollowers: string[];
  frontedTimeLeadWords: string[];
}

/** The parsed lexicon, shared by every rule. */
export const LEX = loadData<TimesLexicon>("lexicons/times.json");

/** Escapes a literal for use inside a regular expression. */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Alternation of literals, longest first, with any run of spaces matching any whitespace. Literals that share a
 * beginning are written once as a prefix tree ("Jan(?:uary|)"): the engine then reads each character once instead
 * of trying every literal in turn. The tree keeps the longest-first preference among literals that can match the
 * same text, so it matches exactly what the flat list "January|Jan" matches.
 */
export function alt(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  // Each literal as a list of pieces: single characters, and " " for a run of spaces.
  const pieces = sorted.map((w) => w.split(/( +)/).flatMap((p) => (p.startsWith(" ") ? [" "] : [...p])));
  return prefixTree(pieces, 0) ?? sorted.map((w) => esc(w).replace(/ +/g, "\\s+")).join("|");
}

/** One piece as a pattern. */
function piecePattern(piece: string): string {
  return piece === " " ? "\\s+" : esc(piece);
}

/**
 * The literals (all sharing their first `depth` pieces) as a pattern for what follows that prefix, or null when
 * the tree could change which literal wins: a shorter literal listed before a longer one that extends it, or
 * sibling branches that differ only in letter case (both could match under the `i` flag).
 */
function prefixTree(list: string[][], depth: number): string | null {
  const branches = new Map<string, string[][]>();
  let ends = false;
  for (const w of list) {
    if (w.length === depth) {
      ends = true;
      continue;
    }
    // A literal that ends here must be tried after every longer one that shares its prefix.
    if (ends) return null;
    const piece = w[depth];
    let branch = branches.get(piece);
    if (!branch) {
      branch = [];
      branches.set(piece, branch);
    }
    branch.push(w);
  }
  const folded = new Set<string>();
  for (const piece of branches.keys()) {
    const fold = piece.toLowerCase();
    if (folded.has(fold) || folded.has(piece.toUpperCase().toLowerCase())) return null;
    folded.add(fold);
  }
  const parts: string[] = [];
  for (const [piece, branch] of branches) {
    const rest = prefixTree(branch, depth + 1);
    if (rest === null) return null;
    parts.push(piecePattern(piece) + rest);
  }
  if (ends) parts.push("");
  if (parts.length === 0) return "";
  return parts.length === 1 ? parts[0] : `(?:${parts.join("|")})`;
}

const KEY_WORK = /[\u2018\u2019\u02bc\s]/;

/** Lower-cases and squeezes whitespace, the key form used for lexicon look-ups. */
export function key(s: string): string {
  const lower = s.toLowerCase();
  // Most words hold no curly apostrophe and no whitespace, and are their own key once lower-cased.
  if (!KEY_WORK.test(lower)) return lower;
  return lower.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, " ").trim();
}

/** Builds a case-folded lookup table from a lexicon record. */
export function table<T>(record: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(record).map(([k, v]) => [key(k), v]));
}

/** Left word boundary: no letter or digit just before. */
export const L = "(?<![\\p{L}\\p{N}_])";
/** Right word boundary: no letter or digit just after. */
export const R = "(?![\\p{L}\\p{N}_])";

/** Month name or abbreviation → 1–12. */
export const MONTHS = table(LEX.months);
/** Weekday name → ISO number (Monday 1). */
export const WEEKDAYS = table(LEX.weekdays);
/** Season word → TIMEX3 code (SP, SU, FA, WI). */
export const SEASONS = table(LEX.seasons);
/** Part of the day → TIMEX3 code (MO, AF, EV, NI). */
export const PARTS_OF_DAY = table(LEX.partsOfDay);
/** Number word → value ("a" 1, "a dozen" 12). */
export const NUMBERS = table(LEX.numbers);
/** Tens word → value, for compounds such as "twenty-five". */
export const TENS = table(LEX.tens);
/** Ordinal → position, for quarters and weeks of a month. */
export const ORDINALS = table(LEX.ordinals);
/** Calendar unit → TIMEX3 duration letter. */
export const UNITS = table(LEX.units);
/** Relative word → offset from the DCT's period ("last" -1). */
export const RELATIVE = table(LEX.relativeWords);
/** Word after an amount of time → direction ("ago" -1, "later" +1). */
export const OFFSET_DIRECTIONS = table(LEX.offsetDirections);
/** today / yesterday / tomorrow → offset in days. */
export const DEICTIC = table(LEX.deicticDays);
/** Frequency adverb → SET value. */
export const SET_ADVERBS = table(LEX.setAdverbs);
/** Fixed-date holiday → MM-DD. */
export const HOLIDAYS = table(LEX.holidays);
/** Abbreviations that need a full stop or a day number to count as a month. */
export const MONTH_ABBREVIATIONS = new Set(LEX.monthAbbreviations.map(key));
/** Words that show a bare month name is a date ("in May", "by May"). */
export const MONTH_LEAD = new Set(LEX.monthLeadWords.map(key));
/** Weekday abbreviations, accepted only in front of a full date. */
export const WEEKDAY_ABBREVIATIONS = new Set(LEX.weekdayAbbreviations.map(key));
/** Words that turn a weekday into a name ("Black Friday"). */
export const WEEKDAY_BLOCKERS = new Set(LEX.weekdayNameBlockers.map(key));
/** Words that show a season word is a time ("in spring"). */
export const SEASON_LEAD = new Set(LEX.seasonLeadWords.map(key));
/** Words after which a season word is a noun or verb ("fall in prices"). */
export const SEASON_NOT_BEFORE = new Set(LEX.seasonNotBefore.map(key));
/** Quantities with no number ("several", "a few"). */
export const VAGUE_NUMBERS = new Set(LEX.vagueNumbers.map(key));
/** Directions that may take an object of their own ("two days after the vote"). */
export const ANCHORED_DIRECTIONS = new Set(LEX.anchoredOffsetDirections.map(key));
/** Directions that always count from the DCT ("ago"). */
export const DCT_DIRECTIONS = new Set(LEX.dctDirections.map(key));
/** Relative words that count from the time just mentioned ("the following year"). */
export const ANAPHORIC_RELATIVES = new Set(LEX.anaphoricRelatives.map(key));
/** Zone names written as Z in a TIMEX3 value. */
export const UTC_ZONES = new Set(LEX.utcZones.map(key));
/** Words after which a four-digit number is not a year ("flight 2018"). */
export const YEAR_NOT_AFTER = new Set(LEX.yearNotAfter.map(key));
/** Words before which a four-digit number is a count ("2018 troops"). */
export const YEAR_NOT_BEFORE = new Set(LEX.yearNotBefore.map(key));
/** Possessives that make "80s" an age ("in her 80s"). */
export const DECADE_OWNERS = new Set(LEX.decadeOwners.map(key));
/** Words that let a two-digit decade stand without "the". */
export const DECADE_LEAD = new Set(LEX.decadeLeadWords.map(key));
/** Words that start a new clause after a relative expression. */
export const CLAUSE_WORDS = new Set(LEX.clauseWords.map(key));
/** Words that make "a year" a rate ("twice a year"). */
export const RATE_WORDS = new Set(LEX.rateWords.map(key));
/** Words that show "morning" or "evening" names a part of a day. */
export const POD_LEAD = new Set(LEX.partOfDayLeadWords.map(key));
/** Words before an old four-digit number that make it a level, not a year ("fell to 1875"). */
export const YEAR_LEVEL_WORDS = new Set(LEX.yearLevelWords.map(key));

/** Words before which "the weekend" is tied to something else ("the weekend before the vote"). */
export const WEEKEND_NOT_BEFORE = new Set(LEX.weekendNotBefore.map(key));
/** Words that show "the 15th" is a day of a month ("on the 15th", "by the 1st"). */
export const ORDINAL_DAY_LEAD = new Set(LEX.ordinalDayLeadWords.map(key));
/** Words that may follow a day of the month ("on the 15th in Geneva"); any other word makes it an ordinal of a noun. */
export const ORDINAL_DAY_FOLLOWERS = new Set(LEX.ordinalDayFollowers.map(key));

/** Words that may stand before a time opening its sentence ("Back in 2019, …"): it then dates the whole sentence. */
export const FRONTED_LEAD = new Set(LEX.frontedTimeLeadWords.map(key));

/** Vague phrase → PAST_REF | PRESENT_REF | FUTURE_REF. */
export const VAGUE = new Map<string, string>();
for (const [value, phrases] of Object.entries(LEX.vague)) for (const p of phrases) VAGUE.set(key(p), value);
/** Per vague phrase: words before it that cancel it ("an earlier report"). */
export const VAGUE_NOT_AFTER = new Map(Object.entries(LEX.vagueNotAfter).map(([k, v]) => [key(k), new Set(v.map(key))]));
/** Per vague adjective: the only words it may follow ("the current crisis"). */
export const VAGUE_ONLY_AFTER = new Map(Object.entries(LEX.vagueOnlyAfter).map(([k, v]) => [key(k), new Set(v.map(key))]));
/** Vague adverbs that count only when a verb follows ("previously announced"). */
export const VAGUE_NEEDS_VERB = new Set(LEX.vagueNeedsVerbAfter.map(key));
/** Vague phrases that count from the time their clause tells ("the talks faltered within weeks" lies behind). */
export const VAGUE_BY_TENSE = new Set(LEX.vagueByTense.map(key));
/** Per vague phrase: words after it that cancel it ("now that"). */
export const VAGUE_NOT_BEFORE = new Map(Object.entries(LEX.vagueNotBefore).map(([k, v]) => [key(k), new Set(v.map(key))]));

/** Pattern: any month name or abbreviation. */
export const MONTH_RE = alt(Object.keys(LEX.months));
/** Pattern: a full weekday name. */
export const WEEKDAY_FULL_RE = alt(Object.keys(LEX.weekdays).filter((w) => !WEEKDAY_ABBREVIATIONS.has(key(w))));
/** Pattern: a weekday name or abbreviation. */
export const WEEKDAY_ANY_RE = alt(Object.keys(LEX.weekdays));
/** Pattern: a season word. */
export const SEASON_RE = alt(Object.keys(LEX.seasons));
/** Pattern: a part of the day. */
export const POD_RE = alt(Object.keys(LEX.partsOfDay));
/** Pattern: a calendar unit (singular). */
export const UNIT_RE = alt(Object.keys(LEX.units));
/** Pattern: an ordinal. */
export const ORDINAL_RE = alt(Object.keys(LEX.ordinals));
const ONES_RE = alt(Object.keys(LEX.numbers).filter((w) => /^[a-z]+$/.test(w) && LEX.numbers[w] < 10 && LEX.numbers[w] >= 1));
/** A cardinal number in digits or words ("3", "2.5", "twenty-five", "a couple of", "two and a half"). */
export const NUM_RE = `(?:\\d+(?:\\.\\d+)?|(?:${alt(Object.keys(LEX.tens))})(?:[\\s-](?:${ONES_RE}))?|${alt(Object.keys(LEX.numbers))})(?:\\s+and\\s+a\\s+half)?`;
/** Pattern: a quantity with no number. */
export const VAGUE_NUM_RE = alt(LEX.vagueNumbers);
/** Pattern: a modifier of a period ("early", "the end of"). */
export const PERIOD_MOD_RE = alt(LEX.periodModifiers);
/** Pattern: a modifier of a duration ("more than"). */
export const DURATION_MOD_RE = alt(LEX.durationModifiers);
/** Pattern: a relative word ("last", "this coming"). */
export const RELATIVE_RE = alt(Object.keys(LEX.relativeWords));
/** Pattern: a direction after an amount of time. */
export const DIRECTION_RE = alt(Object.keys(LEX.offsetDirections));
/** Pattern: any vague reference phrase. */
export const VAGUE_RE = alt(VAGUE.keys());
/** Pattern: a quantifier that makes a unit a SET ("every"). */
export const SET_QUANTIFIER_RE = alt(LEX.setQuantifiers);
/** Pattern: a frequency adverb. */
export const SET_ADVERB_RE = alt(Object.keys(LEX.setAdverbs));
/** Words after "the week" etc. that tie it to something else ("the week before the vote"). */
export const PERIOD_NOT_BEFORE = new Set(LEX.periodNotBefore.map(key));
/** Pattern: a fixed-date holiday. */
export const HOLIDAY_RE = alt(Object.keys(LEX.holidays));
/** Pattern: a time-zone name. */
export const ZONE_RE = alt([...LEX.utcZones, ...LEX.localZones]);

/** Parses a number phrase matched by NUM_RE; null for vague quantities ("several"). */
export function parseNumber(phrase: string): number | null {
  let s = key(phrase);
  let extra = 0;
  const half = /\s+and\s+a\s+half$/.exec(s);
  if (half) {
    extra = 0.5;
    s = s.slice(0, half.index);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) + extra;
  const direct = NUMBERS.get(s) ?? TENS.get(s);
  if (direct !== undefined) return direct + extra;
  const parts = s.split(/[\s-]+/);
  if (parts.length === 2) {
    const tens = TENS.get(parts[0]);
    const ones = NUMBERS.get(parts[1]);
    if (tens !== undefined && ones !== undefined) return tens + ones + extra;
  }
  return null;
}
