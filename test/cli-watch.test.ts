import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/index.js";
import { BODIES, page, rss, type TestItem } from "./support/feeds.js";
import { startServer, type TestServer } from "./support/http.js";

// The commands as a user runs them, against feed and webhook servers on loopback.
const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/bellwether.js");
let dir: string;
let server: TestServer;
const items: TestItem[] = [{ guid: "fisheries", title: "Fisheries accord", date: "2025-10-12", body: BODIES.fisheries }];
let hookFailures = 2;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bw-cli-watch-"));
  server = await startServer((req, res) => {
    if (req.url === "/feed.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Harbor Ledger", items));
    if (req.url === "/page") return res.writeHead(200, { "content-type": "text/html" }).end(page("Drills", "2025-10-14", BODIES.drills));
    if (req.url === "/down.xml") return res.writeHead(503, "Service Unavailable").end();
    if (req.url === "/hook") return hookFailures-- > 0 ? res.writeHead(502, "Bad Gateway").end() : res.writeHead(204).end();
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
}

// For commands that fetch from the test's own server, which must keep answering while they run.
function runAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (status) => ok({ status, stdout, stderr }));
  });
}

describe("feeds", () => {
  it("adds, imports, lists, exports and removes feeds", () => {
    const db = join(dir, "feeds.db");
    expect(run(["feeds", "add", `${server.base}/feed.xml`, "--category", "Korea", "--db", db])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^added f-\w+ http/) });
    expect(run(["feeds", "add", "ftp://nope.example/feed", "--db", db])).toMatchObject({ status: 1, stderr: expect.stringContaining("not a web address (ftp:)") });
    const opml = join(dir, "list.opml");
    writeFileSync(opml, readFileSync(join(ROOT, "data/samples/feeds.opml"), "utf8"));
    const imported = run(["feeds", "import", opml, "--db", db]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/feeds added, 0 already followed/);
    const list = JSON.parse(run(["feeds", "list", "--json", "--db", db]).stdout) as Array<{ id: string; url: string; category: string | null }>;
    expect(list[0]).toMatchObject({ url: `${server.base}/feed.xml`, category: "Korea" });
    const exported = run(["feeds", "export", "--db", db]).stdout;
    expect(exported).toContain(`xmlUrl="${server.base}/feed.xml"`);
    expect(run(["feeds", "remove", list[0].id, "--db", db])).toMatchObject({ status: 0 });
    expect(run(["feeds", "remove", list[0].id, "--db", db])).toMatchObject({ status: 1, stderr: expect.stringContaining("no feed") });
    expect(run(["feeds", "import", join(ROOT, "package.json"), "--db", db])).toMatchObject({ status: 1, stderr: expect.stringContaining("not an OPML file") });
  });

  it("ingests a loopback URL only with --allow-private", async () => {
    const db = join(dir, "ingest.db");
    const url = `${server.base}/page`;
    const refused = run(["ingest", url, "--db", db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${url}\trefused: 127.0.0.1 is not a public internet address`);
    const allowed = await runAsync(["ingest", url, "--allow-private", "--json", "--db", db]);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ new: 1, failed: [] });
  });

  it("refuses loopback feeds unless --allow-private is given", () => {
    const db = join(dir, "private.db");
    const r = run(["watch", `${server.base}/feed.xml`, "--once", "--threads", "0", "--db", db]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("error: refused: 127.0.0.1 is not a public internet address");
  });
});

describe("watch", () => {
  it("stores new items as a feed grows, logs one line per feed, raises alerts to a webhook with retries, and stops on SIGTERM", async () => {
    const db = join(dir, "watch.db");
    const config = join(dir, "bellwether.yaml");
    writeFileSync(
      config,
      `base_url: http://bw.test\nalerts:\n  - { id: growth, kind: story_grows, articles: 1, webhook: "${server.base}/hook", webhook_private: true }\n  - { id: summit, kind: question_moves, question: trump-kim-2025, points: 5 }\n`,
    );
    const question = join(ROOT, "data/demo/questions/trump-kim-2025.yaml");
    const child = spawn(process.execPath, [BIN, "watch", `${server.base}/feed.xml`, `${server.base}/down.xml`, "--question", question, "--as-of", "2025-10-20", "--every", "1s", "--politeness", "0", "--threads", "0", "--allow-private", "--config", config, "--db", db], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const waitFor = async (re: RegExp, ms = 20_000) => {
      const until = Date.now() + ms;
      while (!re.test(out)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${re}; output so far:\n${out}`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    };
    const exited = new Promise<number | null>((ok) => child.on("exit", ok));
    try {
      await waitFor(/Harbor Ledger <[^>]+>: 1 new, 0 duplicate, 0 not read, 0 failed of 1 unseen in 1 entries/);
      expect(out).toMatch(/down\.xml: error: server answered 503 Service Unavailable; retry after /);
      items.push({ guid: "port", title: "Port strike", date: "2025-10-13", body: BODIES.port });
      await waitFor(/: 1 new, 0 duplicate, 0 not read, 0 failed of 1 unseen in 2 entries/);
      await waitFor(/alert story_grows: Story gained/);
      // The demo question moves when a matching item appears, and its alert links to the sentence.
      items.push({ guid: "summit", title: "Trump and Kim to meet", date: "2025-10-19", body: BODIES.summit });
      await waitFor(/alert question_moves: Will Donald Trump and Kim Jong Un meet in person before 2026-01-01\? [\d.]+% → [\d.]+% \(\+[\d.]+ points\) — http:\/\/bw\.test\/questions\/trump-kim-2025 — "[^"]+" \([^)]+\) http:\/\/bw\.test\/claims\/[^#\s]+#report-\S+/);
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    const code = await exited;
    expect(code).toBe(0);
    expect(out).toContain("SIGTERM: stopping after the poll in progress");
    expect(out).not.toMatch(/webhook .* failed/);

    const store = await openStore({ path: db });
    try {
      const articles = await store.db.selectFrom("articles").select("title").orderBy("seq").execute();
      expect(articles.map((a) => a.title)).toEqual(["Fisheries accord", "Port strike", "Trump and Kim to meet"]);
      const alerts = await store.db.selectFrom("alerts").select(["kind", "deliveries"]).execute();
      expect(alerts.length).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(alerts[0].deliveries)).toMatchObject({ log: true, feed: true, webhook: { ok: true, attempts: 3, status: 204 } });
      const down = await store.db.selectFrom("feeds").selectAll().where("url", "like", "%down.xml").executeTakeFirstOrThrow();
      expect(down.error_count).toBeGreaterThanOrEqual(1);
    } finally {
      await store.close();
    }
    const hooks = server.requests.filter((r) => r.path === "/hook");
    // The first alert was refused twice (502) and delivered on the third attempt.
    const first = hooks.slice(0, 3).map((h) => JSON.parse(h.body) as { id: string });
    expect(new Set(first.map((b) => b.id)).size).toBe(1);
    expect(first[2]).toMatchObject({ kind: "story_grows", link: expect.stringMatching(/^http:\/\/bw\.test\/stories\//) });
    expect(hooks[2].headers["content-type"]).toBe("application/json");
  });
});

describe("serve --watch", () => {
  it("runs the watch loop in the server and serves the feeds and the alert feed", async () => {
    const db = join(dir, "serve.db");
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--watch", "--every", "1s", "--politeness", "0", "--threads", "0", "--allow-private", "--db", db], { cwd: join(dir), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const waitFor = async (re: RegExp, ms = 20_000) => {
      const until = Date.now() + ms;
      while (!re.test(out)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${re}; output so far:\n${out}`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    };
    try {
      await waitFor(/serving .* at (http:\/\/127\.0\.0\.1:\d+)\//);
      const base = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1];
      const added = run(["feeds", "add", `${server.base}/feed.xml`, "--db", db]);
      expect(added.status).toBe(0);
      await waitFor(/Harbor Ledger <[^>]+>: \d+ new/);
      const feeds = (await (await fetch(`${base}/api/feeds`)).json()) as Array<{ url: string; items_stored: number }>;
      expect(feeds[0]).toMatchObject({ url: `${server.base}/feed.xml` });
      expect(feeds[0].items_stored).toBeGreaterThan(0);
      const atom = await fetch(`${base}/alerts.xml`);
      expect(atom.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
      expect(await atom.text()).toContain("<title>bellwether alerts</title>");
    } finally {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((ok) => child.on("exit", ok));
      }
    }
  });
});
