// Step 3 of linking: claim coreference. A claim is one happening: its type, its exact parties, its place and its time.
// Reports of every stance about it join it (its discussion, scheduling, occurrence, cancellation); recaps join the
// historical happening they recall, never a current one; two happenings of the same parties at different times or
// places stay apart, and so do happenings of different parties (an envoy's meeting is not the leaders' summit).
import type { ClaimKey } from "../domain/ledger.js";
import { addDays, dateNumber, dayRange, rangeWidth } from "../domain/calendar.js";
import { placeCountry } from "../extract/entity-facts.js";
import { minParties, type Reading } from "./02-readings.js";

export interface LinkOptions {
  /** Without comparable event times, a report that the happening took place joins a claim only if published within
   * this many days of it. */
  windowDays: number;
  /** The same for a report of a plan (discussed, wanted, set, not planned, refused, called off, failed): a plan with no
   * date is talked of on and off for months (Putin's visit to North Korea, from the invitation of September 2023 to
   * the visit of June 2024). On the development corpus (`npm run eval:ledger`) 90 days kept 656 gold reports with
   * their happening against 643 at 45 days, and 52 origin counts exact against 49; 150 days kept 662 but 51. A report
   * of a happening held keeps 45: "North Korea test-fired two missiles" three months after a test is another test. */
  planWindowDays: number;
  /** Two day-precise times this many days apart can still be one happening (dates slip; reports round them). */
  slackDays: number;
  /** A report joins only claims reported within this many days before it. */
  lookbackDays: number;
  /** A recap tells of a happening over at least this many days before the report. */
  recapDays: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = { windowDays: 45, planWindowDays: 90, slackDays: 5, lookbackDays: 365, recapDays: 7 };

/** A day as the number YYYYMMDD (NaN for none), which orders as the date does. */
const day = (date: string | null | undefined) => (date ? dateNumber(date) : Number.NaN);

/**
 * A claim made ready to be compared with many readings: its days as numbers, worked out once per version of the claim
 * instead of once per comparison. Prepare it again when it changes.
 */
export interface PreparedClaim {
  readonly claim: ClaimKey;
  /** The calendar range of its time (NaN when undated), and whether that range is at most a week wide. */
  readonly from: number;
  readonly to: number;
  readonly narrow: boolean;
  /** Its reporting span widened by the window (NaN when never reported). */
  readonly windowFrom: number;
  readonly windowTo: number;
  /** The reporting span widened by the plan window. */
  readonly planFrom: number;
  readonly planTo: number;
  readonly lastDay: number;
  readonly parties: ReadonlySet<string>;
  readonly placeCountry: string | null;
}

export function prepareClaim(claim: ClaimKey, opts: LinkOptions = DEFAULT_LINK_OPTIONS): PreparedClaim {
  const r = dayRange(claim.eventTime);
  return {
    claim,
    from: day(r?.from),
    to: day(r?.to),
    narrow: !!r && rangeWidth(r) <= 7,
    windowFrom: claim.firstReported ? day(addDays(claim.firstReported, -opts.windowDays)) : Number.NaN,
    windowTo: claim.lastReported ? day(addDays(claim.lastReported, opts.windowDays)) : Number.NaN,
    planFrom: claim.firstReported ? day(addDays(claim.firstReported, -opts.planWindowDays)) : Number.NaN,
    planTo: claim.lastReported ? day(addDays(claim.lastReported, opts.planWindowDays)) : Number.NaN,
    lastDay: day(claim.lastReported),
    parties: new Set(claim.participants),
    placeCountry: placeCountry(claim.place),
  };
}

/**
 * Two places agree unless they lie in two countries: "Istanbul" and "the Dolmabahce Palace" are one place, and a
 * region or a venue of no known country ("a summit in Europe", "the Moscone Center") may hold the other.
 */
function placesAgree(p: PreparedClaim, place: string | null): boolean {
  if (!place || !p.claim.place || place === p.claim.place) return true;
  const c = placeCountry(place);
  return c === null || p.placeCountry === null || c === p.placeCountry;
}

/** What matching reads from a reading, once for all the claims it is compared with. */
interface ReadingDays {
  from: number;
  to: number;
  narrow: boolean;
  /** At most a month wide. */
  monthly: boolean;
  time: string | null;
  published: number;
}

function readingDays(r: Reading, published: string | null): ReadingDays {
  const range = dayRange(r.time);
  const width = range ? rangeWidth(range) : Infinity;
  return { from: day(range?.from), to: day(range?.to), narrow: width <= 7, monthly: width <= 31, time: r.time, published: day(published) };
}

const dated = (x: { from: number }) => !Number.isNaN(x.from);

/**
 * Times agree when both are calendar values that overlap (day-precise ones with some slack); otherwise the report must
 * fall within the claim's reporting window, and a calendar time must not lie far from it.
 */
function timesAgree(p: PreparedClaim, e: ReadingDays, opts: LinkOptions, plan: boolean): boolean {
  // "He would come back at a later date": a happening put off to later is not one whose dates have begun.
  if (e.time === "FUTURE_REF" && dated(p) && p.from <= e.published) return false;
  // "Has never met": a happening told as past is not one still to come.
  if (e.time === "PAST_REF" && dated(p) && p.from > e.published) return false;
  if (dated(p) && dated(e)) {
    if (!(p.narrow && e.narrow)) return p.from <= e.to && e.from <= p.to;
    return withinSlack(p, e, opts.slackDays);
  }
  const [from, to] = plan ? [p.planFrom, p.planTo] : [p.windowFrom, p.windowTo];
  if (Number.isNaN(from)) return true;
  if (dated(e)) return from <= e.to && e.from <= to;
  if (Number.isNaN(e.published)) return true;
  return from <= e.published && e.published <= to;
}

// Day-precise dates that slip or are misreported: ranges within `slack` days of each other overlap.
function withinSlack(p: PreparedClaim, e: ReadingDays, slack: number): boolean {
  const gap = e.from > p.to ? daysApart(p.to, e.from) : p.from > e.to ? daysApart(e.to, p.from) : 0;
  return gap <= slack;
}

function daysApart(a: number, b: number): number {
  const toDate = (n: number) => Date.UTC(Math.floor(n / 10000), Math.floor(n / 100) % 100 - 1, n % 100);
  return Math.round((toDate(b) - toDate(a)) / 86_400_000);
}

/** True when a reading of `published` recalls a happening over well before it: it may only join a historical claim. */
function isRecap(r: Reading, published: string | null, opts: LinkOptions): boolean {
  if (r.background) return true;
  const range = dayRange(r.time);
  return !!range && !!published && range.to < addDays(published, -opts.recapDays) && r.stance === "occurred";
}

/**
 * "Wednesday's talks at the InterContinental came after …", written weeks later: a recap telling as held, on its day
 * or in its month, a happening that was news and is over by the telling is that happening's, not a historical one of
 * its own (two happenings of one type and the same parties in one month are rare). Only an occurrence joins so: it
 * bears out the stage the happening reached and can change no more than a missed report of it being held would.
 */
function recallsHeld(p: PreparedClaim, r: Reading, e: ReadingDays): boolean {
  return r.stance === "occurred" && p.narrow && e.monthly && !Number.isNaN(e.published) && p.to < e.published;
}

/**
 * How well a reading fits a claim (higher is better), or -1 when it cannot be the same happening. A reading naming
 * all the parties must name exactly the claim's; one naming fewer ("aides to Trump discussed a meeting with Kim",
 * "Putin is ready to travel to Budapest") fits a claim of those parties and more whose parties its sentence names
 * all, or whose place it names.
 */
function scoreOf(p: PreparedClaim, r: Reading, days: ReadingDays, recap: boolean, opts: LinkOptions): number {
  const c = p.claim;
  if (c.type !== r.type || (c.historical !== recap && !(recap && recallsHeld(p, r, days)))) return -1;
  const full = r.parties.length >= minParties(r.type);
  if (full) {
    if (r.parties.length !== p.parties.size || !r.parties.every((x) => p.parties.has(x))) return -1;
  } else {
    if (!r.parties.every((x) => p.parties.has(x))) return -1;
    if (!c.participants.every((x) => r.named.includes(x)) && !(r.place && c.place === r.place)) return -1;
  }
  if (!placesAgree(p, r.place)) return -1;
  if (!timesAgree(p, days, opts, r.stance !== "occurred")) return -1;
  // A mention naming no party ("the June 12 summit in Singapore") is that claim only when its sentence names all the
  // claim's parties and it shares the claim's place or its day.
  if (r.parties.length === 0) {
    const placed = !!r.place && !!c.place;
    const onDay = p.narrow && days.narrow;
    if (!c.participants.every((x) => r.named.includes(x)) || !(placed || onDay)) return -1;
  }
  let score = 4 * r.parties.length;
  if (r.place && c.place === r.place) score += 3;
  if (dated(p) && dated(days)) score += 1;
  return score;
}

/** The claims a reading may join: from the run's index (see ClaimIndex.candidates). */
export type Candidates = (r: Reading) => readonly PreparedClaim[];

/** One claim an article's readings join or start, with the readings that go to it. */
export interface Assignment {
  claim: ClaimKey;
  readings: Reading[];
  isNew: boolean;
}

/**
 * Each reading joins the best fitting claim, or a claim started by an earlier reading of the article, or starts one
 * when it names all the parties (a recap only when it is dated). Ties go to the claim reported most recently, then
 * the earliest id. `newId` names a claim started by a reading.
 */
export function assignReadings(readings: Reading[], published: string | null, candidates: Candidates, newId: (r: Reading) => string, opts: LinkOptions = DEFAULT_LINK_OPTIONS): Assignment[] {
  const byClaim = new Map<string, Assignment>();
  const fresh: PreparedClaim[] = [];
  // A claim placed by an earlier reading of the article ("will meet in Alaska") is compared as placed: a later one
  // set elsewhere ("the next meeting, on Russian territory") is another happening.
  const placed = new Map<string, PreparedClaim>();
  for (const r of readings) {
    const days = readingDays(r, published);
    const recap = isRecap(r, published, opts);
    let best: PreparedClaim | null = null;
    let bestScore = -1;
    let fitting = 0;
    for (const p0 of [...candidates(r), ...fresh]) {
      const p = placed.get(p0.claim.id) ?? p0;
      const s = scoreOf(p, r, days, recap, opts);
      if (s >= 0) fitting++;
      const newer = best && (p.lastDay > best.lastDay || (p.lastDay === best.lastDay && p.claim.id < best.claim.id));
      if (s > bestScore || (s === bestScore && s >= 0 && newer)) {
        best = p;
        bestScore = s;
      }
    }
    // A reading naming only some of the parties ("a meeting with Kim") joins a claim only when it is the one claim
    // it fits, or the one it fits by place or by day.
    if (best && r.parties.length < minParties(r.type) && fitting > 1 && !(r.place && best.claim.place === r.place)) best = null;
    let entry: Assignment;
    if (best) {
      const known = byClaim.get(best.claim.id);
      entry = known ?? { claim: { ...best.claim, participants: [...best.claim.participants] }, readings: [], isNew: false };
      if (!best.claim.place && r.place && (r.parties.length >= minParties(r.type) || r.stance !== "occurred")) placed.set(best.claim.id, prepareClaim({ ...best.claim, place: r.place }, opts));
    } else {
      // A partial reading, or a recap that cannot be dated, starts nothing.
      if (r.parties.length < minParties(r.type) || (recap && !dayRange(r.time))) continue;
      const claim: ClaimKey = { id: newId(r), type: r.type, participants: [...r.parties].sort(), place: r.place, eventTime: r.time, firstReported: published, lastReported: published, historical: recap };
      fresh.push(prepareClaim(claim, opts));
      entry = { claim, readings: [], isNew: true };
    }
    entry.readings.push(r);
    byClaim.set(entry.claim.id, entry);
  }
  return [...byClaim.values()];
}
