// The settling of a sentence's mentions once each is read: where and when a happening "will take place" or "is
// held", what a place hosts, what a recurring gathering's edition tells, what "do so" stands for, what an attendance
// attends, and the stage a denial over a stretch of time tells ("have not met since 2018").
import type { EventMention, Stance, TimeExpr } from "../../domain/extraction.js";
import { dayRange, daysBetween } from "../../domain/calendar.js";
import type { Token } from "../01-tokens.js";
import type { EntityMatch } from "../02-entities.js";
import { resolveName } from "../gazetteer.js";
import { dayNumber, fmtWeek, parseYmd } from "../times/calendar.js";
import { EDITIONS, LOCATIVE } from "./lexicon.js";
import { ABSENCES, NEGATORS } from "./stance.js";

// How long before the article the day a denial runs from must lie for the denial to recall the last happening.
const RECALLED_DAYS = 365;
// How far after "since" its day or the happening it names may begin.
const SINCE_REACH = 4;

/**
 * A verb denied over a stretch of time since a day or a happening: "Putin has not been to North Korea since July
 * 2000", "have not met since Bali", "since their summit in Helsinki" recall the last happening, which took place; "have
 * not spoken since mid-February", "since the war began" tell the contact looked for has not come about. Null when the
 * verb is not so denied.
 */
export function sinceStance(ts: Token[], k: number, times: readonly TimeExpr[], matches: readonly EntityMatch[], meetingAt: (j: number) => boolean, dct: string | null): Stance | null {
  if (ts[k].pos !== "VERB") return null;
  let negated = false;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    if (NEGATORS.has(ts[j].lower)) negated = true;
    else if (!(ts[j].pos === "AUX" || ts[j].pos === "ADV" || ts[j].pos === "PART")) break;
  }
  if (!negated) return null;
  let since = -1;
  for (let j = k + 1; j < ts.length && j <= k + 8 && since < 0; j++) {
    if (ts[j].lower === "since") since = j;
    else if (ts[j].text === "," || ts[j].pos === "VERB" || ts[j].pos === "SCONJ") return null;
  }
  if (since < 0) return null;
  const first = ts[since + 1];
  if (!first) return "failed";
  // "since Bali", "since Helsinki": a place stands for the happening held there.
  if (matches.some((m) => m.start === first.start && (m.type === "place" || m.type === "event"))) return "occurred";
  for (let j = since + 1; j <= since + SINCE_REACH && j < ts.length; j++) if (meetingAt(j)) return "occurred";
  const last = ts[Math.min(ts.length - 1, since + SINCE_REACH)];
  const day = times.find((t) => t.start >= first.start && t.start <= last.start && dayRange(t.value));
  return day && dct && daysBetween(dayRange(day.value)!.to, dct) > RECALLED_DAYS ? "occurred" : "failed";
}

// How far (in tokens) before "take place" or "be held" the happening it tells of may stand: "the meeting will take
// place in the United States", "the highly anticipated meeting between myself, as President …, and President Putin,
// of Russia, will take place" (no verb of its own between them).
const HELD_REACH = 30;

/** The token of the sentence each mention's trigger stands at. */
type TokenAt = (e: EventMention) => number;

/**
 * Settles the mentions of one sentence (`out` from `first` on, whose triggers stand at `positions`) once each is read:
 * what "do so" stands for, what an attendance attends, where and when what is held or hosted is.
 */
export function settleSentence(out: EventMention[], ts: Token[], first: number, positions: number[], at: (EntityMatch | null)[]): void {
  const index = new Map(positions.map((k, r) => [out[first + r], k] as const));
  const tokenAt: TokenAt = (e) => index.get(e) ?? -1;
  proForms(out, ts, first, tokenAt);
  attendedPlaces(out, first, tokenAt);
  heldPlaces(out, ts, first, at, tokenAt);
  toldInRelative(out, ts, first, tokenAt);
  coordinated(out, ts, first, tokenAt);
  absences(out, ts, first, tokenAt);
  attendingVerbs(out, ts, first, tokenAt);
}

// Verbs of going to or attending a gathering that tell their attendance's stage themselves, and how far the gathering
// may follow one ("go to the Group of 20 summit").
const GOING_TO: ReadonlySet<string> = new Set(["attend", "join", "go", "travel", "come", "fly", "head"]);
const GOING_TO_REACH = 8;

/**
 * "He would not go to the Group of 20 summit", "will not attend the G20 summit": the gathering held by a verb of going
 * or attending is the attendance that verb tells, at the verb's stage (a refusal stays a refusal).
 */
function attendingVerbs(out: EventMention[], ts: Token[], first: number, tokenAt: TokenAt): void {
  for (let i = first; i < out.length; i++) {
    const e = out[i];
    const k = tokenAt(e);
    if (e.type !== "attend" || ts[k]?.pos === "VERB") continue;
    const verb = out.slice(first, i).reverse().find((m) => { const v = ts[tokenAt(m)]; return !!v && v.pos === "VERB" && GOING_TO.has(v.lemma) && k - tokenAt(m) <= GOING_TO_REACH; });
    if (verb && verb.participants.some((p) => e.participants.includes(p))) e.stance = verb.stance;
  }
}

const ABSENCE_REACH = 6;

/**
 * "Xi is likely to stay away from next week's summit", "will skip the G20": the verb of absence is the attendance its
 * gathering names, read as that attendance is (not a stay, nor an undated "skip").
 */
function absences(out: EventMention[], ts: Token[], first: number, tokenAt: TokenAt): void {
  for (let i = first; i < out.length; i++) {
    const m = out[i];
    const k = tokenAt(m);
    const t = ts[k];
    // The verbs of absence ("stay away from", "skip", "miss", "boycott"); "stay" and "keep" only with "away".
    if (!t || t.pos !== "VERB" || !ABSENCES.has(t.lower)) continue;
    if ((t.lemma === "stay" || t.lemma === "keep") && ts[k + 1]?.lower !== "away") continue;
    const attended = out.slice(i + 1).find((a) => a.type === "attend" && tokenAt(a) > k && tokenAt(a) - k <= ABSENCE_REACH);
    if (!attended) continue;
    m.type = attended.type;
    m.cameo = attended.cameo;
    m.stance = attended.stance;
    if (attended.participants.length > m.participants.length) m.participants = [...attended.participants];
    m.place ??= attended.place;
  }
}

// What may stand between two coordinated happening nouns: the joining words, and the modifiers of the second.
const COORDINATION = new Set(["or", "and", "nor", ","]);
const COORDINATION_REACH = 5;
const LIST_STANCES: ReadonlySet<Stance> = new Set(["unplanned", "refused", "called_off", "failed", "wanted"]);

/**
 * "not planning any meeting or call", "no meeting, engagement or phone conversation": happenings named in one
 * coordination share the stance the first is read with, and its parties when they name none of their own.
 */
function coordinated(out: EventMention[], ts: Token[], first: number, tokenAt: TokenAt): void {
  for (let i = first + 1; i < out.length; i++) {
    const m = out[i];
    const k = tokenAt(m);
    if (ts[k]?.pos !== "NOUN") continue;
    let head: EventMention | null = null;
    for (let j = i - 1; j >= first && !head; j--) {
      const a = out[j];
      const h = tokenAt(a);
      if (h < 0 || h >= k || k - h > COORDINATION_REACH + 1 || ts[h].pos !== "NOUN") break;
      const between = ts.slice(h + 1, k);
      if (!between.some((t) => COORDINATION.has(t.lower))) continue;
      if (between.every((t) => COORDINATION.has(t.lower) || t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "PROPN")) head = a;
    }
    // Only a stance a cue before the list gives all of it ("not planning any", "cancelled", "invited to"); a list of
    // happenings each told for itself ("missile tests, deeper cooperation") keeps its own readings.
    if (!head || head.stance === m.stance || !LIST_STANCES.has(head.stance)) continue;
    m.stance = head.stance;
    if (m.participants.length === 0) m.participants = [...head.participants];
  }
}

/**
 * "at the Alaska summit, where Putin and Trump met on Aug. 15": a "where" or "when" clause that tells the happening its
 * noun names as held gives the noun its time, and with it whether it is a recap.
 */
function toldInRelative(out: EventMention[], ts: Token[], first: number, tokenAt: TokenAt): void {
  for (let i = first; i < out.length; i++) {
    const m = out[i];
    const k = tokenAt(m);
    if (ts[k]?.pos !== "NOUN" || m.time !== null || ts[k + 1]?.text !== "," || !/^(?:where|when)$/i.test(ts[k + 2]?.text ?? "")) continue;
    const held = out.slice(i + 1).find((o) => o.type === m.type && o.stance === "occurred" && tokenAt(o) - k <= HELD_REACH && tokenAt(o) > k + 2);
    if (!held || !held.time || !/^\d{4}-\d{2}/.test(held.time)) continue;
    m.time = held.time;
    m.background ||= held.background;
  }
}

const HELD_STOPS = new Set(["that", "which", "who", ";", ":", "but", "while", "although"]);

/**
 * "in the Great State of Alaska" after "will take place next Friday, August 15,": where a happening is held, read past
 * the time phrase and its commas to the end of the clause.
 */
export function heldWhere(ts: Token[], k: number, at: (EntityMatch | null)[]): string | null {
  for (let j = k + 1; j < ts.length; j++) {
    if (ts[j].pos === "VERB" || ts[j].pos === "AUX" || HELD_STOPS.has(ts[j].lower)) return null;
    if (!LOCATIVE.has(ts[j].lower)) continue;
    // "in the Great State of Alaska": a name the gazetteer knows before one it does not.
    let local: string | null = null;
    for (let i = j + 1; i < ts.length && i <= j + 6; i++) {
      if (ts[i].text === "," || ts[i].pos === "VERB") break;
      const m = at[i];
      if (!m || !(m.type === "place" || m.type === "country" || m.via === "capital")) continue;
      if (!m.entity.startsWith("local:")) return m.entity;
      local ??= m.entity;
    }
    if (local) return local;
  }
  return null;
}

/**
 * A happening that "will take place" or "is held" somewhere and some time is there and then, as the predicate tells:
 * the place, the time and the tense go to the noun the verb tells of, the nearest before it with no verb between.
 */
function heldPlaces(out: EventMention[], ts: Token[], first: number, at: (EntityMatch | null)[], tokenAt: TokenAt): void {
  for (let i = first; i < out.length; i++) {
    const e = out[i];
    const k = tokenAt(e);
    // "Singapore will host the first meeting between …": what a place hosts is there.
    // "the BRICS summit that South Africa will host": or the one the relative clause hangs on.
    if (ts[k]?.lemma === "host" && e.place) {
      const after = out.slice(i + 1).find((o) => ts[tokenAt(o)]?.pos === "NOUN" && tokenAt(o) > k && tokenAt(o) - k <= 4);
      const before = out.slice(first, i).reverse().find((o) => {
        const at = tokenAt(o);
        return ts[at]?.pos === "NOUN" && k - at <= 8 && /^(?:that|which)$/.test(ts[at + 1]?.lower ?? "") && !ts.slice(at + 2, k).some((x) => x.pos === "VERB");
      });
      const hosted = after ?? before;
      if (hosted) hosted.place ??= e.place;
    }
    const held = (ts[k]?.lemma === "take" && ts[k + 1]?.lower === "place") || (ts[k]?.lower === "held" && ts[k - 1]?.lemma === "be");
    if (!held) continue;
    const place = e.place ?? heldWhere(ts, k + (ts[k].lemma === "take" ? 1 : 0), at);
    const told = out.slice(first, i).reverse().find((o) => ts[tokenAt(o)]?.pos === "NOUN" && k - tokenAt(o) <= HELD_REACH);
    if (!told) continue;
    const t = tokenAt(told);
    let verbBetween = false;
    for (let j = t + 1; j < k; j++) {
      // "The talks, which Trump had proposed, will be held": a relative clause set off by commas is passed over.
      if (ts[j].text === "," && /^(?:which|who)$/i.test(ts[j + 1]?.text ?? "")) {
        const close = ts.findIndex((x, n) => n > j + 1 && n < k && x.text === ",");
        if (close > 0) {
          j = close;
          continue;
        }
      }
      if (ts[j].pos === "VERB" || HELD_STOPS.has(ts[j].lower)) verbBetween = true;
    }
    if (verbBetween) continue;
    told.place ??= place;
    told.time ??= e.time;
    // "The (highly anticipated) meeting … will take place next Friday": the noun takes the stance of the verb that
    // holds it, which its modifiers only anticipate, and its certainty ("Xi's visit could take place next week").
    if ((told.stance === "occurred" && e.stance !== "occurred" && e.stance !== "unknown") || (told.stance === "discussed" && e.stance === "scheduled")) told.stance = e.stance;
    if (e.factuality.startsWith("PS") || e.factuality.startsWith("PR")) told.factuality = e.factuality;
  }
}

// What may stand between a happening and the recurring gathering it is held at: "meet at APEC", "talks on the sidelines
// of the G20 summit", "during the BRICS summit".
const AT_GATHERING = /^\s*(?:[\w'’-]+\s+){0,5}?(?:at|during|on the sidelines of|on the margins of|at the sidelines of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$/i;
// How far from the day of the article an edition may be to be the one meant.
const EDITION_AHEAD_DAYS = 240;
const EDITION_BEHIND_DAYS = 30;

/**
 * "Trump and Xi agreed to meet at APEC": a happening held at a recurring gathering is held in the week of the edition
 * the article looks to (the next one, or one just ended), and in its city.
 */
export function gatheringEdition(text: string, t: Token, matches: EntityMatch[], dct: string | null): { time: string; place: string | null } | null {
  for (const m of matches) {
    if (m.start < t.end || m.start - t.end > 80) continue;
    if (!EDITIONS.has(m.entity) || !AT_GATHERING.test(text.slice(t.end, m.start))) continue;
    return editionOf(m.entity, dct);
  }
  return null;
}

/** The edition of a gathering the article's date falls near: the next one, else the one just held. */
export function editionOf(gathering: string, dct: string | null): { time: string; place: string | null } | null {
  const today = parseYmd(dct);
  const editions = EDITIONS.get(gathering);
  if (!today || !editions) return null;
  const day = dayNumber(today);
  const at = (d: string) => dayNumber(parseYmd(d)!);
  const edition = editions.find((e) => at(e.to) >= day && at(e.from) - day <= EDITION_AHEAD_DAYS) ?? [...editions].reverse().find((e) => at(e.to) < day && day - at(e.to) <= EDITION_BEHIND_DAYS);
  if (!edition) return null;
  return { time: fmtWeek(parseYmd(edition.from)!), place: edition.place ? (resolveName(edition.place, dct)?.id ?? null) : null };
}

const PRO_OBJECTS = new Set(["so", "it", "that"]);
const DENYING: ReadonlySet<Stance> = new Set(["unplanned", "refused", "called_off", "failed"]);
const PLANNING: ReadonlySet<Stance> = new Set(["scheduled", "discussed", "wanted"]);

/**
 * "I was to meet President Xi in two weeks, but now there seems to be no reason to do so": "do so" stands for the
 * happening named before it in the sentence and is a report of it; after "but", what it says of it is the news.
 */
function proForms(out: EventMention[], ts: Token[], first: number, tokenAt: TokenAt): void {
  for (let i = first + 1; i < out.length; i++) {
    const m = out[i];
    const k = tokenAt(m);
    if (ts[k]?.lemma !== "do" || !PRO_OBJECTS.has(ts[k + 1]?.lower ?? "")) continue;
    const antecedent = out.slice(first, i).reverse().find((o) => o.type !== "other" && o.type !== "say" && k - tokenAt(o) <= 25);
    if (!antecedent) continue;
    m.type = antecedent.type;
    m.cameo = antecedent.cameo;
    if (m.participants.length === 0) m.participants = [...antecedent.participants];
    m.place ??= antecedent.place;
    const contrast = ts.slice(tokenAt(antecedent) + 1, k).some((t) => t.lower === "but");
    if (contrast && DENYING.has(m.stance) && PLANNING.has(antecedent.stance)) antecedent.stance = m.stance;
  }
}

// How far (in tokens) the happening attended may follow the verb: "attend a military parade in Beijing".
const ATTENDED_REACH = 5;

/** An attendance takes the place of the happening it attends: "will attend a military parade in Beijing". */
function attendedPlaces(out: EventMention[], first: number, at: TokenAt): void {
  for (let i = first; i < out.length; i++) {
    const e = out[i];
    if (e.type !== "attend" || e.place !== null) continue;
    const k = at(e);
    const attended = out.slice(i + 1).find((o) => o.place !== null && at(o) > k && at(o) - k <= ATTENDED_REACH);
    if (attended) e.place = attended.place;
  }
}
