// Who takes part in a happening and where it takes place, read from the trigger's own frame: the subject and objects
// of a verb ("Trump met Kim", "X and Y held talks"), the complements of an event noun ("talks with Y", "a meeting
// between X and Y", "Putin's visit to North Korea"), the subject of the verb that holds the noun ("X held talks with
// Y"), and the locative phrase that places it ("in Budapest", "at the White House", "a Budapest summit"). A speaker
// takes part only through a pronoun that stands for them; places, venues, outlets and gatherings never take part.
import type { Attribution } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import type { EntityMatch } from "../02-entities.js";
import { countryOf, placeCountry, voiceOf } from "../entity-facts.js";
import { entityById, officeholder } from "../gazetteer.js";
import { loadData } from "../resources.js";
import { key, WEEKDAYS } from "../times/lexicon.js";
import { FRAMES, GERUND_ADJUNCT, HAPPENING_TYPES, HELD_IN, LIGHT, NAMED_MEETINGS, PURPOSE_REACH, QUOTE_MARKS, TRIGGERS, type TriggerInfo } from "./lexicon.js";

interface RolesLexicon {
  attendingVerbs: Record<string, string[]>;
  partyVerbs: string[];
  partyVerbPrepositions: Record<string, string[]>;
  controlNouns: string[];
  controlAdjectives: string[];
  pairPrepositions: string[];
  companionPrepositions: string[];
  agentPrepositions: string[];
  destinationPrepositions: string[];
  destinationTypes: string[];
  locativePrepositions: string[];
  sidelinePhrases: string[];
  venueWords: string[];
  clauseStops: string[];
  motionVerbs: string[];
  departureFor: string[];
  teamsFrom: string[];
  verbCompanions: Record<string, string[]>;
  gatheringBodies: string[];
  gatheringMembers: string[];
  measures: string[];
  proxyVerbs: string[];
  pluralRoles: Record<string, string>;
  sojournVerbs: string[];
  topicPrepositions: string[];
  departureVerbs: string[];
  inviteVerbs: string[];
  mannerPhrases: string[];
}

const LEX = loadData<RolesLexicon>("lexicons/roles.json");
const PARTY_VERBS = new Set(LEX.partyVerbs);
const MEASURES = new Set(LEX.measures);
const PARTY_VERB_PREPS = new Map(Object.entries(LEX.partyVerbPrepositions).map(([v, ps]) => [v, new Set(ps)]));
const CONTROL_NOUNS = new Set(LEX.controlNouns);
const CONTROL_ADJECTIVES = new Set(LEX.controlAdjectives);
const PAIR = new Set(LEX.pairPrepositions);
const COMPANION = new Set(LEX.companionPrepositions);
const AGENT = new Set(LEX.agentPrepositions);
const DESTINATION = new Set(LEX.destinationPrepositions);
const DESTINATION_TYPES = new Set(LEX.destinationTypes);
const LOCATIVE = new Set(LEX.locativePrepositions);
const SIDELINES = LEX.sidelinePhrases.map((p) => p.split(" "));
const MANNER = LEX.mannerPhrases.map((p) => p.split(" "));
const VENUE_WORDS = new Set(LEX.venueWords);
const STOPS = new Set(LEX.clauseStops);
const MOTION: ReadonlySet<string> = new Set(LEX.motionVerbs);
const DEPARTURE_FOR: ReadonlySet<string> = new Set(LEX.departureFor);
const TEAMS_FROM: ReadonlySet<string> = new Set(LEX.teamsFrom);
/** "left for Vietnam", "headed for Russia": the "for" of a verb of setting off names where the goer is bound. */
const boundFor = (ts: Token[], k: number, w: string) => w === "for" && ts[k].pos === "VERB" && DEPARTURE_FOR.has(ts[k].lemma);
// A particle a verb of going takes before its destination: "will go on to Vietnam", "travel on to Hue".
const MOTION_PARTICLES = new Set(["on"]);
const VERB_COMPANIONS = new Map(Object.entries(LEX.verbCompanions).map(([v, ps]) => [v, new Set(ps)]));
const GATHERING_BODIES = new Set(LEX.gatheringBodies);
const GATHERING_MEMBERS = new Set(LEX.gatheringMembers);
const PROXY = new Set(LEX.proxyVerbs);
const SOJOURN = new Set(LEX.sojournVerbs);
const TOPIC = new Set(LEX.topicPrepositions);
const DEPARTURE = new Set(LEX.departureVerbs);
const INVITE = new Set(LEX.inviteVerbs);
const PLURAL_ROLES = new Map(Object.entries(LEX.pluralRoles).map(([phrase, role]) => [phrase.split(" "), role] as const));
const SPEAKER_PRONOUNS = new Set(["he", "she", "it", "they", "we", "i"]);
const PERSON_PRONOUNS = new Set(["he", "she"]);
const PERSON_OBJECTS = new Set(["him", "her"]);
// Words of time that open a phrase as well as a clause ("since the invasion", "since it began").
const TIME_WORDS = new Set(["since", "after", "before", "until"]);
const PHRASE_OPENERS = new Set(["DET", "NOUN", "PROPN", "NUM", "ADJ"]);
const PARTICLES = new Set(["down", "up", "together", "back"]);
const LINKING = new Set(["get", "become", "seem", "appear", "remain", "look"]);
const RELATIVE = new Set(["who", "which", "that"]);
// How far a frame reaches: a subject or a complement rarely lies further from its head than this many tokens.
const REACH = 14;
// How long an aside set off by commas between a verb and its infinitive may be.
const ASIDE_REACH = 8;

export interface Roles {
  participants: string[];
  place: string | null;
}

/** A sentence's tokens with its entity matches placed on them, shared by the reading of each of its triggers. */
export interface RoleView {
  ts: Token[];
  /** The entity match covering each token, if any. */
  at: (EntityMatch | null)[];
  /** True for tokens that are event triggers of their own. */
  isEvent: boolean[];
  /** The people the sentences before named, the nearest sentence first, each sentence's in text order. */
  prior: EntityMatch[][];
  /** The article's date, on which offices are held. */
  date: string | null;
  /** 1 for each token of the document inside quotation marks, by token index. */
  quoted: Uint8Array;
}

/** Places the sentence's entity matches on its tokens; `prior` holds the people of the sentences before it. */
export function roleView(ts: Token[], matches: EntityMatch[], isEvent: boolean[], prior: EntityMatch[][] = [], date: string | null = null, quoted: Uint8Array = new Uint8Array(0)): RoleView {
  const at: (EntityMatch | null)[] = ts.map(() => null);
  for (const m of matches) for (let j = 0; j < ts.length; j++) if (ts[j].i >= m.first && ts[j].i < m.last) at[j] = m;
  // "the APEC Economic Leaders' Meeting", "the Valdai Discussion Club Forum": an unknown name that runs on into a
  // capitalised happening is that gathering's name, nobody who takes part.
  for (let j = 0; j < ts.length; j++) {
    const m = at[j];
    if (!m?.entity.startsWith("local:") || at[j + 1] === m) continue;
    let n = j + 1;
    if (/^(?:'|’|'s|’s)$/.test(ts[n]?.text ?? "")) n++;
    if (isEvent[n] && /^[A-Z]/.test(ts[n].text)) for (let x = j; x >= 0 && at[x] === m; x--) at[x] = null;
  }
  return { ts, at, isEvent, prior, date, quoted };
}

const isName = (m: EntityMatch) => m.type === "person" || m.type === "country" || m.type === "organization" || m.type === "group" || m.entity.startsWith("local:");

/** A match names a place: a gazetteer place, a capital standing for its city, or an unknown name headed by a venue word. */
function placeLike(m: EntityMatch): boolean {
  if (m.type === "place" || m.via === "capital") return true;
  if (m.type === "organization" && entityById(m.entity)?.venue) return true;
  if (!m.entity.startsWith("local:")) return false;
  return m.text.toLowerCase().split(/[\s-]+/).some((w) => VENUE_WORDS.has(w));
}

/** The known one-off meeting whose name holds the trigger, if any. */
export function namedMeeting(t: Token, matches: EntityMatch[]): { participants: string[]; date: string | null } | null {
  for (const m of matches) if (m.type === "event" && m.start <= t.start && m.end >= t.end && NAMED_MEETINGS.has(m.entity)) return NAMED_MEETINGS.get(m.entity)!;
  return null;
}

/**
 * "will come to the White House", "flew to Pyongyang", "is going to Istanbul": a verb of motion toward a country,
 * city or venue is a visit there.
 */
export function isVisitByMotion(v: RoleView, k: number): boolean {
  const t = v.ts[k];
  if (t.pos !== "VERB" || !MOTION.has(t.lemma)) return false;
  // "flew back to Moscow", "returned home": going home is no visit.
  if (t.lemma === "return" || v.ts[k + 1]?.lower === "back" || v.ts[k + 1]?.lower === "home") return false;
  for (let j = k + 1; j < v.ts.length && j <= k + 3; j++) {
    const w = v.ts[j].lower;
    // "flew to Pyongyang", "arrived in Pyongyang", "landed at the airport outside Pretoria".
    if (w === "to" || w === "into" || boundFor(v.ts, k, w) || ((t.lemma === "arrive" || t.lemma === "land") && (w === "in" || w === "at"))) {
      for (let i = j + 1; i < v.ts.length && i <= j + 3; i++) {
        const m = v.at[i];
        if (m) return m.type === "country" || m.type === "place" || m.type === "organization";
        if (!(v.ts[i].pos === "DET" || v.ts[i].pos === "ADJ")) return false;
      }
      return false;
    }
    if (!(v.ts[j].pos === "ADV" || v.ts[j].pos === "PART" || MOTION_PARTICLES.has(w))) return false;
  }
  return false;
}

const HERE_THERE = new Set(["here", "there"]);
const OBJECT_WORDS = new Set(["DET", "NUM", "ADJ", "NOUN"]);
const OBJECT_PERSONS = new Set(["him", "her", "them", "each", "one"]);
const PASSIVE_AUXILIARIES = new Set(["be", "get"]);

/**
 * "would get to see him", "Erdogan received Zelensky", "was received by Xi", "spoke with Putin", "spoke by phone",
 * "would wait there for Putin": a verb that names a meeting or a call only through whom it takes, when it takes a
 * person so (lexicon `frames`). Null otherwise: "see a deal", "received a letter", "spoke to reporters".
 */
export function frameType(v: RoleView, k: number): (TriggerInfo & { offer?: boolean }) | null {
  const t = v.ts[k];
  const f = FRAMES.get(t.pos === "VERB" ? t.lemma : t.lower.replace(/s$/, ""));
  if (!f) return null;
  const info = { type: f.type, cameo: f.cameo, offer: f.offer };
  if (f.destination && invitedPlace(v, k)) return info;
  if (t.pos !== "VERB") return null;
  const person = (i: number) => v.at[i]?.type === "person" || OBJECT_PERSONS.has(v.ts[i]?.lower ?? "");
  if (f.guest && guestOnly(v, k, person)) return info;
  if (f.passive) {
    let b = k - 1;
    while (b >= 0 && v.ts[b].pos === "ADV") b--;
    // "was received by Xi", "hopes to be received at the White House"; not "no message had been received from Pyongyang".
    const after = v.ts[k + 1]?.lower ?? "";
    const taker = (i: number) => v.at[i] && (after === "by" ? v.at[i]!.type === "person" : v.at[i]!.type === "country" || placeLike(v.at[i]!));
    const takes = (after === "by" || LOCATIVE.has(after)) && [k + 2, k + 3].some(taker);
    if (b >= 0 && PASSIVE_AUXILIARIES.has(v.ts[b].lemma) && /ed$/.test(t.lower) && takes) return info;
  }
  let j = k + 1;
  while (j < v.ts.length && j <= k + 3 && (v.ts[j].pos === "ADV" || v.ts[j].pos === "PART" || HERE_THERE.has(v.ts[j].lower)) && v.ts[j].lower !== "to") j++;
  const w = v.ts[j]?.lower ?? "";
  if (f.object && person(j + (v.ts[j]?.pos === "DET" ? 1 : 0))) return info;
  if (f.with?.includes(w)) {
    for (let i = j + 1; i < v.ts.length && i <= j + 3; i++) {
      if (person(i)) return info;
      if (!(v.ts[i].pos === "DET" || v.ts[i].pos === "ADJ" || v.ts[i].pos === "PROPN")) break;
    }
  }
  if (w === "by" && f.by?.includes(v.ts[j + 1]?.lower ?? "")) return info;
  if (f.leads || f.at) {
    // "heads the Russian delegation", "would represent Russia at the BRICS summit": within the verb's phrase.
    for (let i = k + 1; i < v.ts.length && i <= k + FRAME_REACH; i++) {
      const x = v.ts[i];
      if (x.lower === "," || STOPS.has(x.lower)) break;
      if (f.leads?.includes(x.lemma) && x.pos === "NOUN") return info;
      if (f.at?.includes(x.lower) && gatheringAfter(v, i)) return info;
    }
  }
  return null;
}

// How far after a frame verb the nouns and gatherings it takes may stand.
const FRAME_REACH = 6;

/**
 * "Kim invited Putin when they met", "Putin invited Xi during a video call": the verb's object is a person and no "to"
 * or "for" after it tells to what (a visit, talks, a gathering), so what is asked is the guest's visit.
 */
function guestOnly(v: RoleView, k: number, person: (i: number) => boolean): boolean {
  let j = k + 1;
  while (j < v.ts.length && v.ts[j].pos === "ADV") j++;
  if (!person(j)) return false;
  const end = v.at[j] ? phraseEnd(v, j) : j;
  const next = v.ts[end + 1]?.lower ?? "";
  return next !== "to" && next !== "for";
}

/** A gathering right after a preposition: a happening's noun ("at the summit") or a named one ("at BRICS"). */
function gatheringAfter(v: RoleView, at: number): boolean {
  for (let i = at + 1; i < v.ts.length && i <= at + 4; i++) {
    if (v.isEvent[i] && v.ts[i].pos !== "VERB") return true;
    if (v.at[i]?.type === "event") return true;
    if (!(v.ts[i].pos === "DET" || v.ts[i].pos === "ADJ" || v.ts[i].pos === "PROPN" || v.ts[i].pos === "NUM" || v.at[i])) break;
  }
  return false;
}

/** True when the trigger names a gathering ("the APEC summit", "the G20"): no meeting of anyone's in particular. */
export function isGathering(v: RoleView, k: number): boolean {
  const inside = v.at[k];
  if (inside && inside.type === "event" && !NAMED_MEETINGS.has(inside.entity)) return true;
  // "the 30th APEC Economic Leaders' Meeting", "the Valdai Discussion Club Forum": a capitalised happening after a
  // run of capitalised words, one of them a body or unknown name, names a gathering.
  if (k > 0 && /^[A-Z][a-z]/.test(v.ts[k].text)) {
    let j = k - 1;
    let bodies = 0;
    while (j >= 0 && (/^[A-Z]/.test(v.ts[j].text) || v.ts[j].text === "'" || v.ts[j].text === "’" || v.ts[j].text === "-")) {
      const m = v.at[j];
      if (m && (m.type === "organization" || m.type === "event" || m.entity.startsWith("local:"))) bodies++;
      j--;
    }
    if (j < k - 2 && bodies > 0 && j >= 0) return true;
  }
  // "the annual gathering of Asia-Pacific leaders", "a summit of Group of 20 leaders".
  if (v.ts[k].pos === "VERB" || v.ts[k + 1]?.lower !== "of") return false;
  for (let j = k + 2; j < v.ts.length && j <= k + 7; j++) {
    const t = v.ts[j];
    // "a meeting of the two leaders", "of the Russian and Ukrainian ministers", "of the foreign ministers of Russia and
    // Ukraine": members counted or named two by two are a pair.
    if (t.lower === "two" || t.lower === "both" || t.lower === "and") return false;
    if (GATHERING_MEMBERS.has(t.lower)) return v.ts[j + 1]?.lower !== "of";
    if (!(t.pos === "ADJ" || t.pos === "PROPN" || t.pos === "NUM" || t.pos === "DET" || t.pos === "NOUN" || t.lower === "-" || v.at[j])) return false;
  }
  return false;
}

/** Reads who takes part in the happening named at token k and where it takes place. */
export function readRoles(v: RoleView, k: number, type: string, attr: Attribution | null, matches: EntityMatch[]): Roles {
  const t = v.ts[k];
  const named = namedMeeting(t, matches);
  if (named) return { participants: [...named.participants], place: null };
  // "the APEC summit": a gathering whose members the sentence does not list.
  if (isGathering(v, k)) return { participants: [], place: null };
  const found = new Found();
  if (t.pos === "VERB") {
    subjectOf(v, k, found);
    const inviters = found.parties.length;
    complements(v, k, type, found, true);
    // "Kim invited Putin to North Korea": the visit asked for is the guest's to that country; "Kim invited Putin" with
    // no destination asks him to the host's own.
    const host = type === "visit" && !invitedPlace(v, k) ? found.parties.slice(0, inviters).map((p) => countryOf(p, v.date)).find((c): c is string => !!c) : undefined;
    const visited = INVITE.has(t.lemma) ? (invitedTo(v, k) ?? host ?? null) : null;
    if (visited) found.parties = [...found.parties.slice(inviters).filter((p) => p !== visited), visited];
    // "Beijing sent Li Qiang", "would stay home and send Lavrov": who sends stays home; the people sent take part.
    // "Lavrov would represent Russia": an envoy as subject takes part, the country represented does not.
    const people = (ps: string[]) => ps.filter((p) => p.startsWith("person:"));
    const sent = people(found.parties.slice(inviters)).length > 0 ? people(found.parties.slice(inviters)) : people(found.parties);
    if (PROXY.has(t.lemma) && sent.length > 0) return { participants: sent, place: found.place };
  } else {
    nounFrame(v, k, type, found);
  }
  const people = withExistentialSpeaker(v, k, attr, withPronounSubject(v, k, attr, matches, found.parties));
  const place = found.place ?? frontedPlace(v, k);
  const host = seatHolder(place, people, type, v.date);
  return { participants: host ? [...people, host] : people, place };
}

// How far before the trigger the "there" of "there were no plans" may stand.
const EXISTENTIAL_REACH = 8;

/**
 * "Putin said there were no plans for a meeting with Zelensky", "Araghchi said there would be no direct talks with
 * Washington": a happening told to be, or not to be, in the works, naming only whom it would be with, is the speaker's
 * own with them. A spokesperson speaks for another and is not added.
 */
function withExistentialSpeaker(v: RoleView, k: number, attr: Attribution | null, found: string[]): string[] {
  if (!attr || attr.content.start > v.ts[k].start) return found;
  const speaker = attr.chain.at(-1)?.entity;
  if (found.length === 0 || !speaker || !speaker.startsWith("person:") || found.includes(speaker) || voiceOf(speaker, v.date) !== speaker) return found;
  for (let j = k - 1; j >= 0 && k - j <= EXISTENTIAL_REACH; j--) {
    if (v.at[j] || STOPS.has(v.ts[j].lower) || v.ts[j].lower === ",") break;
    if (v.ts[j].lower === "there" && v.ts[j + 1]?.lemma === "be") return v.ts[j].start >= attr.content.start ? [speaker, ...found] : found;
  }
  return headsTold(v, k, attr) ? [speaker, ...found] : found;
}

const HEAD_WORDS = new Set(["DET", "ADJ", "NUM"]);
/**
 * "A meeting with Zelensky was possible in principle, Putin said", "Putin said that the summit with Trump had been
 * postponed": a happening that opens the clause told, naming only whom it is with, is told of by one who would hold it.
 */
function headsTold(v: RoleView, k: number, attr: Attribution): boolean {
  const { ts } = v;
  if (ts[k].pos !== "NOUN" || ts[k + 1]?.lower !== "with") return false;
  let j = k - 1;
  while (j >= 0 && HEAD_WORDS.has(ts[j].pos) && !v.at[j] && !POSSESSIVE.test(ts[j].lower) && ts[j].start >= attr.content.start) j--;
  return j < 0 || ts[j].end <= attr.content.start || ts[j].lower === "that";
}

/**
 * "Monday's White House talks with Zelensky", "met Lee in the Oval Office", "Herzog's visit to the White House": a
 * meeting held or a visit paid at the seat of an office, with guests from elsewhere named, is the officeholder's too.
 */
function seatHolder(place: string | null, people: string[], type: string, date: string | null): string | null {
  if (!(type === "meet" || type === "visit") || !place || !date) return null;
  const seat = entityById(place);
  if (!seat?.seatOf || !seat.country) return null;
  const country = `country:${seat.country}`;
  const persons = people.filter((p) => p.startsWith("person:"));
  if (persons.length === 0 || people.some((p) => p === country || countryOf(p, date) === country)) return null;
  return officeholder(seat.seatOf, seat.country, date)?.id ?? null;
}

const ATTENDING = new Map(Object.entries(LEX.attendingVerbs).map(([verb, words]) => [verb, new Set(words)]));

/**
 * "Xi Jinping will skip the G20 summit", "he would not go to the Group of 20 summit", "would stay away from the
 * Johannesburg summit": a named gathering held by a verb of attending or staying away is the subject's attendance of
 * it. Returns the attendee, or null.
 */
export function attendeeOf(v: RoleView, k: number): string | null {
  const { ts } = v;
  // Back over the gathering's own phrase: "the G20 leaders' summit", "the Johannesburg summit".
  let j = k - 1;
  while (j >= 0 && (NP_POS.has(ts[j].pos) || v.at[j] || ["'", "’", "'s", "’s", "-"].includes(ts[j].lower)) && !PERSON_PRONOUNS.has(ts[j].lower)) j--;
  // The words a verb takes its gathering through: "go to", "stay away from", "pull out of".
  const through: string[] = [];
  while (j >= 0 && through.length < 2 && (ts[j].pos === "ADP" || ts[j].pos === "PART" || ts[j].lower === "to" || ts[j].lower === "away" || ts[j].lower === "out" || ts[j].lower === "part")) through.unshift(ts[j--].lower);
  if (j < 0 || ts[j].pos !== "VERB") return null;
  const words = ATTENDING.get(ts[j].lemma);
  if (!words || (through.length === 0 ? !words.has("") : !through.every((w) => words.has(w)))) return null;
  const subject = new Found();
  subjectOf(v, j, subject);
  const people = subject.parties.filter((p) => p.startsWith("person:"));
  return people.length === 1 ? people[0] : null;
}

/**
 * "In Geneva, Biden and Putin met": a locative phrase that opens the sentence places the happening of its main clause,
 * the one named before any other verb follows the comma ("In Moscow, Peskov said a meeting was possible" places the
 * saying, not the meeting).
 */
function frontedPlace(v: RoleView, k: number): string | null {
  if (!LOCATIVE.has(v.ts[0]?.lower ?? "")) return null;
  const comma = v.ts.findIndex((t) => t.lower === ",");
  if (comma < 2 || comma >= k) return null;
  for (let j = comma + 1; j < k; j++) if (v.ts[j].pos === "VERB" || v.ts[j].pos === "AUX") return null;
  const m = matchesIn(v, 1, comma - 1).find((x) => placeLike(x) || x.type === "country");
  return m?.entity ?? null;
}

/** The names in the phrase after the "to" an invitation at k asks its guest to ("invited Putin to North Korea"), if any. */
function invitedWhere(v: RoleView, k: number): EntityMatch[] {
  for (let j = k + 1; j < v.ts.length && j - k <= REACH; j++) {
    if (STOPS.has(v.ts[j].lower)) return [];
    if (v.ts[j].lower !== "to" || v.ts[j + 1]?.pos === "VERB") continue;
    return matchesIn(v, j + 1, phraseEnd(v, j + 1));
  }
  return [];
}

/** The country (named as such, not by its capital) an invitation at k asks its guest to: "invited Putin to North Korea". */
function invitedTo(v: RoleView, k: number): string | null {
  const m = invitedWhere(v, k).find((x) => x.type === "country");
  return m && m.via !== "capital" && m.via !== "demonym" ? m.entity : null;
}

/** True when a country, city or venue is what an invitation at k asks to: "invited Netanyahu to the White House". */
function invitedPlace(v: RoleView, k: number): boolean {
  return invitedWhere(v, k).some((m) => m.type === "country" || placeLike(m));
}

/** What a frame has found so far: the parties in order and the first place. */
class Found {
  parties: string[] = [];
  place: string | null = null;
  party(m: EntityMatch): void {
    if (isName(m) && !GATHERING_BODIES.has(m.entity) && !this.parties.includes(m.entity)) this.parties.push(m.entity);
  }
  partyId(id: string): void {
    if (!this.parties.includes(id)) this.parties.push(id);
  }
  where(m: EntityMatch): void {
    if (this.place === null) this.place = m.entity;
  }
}

/**
 * The matches inside tokens [from, to], each once, but for those that only title a person after them; countries that
 * qualify a plural office ("the U.S. and Russian leaders") give the office's holders instead.
 */
function matchesIn(v: RoleView, from: number, to: number): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (let j = Math.max(0, from); j <= to && j < v.ts.length; j++) {
    const m = v.at[j];
    // "at 10 a.m. Washington time": a place that names a clock is neither where nor who.
    if (m && v.ts[j + m.last - v.ts[j].i]?.lower === "time") continue;
    if (m && !out.includes(m) && !titles(v, j, to)) out.push(m);
  }
  return out.length > 0 && out.every((m) => m.type === "country") ? (officeholders(v, from, to, out) ?? out) : out;
}

/** The plural office ("leaders", "foreign ministers") whose words start at token i, if any. */
function pluralRoleAt(v: RoleView, i: number): string | null {
  for (const [words, role] of PLURAL_ROLES) if (words.every((w, n) => v.ts[i + n]?.lower === w)) return role;
  return null;
}

/** The holders, on the article's date, of the plural office the countries in [from, to] qualify; null if none. */
function officeholders(v: RoleView, from: number, to: number, countries: EntityMatch[]): EntityMatch[] | null {
  if (!v.date) return null;
  const { ts } = v;
  let last = to;
  while (last >= from && !v.at[last]) last--;
  // "the U.S. and Russian leaders", "the two countries' presidents": the office follows its countries.
  let role: string | null = null;
  for (let i = last + 1; i < ts.length && i <= to + 1 && !role; i++) {
    role = pluralRoleAt(v, i);
    if (!(ts[i].lower === "'s" || ts[i].lower === "’s" || ts[i].lower === "'" || ts[i].pos === "ADJ" || ts[i].pos === "NUM")) break;
  }
  // "the leaders of France and Germany": the office comes before "of".
  if (!role && from >= 2 && ts[from - 1].lower === "of") for (let b = from - 2; b >= 0 && b >= from - 4 && !role; b--) role = pluralRoleAt(v, b);
  if (!role) return null;
  const out: EntityMatch[] = [];
  for (const c of countries) {
    const holder = officeholder(role, c.entity.slice("country:".length), v.date);
    if (!holder) return null;
    out.push({ ...c, entity: holder.id, name: holder.name, type: "person", via: "title" });
  }
  return out;
}

const TITLE_POS = new Set(["NOUN", "PROPN", "ADJ"]);

/**
 * "Russian Security Council secretary Nikolai Patrushev", "Ukraine's Rustem Umerov", "Trump envoy Steve Witkoff": a
 * name that qualifies the person named after it in the same phrase is the person's title, not a party of its own.
 */
function titles(v: RoleView, j: number, to: number): boolean {
  const m = v.at[j]!;
  let i = j;
  while (i <= to && v.at[i] === m) i++;
  let nouns = 0;
  for (; i <= to && i < v.ts.length; i++) {
    const n = v.at[i];
    if (n && n !== m) {
      if (n.type === "person") return m.type !== "person" || nouns > 0;
      continue;
    }
    const w = v.ts[i];
    if (w.lower === "'s" || w.lower === "’s") continue;
    if (!TITLE_POS.has(w.pos) || v.isEvent[i]) return false;
    if (w.pos === "NOUN") nouns++;
  }
  return false;
}

const NP_POS = new Set(["DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON"]);
const POSSESSIVE = /^(his|her|its|their|our|my|your)$/;

/** A dash joining words ("Trump-Kim", "U.S.-Russia"), not one set off by spaces ("SINGAPORE, June 6 - The summit"). */
function joiningDash(ts: Token[], i: number): boolean {
  const w = ts[i];
  if (w.lower !== "-" && w.lower !== "–") return false;
  return (i === 0 || ts[i - 1].end === w.start) && (i + 1 >= ts.length || ts[i + 1].start === w.end);
}

/** A word joined by dashes on both sides: the "to" of "face-to-face", the "on" of "one-on-one". */
function inWord(ts: Token[], i: number): boolean {
  return i > 0 && i + 1 < ts.length && joiningDash(ts, i - 1) && joiningDash(ts, i + 1);
}

/** End (inclusive) of the noun phrase starting at j, coordinations ("X, Y and Z", "X as well as Y") included. */
function phraseEnd(v: RoleView, j: number): number {
  const { ts } = v;
  let end = j - 1;
  let i = j;
  while (i < ts.length && i - j < REACH) {
    const w = ts[i];
    // An event noun heads the phrase and ends it: "a Budapest summit", "his trip" (to Asia belongs to the trip).
    if (v.isEvent[i] && w.pos === "NOUN" && !v.at[i]) {
      end = i;
      break;
    }
    if (NP_POS.has(w.pos) || v.at[i] || w.lower === "'s" || w.lower === "’s" || joiningDash(ts, i) || inWord(ts, i)) {
      if (w.pos === "PRON" && !/^(his|her|its|their|our|my|your)$/.test(w.lower) && i > j) break;
      end = i++;
      continue;
    }
    // "Trump and Xi", "Xi, Putin and Kim": a coordination goes on only when another name follows, and a comma only
    // inside a list that an "and" closes.
    if ((w.lower === "and" || w.lower === "&" || (w.lower === "," && listGoesOn(v, i + 1))) && i + 1 < ts.length && (NP_POS.has(ts[i + 1].pos) || v.at[i + 1]) && hasNameAhead(v, i + 1)) {
      i++;
      continue;
    }
    if (w.lower === "as" && ts[i + 1]?.lower === "well" && ts[i + 2]?.lower === "as") {
      i += 3;
      continue;
    }
    break;
  }
  return end;
}

/** True when an "and" or "or" closes the list that a comma at j - 1 continues. */
function listGoesOn(v: RoleView, j: number): boolean {
  for (let i = j; i < v.ts.length && i < j + 8; i++) {
    const w = v.ts[i];
    if (w.lower === "and" || w.lower === "or") return true;
    if (!(NP_POS.has(w.pos) || v.at[i] || w.lower === "," || w.lower === "'s" || w.lower === "’s")) return false;
  }
  return false;
}

function hasNameAhead(v: RoleView, j: number): boolean {
  for (let i = j; i < v.ts.length && i < j + 5; i++) {
    if (v.at[i]) return true;
    if (!NP_POS.has(v.ts[i].pos)) return false;
  }
  return false;
}

/** Start (inclusive) of the noun phrase ending at j. */
// "Sudan's then president": an adverb of time after a possessive dates the title, it leads to no happening.
const TIME_ADVERBS = new Set(["then", "now", "once", "still"]);
function phraseStart(v: RoleView, j: number): number {
  const { ts } = v;
  let start = j + 1;
  let i = j;
  while (i >= 0 && j - i < REACH) {
    const w = ts[i];
    if (i < j && v.isEvent[i] && w.pos === "NOUN" && !v.at[i]) break;
    // "their only summit", "Putin's only previous trip": an adverb between a determiner and the noun it leads to.
    // "his planned meeting", "the proposed summit": so is a participle the tagger took for a verb.
    const participle = w.pos === "VERB" && /[a-z](?:ed|en)$/.test(w.lower);
    // 'a "friendly state visit"': a quotation opening inside the phrase, after its determiner.
    // 'a "long and meaningful" phone call': the quotation's closing mark, and an "and" joining its adjectives.
    const quoted = QUOTE_MARKS.has(w.text) && i > 0 && i < j && (ts[i - 1].pos === "DET" || POSSESSIVE.test(ts[i - 1].lower));
    if (i > 0 && i < j && ((QUOTE_MARKS.has(w.text) && ts[i - 1].pos === "ADJ") || (w.lower === "and" && ts[i - 1].pos === "ADJ" && ts[i + 1]?.pos === "ADJ"))) {
      i--;
      continue;
    }
    const inner = (w.pos === "ADV" || participle || quoted) && i > 0 && (ts[i - 1].pos === "DET" || POSSESSIVE.test(ts[i - 1].lower) || ((ts[i - 1].lower === "'s" || ts[i - 1].lower === "’s") && !TIME_ADVERBS.has(w.lower)));
    if (NP_POS.has(w.pos) || inner || v.at[i] || w.lower === "'s" || w.lower === "’s" || joiningDash(ts, i) || inWord(ts, i)) {
      if (w.pos === "PRON" && i < j && !/^(his|her|its|their|our|my|your)$/.test(w.lower)) break;
      start = i--;
      // A determiner opens its phrase: "said on Friday that Biden will meet" does not run on into "Friday"; only a
      // coordination ("the U.S. and the Russian leaders") or a predeterminer ("all the") carries on past it.
      if (w.pos === "DET" && i >= 0 && !(ts[i].lower === "and" || ts[i].lower === "," || ts[i].lower === "&" || ts[i].pos === "DET")) break;
      continue;
    }
    // A comma joins only inside a list an "and" closes: "Xi, Putin and Kim", not "a meeting with Lee, Trump said".
    // Nor does it join a place to people: "talked in St. Peter's Basilica, Bessent and Svyrydenko signed".
    const mixed = w.lower === "," && !!v.at[i - 1] && !!v.at[i + 1] && placeLike(v.at[i - 1]!) !== placeLike(v.at[i + 1]!);
    const listed = !mixed && (w.lower !== "," || ts.slice(i + 1, j + 1).some((x) => x.lower === "and" || x.lower === "&"));
    if ((w.lower === "and" || w.lower === "," || w.lower === "&") && listed && i > 0 && (NP_POS.has(ts[i - 1].pos) || v.at[i - 1]) && (v.at[i - 1] || v.at[i + 1])) {
      i--;
      continue;
    }
    break;
  }
  return start;
}

/** The subject of the verb at k: left over auxiliaries, adverbs, control verbs and nouns ("has no plans to meet"). */
function subjectOf(v: RoleView, k: number, found: Found, depth = 0): void {
  const { ts } = v;
  if (depth > 4) return;
  let j = k - 1;
  // "will no longer travel": the "no" of "no longer" goes with the adverb, not with a noun.
  // "were to have met": a "have" or "be" the tagger took for a verb, before another verb, is an auxiliary.
  // "is getting ready to cross", "seemed keen to meet": a linking verb before its adjective is no subject's verb.
  const auxiliary = (t: Token, next: Token) =>
    t.pos === "AUX" || (t.pos === "VERB" && (t.lemma === "have" || t.lemma === "be") && !t.lower.endsWith("ing") && next.pos === "VERB") || (t.pos === "VERB" && LINKING.has(t.lemma) && next.pos === "ADJ");
  while (j >= 0 && (auxiliary(ts[j], ts[j + 1]) || ts[j].pos === "ADV" || ts[j].pos === "PART" || (ts[j].lower === "no" && ts[j + 1]?.lower === "longer")) && ts[j].lower !== "to") j--;
  if (j < 0) return;
  const w = ts[j];
  // "wants to meet", "agreed to meet", "plans to visit", "is ready to meet", "has no plans to meet".
  if (w.lower === "to") {
    let c = j - 1;
    if (c < 0) return;
    // "Putin had agreed, in his call with Trump, to meet Zelensky": an aside set off by commas before the infinitive.
    if (ts[c].lower === ",") {
      let open = c - 1;
      while (open >= 0 && c - open <= ASIDE_REACH && ts[open].lower !== "," && !STOPS.has(ts[open].lower)) open--;
      if (open > 0 && ts[open].lower === "," && ["VERB", "AUX", "ADJ"].includes(ts[open - 1].pos)) c = open - 1;
    }
    // "walked out to greet Xi", "went over to meet": a particle between the verb and its infinitive.
    if ((ts[c].pos === "ADP" || ts[c].pos === "PART" || ts[c].pos === "ADV") && c > 0 && ts[c - 1].pos === "VERB") c--;
    // "is prepared in principle to meet", "agreed in principle to sign": a two-word adverbial before the infinitive.
    else if (c >= 2 && ts[c].pos === "NOUN" && ts[c - 1].pos === "ADP" && !v.at[c] && (ts[c - 2].pos === "VERB" || ts[c - 2].pos === "ADJ" || ts[c - 2].pos === "AUX")) c -= 2;
    if (ts[c].pos === "VERB" || ts[c].pos === "AUX") return subjectOf(v, c, found, depth + 1);
    // "arrived in Beijing by train on Tuesday to attend the parade", "will travel to Beijing to attend": an infinitive
    // of purpose after a verb of going and its adjuncts shares the verb's subject.
    const going = goingVerbBefore(ts, c, j);
    if (going >= 0) return subjectOf(v, going, found, depth + 1);
    // "invited Putin to visit", "urged Kim to meet": the object of the verb before is the infinitive's subject.
    if (v.at[c]) {
      const start = phraseStart(v, c);
      for (const m of matchesIn(v, start, c)) if (!placeLike(m)) found.party(m);
      invitedToMeet(v, start - 1, k, found, depth);
      return;
    }
    // "Trump said Xi had invited him to visit China": an object pronoun stands for the person named before, never for
    // the verb's own subject.
    if (c > 0 && ts[c - 1].pos === "VERB" && PERSON_OBJECTS.has(ts[c].lower)) {
      const asker = new Found();
      subjectOf(v, c - 1, asker, depth + 1);
      const referent = lastPersonBefore(v, c, asker);
      if (referent) found.party(referent);
      invitedToMeet(v, c - 1, k, found, depth);
      return;
    }
    if (ts[c].pos === "ADJ" || CONTROL_ADJECTIVES.has(ts[c].lower)) return subjectOf(v, c, found, depth + 1);
    if (ts[c].pos === "NOUN" && CONTROL_NOUNS.has(ts[c].lower)) {
      // "Putin's plans to visit": the possessor; "has no plans to meet": the subject of the verb that has the plans.
      const start = phraseStart(v, c);
      const owners = matchesIn(v, start, c - 1).filter(isName);
      if (owners.length) return owners.forEach((m) => found.party(m));
      if (start > 0) return subjectOf(v, start - 1 >= 0 && (ts[start - 1].pos === "VERB" || ts[start - 1].pos === "AUX") ? start - 1 : start, found, depth + 1);
    }
    return;
  }
  // "talk Putin out of coming", "kept Zelensky from attending": the object before is the gerund's subject.
  const outOf = w.lower === "of" && ts[j - 1]?.lower === "out" ? j - 2 : w.lower === "from" ? j - 1 : -1;
  if (outOf > 0 && ts[k].lower.endsWith("ing") && v.at[outOf]) {
    const start = phraseStart(v, outOf);
    if (start > 0 && ts[start - 1].pos === "VERB") {
      for (const m of matchesIn(v, start, outOf)) if (!placeLike(m)) found.party(m);
      return;
    }
  }
  // "left Seoul without meeting Kim": a gerund adjunct shares the subject of the verb it hangs on.
  if (GERUND_ADJUNCT.has(w.lower) && ts[k].lower.endsWith("ing")) {
    for (let c = j - 1; c >= 0 && j - c <= REACH; c--) {
      if (STOPS.has(ts[c].lower) && ts[c].lower !== ",") return;
      if (ts[c].pos === "VERB") return subjectOf(v, c, found, depth + 1);
    }
    return;
  }
  // "had never ruled out meeting Zelensky", "avoided meeting him": a gerund after a verb shares the verb's subject.
  const catenative = (w.pos === "ADP" || w.pos === "PART") && ts[j - 1]?.pos === "VERB" && !!PARTY_VERB_PREPS.get(ts[j - 1].lemma)?.has(w.lower) ? j - 1 : j;
  if (ts[catenative].pos === "VERB" && ts[k].lower.endsWith("ing") && ts[k].pos === "VERB") return subjectOf(v, catenative, found, depth + 1);
  // "Trump, who met Kim three times, …": the phrase a relative clause hangs on.
  if (RELATIVE.has(w.lower) && (w.pos === "PRON" || w.pos === "DET" || w.pos === "SCONJ")) {
    const head = j > 0 && ts[j - 1].lower === "," ? j - 2 : j - 1;
    if (head >= 0 && v.at[head]) for (const m of matchesIn(v, phraseStart(v, head), head)) found.party(m);
    return;
  }
  // "he is expected to hold talks": a personal pronoun subject stands for the person the sentence named before it.
  if (w.pos === "PRON" && (w.lower === "he" || w.lower === "she")) {
    // "Trump stated he looked forward to …": the pronoun opening a verb's content is that verb's subject.
    // "told reporters he …": the cue's object may stand between the cue and its content.
    let cue = ts[j - 1]?.lower === "that" ? j - 2 : j - 1;
    if (cue > 0 && (ts[cue].pos === "NOUN" || ts[cue].pos === "PRON") && ts[cue - 1].pos === "VERB") cue--;
    if (cue >= 0 && ts[cue].pos === "VERB" && depth < 4) {
      const speaker = new Found();
      subjectOf(v, cue, speaker, depth + 1);
      const person = speaker.parties.find((p) => p.startsWith("person:"));
      if (person) return found.partyId(person);
    }
    const referent = firstPersonBefore(v, j);
    if (referent) found.party(referent);
    return;
  }
  // "would travel to Turkey and wait there for Putin": a verb coordinated to an earlier one shares its subject.
  // "met for less than two hours at … on Friday in their first direct talks since March 2022, and agreed": the
  // earlier verb's adjuncts may run long.
  // "hosted Zelensky at the White House on Monday, then broke off to phone Putin": so does one after ", then".
  if (((w.lower === "and" || w.lower === "but" || w.lower === "then") && w.pos === "CCONJ") || (w.lower === "," && ts[j + 1]?.lower === "then")) {
    for (let c = j - 1; c >= 0 && j - c <= 2 * REACH; c--) {
      // "has spoken to Putin several times since the invasion but has not spoken to Zelensky": a word of time that
      // opens a phrase, not a clause, stops nothing.
      if (STOPS.has(ts[c].lower) && !(TIME_WORDS.has(ts[c].lower) && PHRASE_OPENERS.has(ts[c + 1]?.pos ?? ""))) return;
      if (ts[c].pos === "VERB") return subjectOf(v, c, found, depth + 1);
    }
    return;
  }
  // "Jake Sullivan, Biden's national security adviser, met …": the phrase an apposition set off by commas stands beside.
  if (w.lower === "," && j > 0) return appositionSubject(v, j, found);
  if (!(NP_POS.has(w.pos) || v.at[j])) return;
  const start = phraseStart(v, j);
  // "that he and Putin hold a summit": a personal pronoun coordinated into the subject stands for its referent.
  if (start >= 2 && ts[start - 1].lower === "and" && ts[start - 2].pos === "PRON" && PERSON_PRONOUNS.has(ts[start - 2].lower)) {
    const referent = firstPersonBefore(v, start - 2);
    if (referent) found.party(referent);
  }
  // A phrase right after a preposition is its object, not the verb's subject ("In Beijing, Xi met Kim" reads the
  // comma first; "talks in Moscow ended" is not the subject "Moscow").
  const before = start > 0 ? ts[start - 1] : null;
  // "Negotiators from Russia and Ukraine sat across from each other": the countries that sent them take part.
  if (before && before.lower === "from" && start >= 2 && TEAMS_FROM.has(ts[start - 2].lower)) {
    for (const m of matchesIn(v, start, j)) if (m.type === "country") found.party(m);
    return;
  }
  if (before && before.pos === "ADP" && before.lower !== "of" && !STOPS.has(before.lower) && before.lower !== "whether") return;
  // "Russia proposed that its negotiators meet Ukraine's": "its" stands for the country or body named before it.
  if (ts[start].lower === "its" && matchesIn(v, start, j).length === 0) {
    for (let i = start - 1; i >= 0; i--) {
      const m = v.at[i];
      if (m && (m.type === "country" || m.type === "organization")) {
        found.party(m);
        break;
      }
    }
  }
  for (const m of matchesIn(v, start, j)) {
    // "Singapore will host the first meeting between …", "Vladivostok hosts the forum": a country or city that hosts
    // is where, its guests take part.
    if ((m.type === "country" || m.type === "place") && ts[k].lemma === "host") {
      found.where(m);
      continue;
    }
    // A subject is a party: a place or venue by name is not ("Istanbul will host"), but a body is ("the Kremlin").
    if (m.type === "place" || (m.entity.startsWith("local:") && placeLike(m))) continue;
    found.party(m);
  }
}

/**
 * "Biden invited Netanyahu to meet in the United States": who invites another to meet or talk is the one met; to visit,
 * the host, who takes no part by name.
 */
function invitedToMeet(v: RoleView, verb: number, k: number, found: Found, depth: number): void {
  const t = v.ts[verb];
  const kind = TRIGGERS.get(v.ts[k].lemma)?.type;
  if (!t || t.pos !== "VERB" || !INVITE.has(t.lemma) || (kind !== "meet" && kind !== "communicate" && kind !== "negotiate")) return;
  // "invited Netanyahu to meet him", "to talk with Xi": whom it names is met.
  const next = v.ts[k + 1];
  if (next && (PERSON_OBJECTS.has(next.lower) || next.lower === "with" || v.at[k + 1]?.type === "person")) return;
  subjectOf(v, verb, found, depth + 1);
}

/**
 * The subject of a verb right after a comma: "Jake Sullivan, Biden's national security adviser, met" takes the phrase
 * before the apposition; "The advisers of both countries, Jake Sullivan and Nikolai Patrushev, held talks" takes the
 * names the apposition gives when the phrase before it names only what they belong to.
 */
function appositionSubject(v: RoleView, comma: number, found: Found): void {
  const { ts } = v;
  let open = -1;
  for (let i = comma - 1; i >= 0 && comma - i <= REACH; i--) {
    if (ts[i].lower === ",") {
      open = i;
      break;
    }
    if (!(NP_POS.has(ts[i].pos) || v.at[i] || ts[i].lower === "'s" || ts[i].lower === "’s" || ts[i].lower === "and" || ts[i].pos === "ADP")) return;
  }
  if (open <= 0) return;
  const people = (from: number, to: number) => matchesIn(v, from, to).filter((m) => m.type === "person" && !possessed(v, m));
  const head = phraseStart(v, open - 1);
  const before = head > 0 ? ts[head - 1] : null;
  if (before && before.pos === "ADP" && !STOPS.has(before.lower) && before.lower !== "of") return;
  // The names an apposition gives open it ("…, Jake Sullivan and Nikolai Patrushev, held"); "…, such as a letter
  // from Trump to Kim, might" is an example, not the subject.
  // "26 heads of state, among them Putin and Kim, would attend", "…, including Putin and Kim, …": the names listed.
  const listing = ts[open + 1]?.lower === "including" ? open + 2 : ts[open + 1]?.lower === "among" && /^(?:them|whom)$/.test(ts[open + 2]?.lower ?? "") ? open + 3 : -1;
  const inner = v.at[open + 1]?.type === "person" ? people(open + 1, comma - 1) : listing > 0 ? people(listing, comma - 1) : [];
  const outer = people(head, open - 1);
  for (const m of outer.length > 0 ? outer : inner) found.party(m);
}

/** True when the match is a possessor ("Biden's adviser"): it qualifies a phrase rather than heading it. */
function possessed(v: RoleView, m: EntityMatch): boolean {
  for (let j = 0; j < v.ts.length; j++) if (v.at[j] === m && v.at[j + 1] !== m) return v.ts[j + 1]?.lower === "'s" || v.ts[j + 1]?.lower === "’s";
  return false;
}

/**
 * "In a phone call with X, Biden said", "After talks with Kuleba, Blinken told reporters": a happening named in a
 * prepositional phrase that opens the sentence is the main clause's subject's. Returns true when one was found.
 */
function frontedSubject(v: RoleView, s: number, k: number, found: Found): boolean {
  const { ts } = v;
  const p = s - 1;
  if (p < 0 || ts[p].pos !== "ADP" || !(p === 0 || ts[p - 1].lower === "-" || ts[p - 1].lower === "—" || ts[p - 1].lower === ",")) return false;
  // Only an opening adjunct: nothing before it is a clause of its own ("In August, after a meeting with Lee, Trump …").
  for (let i = 0; i < p; i++) if (ts[i].pos === "VERB" || ts[i].pos === "AUX") return false;
  // "On the Moscow trip, he said …": a phrase that tells what is spoken of is nobody's happening.
  if (TOPIC.has(ts[p].lower) && (ts[p].lower !== "on" || ts[s]?.lower === "the")) return false;
  let comma = -1;
  for (let i = k + 1; i < ts.length && i - k <= REACH + 6; i++) {
    if (ts[i].lower === ",") {
      comma = i;
      break;
    }
    if (ts[i].pos === "VERB" || ts[i].pos === "AUX") return false;
  }
  if (comma < 0 || comma + 1 >= ts.length) return false;
  const first = ts[comma + 1];
  if (first.pos === "PRON" && PERSON_PRONOUNS.has(first.lower)) {
    const referent = firstPersonBefore(v, 0);
    if (referent) found.party(referent);
    return !!referent;
  }
  const end = phraseEnd(v, comma + 1);
  let after = end + 1;
  while (ts[after]?.pos === "ADV") after++;
  const next = ts[after];
  if (end <= comma || !next || !(next.pos === "VERB" || next.pos === "AUX")) return false;
  let any = false;
  for (const m of matchesIn(v, comma + 1, end)) {
    if (placeLike(m) || m.type === "event") continue;
    found.party(m);
    any = true;
  }
  return any;
}

/** The verb whose object (or whose preposition's object) the noun phrase starting at s is, if any. */
function governingVerb(v: RoleView, s: number): number {
  const { ts } = v;
  let p = s - 1;
  if (p < 0) return -1;
  // "agreed to a meeting", "pushed for talks", "called off the summit", "pulled out of the talks".
  if (ts[p].pos === "ADP" || ts[p].pos === "PART" || ts[p].lower === "to") {
    const prep = ts[p].lower;
    let q = p - 1;
    if (q >= 0 && (ts[q].pos === "ADP" || ts[q].pos === "PART")) q--;
    // "asked repeatedly for", "asked again and again for": adverbs between the verb and its preposition.
    while (q >= 0 && (ts[q].pos === "ADV" || (ts[q].lower === "and" && ts[q - 1]?.pos === "ADV"))) q--;
    if (q >= 0 && ts[q].pos === "VERB" && (PARTY_VERB_PREPS.get(ts[q].lemma)?.has(prep) || PARTY_VERB_PREPS.get(ts[q].lemma)?.has(ts[q + 1]?.lower ?? ""))) return q;
    // "held three hours of talks", "after two rounds of negotiations": a measure of the happening stands between the
    // verb and it.
    if (prep === "of" && q >= 1 && ts[q].pos === "NOUN" && MEASURES.has(ts[q].lower)) {
      let o = q - 1;
      while (o >= 0 && (ts[o].pos === "NUM" || ts[o].pos === "DET" || ts[o].pos === "ADJ")) o--;
      if (o >= 0 && o < q - 1 && ts[o].pos === "VERB" && PARTY_VERBS.has(ts[o].lemma)) return o;
    }
    // "spent the weekend in talks", "spent two days in talks": a short object between the verb and its preposition.
    // "Biden left India without a meeting with Xi": whoever went without the happening is one who looked for it.
    for (let o = q, n = 0; o >= 0 && n < 4 && (OBJECT_WORDS.has(ts[o].pos) || (prep === "without" && ts[o].pos === "PROPN")); o--, n++) {
      if (o > 0 && ts[o - 1].pos === "VERB" && (PARTY_VERB_PREPS.get(ts[o - 1].lemma)?.has(prep) || prep === "without")) return o - 1;
    }
    if (prep === "without" && q >= 0 && ts[q].pos === "VERB") return q;
    return -1;
  }
  // "had \"a pretty long meeting scheduled\"": a quotation mark opening the object phrase.
  while (p >= 0 && (ts[p].pos === "ADV" || QUOTE_MARKS.has(ts[p].text))) p--;
  // "accepted in principle a meeting with Putin": a two-word adverbial between the verb and its object.
  if (p >= 2 && ts[p].pos === "NOUN" && ts[p - 1].pos === "ADP" && ts[p - 2].pos === "VERB" && !v.at[p]) return p - 2;
  // "he and Xi had a meeting planned": a "have" the tagger took for an auxiliary holds the noun phrase after it.
  return p >= 0 && (ts[p].pos === "VERB" || (ts[p].pos === "AUX" && ts[p].lemma === "have")) ? p : -1;
}

/** An event noun's frame: its possessor and name modifiers, its complements, and the subject of the verb holding it. */
function nounFrame(v: RoleView, k: number, type: string, found: Found): void {
  const { ts } = v;
  const s = k > 0 ? phraseStart(v, k - 1) : 0;
  // "his trip", "her visit": a possessive pronoun stands for the person the sentence named before it.
  for (let j = s; j < k; j++) {
    if (ts[j].lower !== "his" && ts[j].lower !== "her") continue;
    const referent = subjectBefore(v, j) ?? firstPersonBefore(v, j);
    if (referent) found.party(referent);
  }
  // Modifiers: "Putin's visit", "the Trump-Kim summit", "U.S.-Russia talks" take part; "a Budapest summit" is where.
  for (const m of matchesIn(v, s, k - 1)) {
    if (m.type === "event") continue;
    if (placeLike(m)) {
      // "a White House meeting with Lee": the seat of a government is where, not a party.
      found.where(m);
    } else found.party(m);
  }
  heldInRelative(v, k, found);
  const pair = complements(v, k, type, found, false);
  if (pair) return;
  // A ceasefire one side proposes is others': only a happening between parties has its proposer among them.
  if (HAPPENING_TYPES.has(type)) proposer(v, s, k, found);
  // "In a phone call with the Russian leader, Biden said …": a phrase fronted before the clause has its subject.
  if (frontedSubject(v, s, k, found)) return;
  const g = governingVerb(v, s);
  // A verb that takes the happening only through a particle holds it as its object only with that particle ("called
  // the summit off"), not when it judges it ("the ministry called the call constructive").
  const direct = g === s - 1 || !(ts[s - 1]?.pos === "ADP" || ts[s - 1]?.pos === "PART" || ts[s - 1]?.lower === "to");
  const particles = PARTY_VERB_PREPS.get(ts[g]?.lemma ?? "");
  const particleVerb = !!particles && (!direct || ts.slice(k + 1, k + 6).some((t) => particles.has(t.lower)));
  if (g >= 0 && (PARTY_VERBS.has(ts[g].lemma) || particleVerb || ts[s - 1]?.lower === "without")) {
    // "Peskov did not rule out a summit": a spokesperson in office speaks for another, and takes no part.
    const subject = new Found();
    subjectOf(v, g, subject);
    for (const p of subject.parties) if (voiceOf(p, v.date) === p) found.partyId(p);
    found.place ??= subject.place;
  } else {
    const m = motionFor(v, s);
    if (m >= 0) subjectOf(v, m, found);
    else adjunctHolder(v, s, type, found);
  }
  if (type === "visit" && found.parties.length === 0) visitLeft(v, k, found);
}

/**
 * "Xi Jinping left Moscow on Wednesday at the end of a three-day state visit", "Kim's train left Beijing …, ending a
 * visit": a visit that names no one, told beside its visitor's leaving a place, is the visitor's to that place's country.
 */
function visitLeft(v: RoleView, k: number, found: Found): void {
  const { ts } = v;
  for (let j = k - 1; j >= 0; j--) {
    if (ts[j].pos !== "VERB" || !DEPARTURE.has(ts[j].lemma)) continue;
    const left = matchesIn(v, j + 1, Math.min(ts.length - 1, j + 3)).find((m) => m.type === "country" || placeLike(m));
    const country = placeCountry(left?.entity ?? null);
    if (!country) return;
    const subject = new Found();
    subjectOf(v, j, subject);
    const people = subject.parties.filter((p) => p.startsWith("person:"));
    if (people.length !== 1 || countryOf(people[0], v.date) === country) return;
    found.partyId(people[0]);
    found.partyId(country);
    return;
  }
}

// The prepositions by which a noun of will or plan takes the happening it is about.
const PROPOSED_BY = new Set(["of", "for", "to"]);
/**
 * "Zelensky's offer of a three-way meeting with Putin and Trump": the one whose offer, plan or wish a meeting with
 * others is takes part in it. Without a companion named the happening may be others' ("Macron's proposal of a summit").
 */
function proposer(v: RoleView, s: number, k: number, found: Found): void {
  const { ts } = v;
  const c = s - 2;
  if (c < 0 || !PROPOSED_BY.has(ts[s - 1].lower) || ts[c].pos !== "NOUN" || !CONTROL_NOUNS.has(ts[c].lower)) return;
  if (!ts.slice(k + 1, k + 4).some((t) => COMPANION.has(t.lower)) || found.parties.length === 0) return;
  for (const m of matchesIn(v, phraseStart(v, c), c - 1)) if (isName(m) && !placeLike(m)) found.party(m);
}

/**
 * "Putin invited Xi during a video call", "floated a summit during a phone call with Putin": a call or meeting in which
 * the clause's act was done is held by the clause's subject and whom its verb reaches, when with the happening's own
 * parties they make two people (a spokesperson speaks for another and is left out).
 */
function adjunctHolder(v: RoleView, s: number, type: string, found: Found): void {
  const { ts } = v;
  if (!(type === "communicate" || type === "meet") || s < 2 || !HELD_IN.has(ts[s - 1].lower)) return;
  for (let g = s - 2; g >= 0 && s - g <= REACH; g--) {
    if (STOPS.has(ts[g].lower) || ts[g].lower === ",") return;
    if (ts[g].pos !== "VERB") continue;
    // The clause's subject and whom its verb reaches ("told Putin", "raised his concerns with him"), when they are two.
    const clause = new Found();
    subjectOf(v, g, clause);
    complements(v, g, type, clause, true);
    const own = new Set(found.parties);
    const people = [...new Set([...found.parties, ...clause.parties])].filter((p) => p.startsWith("person:") && voiceOf(p, v.date) === p);
    if (people.length >= 2) for (const p of people) if (!own.has(p)) found.partyId(p);
    return;
  }
}

/**
 * "the meeting he was due to hold with Lavrov", "the talks that Blinken had planned to have with Wang": a relative
 * clause whose verb holds the happening names its holder (a pronoun stands for the person named before) and whoever
 * it is held with.
 */
function heldInRelative(v: RoleView, k: number, found: Found): void {
  const { ts } = v;
  let j = k + 1;
  if (ts[j]?.lower === "that" || ts[j]?.lower === "which") j++;
  const subject = j;
  if (!(ts[j]?.pos === "PRON" || v.at[j])) return;
  while (v.at[j + 1] && v.at[j + 1] === v.at[j]) j++;
  let light = -1;
  for (let i = j + 1; i < ts.length && i - j <= 6; i++) {
    const w = ts[i];
    if (w.pos === "VERB" && LIGHT.has(w.lemma)) {
      light = i;
      break;
    }
    if (!(w.pos === "AUX" || w.pos === "VERB" || w.pos === "PART" || w.pos === "ADV" || w.pos === "ADJ" || w.lower === "to")) return;
  }
  if (light < 0 || ts[light + 1]?.lower !== "with") return;
  const holder = v.at[subject] ?? (/^(he|she)$/.test(ts[subject].lower) ? firstPersonBefore(v, subject) : null);
  if (!holder) return;
  const others = matchesIn(v, light + 2, phraseEnd(v, light + 2)).filter((m) => !placeLike(m));
  if (others.length === 0) return;
  found.party(holder);
  for (const m of others) found.party(m);
}

/**
 * "Xi arrived in San Francisco on Tuesday for a summit meeting with Biden": a happening that is the purpose of a verb
 * of going, after the verb's adjuncts, has the goer among its parties. Returns the verb's index, else -1.
 */
function motionFor(v: RoleView, s: number): number {
  const p = s - 1;
  return p >= 0 && v.ts[p].lower === "for" ? goingVerbBefore(v.ts, p - 1, p) : -1;
}

const ADJUNCT_POS = new Set(["ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV"]);

/**
 * The verb of going that a purpose at `to` ("for talks", "to attend") belongs to, walking back from `from` over the
 * verb's adjuncts ("arrived in Beijing by train on Tuesday"), up to PURPOSE_REACH tokens: its index, else -1.
 */
export function goingVerbBefore(ts: Token[], from: number, to: number): number {
  for (let b = from; b >= 0 && to - b <= PURPOSE_REACH; b--) {
    const x = ts[b];
    // "he would be in Turkey on Thursday to meet Putin": being somewhere for a purpose is going there for it.
    const beingThere = x.lemma === "be" && (ts[b + 1]?.lower === "in" || ts[b + 1]?.lower === "at");
    if (x.pos === "VERB" || x.pos === "AUX") return MOTION.has(x.lemma) || beingThere ? b : -1;
    if (!ADJUNCT_POS.has(x.pos)) return -1;
  }
  return -1;
}

/**
 * What follows the trigger: a verb's objects, the companions, pairs, agents and destinations of a happening, and its
 * place. Returns true when a pair ("between X and Y") names the parties outright.
 */
function complements(v: RoleView, k: number, type: string, found: Found, verb: boolean): boolean {
  const { ts } = v;
  let pair = false;
  // "a sit-down with Biden": a hyphenated trigger read as one word runs to its last part.
  let j = ts[k].lemma.includes("-") && ts[k + 1]?.lower === "-" ? k + 3 : k + 1;
  // "met with", "called off", "pulled out": a particle right after the verb belongs to it.
  // "sits down with", "met up with": a particle the tagger took for an adverb or a preposition, before a preposition.
  if (verb && j < ts.length && ((ts[j].pos === "PART" && ts[j].lower !== "to" && ts[j].lower !== "not") || (PARTICLES.has(ts[j].lower) && (ts[j + 1]?.pos === "ADP" || ts[j + 1]?.pos === "ADV")))) j++;
  let first = true;
  let afterEventObject = false;
  while (j < ts.length && j - k <= REACH) {
    const w = ts[j];
    const lower = w.lower;
    // "met Nikolai Patrushev, secretary of Russia's Security Council, in Geneva": an apposition after a person is passed.
    const closing = lower === "," && personBefore(v, j) ? appositionEnd(ts, j) : -1;
    if (closing > 0) {
      j = closing + 1;
      continue;
    }
    if (STOPS.has(lower)) break;
    if (lower === "to" && ts[j + 1]?.pos === "VERB") {
      // "refused to accept a letter from Trump": a verb's infinitive complement carries its objects along.
      if (!(verb && j === k + 1)) break;
      j += 2;
      continue;
    }
    // "met face to face in Geneva": a phrase of manner is passed over whole.
    const manner = MANNER.find((p) => p.every((x, i) => ts[j + i]?.lower === x));
    if (manner) {
      j += manner.length;
      continue;
    }
    const sideline = SIDELINES.find((p) => p.every((x, i) => ts[j + i]?.lower === x));
    if (sideline) {
      j = phraseEnd(v, j + sideline.length) + 1;
      first = false;
      continue;
    }
    // "will go on to Vietnam": a particle of going before the destination is passed over.
    if (verb && j === k + 1 && MOTION.has(ts[k].lemma) && MOTION_PARTICLES.has(lower) && (ts[j + 1]?.lower === "to" || boundFor(ts, k, ts[j + 1]?.lower ?? ""))) {
      j++;
      continue;
    }
    if (w.pos === "ADP" || lower === "to") {
      // A light verb ("hold talks with Xi") takes its happening's companions as its own.
      // "held talks in Geneva": where the happening is, is where the verb that holds it is.
      if (afterEventObject && LIGHT.has(ts[k].lemma) && LOCATIVE.has(lower) && lower !== "on") {
        const end = phraseEnd(v, j + 1);
        if (end <= j) break;
        for (const m of matchesIn(v, j + 1, end)) if (placeLike(m) || m.type === "country") found.where(m);
        j = end + 1;
        continue;
      }
      // "hold talks on Wednesday in California": a day between the happening and where it is held is passed over.
      if (afterEventObject && lower === "on" && isDayWord(ts[j + 1])) {
        j += 2;
        continue;
      }
      if (afterEventObject && !AGENT.has(lower) && !(LIGHT.has(ts[k].lemma) && (COMPANION.has(lower) || PAIR.has(lower)))) break;
      // "met for about three hours at …": an adverb opening a phrase of measure belongs to it.
      const end = phraseEnd(v, ts[j + 1]?.pos === "ADV" && ts[j + 2]?.pos === "NUM" ? j + 2 : j + 1);
      if (end <= j) break;
      const inPhrase = matchesIn(v, j + 1, end);
      const headsEvent = ts.slice(j + 1, end + 1).some((x, i) => v.isEvent[j + 1 + i] && x.pos === "NOUN" && !v.at[j + 1 + i]);
      const companion = COMPANION.has(lower) || (verb && j <= k + 2 && !!VERB_COMPANIONS.get(ts[k].lemma)?.has(lower));
      if (PAIR.has(lower) || companion || (lower === "of" && !verb && !headsEvent)) {
        for (const m of inPhrase) if (!placeLike(m) || m.via === "capital") found.party(m);
        // "invited Netanyahu to meet with him": a companion named by a pronoun is the person told of before.
        if (companion) objectPronoun(v, j + 1, end, k, found);
        if (PAIR.has(lower) && inPhrase.filter(isName).length >= 2) pair = true;
      } else if (AGENT.has(lower) && !headsEvent) {
        for (const m of inPhrase) if (!placeLike(m)) found.party(m);
      } else if (((DESTINATION.has(lower) && (DESTINATION_TYPES.has(type) || (verb && SOJOURN.has(ts[k].lemma)))) || boundFor(ts, k, lower)) && !headsEvent) {
        // "Putin's visit to North Korea": the country visited takes part; a city or region is where.
        // A capital names its country as the one visited after a noun ("Xi's visit to Moscow"), not after a verb of
        // motion, which tells where the goer went ("flew to Pyongyang").
        for (const m of inPhrase) {
          if (m.type === "country" && (m.via !== "capital" || !verb)) found.party(m);
          if (m.via === "capital" || (m.type !== "country" && placeLike(m))) found.where(m);
        }
      } else if (LOCATIVE.has(lower) && !headsEvent) {
        // "arrived in Russia", "his stay in Russia": the country a visitor is in is the one visited.
        const visiting = (DESTINATION_TYPES.has(type) || SOJOURN.has(ts[k].lemma) || lower === "into") && lower !== "at" && ts[k + 1]?.lower !== "away";
        for (const m of inPhrase) {
          if (visiting && m.type === "country" && m.via !== "capital" && m.via !== "demonym") found.party(m);
          else if (m.type !== "event" && m.type !== "person") found.where(m);
        }
      } else if (headsEvent) {
        break;
      }
      j = end + 1;
      first = false;
      continue;
    }
    // A verb's direct object: "met Kim", "visited Beijing", "hosted Lee at the White House"; the object of a light
    // verb is the happening itself ("held a Budapest summit"), whose modifiers say where.
    if (verb && first && (NP_POS.has(w.pos) || v.at[j])) {
      const end = phraseEnd(v, j);
      // "left Pyongyang": the place left is neither a party nor where the happening is.
      if (DEPARTURE.has(ts[k].lemma)) {
        j = end + 1;
        first = false;
        continue;
      }
      const eventObject = ts.slice(j, end + 1).some((x, i) => v.isEvent[j + i] && x.pos === "NOUN" && !v.at[j + i]);
      for (const m of matchesIn(v, j, end)) {
        if (m.type === "event") continue;
        if ((DESTINATION_TYPES.has(type) || eventObject) && placeLike(m) && (m.via !== "capital" || eventObject)) found.where(m);
        // "attend China's military parade": the country whose gathering is attended is where, not who attends.
        else if (eventObject && type === "attend" && m.type === "country") found.where(m);
        else found.party(m);
      }
      objectPronoun(v, j, end, k, found);
      // "discussed a meeting between X and Y": what follows the happening named as the object belongs to it, but
      // for whose it is ("refused a letter from Trump").
      afterEventObject = eventObject;
      j = end + 1;
      first = false;
      continue;
    }
    if (w.pos === "VERB" || w.pos === "AUX") {
      // "the meeting would be in San Francisco", "their only meeting so far was in Bali": where a happening named as
      // the subject is, the predicate says.
      if (!verb && w.pos === "AUX") predicatePlace(v, j, found);
      break;
    }
    j++;
    first = false;
  }
  return pair;
}

const isDayWord = (t: Token | undefined) => !!t && t.pos === "PROPN" && WEEKDAYS.has(key(t.text));

/** "… would be in San Francisco": the place the verb group of "be" starting at `j` puts its subject in. */
function predicatePlace(v: RoleView, j: number, found: Found): void {
  const { ts } = v;
  let i = j;
  let be = false;
  for (; i < ts.length && (ts[i].pos === "AUX" || ts[i].pos === "ADV" || ts[i].pos === "PART"); i++) {
    if (ts[i].lower === "not" || ts[i].lower === "n't" || ts[i].lower === "never") return;
    if (ts[i].lemma === "be") be = true;
  }
  if (!be || !(ts[i]?.lower === "in" || ts[i]?.lower === "at")) return;
  const end = phraseEnd(v, i + 1);
  for (const m of matchesIn(v, i + 1, end)) if (placeLike(m) || m.type === "country") return found.where(m);
}

// How long an apposition set off by commas after a person may be.
const APPOSITION_REACH = 10;

/** The token before j ends a person's name. */
function personBefore(v: RoleView, j: number): boolean {
  const m = v.at[j - 1];
  return !!m && m.type === "person" && m.last === v.ts[j].i;
}

/** The closing comma of an apposition opened at `comma` ("…, secretary of Russia's Security Council, …"), or -1. */
function appositionEnd(ts: Token[], comma: number): number {
  for (let i = comma + 1; i < ts.length && i - comma <= APPOSITION_REACH; i++) {
    if (ts[i].lower === ",") return i > comma + 1 ? i : -1;
    if (ts[i].pos === "VERB" || ts[i].pos === "AUX" || STOPS.has(ts[i].lower) || ts[i].lower === "and") return -1;
  }
  return -1;
}

/**
 * The first person the sentence names before token j: the subject, most often, that a "he" or a possessive stands
 * for; when the sentence names none before it, the first person of the nearest sentence before that names one.
 */
function firstPersonBefore(v: RoleView, j: number): EntityMatch | null {
  for (let i = 0; i < j; i++) {
    const m = v.at[i];
    if (m && m.type === "person") return m;
  }
  return v.prior.find((people) => people.length > 0)?.[0] ?? null;
}

/**
 * The nearest person named before token j as the subject of a verb: "Merz recalled that Trump had said after his
 * talks with Putin" reads "his" as Trump's, the subject of the clause it stands in, not the first person named.
 */
function subjectBefore(v: RoleView, j: number): EntityMatch | null {
  for (let i = j - 1; i >= 0; i--) {
    const m = v.at[i];
    if (!m || m.type !== "person" || (i + 1 < j && v.at[i + 1] === m)) continue;
    // "a summit with Putin held weeks later": a name after a preposition is its object, not a subject.
    let first = i;
    while (first > 0 && v.at[first - 1] === m) first--;
    if (first > 0 && v.ts[first - 1].pos === "ADP") continue;
    const next = v.ts[i + 1];
    if (next && (next.pos === "VERB" || next.pos === "AUX")) return m;
  }
  return null;
}

/**
 * The last person named before token j that is not already a party: "would love to meet him"; when the sentence names
 * none, the nearest earlier sentence's first person who is not a party ("I am going to get to see him," Biden said).
 */
function lastPersonBefore(v: RoleView, j: number, found: Found): EntityMatch | null {
  for (let i = j - 1; i >= 0; i--) {
    const m = v.at[i];
    if (m && m.type === "person" && !found.parties.includes(m.entity)) return m;
  }
  const own = new Set(v.at.filter((m): m is EntityMatch => m !== null && m.type === "person").map((m) => m.entity));
  for (const people of v.prior) {
    const other = people.find((m) => !found.parties.includes(m.entity) && !own.has(m.entity));
    if (other) return other;
  }
  return null;
}

/** "would love to meet him again": an object pronoun stands for the last person named before the trigger. */
function objectPronoun(v: RoleView, from: number, to: number, k: number, found: Found): void {
  for (let j = from; j <= to; j++) {
    const w = v.ts[j];
    if (w.pos !== "PRON" || (w.lower !== "him" && w.lower !== "her")) continue;
    const referent = lastPersonBefore(v, k, found);
    if (referent) found.party(referent);
  }
}

/**
 * "North Korea said it had tested a missile", "Trump said he would meet Kim": a pronoun subject of reported content
 * stands for the speaker, who then takes part; without an attribution, a "he" or "she" stands for the first person the
 * sentence names before it. A speaker is never a participant for speaking alone.
 */
function withPronounSubject(v: RoleView, k: number, attr: Attribution | null, matches: EntityMatch[], found: string[]): string[] {
  const { ts } = v;
  let j = k - 1;
  // Through auxiliaries and control ("he would like to meet", "she plans to visit").
  for (let hops = 0; j >= 0 && hops < 8; hops++) {
    const w = ts[j];
    if (w.pos === "PRON" && SPEAKER_PRONOUNS.has(w.lower)) break;
    if (w.pos === "AUX" || w.pos === "ADV" || w.pos === "PART" || w.lower === "to" || (w.pos === "VERB" && ts[j + 1]?.lower === "to") || CONTROL_ADJECTIVES.has(w.lower) || (w.pos === "NOUN" && CONTROL_NOUNS.has(w.lower)) || w.pos === "DET") {
      j--;
      continue;
    }
    return found;
  }
  if (j < 0 || !(ts[j].pos === "PRON" && SPEAKER_PRONOUNS.has(ts[j].lower))) return found;
  const pronoun = ts[j];
  // "they" in what the Elysee said are others, never the speaker ("… when they meet on Thursday, the Elysee said"); so
  // is "he" in the speaker's own words ("He can come back when he is ready", Trump wrote).
  const quotedOther = PERSON_PRONOUNS.has(pronoun.lower) && v.quoted[pronoun.i] === 1;
  if (attr && attr.content.start <= pronoun.start && pronoun.lower !== "they" && !quotedOther) {
    // The speaker is the deepest source: "Yonhap reported that Kim said he would …" has Kim saying it.
    const speaker = attr.chain[attr.chain.length - 1]?.entity;
    if (speaker && !found.includes(speaker) && !speaker.startsWith("outlet:")) return [speaker, ...found];
    return found;
  }
  if (!PERSON_PRONOUNS.has(pronoun.lower)) return found;
  const speaker = quotedOther ? attr?.chain.at(-1)?.entity : undefined;
  const referent = matches.find((m) => m.entity.startsWith("person:") && m.end <= pronoun.start && m.entity !== speaker);
  return referent && !found.includes(referent.entity) ? [referent.entity, ...found] : found;
}
