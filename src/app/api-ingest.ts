// Articles submitted one at a time to a running server: each is read on a reader thread before the store is touched,
// then stored and linked in a short write of its own, one submission after another, by a linker kept across
// submissions. With a SQLite file the storing runs on a thread of its own, so the thread that answers requests never
// links an article or waits for the store's write lock. Stories and forecasts are left to the caller, which brings
// them up to date once after a burst.
import { contentId } from "../extract/ids.js";
import type { LoadResult } from "../ingest/index.js";
import { findArticleByHash, type Store, type WriteBatch } from "../store/index.js";
import type { ArticleIngestResult } from "./articles.js";
import { DerivedThread } from "./derived.js";
import { contentHash, storeRead, type IngestEvent, type StoringContext } from "./ingest.js";
import { createLinker } from "./link.js";
import type { ArticleReading } from "./read.js";
import { unpackReading, type PackedReading, type ReaderPool } from "./reader-pool.js";

/** Longest a submission waits for the store's write lock, as SQLite's busy timeout would (`openStore` sets 10 s). */
export const WRITE_LOCK_WAIT_MS = 10_000;

const isBusy = (err: unknown) => typeof (err as { code?: unknown } | null)?.code === "string" && (err as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * Starts a write, waiting for the write lock while another thread holds it. SQLite's own wait (the busy timeout) is not
 * always had: under load, a submission's BEGIN IMMEDIATE was answered SQLITE_BUSY after ~130 ms of its 10 s while the
 * refresh thread wrote, and the article failed with a 500. Starting again is safe, as nothing was begun; other errors,
 * and a lock held past the wait, still fail the write.
 */
export async function beginWhenFree(store: Store, waitMs = WRITE_LOCK_WAIT_MS): Promise<WriteBatch> {
  const until = performance.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await store.beginBatch();
    } catch (err) {
      if (!isBusy(err) || performance.now() + pause > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Stores one read article in a write of its own and links it; what a submission's storing thread runs. */
export async function storeSubmission(store: Store, input: string, reading: ArticleReading, ctx: StoringContext): Promise<Omit<IngestEvent, "done">> {
  const batch = await beginWhenFree(store);
  try {
    const event = await storeRead(batch, input, reading, ctx);
    await batch.commit();
    return event;
  } catch (err) {
    await batch.rollback().catch(() => {});
    throw err;
  }
}

/** Stores submitted articles for a server; `onStored` is told after each one that changed the store. */
export class SubmissionIngest {
  // Used where there is no storing thread (an in-memory or PostgreSQL store): storing then runs on the calling thread.
  private readonly ctx: StoringContext;
  private readonly writer: DerivedThread;
  // Submissions are stored one after another, in the order their readings came back, so the kept linker sees them in order.
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly readers: ReaderPool,
    private readonly onStored: () => void | Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ctx = { now, link: createLinker() };
    // Not background work: a submission's answer waits for it.
    this.writer = new DerivedThread(store, false, true);
  }

  /** Reads and stores one loaded document; the store is written only for the short time storing takes. */
  async ingest(loaded: LoadResult): Promise<ArticleIngestResult> {
    if (!loaded.ok) return result({ outcome: "failed", input: loaded.input, error: loaded.error });
    const input = loaded.doc.input;
    const article = { ...loaded.doc.article, id: loaded.doc.article.id ?? contentId(loaded.doc.article.text) };
    // A copy of a stored text is answered without reading it.
    const copy = await findArticleByHash(this.store.db, contentHash(article.text));
    if (copy) return result({ outcome: "duplicate", input, id: copy.id });
    // Taken packed and handed on packed: this thread answers requests, and unpacking a long article's reading here
    // would hold them all (~200 ms for a 270 KB article).
    let reading: PackedReading;
    try {
      reading = await this.readers.takePacked(this.readers.submit(article));
    } catch (err) {
      return result({ outcome: "failed", input, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` });
    }
    const now = this.now();
    const stored = this.writes.then(() =>
      this.writer.run<Omit<IngestEvent, "done">>(
        { store: { input, reading, now: now.toISOString() } },
        () => storeSubmission(this.store, input, unpackReading(reading), { ...this.ctx, now: () => now }),
        [reading.buffer as ArrayBuffer],
      ),
    );
    this.writes = stored.catch(() => {});
    const event = await stored;
    if (event.outcome === "new" || event.outcome === "near_duplicate") await this.onStored();
    return result(event);
  }

  /** Stops the storing thread once the submissions in hand are stored. */
  async close(): Promise<void> {
    await this.writes;
    await this.writer.close();
  }
}

function result(event: Omit<IngestEvent, "done">): ArticleIngestResult {
  const summary = { new: 0, duplicate: 0, near_duplicate: 0, failed: [] as { input: string; error: string }[] };
  if (event.outcome === "failed") summary.failed.push({ input: event.input, error: event.error ?? "failed" });
  else summary[event.outcome]++;
  return { outcome: event.outcome, id: event.id ?? null, original: event.original ?? null, error: event.error ?? null, summary };
}
