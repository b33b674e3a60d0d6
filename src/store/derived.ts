// The mark that derived state (stories, forecasts) lags the stored articles: set in the transaction that stores an
// article, cleared once stories and forecasts are recomputed over everything stored, so a crash between the two is
// known at the next start from one indexed read instead of a comparison of whole tables.
import type { Executor } from "./index.js";

const KEY = "derived.stale_since_seq";

/** Marks, inside the transaction storing article `seq`, that stories and forecasts do not yet cover it. */
export async function markDerivedStale(tx: Executor, seq: number): Promise<void> {
  // The earliest uncovered article is kept: later ones in the same stretch leave the row as it is.
  await tx
    .insertInto("meta")
    .values({ key: KEY, value: String(seq) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
}

/** The first article stories and forecasts may not cover, or null when they are current. */
export async function derivedStaleSince(db: Executor): Promise<number | null> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", KEY).executeTakeFirst();
  return row ? Number(row.value) : null;
}

/**
 * Clears the mark when stories and forecasts were recomputed over every article up to `seq`: an article stored after
 * `seq` by another writer keeps it. One statement, so the check and the delete see the same articles.
 */
export async function markDerivedCurrent(tx: Executor, seq: number): Promise<boolean> {
  const r = await tx
    .deleteFrom("meta")
    .where("key", "=", KEY)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("articles").select("seq").where("seq", ">", seq))))
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
