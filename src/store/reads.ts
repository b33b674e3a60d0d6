// Read-only queries behind the API and the web UI: entities, their statements, report evidence and text search.
import { sql, type SqlBool } from "kysely";
import type { Executor } from "./index.js";

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

// LIKE treats % and _ as wildcards; a search for them should match them literally.
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Case-insensitive substring match with the escape character declared, on SQLite and PostgreSQL alike.
function contains(column: string, pattern: string) {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}

/** Entities mentioned in the store, most mentioned first. */
export async function listEntities(db: Executor, opts: { limit?: number; type?: string } = {}): Promise<EntityRow[]> {
  let q = db
    .selectFrom("entities")
    .leftJoin("mentions", "mentions.entity_id", "entities.id")
    .select((eb) => ["entities.id", "entities.name", "entities.type", eb.fn.count<number>("mentions.idx").as("mentions")])
    .groupBy(["entities.id", "entities.name", "entities.type"]);
  if (opts.type) q = q.where("entities.type", "=", opts.type);
  const rows = await q.orderBy("mentions", "desc").orderBy("entities.id").limit(opts.limit ?? 200).execute();
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}

/** One entity, or undefined. */
export async function getEntity(db: Executor, id: string): Promise<EntityRow | undefined> {
  const row = await db
    .selectFrom("entities")
    .leftJoin("mentions", "mentions.entity_id", "entities.id")
    .select((eb) => ["entities.id", "entities.name", "entities.type", eb.fn.count<number>("mentions.idx").as("mentions")])
    .where("entities.id", "=", id)
    .groupBy(["entities.id", "entities.name", "entities.type"])
    .executeTakeFirst();
  return row && { ...row, mentions: Number(row.mentions) };
}

/** Other names the entity has been written as. */
export async function entityAliases(db: Executor, id: string): Promise<string[]> {
  const rows = await db.selectFrom("aliases").select("alias").where("entity_id", "=", id).orderBy("alias").execute();
  return rows.map((r) => r.alias);
}

/** Attributions naming the entity (or, when no id is given, any known entity) as their source, with article text. */
export async function statementsBy(db: Executor, entityId: string | null, limit = 500): Promise<(StatementRow & { entity: string })[]> {
  let q = db
    .selectFrom("attributions")
    .innerJoin("articles", "articles.id", "attributions.article_id")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .innerJoin("sentences", (j) =>
      j.onRef("sentences.article_id", "=", "attributions.article_id").onRef("sentences.idx", "=", "attributions.sentence"),
    )
    .select([
      "attributions.article_id as article",
      "attributions.source_entity as entity",
      "articles.title",
      "outlets.name as outlet",
      "articles.published",
      "attributions.sentence",
      "sentences.start as sentence_start",
      "sentences.end as sentence_end",
      "attributions.cue_text as cue",
      "attributions.source_text",
      "attributions.content_start",
      "attributions.content_end",
      "articles.text",
    ]);
  q = entityId === null ? q.where("attributions.source_entity", "is not", null) : q.where("attributions.source_entity", "=", entityId);
  const rows = await q
    .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
    .orderBy("articles.published")
    .orderBy("articles.seq")
    .orderBy("attributions.idx")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, entity: r.entity ?? "" }));
}

/** Ids of the claims the entity takes part in. */
export async function claimIdsWithParticipant(db: Executor, entityId: string): Promise<string[]> {
  const rows = await db.selectFrom("claim_participants").select("claim_id").where("entity_id", "=", entityId).execute();
  return rows.map((r) => r.claim_id);
}

/** Sentence and trigger spans of the given reports, with their articles' titles and outlets. */
export async function reportSpans(db: Executor, reportIds: string[]): Promise<ReportSpanRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom("reports")
    .innerJoin("articles", "articles.id", "reports.article_id")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .leftJoin("event_mentions", (j) =>
      j.onRef("event_mentions.article_id", "=", "reports.article_id").onRef("event_mentions.id", "=", "reports.event_id"),
    )
    .select([
      "reports.id as report",
      "reports.claim_id as claim",
      "reports.article_id as article",
      "articles.title",
      "outlets.name as outlet",
      "reports.published",
      "articles.near_duplicate_of",
      "reports.sentence",
      "event_mentions.trigger_start",
      "event_mentions.trigger_end",
    ])
    .where("reports.id", "in", reportIds)
    .execute();
}

/** Text and sentence spans of the given articles, by id. */
export async function articleSentences(db: Executor, articleIds: string[]): Promise<Map<string, ArticleSentences>> {
  const out = new Map<string, ArticleSentences>();
  if (articleIds.length === 0) return out;
  const ids = [...new Set(articleIds)];
  const [texts, spans] = await Promise.all([
    db.selectFrom("articles").select(["id", "text"]).where("id", "in", ids).execute(),
    db.selectFrom("sentences").select(["article_id", "start", "end"]).where("article_id", "in", ids).orderBy("article_id").orderBy("idx").execute(),
  ]);
  for (const t of texts) out.set(t.id, { text: t.text, sentences: [] });
  for (const s of spans) out.get(s.article_id)?.sentences.push({ start: s.start, end: s.end });
  return out;
}

/** Articles whose title or text contains the query, newest first. */
export async function searchArticles(db: Executor, q: string, limit: number): Promise<{ id: string; title: string | null; outlet: string | null; published: string | null; text: string }[]> {
  const pattern = likePattern(q);
  return db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select(["articles.id", "articles.title", "outlets.name as outlet", "articles.published", "articles.text"])
    .where((eb) => eb.or([contains("articles.title", pattern), contains("articles.text", pattern)]))
    .orderBy("articles.published", "desc")
    .orderBy("articles.seq", "desc")
    .limit(limit)
    .execute();
}

/** Ids of claims whose summary, or a participant's name, contains the query. */
export async function searchClaimIds(db: Executor, q: string, limit: number): Promise<string[]> {
  const pattern = likePattern(q);
  const rows = await db
    .selectFrom("claims")
    .select("claims.id")
    .where((eb) =>
      eb.or([
        contains("claims.summary", pattern),
        contains("claims.type", pattern),
        eb(
          "claims.id",
          "in",
          eb
            .selectFrom("claim_participants")
            .innerJoin("entities", "entities.id", "claim_participants.entity_id")
            .select("claim_participants.claim_id")
            .where(contains("entities.name", pattern)),
        ),
      ]),
    )
    .orderBy("claims.first_reported", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Entities whose name or an alias contains the query. */
export async function searchEntities(db: Executor, q: string, limit: number): Promise<{ id: string; name: string; type: string }[]> {
  const pattern = likePattern(q);
  return db
    .selectFrom("entities")
    .select(["entities.id", "entities.name", "entities.type"])
    .where((eb) =>
      eb.or([
        contains("entities.name", pattern),
        eb("entities.id", "in", eb.selectFrom("aliases").select("entity_id").where(contains("alias", pattern))),
      ]),
    )
    .orderBy("entities.name")
    .limit(limit)
    .execute();
}

/** Event types found in each sentence of the given articles. */
export async function sentenceEventTypes(db: Executor, articleIds: string[]): Promise<{ article_id: string; sentence: number; type: string }[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("event_mentions")
    .select(["article_id", "sentence", "type"])
    .where("article_id", "in", [...new Set(articleIds)])
    .execute();
}

/** The articles that mention an entity, with how many times each does, newest first. */
export async function mentionArticles(db: Executor, entityId: string, limit = 500): Promise<{ id: string; title: string | null; published: string | null; mentions: number }[]> {
  const rows = await db
    .selectFrom("mentions")
    .innerJoin("articles", "articles.id", "mentions.article_id")
    .select((eb) => ["articles.id", "articles.title", "articles.published", eb.fn.count<number>("mentions.idx").as("mentions")])
    .where("mentions.entity_id", "=", entityId)
    .groupBy(["articles.id", "articles.title", "articles.published"])
    .orderBy("articles.published", "desc")
    .orderBy("articles.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}
