// Question use cases shared by the CLI and the API: add, refresh, show, replay, resolve, and score.
import type { Evidence, Forecast, ForecastUpdate, Question, QuestionStatus, Resolution } from "../domain/forecast.js";
import type { Stance } from "../domain/extraction.js";
import { officialsOf, resolveName } from "../extract/gazetteer.js";
import { forecast, placeFits, placeKnown, replay, DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../forecast/engine.js";
import { parseQuestion } from "../forecast/question.js";
import { calibration, timeAveragedScores, type CalibrationBin, type Scores } from "../forecast/scores.js";
import { countryOf, speaksFor } from "../extract/entity-facts.js";
import { addDays, dayRange, moreSpecificTime } from "../domain/calendar.js";
import type { Executor, Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import { addResolution, evidenceRows, getQuestion, latestResolution, listQuestions, questionUpdates, saveForecast, upsertQuestion, type EvidenceRow, type StoredQuestion } from "../store/questions.js";

/** Today's date (UTC): the default "as of" of a forecast. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Resolves participant names through the gazetteer as of a date. */
export function gazetteerResolver(name: string, date: string): { id: string; name: string } | null {
  const hit = resolveName(name, date);
  return hit ? { id: hit.id, name: hit.name } : null;
}

/**
 * The evidence a question reads: reports of claims of its indicators' types that involve its participants or their
 * countries (an envoy meeting the counterpart is a preparatory step).
 */
export async function questionEvidence(db: Executor, q: Question): Promise<Evidence[]> {
  const scope = questionScope(q);
  return asEvidence(await evidenceRows(db, scope.types, scope.entities));
}

/**
 * The claim types and entities whose reports a question reads: its participants and their countries, and for a
 * country taking part, the people who held its offices while the question was open (officials holding talks are
 * the countries holding them).
 */
export function questionScope(q: Question): { types: string[]; entities: string[] } {
  const types = [...new Set([q.event.type, ...q.indicators.flatMap((i) => i.match.type)])];
  const named = [...new Set([...q.event.participants, ...q.indicators.flatMap((i) => i.match.participants)])];
  const countries = named.map((p) => countryOf(p, q.opens)).filter((c): c is string => c !== null);
  const officials = q.event.participants.filter((p) => p.startsWith("country:")).flatMap((c) => officialsOf(c.slice("country:".length), q.opens, q.deadline));
  return { types, entities: [...new Set([...named, ...countries, ...officials])] };
}

/**
 * Evidence rows as the engine reads them: the on-the-record test made, the report's time settled, and its place: the
 * one it names, else its claim's when the claim's reports agree on where (one place, or places within one another).
 * A claim whose reports put it in New York and at the White House holds two happenings, and a report naming neither
 * ("will meet during the UN trip") tells nothing of where.
 */
export function asEvidence(rows: EvidenceRow[]): Evidence[] {
  const placesOf = new Map<string, Set<string>>();
  for (const r of rows) if (r.place) placesOf.set(r.claim, (placesOf.get(r.claim) ?? new Set()).add(r.place));
  const split = new Set<string>();
  for (const [claim, places] of placesOf) {
    // A venue of which nothing is known ("the Dolmabahce Palace") says nothing against the city the others name.
    const ps = [...places].filter(placeKnown);
    if (!ps.every((a) => ps.every((b) => placeFits(a, b) || placeFits(b, a)))) split.add(claim);
  }
  // The claim's time and place as its reports had told them by each day (a day's news taken together): a date or a
  // venue a later article gave the happening was not known when an earlier report appeared.
  const timeBy = new Map<string, Map<string, string | null>>();
  const placeBy = new Map<string, Map<string, string | null>>();
  const running = new Map<string, string | null>();
  const placed = new Map<string, string | null>();
  for (const r of [...rows].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0))) {
    const time = moreSpecificTime(running.get(r.claim) ?? null, r.eventTime);
    running.set(r.claim, time);
    if (!timeBy.has(r.claim)) timeBy.set(r.claim, new Map());
    timeBy.get(r.claim)!.set(r.published, time);
    // The most precise place told so far: "Geneva" after "Switzerland".
    const before = placed.get(r.claim);
    if (r.place && (!before || (r.place !== before && placeFits(before, r.place)))) placed.set(r.claim, r.place);
    if (!placeBy.has(r.claim)) placeBy.set(r.claim, new Map());
    placeBy.get(r.claim)!.set(r.published, placed.get(r.claim) ?? null);
  }
  return rows.map(({ source, claimPlace, ...r }) => {
    const eventTime = reportTime(r.eventTime, timeBy.get(r.claim)!.get(r.published)!, r.published, r.stance);
    // Told as held but dated wholly after the report ("the meeting in September", in July), or told as set for a time
    // already gone by ("had agreed to the Geneva meeting last week"): the reading contradicts itself, and tells
    // nothing either way.
    const when = dayRange(eventTime);
    const contradicts = !!when && ((r.stance === "occurred" && when.from > r.published) || (r.stance === "scheduled" && when.to < r.published));
    const stance = contradicts ? "unknown" : r.stance;
    // A plan's venue is the one told by then, not one a later article gave it; a happening told as held took place
    // where its claim did.
    const soFar = placesOf.has(r.claim) && r.stance !== "occurred" ? placeBy.get(r.claim)!.get(r.published)! : claimPlace;
    return { ...r, stance, place: r.place ?? (split.has(r.claim) ? null : soFar), onRecord: speaksFor(source.at(-1), r.participants, r.published), eventTime };
  });
}

/**
 * The time of the happening as a report tells it: its own calendar time; else its claim's date, when the report is
 * undated or only says it lies in the past and the claim's date is indeed past ("a week after he called it off"). A plan
 * told undated does not take a date already past from its claim: "would prepare proposals for a possible meeting" is
 * no news of the day in April the claim was first dated by.
 */
export function reportTime(own: string | null, claim: string | null, published: string, stance: Stance | null = null): string | null {
  if (dayRange(own)) return own;
  const c = dayRange(claim);
  if (!c) return own;
  if (own === "PAST_REF") return c.to < published ? claim : own;
  // "at a later date": a report that puts the happening off to no date tells of no day of the claim's.
  if (own === "FUTURE_REF") return own;
  if (c.to < published && stance !== null && stance !== "occurred" && stance !== "failed") return own;
  return claim;
}

/** The hand resolution in force for a question, if any. */
export async function override(db: Executor, id: string): Promise<Resolution | null> {
  const r = await latestResolution(db, id);
  return r ? { outcome: r.outcome, at: r.at, note: r.note ?? undefined } : null;
}

/** Recomputes one question as of a date from the ledger and stores its probability and update log. */
export async function refreshQuestion(db: Executor, id: string, asOf = today(), opts: EngineOptions = DEFAULT_ENGINE_OPTIONS): Promise<Forecast | undefined> {
  const stored = await getQuestion(db, id);
  if (!stored) return undefined;
  const f = forecast(stored.question, await questionEvidence(db, stored.question), asOf, await override(db, id), opts);
  await saveForecast(db, id, f, asOf);
  return f;
}

/**
 * Recomputes every question; run after each ingest so the odds follow the ledger. Each forecast is worked out from
 * reads and written in a short transaction of its own, so another writer waits for the write only, never the reading.
 * The evidence is kept in the process from one refresh to the next and only its changed claims are read again (see
 * `KeptEvidence`); a forecast whose question, resolution, date and evidence are as last time is not worked out again.
 */
export async function refreshAllQuestions(store: Store, asOf = today()): Promise<number> {
  const all = await listQuestions(store.db);
  const memory = keptEvidence.get(store) ?? keptEvidence.set(store, new Map()).get(store)!;
  for (const { question } of all) {
    const resolution = await override(store.db, question.id);
    const scope = questionScope(question);
    const scopeKey = JSON.stringify(scope);
    const kept = memory.get(scopeKey) ?? memory.set(scopeKey, new KeptEvidence(scope)).get(scopeKey)!;
    await kept.update(store.db);
    const inputs = JSON.stringify([question, resolution, asOf, kept.version]);
    const last = kept.forecasts.get(question.id);
    const f = last?.inputs === inputs ? last.forecast : forecast(question, kept.evidence, asOf, resolution);
    kept.forecasts.set(question.id, { inputs, forecast: f });
    await store.transaction(async (tx) => {
      // A question replaced, resolved or removed meanwhile is left to the write that changed it, which computes anew.
      const now = await getQuestion(tx, question.id);
      const same = now && JSON.stringify(now.question) === JSON.stringify(question) && JSON.stringify(await override(tx, question.id)) === JSON.stringify(resolution);
      if (same) await saveForecast(tx, question.id, f, asOf);
    });
  }
  return all.length;
}

/**
 * Reads every question's evidence into the process's memory ahead of the first refresh, so that refresh (a long-running
 * process's first arrival) costs what the later ones do. Writes nothing.
 */
export async function keepEvidence(store: Store): Promise<void> {
  const memory = keptEvidence.get(store) ?? keptEvidence.set(store, new Map()).get(store)!;
  for (const { question } of await listQuestions(store.db)) {
    const scope = questionScope(question);
    const scopeKey = JSON.stringify(scope);
    const kept = memory.get(scopeKey) ?? memory.set(scopeKey, new KeptEvidence(scope)).get(scopeKey)!;
    await kept.update(store.db);
  }
}

// Claims read again one by one at most; past this (a long run's worth of changes) the evidence is read whole.
const REREAD_CLAIMS = 2000;

const keptEvidence = new WeakMap<Store, Map<string, KeptEvidence>>();

/**
 * One question scope's evidence, kept in the process between refreshes. Linking an article changes only the claims it
 * reports (their rows, origins and reports), so the claims with reports in articles stored after the last read (by
 * any writer) are the only ones read again; each claim's evidence is worked out from its own reports alone
 * (`asEvidence` reads nothing across claims), and the whole stays in the order the full read gives.
 */
class KeptEvidence {
  /** The number of the last stored article the evidence reflects; -1 before the first read. */
  private seq = -1;
  private readonly byClaim = new Map<string, Evidence[]>();
  /** All of it, in publication order, then report id (as the store orders it). */
  evidence: Evidence[] = [];
  /** Bumped each time the evidence changes. */
  version = 0;
  /** The last forecast worked out per question, with what it was worked out from. */
  readonly forecasts = new Map<string, { inputs: string; forecast: Forecast }>();

  constructor(private readonly scope: { types: string[]; entities: string[] }) {}

  async update(db: Executor): Promise<void> {
    // Read before the evidence: an article stored in between is read again next time, never missed.
    const latest = await latestSeq(db);
    if (latest === this.seq) return;
    const touched = this.seq < 0 ? null : await claimsReportedAfter(db, this.seq);
    if (touched === null || touched.length > REREAD_CLAIMS) {
      this.byClaim.clear();
      this.take(await evidenceRows(db, this.scope.types, this.scope.entities));
      this.evidence = [...this.byClaim.values()].flat().sort(byStoreOrder);
      this.version++;
    } else if (touched.length > 0) {
      const gone = new Set(touched.filter((id) => this.byClaim.delete(id)));
      const fresh = this.take(await evidenceRows(db, this.scope.types, this.scope.entities, touched));
      if (gone.size > 0 || fresh.length > 0) {
        this.evidence = mergeSorted(
          gone.size > 0 ? this.evidence.filter((e) => !gone.has(e.claim)) : this.evidence,
          fresh.sort(byStoreOrder),
        );
        this.version++;
      }
    }
    this.seq = latest;
  }

  /** Works out the evidence of each claim the rows are of, and keeps it; returns it. */
  private take(rows: EvidenceRow[]): Evidence[] {
    const of = new Map<string, EvidenceRow[]>();
    for (const r of rows) (of.get(r.claim) ?? of.set(r.claim, []).get(r.claim)!).push(r);
    const out: Evidence[] = [];
    for (const [claim, claimRows] of of) {
      const evidence = asEvidence(claimRows);
      this.byClaim.set(claim, evidence);
      out.push(...evidence);
    }
    return out;
  }
}

/** The claims with reports in articles stored after number `seq`. */
async function claimsReportedAfter(db: Executor, seq: number): Promise<string[]> {
  // The articles' numbers first (a few), then their reports through the index by article: given the range on the
  // reports themselves, the planner walks every report by claim for the distinct ids.
  const rows = await db
    .selectFrom("reports")
    .select("claim_id")
    .distinct()
    .where("seq", "in", (eb) => eb.selectFrom("articles").select("seq").where("seq", ">", seq))
    .execute();
  return rows.map((r) => r.claim_id);
}

/** Strings in the order the store sorts them (by code point: SQLite's binary order, PostgreSQL's "C" collation). */
function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogates, UTF-16 units order as code points do; past them, compare whole code points.
    if (x < 0xd800 && y < 0xd800) return x - y;
    return a.codePointAt(i)! - b.codePointAt(i)! || (x < y ? -1 : 1);
  }
  return a.length - b.length;
}

/** Evidence in the full read's order: publication, then report id. */
function byStoreOrder(a: Evidence, b: Evidence): number {
  return codePointCompare(a.published, b.published) || codePointCompare(a.report, b.report);
}

/** Two lists sorted by `byStoreOrder`, merged. */
function mergeSorted(a: Evidence[], b: Evidence[]): Evidence[] {
  if (b.length === 0) return a;
  const out: Evidence[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byStoreOrder(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Validates a question file's text, stores it (replacing one with the same id) and computes its odds. */
export async function addQuestion(store: Store, yaml: string, source: string, asOf = today()): Promise<Question> {
  const q = parseQuestion(yaml, source, gazetteerResolver);
  await store.transaction(async (tx) => {
    await upsertQuestion(tx, q, yaml);
    await refreshQuestion(tx, q.id, asOf);
  });
  return q;
}

/** A question as `bellwether question show --json` prints it. */
export interface QuestionView extends Pick<Question, "id" | "title" | "criteria" | "opens" | "deadline" | "prior" | "event" | "indicators"> {
  probability: number;
  status: QuestionStatus;
  resolved_at: string | null;
  as_of: string | null;
  updates: ForecastUpdate[];
  scores: Scores | null;
}

/** The days a resolved question is scored over: opens up to the day before it resolved (or its deadline); else null. */
export function scoredSpan(s: StoredQuestion): { from: string; to: string } | null {
  if (s.status === "open" || !s.resolved_at) return null;
  const q = s.question;
  const last = addDays(s.resolved_at, -1) < q.deadline ? addDays(s.resolved_at, -1) : q.deadline;
  return last < q.opens ? null : { from: q.opens, to: last };
}

/** Daily path over the days a resolved question was open. */
async function openPath(db: Executor, s: StoredQuestion): Promise<Array<{ date: string; probability: number }>> {
  const span = scoredSpan(s);
  if (!span) return [];
  return replay(s.question, await questionEvidence(db, s.question), span.from, span.to, 1, await override(db, s.question.id));
}

async function scoresOf(db: Executor, s: StoredQuestion): Promise<Scores | null> {
  const path = await openPath(db, s);
  return path.length ? timeAveragedScores({ path, outcome: s.status === "yes" ? 1 : 0 }) : null;
}

/**
 * A question's forecast as of a date, without writing anything: the stored one when it was computed as of that date
 * (or no date is asked for), else worked out from the ledger as it stands.
 */
async function forecastAsOf(db: Executor, s: StoredQuestion, asOf: string | undefined): Promise<StoredQuestion & { updates: ForecastUpdate[] }> {
  if (asOf === undefined || asOf === s.as_of) return { ...s, updates: await questionUpdates(db, s.question.id) };
  const f = forecast(s.question, await questionEvidence(db, s.question), asOf, await override(db, s.question.id));
  return { ...s, probability: f.probability, status: f.status, resolved_at: f.resolved_at, as_of: asOf, updates: f.updates };
}

/**
 * One question with its update log and, once resolved, its scores. Reads only: the forecast stored when evidence last
 * arrived, or, for another date, one worked out without storing it.
 */
export async function showQuestion(store: Store, id: string, asOf?: string): Promise<QuestionView | undefined> {
  const stored = await getQuestion(store.db, id);
  if (!stored) return undefined;
  const s = await forecastAsOf(store.db, stored, asOf);
  const q = s.question;
  return {
    id: q.id,
    title: q.title,
    criteria: q.criteria,
    opens: q.opens,
    deadline: q.deadline,
    prior: q.prior,
    probability: s.probability,
    status: s.status,
    resolved_at: s.resolved_at,
    as_of: s.as_of,
    event: q.event,
    indicators: q.indicators,
    updates: s.updates,
    scores: await scoresOf(store.db, s),
  };
}

/** The probability as of each date from `from` to `to`, using only articles published by then. */
export async function replayQuestion(db: Executor, id: string, from: string, to: string, stepDays = 1): Promise<Array<{ date: string; probability: number }> | undefined> {
  const s = await getQuestion(db, id);
  if (!s) return undefined;
  return replay(s.question, await questionEvidence(db, s.question), from, to, stepDays, await override(db, id));
}

/** Resolves a question by hand (logged with the time it was done) and recomputes it. */
export async function resolveQuestion(store: Store, id: string, outcome: "yes" | "no", at: string, note: string | null, asOf = today()): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (!(await getQuestion(tx, id))) return false;
    await addResolution(tx, id, outcome, at, note, new Date().toISOString());
    await refreshQuestion(tx, id, asOf);
    return true;
  });
}

export interface QuestionsSummary {
  questions: Array<{ id: string; title: string; deadline: string; probability: number; status: QuestionStatus; resolved_at: string | null; brier: number | null; log: number | null }>;
  /** Each bin also says which questions' days fall in it, so its counts can be traced. */
  calibration: Array<CalibrationBin & { by_question: Array<{ id: string; forecasts: number }> }>;
}

/**
 * Every question with its probability and status, the scores of resolved ones, and calibration across them. Reads
 * only, as `showQuestion` does.
 */
export async function summarizeQuestions(store: Store, asOf?: string): Promise<QuestionsSummary> {
  const all = await listQuestions(store.db);
  const paths: Array<{ id: string; path: Array<{ date: string; probability: number }>; outcome: 0 | 1 }> = [];
  const rows: QuestionsSummary["questions"] = [];
  for (const stored of all) {
    const s = await forecastAsOf(store.db, stored, asOf);
    const path = await openPath(store.db, s);
    const scores = path.length ? timeAveragedScores({ path, outcome: s.status === "yes" ? 1 : 0 }) : null;
    if (path.length) paths.push({ id: s.question.id, path, outcome: s.status === "yes" ? 1 : 0 });
    rows.push({ id: s.question.id, title: s.question.title, deadline: s.question.deadline, probability: s.probability, status: s.status, resolved_at: s.resolved_at, brier: scores?.brier ?? null, log: scores?.log ?? null });
  }
  const own = paths.map((p) => ({ id: p.id, bins: calibration([p]) }));
  const bins = calibration(paths).map((b) => ({
    ...b,
    by_question: own.flatMap((o) => o.bins.filter((x) => x.from === b.from).map((x) => ({ id: o.id, forecasts: x.forecasts }))),
  }));
  return { questions: rows, calibration: bins };
}
