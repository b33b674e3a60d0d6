// The odds engine. Evidence moves log-odds by the likelihood ratio of the stance it takes toward the question's
// happening, once per independent origin and with diminishing weight for each further origin; recaps and old news
// move nothing. A set date holds the odds until it passes; passing without the happening lowers them (a day only
// looked for, by half as much); with no date set, time passing lowers them at a constant hazard up to the deadline. A
// happening told as over, by a party on the record or by two independent origins, resolves YES; a passed deadline
// resolves NO.
import type { Factuality, Stance } from "../domain/extraction.js";
import type { Evidence, Forecast, ForecastUpdate, Indicator, Question, Resolution } from "../domain/forecast.js";
import { addDays, dayRange, daysBetween, rangeWidth } from "../domain/calendar.js";
import { countryOf } from "../extract/entity-facts.js";
import { entityById, officeActive } from "../extract/gazetteer.js";
import { forecastParameters, type ForecastParameters } from "./question.js";

export interface EngineOptions {
  /** How much of an indicator's log-likelihood ratio a report carries, by certainty. */
  certaintyWeight: Record<"CT" | "PR" | "PS" | "Uu", number>;
  /** The n-th independent origin of one indicator (or of all against the happening) counts originDecay^(n-1) as much as the first. */
  originDecay: number;
  /** A set date passing without the happening is evidence against it with this likelihood ratio. */
  datePassedLr: number;
  /** Probabilities stay inside [floor, 1 - floor] until the question resolves. */
  floor: number;
  /** A report of a happening that ended more than this many days before it was published is old news. */
  retrospectiveDays: number;
  /** A set date counts as passed this many days after its last day (reports of a meeting take a day to arrive). */
  graceDays: number;
}

export function engineOptions(params: ForecastParameters = forecastParameters()): EngineOptions {
  return { certaintyWeight: params.certaintyWeight, originDecay: params.originDecay, datePassedLr: params.datePassedLr, floor: 0.005, retrospectiveDays: 3, graceDays: 1 };
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = engineOptions();

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function certainty(f: Factuality): "CT" | "PR" | "PS" | "Uu" {
  return f === "Uu" ? "Uu" : (f.slice(0, 2) as "CT" | "PR" | "PS");
}

/** The place a place lies within, as the gazetteer records it (a venue in its city, a city in its region), else its country. */
function within(place: string): string | null {
  const e = entityById(place);
  return e?.within ?? (e?.country ? `country:${e.country}` : null);
}

/** True when it is known where a place lies (a country, or a place the gazetteer puts within one). */
export function placeKnown(place: string): boolean {
  return place.startsWith("country:") || within(place) !== null;
}

/** True when the happening's place is the question's, or lies within it ("the Oval Office" in "the White House", Alaska in the United States). */
export function placeFits(question: string | null, place: string | null): boolean {
  if (!question) return true;
  for (let p = place, hops = 0; p && hops < 6; p = within(p), hops++) if (p === question) return true;
  return false;
}

/** The sides of a question: each participant's country (or the participant itself when it has none). */
function sides(q: Question, date: string): string[] {
  return q.event.participants.map((p) => countryOf(p, date) ?? p);
}

/** True when a happening of other people or another kind joins both sides of the question: a preparatory step. */
function joinsSides(q: Question, e: Evidence): boolean {
  const want = sides(q, e.published);
  if (want.length < 2) return false;
  const have = new Set(e.participants.map((p) => countryOf(p, e.published) ?? p));
  return want.every((s) => have.has(s));
}

/**
 * True when the report is about the question's own happening: its type, every participant (others may join), its
 * place. A visit by one party to the country of the other ("Zelensky heads to the White House") is their meeting.
 */
export function aboutEvent(q: Question, e: Evidence, byOfficials = false): boolean {
  if (!placeFits(q.event.place, e.place)) return false;
  // "Witkoff and Araghchi held talks in Muscat": officials of two countries meeting are the countries meeting.
  // A visit is to a country, not to its officials: Putin touring a Russian spaceport with Kim is no visit to North Korea.
  // "The White House said no meeting with Russia was planned": the seat of a country's government is that country,
  // whatever it tells of.
  const takes = (p: string) =>
    e.participants.includes(p) || (p.startsWith("country:") && e.participants.some((x) => seatOf(x) === p)) || (byOfficials && e.type !== "visit" && p.startsWith("country:") && e.participants.some((x) => servesIn(x, p, e.published)));
  // A visit to a country takes place in it: Biden's visit to Israel is no meeting at the White House, whatever place
  // its claim took from another report.
  const venue = q.event.place;
  if (venue && e.type === "visit" && e.participants.some((p) => p.startsWith("country:") && !placeFits(p, venue))) return false;
  // "Putin landed in Pyongyang": the country a visit takes place in is the country visited.
  const visited = (p: string) => e.type === "visit" && p.startsWith("country:") && !!e.place && placeFits(p, e.place);
  if (e.type === q.event.type) return q.event.participants.every((p) => takes(p) || visited(p));
  // "Putin and Kim held talks in Pyongyang", "Kim will attend the parade in Beijing": whoever meets or attends in a
  // country is there, so a visit to it takes place.
  if (q.event.type === "visit" && (GATHERINGS.has(e.type) || e.type === "attend") && e.place) {
    const countries = q.event.participants.filter((p) => p.startsWith("country:"));
    const people = q.event.participants.filter((p) => !p.startsWith("country:"));
    return countries.length > 0 && people.length > 0 && people.every((p) => e.participants.includes(p)) && countries.every((c) => placeFits(c, e.place));
  }
  if (!(q.event.type === "meet" && e.type === "visit")) return false;
  return q.event.participants.every((p) => e.participants.includes(p) || e.participants.includes(countryOf(p, e.published) ?? p)) && q.event.participants.some((p) => e.participants.includes(p));
}

/** The country whose government a body is the seat of ("org:white-house" → "country:US"), else null. */
function seatOf(body: string): string | null {
  const e = entityById(body);
  return e?.seatOf && e.country ? `country:${e.country}` : null;
}

/** True when a person holds an office of the country on the day: an official, envoy or minister who acts for it. */
function servesIn(person: string, country: string, date: string): boolean {
  const offices = entityById(person)?.offices ?? [];
  return offices.some((o) => `country:${o.country}` === country && officeActive(o, date));
}

// Held or set: what officials of two countries do for them. Their plans and refusals are their own.
const BY_OFFICIALS: ReadonlySet<Stance> = new Set(["occurred", "scheduled"]);

/** True when the report is about the question's happening, through the officials of its countries when held or set. */
function aboutOrByOfficials(q: Question, e: Evidence): boolean {
  return aboutEvent(q, e) || (BY_OFFICIALS.has(e.stance) && aboutEvent(q, e, true));
}

/**
 * "Putin will not go to Istanbul", after a meeting of the question's pair was put there: one party staying away from
 * where the meeting was planned is its failure. `planned` holds the places the question's happening was planned for
 * by the time of the report.
 */
export function staysAway(q: Question, e: Evidence, planned: ReadonlySet<string>): boolean {
  if (!GATHERINGS.has(q.event.type) || e.type !== "visit" || !CALLS_OFF.has(e.stance) || e.background || !e.place) return false;
  // The trip is the question's parties' own, and none of them is at home there ("no Chinese foreign minister had come
  // to Washington" is neither Biden's trip nor Xi's).
  const people = e.participants.filter((p) => p.startsWith("person:"));
  if (people.length === 0 || !people.every((p) => q.event.participants.includes(p))) return false;
  const where = e.place.startsWith("country:") ? e.place : countryOf(e.place, e.published);
  if (people.some((p) => countryOf(p, e.published) === where)) return false;
  for (const pl of planned) if (placeFits(pl, e.place) || placeFits(e.place, pl)) return true;
  return false;
}

/** The indicator a report counts for, or null: the strongest of those it fits. */
export function matchIndicator(q: Question, e: Evidence, about = aboutOrByOfficials(q, e)): Indicator | null {
  let best: Indicator | null = null;
  for (const ind of q.indicators) {
    const m = ind.match;
    if (m.stance.length > 0 && !m.stance.includes(e.stance)) continue;
    if (e.stance === "unknown") continue;
    if (m.on_record && !e.onRecord) continue;
    if (m.dated && !dayAhead(e)) continue;
    if (m.counterpart) {
      // The pair's own happening elsewhere ("in New York instead of the White House") is no step toward this one.
      const elsewhere = e.type === q.event.type && q.event.participants.every((p) => e.participants.includes(p));
      if (about || elsewhere || !m.type.includes(e.type) || !joinsSides(q, e)) continue;
    } else {
      if (!m.type.includes(e.type) && !(m.type.includes(q.event.type) && about)) continue;
      const has = (p: string) => e.participants.includes(p);
      if (!about && (m.participants_mode === "all" ? !m.participants.every(has) : !m.participants.some(has))) continue;
      if (m.type.includes(q.event.type) && !placeFits(q.event.place, e.place)) continue;
    }
    if (!best || Math.abs(Math.log(ind.lr)) > Math.abs(Math.log(best.lr))) best = ind;
  }
  return best;
}

/** The report tells of a happening over well before it appeared: old news moves nothing. */
function isRetrospective(e: Evidence, days: number): boolean {
  if (e.background) return true;
  const r = dayRange(e.eventTime);
  return !!r && addDays(r.to, days) < e.published;
}

/** True when the report gives the happening a day or a week not yet over when it appeared. */
function dayAhead(e: Evidence): boolean {
  const r = dayRange(e.eventTime);
  return !!r && rangeWidth(r) <= 7 && r.to >= e.published;
}

/** A report that sets the question's happening for a day or week still ahead: that day's end, else null. */
function setsDate(q: Question, e: Evidence, about: boolean): string | null {
  if (!(e.stance === "scheduled" || e.stance === "occurred") || !about || !dayAhead(e)) return null;
  const to = dayRange(e.eventTime)!.to;
  return to <= q.deadline ? to : null;
}

/** A report that looks for the happening on a day or week still ahead without its being set ("could meet at the G20 next week"): that day's end, else null. */
function looksToDate(q: Question, e: Evidence, own: boolean): string | null {
  if (!(e.stance === "discussed" || e.stance === "wanted") || e.background || !own || !dayAhead(e)) return null;
  const to = dayRange(e.eventTime)!.to;
  // Only hoped for, not set, on the very day it is told: the day is more likely the telling's ("on Friday cast doubt on
  // the planned meeting") than a looked-for one, and its passing tells nothing.
  if (to <= e.published) return null;
  return to < q.deadline ? to : null;
}

/** "I am going to get to see him": set, a party says, but with neither a day nor a place: no more than expected. */
function unfixed(e: Evidence): boolean {
  return e.stance === "scheduled" && !e.place && !dayRange(e.eventTime);
}

/** "Biden and Putin will meet in Geneva on June 16", for a question that closes May 31: set for a day past the deadline. */
function setsAfter(q: Question, e: Evidence): boolean {
  const r = dayRange(e.eventTime);
  return e.stance === "scheduled" && !e.background && !!r && rangeWidth(r) <= 31 && r.from > q.deadline && r.from > e.published;
}

/**
 * "Biden will meet Netanyahu in New York rather than at the White House": the question's own parties set to meet at a
 * place that is neither the question's nor holds it is a plan that takes the place of the one asked about.
 */
function setElsewhere(q: Question, e: Evidence): boolean {
  const venue = q.event.place;
  if (!venue || !e.place || e.background || e.stance !== "scheduled" || e.type !== q.event.type) return false;
  if (!q.event.participants.every((p) => e.participants.includes(p))) return false;
  return placeKnown(e.place) && !placeFits(venue, e.place) && !placeFits(e.place, venue);
}

/** The indicator a plan elsewhere counts for: as much against the happening as a report that none is planned. */
function setElsewhereIndicator(q: Question): Indicator | null {
  const unplanned = q.indicators.find((i) => i.match.stance.length === 1 && i.match.stance[0] === "unplanned" && i.match.type.includes(q.event.type));
  if (!q.event.place || !unplanned) return null;
  return { name: `${q.event.type}: set elsewhere`, match: { ...unplanned.match, stance: ["scheduled"] }, lr: unplanned.lr };
}

/** A happening set for after the deadline tells against one within it as strongly as a set date passing. */
function setAfterDeadline(q: Question, opts: EngineOptions): Indicator {
  return { name: `${q.event.type}: set for after the deadline`, match: { type: [q.event.type], participants: q.event.participants, participants_mode: "all", stance: ["scheduled"], on_record: false, counterpart: false }, lr: opts.datePassedLr };
}

// Happenings that bring their participants together in one place.
const GATHERINGS: ReadonlySet<string> = new Set(["meet", "negotiate", "sign"]);

const CALLS_OFF: ReadonlySet<Stance> = new Set(["called_off", "failed", "unplanned", "refused"]);
const PLANS: ReadonlySet<Stance> = new Set(["scheduled", "discussed", "wanted"]);

// A visit set for the day of what it is made for begins up to this many days before it ("Kim arrived in Beijing on
// Tuesday" for the parade on Wednesday).
const ARRIVAL_LEAD_DAYS = 2;

/** The first day a report may tell the happening held, given the day set for it. */
function heldFrom(q: Question, scheduledFrom: string): string {
  return q.event.type === "visit" ? addDays(scheduledFrom, -ARRIVAL_LEAD_DAYS) : scheduledFrom;
}

/**
 * A report of the question's happening as held within the question's window; never a recap, nor one of a day before
 * the date set for it (a report of a meeting set for Wednesday, on Monday, tells of something else).
 */
function tellsHappened(q: Question, e: Evidence, about: boolean, scheduledFrom: string | null): boolean {
  if (e.stance !== "occurred" || e.background || !about || e.factuality !== "CT+") return false;
  // "Xi arrived in San Francisco for the summit": a visit to the other's country tells the meeting is near, not held.
  if (GATHERINGS.has(q.event.type) && e.type === "visit") return false;
  if (scheduledFrom && heldFrom(q, scheduledFrom) > e.published) return false;
  const r = dayRange(e.eventTime);
  if (r && (rangeWidth(r) > 31 || r.to > e.published || r.from < q.opens)) return false;
  // Reported in the days after the deadline, it counts only when dated within the window.
  if (e.published > q.deadline && (!r || r.to > q.deadline)) return false;
  return e.published >= q.opens && e.published <= addDays(q.deadline, 3);
}

/** A day the happening was set for or looked for: its last day, its first, the reports behind it, and whether a report since told the happening held. */
interface AwaitedDay {
  day: string;
  from: string;
  by: string[];
  kept: boolean;
}

/** The number of a report's mention in its article ("…:e12" is 12), or -1. */
function mentionNumber(report: string): number {
  const at = report.lastIndexOf(":e");
  return at < 0 ? -1 : Number(report.slice(at + 2));
}

/** One day's reports by article, then in the order their article tells them (e2 before e14). */
function inTextOrder(a: Evidence, b: Evidence): number {
  return a.article.localeCompare(b.article) || mentionNumber(a.report) - mentionNumber(b.report) || a.report.localeCompare(b.report);
}

const ORIGIN_RANK_WORDS = "independent origin";
// The pool of origins that every report against the happening counts in, whatever its indicator.
const AGAINST = "\u0000against";

/** The rank among its indicator's independent origins that an evidence update's reason gives, if any. */
export function originRank(u: ForecastUpdate): number | null {
  const m = new RegExp(`${ORIGIN_RANK_WORDS} (\\d+) of this kind`).exec(u.reason);
  return m ? Number(m[1]) : null;
}

/**
 * Computes a question's probability as of `asOf` from the evidence published on or before that date only. Evidence is
 * applied in publication order; every change is logged with the reports behind it.
 */
export function forecast(q: Question, evidence: Evidence[], asOf: string, override: Resolution | null = null, opts: EngineOptions = DEFAULT_ENGINE_OPTIONS): Forecast {
  const usable = evidence.filter((e) => e.published <= asOf && e.published >= q.opens).sort((a, b) => a.published.localeCompare(b.published) || inTextOrder(a, b));
  const updates: ForecastUpdate[] = [];
  const clamp = (p: number) => Math.min(1 - opts.floor, Math.max(opts.floor, p));
  let p = clamp(q.prior);
  let clock = q.opens;
  // The latest day or week set for the happening, and the latest it was only looked for ("could meet at the G20 next week").
  let setFor: AwaitedDay | null = null;
  let sought: AwaitedDay | null = null;
  const counted = new Map<string, Map<string, number>>();
  // Whether the story has turned against the happening (called off, failed) since it last rose.
  let turned = false;
  const happened = new Set<string>();
  let resolved: { outcome: "yes" | "no"; at: string } | null = null;
  const log = (u: Omit<ForecastUpdate, "previous" | "probability">, next: number) => {
    if (Math.abs(next - p) >= 0.0005 || u.indicator !== "time passing") updates.push({ ...u, previous: p, probability: next });
    p = next;
  };

  // A day waited for that passes with no report that the happening took place counts against it: a set date with the
  // fitted ratio, a day only looked for with half its log.
  const passed = (d: AwaitedDay, at: string, weight: number, indicator: string, what: string) => {
    if (d.kept) return;
    const next = clamp(sigmoid(logit(p) + weight * Math.log(opts.datePassedLr)));
    log({ at, indicator, claim: null, reports: d.by, reason: `${what} (${d.day}) passed with no report that it took place` }, next);
  };
  // Time passing: the odds hold while a set date lies ahead; the date passing without the happening counts against it;
  // otherwise the chance left shrinks with the days left before the deadline.
  const advanceTo = (day: string) => {
    // A date set since a day looked for governs instead of it.
    if (sought && setFor && setFor.day >= sought.day) sought = null;
    const soughtEnds = sought ? addDays(sought.day, opts.graceDays) : null;
    if (sought && soughtEnds && soughtEnds < day && clock <= soughtEnds) {
      const d = sought;
      sought = null;
      advanceTo(soughtEnds);
      passed(d, soughtEnds, 0.5, "looked-for date passed", "the day it was looked for");
    }
    while (clock < day) {
      if (!setFor) {
        decay(clock, day);
        clock = day;
        return;
      }
      const dateEnds = addDays(setFor.day, opts.graceDays);
      if (dateEnds >= day) {
        clock = day;
        return;
      }
      const from = clock;
      clock = dateEnds;
      if (from < dateEnds) passed(setFor, dateEnds, 1, "set date passed", "the date set for it");
      setFor = null;
    }
  };
  const decay = (from: string, to: string) => {
    const left0 = daysBetween(from, q.deadline) + 1;
    const left1 = Math.max(0, daysBetween(to, q.deadline) + 1);
    if (left0 <= 0) return;
    const next = clamp(1 - Math.pow(1 - p, left1 / left0));
    log({ at: to, indicator: "time passing", claim: null, reports: [], reason: `${daysBetween(from, to)} days passed with no date set; ${left1} days left before the deadline` }, next);
  };

  // One article is one voice: its reports count under the first origin it brought, whatever claims they joined; but a
  // party speaking on the record is that party's voice in every article that carries it ("Zelensky wrote that he would
  // wait for Putin", re-reported by ten outlets, is one origin).
  const originOf = new Map<string, string>();
  // "Blinken cancelled the meeting he was due to hold on Thursday": an article that tells a happening called off or
  // failed does not also raise it with the plan it recalls.
  const offIn = new Set(usable.filter((e) => e.stance === "called_off" || e.stance === "failed").map((e) => `${e.article}\u0000${e.claim}`));
  // A date called off: a day's news is taken together, so a plan for that date told the same day or before is the plan
  // the call-off ends, and one told later counts only from a party putting it back on ("the summit is back on").
  // Whether each report is about the question's own happening, and about it or its officials holding or setting it.
  const reach = new Map(
    usable.map((e) => {
      const own = aboutEvent(q, e);
      return [e, { own, about: own || (BY_OFFICIALS.has(e.stance) && aboutEvent(q, e, true)) }] as const;
    }),
  );
  const offDates = calledOffDates(usable, (e) => reach.get(e)!.own);
  // How far call-offs of the happening have lowered the log-odds since it was last set.
  let offShift = 0;
  // One article, one voice, one say: an outlet's article moves the odds by its strongest reading of the happening only
  // ("no meeting is on the schedule", not also the talk of one it recalls). A party on the record speaks for itself.
  const planned = new Set<string>();
  const lateSet = setAfterDeadline(q, opts);
  const elsewhere = setElsewhereIndicator(q);
  const hits = new Map(
    usable.map((e) => {
      const { own, about } = reach.get(e)!;
      if (about && PLANS.has(e.stance) && e.place && !e.background) planned.add(e.place);
      if (own && setsAfter(q, e)) return [e, lateSet] as const;
      if (elsewhere && setElsewhere(q, e)) return [e, elsewhere] as const;
      return [e, matchIndicator(q, own && unfixed(e) ? { ...e, stance: "discussed" } : e, about || staysAway(q, e, planned))] as const;
    }),
  );
  // Once the happening is set for after the deadline, a plan told since with no day of its own within the window is
  // that plan again ("the summit in Geneva"), not a sign of one sooner; a day's news is taken together.
  const setLate = usable.filter((e) => hits.get(e) === lateSet).map((e) => e.published).sort()[0] ?? null;
  const strongest = new Map<string, number>();
  for (const e of usable) {
    if (e.onRecord || isRetrospective(e, opts.retrospectiveDays)) continue;
    const hit = hits.get(e);
    if (hit) strongest.set(e.article, Math.max(strongest.get(e.article) ?? 0, Math.abs(Math.log(hit.lr))));
  }
  for (const e of usable) {
    let origin = originOf.get(e.article);
    if (origin === undefined) originOf.set(e.article, (origin = e.origin));
    if (e.onRecord) origin = e.origin;
    // Past the deadline a report can only tell that the happening came about in time; it moves nothing else.
    const late = e.published > q.deadline;
    if (!late) advanceTo(e.published);
    const { own, about } = reach.get(e)!;
    const told = tellsHappened(q, e, about, setFor?.from ?? null);
    if (told) {
      happened.add(origin);
      if (e.onRecord || happened.size >= 2) {
        log({ at: e.published, indicator: "resolving event confirmed", claim: e.claim, reports: [e.report], reason: e.onRecord ? "a party says on the record that it took place" : `${happened.size} independent origins report that it took place` }, 1);
        resolved = { outcome: "yes", at: e.published };
        break;
      }
    }
    if (late || isRetrospective(e, opts.retrospectiveDays)) continue;
    const stalePlan = planCalledOff(e, offDates);
    const date = stalePlan ? null : setsDate(q, e, about);
    if (date && (!setFor || date > setFor.day)) setFor = { day: date, from: dayRange(e.eventTime)!.from, by: [e.report], kept: false };
    if (told && setFor && e.published >= setFor.from) setFor.kept = true;
    if (told && sought) sought.kept = true;
    const looked = stalePlan ? null : looksToDate(q, e, own);
    if (looked && (!sought || looked > sought.day)) sought = { day: looked, from: dayRange(e.eventTime)!.from, by: [e.report], kept: false };
    if (CALLS_OFF.has(e.stance) && own) {
      setFor = null;
      sought = null;
    }
    // Told as held days before the date set for it, it is another happening (an earlier round), not this one.
    if (e.stance === "occurred" && setFor && heldFrom(q, setFor.from) > e.published) continue;
    const hit = hits.get(e);
    if (!hit || (hit.lr > 1 && (offIn.has(`${e.article}\u0000${e.claim}`) || stalePlan))) continue;
    // Once it is told as held in time, a meeting set for after the deadline is the next one, not this one put off.
    if (hit === lateSet && happened.size > 0) continue;
    if (!e.onRecord && Math.abs(Math.log(hit.lr)) < (strongest.get(e.article) ?? 0)) continue;
    // "another possible venue is the summit in November", for a question that closes in September: a happening
    // looked for after the deadline does not raise the odds of one before it.
    const when = dayRange(e.eventTime);
    if (hit.lr > 1 && when && when.from > q.deadline) continue;
    if (hit.lr > 1 && setLate && e.published >= setLate && own && PLANS.has(e.stance) && !(when && when.to <= q.deadline)) continue;
    // A turn of the story (a summit called off, then back on) is news again: the origins counted for the other
    // direction start afresh. Only a happening called off or failed turns it; "no date yet" between two reports of
    // the same plan does not make the plan news again.
    const rising = hit.lr > 1;
    if (rising && turned) {
      counted.delete(AGAINST);
      turned = false;
    } else if (!rising && !turned && (e.stance === "called_off" || e.stance === "failed")) {
      for (const ind of q.indicators) if (ind.lr > 1) counted.delete(ind.name);
      turned = true;
    }
    // Every report against the happening is one body of news ("the signing was scrapped", "no deal was signed"): its
    // origins are counted together, each further one weighing less, whichever stance it tells. Each stage toward it
    // (discussed, set, held) is news of its own.
    const pool = hit.lr < 1 ? AGAINST : hit.name;
    let perOrigin = counted.get(pool);
    if (!perOrigin) counted.set(pool, (perOrigin = new Map()));
    const w = opts.certaintyWeight[certainty(e.factuality)];
    // A party's later statement is the same source, but a date or place it newly names is news ("the summit will be
    // in Hanoi on Feb. 27-28" after "near the end of February").
    const source = e.stance === "scheduled" ? `${origin}\u0000${dayRange(e.eventTime) ? e.eventTime : ""}\u0000${e.place ?? ""}` : origin;
    // What an origin has said counts by its strongest say: a firmer or stronger report of it adds only the difference.
    const strength = w * Math.abs(Math.log(hit.lr));
    const had = perOrigin.get(source);
    if (had !== undefined && strength <= had) continue;
    const rank = had !== undefined ? [...perOrigin.keys()].indexOf(source) : perOrigin.size;
    perOrigin.set(source, strength);
    // "The summit is back on": a party setting the happening's date on the record after it was called off takes back
    // what the call-off took away; the call-off told of the plan now replaced.
    if (offShift < 0 && own && e.onRecord && e.stance === "scheduled" && dayAhead(e)) {
      log({ at: e.published, indicator: "called off, then set again", claim: e.claim, reports: [e.report], reason: "a party sets the happening's date again after it was called off" }, clamp(sigmoid(logit(p) - offShift)));
      offShift = 0;
    }
    const delta = Math.sign(Math.log(hit.lr)) * (strength - (had ?? 0)) * Math.pow(opts.originDecay, rank);
    if (own && e.stance === "called_off") offShift += delta;
    const next = clamp(sigmoid(logit(p) + delta));
    log({ at: e.published, indicator: hit.name, claim: e.claim, reports: [e.report], reason: `${e.stance} (${e.factuality})${e.onRecord ? ", on the record" : ""}; ${ORIGIN_RANK_WORDS} ${rank + 1} of this kind; likelihood ratio ${hit.lr}` }, next);
  }

  if (override && override.at <= asOf) {
    resolved = { outcome: override.outcome, at: override.at };
    log({ at: override.at, indicator: "manual resolution", claim: null, reports: [], reason: override.note ?? "resolved by hand" }, override.outcome === "yes" ? 1 : 0);
  }
  if (!resolved) {
    if (asOf > q.deadline) {
      advanceTo(addDays(q.deadline, 1));
      log({ at: addDays(q.deadline, 1), indicator: "deadline passed", claim: null, reports: [], reason: `no confirmed ${q.event.type} by ${q.deadline}` }, 0);
      resolved = { outcome: "no", at: addDays(q.deadline, 1) };
    } else {
      advanceTo(asOf);
    }
  }
  return { probability: p, status: resolved ? resolved.outcome : "open", resolved_at: resolved?.at ?? null, updates };
}

/** The days a happening of the question was set for and called off on: each set day, and the first day told off. */
function calledOffDates(evidence: Evidence[], own: (e: Evidence) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of evidence) {
    if (!(e.stance === "called_off" || e.stance === "failed") || e.background || !own(e) || !dayAhead(e)) continue;
    const from = dayRange(e.eventTime)!.from;
    const had = out.get(from);
    if (!had || e.published < had) out.set(from, e.published);
  }
  return out;
}

/** A plan for a day called off, told by the day it was called off, or after it by anyone but a party. */
function planCalledOff(e: Evidence, off: Map<string, string>): boolean {
  if (off.size === 0 || !PLANS.has(e.stance)) return false;
  const r = dayRange(e.eventTime);
  if (!r || rangeWidth(r) > 7) return false;
  for (const [day, on] of off) {
    if (day < r.from || day > r.to) continue;
    if (e.published <= on || !e.onRecord) return true;
  }
  return false;
}

/** The probability path as of each date from `from` to `to`, every `stepDays`, each from evidence published by then. */
export function replay(q: Question, evidence: Evidence[], from: string, to: string, stepDays = 1, override: Resolution | null = null, opts: EngineOptions = DEFAULT_ENGINE_OPTIONS): Array<{ date: string; probability: number }> {
  const path: Array<{ date: string; probability: number }> = [];
  for (let d = from; d <= to; d = addDays(d, stepDays)) {
    path.push({ date: d, probability: forecast(q, evidence, d, override, opts).probability });
  }
  return path;
}
