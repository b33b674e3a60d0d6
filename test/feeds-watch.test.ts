import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { addAlertRule, alertsAtom, checkAlerts, readAlerts } from "../src/app/alerts.js";
import { addFeed, dueFeeds, pollFeeds, readFeeds, type PollOptions } from "../src/app/feeds.js";
import { addQuestion, showQuestion } from "../src/app/questions.js";
import { dataPath } from "../src/extract/resources.js";
import { readSources } from "../src/store/sources.js";
import { buildServer } from "../src/serve/api/server.js";
import { getArticle, openStore, type Store } from "../src/store/index.js";
import { startServer, type TestServer } from "./support/http.js";
import { BODIES, page, rss, type TestItem } from "./support/feeds.js";

// Feeds polled from real HTTP servers on loopback into real SQLite files.
const local: PollOptions = { allowPrivate: true, politenessMs: 0, timeoutMs: 1500, readerThreads: 0, asOf: "2025-10-20" };

let dir: string;
let store: Store;
const servers: TestServer[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "bw-feeds-"));
  store = await openStore({ path: join(dir, "store.db") });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  while (servers.length) await servers.pop()!.close();
});
afterAll(() => undefined);

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

async function count(table: "articles" | "feed_items"): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A feed server whose items the test changes between polls; it answers conditional GETs with 304. */
async function changingFeed(items: TestItem[]) {
  const server = await serve((req, res) => {
    if (req.url === "/feed.xml") {
      const body = rss("Harbor Ledger", items);
      const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) return res.writeHead(304).end();
      return res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(body);
    }
    const m = /^\/pages\/(\w+)$/.exec(req.url ?? "");
    const item = m && items.find((i) => i.guid === m[1]);
    if (item) return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(item.title, item.date, (BODIES as Record<string, string>)[item.guid]));
    res.writeHead(404).end();
  });
  return { server, url: `${server.base}/feed.xml` };
}

describe("a feed that adds items over time", () => {
  it("stores each new item once, reads the page of a summary-only item, and answers 304s with nothing new", async () => {
    const items: TestItem[] = [{ guid: "fisheries", title: "Fisheries accord signed", date: "2025-10-12", body: BODIES.fisheries }];
    const { server, url } = await changingFeed(items);
    const { feed } = await addFeed(store, { url });

    const first = await pollFeeds(store, [feed], local);
    expect(first.feeds[0]).toMatchObject({ status: "ok", entries: 1, new: 1, failed: 0, title: "Harbor Ledger" });
    expect(await count("articles")).toBe(1);

    const again = await pollFeeds(store, await readFeeds(store), local);
    expect(again.feeds[0]).toMatchObject({ status: "not_modified", new: 0 });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toMatch(/^"/);

    items.push({ guid: "port", title: "Port strike", date: "2025-10-13", summary: "Dock workers walk out.", link: `${server.base}/pages/port` });
    const third = await pollFeeds(store, await readFeeds(store), local);
    expect(third.feeds[0]).toMatchObject({ status: "ok", entries: 2, fresh: 1, new: 1 });
    const port = (await getArticle(store.db, third.stored[0]))!.extraction.article;
    // The page was read through the HTML path: its body, not the teaser, and the feed's date and link.
    expect(port.text).toMatch(/^ROTTERDAM, Oct\. 13 - Dock workers/);
    expect(port).toMatchObject({ published: "2025-10-13", url: `${server.base}/pages/port`, title: "Port strike" });

    // The same items served again, with a changed validator: nothing is stored twice.
    items.push({ guid: "drills", title: "Naval drills", date: "2025-10-14", body: BODIES.drills });
    items.splice(0, 0);
    await pollFeeds(store, await readFeeds(store), local);
    await store.db.updateTable("feeds").set({ etag: null }).execute();
    const fifth = await pollFeeds(store, await readFeeds(store), local);
    expect(fifth.feeds[0]).toMatchObject({ new: 0, fresh: 0 });
    expect(await count("articles")).toBe(3);
    expect(await count("feed_items")).toBe(3);
  });
});

describe("feeds that fail", () => {
  it("records a hanging feed, a 500 and broken XML on their feeds, stores the others' items in the same poll, and retries them", async () => {
    let broken = true;
    const server = await serve((req, res) => {
      if (req.url === "/good.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Good Wire", [{ guid: "drills", title: "Drills", date: "2025-10-14", body: BODIES.drills }]));
      if (req.url === "/hang.xml") return; // never answers
      if (req.url === "/down.xml") return broken ? res.writeHead(500, "Internal Server Error").end("oops") : res.writeHead(200).end(rss("Back Up", [{ guid: "port", title: "Port", date: "2025-10-13", body: BODIES.port }]));
      if (req.url === "/broken.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><chan`);
      res.writeHead(404).end();
    });
    const feeds = [];
    for (const p of ["hang", "down", "broken", "good"]) feeds.push((await addFeed(store, { url: `${server.base}/${p}.xml` })).feed);
    const t0 = new Date("2025-10-20T08:00:00Z");
    const started = Date.now();
    const poll = await pollFeeds(store, feeds, { ...local, timeoutMs: 800, everyMs: 60_000, now: () => t0 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(poll.feeds.map((f) => [f.url.split("/").pop(), f.status, f.error, f.new])).toEqual([
      ["hang.xml", "error", "could not fetch: timed out after 0.8 s", 0],
      ["down.xml", "error", "server answered 500 Internal Server Error", 0],
      ["broken.xml", "error", expect.stringMatching(/^not a readable feed: /), 0],
      ["good.xml", "ok", null, 1],
    ]);
    const stored = await readFeeds(store);
    for (const f of stored.filter((x) => !x.url.endsWith("good.xml"))) {
      expect(f).toMatchObject({ error_count: 1, last_error: expect.any(String), next_poll_at: "2025-10-20T08:01:00.000Z" });
    }
    expect(stored.find((x) => x.url.endsWith("good.xml"))).toMatchObject({ error_count: 0, last_error: null, items_stored: 1 });

    // Not due before the backoff is over; due after, and the feed that came back is read and cleared.
    expect(await dueFeeds(store, new Date("2025-10-20T08:00:30Z"))).toEqual([]);
    broken = false;
    const later = new Date("2025-10-20T08:01:05Z");
    const due = await dueFeeds(store, later);
    expect(due.map((f) => f.url.split("/").pop()).sort()).toEqual(["broken.xml", "down.xml", "good.xml", "hang.xml"]);
    const retry = await pollFeeds(store, due, { ...local, timeoutMs: 800, everyMs: 60_000, now: () => later });
    const name = (f: { url: string }) => f.url.split("/").pop();
    expect(Object.fromEntries(retry.feeds.map((f) => [name(f), f.status]))).toEqual({ "hang.xml": "error", "down.xml": "ok", "broken.xml": "error", "good.xml": "ok" });
    const after = Object.fromEntries((await readFeeds(store)).map((f) => [name(f), f]));
    expect(Object.fromEntries(Object.entries(after).map(([k, f]) => [k, f.error_count]))).toEqual({ "hang.xml": 2, "down.xml": 0, "broken.xml": 2, "good.xml": 0 });
    // The second failure in a row waits twice as long.
    expect(after["hang.xml"].next_poll_at).toBe("2025-10-20T08:03:05.000Z");
    expect(await count("articles")).toBe(2);
  });

  it("turns hostile and odd items into recorded errors or stored articles, never a crash or a hang", async () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x3c));
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title></channel></rss>`;
    const server = await serve((req, res) => {
      const u = req.url ?? "";
      if (u === "/truncated.xml") return res.writeHead(200, { "content-length": 5000 }).end(rss("Cut", []).slice(0, 100));
      if (u === "/huge.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss>" + "x".repeat(3 * 1024 * 1024));
      if (u === "/bomb.xml") return res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/rss+xml" }).end(bomb);
      if (u === "/laughs.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(laughs);
      if (u === "/loop.xml") return res.writeHead(302, { location: "/loop.xml" }).end();
      if (u === "/drip.xml") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(" ")), 50);
        return;
      }
      if (u === "/mixed.xml")
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(
          rss("Mixed", [
            { guid: "fr", title: "Agriculture", date: "2025-10-15", body: BODIES.french },
            { guid: "gone", title: "Gone", date: "2025-10-15", summary: "A teaser.", link: `${server.base}/missing` },
            { guid: "nothing", title: "Nothing at all", date: "2025-10-15" },
            { guid: "summit", title: "Summit", date: "2025-10-19", body: BODIES.summit, source: "Yonhap" },
          ]),
        );
      res.writeHead(404, "Not Found").end();
    });
    const names = ["truncated", "huge", "bomb", "laughs", "loop", "drip", "mixed"];
    const feeds = [];
    for (const n of names) feeds.push((await addFeed(store, { url: `${server.base}/${n}.xml` })).feed);
    const poll = await pollFeeds(store, feeds, { ...local, timeoutMs: 1000, maxBytes: 2 * 1024 * 1024 });
    const byName = Object.fromEntries(poll.feeds.map((f) => [f.url.split("/").pop()!.replace(".xml", ""), f.error ?? `${f.new} new, ${f.not_read} not read, ${f.failed} failed`]));
    expect(byName).toEqual({
      truncated: "could not fetch: the connection closed before the whole page arrived",
      huge: "page is over the 2 MB limit",
      bomb: "page unpacks to over the 2 MB limit",
      laughs: "the feed declares its own XML entities (<!ENTITY …>), refused as a possible entity-expansion attack",
      loop: "more than 5 redirects",
      drip: "could not fetch: timed out after 1 s",
      mixed: "2 new, 1 not read, 2 failed",
    });
    const items = await store.db.selectFrom("feed_items").select(["key", "status", "error"]).orderBy("key").execute();
    expect(items).toEqual([
      { key: "fr", status: "not_read", error: null },
      { key: "gone", status: "failed", error: "the feed has only a summary, and its page could not be read: server answered 404 Not Found" },
      { key: "nothing", status: "failed", error: "the item carries no text and no link" },
      { key: "summit", status: "new", error: null },
    ]);
    const articles = await store.db.selectFrom("articles").select(["title", "language", "credits"]).orderBy("seq").execute();
    expect(articles.map((a) => ({ ...a, credits: readSources(a.credits) }))).toEqual([
      { title: "Agriculture", language: "fr", credits: [] },
      { title: "Summit", language: "en", credits: [{ text: "Yonhap", entity: "outlet:yonhap" }] },
    ]);
    // The French article has no reading: nothing in it was read as English.
    const fr = await store.db.selectFrom("articles").select(["id", "seq"]).where("language", "=", "fr").executeTakeFirstOrThrow();
    expect((await getArticle(store.db, fr.id))?.extraction.sentences).toEqual([]);
    expect(await store.db.selectFrom("reports").select("id").where("seq", "=", fr.seq).execute()).toEqual([]);
  });
});

describe("the demo question and the alert feed", () => {
  it("moves the 2025 question when a matching item appears, and the alert feed links to the sentence", async () => {
    const items: TestItem[] = [{ guid: "fisheries", title: "Fisheries accord", date: "2025-10-12", body: BODIES.fisheries }];
    const { url } = await changingFeed(items);
    const { feed } = await addFeed(store, { url });
    await addQuestion(store, readFileSync(dataPath("demo/questions/trump-kim-2025.yaml"), "utf8"), "trump-kim-2025.yaml", "2025-10-20");
    await addAlertRule(store, { kind: "question_moves", question: "trump-kim-2025", points: 5 });
    await addAlertRule(store, { kind: "claim_status" });
    const lines: string[] = [];
    const delivery = { baseUrl: "http://bw.test", log: (l: string) => lines.push(l) };

    await pollFeeds(store, [feed], local);
    expect(await checkAlerts(store, delivery)).toEqual([]);
    const before = (await showQuestion(store, "trump-kim-2025", "2025-10-20"))!.probability;

    items.push({ guid: "summit", title: "Trump and Kim to meet", date: "2025-10-19", body: BODIES.summit });
    const poll = await pollFeeds(store, (await readFeeds(store)), local);
    expect(poll.feeds[0].new).toBe(1);
    const after = (await showQuestion(store, "trump-kim-2025", "2025-10-20"))!;
    expect(after.probability - before).toBeGreaterThan(0.05);
    const raised = await checkAlerts(store, delivery);
    const moved = raised.find((a) => a.kind === "question_moves")!;
    expect(moved.title).toMatch(/^Will Donald Trump and Kim Jong Un meet in person before 2026-01-01\? \d+\.\d% → \d+\.\d% \(\+\d+\.\d points\)$/);
    expect(moved.evidence.map((e) => e.sentence)).toContain("SEOUL, Oct. 19 - U.S. President Donald Trump and North Korean leader Kim Jong Un will meet in Panmunjom next week, officials in Seoul said on Sunday.");
    for (const e of moved.evidence) expect(e.path).toMatch(/^\/claims\/[^#]+#report-/);
    expect(lines.some((l) => l.startsWith("alert question_moves: Will Donald Trump") && l.includes("http://bw.test/claims/"))).toBe(true);
    // Checked again with nothing new: no second alert.
    expect(await checkAlerts(store, delivery)).toEqual([]);

    const app = await buildServer({ store, guard: { publicHosts: ["bw.test"] } });
    const res = await app.inject({ method: "GET", url: "/alerts.xml", headers: { host: "bw.test" } });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/atom\+xml/);
    const claimLink = `http://bw.test${moved.evidence[0].path}`;
    expect(res.body).toContain(`<link rel="related" type="text/html" href="${claimLink}"/>`);
    expect(res.body).toContain("Panmunjom next week");
    expect(res.body).toContain("<title>Will Donald Trump and Kim Jong Un meet");
    expect((await readAlerts(store)).map((a) => a.kind)).toContain("question_moves");
  });
});
