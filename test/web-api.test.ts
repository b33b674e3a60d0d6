// The read routes the pages stand on, driven in process over the demo store: why each status step happened, stories
// with every claim they report, articles' place in the ledger, explained question updates and the time-alone
// baseline, ranked and paged search, the glossary, the dry run of a pasted text, and 404s for UI paths naming nothing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { pageExists } from "../src/app/pages.js";
import { typesNamedBy } from "../src/app/search.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const TODAY = "2026-01-15";
let dir: string;
let store: Store;
let app: FastifyInstance;

async function get(url: string): Promise<Json> {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode, url).toBe(200);
  return res.json();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-web-api-"));
  store = await openStore({ path: join(dir, "api.db") });
  await loadDemo(store, TODAY);
  // A stand-in for the built UI, so the server serves pages and their 404s.
  const web = join(dir, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>bellwether</title><div id=root></div>");
  app = await buildServer({ store, today: () => TODAY, webRoot: web });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("claims", () => {
  it("explains every status step with a reason and the report that caused it", async () => {
    const claims = await get("/api/claims");
    for (const c of claims.slice(0, 30)) {
      const page = await get(`/api/claims/${c.id}`);
      expect(page.status_history.length).toBe(c.status_history.length);
      for (const step of page.status_history) {
        expect(step.why.length).toBeGreaterThan(10);
        if (step.report !== null) expect(page.reports.map((r: Json) => r.id)).toContain(step.report);
        if (step.status !== "stale") expect(step.report).not.toBeNull();
        if (step.status === "stale") expect(step.why).toMatch(/No new report for 30 days/);
        if (step.status === "confirmed" || step.status === "denied") expect(step.why).toMatch(/on the record/);
        if (step.status === "corroborated") expect(step.why).toMatch(/(second|third|fourth|fifth|\d+th) independent origin/);
      }
    }
  });

  it("lists the stories that report a claim, its own first, and the question moves that cite it", async () => {
    const [claims, stories] = await Promise.all([get("/api/claims"), get("/api/stories")]);
    const summit = claims.find((c: Json) => /met in Singapore on June 12, 2018/.test(c.statement));
    const page = await get(`/api/claims/${summit.id}`);
    expect(page.stories[0]).toEqual(expect.objectContaining({ id: summit.story, home: true }));
    const inStory = (s: Json) => summit.reports.filter((r: Json) => s.articles.includes(r.article)).length;
    for (const s of page.stories) expect(s.reports).toBe(inStory(stories.find((x: Json) => x.id === s.id)));
    expect(page.stories.length).toBe(stories.filter((s: Json) => inStory(s) > 0 || s.id === summit.story).length);
    const q = await get("/api/questions/meet-by-2018-06-30");
    const cited = q.updates.filter((u: Json) => u.claim === summit.id).map((u: Json) => u.index);
    expect(page.questions.find((x: Json) => x.id === q.id).moves.map((m: Json) => m.index)).toEqual(cited);
  });
});

describe("stories", () => {
  it("lists every claim a story's articles report, ranked, beside its own claims in their order, with its coverage", async () => {
    const [stories, claims] = await Promise.all([get("/api/stories"), get("/api/claims")]);
    for (const s of stories) {
      const page = await get(`/api/stories/${s.id}`);
      const reported = claims.filter((c: Json) => c.reports.some((r: Json) => s.articles.includes(r.article)));
      expect(new Set(page.reported_claims)).toEqual(new Set(reported.map((c: Json) => c.id)));
      expect(s.reported_claims).toEqual(page.reported_claims);
      expect(page.claim_list.map((c: Json) => c.id)).toEqual(s.claims);
      const origins = page.reported_claim_list.map((c: Json) => c.origins);
      expect(origins).toEqual([...origins].sort((a: number, b: number) => b - a));
      expect(page.coverage.articles).toBe(s.articles.length);
      expect(page.coverage.for + page.coverage.against).toBe(page.coverage.origins);
      expect(page.coverage.outlets.reduce((n: number, o: Json) => n + o.articles, 0)).toBe(s.articles.length);
      expect(s.outlets).toBe(page.coverage.outlets.length);
    }
  });
});

describe("articles", () => {
  it("says which claims an article reports, which story it is in and which question moves its reports caused", async () => {
    const q = await get("/api/questions/trump-kim-2025");
    const u = q.updates.find((x: Json) => x.kind === "evidence");
    const a = await get(`/api/articles/${u.evidence[0].article}`);
    expect(a.ledger.claims.some((c: Json) => c.reports.some((r: Json) => r.id === u.reports[0]))).toBe(true);
    expect(a.ledger.stories).toHaveLength(1);
    const moved = a.ledger.questions.find((x: Json) => x.id === q.id);
    expect(moved.moves.map((m: Json) => m.index)).toContain(u.index);
  });
});

describe("questions", () => {
  it("explains each update as a signed contribution, and the contributions add up to the move from the prior", async () => {
    for (const { id } of (await get("/api/questions")).questions) {
      const q = await get(`/api/questions/${id}`);
      for (const [i, u] of q.updates.entries()) {
        expect(u.index).toBe(i);
        expect(u.points).toBeCloseTo((u.probability - u.previous) * 100, 9);
        expect(u.words).toMatch(/^[+−±][\d.]+ pts: /);
        expect(["evidence", "time", "date", "resolution", "deadline", "manual"]).toContain(u.kind);
        if (u.kind === "evidence") expect(u.origin_rank).toBeGreaterThanOrEqual(1);
      }
      const total = q.contributions.evidence + q.contributions.time + q.contributions.resolution;
      const first = q.updates[0]?.previous ?? q.prior;
      expect(total).toBeCloseTo((q.probability - first) * 100, 6);
      expect(q.contributions.by_indicator.reduce((n: number, b: Json) => n + b.updates, 0)).toBe(q.updates.length);
    }
  });

  it("ranks each report among the independent origins of its indicator as the engine counted it", async () => {
    const q = await get("/api/questions/trump-kim-2025");
    for (const u of q.updates.filter((x: Json) => x.kind === "evidence")) {
      const m = /independent origin (\d+) of this kind/.exec(u.reason);
      if (m) expect(u.origin_rank, u.reason).toBe(Number(m[1]));
    }
  });

  it("draws time alone from the prior, falling to the deadline, over the replay's days, and scores it as the baseline", async () => {
    const q = await get("/api/questions/trump-kim-2025");
    const [replay, alone] = await Promise.all([get("/api/questions/trump-kim-2025/replay"), get("/api/questions/trump-kim-2025/time-alone")]);
    expect(alone.map((p: Json) => p.date)).toEqual(replay.map((p: Json) => p.date));
    expect(alone[0].probability).toBeCloseTo(q.prior, 9);
    for (let i = 1; i < alone.length; i++) expect(alone[i].probability).toBeLessThanOrEqual(alone[i - 1].probability);
    expect(q.baseline_scores.days).toBe(q.scores.days);
    expect(q.baseline_scores.brier).toBeGreaterThan(0);
    const bad = await app.inject({ method: "GET", url: "/api/questions/nope/time-alone" });
    expect(bad.statusCode).toBe(404);
  });

  it("says which questions' days fall in each calibration band", async () => {
    const s = await get("/api/questions");
    for (const b of s.calibration) expect(b.by_question.reduce((n: number, x: Json) => n + x.forecasts, 0)).toBe(b.forecasts);
  });
});

describe("search", () => {
  it("ranks entities, then claims, then articles, with a total, pages and highlights into each snippet", async () => {
    const all = await get("/api/search?q=Singapore&limit=100");
    expect(all.total).toBe(all.results.length);
    expect(all.total).toBe(all.counts.entity + all.counts.claim + all.counts.article);
    const order = all.results.map((r: Json) => ["entity", "claim", "article"].indexOf(r.kind));
    expect(order).toEqual([...order].sort((a: number, b: number) => a - b));
    for (const r of all.results) for (const [a, b] of r.highlights) expect(r.snippet.slice(a, b).toLowerCase()).toBe("singapore");
    const page2 = await get("/api/search?q=Singapore&limit=10&offset=10");
    expect(page2.results.map((r: Json) => r.id)).toEqual(all.results.slice(10, 20).map((r: Json) => r.id));
    expect(page2).toEqual(expect.objectContaining({ query: "Singapore", total: all.total, offset: 10, limit: 10 }));
    // The earlier shape is still there for its readers.
    expect(page2.q).toBe("Singapore");
    expect(Array.isArray(page2.articles) && Array.isArray(page2.claims) && Array.isArray(page2.entities)).toBe(true);
  });

  const everyday: Array<[string, string[]]> = [
    ["summit", ["meet"]],
    ["summits", ["meet"]],
    ["letter", ["communicate"]],
    ["drills", ["military_exercise"]],
    ["sanctions", ["sanction"]],
    ["talks", ["meet"]],
    ["Kim Jong Un", []],
  ];
  for (const [q, types] of everyday) it(`reads "${q}" as ${types.join(", ") || "no claim type"}`, () => expect([...typesNamedBy(q).keys()]).toEqual(types));

  it("finds claims by the everyday word of their type", async () => {
    const r = await get("/api/search?q=drills&limit=100");
    const claims = r.results.filter((h: Json) => h.kind === "claim");
    expect(claims.length).toBeGreaterThan(0);
    for (const h of claims) expect(h.type === "military_exercise" || h.snippet.toLowerCase().includes("drills")).toBe(true);
  });
});

describe("the glossary and the dry run", () => {
  it("defines every stage, status and stance the ledger uses, with the engine's own figures", async () => {
    const g = await get("/api/glossary");
    const ids = new Set(g.terms.map((t: Json) => t.id));
    for (const s of ["discussed", "scheduled", "occurred", "called_off", "failed"]) expect(ids).toContain(`stage-${s}`);
    for (const s of ["reported", "corroborated", "confirmed", "denied", "contradicted", "stale"]) expect(ids).toContain(`status-${s}`);
    for (const s of ["occurred", "scheduled", "discussed", "wanted", "unplanned", "called_off", "failed", "refused", "unknown"]) expect(ids).toContain(`stance-${s}`);
    for (const t of g.terms) expect(g.groups.map((x: Json) => x.id)).toContain(t.group);
    expect(g.terms.find((t: Json) => t.id === "status-stale").short).toContain("30 days");
  });

  it("reads a pasted text against the ledger without storing it", async () => {
    const before = (await get("/api/articles?limit=500")).length;
    const text = "SEOUL, Oct. 28 - The White House said on Tuesday that Donald Trump and Kim Jong Un will meet at Panmunjom on Oct. 31, a senior official told reporters. North Korea denied that any meeting was planned.";
    const res = await app.inject({ method: "POST", url: "/api/preview", payload: { text, date: "2025-10-28" } });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.published).toBe("2025-10-28");
    expect(p.extraction.article.text).toBe(text);
    const claims = await get("/api/claims");
    for (const c of p.claims) {
      if (c.relation === "new") expect(c.before).toBeNull();
      else {
        const stored = claims.find((x: Json) => x.id === c.id);
        expect(stored, c.id).toBeDefined();
        expect(c.before.origins).toBe(stored.origins.length);
      }
      expect(text).toContain(c.sentence_text);
    }
    expect(p.claims.some((c: Json) => c.relation === "contradicts")).toBe(true);
    const q = p.questions.find((x: Json) => x.id === "trump-kim-2025");
    expect(q.updates.length).toBeGreaterThan(0);
    expect(q.after - q.now).toBeCloseTo(q.updates.reduce((n: number, u: Json) => n + u.points, 0) / 100, 1);
    expect((await get("/api/articles?limit=500")).length).toBe(before);
  });
});

describe("UI paths", () => {
  // A path, whether it names a page, and the status the server answers (a malformed one is refused before routing).
  const table: Array<[string, boolean, number]> = [
    ["/", true, 200],
    ["/claims", true, 200],
    ["/claims/", true, 200],
    ["/glossary", true, 200],
    ["/questions/trump-kim-2025", true, 200],
    ["/actors/person%3Akim-jong-un", true, 200],
    ["/questions/no-such-question", false, 404],
    ["/claims/c-000000000000", false, 404],
    ["/stories/s-nope", false, 404],
    ["/articles/nope", false, 404],
    ["/actors/person%3Anobody", false, 404],
    ["/nothing-here", false, 404],
    ["/claims/x/y", false, 404],
    ["/claims/%E0%A4%A", false, 400],
  ];
  for (const [path, exists, status] of table) {
    it(`${path} ${exists ? "is" : "is not"} a page (${status})`, async () => {
      expect(await pageExists(store.db, path)).toBe(exists);
      const res = await app.inject({ method: "GET", url: path });
      expect(res.statusCode).toBe(status);
      if (status !== 400) expect(res.headers["content-type"]).toMatch(/text\/html/);
    });
  }
});
