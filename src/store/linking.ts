// Queries of the claim linker: one article's events, one claim's reports with their provenance, and the rewrites of
// a claim's origins and status history that follow each new report.
import type { Factuality, SourceRef } from "../domain/extraction.js";
import type { Executor } from "./index.js";
import type { ClaimStatus, NewOrigin } from "./ledger.js";

/** An event mention of a stored article, as the linker reads it. */
export interface LinkableEvent {
  id: string;
  sentence: number;
  /** Offset of the trigger in the article text. */
  start: number;
  trigger: string;
  type: string;
  cameo: string | null;
  participants: string[];
  factuality: Factuality;
  source: SourceRef[];
  time: string | null;
  condition: { start: number; end: number } | null;
}

export interface LinkableArticle {
  id: string;
  seq: number;
  title: string | null;
  text: string;
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  sentences: { start: number; end: number }[];
  events: LinkableEvent[];
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
    events: events.map((e) => ({
      id: e.id,
      sentence: e.sentence,
      start: e.trigger_start,
      trigger: e.trigger_text,
      type: e.type,
      cameo: e.cameo,
      participants: JSON.parse(e.participants) as string[],
      factuality: e.factuality as Factuality,
      source: JSON.parse(e.source) as SourceRef[],
      time: e.time,
      condition: e.condition_start !== null && e.condition_end !== null ? { start: e.condition_start, end: e.condition_end } : null,
    })),
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

/**
 * Makes a claim's origins and its reports' origin links equal to the given ones, writing only what changed: a claim
 * gains reports one at a time, and rewriting all of them each time would make ingest quadratic in a claim's size.
 */
export async function replaceOrigins(db: Executor, claimId: string, origins: NewOrigin[], originOf: Map<string, string>): Promise<void> {
  const [oldOrigins, oldReports] = await Promise.all([
    db.selectFrom("origins").selectAll().where("claim_id", "=", claimId).execute(),
    db.selectFrom("reports").select(["id", "origin_id"]).where("claim_id", "=", claimId).execute(),
  ]);
  const wanted = new Map(origins.map((o) => [o.id, o]));
  const had = new Map(oldOrigins.map((o) => [o.id, o]));
  const fresh = origins.filter((o) => !had.has(o.id));
  if (fresh.length) await db.insertInto("origins").values(fresh).execute();
  for (const o of origins) {
    const h = had.get(o.id);
    if (h && (h.root !== o.root || h.first_seen !== o.first_seen)) await db.updateTable("origins").set({ root: o.root, first_seen: o.first_seen }).where("id", "=", o.id).execute();
  }
  for (const r of oldReports) {
    const want = originOf.get(r.id) ?? null;
    if (r.origin_id !== want) await db.updateTable("reports").set({ origin_id: want }).where("id", "=", r.id).execute();
  }
  const gone = oldOrigins.filter((o) => !wanted.has(o.id)).map((o) => o.id);
  if (gone.length) await db.deleteFrom("origins").where("id", "in", gone).execute();
}

/** Makes a claim's status history equal to the given one (rewriting it only when it differs) and sets its status. */
export async function replaceClaimStatus(db: Executor, claimId: string, history: { status: ClaimStatus; at: string }[]): Promise<void> {
  const old = await db.selectFrom("claim_status").select(["status", "at"]).where("claim_id", "=", claimId).orderBy("seq").execute();
  const same = old.length === history.length && old.every((h, i) => h.status === history[i].status && h.at === history[i].at);
  if (same) return;
  await db.deleteFrom("claim_status").where("claim_id", "=", claimId).execute();
  if (history.length) await db.insertInto("claim_status").values(history.map((h, i) => ({ claim_id: claimId, seq: i + 1, status: h.status, at: h.at }))).execute();
  const last = history.at(-1);
  if (last) await db.updateTable("claims").set({ status: last.status }).where("id", "=", claimId).execute();
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

/** Every stored article's text and dates, in ingest order, for story grouping. */
export async function articlesForStories(db: Executor): Promise<{ id: string; seq: number; title: string | null; text: string; published: string | null }[]> {
  return db.selectFrom("articles").select(["id", "seq", "title", "text", "published"]).orderBy("seq").execute();
}

/** Replaces all stories and their article lists, then sets each claim's story to that of its earliest report. */
export async function replaceStories(
  db: Executor,
  stories: { id: string; title: string; first_published: string | null; last_published: string | null; articles: string[] }[],
): Promise<void> {
  await db.deleteFrom("story_articles").execute();
  await db.deleteFrom("stories").execute();
  for (const { articles, ...row } of stories) {
    await db.insertInto("stories").values(row).execute();
    for (let i = 0; i < articles.length; i += 200) {
      await db
        .insertInto("story_articles")
        .values(articles.slice(i, i + 200).map((article_id) => ({ story_id: row.id, article_id })))
        .execute();
    }
  }
  const firsts = await db
    .selectFrom("reports")
    .innerJoin("articles", "articles.id", "reports.article_id")
    .innerJoin("story_articles", "story_articles.article_id", "reports.article_id")
    .select(["reports.claim_id", "story_articles.story_id", "reports.published", "articles.seq"])
    .orderBy("reports.claim_id")
    .orderBy("articles.seq")
    .execute();
  const storyOf = new Map<string, { story: string; published: string | null; seq: number }>();
  for (const r of firsts) {
    const cur = storyOf.get(r.claim_id);
    const earlier = !cur || (r.published ?? "9999") < (cur.published ?? "9999") || ((r.published ?? "9999") === (cur.published ?? "9999") && r.seq < cur.seq);
    if (earlier) storyOf.set(r.claim_id, { story: r.story_id, published: r.published, seq: r.seq });
  }
  await db.updateTable("claims").set({ story_id: null }).execute();
  for (const [claim, { story }] of storyOf) await db.updateTable("claims").set({ story_id: story }).where("id", "=", claim).execute();
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
