// The feeds a store follows, and every item seen of each, so an item is ingested once however often it is polled.
import { createHash } from "node:crypto";
import type { Executor } from "./index.js";

export interface FeedTable {
  id: string;
  url: string;
  title: string | null;
  site_url: string | null;
  category: string | null;
  added_at: string;
  /** Validators of the last full answer, sent back for a conditional GET. */
  etag: string | null;
  last_modified: string | null;
  checked_at: string | null;
  succeeded_at: string | null;
  last_error: string | null;
  /** Failed polls in a row; sets the backoff. */
  error_count: number;
  next_poll_at: string | null;
}

export interface FeedItemTable {
  feed_id: string;
  key: string;
  url: string | null;
  article_id: string | null;
  /** new, near_duplicate, duplicate, not_read or failed. */
  status: string;
  error: string | null;
  attempts: number;
  first_seen: string;
  last_seen: string;
}

/** A feed as stored. */
export type FeedRow = FeedTable;

/** The id of the feed at a URL: stable, short, safe in paths. */
export function feedId(url: string): string {
  return "f-" + createHash("sha256").update(url).digest("hex").slice(0, 12);
}

/** Adds a feed unless its URL is already followed; returns the stored row and whether it was new. */
export async function insertFeed(
  db: Executor,
  feed: { url: string; title: string | null; site_url: string | null; category: string | null; added_at: string },
): Promise<{ feed: FeedRow; added: boolean }> {
  const id = feedId(feed.url);
  const result = await db
    .insertInto("feeds")
    .values({ id, ...feed, etag: null, last_modified: null, checked_at: null, succeeded_at: null, last_error: null, error_count: 0, next_poll_at: null })
    .onConflict((oc) => oc.column("url").doNothing())
    .executeTakeFirst();
  const row = await db.selectFrom("feeds").selectAll().where("url", "=", feed.url).executeTakeFirstOrThrow();
  return { feed: row, added: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** Every followed feed, in the order they were added. */
export async function listFeeds(db: Executor): Promise<FeedRow[]> {
  return db.selectFrom("feeds").selectAll().orderBy("added_at").orderBy("url").execute();
}

/** A feed by its id or its URL. */
export async function findFeed(db: Executor, idOrUrl: string): Promise<FeedRow | undefined> {
  return db.selectFrom("feeds").selectAll().where((eb) => eb.or([eb("id", "=", idOrUrl), eb("url", "=", idOrUrl)])).executeTakeFirst();
}

/** Stops following a feed; its items' records go with it, the articles stay. */
export async function deleteFeed(db: Executor, id: string): Promise<boolean> {
  await db.deleteFrom("feed_items").where("feed_id", "=", id).execute();
  const r = await db.deleteFrom("feeds").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Records how a poll of the feed went. */
export async function updateFeed(db: Executor, id: string, patch: Partial<Omit<FeedTable, "id" | "url" | "added_at">>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable("feeds").set(patch).where("id", "=", id).execute();
}

/** The items of a feed already seen, by key, among the given keys. */
export async function seenItems(db: Executor, feed: string, keys: string[]): Promise<Map<string, FeedItemTable>> {
  const out = new Map<string, FeedItemTable>();
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await db.selectFrom("feed_items").selectAll().where("feed_id", "=", feed).where("key", "in", keys.slice(i, i + 200)).execute();
    for (const r of rows) out.set(r.key, r);
  }
  return out;
}

/** Writes what became of an item (first sighting or a retry). */
export async function recordItem(db: Executor, item: Omit<FeedItemTable, "attempts" | "first_seen" | "last_seen"> & { at: string }): Promise<void> {
  const { at, ...row } = item;
  await db
    .insertInto("feed_items")
    .values({ ...row, attempts: 1, first_seen: at, last_seen: at })
    .onConflict((oc) =>
      oc.columns(["feed_id", "key"]).doUpdateSet((eb) => ({
        article_id: row.article_id,
        status: row.status,
        error: row.error,
        url: row.url,
        last_seen: at,
        attempts: eb("feed_items.attempts", "+", 1),
      })),
    )
    .execute();
}

/** How many items of each feed were stored, by feed id. */
export async function itemCounts(db: Executor): Promise<Map<string, { stored: number; failed: number }>> {
  const rows = await db
    .selectFrom("feed_items")
    .select((eb) => ["feed_id", "status", eb.fn.countAll<number>().as("n")])
    .groupBy(["feed_id", "status"])
    .execute();
  const out = new Map<string, { stored: number; failed: number }>();
  for (const r of rows) {
    const c = out.get(r.feed_id) ?? { stored: 0, failed: 0 };
    if (r.status === "failed") c.failed += Number(r.n);
    else c.stored += Number(r.n);
    out.set(r.feed_id, c);
  }
  return out;
}
