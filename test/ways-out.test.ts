import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { cameoActor, GDELT_COLUMNS, gdeltEventId, runExport, toCsv } from "../src/app/export.js";
import { briefHtml, briefMarkdown, buildBrief } from "../src/app/report.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

// Briefs and exports of the bundled demo story.
let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bw-out-"));
  store = await openStore({ path: join(dir, "demo.db") });
  await loadDemo(store, "2026-01-31");
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the brief", () => {
  it("tells the 2025 question as a person would, every figure linked to its reports", async () => {
    const brief = await buildBrief(store, { question: "trump-kim-2025", asOf: "2025-12-31", since: "2025-10-01", baseUrl: "http://bw.test", record: false });
    const md = briefMarkdown(brief);
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Will Donald Trump and Kim Jong Un meet in person before 2026-01-01?");
    expect(md).toContain("*Brief as of 2025-12-31, telling what changed since 2025-10-01.*");
    expect(md).toMatch(/stands at \*\*\d+\.\d%\*\* \[\[1\]\]\(http:\/\/bw\.test\/claims\/[^)]+#report-[^)]+\), against \d+\.\d% on 2025-10-01 and a prior of 10\.0%; the deadline is 2025-12-31\./);
    expect(md).toContain("## Why it moved since 2025-10-01");
    expect(md).toContain("## What is claimed");
    // Each move caused by reports cites them, and quotes the sentence under it.
    const moves = lines.filter((l) => /^- 2025-\d\d-\d\d: [\d.]+% → \*\*/.test(l));
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const m of moves) expect(m).toMatch(/\[\[\d+\]\]\(http:\/\/bw\.test\/claims\/[^)#]+#report-[^)]+\)$/);
    expect(md).toContain("“BUSAN, October 30 - President Donald Trump left South Korea on Thursday without meeting Kim Jong Un");
    // Every count of reports and origins links to one report per origin.
    for (const l of lines.filter((x) => /\d+ reports? from \d+ independent origins?/.test(x))) {
      const origins = Number(/from (\d+) independent/.exec(l)![1]);
      expect((l.match(/\[\[\d+\]\]\(/g) ?? []).length).toBe(origins);
    }
    // Every numbered source is listed with its sentence and link.
    expect(brief.sources.length).toBeGreaterThan(3);
    for (const s of brief.sources) expect(md).toContain(`${s.n}. “`);
    const html = briefHtml(brief);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<a class="ref" href="http://bw.test/claims/');
    expect(html).not.toMatch(/<script/i);
  });

  it("tells what changed since the last brief", async () => {
    const first = await buildBrief(store, { question: "trump-kim-2025", asOf: "2025-10-20" });
    expect(first.sinceReason).toBe("start");
    const second = await buildBrief(store, { question: "trump-kim-2025", asOf: "2025-11-05" });
    expect(second).toMatchObject({ since: "2025-10-20", sinceReason: "last brief" });
    expect(briefMarkdown(second)).toContain("telling what changed since the last brief (2025-10-20)");
  });
});

describe("exports", () => {
  it("writes claims, reports and questions as CSV and JSON", async () => {
    const claims = await runExport(store, "claims", "csv");
    const [head, ...rows] = claims.text.trimEnd().split("\r\n");
    expect(head).toBe("id,statement,type,cameo,polarity,status,participants,reports,origins,roots,first_reported,last_reported,event_time,story");
    expect(rows.length).toBeGreaterThan(20);
    const reports = JSON.parse((await runExport(store, "reports", "json")).text) as Array<{ text: string; claim: string }>;
    expect(reports.every((r) => typeof r.text === "string" && r.text.length > 0)).toBe(true);
    const questions = JSON.parse((await runExport(store, "questions", "json", { asOf: "2026-01-31" })).text) as Array<{ id: string; updates: unknown[] }>;
    expect(questions.map((q) => q.id).sort()).toEqual(["meet-by-2018-06-30", "meet-by-2019-03-31", "nk-ballistic-launch-2025-10", "trump-kim-2025"]);
  });

  it("quotes CSV cells and defuses spreadsheet formulas", () => {
    expect(toCsv({ columns: ["a", "b", "c"], rows: [['say "hi", then go', "=HYPERLINK(1)", "+"], ["-", "-2.5", "@x"]] })).toBe('a,b,c\r\n"say ""hi"", then go",\'=HYPERLINK(1),+\r\n-,-2.5,\'@x\r\n');
  });

  it.each([
    ["person:donald-trump", "2025-10-20", { code: "USAGOV", name: "DONALD TRUMP", country: "USA", type: "GOV" }],
    ["person:donald-trump", "2022-06-01", { code: "", name: "DONALD TRUMP", country: "", type: "" }],
    ["person:kim-jong-un", "2025-10-20", { code: "PRKGOV", name: "KIM JONG UN", country: "PRK", type: "GOV" }],
    ["country:KR", "2025-10-20", { code: "KOR", name: "SOUTH KOREA", country: "KOR", type: "" }],
  ])("codes %s on %s as a CAMEO actor", (id, date, want) => expect(cameoActor(id, undefined, date)).toEqual(want));

  it("writes events in GDELT 2.0's 61-column event layout", async () => {
    expect(GDELT_COLUMNS.length).toBe(61);
    expect(GDELT_COLUMNS.slice(0, 6)).toEqual(["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code"]);
    expect(GDELT_COLUMNS.slice(-2)).toEqual(["DATEADDED", "SOURCEURL"]);
    const text = (await runExport(store, "events", "gdelt")).text;
    const rows = text.trimEnd().split("\n").map((l) => l.split("\t"));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.length).toBe(61);
    const col = (r: string[], name: string) => r[GDELT_COLUMNS.indexOf(name)];
    const meeting = rows.find((r) => col(r, "Actor1Code") === "USAGOV" && col(r, "Actor2Code") === "PRKGOV" && col(r, "EventCode") === "040")!;
    expect(meeting).toBeDefined();
    expect(col(meeting, "SQLDATE")).toMatch(/^20\d{6}$/);
    expect(col(meeting, "EventRootCode")).toBe("04");
    expect(col(meeting, "QuadClass")).toBe("1");
    expect(col(meeting, "GoldsteinScale")).toBe("1");
    expect(col(meeting, "SOURCEURL")).toMatch(/^https:\/\//);
    expect(col(meeting, "DATEADDED")).toMatch(/^\d{14}$/);
    const claims = JSON.parse((await runExport(store, "claims", "json")).text) as Array<{ id: string }>;
    expect(claims.some((c) => String(gdeltEventId(c.id)) === col(meeting, "GLOBALEVENTID"))).toBe(true);
  });

  it("serves the same exports and the brief over the API", async () => {
    // The server answers only to names it knows: the brief's links carry the configured public name.
    const app = await buildServer({ store, today: () => "2026-01-31", baseUrl: "http://bw.test" });
    try {
      const csv = await app.inject({ method: "GET", url: "/api/export/claims?format=csv" });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
      expect(csv.body).toBe((await runExport(store, "claims", "csv")).text);
      const gdelt = await app.inject({ method: "GET", url: "/api/export/events?format=gdelt" });
      expect(gdelt.body).toBe((await runExport(store, "events", "gdelt")).text);
      expect((await app.inject({ method: "GET", url: "/api/export/claims?format=gdelt" })).statusCode).toBe(400);
      expect((await app.inject({ method: "GET", url: "/api/export/secrets" })).statusCode).toBe(400);
      const md = await app.inject({ method: "GET", url: "/api/report?question=trump-kim-2025&as_of=2025-12-31&format=md", headers: { host: "bw.test" } });
      expect(md.statusCode).toBe(200);
      expect(md.body).toContain("http://bw.test/claims/");
      expect((await app.inject({ method: "GET", url: "/api/report?question=nope" })).statusCode).toBe(404);
      expect((await app.inject({ method: "GET", url: "/api/report" })).statusCode).toBe(400);
      const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/export/{what}", "/api/report", "/api/feeds", "/api/alerts"]));
    } finally {
      await app.close();
    }
  });
});
