// Claim coreference: event mentions in different articles that refer to the same happening become one claim.
import type { EventMention, Factuality } from "../domain/extraction.js";
import { loadData } from "../extract/resources.js";
import { type DayRange, addDays, dayRange, overlaps, rangeWidth } from "./time-range.js";

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

/** What the linker knows about entities: used to compare participants at the level of their countries. */
export interface EntityFacts {
  /** The country an entity stands for or belongs to at `date` (a leader's, a ministry's, the country itself), or null. */
  countryOf(entityId: string, date: string | null): string | null;
}

/** A claim as the linker compares it. */
export interface ClaimKey {
  id: string;
  type: string;
  participants: string[];
  /** The most specific TIMEX3 value reported for the happening, or null. */
  eventTime: string | null;
  firstReported: string | null;
  lastReported: string | null;
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

/** Places and named events are where and at what something happens, not who takes part in it. */
export function isParticipant(entityId: string): boolean {
  return !entityId.startsWith("place:") && !entityId.startsWith("event:");
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
  return a.every((x) => b.includes(x));
}

/** Participants agree when one set contains the other, directly or once each is mapped to its country. */
export function participantsCompatible(a: string[], b: string[], facts: EntityFacts, date: string | null): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (subsetOrEqual(a, b) || subsetOrEqual(b, a)) return true;
  const ca = [...new Set(a.map((x) => facts.countryOf(x, date) ?? x))];
  const cb = [...new Set(b.map((x) => facts.countryOf(x, date) ?? x))];
  return ca.length >= 2 && cb.length >= 2 && (subsetOrEqual(ca, cb) || subsetOrEqual(cb, ca));
}

function publishedRange(claim: ClaimKey, windowDays: number): DayRange | null {
  if (!claim.firstReported || !claim.lastReported) return null;
  return { from: addDays(claim.firstReported, -windowDays), to: addDays(claim.lastReported, windowDays) };
}

/**
 * Times agree when both are calendar values that overlap; when either is vague or missing, the report must fall within
 * the claim's reporting window, and a calendar time must not lie far from it.
 */
export function timesCompatible(claim: ClaimKey, c: CandidateEvent, opts: LinkOptions): boolean {
  const a = dayRange(claim.eventTime);
  const b = dayRange(c.event.time);
  // "He would come back to meet Kim at a later date": a happening still to come is not one already dated by then.
  if (c.event.time === "FUTURE_REF" && a && c.published && a.to <= c.published) return false;
  if (a && b) return overlaps({ from: addDays(a.from, -opts.slackDays), to: addDays(a.to, opts.slackDays) }, b);
  const window = publishedRange(claim, opts.windowDays);
  if (!window) return true;
  if (b) return overlaps(window, b);
  if (a && c.published) return overlaps({ from: addDays(a.from, -opts.windowDays * 4), to: addDays(a.to, opts.windowDays) }, { from: c.published, to: c.published });
  if (!c.published) return true;
  return overlaps(window, { from: c.published, to: c.published });
}

/** How well an event fits a claim (higher is better), or -1 when it cannot be the same happening. */
export function matchScore(claim: ClaimKey, c: CandidateEvent, facts: EntityFacts, opts: LinkOptions = DEFAULT_LINK_OPTIONS): number {
  if (claim.type !== c.event.type) return -1;
  if (!participantsCompatible(claim.participants, c.event.participants, facts, c.published)) return -1;
  if (!timesCompatible(claim, c, opts)) return -1;
  const shared = c.event.participants.filter((p) => claim.participants.includes(p)).length;
  const unshared = new Set([...c.event.participants, ...claim.participants]).size - shared;
  const both = dayRange(claim.eventTime) && dayRange(c.event.time) ? 1 : 0;
  // Never below zero: a compatible claim always beats starting a new one.
  return Math.max(0, shared * 4 - unshared * 2 + both);
}

/** Picks the best claim for an event among candidates, or null when none fits. Ties go to the earliest claim id. */
export function bestClaim(candidates: ClaimKey[], c: CandidateEvent, facts: EntityFacts, opts: LinkOptions = DEFAULT_LINK_OPTIONS): ClaimKey | null {
  let best: ClaimKey | null = null;
  let bestScore = -1;
  for (const claim of candidates) {
    const s = matchScore(claim, c, facts, opts);
    if (s > bestScore || (s === bestScore && s >= 0 && best && claim.id < best.id)) {
      best = claim;
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
}

let intent: { types: Set<string>; window: number; phrases: string[][] } | null = null;

/**
 * An uncommitted meeting, visit or talks under an expression of intent ("wants to meet", "is open to talks") is itself
 * a claim: that someone intends to meet (CAMEO 036). Returns that claim's event, or null. `before` is the text of the
 * event's sentence up to its trigger.
 */
export function intentEvent(event: EventMention, before: string): EventMention | null {
  if (event.factuality !== "Uu" || event.condition || event.participants.length === 0) return null;
  if (!intent) {
    const lex = loadData<IntentLexicon>("lexicons/intent.json");
    intent = { types: new Set(lex.types), window: lex.window_words, phrases: lex.phrases.map((p) => p.split(" ")) };
  }
  if (!intent.types.has(event.type)) return null;
  // "Trump said he would like to meet Kim": a speaker who wishes it in the first person is a party to the meeting.
  const speaker = event.source.at(-1)?.entity;
  const firstPerson = /\b(?:he|she|i|we)\b[^,;]*$/i.test(before);
  const participants = speaker && speaker.startsWith("person:") && firstPerson && !event.participants.includes(speaker) ? [speaker, ...event.participants] : event.participants;
  const words = before.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z']+/g) ?? [];
  const tail = words.slice(-intent.window);
  for (const phrase of intent.phrases) {
    for (let end = tail.length; end >= phrase.length; end--) {
      if (phrase.every((w, k) => tail[end - phrase.length + k] === w)) return { ...event, participants, type: "intend_meet", cameo: "036", factuality: "CT+" };
    }
  }
  return null;
}
