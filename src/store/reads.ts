// Read-only queries behind the API and the web UI: entities, their statements and report evidence.
import { decodeReading } from "./annotations.js";
import { UNDATED_ROW, unpackSaid } from "./said.js";
import { articleText } from "./articles.js";
import type { Executor } from "./index.js";
import { sql } from "kysely";
import { engineOf } from "./dialect.js";
import { latestSeq } from "./linking.js";
import { chunks } from "./rows.js";
import { reportIdCandidates, reportIdOf } from "./report-ids.js";

/** A known entity with how often it is mentioned. */
export interface EntityRow {
  id: string;
  name: string;
  type: string;
  mentions: number;
}

/** One sentence in which an entity is the named source of an attribution. */
export interface StatementRow {
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  sentence: number;
  sentence_start: number;
  sentence_end: number;
  cue: string;
  source_text: string;
  content_start: number;
  content_end: number;
  text: string;
}

/** Where a report's sentence and trigger sit in its article. */
export interface ReportSpanRow {
  report: string;
  claim: string;
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  sentence: number;
  trigger_start: number | null;
  trigger_end: number | null;
}

/** The text of an article and the spans of its sentences. */
export interface ArticleSentences {
  text: string;
  sentences: { start: number; end: number }[];
}

/** Entities mentioned in the store, most mentioned first. */
export async function listEntities(db: Executor, opts: { limit?: number; type?: string } = {}): Promise<EntityRow[]> {
  let q = db.selectFrom("entities").select(["id", "name", "type", "mentions"]);
  if (opts.type) q = q.where("type", "=", opts.type);
  const rows = await q.orderBy("mentions", "desc").orderBy("id").limit(opts.limit ?? 200).execute();
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}

/** One entity, or undefined. */
export async function getEntity(db: Executor, id: string): Promise<EntityRow | undefined> {
  const row = await db.selectFrom("entities").select(["id", "name", "type", "mentions"]).where("id", "=", id).executeTakeFirst();
  return row && { ...row, mentions: Number(row.mentions) };
}

/** Other names the entity has been written as. */
export async function entityAliases(db: Executor, id: string): Promise<string[]> {
  const rows = await db.selectFrom("aliases").select("alias").where("entity_id", "=", id).orderBy("alias").execute();
  return rows.map((r) => r.alias);
}

/**
 * Attributions naming the entity (or, when no id is given, any known entity) as their source, earliest published first
 * (undated last), with the text of their articles.
 */
export async function statementsBy(db: Executor, entityId: string | null, limit = 500): Promise<(StatementRow & { entity: string; event_types: string[] })[]> {
  const quoted = () =>
    db
      .selectFrom("entity_articles")
      .innerJoin("entity_numbers", "entity_numbers.num", "entity_articles.entity")
      .select(["entity_numbers.id as entity_id", "entity_articles.day", "entity_articles.seq", "entity_articles.said"])
      .where("entity_articles.said", "is not", null);
  let rows: { entity_id: string; day: number; seq: number; said: Uint8Array | null }[];
  if (entityId !== null) {
    // One entity's rows are read in key order: the dated ones by day, then the undated ones.
    const own = () => quoted().where("entity_numbers.id", "=", entityId);
    rows = await own().where("entity_articles.day", ">", UNDATED_ROW).orderBy("entity_articles.day").orderBy("entity_articles.seq").limit(limit).execute();
    if (rows.length < limit) rows.push(...(await own().where("entity_articles.day", "=", UNDATED_ROW).orderBy("entity_articles.seq").limit(limit - rows.length).execute()));
  } else {
    rows = await quoted().execute();
  }
  // Undated last: after every day.
  const dayOf = (day: number) => (Number(day) === UNDATED_ROW ? Infinity : Number(day));
  let statements = rows.flatMap((r) => unpackSaid(r.said!).map((s) => ({ entity: r.entity_id, day: dayOf(r.day), seq: Number(r.seq), ...s })));
  // Every entity's statements together (the positions table) are sorted as one entity's are read.
  if (entityId === null) statements.sort((x, y) => (x.day !== y.day ? x.day - y.day : x.seq - y.seq || x.idx - y.idx));
  statements = statements.slice(0, limit);
  // Many statements come from one article: each is read, and its body inflated, once.
  const articles = new Map<number, { id: string; title: string | null; outlet: string | null; published: string | null; text: string }>();
  for (const seqs of chunks([...new Set(statements.map((s) => s.seq))])) {
    const found = await db
      .selectFrom("articles")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select(["articles.seq", "articles.id", "articles.title", "outlets.name as outlet", "articles.published", "articles.text", "articles.body"])
      .where("articles.seq", "in", seqs)
      .execute();
    for (const a of found) articles.set(Number(a.seq), { id: a.id, title: a.title, outlet: a.outlet, published: a.published, text: articleText(a) });
  }
  return statements.flatMap((s) => {
    const a = articles.get(s.seq);
    if (!a) return [];
    return [{
      article: a.id,
      entity: s.entity,
      title: a.title,
      outlet: a.outlet,
      published: a.published,
      sentence: s.sentence,
      sentence_start: s.sentence_start,
      sentence_end: s.sentence_end,
      content_start: s.content_start,
      content_end: s.content_end,
      text: a.text,
      cue: a.text.slice(s.cue_start, s.cue_end),
      source_text: a.text.slice(s.source_start, s.source_end),
      event_types: s.event_types ? s.event_types.split(" ") : [],
    }];
  });
}

/** Sentence and trigger spans of the given reports, with their articles' titles and outlets. */
export async function reportSpans(db: Executor, reportIds: string[]): Promise<ReportSpanRow[]> {
  if (reportIds.length === 0) return [];
  const out: ReportSpanRow[] = [];
  for (const ids of chunks([...new Set(reportIds)])) {
    const rows = await db
      .selectFrom("reports")
      .innerJoin("articles", "articles.seq", "reports.seq")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select([
        reportIdOf.as("report"),
        "reports.claim_id as claim",
        "articles.id as article",
        "articles.title",
        "outlets.name as outlet",
        "articles.published",
        "articles.near_duplicate_of",
        "reports.sentence",
        "reports.trigger_start",
        "reports.trigger_end",
      ])
      .where((eb) => reportIdCandidates(eb, ids))
      .execute();
    const wanted = new Set(ids);
    out.push(...rows.filter((r) => wanted.has(r.report)));
  }
  return out;
}

/** Text and sentence spans of the given articles, by id. */
export async function articleSentences(db: Executor, articleIds: string[]): Promise<Map<string, ArticleSentences>> {
  const out = new Map<string, ArticleSentences>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom("articles")
      .leftJoin("readings", "readings.seq", "articles.seq")
      .select(["articles.id", "articles.text", "articles.body", "readings.data"])
      .where("articles.id", "in", ids)
      .execute();
    for (const r of rows) {
      const text = articleText(r);
      out.set(r.id, { text, sentences: r.data ? decodeReading(r.data, text).sentences : [] });
    }
  }
  return out;
}

/** The articles that mention an entity, with how many times each does, newest first (undated last). */
export async function mentionArticles(db: Executor, entityId: string, limit = 500): Promise<{ id: string; title: string | null; published: string | null; mentions: number }[]> {
  const rows = await db
    .selectFrom("entity_articles")
    .innerJoin("entity_numbers", "entity_numbers.num", "entity_articles.entity")
    .innerJoin("articles", "articles.seq", "entity_articles.seq")
    .select(["articles.id", "articles.title", "articles.published", "entity_articles.mentions"])
    .where("entity_numbers.id", "=", entityId)
    .where("entity_articles.mentions", ">=", 0)
    .orderBy("entity_articles.day", "desc")
    .orderBy("entity_articles.seq", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}

/**
 * A mark of what this connection has seen of the store: on SQLite, a number that changes whenever another connection
 * commits (`data_version`); on PostgreSQL, where no such number exists, the newest article's sequence number.
 */
export async function storeMark(db: Executor): Promise<string> {
  if (engineOf(db) === "postgres") return `seq ${await latestSeq(db)}`;
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `data ${rows[0]?.data_version ?? 0}`;
}
