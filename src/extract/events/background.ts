// Recaps: a mention that recalls a happening well before the article ("who met Kim three times in his first term",
// "the 2018 summit", "Kim recalled their meetings") is background, never news. Told by its time when the time is a
// calendar value that ends well before the article, else by the marks of a recap in its own clause, else by a pointer
// back at a recap just told ("That visit produced a joint declaration").
import type { EventMention, Stance } from "../../domain/extraction.js";
import { addDays, dayRange, daysBetween } from "../../domain/calendar.js";
import { tokenAtOrAfter, type Doc, type Token } from "../01-tokens.js";
import { loadData } from "../resources.js";

interface StanceLexicon {
  background: { markers: string[]; recallVerbs: string[]; days: number };
  clauseStops: string[];
}

interface BackgroundLexicon {
  notMarks: string[];
  closers: string[];
  pointers: string[];
  definite: string[];
  pointerReach: number;
  fresh: string[];
  spans: string[];
  ahead: string[];
  anaphoricSubjects: string[];
}

const LEX = loadData<StanceLexicon>("lexicons/stance.json");
const OWN = loadData<BackgroundLexicon>("lexicons/background.json");
const NOT_MARKS = new Set(OWN.notMarks);
/** Phrases, each as its words, by the word they open with. */
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const p of phrases) m.set(p[0], [...(m.get(p[0]) ?? []), p]);
  return m;
}
const MARKERS = byFirstWord(LEX.background.markers.filter((m) => !NOT_MARKS.has(m)).map((m) => m.split(" ")));
const RECALL = new Set(LEX.background.recallVerbs);
const STOPS = new Set([...LEX.clauseStops, ";", ","]);
const CLOSERS = byFirstWord(OWN.closers.map((m) => m.split(" ")));
const words = (list: string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
// A pointer, then at most `pointerReach` words of its own ("that Bali meeting"), right before the trigger.
const POINTER = new RegExp(`(?:^|[^\\p{L}])(?:${words(OWN.pointers)})\\s+(?:[\\p{L}\\d'’.-]+\\s+){0,${OWN.pointerReach}}$`, "iu");
const DEFINITE = new RegExp(`(?:^|[^\\p{L}])(?:${words(OWN.definite)})\\s+(?:[\\p{L}\\d'’.-]+\\s+){0,${OWN.pointerReach}}$`, "iu");
const FRESH = new Set(OWN.fresh);
// A sentence opening on a subject that points back at the people just told of ("They", "The two men", "Both leaders").
const ANAPHORIC_OPENING = new RegExp(`^\\W*(?:${words(OWN.anaphoricSubjects)})\\b`, "iu");
// How many words before the trigger a word making it another happening to come may stand ("a new in-person meeting").
const FRESH_REACH = 3;
const SPANS = new Set(OWN.spans);
const AHEAD = new Set(OWN.ahead);
// Tokens that end the clause a span's "after" opens, read back from the trigger.
const AFTER_STOPS = new Set([",", ";", ":", ".", "—", "–", "(", ")"]);
// How far back from the trigger the "after" of a span may stand.
const AFTER_REACH = 20;
// How many sentences back a demonstrative ("that summit") may point.
const DEMONSTRATIVE_REACH = 2;
// How far a recap's mark may stand from the trigger, either side, inside its clause.
const MARK_REACH = 10;
// Stances that tell of a happening that is over: only these are recaps by their marks alone.
const OVER: ReadonlySet<Stance> = new Set(["occurred", "failed", "called_off", "refused"]);
// Stances of a plan that may still stand: an old date in the sentence does not make them history.
const STILL_AHEAD: ReadonlySet<Stance> = new Set(["scheduled", "discussed", "unknown"]);
// Stances whose date is that of their telling (the wish, the offer, the "no plans"), not of the happening they look
// ahead to: an old date makes them history only when the sentence closes the episode.
const TOLD_AHEAD: ReadonlySet<Stance> = new Set(["wanted", "unplanned"]);

/** What the background reader needs to know about one mention. */
export interface BackgroundInput {
  ts: Token[];
  k: number;
  time: string | null;
  dct: string | null;
  stance: Stance;
  /** Calendar values of the time expressions the sentence states before the trigger (not those bounding a stretch). */
  earlier?: string[];
  /** Calendar values of the times after the trigger that open a stretch ("since 2017"). */
  since?: string[];
}

/** True when the mention recalls a happening well before the article. */
export function readBackground(inp: BackgroundInput): boolean {
  const r = dayRange(inp.time);
  // "hinted at being open to a new meeting": another happening still to come, whatever old date the sentence names;
  // "the next summit, in Hanoi in 2019, collapsed" is next to an earlier one, held and dated well back.
  if (fresh(inp.ts, inp.k) && !(r && inp.dct && OVER.has(inp.stance) && endsWellBefore(r, inp.dct))) return false;
  // "Xi has not visited the United States since 2017": an absence counted from well back recaps the history.
  if (inp.stance === "failed" && inp.dct && (inp.since ?? []).some((v) => {
    const t = dayRange(v);
    return !!t && endsWellBefore(t, inp.dct!);
  })) return true;
  if (r && inp.dct) {
    if (TOLD_AHEAD.has(inp.stance) && !closed(inp.ts, inp.k)) return false;
    return endsWellBefore(r, inp.dct);
  }
  // "In March, Biden said he would not invite him", "Ten months ago in Bali, the two shook hands": an undated
  // happening in a sentence set well before the article is history, unless it is still told as a plan.
  if (!r && inp.dct && !STILL_AHEAD.has(inp.stance) && (inp.earlier ?? []).some((v) => {
    const t = dayRange(v);
    return !!t && endsWellBefore(t, inp.dct!);
  })) return true;
  if (longAfter(inp.ts, inp.k)) return true;
  if (!OVER.has(inp.stance)) return false;
  return markedAsRecap(inp.ts, inp.k);
}

/**
 * "The signing comes two months after the agreement was supposed to be sealed during Zelensky's visit", "more than a
 * month after the Oval Office confrontation": what a clause opened by "<span> after" tells lies that long before its
 * head, and so well before the article, unless the head is still ahead.
 */
function longAfter(ts: Token[], k: number): boolean {
  for (let j = k - 1; j > 1 && k - j <= AFTER_REACH; j--) {
    const w = ts[j].lower;
    if (AFTER_STOPS.has(w)) return false;
    if (w !== "after") continue;
    if (!SPANS.has(ts[j - 1].lower)) return false;
    for (let i = 0; i < j - 1; i++) if (AHEAD.has(ts[i].lower)) return false;
    return true;
  }
  return false;
}

/**
 * A calendar time ending at least a week before the article, or a stretch wholly before the article's day whose middle,
 * where a happening told by it most likely fell, lies a week or more before ("last month" told on Oct. 5 is history,
 * "last week" told on a Tuesday is not yet).
 */
function endsWellBefore(r: { from: string; to: string }, dct: string): boolean {
  const cut = addDays(dct, -LEX.background.days);
  if (r.to <= cut) return true;
  return r.to < dct && addDays(r.from, Math.floor(daysBetween(r.from, r.to) / 2)) <= cut;
}

/** A word right before a noun trigger that makes it another happening still to come ("a new meeting", "the next round"). */
function fresh(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  for (let j = k - 1; j >= 0 && k - j <= FRESH_REACH; j--) {
    if (FRESH.has(ts[j].lower)) return true;
    if (ts[j].pos !== "ADJ" && ts[j].pos !== "NOUN" && ts[j].pos !== "PROPN" && ts[j].text !== "-") return false;
  }
  return false;
}

/** A word after the trigger that tells its episode to its end ("and was rebuffed", "a promise that went unmet"). */
function closed(ts: Token[], k: number): boolean {
  for (let j = k + 1; j < ts.length; j++) {
    for (const m of CLOSERS.get(ts[j].lower) ?? []) if (m.every((w, i) => ts[j + i]?.lower === w)) return true;
  }
  return false;
}

/** A recap's mark in the trigger's clause, or a verb of remembering governing it. */
function markedAsRecap(ts: Token[], k: number): boolean {
  let from = k;
  while (from > 0 && k - from < MARK_REACH && !STOPS.has(ts[from - 1].lower)) from--;
  let to = k;
  while (to < ts.length - 1 && to - k < MARK_REACH && !STOPS.has(ts[to + 1].lower)) to++;
  for (let j = from; j < k; j++) if (RECALL.has(ts[j].lower) || RECALL.has(ts[j].lemma)) return true;
  for (let j = from; j <= to; j++) {
    for (const m of MARKERS.get(ts[j].lower) ?? []) {
      if (m.every((w, i) => ts[j + i]?.lower === w) && j + m.length - 1 <= to) return true;
    }
  }
  return false;
}

/**
 * A happening told as having taken place and pointed back at ("That visit produced a joint declaration", "the momentum from those
 * talks") is the recap just told. Only happenings told as over are pointed at: a demonstrative follows the nearest one
 * of its kind in its own or the two sentences before, else the nearest of any kind in the sentence before; "the"
 * follows only when every happening of its kind told as over in its own or the sentence before is a recap.
 */
export function followRecaps(doc: Doc, events: EventMention[], dated: ReadonlySet<number>): void {
  const text = doc.text;
  for (let i = 0; i < events.length; i++) {
    const m = events[i];
    // A pointer telling a fate of its own ("That meeting never took place") is news about the happening, not a recap.
    if (m.background || m.stance !== "occurred" || (m.time !== null && m.time !== "PAST_REF")) continue;
    const before = text.slice(Math.max(0, m.trigger.start - 40), m.trigger.start);
    // Only a noun is pointed at: in "The envoys talked" the article belongs to the subject.
    const noun = doc.tokens[tokenAtOrAfter(doc, m.trigger.start)]?.pos !== "VERB";
    const demonstrative = noun && POINTER.test(before);
    if (!demonstrative && !(noun && DEFINITE.test(before))) {
      if (continuesRecap(doc, m, events, i, dated)) m.background = true;
      continue;
    }
    const reach = demonstrative ? DEMONSTRATIVE_REACH : 1;
    const told: EventMention[] = [];
    for (let j = i - 1; j >= 0 && events[j].sentence >= m.sentence - reach; j--) if (OVER.has(events[j].stance)) told.push(events[j]);
    const kin = told.filter((a) => a.type === m.type);
    if (demonstrative) {
      const to = kin[0] ?? told.find((a) => a.sentence >= m.sentence - 1);
      if (to?.background) m.background = true;
    } else if (kin.length > 0 && kin.every((a) => a.background)) m.background = true;
  }
}

/**
 * The telling of a recap goes on past its first sentence ("That was in Paris on Dec. 9, 2019 … The two men talked about
 * a ceasefire"): a happening told as over in a sentence that names no date of its own and opens on a subject pointing
 * back ("they", "the two men"), right after a sentence whose every happening told as over is a recap, is the recap.
 */
function continuesRecap(doc: Doc, m: EventMention, events: EventMention[], i: number, dated: ReadonlySet<number>): boolean {
  if (dated.has(m.sentence) || !ANAPHORIC_OPENING.test(doc.text.slice(doc.sentences[m.sentence].start, m.trigger.start))) return false;
  const prev = events.filter((a, j) => j < i && a.sentence === m.sentence - 1 && OVER.has(a.stance));
  return prev.length > 0 && prev.every((a) => a.background);
}
