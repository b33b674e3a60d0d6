// Reads documents on worker threads while the main thread stores and links the ones before them. Workers are handed
// documents ahead of need; each document has a shared flag that the worker and the calling thread race to claim, so the
// caller reads a document itself whenever no worker has started it yet, and never waits on a busy or starved worker.
import { availableParallelism } from "node:os";
import { deserialize, serialize } from "node:v8";
import type { Worker } from "node:worker_threads";
import type { ArticleInput } from "../domain/extraction.js";
import { readArticle, type ArticleReading } from "./read.js";
import { spawnWorker } from "../workers.js";

/** A document sent to a worker; `slot` indexes its claim flag. */
export interface ReaderJob {
  seq: number;
  slot: number;
  input: ArticleInput & { id: string };
}

/**
 * A reading as bytes (v8's serialization): handed from thread to thread without being taken apart on the way, as a
 * server's submission goes from its reader thread to its storing thread past the thread answering requests.
 */
export type PackedReading = Uint8Array;

/** A worker's answer: the reading (packed, for a pool that asks so), why the document could not be read, or that the caller had claimed it first. */
export type ReaderReply =
  | { seq: number; ok: true; reading: ArticleReading | PackedReading }
  | { seq: number; ok: false; error: string }
  | { seq: number; skipped: true }
  | { ready: true };

/** The states of a document's claim flag. */
export const FLAG = { FREE: 0, WORKER: 1, CALLER: 2 } as const;

/** What a worker is started with. */
export interface ReaderWorkerData {
  flags: SharedArrayBuffer;
  /** Send each reading packed (see `PackedReading`). */
  packed: boolean;
}

/** A document submitted to the pool, to be taken back with `take`. */
export interface PendingRead {
  readonly input: ArticleInput & { id: string };
}

interface Job extends ReaderJob {
  state: "queued" | "sent" | "done";
  requeued?: boolean;
  promise: Promise<ArticleReading | PackedReading>;
  resolve(reading: ArticleReading | PackedReading): void;
  reject(err: Error): void;
}

interface WorkerSlot {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, Job>;
  /** Under a time budget: stops the worker when its document takes too long. */
  timer?: NodeJS.Timeout;
}

/** How a pool reads besides its thread count. */
export interface ReaderPoolOptions {
  /**
   * Longest one document may take to read, in milliseconds. With a budget every document is read on a worker thread,
   * never on the caller's, one at a time per worker; a worker over budget is stopped and its document fails.
   */
  budgetMs?: number;
  /**
   * Workers send their readings packed, so the thread that takes them with `takePacked` can pass them on without
   * taking them apart (a 270 KB article's reading is 2.6 MB: ~200 ms to unpack, ~20 ms to pack again).
   */
  packed?: boolean;
}

const isPacked = (r: ArticleReading | PackedReading): r is PackedReading => r instanceof Uint8Array;
const unpack = (r: ArticleReading | PackedReading): ArticleReading => (isPacked(r) ? (deserialize(r) as ArticleReading) : r);

/** Packs a reading into bytes of their own (transferable: nothing else shares their memory). */
export function packReading(reading: ArticleReading): PackedReading {
  const bytes = serialize(reading);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** A reading from its packed bytes. */
export function unpackReading(packed: PackedReading): ArticleReading {
  return deserialize(packed) as ArticleReading;
}

// Documents a worker holds at once. Holding several costs nothing: the caller can still take back any not started.
const PER_WORKER = 4;
// Claim flags are reused round-robin; far more than the documents that are ever in flight at once.
const FLAG_SLOTS = 1024;

/** Worker threads used by default: one per core beyond the main thread's, at least one. */
export function defaultReaderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ReaderPool {
  private readonly queue: Job[] = [];
  private readonly workers: WorkerSlot[] = [];
  private readonly flags = new Int32Array(new SharedArrayBuffer(FLAG_SLOTS * 4));
  private started = false;
  private closed = false;
  private nextSeq = 0;
  private readonly counts = { workers: 0, caller: 0 };

  private readonly threads: number;

  /**
   * `threads` worker threads at most, and never more than the cores (each costs tens of megabytes and more than one per
   * core only adds switching); 0 reads everything on the calling thread.
   */
  constructor(
    threads: number,
    private readonly options: ReaderPoolOptions = {},
  ) {
    this.threads = Math.max(0, Math.min(threads, availableParallelism()));
  }

  private get bounded(): boolean {
    return this.options.budgetMs !== undefined && this.threads > 0;
  }

  /** Queues a document. Workers start once two documents wait, so a lone document never pays for starting a thread. */
  submit(input: ArticleInput & { id: string }): PendingRead {
    let resolve!: (r: ArticleReading | PackedReading) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<ArticleReading | PackedReading>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A reading nobody asks for (its document turned out to be stored already) must not count as an unhandled failure.
    promise.catch(() => {});
    const seq = this.nextSeq++;
    const job: Job = { seq, slot: seq % FLAG_SLOTS, input, state: "queued", promise, resolve, reject };
    Atomics.store(this.flags, job.slot, FLAG.FREE);
    this.queue.push(job);
    if (!this.started && this.threads > 0 && (this.queue.length >= 2 || this.bounded)) this.start();
    this.dispatch();
    return job;
  }

  /** The reading of a submitted document; read right here unless a worker has started it. Throws what reading threw. */
  async take(pending: PendingRead): Promise<ArticleReading> {
    return unpack(await this.takeAsSent(pending));
  }

  /** As `take`, the reading packed: as a packed pool's worker sent it, without unpacking it here. */
  async takePacked(pending: PendingRead): Promise<PackedReading> {
    const r = await this.takeAsSent(pending);
    return isPacked(r) ? r : packReading(r);
  }

  private async takeAsSent(pending: PendingRead): Promise<ArticleReading | PackedReading> {
    const job = pending as Job;
    // Let the workers' messages in first: a caller that never waits on anything else would otherwise not hear that a
    // worker became ready or finished a document.
    if (job.state !== "done" && this.workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    // Under a budget the caller never reads: the document waits for a worker, which a budget can stop.
    if (this.bounded && this.workers.length > 0) return job.promise;
    if (job.state === "queued") this.queue.splice(this.queue.indexOf(job), 1);
    if (job.state !== "done" && Atomics.compareExchange(this.flags, job.slot, FLAG.FREE, FLAG.CALLER) === FLAG.FREE) {
      // A worker still holding it will see the flag, skip it and say so.
      job.state = "done";
      this.counts.caller++;
      return readArticle(job.input);
    }
    return job.promise;
  }

  /** How many documents the workers and the calling thread have read so far. */
  get read(): { workers: number; caller: number } {
    return { ...this.counts };
  }

  /** Stops the workers; readings not yet taken are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    for (const w of workers) clearTimeout(w.timer);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.threads; i++) this.spawn();
  }

  private spawn(): void {
    const workerData: ReaderWorkerData = { flags: this.flags.buffer as SharedArrayBuffer, packed: this.options.packed ?? false };
    const worker = spawnWorker(import.meta.url, "reader-worker", workerData);
    if (!worker) return;
    const slot: WorkerSlot = { worker, ready: false, inFlight: new Map() };
    this.workers.push(slot);
    worker.on("message", (reply: ReaderReply) => this.receive(slot, reply));
    worker.on("error", () => this.lose(slot));
    worker.on("exit", () => this.lose(slot));
  }

  private receive(slot: WorkerSlot, reply: ReaderReply): void {
    if ("ready" in reply) {
      slot.ready = true;
    } else {
      clearTimeout(slot.timer);
      const job = slot.inFlight.get(reply.seq);
      slot.inFlight.delete(reply.seq);
      if (job && !("skipped" in reply)) {
        job.state = "done";
        this.counts.workers++;
        if (reply.ok) job.resolve(reply.reading);
        else job.reject(new Error(reply.error));
      }
    }
    this.dispatch();
  }

  // A worker that died leaves documents it had not finished, and the caller may be waiting on one: read them here.
  private lose(slot: WorkerSlot): void {
    const i = this.workers.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.workers.splice(i, 1);
    clearTimeout(slot.timer);
    if (this.bounded) {
      // A bounded pool never reads on the caller: a document goes back to the queue for a fresh worker once, and
      // fails if it loses that one too (it is what kills them).
      for (const job of slot.inFlight.values()) {
        if (job.state === "done") continue;
        if (job.requeued) {
          job.state = "done";
          job.reject(new Error("the document stopped its reader twice; it was not read"));
        } else {
          job.requeued = true;
          job.state = "queued";
          this.queue.unshift(job);
        }
      }
      slot.inFlight.clear();
      this.spawn();
      this.dispatch();
      return;
    }
    for (const job of slot.inFlight.values()) {
      if (job.state === "done") continue;
      Atomics.store(this.flags, job.slot, FLAG.CALLER);
      job.state = "done";
      this.counts.caller++;
      try {
        job.resolve(readArticle(job.input));
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    slot.inFlight.clear();
    this.dispatch();
  }

  private dispatch(): void {
    const perWorker = this.bounded ? 1 : PER_WORKER;
    for (const slot of this.workers) {
      while (slot.ready && slot.inFlight.size < perWorker && this.queue.length > 0) {
        const job = this.queue.shift()!;
        job.state = "sent";
        slot.inFlight.set(job.seq, job);
        if (this.bounded) slot.timer = setTimeout(() => this.overBudget(slot, job), this.options.budgetMs);
        const message: ReaderJob = { seq: job.seq, slot: job.slot, input: job.input };
        slot.worker.postMessage(message);
      }
    }
  }

  // The document fails; its worker is stopped (nothing else can interrupt a reading) and replaced.
  private overBudget(slot: WorkerSlot, job: Job): void {
    slot.inFlight.delete(job.seq);
    job.state = "done";
    job.reject(new Error(`reading the document took longer than ${(this.options.budgetMs ?? 0) / 1000} s; it was not read`));
    void slot.worker.terminate();
    this.lose(slot);
  }
}
