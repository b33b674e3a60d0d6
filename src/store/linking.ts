// Queries of the claim linker: one article's events, one claim's reports with their provenance, and the rewrites of
// a claim's origins and status history that follow each new report.
import type { EventMention, Factuality, SourceRef } from "../domain/extraction.js";
import { eventFromRow } from "./articles.js";
import type { Executor } from "./index.js";

export interface LinkableArticle {
  id: string;
  seq: number;
  title: string | null;
  text: string;
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  sentences: { start: number; end: number }[];
  events: EventMention[];
}

/** A stored article with its event mentions in text order, or undefined. */
export async function linkableArticle(db: Executor, articleId: string): Promise<LinkableArticle | undefined> {
  const a = await db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select(["articles.id", "articles.seq", "articles.title", "articles.text", "articles.published", "articles.near_duplicate_of", "outlets.name as outlet"])
    .where("articles.id", "=", articleId)
    .executeTakeFirst();
  if (!a) return undefined;
  const [events, sentences] = await Promise.all([
    db.selectFrom("event_mentions").selectAll().where("article_id", "=", articleId).orderBy("idx").execute(),
    db.selectFrom("sentences").select(["start", "end"]).where("article_id", "=", articleId).orderBy("idx").execute(),
  ]);
  return {
    id: a.id,
    seq: a.seq,
    title: a.title,
    text: a.text,
    outlet: a.outlet ?? null,
    published: a.published,
    near_duplicate_of: a.near_duplicate_of,
    sentences,
    events: events.map(eventFromRow),
  };
}

/** One report of a claim with what provenance needs: outlet, publication, near-duplicate link and source chain. */
export interface ReportProvenance {
  id: string;
  article_id: string;
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  factuality: Factuality;
  source: SourceRef[];
}

/** Every report of a claim, joined to its article and its event mention's source chain. */
export async function reportProvenance(db: Executor, claimId: string): Promise<ReportProvenance[]> {
  const rows = await db
    .selectFrom("reports")
    .innerJoin("articles", "articles.id", "reports.article_id")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .leftJoin("event_mentions", (j) => j.onRef("event_mentions.article_id", "=", "reports.article_id").onRef("event_mentions.id", "=", "reports.event_id"))
    .select(["reports.id", "reports.article_id", "reports.published", "reports.factuality", "articles.near_duplicate_of", "outlets.name as outlet", "event_mentions.source"])
    .where("reports.claim_id", "=", claimId)
    .orderBy("reports.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    article_id: r.article_id,
    outlet: r.outlet ?? null,
    published: r.published,
    near_duplicate_of: r.near_duplicate_of,
    factuality: r.factuality as Factuality,
    source: r.source ? (JSON.parse(r.source) as SourceRef[]) : [],
  }));
}

/** The outlet name of an article, or undefined when the article is not stored. */
export async function articleOutlet(db: Executor, articleId: string): Promise<{ name: string | null } | undefined> {
  const row = await db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select(["outlets.name as name"])
    .where("articles.id", "=", articleId)
    .executeTakeFirst();
  return row ? { name: row.name ?? null } : undefined;
}



/** The newest publication date in the store: the ledger's "now", so that reads do not depend on the wall clock. */
export async function latestPublished(db: Executor): Promise<string | null> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.max("published").as("p")).executeTakeFirst();
  return (row?.p as string | null | undefined) ?? null;
}

/** Whether an article already has a report on a claim. */
export async function hasReport(db: Executor, claimId: string, articleId: string): Promise<boolean> {
  const row = await db.selectFrom("reports").select("id").where("claim_id", "=", claimId).where("article_id", "=", articleId).executeTakeFirst();
  return !!row;
}

/** Display names of entities in the order given; an unknown id stands for itself. */
export async function entityNames(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("entities").select(["id", "name"]).where("id", "in", ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? id);
}



/** Each stored article's input (file path or "path:line") and id. */
export async function articleIdsByInput(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom("articles").select(["id", "input"]).orderBy("seq").execute();
  return new Map(rows.filter((r) => r.input !== null).map((r) => [r.input!, r.id]));
}

/** The ingest sequence number of the newest stored article (0 for an empty store). */
export async function latestSeq(db: Executor): Promise<number> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
  return Number(row?.seq ?? 0);
}
