// When a happening takes place: the nearest time expression of its clause, else a past or future reference.
import type { Attribution, TimeExpr } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import { BOUNDARY_PREPOSITIONS, CLAUSE_BREAKS, FUTURE_MARKERS, MAX_TIME_DISTANCE } from "./lexicon.js";
import { sourceOf } from "./source.js";

const TEMPORAL_OPENERS = new Set(["after", "before", "since", "until"]);
const FORWARD_AUX = new Set(["will", "would", "could", "can", "may", "might", "should", "shall", "must", "'ll", "wo", "ca"]);

/** An undated verb in the past or perfect tense ("met", "has never met") happened, if at all, before the article: PAST_REF. */
export function pastReference(ts: Token[], k: number): string | null {
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

/** Nearest time expression in the sentence, preferring the trigger's own clause (commas, "that" and verbs count extra). */
export function timeOf(ts: Token[], k: number, times: PlacedTime[], region: Attribution | null): string | null {
  let best: { d: number; v: string } | null = null;
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
    if (tm.first > 0 && BOUNDARY_PREPOSITIONS.has(ts[tm.first - 1].lower)) continue;
    // "said on Monday, a month after the two men held talks": a time before a clause opened by "after" or "before"
    // dates the clause it stands in, not the earlier or later happening the subordinate clause tells of.
    if (tm.last < k && opensClauseBetween(ts, tm.last + 1, k)) continue;
    let d = hi - lo;
    for (let j = lo + 1; j < hi && d <= MAX_TIME_DISTANCE; j++) {
      const w = ts[j].lower;
      // A semicolon joins two sentences: a time on the far side dates the other one.
      if (w === ";") d = Infinity;
      if (w === "," || w === "that") d += 6;
      if (j !== k && ts[j].pos === "VERB") d += 3;
    }
    if (d <= MAX_TIME_DISTANCE && (!best || d < best.d)) best = { d, v: tm.value };
  }
  return best?.v ?? null;
}

