// The odds engine: evidence moves log-odds by indicator likelihood ratios, once per independent origin; time passing
// without a scheduled date lowers them; a confirmed past happening resolves YES, a passed deadline NO.
import type { Factuality } from "../domain/extraction.js";
import type { Evidence, Forecast, ForecastUpdate, Indicator, Question, Resolution } from "../domain/forecast.js";
import { addDays, dayRange, daysBetween, rangeWidth } from "../domain/calendar.js";

export interface EngineOptions {
  /** How much of an indicator's log-likelihood ratio a report carries, by certainty. */
  certaintyWeight: Record<"CT" | "PR" | "PS" | "Uu", number>;
  /** The n-th independent origin on the same claim and indicator counts originDecay^(n-1) as much as the first. */
  originDecay: number;
  /** Probabilities stay inside [floor, 1 - floor] until the question resolves. */
  floor: number;
  /** A report of a happening that ended more than this many days before it was published is old news: it moves nothing. */
  retrospectiveDays: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  certaintyWeight: { CT: 1, PR: 0.6, PS: 0.3, Uu: 0.3 },
  originDecay: 0.7,
  floor: 0.005,
  retrospectiveDays: 3,
};

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function certainty(f: Factuality): "CT" | "PR" | "PS" | "Uu" {
  return f === "Uu" ? "Uu" : (f.slice(0, 2) as "CT" | "PR" | "PS");
}

function polarity(f: Factuality): "+" | "-" | null {
  return f === "Uu" ? null : f.endsWith("-") ? "-" : "+";
}

function involves(indicator: Indicator, participants: string[]): boolean {
  const want = indicator.match.participants;
  if (want.length === 0) return true;
  return indicator.match.participants_mode === "all" ? want.every((p) => participants.includes(p)) : want.some((p) => participants.includes(p));
}

/** A calendar date or month for the happening, no broader. */
function isScheduled(e: Evidence): boolean {
  const r = dayRange(e.eventTime);
  return !!r && rangeWidth(r) <= 31 && r.to >= e.published;
}

/**
 * The indicator a report counts for and in which direction (+1 as written, -1 as its inverse), or null.
 * Of the indicators a report fits as written, the strongest wins; a report fits an inverse only when none fits directly.
 */
export function matchIndicator(indicators: Indicator[], e: Evidence): { indicator: Indicator; sign: 1 | -1 } | null {
  const pol = polarity(e.factuality) ?? "+";
  let direct: Indicator | null = null;
  let inverse: Indicator | null = null;
  for (const ind of indicators) {
    const m = ind.match;
    if (!m.type.includes(e.type) || !involves(ind, e.participants)) continue;
    if (m.on_record && !e.onRecord) continue;
    if (m.scheduled && !isScheduled(e)) continue;
    const strength = Math.abs(Math.log(ind.lr));
    if (m.polarity === pol) {
      if (!direct || strength > Math.abs(Math.log(direct.lr))) direct = ind;
    } else if (!inverse || strength > Math.abs(Math.log(inverse.lr))) inverse = ind;
  }
  if (direct) return { indicator: direct, sign: 1 };
  if (inverse && !inverse.match.on_record && !inverse.match.scheduled) return { indicator: inverse, sign: -1 };
  return null;
}

/** The report tells of a happening that was over well before the report appeared ("a week after he called it off"). */
function isRetrospective(e: Evidence, days: number): boolean {
  // "has never met" says nothing against a meeting yet to come.
  if (e.eventTime === "PAST_REF" && polarity(e.factuality) === "-") return true;
  const r = dayRange(e.eventTime);
  return !!r && addDays(r.to, days) < e.published;
}

/** A positive report of the resolving event itself that gives it a calendar date ahead: a date has been set. */
function setsDate(q: Question, e: Evidence): string | null {
  if (e.type !== q.event.type || polarity(e.factuality) !== "+" || e.factuality === "Uu") return null;
  if (!q.event.participants.every((p) => e.participants.includes(p)) || !isScheduled(e)) return null;
  const to = dayRange(e.eventTime)!.to;
  return to <= q.deadline ? to : null;
}

/** A report that shows the resolving event as having happened (a past, certain, positive mention). */
function showsHappened(q: Question, e: Evidence): boolean {
  if (e.type !== q.event.type || e.factuality !== "CT+") return false;
  if (!q.event.participants.every((p) => e.mentionParticipants.includes(p))) return false;
  const r = dayRange(e.eventTime);
  if (!r || r.to > e.published || rangeWidth(r) > 31) return false;
  // The happening itself must fall inside the question's window.
  return r.from >= q.opens && r.to <= q.deadline;
}

interface OriginState {
  weight: number;
  rank: number;
}

/**
 * Computes a question's probability as of `asOf` from the evidence published on or before that date only.
 * Evidence is applied in publication order; every change is logged with the reports behind it.
 */
export function forecast(q: Question, evidence: Evidence[], asOf: string, override: Resolution | null = null, opts: EngineOptions = DEFAULT_ENGINE_OPTIONS): Forecast {
  const usable = evidence
    .filter((e) => e.published <= asOf && e.published >= q.opens)
    .sort((a, b) => a.published.localeCompare(b.published) || a.report.localeCompare(b.report));
  const updates: ForecastUpdate[] = [];
  const clamp = (p: number) => Math.min(1 - opts.floor, Math.max(opts.floor, p));
  let p = clamp(q.prior);
  let clock = q.opens;
  let scheduledFor: string | null = null;
  const origins = new Map<string, Map<string, OriginState>>();
  const happened = new Map<string, Set<string>>();
  let resolved: { outcome: "yes" | "no"; at: string } | null = null;

  const decayTo = (day: string) => {
    if (day <= clock) return;
    const end = q.deadline;
    let from = clock;
    clock = day;
    if (scheduledFor) {
      if (scheduledFor >= day) return;
      // The scheduled day passed without the happening being reported: the hazard applies from then on.
      if (scheduledFor > from) from = scheduledFor;
      scheduledFor = null;
    }
    const left0 = daysBetween(from, end) + 1;
    const left1 = Math.max(0, daysBetween(day, end) + 1);
    if (left0 <= 0) return;
    const next = clamp(1 - Math.pow(1 - p, left1 / left0));
    if (Math.abs(next - p) >= 0.0005) {
      updates.push({ at: day, probability: next, previous: p, indicator: "time passing", claim: null, reports: [], reason: `no scheduled date; ${daysBetween(from, day)} days passed with ${left1} left before the deadline` });
    }
    p = next;
  };

  for (const e of usable) {
    if (e.published > q.deadline) break;
    decayTo(e.published);
    if (showsHappened(q, e)) {
      const seen = happened.get(e.claim) ?? new Set<string>();
      seen.add(e.origin);
      happened.set(e.claim, seen);
      if (e.onRecord || seen.size >= 2) {
        updates.push({ at: e.published, probability: 1, previous: p, indicator: "resolving event confirmed", claim: e.claim, reports: [e.report], reason: e.onRecord ? "on the record from a participant" : `${seen.size} independent origins report it happened` });
        p = 1;
        resolved = { outcome: "yes", at: e.published };
        break;
      }
    }
    if (isRetrospective(e, opts.retrospectiveDays)) continue;
    const date = setsDate(q, e);
    if (date) scheduledFor = date;
    const hit = matchIndicator(q.indicators, e);
    if (!hit) continue;
    const key = `${hit.indicator.name}\u0000${e.claim}`;
    let perClaim = origins.get(key);
    if (!perClaim) origins.set(key, (perClaim = new Map()));
    const w = opts.certaintyWeight[certainty(e.factuality)];
    let state = perClaim.get(e.origin);
    if (!state) perClaim.set(e.origin, (state = { weight: 0, rank: perClaim.size }));
    if (w <= state.weight) continue;
    const delta = hit.sign * (w - state.weight) * Math.pow(opts.originDecay, state.rank) * Math.log(hit.indicator.lr);
    state.weight = w;
    const next = clamp(sigmoid(logit(p) + delta));
    // Evidence against the happening (a denial, a cancellation) unsets the date it was to take place on.
    if (delta < 0) scheduledFor = null;
    updates.push({
      at: e.published,
      probability: next,
      previous: p,
      indicator: hit.sign > 0 ? hit.indicator.name : `not: ${hit.indicator.name}`,
      claim: e.claim,
      reports: [e.report],
      reason: `${e.factuality} report, origin ${state.rank + 1} on this claim, likelihood ratio ${hit.indicator.lr}${hit.sign < 0 ? " inverted" : ""}`,
    });
    p = next;
  }

  if (override && override.at <= asOf) {
    resolved = { outcome: override.outcome, at: override.at };
    const final = override.outcome === "yes" ? 1 : 0;
    updates.push({ at: override.at, probability: final, previous: p, indicator: "manual resolution", claim: null, reports: [], reason: override.note ?? "resolved by hand" });
    p = final;
  }
  if (!resolved) {
    if (asOf > q.deadline) {
      decayTo(addDays(q.deadline, 1));
      updates.push({ at: addDays(q.deadline, 1), probability: 0, previous: p, indicator: "deadline passed", claim: null, reports: [], reason: `no confirmed ${q.event.type} by ${q.deadline}` });
      p = 0;
      resolved = { outcome: "no", at: addDays(q.deadline, 1) };
    } else {
      decayTo(asOf);
    }
  }
  return { probability: p, status: resolved ? resolved.outcome : "open", resolved_at: resolved?.at ?? null, updates };
}

/** The probability path as of each date from `from` to `to`, every `stepDays`, each from evidence published by then. */
export function replay(q: Question, evidence: Evidence[], from: string, to: string, stepDays = 1, override: Resolution | null = null, opts: EngineOptions = DEFAULT_ENGINE_OPTIONS): Array<{ date: string; probability: number }> {
  const path: Array<{ date: string; probability: number }> = [];
  for (let d = from; d <= to; d = addDays(d, stepDays)) {
    path.push({ date: d, probability: forecast(q, evidence, d, override, opts).probability });
  }
  return path;
}
