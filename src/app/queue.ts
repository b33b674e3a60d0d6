// Distributed ingestion over a PostgreSQL store: `ingest --queue` numbers documents and queues them (pg-boss, in the
// same database); `bellwether worker` processes, on any number of machines, read them in parallel and leave each
// reading in the store; whichever worker holds the drain lock then stores and links the readings strictly in queue
// order, one writer at a time. Reading is what costs (extraction); storing in order is what keeps the ledger exactly
// as one process ingesting the same documents in the same order would leave it: claim coreference, origins, stories
// and forecasts all depend on what was stored before.
import { sql } from "kysely";
import PgBoss from "pg-boss";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ArticleInput } from "../domain/extraction.js";
import { contentId } from "../extract/ids.js";
import { loadInputs, type LoadOptions, type LoadResult } from "../ingest/index.js";
import type { Executor, Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import { appliedPosition, dropStaged, lastReserved, nextStaged, reservePositions, setAppliedPosition, stageReading } from "../store/queue.js";
import { storeRead, type IngestEvent, type StoringContext } from "./ingest.js";
import { createLinker } from "./link.js";
import type { ArticleReading } from "./read.js";
import { ReaderPool } from "./reader-pool.js";
import { settleDerived } from "./repair.js";
import { groupNewArticles } from "./stories.js";

/** The queue's name in pg-boss. */
export const INGEST_QUEUE = "bellwether-ingest";

/** Why a queue command cannot run on this store. */
export class QueueUnavailable extends Error {}

/** One queued document. */
interface IngestJob {
  position: number;
  input: string;
  article: ArticleInput & { id: string };
}

// A job whose worker died is handed to another after this long; each document is tried this many times.
const EXPIRE_SECONDS = 15 * 60;
const RETRIES = 3;
// Documents queued per insert.
const SEND_CHUNK = 500;
// Readings stored per commit by the drain, as ingest commits its batches.
const DRAIN_BATCH = 50;
// The lock that lets one worker at a time store readings; others go back to reading.
const DRAIN_LOCK = 0x62656c6d;

/** Opens the queue in the store's database (creating pg-boss's schema on first use). */
export async function openQueue(store: Store): Promise<PgBoss> {
  if (store.engine !== "postgres") throw new QueueUnavailable("the queue needs a PostgreSQL store (--db postgres://…)");
  const boss = new PgBoss({ connectionString: store.location, max: 4, schedule: false, supervise: true });
  boss.on("error", (err: Error) => process.stderr.write(`bellwether: queue: ${err.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: RETRIES, expireInSeconds: EXPIRE_SECONDS }).catch(async (err: Error) => {
      // Another process created it meanwhile.
      if (!(await boss.getQueue(INGEST_QUEUE))) throw err;
    });
  }
  return boss;
}

/** What `ingest --queue` did. */
export interface EnqueueSummary {
  queued: number;
  /** Inputs that could not be loaded: they are recorded in their turn and reported by the worker too. */
  failed: { input: string; error: string }[];
  /** The positions handed out, first and last. */
  positions: [number, number] | null;
}

/** Loads inputs as `ingest` does and queues each document, numbered in input order. */
export async function enqueueInputs(store: Store, inputs: string[], opts: LoadOptions = {}): Promise<EnqueueSummary> {
  const results: LoadResult[] = [];
  for await (const r of loadInputs(inputs, opts)) results.push(r);
  return enqueueResults(store, results);
}

/** Queues loaded documents (load failures are recorded in their turn), numbered in order. */
export async function enqueueResults(store: Store, results: LoadResult[]): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, failed: [], positions: null };
  if (results.length === 0) return summary;
  const boss = await openQueue(store);
  try {
    const first = await store.transaction((tx) => reservePositions(tx, results.length));
    summary.positions = [first, first + results.length - 1];
    const jobs: PgBoss.JobInsert<IngestJob>[] = [];
    for (const [i, r] of results.entries()) {
      const position = first + i;
      if (!r.ok) {
        summary.failed.push({ input: r.input, error: r.error });
        await stageReading(store.db, { position, input: r.input, reading: null, error: r.error });
        continue;
      }
      const article = { ...r.doc.article, id: r.doc.article.id ?? contentId(r.doc.article.text) };
      jobs.push({ name: INGEST_QUEUE, data: { position, input: r.doc.input, article }, retryLimit: RETRIES, expireInSeconds: EXPIRE_SECONDS });
      summary.queued++;
    }
    for (let i = 0; i < jobs.length; i += SEND_CHUNK) await boss.insert(jobs.slice(i, i + SEND_CHUNK));
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
  return summary;
}

// Readings travel through the store as deflated JSON; typed arrays are tagged so they come back as they were. The
// replacer looks at each value as it stands, not as its toJSON gives it: a Buffer (what zlib returns) would otherwise
// arrive as {type, data} and be stored as that text.
export function encodeQueuedReading(reading: ArticleReading): Uint8Array {
  const json = JSON.stringify(reading, function (this: Record<string, unknown>, k, v) {
    const raw = this[k];
    if (raw instanceof Uint32Array) return { $u32: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
    if (raw instanceof Uint8Array) return { $u8: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
    return v;
  });
  return deflateRawSync(json);
}

/** A reading as `encodeQueuedReading` left it. */
export function decodeQueuedReading(bytes: Uint8Array): ArticleReading {
  return JSON.parse(inflateRawSync(bytes).toString("utf8"), (_k, v) => {
    if (v && typeof v === "object" && typeof v.$u32 === "string") {
      const b = Buffer.from(v.$u32, "base64");
      return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    if (v && typeof v === "object" && typeof v.$u8 === "string") return new Uint8Array(Buffer.from(v.$u8, "base64"));
    return v;
  }) as ArticleReading;
}

/** How a worker runs. */
export interface WorkerOptions {
  /** Documents read at once, each on a thread of its own (0: on the worker's own thread, one at a time). */
  concurrency: number;
  /** Stops the worker (after the documents in hand are read and left in the store). */
  signal?: AbortSignal;
  /** Told of each document stored, failed or skipped by this worker. */
  onEvent?: (event: IngestEvent) => void;
  /** The date forecasts are brought up to date as of after each batch stored (default: today). */
  asOf?: string;
  now?: () => Date;
}

/** The part of a worker that stores readings in queue order: one per process, kept across batches. */
export class Drain {
  private readonly ctx: StoringContext;
  private running: Promise<number> | null = null;
  private again = false;
  private done = 0;
  /** Milliseconds this worker spent storing readings (holding the drain lock). */
  busyMs = 0;

  constructor(
    private readonly store: Store,
    private readonly opts: Pick<WorkerOptions, "onEvent" | "asOf" | "now"> = {},
  ) {
    this.ctx = { now: opts.now ?? (() => new Date()), link: createLinker(), features: new Map() };
  }

  /** Stores every reading whose turn has come, unless another worker is doing so; resolves with how many it stored. */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<number> {
    let stored = 0;
    do {
      this.again = false;
      stored += await this.pass();
    } while (this.again);
    return stored;
  }

  // One turn at the lock: batches of readings in order while the next one is there, then stories and forecasts.
  private async pass(): Promise<number> {
    const lock = await this.store.db.connection().execute(async (conn) => {
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${DRAIN_LOCK}) as ok`.execute(conn);
      if (!got.rows[0].ok) return 0;
      const t = performance.now();
      try {
        return await this.storeInOrder();
      } finally {
        this.busyMs += performance.now() - t;
        await sql`select pg_advisory_unlock(${DRAIN_LOCK})`.execute(conn);
      }
    });
    return lock;
  }

  private async storeInOrder(): Promise<number> {
    let stored = 0;
    for (;;) {
      const batch = await this.store.beginBatch();
      let last: number;
      let staged;
      try {
        last = await appliedPosition(batch.db);
        staged = await nextStaged(batch.db, last, DRAIN_BATCH);
        if (staged.length === 0) {
          await batch.rollback();
          break;
        }
        for (const s of staged) {
          const event = s.reading ? await storeRead(batch, s.input, decodeQueuedReading(s.reading), this.ctx) : { outcome: "failed" as const, input: s.input, error: s.error ?? "failed" };
          this.opts.onEvent?.({ ...event, done: ++this.done });
        }
        last = staged[staged.length - 1].position;
        await setAppliedPosition(batch.db, last);
        await dropStaged(batch.db, last);
        await batch.commit();
      } catch (err) {
        await batch.rollback().catch(() => {});
        throw err;
      }
      stored += staged.length;
    }
    if (stored > 0) {
      const covered = await latestSeq(this.store.db);
      const grouped = await groupNewArticles(this.store, this.ctx.features);
      // What another writer grouped first is not needed any more.
      this.ctx.features?.clear();
      await settleDerived(this.store, covered, grouped, this.opts.asOf);
    }
    return stored;
  }
}

/**
 * Runs a queue worker until `signal` aborts: takes jobs, reads their documents (`concurrency` at a time), leaves each
 * reading in the store, and stores those whose turn has come. Resolves once stopped, with the time it spent storing.
 */
export async function runWorker(store: Store, opts: WorkerOptions): Promise<{ drainMs: number }> {
  const boss = await openQueue(store);
  const readers = new ReaderPool(opts.concurrency);
  const drain = new Drain(store, opts);
  let failure: unknown = null;
  const fail = (err: unknown) => {
    failure ??= err;
  };
  try {
    const batchSize = Math.max(1, opts.concurrency) * 2;
    // pg-boss waits out its polling interval after each batch; while batches come back full, the worker asks for the
    // next at once (it would otherwise take at most a batch every half second, ~4 documents a second).
    let workerId: string | null = null;
    workerId = await boss.work<IngestJob>(INGEST_QUEUE, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      if (jobs.length === batchSize && workerId !== null) boss.notifyWorker(workerId);
      const pending = jobs.map((job) => ({ job, read: readers.submit(job.data.article) }));
      for (const { job, read } of pending) {
        let reading: Uint8Array | null = null;
        let error: string | null = null;
        try {
          reading = encodeQueuedReading(await readers.take(read));
        } catch (err) {
          error = `extraction failed: ${err instanceof Error ? err.message : String(err)}`;
        }
        await stageReading(store.db, { position: job.data.position, input: job.data.input, reading, error });
      }
      void drain.run().catch(fail);
    });
    // Readings left by a worker whose drain lost the race for the lock are stored by the next to look.
    const timer = setInterval(() => void drain.run().catch(fail), 1000);
    try {
      await new Promise<void>((resolve, reject) => {
        if (opts.signal?.aborted) return resolve();
        opts.signal?.addEventListener("abort", () => resolve(), { once: true });
        const check = setInterval(() => {
          if (failure) {
            clearInterval(check);
            reject(failure);
          }
        }, 200);
        opts.signal?.addEventListener("abort", () => clearInterval(check), { once: true });
      });
    } finally {
      clearInterval(timer);
    }
    await boss.offWork(INGEST_QUEUE);
    await drain.run();
    return { drainMs: drain.busyMs };
  } finally {
    await boss.stop({ graceful: true, wait: true, close: true, timeout: 30_000 }).catch(() => {});
    await readers.close();
  }
}

/** How far the queue has come: positions handed out, stored, and readings waiting. */
export async function queueProgress(db: Executor): Promise<{ reserved: number; applied: number }> {
  return { reserved: await lastReserved(db), applied: await appliedPosition(db) };
}
