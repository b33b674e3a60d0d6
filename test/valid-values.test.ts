// Only valid values come in: calendar dates in the ledger's range through one check at every way in, http(s) web
// addresses only, and no more reader threads than cores.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReaderPool } from "../src/app/reader-pool.js";
import { checkCalendarDate } from "../src/domain/calendar.js";
import { loadInputs } from "../src/ingest/load.js";
import { parseJsonlLine } from "../src/ingest/jsonl.js";
import { parseTextDocument } from "../src/ingest/text.js";
import { normaliseDate } from "../src/ingest/dates.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const BODY = "SEOUL - Officials said on Monday that the two leaders could meet in Gyeongju next week.";

describe("one calendar-date check", () => {
  it.each([
    ["2025-10-18", null],
    ["2024-02-29", null],
    ["1900-01-01", null],
    ["2100-12-31", null],
    ["0000-00-00", '"0000-00-00" has no month 00'],
    ["2025-13-45", '"2025-13-45" has no month 13'],
    ["2025-02-30", '"2025-02-30" is not a day: February 2025 has 28 days'],
    ["2025-02-29", '"2025-02-29" is not a day: February 2025 has 28 days'],
    ["2025-04-31", '"2025-04-31" is not a day: April 2025 has 30 days'],
    ["2025-10-00", '"2025-10-00" is not a day: October 2025 has 31 days'],
    ["0001-01-01", '"0001-01-01" is outside 1900-01-01 to 2100-12-31'],
    ["9999-12-31", '"9999-12-31" is outside 1900-01-01 to 2100-12-31'],
    ["2025-1-5", 'expected a date YYYY-MM-DD, got "2025-1-5"'],
    ["2025-10-18T00:00:00Z", 'expected a date YYYY-MM-DD, got "2025-10-18T00:00:00Z"'],
  ])("%s → %s", (value, problem) => {
    expect(checkCalendarDate(value)).toBe(problem);
  });

  it.each([
    ["2025-10-18T09:00:00+09:00", "2025-10-18"],
    ["October 18, 2025", "2025-10-18"],
    ["2025-13-45", null],
    ["0000-00-00", null],
    ["0001-01-01", null],
    ["2025/02/30", null],
  ])("a document's own date %j reads as %j", (raw, date) => {
    expect(normaliseDate(raw)).toBe(date);
  });
});

describe("text header block and JSON Lines", () => {
  it.each([
    ["Date: 2025-13-45", /^header Date: "2025-13-45" is not a calendar date/],
    ["Date: 0000-00-00", /^header Date: "0000-00-00"/],
    ["URL: javascript:alert(1)", /^header URL: expected an http\(s\) address, got "javascript:alert\(1\)"/],
    ["URL: data:text/html,<script>x</script>", /^header URL: expected an http\(s\) address/],
    ["URL: file:///etc/passwd", /^header URL: expected an http\(s\) address/],
  ])("refuses a header with %j, saying what and where", (line, message) => {
    expect(() => parseTextDocument(`Title: T\n${line}\n\n${BODY}`)).toThrow(message);
  });

  it("takes a good header", () => {
    expect(parseTextDocument(`Title: T\nDate: 2025-10-18\nURL: https://paper.example/a\n\n${BODY}`)).toMatchObject({ metaDate: "2025-10-18", url: "https://paper.example/a" });
  });

  it.each([
    [{ date: "2025-13-45" }, '"date" must be a calendar date (YYYY-MM-DD, 1900 to 2100), got "2025-13-45"'],
    [{ date: "0000-00-00" }, '"date" must be a calendar date (YYYY-MM-DD, 1900 to 2100), got "0000-00-00"'],
    [{ date: "2025-02-30" }, '"date" must be a calendar date (YYYY-MM-DD, 1900 to 2100), got "2025-02-30"'],
    [{ url: "javascript:alert(1)" }, '"url" must be an http(s) address, got "javascript:alert(1)"'],
    [{ url: "data:text/html,hi" }, '"url" must be an http(s) address, got "data:text/html,hi"'],
  ])("refuses the JSON Lines record %j", (fields, error) => {
    const r = parseJsonlLine(JSON.stringify({ id: "a1", text: BODY, ...fields }), "in.jsonl:3");
    expect(r).toEqual({ ok: false, input: "in.jsonl:3", id: "a1", error });
  });

  it("a file with a bad header fails alone, naming the file, and the batch goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bw-values-"));
    try {
      writeFileSync(join(dir, "a.txt"), `Date: 2025-02-30\n\n${BODY}`);
      writeFileSync(join(dir, "b.txt"), `Date: 2025-02-28\n\n${BODY}`);
      const results = [];
      for await (const r of loadInputs([dir])) results.push(r);
      expect(results.map((r) => (r.ok ? "ok" : r.error))).toEqual(['header Date: "2025-02-30" is not a calendar date from 1900 to 2100', "ok"]);
      expect(results[0].ok ? "" : results[0].input).toBe(join(dir, "a.txt"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("API and CLI", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bw-values-api-"));
    store = await openStore({ path: join(dir, "v.db") });
    app = await buildServer({ store, today: () => "2025-10-20" });
  });
  afterAll(async () => {
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const post = (url: string, body: unknown) => app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });

  it.each([["0000-00-00"], ["2025-13-45"], ["2025-02-30"]])("POST /api/articles with date %s is a 400 naming body.date", async (date) => {
    const res = await post("/api/articles", { text: BODY, date });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(new RegExp(`^body.date: "${date}"`));
  });

  it("a posted text whose header names a javascript: URL is refused, and nothing is stored", async () => {
    const res = await post("/api/articles", { text: `Title: T\nURL: javascript:alert(document.cookie)\n\n${BODY}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/^header URL: expected an http\(s\) address/);
    expect((await app.inject({ method: "GET", url: "/api/articles" })).json()).toEqual([]);
    const extract = await post("/api/extract", { text: `Date: 2025-13-45\n\n${BODY}` });
    expect(extract.statusCode).toBe(400);
    expect(extract.json().message).toMatch(/^header Date:/);
  });

  it.each([["ingest", "--date", "2025-02-30", "x.txt"], ["extract", "--date", "0000-00-00", "--json", "x.txt"]])("the CLI refuses %s %s %s with a usage error", (...args) => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "bellwether.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, BELLWETHER_DB: join(dir, "cli.db") } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--date/);
  });

  it("starts no more reader threads than there are cores", () => {
    const pool = new ReaderPool(999);
    expect((pool as unknown as { threads: number }).threads).toBe(availableParallelism());
  });
});
