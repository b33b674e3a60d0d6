// Distributed ingestion on PostgreSQL: four `bellwether worker` processes over a queue of articles that re-report each
// other leave the ledger, the stories and the forecasts exactly as one process ingesting the same articles does.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTextFile } from "../bench/ingest.js";
import { rereportingCorpus } from "./support/corpus.js";
import { ingestInputs } from "../src/app/ingest.js";
import { addFeed, pollFeeds, readFeeds } from "../src/app/feeds.js";
import { decodeQueuedReading, encodeQueuedReading, enqueueInputs, QueueUnavailable, queueProgress, runWorker } from "../src/app/queue.js";
import { readArticle } from "../src/app/read.js";
import { decodeReading } from "../src/store/annotations.js";
import { pollLine } from "../src/app/watch.js";
import { BODIES, rss } from "./support/feeds.js";
import { startServer } from "./support/http.js";
import { addQuestion } from "../src/app/questions.js";
import type { Store } from "../src/store/index.js";
import { ENGINES, openFresh } from "./support/stores.js";

const ARTICLES = Number(process.env.QUEUE_TEST_ARTICLES ?? 2000);
const WORKERS = 4;
const AS_OF = "2026-01-01";
const BIN = join(import.meta.dirname, "..", "bin", "bellwether.js");
const postgres = ENGINES.find((e) => e.name === "postgres")!;

const QUESTIONS = ["trump-kim-2025.yaml", "meet-by-2019-03-31.yaml"].map((f) => join(import.meta.dirname, "..", "data", "demo", "questions", f));

async function withQuestions(store: Store): Promise<void> {
  for (const f of QUESTIONS) await addQuestion(store, readFileSync(f, "utf8"), f, AS_OF);
}

/** What the two runs must agree on, each table's rows in a fixed order, without wall-clock columns. */
async function ledgerOf(store: Store): Promise<Record<string, unknown>> {
  const db = store.db;
  const rows = async (table: "claims" | "reports" | "origins" | "claim_status" | "claim_participants" | "stories" | "story_articles" | "question_updates") =>
    (await db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
  const counts = await db
    .selectFrom("claims")
    .select((eb) => [
      "claims.id",
      eb.selectFrom("reports").select(eb.fn.countAll().as("n")).whereRef("reports.claim_id", "=", "claims.id").as("reports"),
      eb.selectFrom("origins").select(eb.fn.countAll().as("n")).whereRef("origins.claim_id", "=", "claims.id").as("origins"),
    ])
    .orderBy("claims.id")
    .execute();
  const questions = await db.selectFrom("questions").select(["id", "probability", "status", "resolved_at", "as_of"]).orderBy("id").execute();
  const articles = (await db.selectFrom("articles").select(["id", "seq", "near_duplicate_of"]).orderBy("seq").execute()).map((a) => JSON.stringify(a));
  // Each stored reading, byte for byte (by digest): a reading left in the store by a worker must be the one read.
  const readings = (await db.selectFrom("readings").select(["seq", "data"]).orderBy("seq").execute()).map((r) => `${r.seq} ${createHash("sha256").update(r.data).digest("hex")}`);
  return {
    readings,
    counts: counts.map((c) => `${c.id} ${Number(c.reports)} ${Number(c.origins)}`),
    questions,
    articles,
    claims: await rows("claims"),
    participants: await rows("claim_participants"),
    reports: await rows("reports"),
    origins: await rows("origins"),
    claim_status: await rows("claim_status"),
    stories: await rows("stories"),
    story_articles: await rows("story_articles"),
    question_updates: await rows("question_updates"),
  };
}

function startWorker(location: string): { child: ChildProcess; exited: Promise<number | null>; log: string[] } {
  const log: string[] = [];
  const child = spawn(process.execPath, [BIN, "worker", "--db", location, "--concurrency", "1", "--as-of", AS_OF], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => log.push(String(d)));
  child.stderr!.on("data", (d) => log.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, log };
}

describe("a queued reading", () => {
  it("comes back from the store as it was read, binary parts and all, whether zlib's Buffers or plain typed arrays", () => {
    const text = "SEOUL, Oct. 18 — U.S. officials said a meeting between Trump and Kim was under discussion, citing CNN. Kim said he would attend.";
    const read = readArticle({ id: "q1", text, date: "2025-10-18", title: "T", outlet: "Wire" });
    // The reading's record as a plain Uint8Array, and as a Buffer (zlib's own type, which JSON.stringify would turn into
    // its toJSON form before a replacer sees it).
    expect(Buffer.isBuffer(read.rows.reading)).toBe(false);
    for (const reading of [read, { ...read, rows: { ...read.rows, reading: Buffer.from(read.rows.reading) } }]) {
      const back = decodeQueuedReading(encodeQueuedReading(reading));
      expect(back.rows.reading).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(back.rows.reading).equals(Buffer.from(read.rows.reading))).toBe(true);
      expect(decodeReading(back.rows.reading, text)).toEqual(decodeReading(read.rows.reading, text));
      expect([...back.fingerprint.signature]).toEqual([...read.fingerprint.signature]);
      expect(back.article).toEqual(read.article);
    }
  });
});

describe.skipIf(postgres.skip !== null)("queue workers on PostgreSQL", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bellwether-queue-"));
    mkdirSync(join(dir, "in"));
    rereportingCorpus(ARTICLES, 31_000).forEach((a, i) => writeFileSync(join(dir, "in", `${String(i).padStart(5, "0")}.txt`), asTextFile(a)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${WORKERS} workers over ${ARTICLES} articles that re-report each other leave the ledger a single process leaves`, { timeout: 40 * 60_000 }, async () => {
    const folder = join(dir, "in");
    expect(readdirSync(folder)).toHaveLength(ARTICLES);
    const single = await openFresh(postgres);
    const queued = await openFresh(postgres);
    try {
      await withQuestions(single.store);
      const one = await ingestInputs(single.store, [folder], { asOf: AS_OF });
      expect(one.failed).toEqual([]);
      expect(one.near_duplicate).toBeGreaterThan(ARTICLES / 10);

      await withQuestions(queued.store);
      const summary = await enqueueInputs(queued.store, [folder]);
      expect(summary).toMatchObject({ queued: ARTICLES, failed: [], positions: [1, ARTICLES] });
      const workers = Array.from({ length: WORKERS }, () => startWorker(queued.location));
      try {
        const deadline = Date.now() + 15 * 60_000;
        while ((await queueProgress(queued.store.db)).applied < ARTICLES) {
          if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(await queueProgress(queued.store.db))}\n${workers.map((w) => w.log.join("").slice(-2000)).join("\n---\n")}`);
          for (const w of workers) if (w.child.exitCode !== null) throw new Error(`a worker exited (${w.child.exitCode}): ${w.log.join("").slice(-2000)}`);
          await new Promise((r) => setTimeout(r, 500));
        }
        // Let the worker that stored the last batch finish writing stories and forecasts.
        for (const w of workers) w.child.kill("SIGTERM");
        expect(await Promise.all(workers.map((w) => w.exited))).toEqual(workers.map(() => 0));
      } finally {
        for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
      }
      // Each article was stored once, by whichever worker held the drain when its turn came.
      const stored = workers.map((w) => w.log.join("").split("\n").filter((l) => /^(new|near_duplicate|duplicate)\t/.test(l)).length);
      expect(stored.reduce((a, b) => a + b, 0)).toBe(ARTICLES);

      const a = await ledgerOf(single.store);
      const b = await ledgerOf(queued.store);
      expect((a.counts as string[]).length).toBeGreaterThan(ARTICLES / 2);
      for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
    } finally {
      await single.close();
      await queued.close();
    }
  });

  it("watch --queue queues a feed's new items, remembered as queued; a worker's drain stores them in order", async () => {
    const items = [
      { guid: "drills", title: "Naval drills", date: "2025-10-14", body: BODIES.drills },
      { guid: "port", title: "Port strike", date: "2025-10-13", body: BODIES.port },
    ];
    const server = await startServer((req, res) => {
      if (req.url === "/feed.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Harbor Ledger", items));
      res.writeHead(404).end();
    });
    const fresh = await openFresh(postgres);
    try {
      await addFeed(fresh.store, { url: `${server.base}/feed.xml` });
      const local = { allowPrivate: true, politenessMs: 0, timeoutMs: 1500, readerThreads: 0, asOf: "2025-10-20", queue: true };
      const first = await pollFeeds(fresh.store, await readFeeds(fresh.store), local);
      expect(first.feeds[0]).toMatchObject({ status: "ok", queued: 2, new: 0, failed: 0 });
      expect(pollLine(first.feeds[0], new Date(0))).toMatch(/: 2 queued, 0 failed of 2 unseen in 2 entries/);
      const statuses = await fresh.store.db.selectFrom("feed_items").select("status").execute();
      expect(statuses.map((r) => r.status)).toEqual(["queued", "queued"]);
      // Queued items are not fetched again.
      expect((await pollFeeds(fresh.store, await readFeeds(fresh.store), local)).feeds[0]).toMatchObject({ queued: 0, fresh: 0 });

      // What a worker does with them, in process: read each, leave it in the store, store them in turn.
      const stop = new AbortController();
      const seen: string[] = [];
      const running = runWorker(fresh.store, { concurrency: 0, signal: stop.signal, asOf: "2025-10-20", onEvent: (e) => seen.push(`${e.outcome} ${e.input}`) });
      while ((await queueProgress(fresh.store.db)).applied < 2) await new Promise((r) => setTimeout(r, 200));
      stop.abort();
      await running;
      expect(seen).toHaveLength(2);
      const titles = await fresh.store.db.selectFrom("articles").select("title").orderBy("seq").execute();
      expect(titles.map((t) => t.title)).toEqual(["Naval drills", "Port strike"]);
    } finally {
      await fresh.close();
      await server.close();
    }
  });

  it("refuses to queue into a SQLite store", async () => {
    const sqlite = await openFresh(ENGINES[0]);
    try {
      await expect(enqueueInputs(sqlite.store, [join(dir, "in", "00000.txt")])).rejects.toThrow(QueueUnavailable);
    } finally {
      await sqlite.close();
    }
  });
});
