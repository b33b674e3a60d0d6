// When a happening takes place: the nearest time expression of its clause, else a past or future reference.
import { loadData } from "../resources.js";
import type { Attribution, TimeExpr } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import { BOUNDARY_PREPOSITIONS, CLAUSE_BREAKS, FUTURE_MARKERS, LIGHT, MAX_TIME_DISTANCE } from "./lexicon.js";
import { sourceOf } from "./source.js";
import { LEXICON } from "../attribution/lexicon.js";

const TEMPORAL_OPENERS = new Set(["after", "before", "since", "until"]);
const FORWARD_AUX = new Set(["will", "would", "could", "can", "may", "might", "should", "shall", "must", "'ll", "wo", "ca"]);
// Words opening a phrase that bounds a stretch or follows a happening ("since Bali in November 2022", "after the attack
// of Oct. 7"): a time inside the phrase dates the phrase's own happening only.
const BOUND_OPENERS = new Set(["since", "after"]);
// Relative words hanging a clause on the time just before them ("since November 2022, when they held talks in Bali").
const HANG_ON = new Set(["when", "where"]);
// Tokens that end a bounding phrase or a hanging clause, read from the time back to its opener.
const PHRASE_STOPS = new Set([",", ";", ":", ".", "—", "–", "that", "which", "who", "but", "while"]);
// Words before a time that premodifies a noun ("their November 2022 meeting", "Shoigu's July visit").
const PREMODIFIED = new Set(["the", "their", "his", "her", "its", "our", "'s", "’s", "a", "that", "this"]);
// Words opening a clause after the trigger whose own times are its own.
const SUBORDINATE = new Set(["when", "where", "which", "whom", "whose", "if", "unless", "because"]);
// Words opening a clause that a bounding phrase holds on to past its time.
const CLAUSE_OPENERS = new Set(["that", "which", "who"]);
// A noun phrase a time may head: its parts and how far its noun may stand from the time.
const NOUN_PHRASE = new Set(["NOUN", "PROPN", "ADJ"]);
const NOUN_PHRASE_REACH = 4;
// How far back from a time its bounding opener may stand.
const PHRASE_REACH = 16;

/** An undated verb in the past or perfect tense ("met", "has never met") happened, if at all, before the article: PAST_REF. */
export function pastReference(ts: Token[], k: number): string | null {
  const t = ts[k];
  if (t.pos === "NOUN") return pastCopula(ts, k) ? "PAST_REF" : null;
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
export function futureReference(ts: Token[], k: number): string | null {
  for (let j = k + 1; j < ts.length && j <= k + 8; j++) {
    if (CLAUSE_BREAKS.has(ts[j].lower)) break;
    for (const phrase of FUTURE_MARKERS) if (phrase.every((w, i) => ts[j + i]?.lower === w)) return "FUTURE_REF";
  }
  return null;
}

/** A DATE or TIME expression located in a sentence's tokens [first, last]. */
export interface PlacedTime {
  first: number;
  last: number;
  value: string;
  /** The innermost attribution presenting the expression, if any: a time counts only for events presented alike. */
  region: Attribution | null;
  /** Written with digits ("Aug. 15", "2019"), not only relative words ("next Friday"). */
  explicit: boolean;
}

/** Places the scored time expressions (DATE, TIME) of a sentence on its tokens. */
export function placeTimes(ts: Token[], times: TimeExpr[], attributions: Attribution[]): PlacedTime[] {
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
    const placed: PlacedTime = { first, last, value: tm.value, region: sourceOf(tm.start, tm.end, attributions), explicit: /\d/.test(tm.text) };
    const prev = out[out.length - 1];
    if (prev && restates(ts, prev, placed)) out[out.length - 1] = merge(prev, placed);
    else out.push(placed);
  }
  return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "tomorrow, Aug. 15", "this month, on the 3rd": a relative time and an explicit one set side by side by a comma name
 * one time. Two relative or two explicit ones are a list ("Monday, Tuesday", "2018, 2019").
 */
function restates(ts: Token[], a: PlacedTime, b: PlacedTime): boolean {
  if (a.explicit === b.explicit || a.region !== b.region) return false;
  if (b.first !== a.last + 2 || ts[a.last + 1].text !== ",") return false;
  const [relative, explicit] = a.explicit ? [b, a] : [a, b];
  return (DAY.test(relative.value) && DAY.test(explicit.value)) || explicit.value.startsWith(relative.value);
}

/** One placed time over both, valued by the explicit one. */
function merge(a: PlacedTime, b: PlacedTime): PlacedTime {
  return { first: a.first, last: b.last, value: a.explicit ? a.value : b.value, region: a.region, explicit: true };
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

/** True when "after", "before", "since" or "until" between `from` and the trigger at k opens a clause holding it. */
function opensClauseBetween(ts: Token[], from: number, k: number): boolean {
  for (let i = from; i < k; i++) {
    if (!TEMPORAL_OPENERS.has(ts[i].lower)) continue;
    const rest = ts.slice(i + 1, k + 1);
    if (!rest.some((x) => x.text === ",") && rest.some((x) => x.pos === "VERB")) return true;
  }
  return false;
}

/**
 * Nearest time expression in the sentence, preferring the trigger's own clause (commas, "that" and verbs count extra).
 * With `own`, only a time that is the happening's own: not one of a "since" or "after" phrase that does not hold it,
 * and the time of the clause a renaming noun stands for ("…, their first meeting since …"), as recaps are told by.
 */
export function timeOf(ts: Token[], k: number, times: PlacedTime[], region: Attribution | null, own = false): string | null {
  const hung = hungOn(ts, k, times, region) ?? (own ? renamed(ts, k, times, region) : null);
  if (hung) return hung;
  let best: { d: number; v: string; vague: boolean } | null = null;
  for (const tm of times) {
    // "said on Monday" dates the saying, "will travel on Thursday" the travel: the two never swap.
    if (tm.region !== region) continue;
    // The gap between the trigger and the near edge of the expression: a long expression ("next Friday, Aug. 15",
    // "Monday, June 2") is no further away than a short one, and its own commas are no clause break.
    const lo = tm.first > k ? k : Math.min(k, tm.last);
    const hi = tm.first > k ? tm.first : k;
    // "had good meetings and looked forward to meeting in the future": a relative time ("in the future", "recently")
    // dates only its own clause.
    if (tm.value.endsWith("_REF") && ts.slice(lo + 1, hi).some((x) => CLAUSE_BREAKS.has(x.lower))) continue;
    // "The talks were the first since April 27": a time after "since" bounds a stretch, it does not date the event.
    // "since the Feb. 28 White House meeting" still dates the meeting it qualifies.
    if (tm.first > 0 && BOUNDARY_PREPOSITIONS.has(ts[tm.first - 1].lower) && !qualifies(ts, tm, k)) continue;
    // "their first meeting since Bali in November 2022", "after the attack of Oct. 7, embracing him": a time inside a
    // phrase opened by "since" or "after" dates only what the phrase itself names.
    if (own && outsideBoundPhrase(ts, k, tm)) continue;
    // "a follow-up to their November 2022 meeting": a time set before another noun dates that noun alone.
    if (premodifiesOther(ts, tm, k)) continue;
    // "would pick up where the two sides had stopped three years ago": a time in a clause opened after the trigger
    // dates that clause.
    if (tm.first > k && ts.slice(k + 1, tm.first).some((x) => SUBORDINATE.has(x.lower))) continue;
    // "The summit itself, agreed in principle on Sunday night, is now a dead letter": a time in an aside a participle
    // opens dates the participle, unless it sets or moves the happening ("the summit, scheduled for June 16,").
    if (tm.first > k && participleAside(ts, k, tm.first)) continue;
    // "would visit Moscow next week or speak to Zelensky afterwards": what comes after a dated happening is not on its day.
    if (tm.last < k && comesAfter(ts, k)) continue;
    // "plans to speak with Zelensky, likely after he travels to Moscow next week": a time in a clause of time opened
    // after the trigger dates the clause's own verb, not the happening it comes before or after.
    if (tm.first > k && timeClauseBetween(ts, k + 1, tm.first)) continue;
    // "said on Monday, a month after the two men held talks": a time before a clause opened by "after" or "before"
    // dates the clause it stands in, not the earlier or later happening the subordinate clause tells of.
    if (tm.last < k && opensClauseBetween(ts, tm.last + 1, k)) continue;
    // "Trump on Friday questioned his planned meeting": a time set right before a verb dates the verb, not the
    // happening its object names, unless the verb only holds it ("on Friday held talks"). A time fronted before the
    // clause ("In July 2019, Trump used a phone call") dates all of it.
    if (tm.last < k && ts[k].pos === "NOUN" && ts[tm.last + 1]?.pos === "VERB" && verbBefore(ts, tm.last + 1, k)) continue;
    // "Putin said on Thursday the UAE would be a suitable place for the meeting": a time right after a verb of saying
    // dates the saying, when what is said looks ahead; of what is told as done it is the latest day it can have.
    if (tm.last < k && saidAt(ts, tm.first) && ts.slice(tm.last + 1, k).some((x) => FORWARD_AUX.has(x.lower))) continue;
    let d = hi - lo;
    for (let j = lo + 1; j < hi && d <= MAX_TIME_DISTANCE; j++) {
      const w = ts[j].lower;
      // A semicolon joins two sentences: a time on the far side dates the other one.
      if (w === ";") d = Infinity;
      if ((w === "," && !inPlaceApposition(ts, j)) || w === "that") d += 6;
      if (j !== k && ts[j].pos === "VERB") d += 3;
    }
    // "met face to face most recently in Samarkand last September": a day named beats a vague "recently" beside it.
    const vague = tm.value.endsWith("_REF");
    if (d <= MAX_TIME_DISTANCE && (!best || (vague === best.vague ? d < best.d : !vague))) best = { d, v: tm.value, vague };
  }
  return best?.v ?? null;
}


/**
 * A comma of a place's apposition, a name set off by two commas after a name: "in Bali, Indonesia, a year ago", "in
 * Gyeongju, South Korea, on Thursday" (not a list: "in Malta, Wang's three days in Washington").
 */
function inPlaceApposition(ts: Token[], j: number): boolean {
  const proper = (i: number) => ts[i]?.pos === "PROPN";
  const closes = (i: number) => ts[i]?.text === "," && proper(i - 1);
  // The opening comma: a name, then one of up to two words closed by a comma.
  if (proper(j - 1) && proper(j + 1) && (closes(j + 2) || (proper(j + 2) && closes(j + 3)))) return true;
  // The closing comma: back over the name to the opening one.
  return proper(j - 1) && ((ts[j - 2]?.text === "," && proper(j - 3)) || (proper(j - 2) && ts[j - 3]?.text === "," && proper(j - 4)));
}

// Participles that set, move or tell the course of the happening they follow: a time in their aside is the
// happening's ("the summit, scheduled for June 16,", "the talks, concluded on Friday,"). Listed as data.
const SETTING_PARTICIPLES: ReadonlySet<string> = new Set(loadData<{ tense: { asideParticiples: string[] } }>("lexicons/times.json").tense.asideParticiples);

/** True when the time at `to` stands in an aside opened by a comma and a participle right after the noun at k. */
function participleAside(ts: Token[], k: number, to: number): boolean {
  if (ts[k].pos === "VERB") return false;
  let comma = k + 1;
  // Over the noun's own phrase ("The summit itself,").
  while (comma < to && comma - k <= 3 && ts[comma].lower !== ",") comma++;
  const p = ts[comma + 1];
  if (ts[comma]?.lower !== "," || !p || p.pos !== "VERB" || !/(?:ed|en)$/.test(p.lower) || SETTING_PARTICIPLES.has(p.lower)) return false;
  return !ts.slice(comma + 2, to).some((t) => t.lower === "," || t.lower === ";");
}

/**
 * True when "after", "before" or "until" between `from` and `to` opens a clause with a verb of its own ("after he
 * travels", "before the leaders meet"), not a noun phrase ("after the Oval Office quarrel").
 */
function timeClauseBetween(ts: Token[], from: number, to: number): boolean {
  // "Their last meeting before Busan was in Osaka in June 2019": after a noun, the first verb may be its own predicate.
  const trigger = ts[from - 1];
  for (let i = from; i < to; i++) {
    if (!TEMPORAL_OPENERS.has(ts[i].lower) || ts[i].lower === "since") continue;
    if (trigger.pos !== "VERB" && !ts.slice(from, i).some((t) => t.pos === "VERB" || t.pos === "AUX")) continue;
    for (let j = i + 1; j < to; j++) {
      const t = ts[j];
      if (t.text === ",") break;
      const finite = t.pos === "AUX" || (t.pos === "VERB" && (t.lower !== t.lemma || ts[j - 1].pos === "PRON" || ts[j - 1].pos === "AUX"));
      if (finite) return true;
    }
  }
  return false;
}

const AFTERWARDS = new Set(["afterwards", "afterward", "thereafter", "later"]);
/** An adverb of sequence closely after the trigger, in its clause: "speak to him afterwards", "meet later". */
function comesAfter(ts: Token[], k: number): boolean {
  for (let j = k + 1; j < ts.length && j <= k + 5; j++) {
    if (AFTERWARDS.has(ts[j].lower)) return true;
    if (CLAUSE_BREAKS.has(ts[j].lower) || ts[j].pos === "VERB") return false;
  }
  return false;
}

/** True when the time at `first` follows a reporting verb of the attribution lexicon, straight or through "on": "said on Thursday", "told reporters Monday". */
function saidAt(ts: Token[], first: number): boolean {
  let j = first - 1;
  if (j >= 0 && ts[j].lower === "on") j--;
  if (j >= 0 && ts[j].pos === "NOUN" && ts[j - 1]?.pos === "VERB" && ts[j - 1].lemma === "tell") j--;
  return j >= 0 && ts[j].pos === "VERB" && LEXICON.verbFrame.has(ts[j].lemma);
}

/** A verb of its own between `from` and the noun at k, not a light one and not a participle inside the noun's phrase. */
function verbBefore(ts: Token[], from: number, k: number): boolean {
  for (let j = from; j < k; j++) {
    if (ts[j].pos !== "VERB" || LIGHT.has(ts[j].lemma)) continue;
    const prenominal = ts.slice(j + 1, k).every((x) => x.pos === "ADJ" || x.pos === "NOUN" || x.pos === "PROPN");
    if (!prenominal) return true;
  }
  return false;
}

/** True when the time stands in a phrase opened by "since" or "after" that does not hold the trigger at k. */
export function outsideBoundPhrase(ts: Token[], k: number, tm: PlacedTime): boolean {
  let b = -1;
  for (let j = tm.first - 1; j >= 0 && tm.first - j <= PHRASE_REACH; j--) {
    const w = ts[j].lower;
    if (PHRASE_STOPS.has(w)) break;
    if (BOUND_OPENERS.has(w)) {
      b = j;
      break;
    }
  }
  if (b < 0) return false;
  if (k < b) return true;
  if (k < tm.first) return false;
  // "since his July 2000 trip": the phrase runs on to the noun the time qualifies, up to a clause break.
  // "after Biden said in March that there would be no invitation": a complement clause stays inside the phrase.
  for (let j = tm.last + 1; j < k; j++) if (PHRASE_STOPS.has(ts[j].lower) && !CLAUSE_OPENERS.has(ts[j].lower)) return true;
  return false;
}

/**
 * The time a "when" or "where" clause holding the trigger hangs on ("in November 2022, when they held talks in Bali",
 * "last September, when he invited Putin"), when the clause names no time of its own.
 */
export function hungOn(ts: Token[], k: number, times: PlacedTime[], region: Attribution | null): string | null {
  let w = -1;
  for (let j = k - 1; j > 0; j--) {
    const x = ts[j].lower;
    if (HANG_ON.has(x)) {
      w = j;
      break;
    }
    if (PHRASE_STOPS.has(x)) return null;
  }
  if (w < 1) return null;
  const before = ts[w - 1].text === "," ? w - 2 : w - 1;
  const anchor = times.find((tm) => tm.last === before && tm.region === region);
  if (!anchor) return null;
  // The clause's own time wins: "…, when they met again in Geneva in June".
  for (const tm of times) {
    if (tm.first <= w || tm.region !== region) continue;
    if (!ts.slice(w + 1, tm.first).some((x) => PHRASE_STOPS.has(x.lower))) return null;
  }
  return anchor.value;
}

/**
 * The times a sentence states before the trigger that set the scene for it ("In March, Biden said …"): not those
 * bounding a stretch ("since January") nor those of a phrase that does not hold it ("after the attack of Oct. 7, …").
 */
export function earlierTimes(ts: Token[], k: number, placed: PlacedTime[]): string[] {
  return placed.filter((p) => p.last < k && !(p.first > 0 && BOUNDARY_PREPOSITIONS.has(ts[p.first - 1].lower)) && !outsideBoundPhrase(ts, k, p)).map((p) => p.value);
}

/** The times after the trigger that open a stretch: "has not visited since 2017". */
export function sinceTimes(ts: Token[], k: number, placed: PlacedTime[]): string[] {
  return placed.filter((p) => p.first > k && BOUNDARY_PREPOSITIONS.has(ts[p.first - 1].lower)).map((p) => p.value);
}

/** True when the time is set before a noun other than the trigger ("their November 2022 meeting", "his 2018 talks"). */
function premodifiesOther(ts: Token[], tm: PlacedTime, k: number): boolean {
  return tm.last + 1 !== k && tm.last + 1 < ts.length && ts[tm.last + 1].pos === "NOUN" && tm.first > 0 && PREMODIFIED.has(ts[tm.first - 1].lower);
}

/** True when the time premodifies the noun at k, with only nouns and adjectives between ("the Feb. 28 White House meeting"). */
function qualifies(ts: Token[], tm: PlacedTime, k: number): boolean {
  if (k <= tm.last || k - tm.last > NOUN_PHRASE_REACH || ts[k].pos !== "NOUN") return false;
  for (let j = tm.last + 1; j < k; j++) if (!NOUN_PHRASE.has(ts[j].pos)) return false;
  return true;
}

const PAST_COPULAS = new Set(["was", "were"]);
// How far back a copula may stand from the noun it predicates ("was their first in-person meeting").
const COPULA_REACH = 8;

/** "It was their first in-person meeting since Bali": a happening named as the complement of a past copula is past. */
function pastCopula(ts: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= COPULA_REACH; j--) {
    const w = ts[j];
    // "in-person", "face-to-face": a hyphened compound is one modifier, whatever its parts.
    if (ts[j + 1]?.text === "-" || w.text === "-") continue;
    if (PHRASE_STOPS.has(w.lower) || w.pos === "VERB" || w.pos === "ADP") return false;
    if (w.pos === "AUX") return PAST_COPULAS.has(w.lower) && ts[j - 1]?.lower !== "there";
  }
  return false;
}

// Words that, after a comma and a possessive, make a noun rename the clause before it ("…, their first meeting since …").
const RENAMING_ORDINALS = new Set(["first", "second", "third", "fourth", "fifth", "only", "last", "latest"]);
const POSSESSIVE_DETS = new Set(["their", "his", "her", "its", "the"]);
// How many words may stand between the ordinal and the noun ("their first in-person meeting").
const RENAMING_REACH = 6;

/**
 * "Biden met Netanyahu on Wednesday at a hotel, their first in-person meeting since …": a noun set after a comma as
 * the ordinal of the clause before renames that clause's happening and takes its time.
 */
export function renamed(ts: Token[], k: number, times: PlacedTime[], region: Attribution | null): string | null {
  if (ts[k].pos !== "NOUN") return null;
  let o = -1;
  for (let j = k - 1; j > 1 && k - j <= RENAMING_REACH; j--) {
    if (RENAMING_ORDINALS.has(ts[j].lower)) {
      o = j;
      break;
    }
    if (ts[j].pos !== "ADJ" && ts[j].pos !== "NOUN" && ts[j].text !== "-" && ts[j].pos !== "ADP") return null;
  }
  if (o < 2 || !POSSESSIVE_DETS.has(ts[o - 1].lower) || ts[o - 2].text !== ",") return null;
  const comma = o - 2;
  let best: PlacedTime | null = null;
  for (const tm of times) {
    if (tm.last >= comma || tm.region !== region) continue;
    if (tm.first > 0 && BOUNDARY_PREPOSITIONS.has(ts[tm.first - 1].lower)) continue;
    if (ts.slice(tm.last + 1, comma).some((x) => PHRASE_STOPS.has(x.lower))) continue;
    if (!best || tm.last > best.last) best = tm;
  }
  return best?.value ?? null;
}
