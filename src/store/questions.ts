// Forecast questions: definitions, logged probability updates, hand resolutions, and the evidence they read.
import type { Factuality, SourceRef, Stance } from "../domain/extraction.js";
import type { Evidence, ForecastUpdate, Question, QuestionStatus } from "../domain/forecast.js";
import type { Executor } from "./index.js";
import { chunks } from "./rows.js";
import { participantsOf } from "./ledger.js";
import { readSources } from "./sources.js";
import { reportIdOf } from "./report-ids.js";

export interface QuestionTable {
  id: string;
  title: string;
  criteria: string;
  opens: string;
  deadline: string;
  prior: number;
  /** The validated question (participants resolved, indicators filled in) as JSON. */
  definition: string;
  /** The YAML it was added from. */
  source: string;
  probability: number;
  status: string;
  resolved_at: string | null;
  as_of: string | null;
}

export interface QuestionUpdateTable {
  question_id: string;
  seq: number;
  at: string;
  probability: number;
  previous: number;
  indicator: string;
  claim_id: string | null;
  reports: string;
  reason: string;
}

export interface QuestionResolutionTable {
  question_id: string;
  seq: number;
  outcome: string;
  at: string;
  note: string | null;
  logged_at: string;
}

export interface StoredQuestion {
  question: Question;
  source: string;
  probability: number;
  status: QuestionStatus;
  resolved_at: string | null;
  as_of: string | null;
}

/** Adds a question or replaces the definition of one with the same id (its update log is rewritten on refresh). */
export async function upsertQuestion(db: Executor, q: Question, source: string): Promise<void> {
  const row = { id: q.id, title: q.title, criteria: q.criteria, opens: q.opens, deadline: q.deadline, prior: q.prior, definition: JSON.stringify(q), source };
  await db
    .insertInto("questions")
    .values({ ...row, probability: q.prior, status: "open", resolved_at: null, as_of: null })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}

function toStored(r: QuestionTable): StoredQuestion {
  return { question: JSON.parse(r.definition) as Question, source: r.source, probability: r.probability, status: r.status as QuestionStatus, resolved_at: r.resolved_at, as_of: r.as_of };
}

export async function getQuestion(db: Executor, id: string): Promise<StoredQuestion | undefined> {
  const r = await db.selectFrom("questions").selectAll().where("id", "=", id).executeTakeFirst();
  return r && toStored(r);
}

export async function listQuestions(db: Executor): Promise<StoredQuestion[]> {
  const rows = await db.selectFrom("questions").selectAll().orderBy("deadline").orderBy("id").execute();
  return rows.map(toStored);
}

/** Stores a freshly computed forecast: the current probability and status, and the whole update log. */
export async function saveForecast(
  db: Executor,
  id: string,
  f: { probability: number; status: QuestionStatus; resolved_at: string | null; updates: ForecastUpdate[] },
  asOf: string,
): Promise<void> {
  await db.updateTable("questions").set({ probability: f.probability, status: f.status, resolved_at: f.resolved_at, as_of: asOf }).where("id", "=", id).execute();
  await db.deleteFrom("question_updates").where("question_id", "=", id).execute();
  const rows = f.updates.map((u, i) => ({
    question_id: id,
    seq: i + 1,
    at: u.at,
    probability: u.probability,
    previous: u.previous,
    indicator: u.indicator,
    claim_id: u.claim,
    reports: JSON.stringify(u.reports),
    reason: u.reason,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("question_updates").values(rows.slice(i, i + 200)).execute();
}

export async function questionUpdates(db: Executor, id: string): Promise<ForecastUpdate[]> {
  const rows = await db.selectFrom("question_updates").selectAll().where("question_id", "=", id).orderBy("seq").execute();
  return rows.map((r) => ({ at: r.at, probability: r.probability, previous: r.previous, indicator: r.indicator, claim: r.claim_id, reports: JSON.parse(r.reports) as string[], reason: r.reason }));
}

/** Appends a hand resolution to the question's log; the latest one is in force. */
export async function addResolution(db: Executor, id: string, outcome: "yes" | "no", at: string, note: string | null, loggedAt: string): Promise<void> {
  const last = await db.selectFrom("question_resolutions").select((eb) => eb.fn.max("seq").as("seq")).where("question_id", "=", id).executeTakeFirst();
  await db.insertInto("question_resolutions").values({ question_id: id, seq: Number(last?.seq ?? 0) + 1, outcome, at, note, logged_at: loggedAt }).execute();
}

export async function latestResolution(db: Executor, id: string): Promise<{ outcome: "yes" | "no"; at: string; note: string | null } | undefined> {
  const r = await db.selectFrom("question_resolutions").selectAll().where("question_id", "=", id).orderBy("seq", "desc").executeTakeFirst();
  return r && { outcome: r.outcome as "yes" | "no", at: r.at, note: r.note };
}

/** A report as forecast evidence, before the on-the-record test: with its source chain and its claim's time instead. */
export interface EvidenceRow extends Omit<Evidence, "onRecord"> {
  source: SourceRef[];
  /** The claim's place (`place` is the one the report names, if any). */
  claimPlace: string | null;
}

/**
 * Dated reports of claims of the given types that involve at least one of the given entities, in publication order,
 * then report id; with `claimIds`, those of these claims only (each claim's rows still whole and in that order).
 */
export async function evidenceRows(db: Executor, types: string[], entityIds: string[], claimIds?: string[]): Promise<EvidenceRow[]> {
  if (types.length === 0 || entityIds.length === 0 || claimIds?.length === 0) return [];
  const read = (ids: string[] | null) => {
    let q = db
      .selectFrom("reports")
      .innerJoin("articles", "articles.seq", "reports.seq")
      .innerJoin("claims", "claims.id", "reports.claim_id")
      .leftJoin("origins", "origins.id", "reports.origin_id")
      .select([
        reportIdOf.as("id"),
        "reports.claim_id",
        "articles.id as article_id",
        "articles.published",
        "reports.factuality",
        "reports.stance",
        "reports.background",
        "reports.time",
        "reports.origin_id",
        "origins.source_key",
        "claims.type",
        "claims.place",
        "reports.place as report_place",
        "claims.historical",
        "reports.source",
      ])
      .where("claims.type", "in", types)
      .where("articles.published", "is not", null)
      .where("claims.id", "in", (eb) =>
        eb.selectFrom("claim_participants").innerJoin("entity_numbers", "entity_numbers.num", "claim_participants.entity").select("claim_participants.claim_id").where("entity_numbers.id", "in", entityIds),
      );
    if (ids) q = q.where("claims.id", "in", ids);
    return q.orderBy("articles.published").orderBy(reportIdOf).execute();
  };
  const rows = [];
  if (claimIds) for (const ids of chunks(claimIds)) rows.push(...(await read(ids)));
  else rows.push(...(await read(null)));
  const participants = new Map<string, string[]>();
  for (const ids of chunks([...new Set(rows.map((r) => r.claim_id))])) {
    for (const [id, of] of await participantsOf(db, await db.selectFrom("claims").select(["id", "participants"]).where("id", "in", ids).execute())) participants.set(id, of);
  }
  return rows.map((r) => ({
    report: r.id,
    claim: r.claim_id,
    article: r.article_id,
    type: r.type,
    participants: participants.get(r.claim_id) ?? [],
    place: r.report_place,
    claimPlace: r.place,
    published: r.published!,
    factuality: r.factuality as Factuality,
    stance: r.stance as Stance,
    background: r.background === 1 || r.historical === 1,
    // One source is one origin under every claim a question reads.
    origin: r.source_key ?? r.origin_id ?? r.id,
    source: readSources(r.source),
    eventTime: r.time,
  }));
}
