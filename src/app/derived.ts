// What a running server derives from its store, kept off the thread that answers requests: stories and forecasts
// brought up to date once after a burst of writes, and the dearest reads (the story list, questions, replays, search)
// worked out on a thread of their own and kept per store version, so a request never waits on another's work.
import type { Worker } from "node:worker_threads";
import type { Store } from "../store/index.js";
import { parseLocation } from "../store/dialect.js";
import { storeMark } from "../store/reads.js";
import { spawnWorker } from "../workers.js";
import { repairDerived } from "./repair.js";
import { computeRead, type ReadRequest, type ReadResult } from "./snapshot-reads.js";

/** Messages to a derived-work thread, and its answers. */
export type DerivedRequest = { id: number; refresh: { asOf: string } } | { id: number; read: ReadRequest };
export type DerivedReply = { id: number; ok: true; result?: ReadResult } | { id: number; ok: false; error: string };

/** What a derived-work thread is started with. */
export interface DerivedWorkerData {
  path: string;
}

/**
 * Runs derived work on a thread with its own connection to the store when the store is a SQLite file; elsewhere (an
 * in-memory store, PostgreSQL) on the calling thread.
 */
class DerivedThread {
  private worker: Worker | null | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(r: DerivedReply): void }>();

  /** `eager`: start the thread now, so the first request does not wait for it to load. */
  constructor(
    private readonly store: Store,
    eager = false,
  ) {
    if (eager) this.thread();
  }

  /** Runs one request and answers with its reply. */
  async run(req: Omit<DerivedRequest, "id">, inProcess: () => Promise<ReadResult | undefined>): Promise<ReadResult | undefined> {
    const worker = this.thread();
    if (!worker) return inProcess();
    const id = this.nextId++;
    const reply = await new Promise<DerivedReply>((resolve) => {
      this.waiting.set(id, { resolve });
      worker.postMessage({ ...req, id } as DerivedRequest);
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  }

  get pending(): number {
    return this.waiting.size;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
    this.failAll("the server is closing");
  }

  private thread(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    const location = parseLocation(this.store.location);
    if (location.engine !== "sqlite" || location.path === ":memory:" || location.path === "") return (this.worker = null);
    const worker = spawnWorker(import.meta.url, "derived-worker", { path: location.path } satisfies DerivedWorkerData);
    this.worker = worker;
    if (!worker) return null;
    worker.on("message", (reply: DerivedReply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      w?.resolve(reply);
    });
    // A thread that dies fails what it held; the next request starts another.
    const fail = (err?: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(err instanceof Error ? err.message : "the derived-work thread stopped");
    };
    worker.on("error", fail);
    worker.on("exit", () => fail());
    return worker;
  }

  private failAll(error: string): void {
    for (const [id, w] of this.waiting) w.resolve({ id, ok: false, error });
    this.waiting.clear();
  }
}

/** How soon after a write stories and forecasts are brought up to date. */
export interface RefreshTiming {
  /** Quiet time after the last write before the refresh starts, in milliseconds. */
  quietMs: number;
  /** Longest a write waits for its refresh while writes keep coming, in milliseconds. */
  maxWaitMs: number;
}

/** The server's default: a burst of submissions costs one refresh, and none waits more than a second for it. */
export const DEFAULT_REFRESH_TIMING: RefreshTiming = { quietMs: 200, maxWaitMs: 1000 };

/**
 * Brings stories and forecasts up to date after writes: one refresh after a burst (debounced), never two at once, on
 * its own thread. Reads keep serving the last results meanwhile.
 */
export class DerivedRefresher {
  private readonly thread: DerivedThread;
  private timer: NodeJS.Timeout | null = null;
  private firstAsked: number | null = null;
  // When the refresh about to run was first asked for (the start of its burst).
  private askedAt: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private idle: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly asOf: () => string,
    /** Called after each refresh with the moment (performance.now()) it was asked for. */
    private readonly onRefreshed: (askedAt: number) => Promise<void>,
    private readonly timing: RefreshTiming = DEFAULT_REFRESH_TIMING,
  ) {
    this.thread = new DerivedThread(store);
  }

  /** Asks for a refresh after the current burst of writes. */
  schedule(): void {
    if (this.closed) return;
    const now = performance.now();
    this.firstAsked ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.timing.quietMs, this.firstAsked + this.timing.maxWaitMs - now));
    this.timer = setTimeout(() => this.start(), wait);
  }

  /** Resolves once no refresh is asked for or running. */
  settled(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Runs any refresh asked for now, waits for it, and stops the thread. */
  async close(): Promise<void> {
    if (this.timer) this.start();
    await this.settled();
    this.closed = true;
    await this.thread.close();
  }

  private start(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.askedAt = Math.min(this.askedAt ?? Number.POSITIVE_INFINITY, this.firstAsked ?? performance.now());
    this.firstAsked = null;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (!this.timer) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const askedAt = this.askedAt ?? performance.now();
      this.askedAt = null;
      const asOf = this.asOf();
      try {
        await this.thread.run({ refresh: { asOf } }, async () => {
          await repairDerived(this.store, asOf);
          return undefined;
        });
      } catch {
        // A failed refresh leaves the stale mark set: the next burst, or the next start, brings them up to date.
      }
      await this.onRefreshed(askedAt);
    } while (this.again);
  }
}

/** Thrown when the read thread has more waiting than it should take on; the server answers 503. */
export class ReadsBusy extends Error {}

// Reads waiting on the read thread at most; past this a new one is refused rather than queued behind them.
const MAX_WAITING_READS = 64;
// Reads asked for within this many milliseconds are worked out again as soon as a refresh lands.
const RENEW_WITHIN_MS = 10_000;
// Results kept at most (distinct routes and queries); the least recently used goes first.
const MAX_ENTRIES = 256;

interface Entry {
  req: ReadRequest;
  usedAt: number;
  version: string | null;
  result: ReadResult | null;
  pending: Promise<ReadResult> | null;
  pendingVersion: string | null;
}

/**
 * The dearest reads, worked out on their own thread and kept per store version. A request for a version already worked
 * out is answered at once; one for a newer version is answered with the last result while the new one is worked out
 * (a read is at most one refresh behind, as the forecasts it shows are); the first of its kind waits for it.
 */
export class SnapshotReads {
  private readonly thread: DerivedThread;
  private readonly entries = new Map<string, Entry>();
  // Bumped by writes this server makes to what these reads show.
  private generation = 0;

  constructor(private readonly store: Store) {
    this.thread = new DerivedThread(store, true);
  }

  /** The store version reads are kept for: this server's own writes, and every commit any other connection made. */
  async version(): Promise<string> {
    return `${this.generation} ${await storeMark(this.store.db)}`;
  }

  /** Notes that stories and forecasts were brought up to date: kept reads are served until worked out again. */
  refreshed(): void {
    this.generation++;
  }

  /** Notes a write by this server to what kept reads show (a question added): none is served until worked out again. */
  changed(): void {
    this.generation++;
    for (const e of this.entries.values()) e.result = null;
  }

  /** One read's result, as described above. */
  async get(req: ReadRequest): Promise<ReadResult> {
    const key = JSON.stringify(req);
    const version = await this.version();
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = { req, usedAt: 0, version: null, result: null, pending: null, pendingVersion: null };
      this.entries.set(key, entry);
      this.evict();
    }
    entry.usedAt = performance.now();
    if (entry.result && entry.version === version) return entry.result;
    const next = this.work(entry, version);
    if (entry.result) {
      next.catch(() => {});
      return entry.result;
    }
    return next;
  }

  /**
   * Works out again, for the current version, the reads asked for lately (after a refresh asked for at `askedAt`), so
   * their next request finds them ready; resolves when all are done. "Lately" counts back from when the refresh was
   * asked for, however long it then took. Reads not asked for lately wait for their next request.
   */
  async renew(askedAt = performance.now()): Promise<void> {
    const version = await this.version();
    const lately = Math.min(askedAt, performance.now()) - RENEW_WITHIN_MS;
    await Promise.all([...this.entries.values()].map((e) => (e.version === version || e.usedAt < lately ? undefined : this.work(e, version).catch(() => {}))));
  }

  async close(): Promise<void> {
    await this.thread.close();
  }

  private work(entry: Entry, version: string): Promise<ReadResult> {
    if (entry.pending && entry.pendingVersion === version) return entry.pending;
    if (this.thread.pending >= MAX_WAITING_READS) return Promise.reject(new ReadsBusy("the server is busy working out reads; try again shortly"));
    const pending = this.thread.run({ read: entry.req }, () => computeRead(this.store, entry.req)).then((result) => {
      if (entry.pending === pending) {
        entry.pending = null;
        entry.pendingVersion = null;
      }
      // Kept as bytes: each answer then sends them as they are, instead of encoding the text again.
      entry.result = { ...result!, body: Buffer.from(result!.body) };
      entry.version = version;
      return entry.result;
    });
    pending.catch(() => {
      if (entry.pending === pending) entry.pending = null;
    });
    entry.pending = pending;
    entry.pendingVersion = version;
    return pending;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES) break;
      if (!e.pending) this.entries.delete(key);
    }
  }
}
