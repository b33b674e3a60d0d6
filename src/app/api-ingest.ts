// Articles submitted one at a time to a running server: each is read on a reader thread before the store is touched,
// then stored and linked in a short write of its own, one submission after another, by a linker kept across
// submissions. Stories and forecasts are left to the caller, which brings them up to date once after a burst.
import { contentId } from "../extract/ids.js";
import type { LoadResult } from "../ingest/index.js";
import { findArticleByHash, type Store } from "../store/index.js";
import type { ArticleIngestResult } from "./articles.js";
import { contentHash, storeRead, type IngestEvent, type StoringContext } from "./ingest.js";
import { createLinker } from "./link.js";
import type { ReaderPool } from "./reader-pool.js";

/** Stores submitted articles for a server; `onStored` is told after each one that changed the store. */
export class SubmissionIngest {
  private readonly ctx: StoringContext;
  // Submissions are stored one after another, in the order their readings came back, so the kept linker sees them in order.
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly readers: ReaderPool,
    private readonly onStored: () => void,
    now: () => Date = () => new Date(),
  ) {
    this.ctx = { now, link: createLinker() };
  }

  /** Reads and stores one loaded document; the store is written only for the short time storing takes. */
  async ingest(loaded: LoadResult): Promise<ArticleIngestResult> {
    if (!loaded.ok) return result({ outcome: "failed", input: loaded.input, error: loaded.error });
    const article = { ...loaded.doc.article, id: loaded.doc.article.id ?? contentId(loaded.doc.article.text) };
    // A copy of a stored text is answered without reading it.
    const copy = await findArticleByHash(this.store.db, contentHash(article.text));
    if (copy) return result({ outcome: "duplicate", input: loaded.doc.input, id: copy.id });
    let reading;
    try {
      reading = await this.readers.take(this.readers.submit(article));
    } catch (err) {
      return result({ outcome: "failed", input: loaded.doc.input, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` });
    }
    const stored = this.writes.then(async () => {
      const batch = await this.store.beginBatch();
      try {
        const event = await storeRead(batch, loaded.doc.input, reading, this.ctx);
        await batch.commit();
        return event;
      } catch (err) {
        await batch.rollback().catch(() => {});
        throw err;
      }
    });
    this.writes = stored.catch(() => {});
    const event = await stored;
    if (event.outcome === "new" || event.outcome === "near_duplicate") this.onStored();
    return result(event);
  }
}

function result(event: Omit<IngestEvent, "done">): ArticleIngestResult {
  const summary = { new: 0, duplicate: 0, near_duplicate: 0, failed: [] as { input: string; error: string }[] };
  if (event.outcome === "failed") summary.failed.push({ input: event.input, error: event.error ?? "failed" });
  else summary[event.outcome]++;
  return { outcome: event.outcome, id: event.id ?? null, original: event.original ?? null, error: event.error ?? null, summary };
}
