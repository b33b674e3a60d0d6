// The days a question's path is drawn over, from a request's `from`, `to` and `step`: checked here so a server can
// work it out on the thread that draws the path, without reading the question on the thread that answers requests.
import { daysBetween, isCalendarDate } from "../domain/calendar.js";
import type { StoredQuestion } from "../store/questions.js";

// Longest path served in one response, in points.
export const MAX_REPLAY_POINTS = 3700;

/** A path's days as asked for; absent fields take the question's defaults. */
export interface RangeAsked {
  from?: string;
  to?: string;
  step?: string;
}

/**
 * From `from` (default: opens) to `to` (default: the deadline or today, whichever is first, or the day the question
 * settled if later), every `step` days, with at most MAX_REPLAY_POINTS points; or what is wrong with the request,
 * naming the field.
 */
export function pathRange(stored: StoredQuestion, q: RangeAsked, now: string): { from: string; to: string; step: number } | { problem: string } {
  for (const name of ["from", "to"] as const) {
    const v = q[name];
    if (v !== undefined && !isCalendarDate(v)) return { problem: `querystring.${name} is not a calendar date` };
  }
  const question = { opens: stored.question.opens, deadline: stored.question.deadline, status: stored.status, resolved_at: stored.resolved_at };
  const from = q.from ?? question.opens;
  // A question settled after its deadline (a "no" is known the day after) ends its path on the settling day.
  const open = question.deadline < now ? question.deadline : now;
  const settled = question.status !== "open" && question.resolved_at && question.resolved_at > open ? question.resolved_at : open;
  const to = q.to ?? settled;
  const step = q.step ? Number.parseInt(q.step, 10) : 1;
  if (to < from) return { problem: `querystring.to (${to}) is before querystring.from (${from})` };
  if (daysBetween(from, to) / step > MAX_REPLAY_POINTS) return { problem: `querystring.step is too small for that range: more than ${MAX_REPLAY_POINTS} points` };
  return { from, to, step };
}
