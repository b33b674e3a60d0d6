// Reads documents on worker threads while the main thread stores and links the ones before them. Documents wait in a
// queue; a free worker takes the next one, and the main thread reads one itself when it needs it and no worker has
// taken it yet, so neither side waits for the other while there is work.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ArticleInput } from "../domain/extraction.js";
import { readArticle, type ArticleReading } from "./read.js";

/** A document sent to a worker. */
export interface ReaderJob {
  seq: number;
  input: ArticleInput & { id: string };
}

/** A worker's answer: the reading, or why the document could not be read. */
export type ReaderReply = { seq: number; ok: true; reading: ArticleReading } | { seq: number; ok: false; error: string } | { ready: true };

/** A document submitted to the pool, to be taken back with `take`. */
export interface PendingRead {
  readonly input: ArticleInput & { id: string };
}

interface Job extends ReaderJob {
  state: "queued" | "sent" | "done";
  promise: Promise<ArticleReading>;
  resolve(reading: ArticleReading): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, Job>;
}

// Jobs a worker holds at once: one it reads and one waiting in its port, so it never idles on a round trip.
const PER_WORKER = 2;

/** Worker threads used by default: one per core beyond the main thread's, at least one. */
export function defaultReaderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ReaderPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private started = false;
  private nextSeq = 0;
  private readonly counts = { workers: 0, caller: 0 };

  /** `threads` worker threads at most; 0 reads everything on the calling thread. */
  constructor(private readonly threads: number) {}

  /** Queues a document. Workers start once two documents wait, so a lone document never pays for starting a thread. */
  submit(input: ArticleInput & { id: string }): PendingRead {
    let resolve!: (r: ArticleReading) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<ArticleReading>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A reading nobody asks for (its document turned out to be stored already) must not count as an unhandled failure.
    promise.catch(() => {});
    const job: Job = { seq: this.nextSeq++, input, state: "queued", promise, resolve, reject };
    this.queue.push(job);
    if (!this.started && this.threads > 0 && this.queue.length >= 2) this.start();
    this.dispatch();
    return job;
  }

  /** The reading of a submitted document; read right here when no worker has taken it yet. Throws what reading threw. */
  async take(pending: PendingRead): Promise<ArticleReading> {
    const job = pending as Job;
    // Let the workers' messages in first: a caller that never waits on anything else would otherwise read every document
    // itself, never hearing that a worker is free.
    if (job.state === "queued" && this.slots.length > 0) await new Promise((resolve) => setImmediate(resolve));
    if (job.state === "queued") {
      this.queue.splice(this.queue.indexOf(job), 1);
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
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.threads; i++) {
      const worker = spawnReader();
      if (!worker) return;
      const slot: Slot = { worker, ready: false, inFlight: new Map() };
      this.slots.push(slot);
      worker.on("message", (reply: ReaderReply) => this.receive(slot, reply));
      worker.on("error", () => this.lose(slot));
      worker.on("exit", () => this.lose(slot));
    }
  }

  private receive(slot: Slot, reply: ReaderReply): void {
    if ("ready" in reply) {
      slot.ready = true;
    } else {
      const job = slot.inFlight.get(reply.seq);
      if (!job) return;
      slot.inFlight.delete(reply.seq);
      job.state = "done";
      this.counts.workers++;
      if (reply.ok) job.resolve(reply.reading);
      else job.reject(new Error(reply.error));
    }
    this.dispatch();
  }

  // A worker that died hands its documents back to the queue, where another worker or the main thread reads them.
  private lose(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const orphans = [...slot.inFlight.values()].sort((a, b) => a.seq - b.seq);
    for (const job of orphans) job.state = "queued";
    this.queue.unshift(...orphans);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.ready && slot.inFlight.size < PER_WORKER && this.queue.length > 0) {
        const job = this.queue.shift()!;
        job.state = "sent";
        slot.inFlight.set(job.seq, job);
        const message: ReaderJob = { seq: job.seq, input: job.input };
        slot.worker.postMessage(message);
      }
    }
  }
}

// The compiled worker, or — when running from TypeScript sources (tests, scripts) — the source worker loaded through the
// TypeScript loader the development tools ship. Null when neither can be started: everything is then read in-process.
function spawnReader(): Worker | null {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./reader-worker.js", here));
  let loader: string;
  try {
    loader = createRequire(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs");
  } catch {
    return null;
  }
  if (!existsSync(loader)) return null;
  const entry = new URL("./reader-worker.ts", here).href;
  const boot = `import(${JSON.stringify(new URL(`file://${loader}`).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}
