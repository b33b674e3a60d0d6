// Claim coreference: event mentions in different articles that refer to the same happening become one claim.
import type { EventMention, Factuality } from "../domain/extraction.js";
import type { EntityFacts } from "../extract/entity-facts.js";
import { loadData } from "../extract/resources.js";
import { type DayRange, addDays, anchorYear, dateNumber, dayRange, rangeWidth } from "../domain/calendar.js";

/** Event types that make ledger claims; saying, confirming and generic verbs are how claims are reported, not claims. */
export const CLAIM_TYPES: ReadonlySet<string> = new Set([
  "meet",
  "visit",
  "negotiate",
  "communicate",
  "sign",
  "demand",
  "reject",
  "threaten",
  "military_exercise",
  "missile_test",
  "nuclear_test",
  "sanction",
  "attack",
  "cancel",
  "agree",
  "release",
  "withdraw",
  "aid",
  "consult",
  "intend_meet",
  "dismantle",
]);


/** A claim as the linker compares it. */
export interface ClaimKey {
  id: string;
  type: string;
  participants: string[];
  /** The most specific TIMEX3 value reported for the happening, or null. */
  eventTime: string | null;
  firstReported: string | null;
  lastReported: string | null;
  /** How the claim reads ("-": "no meeting is scheduled"); absent when unknown. */
  polarity?: "+" | "-";
  /** The claim's current status; absent when unknown. */
  status?: string;
}

/** An event mention offered to the ledger, with the article facts the linker needs. */
export interface CandidateEvent {
  event: EventMention;
  published: string | null;
}

export interface LinkOptions {
  /** Without comparable event times, a report joins a claim only if published within this many days of it. */
  windowDays: number;
  /** Two calendar times this many days apart can still be one happening (dates slip; reports round them). */
  slackDays: number;
  /** A report joins only claims reported within this many days before it; older happenings start a new claim. */
  lookbackDays: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = { windowDays: 45, slackDays: 21, lookbackDays: 365 };

/** Places and named events are where and at what something happens, and news outlets tell it; none takes part in it. */
export function isParticipant(entityId: string): boolean {
  return !entityId.startsWith("place:") && !entityId.startsWith("event:") && !entityId.startsWith("outlet:");
}

/**
 * The participants a claim records for an event: those that take part (not the publishing `outlet`), and, once two or
 * more named people take part, only those people and bodies — a country beside them is a host or venue ("Singapore
 * will host the meeting") or stands for one of them already.
 */
export function claimParticipants(participants: string[], outlet: string | null = null): string[] {
  // A dateline's "(Korea Daily Wire)" names the outlet telling the story, not a party to it.
  const slug = (t: string) => `local:${t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
  const own = outlet ? new Set([slug(outlet), slug(outlet.replace(/^the\s+/i, ""))]) : new Set<string>();
  const taking = participants.filter((p) => isParticipant(p) && !own.has(p));
  const people = taking.filter((p) => p.startsWith("person:"));
  return people.length >= 2 ? taking.filter((p) => !p.startsWith("country:")) : taking;
}

/** True when the event is worth a claim: a claim type, at least one known participant, and a committed reading. */
export function isClaimable(event: EventMention): boolean {
  return CLAIM_TYPES.has(event.type) && event.participants.some(isParticipant) && event.factuality !== "Uu";
}

/** "+" for events presented as happening or likely, "-" for those presented as not happening. */
export function polarityOf(f: Factuality): "+" | "-" {
  return f.endsWith("-") ? "-" : "+";
}

function subsetOrEqual(a: string[], b: string[]): boolean {
  for (const x of a) if (!b.includes(x)) return false;
  return true;
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** A participant list read at the level of countries, on one day. */
interface CountryView {
  facts: EntityFacts;
  date: string | null;
  /** Named people by the country they stand for. */
  people: Map<string, Set<string>>;
  /** Each participant's country (or the participant itself), without repeats. */
  countries: string[];
}

// Matching compares one event's participants with up to hundreds of claims', and a claim's with every event of an
// article: each list is read at country level once per day asked, not once per comparison. Lists are not changed in place.
const countryViews = new WeakMap<string[], CountryView>();

function countryView(xs: string[], facts: EntityFacts, date: string | null): CountryView {
  const known = countryViews.get(xs);
  if (known && known.facts === facts && known.date === date) return known;
  const people = new Map<string, Set<string>>();
  for (const x of xs) {
    if (!x.startsWith("person:")) continue;
    const c = facts.countryOf(x, date);
    if (c) people.set(c, (people.get(c) ?? new Set()).add(x));
  }
  const view = { facts, date, people, countries: [...new Set(xs.map((x) => facts.countryOf(x, date) ?? x))] };
  countryViews.set(xs, view);
  return view;
}

/** Participants agree when one set contains the other, directly or once each is mapped to its country. */
export function participantsCompatible(a: string[], b: string[], facts: EntityFacts, date: string | null): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (subsetOrEqual(a, b) || subsetOrEqual(b, a)) return true;
  const va = countryView(a, facts, date);
  const vb = countryView(b, facts, date);
  // Two different named people for one country make different happenings: Pompeo meeting Kim is not Trump meeting Kim.
  for (const [country, people] of va.people) {
    const other = vb.people.get(country);
    if (other && !sharesAny(people, other)) return false;
  }
  const ca = va.countries;
  const cb = vb.countries;
  return ca.length >= 2 && cb.length >= 2 && (subsetOrEqual(ca, cb) || subsetOrEqual(cb, ca));
}

/**
 * A day as matching compares it: an ISO date (YYYY-MM-DD, compared as text), or the same date as the number
 * YYYYMMDD, which orders the same way and is compared without reading a string.
 */
type Day = string | number;

/**
 * The days a claim is compared on: the range fields mean something only when it is `dated`, the window fields only
 * when it is `windowed`.
 */
interface ClaimDays<D extends Day> {
  /** True when the event time is a calendar range, and when that range spans at most a week (so it gets slack). */
  dated: boolean;
  narrow: boolean;
  /** True when the claim has reporting dates, and so a reporting window. */
  windowed: boolean;
  /** The calendar range of the event time. */
  from: D;
  to: D;
  /** That range widened by the slack, and not widened (through addDays all the same, which normalises a date). */
  slackedFrom: D;
  slackedTo: D;
  exactFrom: D;
  exactTo: D;
  /** The days a vague report of the dated happening must be published in. */
  aroundFrom: D;
  aroundTo: D;
  /** The days a report without a comparable time must fall in: the reporting dates widened by the window. */
  windowFrom: D;
  windowTo: D;
}

function claimDays(claim: ClaimKey, opts: LinkOptions): ClaimDays<string> {
  const day = dayRange(claim.eventTime);
  const windowed = !!claim.firstReported && !!claim.lastReported;
  // A stated wish to meet stands until withdrawn: saying it again months later is the same stance.
  const windowDays = intentLexicon().stances.has(claim.type) ? opts.lookbackDays : opts.windowDays;
  const shift = (date: string | null | undefined, days: number) => (date ? addDays(date, days) : "");
  return {
    dated: !!day,
    narrow: !!day && rangeWidth(day) <= 7,
    windowed,
    from: day?.from ?? "",
    to: day?.to ?? "",
    slackedFrom: shift(day?.from, -opts.slackDays),
    slackedTo: shift(day?.to, opts.slackDays),
    exactFrom: shift(day?.from, 0),
    exactTo: shift(day?.to, 0),
    aroundFrom: shift(day?.from, -opts.windowDays * 4),
    aroundTo: shift(day?.to, opts.windowDays),
    windowFrom: windowed ? shift(claim.firstReported, -windowDays) : "",
    windowTo: windowed ? shift(claim.lastReported, windowDays) : "",
  };
}

// A day as a number (see dateNumber), and 0 for "" (a day that is not there, and is never compared).
const dayNumber = (date: string) => (date === "" ? 0 : dateNumber(date));

// The days as numbers, or null when one of them is not written YYYY-MM-DD.
function numericDays(d: ClaimDays<string>): ClaimDays<number> | null {
  let plain = true;
  const n = (date: string) => {
    const x = dayNumber(date);
    if (Number.isNaN(x)) plain = false;
    return x;
  };
  const days: ClaimDays<number> = {
    dated: d.dated,
    narrow: d.narrow,
    windowed: d.windowed,
    from: n(d.from),
    to: n(d.to),
    slackedFrom: n(d.slackedFrom),
    slackedTo: n(d.slackedTo),
    exactFrom: n(d.exactFrom),
    exactTo: n(d.exactTo),
    aroundFrom: n(d.aroundFrom),
    aroundTo: n(d.aroundTo),
    windowFrom: n(d.windowFrom),
    windowTo: n(d.windowTo),
  };
  return plain ? days : null;
}

/**
 * A claim made ready to be compared with many events: what matching reads from its dates and status, worked out once
 * instead of once per comparison (an event is compared with up to hundreds of claims, and a claim with every event of
 * the articles that follow it). The claim must not change while prepared; prepare it again when it has.
 */
export interface PreparedClaim {
  readonly claim: ClaimKey;
  readonly type: string;
  readonly polarity: "+" | "-" | undefined;
  /** True when a mention told the other way round may still join the claim if it reads "+". */
  readonly turnable: boolean;
  readonly text: ClaimDays<string>;
  /** The same days as numbers; null when one is not written YYYY-MM-DD, and they are compared as text. */
  readonly days: ClaimDays<number> | null;
  /** The day it was last reported as a number (see dateNumber); NaN when it has none or one not written YYYY-MM-DD. */
  readonly lastDay: number;
}

export function prepareClaim(claim: ClaimKey, opts: LinkOptions = DEFAULT_LINK_OPTIONS): PreparedClaim {
  const text = claimDays(claim, opts);
  return {
    claim,
    type: claim.type,
    polarity: claim.polarity,
    turnable: turnable(claim, dayRange(claim.eventTime)),
    text,
    days: numericDays(text),
    lastDay: claim.lastReported === null ? Number.NaN : dateNumber(claim.lastReported),
  };
}

/** The days an event is compared on: `from`–`to` mean something only when it is `dated`. */
interface EventDays<D extends Day> {
  dated: boolean;
  narrow: boolean;
  from: D;
  to: D;
  /** The report's day, or null when it has none. */
  published: D | null;
}

/** What matching reads from an event, once for all the claims it is compared with. */
interface EventDates {
  type: string;
  time: string | null;
  polarity: "+" | "-";
  text: EventDays<string>;
  /** Its days as numbers; null when one is not written YYYY-MM-DD. */
  days: EventDays<number> | null;
}

function eventDates(c: CandidateEvent): EventDates {
  const day = dayRange(c.event.time);
  // An empty publication date is none: the rules always read it as false.
  const text: EventDays<string> = { dated: !!day, narrow: !!day && rangeWidth(day) <= 7, from: day?.from ?? "", to: day?.to ?? "", published: c.published || null };
  const from = dayNumber(text.from);
  const to = dayNumber(text.to);
  const published = text.published === null ? null : dayNumber(text.published);
  const plain = !Number.isNaN(from) && !Number.isNaN(to) && !Number.isNaN(published);
  return { type: c.event.type, time: c.event.time, polarity: polarityOf(c.event.factuality), text, days: plain ? { ...text, from, to, published } : null };
}

/**
 * Times agree when both are calendar values that overlap; when either is vague or missing, the report must fall within
 * the claim's reporting window, and a calendar time must not lie far from it.
 */
export function timesCompatible(claim: ClaimKey, c: CandidateEvent, opts: LinkOptions): boolean {
  return timesAgree(prepareClaim(claim, opts), eventDates(c));
}

function timesAgree(p: PreparedClaim, e: EventDates): boolean {
  return p.days && e.days ? daysAgree(p.days, e.days, e.time) : daysAgree(p.text, e.text, e.time);
}

function daysAgree<D extends Day>(a: ClaimDays<D>, b: EventDays<D>, time: string | null): boolean {
  const published = b.published;
  // "He would come back to meet Kim at a later date": a happening put off to a later time is not one whose dates have
  // already begun by the report's day.
  if (time === "FUTURE_REF" && a.dated && published !== null && a.from <= published) return false;
  // "No sitting president has ever met a North Korean leader": a happening told as past is not one still to come.
  if (time === "PAST_REF" && a.dated && published !== null && a.from > published) return false;
  // Slack is for day-precise dates that slip or are misreported; a month or season already rounds, so it gets none
  // ("by May" is not the June 12 summit it later turned into).
  if (a.dated && b.dated) return a.narrow && b.narrow ? a.slackedFrom <= b.to && b.from <= a.slackedTo : a.exactFrom <= b.to && b.from <= a.exactTo;
  if (!a.windowed) return true;
  if (b.dated) return a.windowFrom <= b.to && b.from <= a.windowTo;
  if (a.dated && published !== null) return a.aroundFrom <= published && published <= a.aroundTo;
  if (published === null) return true;
  return a.windowFrom <= published && published <= a.windowTo;
}

/**
 * True when a mention told the other way round may still join the claim: only a happening confirmed on the record (or
 * dated to a day and already denied) can be called off or denied as that same claim; a denial of what was only reported or rumoured ("no meeting is on the
 * schedule") is a claim of its own, and so is a report that something denied happened after all.
 */
export function polarityCompatible(claim: ClaimKey, event: EventMention): boolean {
  return polaritiesAgree(claim.polarity, polarityOf(event.factuality), turnable(claim, dayRange(claim.eventTime)));
}

// A denied happening keeps its denials only if it was arranged for a day ("the June 12 summit"), not just rumoured.
function turnable(claim: ClaimKey, day: DayRange | null): boolean {
  return claim.status === "confirmed" || (claim.status === "denied" && !!day && day.from === day.to);
}

function polaritiesAgree(claim: "+" | "-" | undefined, event: "+" | "-", turnable: boolean): boolean {
  return !claim || event === claim || (claim === "+" && turnable);
}

/** How well an event fits a claim (higher is better), or -1 when it cannot be the same happening. */
export function matchScore(claim: ClaimKey, c: CandidateEvent, facts: EntityFacts, opts: LinkOptions = DEFAULT_LINK_OPTIONS): number {
  return scoreOf(prepareClaim(claim, opts), c, eventDates(c), facts);
}

// The cheap tests come first: most candidates fail on time or polarity, before their participants are read.
function scoreOf(p: PreparedClaim, c: CandidateEvent, e: EventDates, facts: EntityFacts): number {
  if (p.type !== e.type) return -1;
  if (!polaritiesAgree(p.polarity, e.polarity, p.turnable)) return -1;
  if (!timesAgree(p, e)) return -1;
  const mine = c.event.participants;
  const theirs = p.claim.participants;
  if (!participantsCompatible(theirs, mine, facts, c.published)) return -1;
  let shared = 0;
  for (const x of mine) if (theirs.includes(x)) shared++;
  const unshared = distinctInBoth(mine, theirs) - shared;
  const both = p.text.dated && e.text.dated ? 1 : 0;
  // Never below zero: a compatible claim always beats starting a new one.
  return Math.max(0, shared * 4 - unshared * 2 + both);
}

// How many different values the two lists hold together (the size of their union as a set), without building one.
function distinctInBoth(a: string[], b: string[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a.indexOf(a[i]) === i) n++;
  for (let i = 0; i < b.length; i++) if (b.indexOf(b[i]) === i && !a.includes(b[i])) n++;
  return n;
}

/**
 * Picks the best claim for an event among candidates, or null when none fits. Ties go to the claim reported most
 * recently (the one in the news when the report appeared), then to the earliest claim id.
 */
export function bestClaim(candidates: ClaimKey[], c: CandidateEvent, facts: EntityFacts, opts: LinkOptions = DEFAULT_LINK_OPTIONS): ClaimKey | null {
  return bestPrepared(candidates.map((k) => prepareClaim(k, opts)), c, facts)?.claim ?? null;
}

/** `bestClaim` among claims already prepared, each compared under the options it was prepared with. */
export function bestPrepared(candidates: readonly PreparedClaim[], c: CandidateEvent, facts: EntityFacts): PreparedClaim | null {
  let best: PreparedClaim | null = null;
  let bestScore = -1;
  const recent = (p: PreparedClaim) => p.claim.lastReported ?? "";
  const e = eventDates(c);
  for (const p of candidates) {
    const s = scoreOf(p, c, e, facts);
    const tie = s === bestScore && s >= 0 && best && (recent(p) > recent(best) || (recent(p) === recent(best) && p.claim.id < best.claim.id));
    if (s > bestScore || tie) {
      best = p;
      bestScore = s;
    }
  }
  return bestScore >= 0 ? best : null;
}

/** The more specific of two TIMEX3 values (narrower calendar range wins; calendar beats vague). */
export function moreSpecificTime(a: string | null, b: string | null): string | null {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra) return rb ? b : a ?? b;
  if (!rb) return a;
  return rangeWidth(rb) < rangeWidth(ra) ? b : a;
}

const TYPE_PHRASES: Record<string, string> = {
  meet: "meeting",
  visit: "visit",
  negotiate: "talks",
  communicate: "communication",
  sign: "signing",
  demand: "demand",
  reject: "rejection",
  threaten: "threat",
  military_exercise: "military exercises",
  missile_test: "missile test",
  nuclear_test: "nuclear test",
  sanction: "sanctions",
  attack: "attack",
  cancel: "cancellation",
  agree: "agreement",
  release: "release",
  withdraw: "withdrawal",
  aid: "aid",
  consult: "consultations",
  intend_meet: "stated wish to meet",
  dismantle: "dismantling",
};

/** A one-line summary: "meeting of Donald Trump and Kim Jong Un (2018-06-12)". */
export function summarize(type: string, participantNames: string[], eventTime: string | null): string {
  const what = TYPE_PHRASES[type] ?? type.replace(/_/g, " ");
  const who = participantNames.length <= 2 ? participantNames.join(" and ") : `${participantNames.slice(0, -1).join(", ")} and ${participantNames.at(-1)}`;
  const when = dayRange(eventTime) ? ` (${eventTime})` : "";
  return `${what} — ${who}${when}`;
}

interface IntentLexicon {
  types: string[];
  window_words: number;
  phrases: string[];
  arrangement_phrases: string[];
  generic_markers: string[];
  definite_determiners: string[];
  meeting_outcomes: string[];
  addressed_types: string[];
  group_phrases: string[];
  stance_types: string[];
}

let intent: { types: Set<string>; window: number; phrases: string[][]; arrangements: string[][]; generic: string[][]; definites: Set<string>; outcomes: Set<string>; addressed: Set<string>; groupPhrases: string[]; stances: Set<string> } | null = null;

function intentLexicon() {
  if (!intent) {
    const lex = loadData<IntentLexicon>("lexicons/intent.json");
    const split = (ps: string[]) => ps.map((p) => p.split(" "));
    intent = { types: new Set(lex.types), window: lex.window_words, phrases: split(lex.phrases), arrangements: split(lex.arrangement_phrases), generic: split(lex.generic_markers), definites: new Set(lex.definite_determiners), outcomes: new Set(lex.meeting_outcomes), addressed: new Set(lex.addressed_types), groupPhrases: lex.group_phrases, stances: new Set(lex.stance_types) };
  }
  return intent;
}

const wordsOf = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z']+/g) ?? [];

/**
 * True when the words just before a trigger make the mention about a whole stretch of history ("has ever met"), not
 * one happening a claim could be about. `before` is the text of the event's sentence up to its trigger.
 */
export function isGenericMention(before: string): boolean {
  const lex = intentLexicon();
  return endsWithin(wordsOf(before).slice(-3), lex.generic);
}

/** True when one of the phrases ends within the last words of `tail` (the words just before a trigger). */
function endsWithin(tail: string[], phrases: string[][]): boolean {
  for (const phrase of phrases) {
    for (let end = tail.length; end >= phrase.length; end--) {
      if (phrase.every((w, k) => tail[end - phrase.length + k] === w)) return true;
    }
  }
  return false;
}

/**
 * An uncommitted meeting, visit or talks under an expression of intent ("wants to meet", "is open to talks") is itself
 * a claim: that someone intends to meet (CAMEO 036); one a participant agreed to or accepted is the meeting itself,
 * arranged (PR+). Returns that claim's event, or null. `before` is the text of the event's sentence up to its trigger.
 */
export function intentEvent(event: EventMention, before: string): EventMention | null {
  if (event.factuality !== "Uu" || event.condition || event.participants.length === 0) return null;
  const intent = intentLexicon();
  if (!intent.types.has(event.type)) return null;
  // "Trump said he would like to meet Kim": a speaker who wishes it in the first person is a party to the meeting.
  const speaker = event.source.at(-1)?.entity;
  const firstPerson = /\b(?:he|she|i|we)\b[^,;]*$/i.test(before);
  const participants = speaker && speaker.startsWith("person:") && firstPerson && !event.participants.includes(speaker) ? [speaker, ...event.participants] : event.participants;
  const tail = wordsOf(before).slice(-intent.window);
  // "Trump has agreed to meet Kim": an accepted meeting is arranged, so the claim is the meeting, probable until held.
  if (endsWithin(tail, intent.arrangements)) return { ...event, participants, factuality: "PR+" };
  if (endsWithin(tail, intent.phrases)) return { ...event, participants, type: "intend_meet", cameo: "036", factuality: "CT+" };
  return null;
}

/** A crude word stem for comparing triggers: "meeting" and "meet", "talks" and "talk" share one. */
const stem = (word: string) => word.toLowerCase().slice(0, 4);

/** How far back (in sentences) a definite mention looks for the mention it takes up. */
const ANAPHORA_SENTENCES = 4;

/**
 * "The talks had broken down": a definite mention with no participants of its own takes up the nearest earlier
 * committed mention of the same type in the article that names them, with its participants and, lacking its own,
 * its time; one whose sentence speaks of "the two men" or "both leaders" takes the people of the nearest earlier
 * committed mention naming two or more. `before` is the text of the event's sentence up to its trigger, `sentence` the
 * whole sentence, `earlier` the article's mentions before it.
 */
export function resolveAnaphora(event: EventMention, before: string, earlier: EventMention[], sentence = before): EventMention {
  if (event.participants.some(isParticipant)) return event;
  const lex = intentLexicon();
  // "The two men signed a joint statement": a plural phrase for people named before stands for them.
  const said = ` ${wordsOf(sentence).join(" ")} `;
  if (lex.groupPhrases.some((p) => said.includes(` ${p} `))) {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i];
      if (event.sentence - e.sentence > ANAPHORA_SENTENCES) break;
      const people = e.participants.filter((p) => p.startsWith("person:"));
      if (e.factuality !== "Uu" && people.length >= 2) return { ...event, participants: people };
    }
  }
  // The determiner may be followed by modifiers ("the first formal talks") but by no punctuation ending the phrase.
  const phrase = wordsOf(before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1)).slice(-3);
  const definite = phrase.some((w) => lex.definites.has(w));
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    if (event.sentence - e.sentence > ANAPHORA_SENTENCES) break;
    // Only a happening told as such is taken up: "the summit" after "he would like to meet Kim" is another one.
    if (e.type !== event.type || e.factuality === "Uu" || !e.participants.some(isParticipant)) continue;
    // "The gathering" after "a meeting" may be another happening; the same word ("the talks" after "talks") is not,
    // and an outcome of a meeting named again as it stands ("no agreement" after "without an agreement") is taken up
    // even undetermined.
    const same = lex.outcomes.has(event.type) && e.trigger.text.toLowerCase() === event.trigger.text.toLowerCase();
    if (!same && !(definite && stem(e.trigger.text) === stem(event.trigger.text))) continue;
    return { ...event, participants: [...e.participants], time: event.time ?? e.time };
  }
  return event;
}

/**
 * "The summit ended without an agreement": an outcome of a meeting (an agreement, a signing) named in the sentence that
 * tells of the meeting is between the meeting's parties. Returns the event with the meeting's participants added.
 * `sentence` holds the mentions of the event's sentence.
 */
export function withMeetingParties(event: EventMention, sentence: EventMention[]): EventMention {
  const lex = intentLexicon();
  if (!lex.outcomes.has(event.type)) return event;
  const meeting = sentence.find((m) => m.type === "meet" && m !== event && m.participants.some(isParticipant));
  if (!meeting) return event;
  const added = meeting.participants.filter((p) => !event.participants.includes(p));
  return added.length ? { ...event, participants: [...event.participants, ...added] } : event;
}

/**
 * "Trump said North Korea had demanded that all sanctions be lifted": a demand or refusal told by someone of another
 * country than its one party is addressed to the teller's country, which then takes part in it.
 */
export function withAddressee(event: EventMention, facts: EntityFacts, date: string | null): EventMention {
  if (!intentLexicon().addressed.has(event.type)) return event;
  const parties = event.participants.filter(isParticipant);
  const teller = event.source.at(-1)?.entity;
  if (parties.length !== 1 || !teller || teller.startsWith("outlet:") || teller.startsWith("local:")) return event;
  const own = facts.countryOf(parties[0], date);
  const theirs = facts.countryOf(teller, date);
  if (!own || !theirs || own === theirs || event.participants.includes(theirs)) return event;
  return { ...event, participants: [...event.participants, theirs] };
}

/** What reading an article's mentions for the ledger needs to know of the article. */
export interface ReadableArticle {
  text: string;
  outlet: string | null;
  published: string | null;
  sentences: { start: number; end: number }[];
  events: EventMention[];
}

/**
 * The article's mentions as the ledger reads them, in text order, keeping the claimable ones: generic mentions
 * dropped; meeting outcomes, addressed demands and refusals, and definite or plural references given their
 * participants; years supplied; agreements and intents read; and only the takers kept as participants.
 */
export function claimReadings(article: ReadableArticle, facts: EntityFacts): EventMention[] {
  const readings: EventMention[] = [];
  const earlier: EventMention[] = [];
  const bySentence = new Map<number, EventMention[]>();
  for (const e of article.events) {
    const list = bySentence.get(e.sentence);
    if (list) list.push(e);
    else bySentence.set(e.sentence, [e]);
  }
  for (const mention of article.events) {
    const sentence = article.sentences[mention.sentence];
    const before = article.text.slice(sentence?.start ?? mention.trigger.start, mention.trigger.start);
    if (isGenericMention(before)) continue;
    const text = sentence ? article.text.slice(sentence.start, sentence.end) : before;
    let m = withMeetingParties(mention, bySentence.get(mention.sentence) ?? []);
    m = withAddressee({ ...m, time: anchorYear(m.time, article.published) }, facts, article.published);
    m = resolveAnaphora(m, before, earlier, text);
    earlier.push(m);
    const reading = intentEvent(m, before) ?? m;
    if (isClaimable(reading)) readings.push({ ...reading, participants: claimParticipants(reading.participants, article.outlet) });
  }
  return readings;
}

/**
 * "The June 12 summit was back on": committed mentions that name no participant but a definite, day-precise time, in
 * text order. They refer to a happening told before, which the linker looks up by type and day.
 */
export function datedReferences(article: ReadableArticle): EventMention[] {
  const lex = intentLexicon();
  const out: EventMention[] = [];
  for (const mention of article.events) {
    if (!CLAIM_TYPES.has(mention.type) || mention.factuality === "Uu" || mention.participants.some(isParticipant)) continue;
    const time = anchorYear(mention.time, article.published);
    const day = dayRange(time);
    if (!day || day.from !== day.to) continue;
    const sentence = article.sentences[mention.sentence];
    const before = article.text.slice(sentence?.start ?? mention.trigger.start, mention.trigger.start);
    const phrase = wordsOf(before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";")) + 1)).slice(-4);
    if (phrase.some((w) => lex.definites.has(w))) out.push({ ...mention, time });
  }
  return out;
}

/**
 * "Trump called off the summit": a happening told as not taking place because one of its participants cancelled it
 * is denied by that participant's own act, as good as a denial on the record. `sentence` holds the mentions of the
 * mention's sentence.
 */
export function cancelledByParticipant(mention: EventMention, sentence: EventMention[], participants: string[]): boolean {
  if (!mention.factuality.endsWith("-")) return false;
  return sentence.some((e) => e.type === "cancel" && e !== mention && e.trigger.start < mention.trigger.start && e.factuality === "CT+" && e.participants.some((p) => participants.includes(p)));
}
