// Events: triggers, types, CAMEO codes, participants, time, condition and factuality.
import type { Attribution, EventMention, SourceRef, Span, Stance, TimeExpr } from "../domain/extraction.js";
import { dayRange } from "../domain/calendar.js";
import { retagged, sentenceAt, tokenAtOrAfter, type Doc, type Token } from "./01-tokens.js";
import type { EntityMatch, EntityReading } from "./02-entities.js";
import { readFactuality, type SentenceView } from "./events/factuality/index.js";
import { CONTEXT, EDITIONS, EVENT_NOUNS, FRAMES, GENERIC, LIGHT, NAMING, PERSUADING, NON_EVENT_NOUNS, NON_EVENT_VERBS, TALK_OF_NOUNS, PARTICIPANT_STOP, GOING_IDIOMS, GOING_TO_IDIOMS, GOING_VERBS, HAPPENING_TYPES, PAST_FORM_LEMMAS, PHRASAL, PLACE_HEADS, QUANTITY_PHRASES, SATISFIED_OBJECTS, SATISFYING_VERBS, ROLE_NOUNS, SUFFIX_RE, SUFFIX_STOP, TRIGGERS, LEX, type TriggerInfo } from "./events/lexicon.js";
import { followRecaps, readBackground } from "./events/background.js";
import { inheritStance, resolveArticleTopic, resolveAttendedDay, resolveCompanionPartner, resolveEventCoreference, resolveIncluded, resolveLeaderLevel, resolveOrdinalOwner, resolvePlural, resolveSentencePair, resolveSentenceParties, resolveSoleActor, resolveThreeWay, typeByKind } from "./events/coreference.js";
import { attendeeOf, frameType, isGathering, isVisitByMotion, namedMeeting, readRoles, roleView, type RoleView } from "./events/roles.js";
import { inHistoryCompound, readStanceOf, voiceOf } from "./events/stance.js";
import { countryOf, speaksFor, withoutRepresented } from "./entity-facts.js";
import { sourceOf } from "./events/source.js";
import { quotedTokens, type Presentation } from "./04-attributions.js";
import { namesNoOne } from "./attribution/presenters.js";
import { earlierTimes, futureReference, pastReference, placeTimes, sinceTimes, timeOf } from "./events/time.js";
import { editionOf, gatheringEdition, heldWhere, sinceStance, settleSentence } from "./events/settle.js";

/** Whether a token names an event: verbs other than copulas and prepositional participles, nouns from the event
 * lexicon (also as the head of a name: "Worldwide Developers Conference"), and nouns with an event suffix unless they
 * only qualify an office ("unification minister"). */
export function isEventToken(t: Token, next?: Token): boolean {
  if (t.pos === "VERB") {
    // "to have ordered": a perfect auxiliary the tagger took for a verb.
    if (t.lemma === "have" && next?.pos === "VERB") return false;
    return !NON_EVENT_VERBS.has(t.lemma) && !NON_EVENT_VERBS.has(t.lower) && /[a-z]/.test(t.lower);
  }
  if (t.pos === "PROPN") {
    if (next && (next.pos === "PROPN" || next.pos === "NOUN")) return false;
    // Only nouns that cannot be read as a verb or a month: "Conference", "Summit", "Show", not "States" or "March".
    return EVENT_NOUNS.has(t.lower) || EVENT_NOUNS.has(t.lower.replace(/s$/, ""));
  }
  if (t.pos === "NOUN") {
    if (NON_EVENT_NOUNS.has(t.lemma)) return false;
    // "Trump's talk of a meeting": speech about a happening, not one.
    if (TALK_OF_NOUNS.has(t.lower) && next?.lower === "of") return false;
    // "the nuclear test site", "a launch facility": the noun names a place, not a happening.
    if (next && PLACE_HEADS.has(next.lemma)) return false;
    if (TRIGGERS.has(t.lemma) || EVENT_NOUNS.has(t.lemma) || EVENT_NOUNS.has(t.lower)) return true;
    if (next && ROLE_NOUNS.has(next.lemma)) return false;
    return t.lemma.length > 5 && SUFFIX_RE.test(t.lemma) && !SUFFIX_STOP.has(t.lemma) && !SUFFIX_STOP.has(t.lower);
  }
  return false;
}

/**
 * "a negotiated settlement", "the long-awaited summit": a past participle between a determiner and its noun describes
 * the noun; the happening is the noun's, not a negotiation of its own.
 */
function attributiveParticiple(ts: Token[], k: number): boolean {
  const t = ts[k];
  if (t.pos !== "VERB" || !t.lower.endsWith("ed") || ts[k + 1]?.pos !== "NOUN") return false;
  const before = ts[k - 1]?.pos === "ADV" ? ts[k - 2] : ts[k - 1];
  return !!before && (before.pos === "DET" || POSSESSIVES.has(before.lower));
}

const SUBJECT_PRONOUNS = new Set(LEX.subjectPronouns);
const SUBORDINATORS = new Set(LEX.subordinators);
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const OBJECT_START = new Set(["DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"]);

/** Repairs the tagger's commonest slips around event words: gerunds after prepositions ("of firing two missiles"),
 * present-tense verbs after a name ("unless Washington lifts sanctions"), capitalised event nouns at sentence start. */
function retag(ts: Token[]): Token[] {
  return ts.map((t, k) => {
    const prev = ts[k - 1];
    const next = ts[k + 1];
    if (t.pos === "NOUN" && prev && next) {
      if (t.lower.endsWith("ing") && prev.pos === "ADP" && OBJECT_START.has(next.pos) && next.pos !== "ADJ")
        return retagged(t, "VERB", t.lemma.endsWith("ing") ? t.lemma.slice(0, -3) : t.lemma);
      const subject = prev.pos === "PROPN" || (prev.pos === "PRON" && SUBJECT_PRONOUNS.has(prev.lower));
      const before = ts[k - 2];
      const clauseStart = !before || before.pos === "SCONJ" || before.pos === "PUNCT" || before.pos === "CCONJ" || SUBORDINATORS.has(before.lower);
      if (t.lower.endsWith("s") && !t.lower.endsWith("ss") && subject && clauseStart && (OBJECT_START.has(next.pos) || next.lower === "to") && next.pos !== "PRON" && next.pos !== "ADJ")
        return retagged(t, "VERB");
    }
    // "we will have a summit": a "have" before its object is the verb, not an auxiliary of the perfect.
    if (t.pos === "AUX" && t.lemma === "have" && next && next.lower !== "no" && (next.pos === "DET" || next.pos === "NUM" || next.pos === "NOUN" || POSSESSIVES.has(next.lower))) return retagged(t, "VERB");
    // "the two shook hands", "Biden and Xi met": an irregular past form taken for a noun right after its subject.
    const past = PAST_FORM_LEMMAS.get(t.lower);
    // "Biden, Blinken and Sullivan all saw Wang": a quantifier floated after the subject may stand between them.
    const subjectEnd = prev && (prev.lower === "all" || prev.lower === "both") && ts[k - 2] && (ts[k - 2].pos === "PROPN" || ts[k - 2].pos === "PRON") ? ts[k - 2] : prev;
    if (past && t.pos === "NOUN" && subjectEnd && (subjectEnd.pos === "NUM" || subjectEnd.pos === "PROPN" || (subjectEnd.pos === "PRON" && SUBJECT_PRONOUNS.has(subjectEnd.lower)))) return retagged(t, "VERB", past);
    // "their only summit", "the first meeting": after a determiner, an event noun the tagger took for a verb.
    // "a sit-down": a hyphenated event noun split at its hyphen.
    const compound = next?.lower === "-" && ts[k + 2] ? TRIGGERS.has(`${t.lower}-${ts[k + 2].lower}`) : false;
    if (t.pos === "VERB" && prev && (EVENT_NOUNS.has(t.lower) || TRIGGERS.has(t.lower) || compound)) {
      const det = (x: Token | undefined) => !!x && (x.pos === "DET" || POSSESSIVES.has(x.lower));
      // "will no longer travel": "no longer" is an adverb of the verb, not a determiner and its adjective.
      if (det(prev) || ((prev.pos === "ADV" || prev.pos === "ADJ") && prev.lower !== "longer" && det(ts[k - 2]))) return retagged(t, "NOUN", compound ? `${t.lower}-${ts[k + 2].lower}` : t.lower);
      // "a face-to-face encounter", "their one-on-one meeting": after a hyphenated modifier led by a determiner.
      let j = k - 1;
      while (j >= 2 && ts[j - 1].lower === "-") j -= 2;
      if (j < k - 1 && det(ts[j - 1])) return retagged(t, "NOUN", t.lower);
    }
    // "…, the leader said, crowning his first visit": a participle after a comma, before its object.
    if (t.pos === "ADJ" && t.lower.endsWith("ing") && prev?.lower === "," && next && (next.pos === "DET" || POSSESSIVES.has(next.lower)))
      return retagged(t, "VERB", t.lemma.endsWith("ing") ? t.lemma.slice(0, -3) : t.lemma);
    if (t.pos === "PROPN" && k === 0) {
      const lemma = [t.lower, t.lower.replace(/s$/, ""), t.lower.replace(/es$/, "")].find((w) => TRIGGERS.has(w) || EVENT_NOUNS.has(w));
      if (lemma && !NON_EVENT_NOUNS.has(lemma)) return retagged(t, "NOUN", lemma);
    }
    return t;
  });
}

const VISIT: TriggerInfo = { type: "visit", cameo: "042" };
const ATTEND: TriggerInfo = { type: "attend", cameo: "042" };
// Happenings that may be gatherings someone attends ("the summit", "the talks").
const MEETINGS: ReadonlySet<string> = new Set(["meet", "negotiate"]);
// How far before a gathering's noun its name may stand ("the G20 leaders' summit").
const GATHERING_REACH = 8;

/**
 * The attendance of a named gathering that a meeting noun tells ("will skip the G20 summit"): the attendee, and where
 * it is — the place its phrase names, else its edition's city — or null when no one attends or it is no named gathering.
 */
function attendance(roles: RoleView, ts: Token[], k: number, gathering: boolean, named: string | null, dct: string | null): { participants: string[]; place: string | null } | null {
  const edition = ownGathering(roles.at, ts, k);
  const attendee = gathering || edition ? attendeeOf(roles, k) : null;
  if (!attendee) return null;
  return { participants: [attendee], place: heldWhere(ts, k, roles.at) ?? (edition ? editionOf(edition, dct)?.place ?? null : null) ?? named };
}

/** The gathering with editions named in the noun's own phrase ("the G20 leaders' summit"), if any. */
function ownGathering(at: (EntityMatch | null)[], ts: Token[], k: number): string | null {
  for (let j = k; j >= 0 && k - j <= GATHERING_REACH && (j === k || ts[j].pos !== "VERB"); j--) if (at[j] && EDITIONS.has(at[j]!.entity)) return at[j]!.entity;
  return null;
}

// How many tokens either side of an ambiguous trigger are read to tell its class.
const CONTEXT_REACH = 6;

/** Event class and CAMEO code of a trigger, looking at the nearby words for ambiguous ones. */
function classify(ts: Token[], k: number): TriggerInfo {
  const t = ts[k];
  if (satisfied(ts, k) || naming(ts, k) || persuading(ts, k)) return GENERIC;
  const lemma = t.pos === "PROPN" ? t.lower : t.lemma;
  const next = ts[k + 1]?.lower ?? "";
  const phrasal = PHRASAL.get(`${lemma} ${next}`);
  if (phrasal) return phrasal;
  for (const ctx of CONTEXT.get(lemma) ?? []) {
    // Wide enough to reach the head of a modified object: "fired several short-range ballistic missiles".
    for (let j = Math.max(0, k - CONTEXT_REACH); j <= Math.min(ts.length - 1, k + CONTEXT_REACH); j++) if (ctx.near.has(ts[j].lower)) return { type: ctx.type, cameo: ctx.cameo };
  }
  // "Putin will not make it to North Korea": making it to a place is getting there.
  if (t.pos === "VERB" && lemma === "make" && next === "it" && ts[k + 2]?.lower === "to") return VISIT;
  // "The premier will come", "Xi did not come": coming, outside its idioms ("came up", "come to terms"), is a visit.
  if (t.pos === "VERB" && GOING_VERBS.has(lemma) && !GOING_IDIOMS.has(next) && !(next === "to" && GOING_TO_IDIOMS.has(ts[k + 2]?.lower ?? ""))) return VISIT;
  const direct = TRIGGERS.get(lemma) ?? TRIGGERS.get(t.lower);
  if (direct && !(LIGHT.has(lemma) && t.pos === "VERB" && direct.type === "other")) return direct;
  // Light verbs take their class from the event noun they govern ("held talks", "conducted drills").
  if (t.pos === "VERB" && LIGHT.has(lemma)) {
    for (let j = k + 1, end = k + 5; j < Math.min(ts.length, end); j++) {
      const o = ts[j];
      // "held a long and meaningful phone call": adjectives joined by "and" stay in the phrase.
      if ((o.lower === "and" || o.lower === "or") && ts[j - 1].pos === "ADJ" && ts[j + 1]?.pos === "ADJ") {
        end += 2;
        continue;
      }
      if (o.pos === "VERB" || PARTICIPANT_STOP.has(o.lower)) break;
      const info = TRIGGERS.get(o.lemma);
      if (o.pos === "NOUN" && info) return info;
    }
  }
  return direct ?? GENERIC;
}

/** How many participants the mentions name in all: it grows only when a pass fills some in. */
const partiesNamed = (events: EventMention[]) => events.reduce((n, e) => n + e.participants.length, 0);

/** Reads the event mentions of a document in text order, with ids e1, e2, … */
export function readEvents(doc: Doc, entities: EntityReading, times: TimeExpr[], attributions: Attribution[], dct: string | null = null, presented: { presentations: Presentation[]; asides: Span[] } = { presentations: [], asides: [] }): EventMention[] {
  const out: EventMention[] = [];
  const cursor: SentenceCursor = {
    mi: 0,
    ti: 0,
    ai: 0,
    open: [],
    attrs: [...attributions].sort((a, b) => a.content.start - b.content.start),
    times: [...times].sort((a, b) => a.start - b.start),
    dct,
    partyPresented: new Set(),
    gatherings: new Set(),
    bare: new Set(),
    pastOnly: new Set(),
    shown: shownChains(entities),
    presented: presented.presentations,
    pi: 0,
    asides: presented.asides,
    quoted: quotedTokens(doc),
  };
  for (let s = 0; s < doc.sentences.length; s++) readSentenceEvents(doc, s, entities, cursor, out);
  followRecaps(doc, out, new Set(times.filter((t) => dayRange(t.value)).map((t) => sentenceAt(doc, t.start))));
  attachConditions(doc, out, attributions);
  const named = partiesBySentence(entities);
  const people = entities.matches.filter((m) => m.type === "person");
  resolvePlural(doc.text, out, people, dct);
  resolveOrdinalOwner(doc.text, out, entities.matches);
  resolveEventCoreference(doc.text, out, named, cursor.gatherings, dct);
  const afterFirst = partiesNamed(out);
  resolveArticleTopic(doc.text, out, named, cursor.gatherings, dct);
  resolveSentenceParties(out, named, cursor.gatherings);
  resolveSentencePair(doc.text, out, people, cursor.gatherings, dct);
  resolveCompanionPartner(doc.text, out, people);
  // "… after Wednesday's summit in Geneva. Officials said the summit would …": a mention the passes after the first
  // completed is an antecedent for those after it that are still short of parties; when none gained any, the second
  // round is not run.
  if (partiesNamed(out) !== afterFirst) {
    resolveEventCoreference(doc.text, out, named, cursor.gatherings, dct);
    resolveArticleTopic(doc.text, out, named, cursor.gatherings, dct);
  }
  resolveIncluded(doc.text, out, people);
  resolveThreeWay(doc.text, out, people);
  resolveAttendedDay(out);
  resolveSoleActor(out);
  resolveLeaderLevel(doc.text, out, dct);
  typeByKind(out);
  for (const e of out) e.participants = withoutRepresented(e.participants, dct);
  inheritStance(doc.text, out, cursor.bare, dct, cursor.pastOnly);
  for (const e of out) e.stance = conditionalStance(doc.text, e, cursor.partyPresented.has(e));
  out.forEach((e, i) => (e.id = `e${i + 1}`));
  return out;
}

// Where the sweep along the text stands: the next entity match, time and attribution to take up, and the attributions
// whose content is still open. The steps of the sweep are functions of their own so that each is optimised on its own.
interface SentenceCursor {
  /** 1 for each token inside quotation marks. */
  quoted: Uint8Array;
  mi: number;
  ti: number;
  ai: number;
  open: Attribution[];
  attrs: Attribution[];
  times: TimeExpr[];
  /** The document's date, against which stance and background tell past from future. */
  dct: string | null;
  /** Mentions presented by a party to their happening (or its government). */
  partyPresented: Set<EventMention>;
  /** Mentions that name a gathering ("the APEC summit"). */
  gatherings: Set<EventMention>;
  /** Definite mentions whose sentence tells no stance of their own ("the meeting"). */
  bare: Set<EventMention>;
  /** Mentions told held only by the past tense of the clause their noun stands in. */
  pastOnly: Set<EventMention>;
  /** The chain an event shows for an attribution: see `shownChains`. */
  shown: (chain: SourceRef[]) => SourceRef[];
  /** Stretches presented by a source outside any reported content, in sentence order, and the next to take up. */
  presented: Presentation[];
  pi: number;
  /** The author's asides inside reported content, in text order. */
  asides: Span[];
}

// The event mentions of sentence `s`, appended to `out` (their ids are given later).
function readSentenceEvents(doc: Doc, s: number, entities: EntityReading, c: SentenceCursor, out: EventMention[]): void {
  const partyPresented = c.partyPresented;
  const sent = doc.sentences[s];
  const ts = retag(doc.tokens.slice(sent.first, sent.last).filter((t) => t.pos !== "SPACE"));
  if (ts.length === 0) return;
  const inSentence = (sp: Span) => sp.start < sent.end && sp.end > sent.start;
  while (c.mi < entities.matches.length && entities.matches[c.mi].end <= sent.start) c.mi++;
  const matches: EntityMatch[] = [];
  for (let m = c.mi; m < entities.matches.length && entities.matches[m].start < sent.end; m++) matches.push(entities.matches[m]);
  while (c.ti < c.times.length && c.times[c.ti].end <= sent.start) c.ti++;
  const sentTimes: TimeExpr[] = [];
  for (let m = c.ti; m < c.times.length && c.times[m].start < sent.end; m++) if (inSentence(c.times[m])) sentTimes.push(c.times[m]);
  // Attribution contents can span sentences; the open ones are kept in a small window swept along the text.
  while (c.ai < c.attrs.length && c.attrs[c.ai].content.start < sent.end) c.open.push(c.attrs[c.ai++]);
  for (let m = c.open.length - 1; m >= 0; m--) if (c.open[m].content.end <= sent.start && c.open[m].sentence < s) c.open.splice(m, 1);
  const sentAttrs = c.open.filter((a) => inSentence(a.content) || a.sentence === s);
  while (c.pi < c.presented.length && c.presented[c.pi].sentence < s) c.pi++;
  const sentPresented: Presentation[] = [];
  for (let m = c.pi; m < c.presented.length && c.presented[m].sentence === s; m++) sentPresented.push(c.presented[m]);
  const attributed = ts.map((t) => sentAttrs.some((a) => a.content.start <= t.start && a.content.end >= t.end));
  // "Lavrov will be in Johannesburg next week": a person being in a place is there on a visit.
  const present = presentIn(ts, matches);
  for (const k of present) ts[k] = retagged(ts[k], "VERB");
  // "spoke by phone": the means a frame verb takes is part of its happening, not one of its own.
  // "The Associated Press reports": a word inside an outlet's or a body's name is no happening.
  const inBodyName = (t: Token) => matches.some((m) => (m.type === "outlet" || m.type === "organization") && m.start <= t.start && m.end >= t.end && m.end - m.start > t.end - t.start);
  const isEvent = ts.map((t, k) => present.has(k) || isEventToken(t, ts[k + 1]) && !inBodyName(t) && !byMeans(ts, k) && !inQuantity(ts, k) && !(t.pos === "VERB" && inHistoryCompound(ts, k)) && !attributiveParticiple(ts, k));
  const view: SentenceView = { ts, isEvent, attributed };
  const positions: number[] = [];
  for (let k = 0; k < ts.length; k++) if (isEvent[k]) positions.push(k);
  if (positions.length === 0) return;
  const readings = readFactuality(view, positions);
  const placed = placeTimes(ts, sentTimes, sentAttrs);
  const roles = roleView(ts, matches, isEvent, priorPeople(entities.matches, c.mi, s), c.dct, c.quoted);
  const named = roles.at.map((m) => m !== null);
  const factualityAt = (j: number) => readings[positions.indexOf(j)]?.value;
  // "since their summit in Helsinki": a noun naming a meeting, a call or a visit.
  const meetingAt = (j: number) => isEvent[j] && ts[j].pos === "NOUN" && HAPPENING_TYPES.has(classify(ts, j).type);
  const entityAt = (j: number) => roles.at[j]?.entity ?? null;
  positions.forEach((k, r) => {
    const t = ts[k];
    const classified = classify(ts, k);
    const info: TriggerInfo & { offer?: boolean } = classified.type !== "other" ? classified : isVisitByMotion(roles, k) || present.has(k) ? VISIT : (frameType(roles, k) ?? classified);
    const attr = sourceOf(t.start, t.end, sentAttrs);
    const source: SourceRef[] = attr ? attr.chain.map((c) => ({ text: c.text, entity: c.entity })) : [];
    const aside = c.asides.some((a) => a.start <= t.start && a.end >= t.end && attr !== null && attr.content.start < a.start);
    const shownSource = chainOf(aside ? null : attr, t.start, t.end, sentPresented, c.shown);
    const roleRead = readRoles(roles, k, info.type, attr, matches);
    const gathering = isGathering(roles, k);
    // "Xi will skip the G20 summit": a named gathering someone attends or stays away from is their attendance of it.
    const attended = roleRead.participants.length === 0 && MEETINGS.has(info.type) ? attendance(roles, ts, k, gathering, roleRead.place, c.dct) : null;
    const { participants, place: ownPlace } = attended ?? roleRead;
    const kind = attended ? ATTEND : info;
    const hostsOnly = t.lemma === "host" && t.pos === "VERB" && participants.length === 0 && ownPlace !== null;
    const cond = readings[r].condition;
    let condition: Span | null = null;
    if (cond) {
      const a = ts[Math.max(0, cond[0])];
      const b = ts[Math.min(ts.length, cond[1]) - 1];
      if (a && b && b.end > a.start) condition = { start: a.start, end: b.end };
    }
    const factuality = readings[r].value;
    let unplaced: string | null | undefined;
    const undated = () => (unplaced === undefined ? (unplaced = namedMeeting(t, matches)?.date ?? futureReference(ts, k) ?? pastReference(ts, k)) : unplaced);
    const ownTime = timeOf(ts, k, placed, attr);
    // A gathering's edition is read only for what the sentence leaves open; "at APEC" names the gathering, not where
    // it is: its edition's city is.
    const placeOpen = !ownPlace || EDITIONS.has(ownPlace);
    const atGathering = placeOpen || ownTime === null ? gatheringEdition(doc.text, t, matches, c.dct) : null;
    const place = (placeOpen ? atGathering?.place : null) ?? ownPlace;
    const time = ownTime ?? atGathering?.time ?? undated();
    const byParty = speaksFor(source.at(-1), participants, c.dct);
    const isParty = (id: string) => participants.includes(id) || partyByCountry(id, participants, c.dct);
    const read = readStanceOf({ ts, k, factuality, time, dct: c.dct, placed: place !== null, byParty, voice: voiceOf(source), named, reported: attr !== null, cue: attr?.cue.text ?? null, factualityAt, entityAt, isParty, hasParties: participants.length > 0, type: info.type });
    // "will wait there for Putin": one who only offers the happening wants it, however firmly they put their part.
    const told = info.offer === true && (read.stance === "scheduled" || read.stance === "discussed") ? "wanted" : read.stance;
    const stance = sinceStance(ts, k, sentTimes, matches, meetingAt, c.dct) ?? told;
    out.push({
      id: "",
      sentence: s,
      trigger: { start: t.start, end: t.end, text: t.text },
      // "the summit that South Africa will host": a place that hosts names where, and no visit of its own.
      type: hostsOnly ? "other" : kind.type,
      cameo: hostsOnly ? null : kind.cameo,
      participants,
      factuality,
      source: shownSource,
      time,
      condition,
      stance,
      background: readBackground({ ts, k, time: timeOf(ts, k, placed, attr, true) ?? undated(), dct: c.dct, stance: told, earlier: earlierTimes(ts, k, placed), since: sinceTimes(ts, k, placed) }),
      place,
    });
    if (byParty) partyPresented.add(out[out.length - 1]);
    if (gathering) c.gatherings.add(out[out.length - 1]);
    if (read.bare) c.bare.add(out[out.length - 1]);
    if (read.pastOnly) c.pastOnly.add(out[out.length - 1]);
  });
  settleSentence(out, ts, out.length - positions.length, positions, roles.at);
}

/**
 * The positions of "be" that put a person in a place: "Lavrov will be in Johannesburg", "he was in Cape Town", "Putin
 * has been to North Korea". The person (or "he"/"she") stands just before the verb group; the place or country just
 * after "in" (or the "to" of "been to").
 */
function presentIn(ts: Token[], matches: EntityMatch[]): Set<number> {
  const out = new Set<number>();
  const at = (i: number) => matches.find((m) => m.start === ts[i]?.start);
  for (let k = 1; k + 2 < ts.length; k++) {
    // "Putin has been to North Korea only once": been to a place is to have visited it.
    if (ts[k].lemma !== "be" || !(ts[k + 1].lower === "in" || (ts[k + 1].lower === "to" && ts[k].lower === "been"))) continue;
    const where = at(ts[k + 2].lower === "the" ? k + 3 : k + 2);
    if (!where || !(where.type === "place" || where.type === "country")) continue;
    let j = k - 1;
    while (j >= 0 && (ts[j].pos === "AUX" || ts[j].pos === "ADV" || ts[j].pos === "PART")) j--;
    const who = j >= 0 ? matches.find((m) => m.end === ts[j].end) : undefined;
    if (who?.type === "person" || (j >= 0 && (ts[j].lower === "he" || ts[j].lower === "she"))) out.add(k);
  }
  return out;
}

/** The token stands inside a phrase of quantity ("a good deal of history"). */
function inQuantity(ts: Token[], k: number): boolean {
  return QUANTITY_PHRASES.some((words) => {
    const at = words.indexOf(ts[k].lower);
    return at >= 0 && words.every((w, i) => ts[k - at + i]?.lower === w);
  });
}

const OBJECT_POS: ReadonlySet<string> = new Set(["DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"]);

/**
 * "called on Moscow to de-escalate", "called the conversation very informative", "called Putin a killer", "what the
 * White House called its commitment": a verb of calling that asks, judges or names (lexicon `naming`) is no call.
 */
function naming(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "VERB" || !NAMING.verbs.has(ts[k].lemma)) return false;
  // "called on Moscow to de-escalate", "called for talks"; "called on Xi" with no errand after it is a visit paid.
  const next = ts[k + 1]?.lower ?? "";
  if (next === "for") return true;
  if (NAMING.prepositions.has(next)) return errandAfter(ts, k + 2);
  // "what the White House called …": its object is the "what" before its subject.
  for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
    if (ts[j].lower === "what") return true;
    if (!OBJECT_POS.has(ts[j].pos) && ts[j].pos !== "AUX") break;
  }
  // An object, then a description of it: an adjective, an adverb before one, a quotation, or "a"/"an" not opening a span of time.
  let j = k + 1;
  if (!OBJECT_POS.has(ts[j]?.pos ?? "")) return false;
  const start = j;
  while (j < ts.length && (OBJECT_POS.has(ts[j].pos) || ts[j].lower === "'s" || ts[j].lower === "’s") && !(j > start && (ts[j].lower === "a" || ts[j].lower === "an"))) j++;
  const after = ts[j];
  if (!after || j === start) return false;
  if (after.lower === "a" || after.lower === "an") return !NAMING.spans.has(ts[j + 1]?.lower ?? "");
  return (after.pos === "ADV" && ts[j + 1]?.pos === "ADJ") || after.text === '"' || after.text === "“";
}

// How many words the one talked round may take ("talk the Russian president out of coming").
const PERSUADED_REACH = 6;
/** "talk Putin out of coming", "talked him into staying": a verb of talking that persuades (lexicon `persuading`) is no talk. */
function persuading(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "VERB" || !PERSUADING.verbs.has(ts[k].lemma)) return false;
  for (let j = k + 1; j < ts.length && j <= k + PERSUADED_REACH; j++) {
    const particle = PERSUADING.particles.find((words) => words.every((w, i) => ts[j + i]?.lower === w));
    if (particle) return j > k + 1 && (ts[j + particle.length]?.lower.endsWith("ing") ?? false);
    if (!OBJECT_POS.has(ts[j].pos) && ts[j].lower !== "'s" && ts[j].lower !== "’s") return false;
  }
  return false;
}

// How far after "called on" its errand ("to de-escalate") may begin.
const ERRAND_REACH = 7;
/** "… Moscow to de-escalate": a "to" within reach that opens a verb (the tagger may take "de-escalate" for a noun). */
function errandAfter(ts: Token[], from: number): boolean {
  for (let j = from; j < ts.length - 1 && j < from + ERRAND_REACH; j++) {
    const v = ts[j + 1];
    if (ts[j].lower === "to" && (v.pos === "VERB" || (!["DET", "PROPN", "NUM"].includes(v.pos) && /^[a-z]/.test(v.text)))) return true;
  }
  return false;
}

/** "The conditions had to be met", "met the deadline": a verb of meeting that satisfies something is no meeting. */
function satisfied(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "VERB" || !SATISFYING_VERBS.has(ts[k].lemma)) return false;
  // Its object: "met the deadline", "meet their demands".
  for (let j = k + 1; j < ts.length && j <= k + 4; j++) {
    if (SATISFIED_OBJECTS.has(ts[j].lower)) return true;
    if (!(ts[j].pos === "DET" || ts[j].pos === "ADJ" || ts[j].pos === "PRON" || ts[j].pos === "NUM")) break;
  }
  // Its passive subject: "the conditions had to be met", "demands were not met".
  let j = k - 1;
  while (j >= 0 && (ts[j].pos === "AUX" || ts[j].pos === "PART" || ts[j].pos === "ADV" || ts[j].lower === "to" || ts[j].lemma === "be" || ts[j].lemma === "have")) j--;
  return j < k - 1 && j >= 0 && SATISFIED_OBJECTS.has(ts[j].lower);
}

/**
 * A source stays as written; one written as a pronoun or a description ("he", "the newspaper", "the U.S. president")
 * carries beside it the name of the entity it was resolved to, which the ledger shows. Whether the phrase names the
 * entity is told by a mention of that entity inside the phrase.
 */
function shownChains(entities: EntityReading): (chain: SourceRef[]) => SourceRef[] {
  const names = new Map(entities.entities.map((e) => [e.id, e.name]));
  const matches = entities.matches;
  // A mention names its entity when it shares a word of the entity's name ("Peskov"), not when it is a title or a
  // short form that was resolved to it ("the U.S. president", "the AP").
  const nameWords = (id: string) => new Set((names.get(id) ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
  const mentionedIn = (id: string, start: number, end: number): boolean => {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (matches[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    let words: Set<string> | null = null;
    for (let i = lo; i < matches.length && matches[i].start < end; i++) {
      if (matches[i].entity !== id) continue;
      words ??= nameWords(id);
      if (matches[i].text.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words!.has(w))) return true;
    }
    return false;
  };
  const memo = new WeakMap<SourceRef[], SourceRef[]>();
  return (chain) => {
    let out = memo.get(chain);
    if (out) return out;
    out = chain.map((c) => {
      const at = c as SourceRef & { start?: number; end?: number };
      const name = c.entity ? names.get(c.entity) : undefined;
      if (!name || at.start === undefined || at.end === undefined || mentionedIn(c.entity!, at.start, at.end)) return { text: c.text, entity: c.entity };
      // a country is named by its capital, demonym or short form ("Washington", "U.S. officials")
      if (c.entity!.startsWith("country:") && !PRONOUN_SOURCE.test(c.text)) return { text: c.text, entity: c.entity };
      return { text: c.text, entity: c.entity, name };
    });
    memo.set(chain, out);
    return out;
  };
}

/**
 * The sources an event shows: those of the innermost attribution holding it, none when that attribution's source names
 * no one ("neither government has confirmed a meeting"); outside any attribution, those of the narrowest presented
 * stretch holding it ("Beijing has not said whether Xi will make the trip").
 */
function chainOf(attr: Attribution | null, start: number, end: number, presented: Presentation[], shown: (chain: SourceRef[]) => SourceRef[]): SourceRef[] {
  if (attr) return namesNoOne(attr.chain[0]?.text ?? "") ? [] : shown(attr.chain);
  let best: Presentation | null = null;
  for (const p of presented) {
    if (p.span.start > start || p.span.end < end) continue;
    if (!best || p.span.end - p.span.start < best.span.end - best.span.start) best = p;
  }
  return best ? shown(best.chain) : [];
}

const PRONOUN_SOURCE = /^(?:he|she|it|they|him|her|them|we|i)$/i;

// How many sentences back a pronoun looks for the person it stands for.
const PRONOUN_SENTENCES = 2;

/** The people named in the few sentences before sentence s (whose first match is at index mi), nearest first. */
function priorPeople(matches: EntityMatch[], mi: number, s: number): EntityMatch[][] {
  const out: EntityMatch[][] = [];
  for (let i = mi - 1; i >= 0; i--) {
    const m = matches[i];
    const back = s - m.sentence;
    if (back > PRONOUN_SENTENCES) break;
    if (m.type !== "person") continue;
    while (out.length < back) out.push([]);
    out[back - 1].unshift(m);
  }
  return out;
}

/** The people and countries each sentence names. */
function partiesBySentence(entities: EntityReading): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const m of entities.matches) {
    if (m.type !== "person" && m.type !== "country") continue;
    const set = out.get(m.sentence);
    if (set) set.add(m.entity);
    else out.set(m.sentence, new Set([m.entity]));
  }
  return out;
}

/** An entity stands for a party when it is the government of a person taking part ("Washington", "the Kremlin"). */
function partyByCountry(id: string, participants: string[], date: string | null): boolean {
  const c = countryOf(id, date);
  return c !== null && participants.some((p) => countryOf(p, date) === c);
}

/** A happening that would take place only on a condition is offered by a party to it, else only possible. */
function conditionalStance(text: string, e: EventMention, byParty: boolean): Stance {
  if (!e.condition || !(e.stance === "scheduled" || e.stance === "occurred" || e.stance === "unknown")) return e.stance;
  // "the meeting, pencilled in for later this week, was still the plan - unless Russia invades": a plan that holds
  // save for what would undo it is still set.
  if (e.stance === "scheduled" && /^\W*unless\b/i.test(text.slice(e.condition.start, e.condition.end))) return e.stance;
  // "If it happens, the trip would be his first since his July 2000 trip": what is recalled is no condition's.
  if (e.background && e.stance === "occurred") return e.stance;
  return byParty ? "wanted" : "discussed";
}

// A condition clause governs the clause it attaches to: after a fronted condition, the events up to the next clause
// break; after a trailing one, the nearest preceding predicate and what lies between it and the condition.
function attachConditions(doc: Doc, out: EventMention[], attributions: Attribution[]): void {
  const cueTokens = new Set<number>();
  for (const a of attributions) for (let t = tokenAtOrAfter(doc, a.cue.start); t < doc.tokens.length && doc.tokens[t].start < a.cue.end; t++) cueTokens.add(doc.tokens[t].start);
  const bySentence = new Map<number, EventMention[]>();
  for (const e of out) {
    const list = bySentence.get(e.sentence);
    if (list) list.push(e);
    else bySentence.set(e.sentence, [e]);
  }
  for (const [s, evs] of bySentence) {
    const spans = evs.map((e) => e.condition).filter((c): c is Span => c !== null);
    for (const e of evs) e.condition = null;
    const seen = new Set<string>();
    for (const c of spans) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sent = doc.sentences[s];
      const fronted = /^[\s"“(]*$/.test(doc.text.slice(sent.start, c.start)) || /[,;:—]\s*$/.test(doc.text.slice(sent.start, c.start));
      const governed: EventMention[] = [];
      if (fronted && /^\s*,/.test(doc.text.slice(c.end))) {
        for (const e of evs) {
          if (e.trigger.start < c.end) continue;
          if (/[;:—]|,\s/.test(doc.text.slice(c.end + 1, e.trigger.start))) break;
          governed.push(e);
        }
      } else {
        const before = evs.filter((e) => e.trigger.end <= c.start && !isReportingCue(e, cueTokens) && !/[;:—]/.test(doc.text.slice(e.trigger.end, c.start)));
        const head = [...before].reverse().find((e) => doc.tokens[tokenAtOrAfter(doc, e.trigger.start)].pos === "VERB");
        for (const e of before) if (!head || e.trigger.start >= head.trigger.start) governed.push(e);
      }
      for (const e of governed) if (!e.condition) e.condition = { start: c.start, end: c.end };
    }
  }
}

function isReportingCue(e: EventMention, cueTokens: Set<number>): boolean {
  return cueTokens.has(e.trigger.start) || e.type === "say";
}

// How far back from "by" the verb it serves may stand ("spoke with Zelensky by phone").
const MEANS_REACH = 6;
/** "spoke by phone", "spoke with Volodymyr Zelensky by phone": the means of a verb's own happening is none of its own. */
function byMeans(ts: Token[], k: number): boolean {
  if (k < 2 || ts[k - 1].lower !== "by") return false;
  for (let j = k - 2; j >= 0 && k - 1 - j <= MEANS_REACH; j--) {
    if (ts[j].pos === "PUNCT") return false;
    if (FRAMES.get(ts[j].lemma)?.by?.includes(ts[k].lower)) return true;
    if (ts[j].pos === "VERB") return false;
  }
  return false;
}
