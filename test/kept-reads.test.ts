// Kept reads of a real server over a SQLite file: answered from memory without touching the store, behind a write only
// until their renewal lands, and never behind a question the server itself added.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { ingestResults } from "../src/app/ingest.js";
import { readClaimsPage } from "../src/app/ledger.js";
import { MAX_KEPT_READS, SnapshotReads } from "../src/app/derived.js";
import type { ReadRequest } from "../src/app/snapshot-reads.js";
import { buildServer, keptReadLag } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

const TODAY = "2026-01-15";
const QUESTION = "trump-kim-2025";

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-kept-"));
  store = await openStore({ path: join(dir, "kept.db") });
  await loadDemo(store, TODAY);
  app = await buildServer({ store, today: () => TODAY });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = (url: string) => app.inject({ method: "GET", url });

// Asks again every 50 ms until `done` holds for the answer, for at most `ms`.
async function readUntil(url: string, done: (body: string) => boolean, ms = 30_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const body = (await read(url)).body;
    if (done(body) || Date.now() > until) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("kept reads", () => {
  it("answer while a write holds the store's connection, without waiting for it", async () => {
    const urls = ["/api/stories", "/api/claims?limit=20", `/api/questions/${QUESTION}`, `/api/questions/${QUESTION}/replay?step=7`, "/api/search?q=summit", "/api/questions"];
    const before = new Map<string, string>();
    for (const url of urls) {
      const r = await read(url);
      expect(r.statusCode, url).toBe(200);
      before.set(url, r.body);
    }
    // The store's own connection is taken by a write transaction until the end of this test: a read that needed it
    // would wait for the rollback below, which only comes after every read answered.
    const batch = await store.beginBatch();
    try {
      const t = performance.now();
      const answers = await Promise.all(urls.map((url) => read(url)));
      expect(performance.now() - t).toBeLessThan(2000);
      answers.forEach((r, i) => {
        expect(r.statusCode, urls[i]).toBe(200);
        expect(r.body, urls[i]).toBe(before.get(urls[i]));
      });
      // A replay's range is still checked against its question where the path is worked out.
      const bad = await read(`/api/questions/${QUESTION}/replay?from=2025-09-01&to=2025-08-01`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/querystring\.to \(2025-08-01\) is before querystring\.from/);
    } finally {
      await batch.rollback();
    }
  });

  it("follow a write made on any connection: the kept answer at once, the new one once renewed", async () => {
    const url = "/api/claims?limit=1000";
    const first = await read(url);
    const before = Number(first.headers["x-total-count"]);
    keptReadLag(app);
    // Written on the store's own connection, as the watch loop of `serve --watch` writes.
    const text =
      "SEOUL, Jan. 14 (Korea Daily Wire) - North Korea test-fired two ballistic missiles into the sea east of the peninsula on Wednesday, " +
      "South Korea's Joint Chiefs of Staff said, according to officials briefed on the launch.";
    await ingestResults(store, [{ ok: true, doc: { input: "kept-1", article: { text, date: "2026-01-14", title: "North Korea fires two missiles", outlet: "Korea Daily Wire" } } }], { asOf: TODAY });
    const fresh = await readClaimsPage(store.db, { limit: 1000, offset: 0 });
    expect(fresh.total).toBeGreaterThan(before);

    // Every request in a burst right after the write is answered with what was kept; the store is not waited for.
    const burst = await Promise.all(Array.from({ length: 20 }, () => read(url)));
    for (const r of burst) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(first.body);
    }
    const lag = keptReadLag(app)!;
    expect(lag.answers).toBe(20);
    expect(lag.behind).toBe(20);

    const renewed = await readUntil(url, (body) => body !== first.body);
    expect(JSON.parse(renewed)).toEqual(JSON.parse(JSON.stringify(fresh.claims)));
    const after = keptReadLag(app)!;
    expect(after.maxMs).toBeLessThan(30_000);
    const current = await read(url);
    expect(current.body).toBe(renewed);
    expect(keptReadLag(app)).toEqual({ answers: 1, behind: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it("are sent gzipped to a client that takes gzip, and as they are to one that does not", async () => {
    const url = "/api/claims?limit=200";
    const plain = await read(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    // Each value twice: once worked out, once as remembered.
    for (const takes of ["gzip", "gzip, deflate, br", "br;q=1, gzip;q=0.5", "*", "gzip", "*"]) {
      const zipped = await app.inject({ method: "GET", url, headers: { "accept-encoding": takes } });
      expect(zipped.headers["content-encoding"], takes).toBe("gzip");
      expect(zipped.headers["x-total-count"]).toBe(plain.headers["x-total-count"]);
      expect(gunzipSync(zipped.rawPayload).toString("utf8"), takes).toBe(plain.body);
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    }
    for (const refuses of ["identity", "gzip;q=0", "br", "gzip;q=0", "identity"]) {
      const r = await app.inject({ method: "GET", url, headers: { "accept-encoding": refuses } });
      expect(r.headers["content-encoding"], refuses).toBeUndefined();
      expect(r.body).toBe(plain.body);
    }
  });

  it("answer 304 without the body to a client that names the answer's entity tag, and the new answer once the store moved", async () => {
    const url = "/api/claims?limit=30";
    const first = await read(url);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    // The same tag whichever encoding is sent: it names the answer, not its bytes on the wire.
    const zipped = await app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.etag).toBe(tag);
    for (const names of [tag, tag.replace(/^W\//, ""), `W/"other", ${tag}`, "*"]) {
      const again = await app.inject({ method: "GET", url, headers: { "if-none-match": names, "accept-encoding": "gzip" } });
      expect(again.statusCode, names).toBe(304);
      expect(again.rawPayload.length, names).toBe(0);
      expect(again.headers.etag).toBe(tag);
      expect(again.headers["x-total-count"]).toBe(first.headers["x-total-count"]);
    }
    for (const other of ['W/"other"', '"', ""]) {
      const full = await app.inject({ method: "GET", url, headers: { "if-none-match": other } });
      expect(full.statusCode, other).toBe(200);
      expect(full.body).toBe(first.body);
    }
    // Another page, another list, another answer: another tag.
    expect((await read("/api/claims?limit=30&offset=30")).headers.etag).not.toBe(tag);
    expect((await read("/api/claims?limit=31")).headers.etag).not.toBe(tag);

    const text =
      "TOKYO, Jan. 14 (Korea Daily Wire) - Japan and South Korea will hold talks on North Korea's missile launches in Tokyo next week, " +
      "officials in both capitals said on Wednesday.";
    await ingestResults(store, [{ ok: true, doc: { input: "kept-etag", article: { text, date: "2026-01-14", title: "Japan and South Korea to hold talks", outlet: "Korea Daily Wire" } } }], { asOf: TODAY });
    const fresh = await readClaimsPage(store.db, { limit: 30, offset: 0 });
    expect(fresh.total).toBeGreaterThan(Number(first.headers["x-total-count"]));
    // Until its renewal lands the kept answer is still served, and still matches; then the old tag gets the new answer.
    let now = await app.inject({ method: "GET", url, headers: { "if-none-match": tag } });
    for (const until = Date.now() + 30_000; now.statusCode === 304 && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = await app.inject({ method: "GET", url, headers: { "if-none-match": tag } });
    }
    expect(now.statusCode).toBe(200);
    expect(now.headers.etag).not.toBe(tag);
    expect(Number(now.headers["x-total-count"])).toBe(fresh.total);
    expect(now.json()).toEqual(JSON.parse(JSON.stringify(fresh.claims)));
    expect((await app.inject({ method: "GET", url, headers: { "if-none-match": now.headers.etag as string } })).statusCode).toBe(304);
  });

  it("show a question this server added in the next read", async () => {
    expect((await read("/api/questions")).json().questions.map((q: { id: string }) => q.id)).not.toContain("missiles-by-2026-03");
    const yaml = [
      "id: missiles-by-2026-03",
      "title: Will North Korea fire a missile before 2026-04-01?",
      "criteria: Resolves YES if South Korea's military reports a launch.",
      "opens: 2026-01-01",
      "deadline: 2026-03-31",
      "prior: 0.5",
      "event: { type: missile_test, participants: [North Korea] }",
    ].join("\n");
    const posted = await app.inject({ method: "POST", url: "/api/questions", payload: yaml, headers: { "content-type": "application/yaml" } });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await read("/api/questions")).json().questions.map((q: { id: string }) => q.id)).toContain("missiles-by-2026-03");
    expect((await read("/api/questions/missiles-by-2026-03")).statusCode).toBe(200);
  });
});

describe("kept reads, when more are asked for than are kept", () => {
  it("let the least recently used go, whichever was asked for first", async () => {
    const mem = await openStore({ path: ":memory:" });
    await loadDemo(mem, TODAY);
    const reads = new SnapshotReads(mem);
    try {
      const search = (q: string): ReadRequest => ({ kind: "search", q, limit: 25, offset: 0 });
      const first = search("summit");
      const second = search("missile");
      await reads.get(first);
      await reads.get(second);
      for (let i = 0; i < MAX_KEPT_READS - 2; i++) await reads.get(search(`word${i}`));
      // Full: asking for the first again makes it the most recently used, and leaves the order of the map alone.
      expect(await reads.get(first)).toMatchObject({ status: 200 });
      await reads.get(search("one more"));
      expect(reads.keeps(first)).toBe(true);
      expect(reads.keeps(second)).toBe(false);
      expect(reads.keeps(search("one more"))).toBe(true);
      expect(reads.keeps(search("word0"))).toBe(true);
      await reads.get(search("and another"));
      expect(reads.keeps(search("word0"))).toBe(false);
      expect(reads.keeps(first)).toBe(true);
    } finally {
      await reads.close();
      await mem.close();
    }
  });
});
