// Read-only queries behind the API and the web UI: entities, their statements and report evidence.
import { decodeReading } from "./annotations.js";
import { articleText } from "./articles.js";
import type { Executor } from "./index.js";
import { sql } from "kysely";
import { engineOf } from "./dialect.js";
import { latestSeq } from "./linking.js";
import { chunks } from "./rows.js";

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
  let q = db
    .selectFrom("statements")
    .innerJoin("articles", "articles.seq", "statements.seq")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select([
      "articles.id as article",
      "statements.entity_id as entity",
      "articles.title",
      "outlets.name as outlet",
      "articles.published",
      "statements.sentence",
      "statements.sentence_start",
      "statements.sentence_end",
      "statements.cue_start",
      "statements.cue_end",
      "statements.source_start",
      "statements.source_end",
      "statements.content_start",
      "statements.content_end",
      "statements.event_types",
      "articles.text",
      "articles.body",
    ]);
  // One entity's statements are read in key order; all of them (the positions table) are sorted.
  if (entityId !== null) q = q.where("statements.entity_id", "=", entityId);
  const rows = await q.orderBy("statements.day").orderBy("statements.seq").orderBy("statements.idx").limit(limit).execute();
  // Many statements come from one article: each body is inflated once.
  const texts = new Map<string, string>();
  return rows.map(({ cue_start, cue_end, source_start, source_end, event_types, body, text: stored, ...r }) => {
    let text = texts.get(r.article);
    if (text === undefined) texts.set(r.article, (text = articleText({ text: stored, body })));
    return { ...r, text, cue: text.slice(cue_start, cue_end), source_text: text.slice(source_start, source_end), event_types: event_types ? event_types.split(" ") : [] };
  });
}


/** Sentence and trigger spans of the given reports, with their articles' titles and outlets. */
export async function reportSpans(db: Executor, reportIds: string[]): Promise<ReportSpanRow[]> {
  if (reportIds.length === 0) return [];
  const out: ReportSpanRow[] = [];
  for (const ids of chunks([...new Set(reportIds)])) {
    const rows = await db
      .selectFrom("reports")
      .innerJoin("articles", "articles.id", "reports.article_id")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select([
        "reports.id as report",
        "reports.claim_id as claim",
        "reports.article_id as article",
        "articles.title",
        "outlets.name as outlet",
        "reports.published",
        "articles.near_duplicate_of",
        "reports.sentence",
        "reports.trigger_start",
        "reports.trigger_end",
      ])
      .where("reports.id", "in", ids)
      .execute();
    out.push(...rows);
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
    .innerJoin("articles", "articles.seq", "entity_articles.seq")
    .select(["articles.id", "articles.title", "articles.published", "entity_articles.mentions"])
    .where("entity_articles.entity_id", "=", entityId)
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
