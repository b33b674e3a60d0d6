// Events: triggers, types, CAMEO codes, participants, time, condition and factuality.
import type { Attribution, EventMention, SourceRef, Span, TimeExpr } from "../domain/extraction.js";
import { tokenAtOrAfter, type Doc, type Token } from "./01-tokens.js";
import type { EntityMatch, EntityReading } from "./02-entities.js";
import { judgeSentence, type SentenceView } from "./events/factuality.js";
import { loadData } from "./resources.js";

interface TriggerInfo {
  type: string;
  cameo: string | null;
}

interface EventLexicon {
  triggers: Record<string, TriggerInfo>;
  context: Record<string, TriggerInfo & { near: string[] }>;
  phrasal: Record<string, TriggerInfo>;
  lightVerbs: string[];
  eventNouns: string[];
  nounSuffixes: string[];
  nounSuffixStop: string[];
  nonEventVerbs: string[];
  roleNouns: string[];
  participantStops: string[];
  locativePrepositions: string[];
  gerundAdjuncts: string[];
  placeHeads: string[];
  nonEventNouns: string[];
  subjectPronouns: string[];
  subordinators: string[];
  futureMarkers: string[];
}

const LEX = loadData<EventLexicon>("lexicons/events.json");
/** One-off meetings of the gazetteer whose takers and date are known ("the Hanoi summit"). */
const NAMED_MEETINGS = new Map(
  loadData<{ id: string; participants?: string[]; date?: string }[]>("gazetteer/events.json")
    .filter((e) => e.participants?.length)
    .map((e) => [e.id, { participants: e.participants!, date: e.date ?? null }]),
);
const TRIGGERS = new Map(Object.entries(LEX.triggers));
const CONTEXT = new Map(Object.entries(LEX.context).map(([k, v]) => [k, { ...v, near: new Set(v.near) }]));
const PHRASAL = new Map(Object.entries(LEX.phrasal));
const LIGHT = new Set(LEX.lightVerbs);
const EVENT_NOUNS = new Set(LEX.eventNouns);
const SUFFIX_STOP = new Set(LEX.nounSuffixStop);
const SUFFIX_RE = new RegExp(`(?:${LEX.nounSuffixes.join("|")})s?$`);
const NON_EVENT_VERBS = new Set(LEX.nonEventVerbs);
const ROLE_NOUNS = new Set(LEX.roleNouns);
const NON_EVENT_NOUNS = new Set(LEX.nonEventNouns);
const GENERIC: TriggerInfo = { type: "other", cameo: null };
const PARTICIPANT_STOP = new Set(LEX.participantStops);
const LOCATIVE = new Set(LEX.locativePrepositions);
const GERUND_ADJUNCT = new Set(LEX.gerundAdjuncts);
const PLACE_HEADS = new Set(LEX.placeHeads);
const MAX_TIME_DISTANCE = 16;
const FUTURE_MARKERS = LEX.futureMarkers.map((p) => p.split(" "));
const RELATIVE_SUBJECTS = new Set(["who", "which"]);
const BOUNDARY_PREPOSITIONS = new Set(["since"]);
const CLAUSE_BREAKS = new Set([",", ";", ":", ".", "—", "–", "and", "but", "while", "although", "though", "after", "before", "because"]);

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
    // "the nuclear test site", "a launch facility": the noun names a place, not a happening.
    if (next && PLACE_HEADS.has(next.lemma)) return false;
    if (TRIGGERS.has(t.lemma) || EVENT_NOUNS.has(t.lemma) || EVENT_NOUNS.has(t.lower)) return true;
    if (next && ROLE_NOUNS.has(next.lemma)) return false;
    return t.lemma.length > 5 && SUFFIX_RE.test(t.lemma) && !SUFFIX_STOP.has(t.lemma) && !SUFFIX_STOP.has(t.lower);
  }
  return false;
}

const SUBJECT_PRONOUNS = new Set(LEX.subjectPronouns);
const SUBORDINATORS = new Set(LEX.subordinators);
const OBJECT_START = new Set(["DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"]);

/** Repairs the tagger's commonest slips around event words: gerunds after prepositions ("of firing two missiles"),
 * present-tense verbs after a name ("unless Washington lifts sanctions"), capitalised event nouns at sentence start. */
function retag(ts: Token[]): Token[] {
  return ts.map((t, k) => {
    const prev = ts[k - 1];
    const next = ts[k + 1];
    if (t.pos === "NOUN" && prev && next) {
      if (t.lower.endsWith("ing") && prev.pos === "ADP" && OBJECT_START.has(next.pos) && next.pos !== "ADJ")
        return { ...t, pos: "VERB", lemma: t.lemma.endsWith("ing") ? t.lemma.slice(0, -3) : t.lemma };
      const subject = prev.pos === "PROPN" || (prev.pos === "PRON" && SUBJECT_PRONOUNS.has(prev.lower));
      const before = ts[k - 2];
      const clauseStart = !before || before.pos === "SCONJ" || before.pos === "PUNCT" || before.pos === "CCONJ" || SUBORDINATORS.has(before.lower);
      if (t.lower.endsWith("s") && !t.lower.endsWith("ss") && subject && clauseStart && (OBJECT_START.has(next.pos) || next.lower === "to") && next.pos !== "PRON" && next.pos !== "ADJ")
        return { ...t, pos: "VERB" };
    }
    if (t.pos === "PROPN" && k === 0) {
      const lemma = [t.lower, t.lower.replace(/s$/, ""), t.lower.replace(/es$/, "")].find((w) => TRIGGERS.has(w) || EVENT_NOUNS.has(w));
      if (lemma && !NON_EVENT_NOUNS.has(lemma)) return { ...t, pos: "NOUN", lemma };
    }
    return t;
  });
}

/** Event class and CAMEO code of a trigger, looking at the nearby words for ambiguous ones. */
function classify(ts: Token[], k: number): TriggerInfo {
  const t = ts[k];
  const lemma = t.pos === "PROPN" ? t.lower : t.lemma;
  const next = ts[k + 1]?.lower ?? "";
  const phrasal = PHRASAL.get(`${lemma} ${next}`);
  if (phrasal) return phrasal;
  const ctx = CONTEXT.get(lemma);
  if (ctx) {
    for (let j = Math.max(0, k - 4); j < Math.min(ts.length, k + 5); j++) if (ctx.near.has(ts[j].lower)) return { type: ctx.type, cameo: ctx.cameo };
  }
  const direct = TRIGGERS.get(lemma) ?? TRIGGERS.get(t.lower);
  if (direct && !(LIGHT.has(lemma) && t.pos === "VERB" && direct.type === "other")) return direct;
  // Light verbs take their class from the event noun they govern ("held talks", "conducted drills").
  if (t.pos === "VERB" && LIGHT.has(lemma)) {
    for (let j = k + 1; j < Math.min(ts.length, k + 5); j++) {
      const o = ts[j];
      if (o.pos === "VERB" || PARTICIPANT_STOP.has(o.lower)) break;
      const info = TRIGGERS.get(o.lemma);
      if (o.pos === "NOUN" && info) return info;
    }
  }
  return direct ?? GENERIC;
}

/** The known one-off meeting whose name holds the trigger, if any. */
function namedMeeting(t: Token, matches: EntityMatch[]): { participants: string[]; date: string | null } | null {
  for (const m of matches) if (m.type === "event" && m.start <= t.start && m.end >= t.end && NAMED_MEETINGS.has(m.entity)) return NAMED_MEETINGS.get(m.entity)!;
  return null;
}

/** Entities that take part: the trigger's own phrase, its subject to the left and its complements to the right. */
function participants(ts: Token[], k: number, matches: EntityMatch[]): string[] {
  if (matches.length === 0) return [];
  const t = ts[k];
  // A trigger inside a named event ("the APEC summit") names a gathering whose members the sentence does not list,
  // unless the gazetteer knows them ("the Hanoi summit").
  const named = namedMeeting(t, matches);
  if (named) return [...named.participants];
  if (matches.some((m) => m.type === "event" && m.start <= t.start && m.end >= t.end)) return [];
  // "Trump left Seoul without meeting Kim": a gerund adjunct shares the subject of the verb it hangs on.
  // "Trump agreed to meet Kim": the subject of a verb taking an infinitive is also the subject of the infinitive.
  const gerundAdjunct = t.pos === "VERB" && t.lower.endsWith("ing") && k > 0 && GERUND_ADJUNCT.has(ts[k - 1].lower);
  const controlled = t.pos === "VERB" && k > 1 && ts[k - 1].lower === "to" && ts[k - 2].pos === "VERB";
  let verbsToCross = gerundAdjunct || controlled ? 1 : 0;
  let left = k;
  let relative = false;
  for (let j = k - 1; j >= 0 && j >= k - 12; j--) {
    // "Chung and Suh, who both met Kim": the subject of a relative clause's verb is the phrase the clause hangs on.
    if (!relative && t.pos === "VERB" && RELATIVE_SUBJECTS.has(ts[j].lower)) {
      // Only a name right before the clause is its subject ("Suh Hoon, who"), not a modifier's ("the party, who").
      const head = j > 0 && ts[j - 1].lower === "," ? j - 2 : j - 1;
      if (head < 0 || ts[head].pos !== "PROPN") break;
      relative = true;
      j = head + 1;
      left = j;
      continue;
    }
    if (PARTICIPANT_STOP.has(ts[j].lower)) break;
    if (ts[j].pos === "VERB" && t.pos === "VERB" && verbsToCross-- <= 0) break;
    left = j;
  }
  let right = k;
  for (let j = k + 1; j < ts.length && j <= k + 14; j++) {
    // "refused to accept a letter from Trump": a verb's infinitive complement carries its object along.
    if (t.pos === "VERB" && j === k + 2 && ts[k + 1].lower === "to" && ts[j].pos === "VERB") {
      right = j;
      continue;
    }
    if (PARTICIPANT_STOP.has(ts[j].lower) || ts[j].pos === "VERB") break;
    right = j;
  }
  const from = ts[left].start;
  const to = ts[right].end;
  const out: string[] = [];
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    if (m.start <= t.start && m.end >= t.end) continue;
    // "a summit in Singapore", "talks at Panmunjom": the place where it happens does not take part in it.
    const at = ts.findIndex((x) => x.i === m.first);
    if (at > 0 && LOCATIVE.has(ts[at - 1].lower) && (m.type === "country" || m.type === "place")) continue;
    if (!out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

const SPEAKER_PRONOUNS = new Set(["he", "she", "it", "they", "we", "i"]);

/**
 * "North Korea said it had tested a missile", "Trump said he would meet Kim": a pronoun subject of reported content
 * usually stands for the speaker, who then takes part in the event.
 */
function withSpeaker(found: string[], ts: Token[], k: number, attr: Attribution | null, matches: EntityMatch[]): string[] {
  if (!attr) return withSubjectReferent(found, ts, k, matches);
  const speaker = attr.chain[0]?.entity;
  if (!speaker || found.includes(speaker) || speaker.startsWith("outlet:")) return found;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    if (t.start < attr!.content.start) break;
    if (SPEAKER_PRONOUNS.has(t.lower) && t.pos === "PRON") return [speaker, ...found];
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.lower === ",") break;
  }
  return found;
}

const FORWARD_AUX = new Set(["will", "would", "could", "can", "may", "might", "should", "shall", "must", "'ll", "wo", "ca"]);

/** An undated verb in the past or perfect tense ("met", "has never met") happened, if at all, before the article: PAST_REF. */
function pastReference(ts: Token[], k: number): string | null {
  const t = ts[k];
  if (t.pos !== "VERB" || t.lower === t.lemma || t.lower.endsWith("ing") || t.lower.endsWith("s")) return null;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = ts[j];
    if (FORWARD_AUX.has(w.lower) || w.lower === "to") return null;
    if (w.pos !== "AUX" && w.pos !== "ADV" && w.pos !== "PART") break;
  }
  return "PAST_REF";
}

/**
 * An undated happening put off to an unnamed later time in its own clause ("would come back to meet Kim at a later
 * date") lies after the article: FUTURE_REF.
 */
function futureReference(ts: Token[], k: number): string | null {
  for (let j = k + 1; j < ts.length && j <= k + 8; j++) {
    if (CLAUSE_BREAKS.has(ts[j].lower)) break;
    for (const phrase of FUTURE_MARKERS) if (phrase.every((w, i) => ts[j + i]?.lower === w)) return "FUTURE_REF";
  }
  return null;
}

const PERSON_PRONOUNS = new Set(["he", "she"]);

/**
 * "President Moon said on Sunday that he had met Kim": where no attribution was read, a "he" or "she" just before the
 * trigger stands for the first person the sentence names before it, who then takes part in the event.
 */
function withSubjectReferent(found: string[], ts: Token[], k: number, matches: EntityMatch[]): string[] {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    if (PERSON_PRONOUNS.has(t.lower) && t.pos === "PRON") {
      const referent = matches.find((m) => m.entity.startsWith("person:") && m.end <= t.start);
      return referent && !found.includes(referent.entity) ? [referent.entity, ...found] : found;
    }
    if (t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART") break;
  }
  return found;
}

/** A DATE or TIME expression located in a sentence's tokens [first, last]. */
interface PlacedTime {
  first: number;
  last: number;
  value: string;
  /** The innermost attribution presenting the expression, if any: a time counts only for events presented alike. */
  region: Attribution | null;
}

/** Places the scored time expressions (DATE, TIME) of a sentence on its tokens. */
function placeTimes(ts: Token[], times: TimeExpr[], attributions: Attribution[]): PlacedTime[] {
  const out: PlacedTime[] = [];
  for (const tm of times) {
    if (tm.type !== "DATE" && tm.type !== "TIME") continue;
    let first = -1;
    let last = -1;
    for (let j = 0; j < ts.length; j++) {
      if (ts[j].end > tm.start && ts[j].start < tm.end) {
        if (first < 0) first = j;
        last = j;
      }
    }
    if (first < 0 || isDateline(ts, first, last)) continue;
    out.push({ first, last, value: tm.value, region: sourceOf(tm.start, tm.end, attributions) });
  }
  return out;
}

const DATELINE_BREAKS = new Set(["-", "\u2013", "\u2014", "|", "--"]);

/** A date at the head of a sentence followed by a dash or bar ("SEOUL, Oct. 18 -") dates the article, not its events. */
function isDateline(ts: Token[], first: number, last: number): boolean {
  if (first > 6) return false;
  for (let j = last + 1; j <= last + 4 && j < ts.length; j++) {
    if (DATELINE_BREAKS.has(ts[j].text)) return true;
    if (ts[j].pos === "VERB") return false;
  }
  return false;
}

/** Nearest time expression in the sentence, preferring the trigger's own clause (commas, "that" and verbs count extra). */
function timeOf(ts: Token[], k: number, times: PlacedTime[], region: Attribution | null): string | null {
  let best: { d: number; v: string } | null = null;
  for (const tm of times) {
    // "said on Monday" dates the saying, "will travel on Thursday" the travel: the two never swap.
    if (tm.region !== region) continue;
    const lo = Math.min(k, tm.first);
    const hi = Math.max(k, tm.last);
    // "had good meetings and looked forward to meeting in the future": a relative time ("in the future", "recently")
    // dates only its own clause.
    if (tm.value.endsWith("_REF") && ts.slice(lo + 1, hi).some((x) => CLAUSE_BREAKS.has(x.lower))) continue;
    // "The talks were the first since April 27": a time after "since" bounds a stretch, it does not date the event.
    if (tm.first > 0 && BOUNDARY_PREPOSITIONS.has(ts[tm.first - 1].lower)) continue;
    let d = hi - lo;
    for (let j = lo + 1; j < hi && d <= MAX_TIME_DISTANCE; j++) {
      const w = ts[j].lower;
      if (w === "," || w === ";" || w === "that") d += 6;
      if (j !== k && ts[j].pos === "VERB") d += 3;
    }
    if (d <= MAX_TIME_DISTANCE && (!best || d < best.d)) best = { d, v: tm.value };
  }
  return best?.v ?? null;
}

/** The innermost attribution presenting the trigger (the smallest content span holding it). */
function sourceOf(start: number, end: number, attributions: Attribution[]): Attribution | null {
  let best: Attribution | null = null;
  for (const a of attributions) {
    if (a.content.start <= start && a.content.end >= end) {
      if (a.cue.start <= start && a.cue.end >= end) continue;
      if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
    }
  }
  return best;
}

/** Reads the event mentions of a document in text order, with ids e1, e2, … */
export function readEvents(doc: Doc, entities: EntityReading, times: TimeExpr[], attributions: Attribution[]): EventMention[] {
  const out: EventMention[] = [];
  const cursor: SentenceCursor = {
    mi: 0,
    ti: 0,
    ai: 0,
    open: [],
    attrs: [...attributions].sort((a, b) => a.content.start - b.content.start),
    times: [...times].sort((a, b) => a.start - b.start),
  };
  for (let s = 0; s < doc.sentences.length; s++) readSentenceEvents(doc, s, entities, cursor, out);
  attachConditions(doc, out, attributions);
  out.forEach((e, i) => (e.id = `e${i + 1}`));
  return out;
}

// Where the sweep along the text stands: the next entity match, time and attribution to take up, and the attributions
// whose content is still open. The steps of the sweep are functions of their own so that each is optimised on its own.
interface SentenceCursor {
  mi: number;
  ti: number;
  ai: number;
  open: Attribution[];
  attrs: Attribution[];
  times: TimeExpr[];
}

// The event mentions of sentence `s`, appended to `out` (their ids are given later).
function readSentenceEvents(doc: Doc, s: number, entities: EntityReading, c: SentenceCursor, out: EventMention[]): void {
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
  const attributed = ts.map((t) => sentAttrs.some((a) => a.content.start <= t.start && a.content.end >= t.end));
  const isEvent = ts.map((t, k) => isEventToken(t, ts[k + 1]));
  const view: SentenceView = { ts, isEvent, attributed };
  const positions: number[] = [];
  for (let k = 0; k < ts.length; k++) if (isEvent[k]) positions.push(k);
  if (positions.length === 0) return;
  const readings = judgeSentence(view, positions);
  const placed = placeTimes(ts, sentTimes, sentAttrs);
  positions.forEach((k, r) => {
    const t = ts[k];
    const info = classify(ts, k);
    const attr = sourceOf(t.start, t.end, sentAttrs);
    const source: SourceRef[] = attr ? attr.chain.map((c) => ({ text: c.text, entity: c.entity })) : [];
    const cond = readings[r].condition;
    let condition: Span | null = null;
    if (cond) {
      const a = ts[Math.max(0, cond[0])];
      const b = ts[Math.min(ts.length, cond[1]) - 1];
      if (a && b && b.end > a.start) condition = { start: a.start, end: b.end };
    }
    out.push({
      id: "",
      sentence: s,
      trigger: { start: t.start, end: t.end, text: t.text },
      type: info.type,
      cameo: info.cameo,
      participants: withSpeaker(participants(ts, k, matches), ts, k, attr, matches),
      factuality: readings[r].value,
      source,
      time: timeOf(ts, k, placed, attr) ?? namedMeeting(t, matches)?.date ?? futureReference(ts, k) ?? pastReference(ts, k),
      condition,
    });
  });
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
