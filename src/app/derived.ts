// What a running server derives from its store, kept off the thread that answers requests: stories and forecasts
// brought up to date once after a burst of writes, and the dearest reads (the story list, questions, replays, search)
// worked out on a thread of their own and kept per store version, so a request never waits on another's work.
import type { Worker } from "node:worker_threads";
import type { Store } from "../store/index.js";
import { parseLocation, watchCommits, type CommitWatch } from "../store/dialect.js";
import { storeMark } from "../store/reads.js";
import { spawnWorker } from "../workers.js";
import { repairDerived } from "./repair.js";
import type { PackedReading } from "./reader-pool.js";
import { asKept, computeRead, keepRead, type KeptRead, type ReadRequest } from "./snapshot-reads.js";

/**
 * An article read on a reader thread, to be stored and linked by a derived-work thread; `now` is the ingest time. The
 * reading comes packed, as the reader sent it: the thread in between (the one answering requests) never unpacks it.
 */
export interface StoreRequest {
  input: string;
  reading: PackedReading;
  now: string;
}

/** Messages to a derived-work thread, and its answers. */
export type DerivedRequest = { id: number; refresh: { asOf: string } } | { id: number; read: ReadRequest } | { id: number; store: StoreRequest };
export type DerivedReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** What a derived-work thread is started with. */
export interface DerivedWorkerData {
  path: string;
  /** Background work (refreshes, renewals of kept reads): the thread yields the cores to the one answering requests. */
  background: boolean;
}

/**
 * Runs derived work on a thread with its own connection to the store when the store is a SQLite file; elsewhere (an
 * in-memory store, PostgreSQL) on the calling thread.
 */
export class DerivedThread {
  private worker: Worker | null | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(r: DerivedReply): void }>();

  /**
   * `background`: the thread's work can wait while requests are answered (it runs at a lower priority); `eager`: start
   * the thread now, so the first request does not wait for it to load.
   */
  constructor(
    private readonly store: Store,
    private readonly background: boolean,
    eager = false,
  ) {
    if (eager) this.thread();
  }

  /**
   * Runs one request and answers with its result; `inProcess` does the same work where there is no thread. `transfer`:
   * buffers of the request handed to the thread rather than copied (they are unusable here afterwards).
   */
  async run<T>(req: DistributiveOmit<DerivedRequest, "id">, inProcess: () => Promise<T>, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.thread();
    if (!worker) return inProcess();
    const id = this.nextId++;
    const reply = await new Promise<DerivedReply>((resolve) => {
      this.waiting.set(id, { resolve });
      worker.postMessage({ ...req, id } as DerivedRequest, transfer);
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as T;
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
    const worker = spawnWorker(import.meta.url, "derived-worker", { path: location.path, background: this.background } satisfies DerivedWorkerData);
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
    // Not background work: it holds the store's write lock, which submissions wait for.
    this.thread = new DerivedThread(store, false);
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
export const MAX_KEPT_READS = 256;
// A commit mark looked up this many milliseconds ago is taken as current: under a stream of requests one look (a
// query, ~15 µs) serves all the requests of that span, and a commit is seen at most this much later, where kept reads
// answer seconds behind a stream of writes anyway.
const MARK_REUSE_MS = 20;
// How many of the latest answers' lags are kept for `lag()`.
const LAG_SAMPLES = 20_000;

interface Entry {
  req: ReadRequest;
  usedAt: number;
  /** The store version `result` was worked out for, and the one the renewal in flight is for. */
  version: number;
  result: KeptRead | null;
  pending: Promise<KeptRead> | null;
  pendingVersion: number;
}

/** How far behind the store the answers of kept reads were: an up-to-date answer counts 0 ms. */
export interface ReadLag {
  answers: number;
  behind: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The dearest reads, worked out on their own thread and kept per store version, answered from memory without touching
 * the store. A request finding its result current is answered with it. One finding the store changed since is answered
 * with the result as it is, and the read is worked out again in the background, one renewal per read at a time, so a
 * stream of writes costs each read one renewal after another rather than one per request: an answer is at most one
 * renewal behind the store. The first request of a read waits for it, and so does every read after this server changed
 * a question (`changed`).
 */
export class SnapshotReads {
  // Reads a request waits for (the first of their kind) are worked out on one thread; renewals, which nobody waits
  // for, on another that yields the cores to the threads answering requests and reading submissions.
  private readonly firsts: DerivedThread;
  private readonly renewals: DerivedThread;
  private readonly entries = new Map<string, Entry>();
  // Sees every commit to a SQLite store, this process's own connection's included; null for other stores.
  private readonly commits: CommitWatch | null;
  // The store's version as this server knows it, counted up at each change seen, and when the count last moved.
  private version = 0;
  private movedAt: number[] = [0];
  private mark: string | null = null;
  // Bumped by writes this server makes to what these reads show.
  private generation = 0;
  // Results worked out for a version before this one are never served.
  private floor = 0;
  private readonly lags: number[] = [];
  private lastMark = 0;
  private markAt = -Infinity;
  private lagAt = 0;

  constructor(private readonly store: Store) {
    this.firsts = new DerivedThread(store, false, true);
    this.renewals = new DerivedThread(store, true);
    this.commits = watchCommits(parseLocation(store.location));
  }

  /** Notes that stories and forecasts were brought up to date: kept reads are served until worked out again. */
  refreshed(): void {
    this.generation++;
  }

  /** Notes a write by this server to what kept reads show (a question added): none is served until worked out again. */
  changed(): void {
    this.generation++;
    this.floor = this.version + 1;
  }

  /** One read's result, as described above. */
  async get(req: ReadRequest): Promise<KeptRead> {
    const key = JSON.stringify(req);
    const version = this.commits ? this.see(this.watchedMark()) : await this.current();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { req, usedAt: 0, version: -1, result: null, pending: null, pendingVersion: -1 };
      this.entries.set(key, entry);
      this.evict(entry);
    }
    entry.usedAt = performance.now();
    if (entry.result && entry.version >= this.floor) {
      if (entry.version < version && !entry.pending) this.work(entry, version, this.renewals).catch(() => {});
      this.noteLag(entry.version, version);
      return entry.result;
    }
    if (entry.pending && entry.pendingVersion >= this.floor) return entry.pending;
    return this.work(entry, version, this.firsts);
  }

  /**
   * Works out again, for the current version, the reads asked for lately (after a refresh asked for at `askedAt`), so
   * their next request finds them current; resolves when all are done. "Lately" counts back from when the refresh was
   * asked for, however long it then took. Reads not asked for lately wait for their next request.
   */
  async renew(askedAt = performance.now()): Promise<void> {
    const version = await this.current();
    const lately = Math.min(askedAt, performance.now()) - RENEW_WITHIN_MS;
    await Promise.all(
      [...this.entries.values()].map(async (e) => {
        if (e.usedAt < lately) return;
        // A renewal in flight for an older version is let finish first: one per read at a time.
        if (e.pending && e.pendingVersion < version) await e.pending.catch(() => {});
        if (e.version >= version) return;
        await (e.pending && e.pendingVersion >= version ? e.pending : this.work(e, version, this.renewals)).catch(() => {});
      }),
    );
  }

  /** Whether a result (or its working out) is kept for the read `req`. */
  keeps(req: ReadRequest): boolean {
    return this.entries.has(JSON.stringify(req));
  }

  /** How far behind the store the answers since the last call were, and forgets them. */
  lag(): ReadLag {
    const all = this.lags.splice(0).sort((a, b) => a - b);
    this.lagAt = 0;
    const at = (q: number) => (all.length ? all[Math.min(all.length - 1, Math.floor(q * all.length))] : 0);
    return { answers: all.length, behind: all.filter((x) => x > 0).length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: all.at(-1) ?? 0 };
  }

  async close(): Promise<void> {
    this.commits?.close();
    await Promise.all([this.firsts.close(), this.renewals.close()]);
  }

  // The version for a store mark: counted up when the mark or this server's own writes moved.
  private see(mark: number | string): number {
    const seen = `${this.generation} ${mark}`;
    if (seen !== this.mark) {
      this.mark = seen;
      this.version++;
      this.movedAt[this.version] = performance.now();
      // Only the moments after results still kept matter; older ones are let go now and then.
      if (this.version % 1024 === 0) this.forgetMoves();
    }
    return this.version;
  }

  // The current version, asking the store (and waiting for it) where commits are not watched.
  private async current(): Promise<number> {
    if (this.commits) this.markAt = -Infinity;
    return this.see(this.commits ? this.watchedMark() : await storeMark(this.store.db));
  }

  // The watched commit mark, looked up at most once per MARK_REUSE_MS: under a stream of requests, one look serves many.
  private watchedMark(): number {
    const now = performance.now();
    if (now - this.markAt >= MARK_REUSE_MS) {
      this.lastMark = this.commits!.mark();
      this.markAt = now;
    }
    return this.lastMark;
  }

  // An answer worked out for `version` given when the store is at `now`: behind by the time since the store first
  // moved past it.
  private noteLag(version: number, now: number): void {
    const ms = version < now ? performance.now() - (this.movedAt[version + 1] ?? performance.now()) : 0;
    if (this.lags.length < LAG_SAMPLES) this.lags.push(ms);
    else this.lags[this.lagAt++ % LAG_SAMPLES] = ms;
  }

  private forgetMoves(): void {
    let oldest = this.version;
    for (const e of this.entries.values()) if (e.result) oldest = Math.min(oldest, e.version);
    for (let v = 0; v <= oldest; v++) delete this.movedAt[v];
  }

  private work(entry: Entry, version: number, thread: DerivedThread): Promise<KeptRead> {
    if (thread.pending >= MAX_WAITING_READS) return Promise.reject(new ReadsBusy("the server is busy working out reads; try again shortly"));
    // Kept as bytes, encoded and gzipped where it was worked out: each answer then sends them as they are.
    const pending = thread.run<KeptRead>({ read: entry.req }, async () => keepRead(await computeRead(this.store, entry.req))).then((sent) => {
      const result = asKept(sent);
      if (entry.pending === pending) entry.pending = null;
      // A slower renewal for an older version never replaces a newer result.
      if (version >= entry.version) {
        entry.result = result;
        entry.version = version;
      }
      return result;
    });
    pending.catch(() => {
      if (entry.pending === pending) entry.pending = null;
    });
    entry.pending = pending;
    entry.pendingVersion = version;
    return pending;
  }

  // Past MAX_KEPT_READS, the least recently used results go (never one being worked out, nor the one just added): found
  // by their last use when a new read comes in, so a request for a kept one does not reorder the map.
  private evict(added: Entry): void {
    while (this.entries.size > MAX_KEPT_READS) {
      let oldest: string | null = null;
      let at = Number.POSITIVE_INFINITY;
      for (const [key, e] of this.entries) {
        if (e !== added && !e.pending && e.usedAt < at) {
          oldest = key;
          at = e.usedAt;
        }
      }
      if (oldest === null) return;
      this.entries.delete(oldest);
    }
  }
}
