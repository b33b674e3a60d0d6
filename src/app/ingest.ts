// Ingest use case: load → skip exact duplicates → read (on worker threads) → find near-duplicates → store and link, each
// article atomic on its own, committed in batches.
import { createHash } from "node:crypto";
import { contentId } from "../extract/ids.js";
import { loadInputs, type LoadOptions, type LoadResult } from "../ingest/index.js";
import {
  SCHEME,
  estimateJaccard,
  minhash,
  MIN_ESTIMATE,
  isNearDuplicate,
  MIN_SHARED_BANDS,
  pickOriginal,
  shingles,
  type Fingerprint,
} from "../link/01-near-duplicates.js";
import {
  findArticleByHash,
  findArticleHash,
  findBandCandidates,
  getDuplicateCandidates,
  getMeta,
  insertArticle,
  repointNearDuplicates,
  setMeta,
  unpackSignature,
  type Executor,
  type Store,
  type WriteBatch,
} from "../store/index.js";
import { markDerivedStale } from "../store/derived.js";
import { latestSeq } from "../store/linking.js";
import { createLinker, type ArticleLinker } from "./link.js";
import type { ArticleReading } from "./read.js";
import { defaultReaderThreads, ReaderPool, type PendingRead } from "./reader-pool.js";
import { settleDerived } from "./repair.js";
import { groupNewArticles, type HandedFeatures } from "./stories.js";

export type { ArticleLinker } from "./link.js";

/** Settings of one ingest run besides the inputs. */
export interface IngestRunOptions {
  /** Clock for `ingested_at`. */
  now?: () => Date;
  /** The ledger step; defaults to a fresh `createLinker()` (claims, origins, status). */
  link?: ArticleLinker;
  /** Worker threads that read documents ahead of the one being stored; 0 reads on the calling thread. */
  readerThreads?: number;
  /** The date questions are recomputed as of after the run (default: today). */
  asOf?: string;
  /** A reader pool that outlives the run (a server's, under a time budget); the run neither starts nor stops it. */
  readers?: ReaderPool;
  /** Adds the run's milliseconds per stage here: reading, storing and linking; grouping stories; forecasts. */
  timings?: { store: number; stories: number; questions: number };
}

/** Caller-given metadata for every input, plus the run settings. */
export interface IngestOptions extends LoadOptions, IngestRunOptions {}

/** The contract's ingest summary: new originals, exact duplicates skipped, near-duplicates stored, failed inputs. */
export interface IngestSummary {
  new: number;
  duplicate: number;
  near_duplicate: number;
  failed: { input: string; error: string }[];
}

/** What happened to one document, reported as soon as it is settled. */
export interface IngestEvent {
  outcome: "new" | "duplicate" | "near_duplicate" | "failed";
  input: string;
  /** The stored (or already stored) article id. */
  id?: string;
  /** For near-duplicates, the article it copies. */
  original?: string;
  /** Set when the article was stored but not read: the language it is in, which the reading core cannot read. */
  not_read?: string;
  error?: string;
  /** Documents settled so far, this one included. */
  done: number;
}

/** Why one document was not stored. */
class InputError extends Error {}

const META_SCHEME = "near_duplicates.scheme";

/** SHA-256 of the body with Unicode, line ends and runs of white space normalised: equal texts, equal hash. */
export function contentHash(text: string): string {
  const normalised = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalised).digest("hex");
}

/** Ingests files, folders, URLs and "-" (stdin) into the store. */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  opts: IngestOptions = {},
  onProgress?: (event: IngestEvent) => void,
): Promise<IngestSummary> {
  const { now, link, readerThreads, asOf, readers, timings, ...loadOpts } = opts;
  return ingestResults(store, loadInputs(inputs, loadOpts), { now, link, readerThreads, asOf, readers, timings }, onProgress);
}

/** Ingests already loaded documents (or load failures), in order. */
export async function ingestResults(
  store: Store,
  results: AsyncIterable<LoadResult> | Iterable<LoadResult>,
  opts: IngestRunOptions = {},
  onProgress?: (event: IngestEvent) => void,
): Promise<IngestSummary> {
  const started = performance.now();
  await checkScheme(store.db);
  const now = opts.now ?? (() => new Date());
  const link = opts.link ?? createLinker();
  const threads = opts.readerThreads ?? defaultReaderThreads();
  const readers = opts.readers ?? new ReaderPool(threads);
  const summary: IngestSummary = { new: 0, duplicate: 0, near_duplicate: 0, failed: [] };
  let done = 0;
  const features: HandedFeatures = new Map();
  let batch: WriteBatch | null = null;
  let batchUnits = 0;
  let batchOpened = 0;
  // What a document came to is told once it is durable: events wait for their batch's commit.
  let settled: Omit<IngestEvent, "done">[] = [];
  const tell = () => {
    for (const event of settled) {
      if (event.outcome === "failed") summary.failed.push({ input: event.input, error: event.error ?? "failed" });
      else summary[event.outcome]++;
      done++;
      onProgress?.({ ...event, done });
    }
    settled = [];
  };
  const commit = async () => {
    const open = batch;
    batch = null;
    if (open) await open.commit();
    tell();
  };
  try {
    // Documents ahead of the one being stored are already being read on other threads.
    const ahead = readAhead(results, READ_AHEAD, (r) => (r.ok ? readers.submit({ ...r.doc.article, id: r.doc.article.id ?? contentId(r.doc.article.text) }) : null));
    for await (const [result, pending] of ahead) {
      if (!result.ok) {
        settled.push({ outcome: "failed", input: result.input, error: result.error });
        if (!batch) tell();
        continue;
      }
      if (!batch) {
        batch = await store.beginBatch();
        batchUnits = 0;
        batchOpened = performance.now();
      }
      try {
        settled.push(await ingestOne(batch, result.doc.input, pending!, readers, { now, link, features }));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        settled.push({ outcome: "failed", input: result.doc.input, error: err.message });
      }
      if (++batchUnits >= BATCH_ARTICLES || performance.now() - batchOpened >= BATCH_MS) await commit();
    }
    await commit();
  } catch (err) {
    // Articles finished before a fault are whole: keep them if the store still can, then report the fault.
    const open: WriteBatch | null = batch;
    if (open) await open.commit().then(tell, () => open.rollback().catch(() => {}));
    throw err;
  } finally {
    if (!opts.readers) await readers.close();
  }
  // Stories and forecasts are derived from everything stored: regrouped and recomputed once per run, not per article.
  const stored = performance.now();
  const covered = await latestSeq(store.db);
  // Stories group the articles stored since they were last grouped, by this run or any other writer.
  const regrouped = await groupNewArticles(store, features);
  const grouped = performance.now();
  await settleDerived(store, covered, regrouped, opts.asOf);
  if (opts.timings) {
    opts.timings.store += stored - started;
    opts.timings.stories += grouped - stored;
    opts.timings.questions += performance.now() - grouped;
  }
  return summary;
}

// Each article is atomic on its own (a savepoint); commits come every BATCH_ARTICLES articles or BATCH_MS milliseconds,
// because a commit rewrites every index page the articles touched, and one article alone touches some two hundred.
const BATCH_ARTICLES = 50;
const BATCH_MS = 1000;

// Documents loaded and handed to the reader threads ahead of the one being stored.
const READ_AHEAD = 8;

/**
 * Pulls up to `depth` items ahead of the consumer, calling `start` on each as soon as it is pulled. Pulling (reading the
 * next file) goes on in the background while the consumer works; the consumer waits only when nothing is ready.
 */
async function* readAhead<T, U>(source: AsyncIterable<T> | Iterable<T>, depth: number, start: (item: T) => U): AsyncGenerator<[T, U]> {
  const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const buffer: [T, U][] = [];
  // Written by the background pull, read by the consumer.
  const state: { exhausted: boolean; failure: { error: unknown } | null; pulling: Promise<void> | null } = { exhausted: false, failure: null, pulling: null };
  const pull = async () => {
    try {
      while (!state.exhausted && buffer.length < depth) {
        const next = await it.next();
        if (next.done) state.exhausted = true;
        else buffer.push([next.value, start(next.value)]);
      }
    } catch (error) {
      state.failure = { error };
    }
  };
  for (;;) {
    if (!state.pulling && !state.exhausted && !state.failure && buffer.length < depth) {
      const pulling = pull().then(() => {
        if (state.pulling === pulling) state.pulling = null;
      });
      state.pulling = pulling;
    }
    const head = buffer.shift();
    if (head) {
      yield head;
      continue;
    }
    if (state.pulling) await state.pulling;
    else if (state.failure) throw state.failure.error;
    else return;
  }
}

// Signatures from different shingling or hashing parameters cannot be compared; refuse to mix them in one store.
async function checkScheme(db: Executor): Promise<void> {
  const stored = await getMeta(db, META_SCHEME);
  if (stored === undefined) await setMeta(db, META_SCHEME, SCHEME);
  else if (stored !== SCHEME) {
    throw new Error(`this store's near-duplicate fingerprints use scheme ${stored}, this version uses ${SCHEME}`);
  }
}

/**
 * What storing read documents needs across a run: the clock, the ledger step and the story grouping (none when the
 * caller groups stories itself later, as the server does after a burst of submissions).
 */
export interface StoringContext {
  now: () => Date;
  link: ArticleLinker;
  /** Where the story features of each stored article are left for the story grouping (see `groupNewArticles`). */
  features?: HandedFeatures;
}

// An exact duplicate of a stored article is reported as such; an id taken by another text is an input error.
async function duplicateOf(db: Executor, input: string, id: string, text: string): Promise<Omit<IngestEvent, "done"> | null> {
  const existing = await findArticleByHash(db, contentHash(text));
  if (existing) return { outcome: "duplicate", input, id: existing.id };
  if ((await findArticleHash(db, id)) !== undefined) {
    throw new InputError(`article id ${id} is already stored with a different text`);
  }
  return null;
}

async function ingestOne(batch: WriteBatch, input: string, pending: PendingRead, readers: ReaderPool, ctx: StoringContext): Promise<Omit<IngestEvent, "done">> {
  const article = pending.input;
  const duplicate = await duplicateOf(batch.db, input, article.id, article.text);
  if (duplicate) return duplicate;
  let reading: ArticleReading;
  try {
    reading = await readers.take(pending);
  } catch (err) {
    throw new InputError(`extraction failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return storeReading(batch, input, reading, ctx);
}

/**
 * Stores one document read elsewhere (by a queue worker) as ingest stores its own: skipped when an exact duplicate,
 * checked for near-duplicates, stored and linked as one unit of the batch, taken into the story grouping.
 */
export async function storeRead(batch: WriteBatch, input: string, reading: ArticleReading, ctx: StoringContext): Promise<Omit<IngestEvent, "done">> {
  try {
    const duplicate = await duplicateOf(batch.db, input, reading.article.id, reading.article.text);
    return duplicate ?? (await storeReading(batch, input, reading, ctx));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { outcome: "failed", input, error: err.message };
  }
}

async function storeReading(batch: WriteBatch, input: string, reading: ArticleReading, ctx: StoringContext): Promise<Omit<IngestEvent, "done">> {
  const { now, link } = ctx;
  const id = reading.article.id;
  const hash = contentHash(reading.article.text);
  const { article: read, fingerprint: fp } = reading;
  const decision = await nearDuplicateOf(batch.db, fp, read.published);
  let seq = 0;
  await batch.unit(async (tx) => {
    const stored = await insertArticle(tx, read, reading.rows, {
      contentHash: hash,
      signature: fp.signature,
      bands: fp.bands,
      nearDuplicateOf: decision.original,
      ingestedAt: now().toISOString(),
      input,
    });
    seq = stored.seq;
    // Committed with the article: stories and forecasts lag it until the run's end recomputes them.
    await markDerivedStale(tx, seq);
    await repointNearDuplicates(tx, decision.repoint, id);
    try {
      await link(tx, {
        id,
        seq: stored.seq,
        text: read.text,
        outlet: stored.outlet,
        published: read.published,
        near_duplicate_of: decision.original,
        credits: read.credits,
        sentences: reading.sentences,
        events: reading.events,
        ledger: reading.ledger,
      });
    } catch (err) {
      // A linking fault costs this article (its unit is undone, and it is reported), not the rest of the batch.
      throw new InputError(`linking failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  // The features were read with the text; stored, the article keeps only the text they are made from.
  ctx.features?.set(id, { contentHash: hash, terms: reading.storyTerms });
  const notRead = reading.notRead ? { not_read: read.language } : {};
  if (decision.original !== null) return { outcome: "near_duplicate", input, id, original: decision.original, ...notRead };
  return { outcome: "new", input, id, ...notRead };
}

// Bucket candidates checked per article, most shared buckets first: copies share many buckets, while the articles that
// share two or three by chance grow with the store (at 10,000 generated articles, ~60 for every new one).
const MAX_CANDIDATES = 32;

// Stored articles sharing LSH buckets are checked exactly; the earliest published original among the matches wins.
async function nearDuplicateOf(
  db: Executor,
  fp: Fingerprint,
  published: string | null,
): Promise<{ original: string | null; repoint: string[] }> {
  const buckets = await findBandCandidates(db, fp.bands, MIN_SHARED_BANDS, MAX_CANDIDATES);
  if (buckets.length === 0) return { original: null, repoint: [] };
  const candidates = await getDuplicateCandidates(
    db,
    buckets.map((b) => b.article_id),
  );
  // Signatures are compared on the 16 bits each that the store keeps; texts only for the candidates that pass.
  const mine = fp.signature.map((v) => v & 0xffff);
  const matches = candidates.filter((c) => {
    const kept = unpackSignature(c.minhash, fp.signature.length);
    const theirs = kept ? null : shingles(c.text);
    if (estimateJaccard(mine, kept ?? minhash(theirs!).map((v) => v & 0xffff)) < MIN_ESTIMATE) return false;
    return isNearDuplicate(fp.shingles, theirs ?? shingles(c.text));
  });
  if (matches.length === 0) return { original: null, repoint: [] };
  const rootIds = [...new Set(matches.map((m) => m.near_duplicate_of ?? m.id))];
  const roots = await getDuplicateCandidates(db, rootIds);
  return pickOriginal({ id: "", published, seq: Number.POSITIVE_INFINITY }, roots);
}
