// The REST API, driven in process with Fastify's inject over a fresh store loaded with the demo corpus.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { readClaims, readClaimsPage } from "../src/app/ledger.js";
import { readQuestionPage } from "../src/app/question-page.js";
import { replayQuestion, summarizeQuestions } from "../src/app/questions.js";
import { search } from "../src/app/search.js";
import { newestFirst, readStoriesOverview } from "../src/app/story-page.js";
import { buildServer, derivedSettled, isLoopback } from "../src/serve/api/server.js";
import { routes } from "../src/serve/api/routes.js";
import { main } from "../src/serve/cli/main.js";
import { openStore, type Store } from "../src/store/index.js";

const TODAY = "2026-01-15";
const TOKEN = "s3cret-token-for-tests";
const AUTH = { authorization: `Bearer ${TOKEN}` };

let dir: string;
let store: Store;
let app: FastifyInstance;
let guarded: FastifyInstance;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(url: string, server = app): Promise<{ status: number; body: Json }> {
  const res = await server.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}, server = app): Promise<{ status: number; body: Json }> {
  const isText = typeof payload === "string";
  const res = await server.inject({
    method: "POST",
    url,
    payload: payload as string,
    headers: { "content-type": isText ? "application/yaml" : "application/json", ...headers },
  });
  return { status: res.statusCode, body: res.json() };
}

/** Every error answer has the same shape, a message, and no stack trace. */
function expectError(r: { status: number; body: Json }, status: number, message?: RegExp): void {
  expect(r.status).toBe(status);
  expect(r.body.statusCode).toBe(status);
  expect(typeof r.body.error).toBe("string");
  expect(typeof r.body.message).toBe("string");
  if (message) expect(r.body.message).toMatch(message);
  expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-api-"));
  store = await openStore({ path: join(dir, "api.db") });
  await loadDemo(store, TODAY);
  app = await buildServer({ store, today: () => TODAY });
  guarded = await buildServer({ store, token: TOKEN, today: () => TODAY });
});

afterAll(async () => {
  await app?.close();
  await guarded?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("stories", () => {
  it("lists stories with article and claim ids", async () => {
    const r = await get("/api/stories");
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(1);
    for (const s of r.body) {
      expect(s).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), articles: expect.any(Array), claims: expect.any(Array) }));
      expect(s.articles.length).toBeGreaterThan(0);
    }
  });

  it("gives one story's timeline: its articles and claims, with counts matching the claim routes", async () => {
    const stories = (await get("/api/stories")).body;
    const story = stories.find((s: Json) => s.claims.length > 0);
    const r = await get(`/api/stories/${story.id}`);
    expect(r.status).toBe(200);
    expect(r.body.article_list.map((a: Json) => a.id)).toEqual(story.articles);
    expect(r.body.claim_list.map((c: Json) => c.id)).toEqual(story.claims);
    const first = r.body.claim_list[0];
    const claim = (await get(`/api/claims/${first.id}`)).body;
    expect(first.reports).toBe(claim.reports.length);
    expect(first.origins).toBe(claim.origins.length);
  });

  it("names the other stories a story's claims are filed under, so its page needs no list of every story", async () => {
    const stories = (await get("/api/stories?limit=1000")).body;
    const titles = new Map(stories.map((s: Json) => [s.id, s.title]));
    let homes = 0;
    for (const s of stories) {
      const page = (await get(`/api/stories/${s.id}`)).body;
      const want = [...new Set(page.reported_claim_list.flatMap((c: Json) => (c.home ? [c.home] : [])))].sort();
      expect(Object.keys(page.home_titles).sort()).toEqual(want);
      for (const id of want) expect(page.home_titles[id as string]).toBe(titles.get(id));
      homes += want.length;
    }
    expect(homes).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown story", async () => {
    expectError(await get("/api/stories/s-nope"), 404, /no story with id "s-nope"/);
  });
});

describe("claims", () => {
  it("lists claims in the contract shape", async () => {
    const r = await get("/api/claims");
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(20);
    for (const c of r.body.slice(0, 20)) {
      for (const k of ["id", "type", "cameo", "summary", "participants", "polarity", "status", "status_history", "first_reported", "last_reported", "reports", "origins"]) expect(c).toHaveProperty(k);
      const reportIds = new Set(c.reports.map((x: Json) => x.id));
      // Every report belongs to exactly one of the claim's origins.
      expect(c.origins.flatMap((o: Json) => o.reports).sort()).toEqual([...reportIds].sort());
    }
  });

  it("filters by story and by status", async () => {
    const story = (await get("/api/stories")).body.find((s: Json) => s.claims.length > 0);
    const byStory = await get(`/api/claims?story=${story.id}`);
    expect(byStory.body.map((c: Json) => c.id).sort()).toEqual([...story.claims].sort());
    const confirmed = await get("/api/claims?status=confirmed");
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.length).toBeGreaterThan(0);
    expect(confirmed.body.every((c: Json) => c.status === "confirmed")).toBe(true);
  });

  it("refuses an unknown status or field, naming it", async () => {
    expectError(await get("/api/claims?status=rumoured"), 400, /querystring\.status/);
    expectError(await get("/api/claims?colour=red"), 400, /colour/);
  });

  it("gives one claim with each report's sentence in context and the trigger placed in it", async () => {
    const all = (await get("/api/claims")).body;
    const busiest = [...all].sort((a: Json, b: Json) => b.reports.length - a.reports.length)[0];
    const r = await get(`/api/claims/${encodeURIComponent(busiest.id)}`);
    expect(r.status).toBe(200);
    expect(r.body.reports.length).toBe(busiest.reports.length);
    expect(r.body.origins.length).toBe(busiest.origins.length);
    let placed = 0;
    for (const rep of r.body.reports) {
      expect(rep.evidence).not.toBeNull();
      expect(rep.evidence.text.length).toBeGreaterThan(0);
      if (rep.evidence.trigger) {
        expect(rep.evidence.text.slice(rep.evidence.trigger.start, rep.evidence.trigger.end)).toBe(rep.trigger);
        placed++;
      }
      // The sentence is the article's own text at that sentence index.
      const article = (await get(`/api/articles/${rep.article}`)).body;
      const s = article.sentences[rep.sentence];
      expect(article.article.text.slice(s.start, s.end)).toBe(rep.evidence.text);
    }
    expect(placed).toBe(r.body.reports.length);
  });

  it("answers 404 for an unknown claim", async () => {
    expectError(await get("/api/claims/c-000000000000"), 404, /no claim/);
  });
});

describe("articles", () => {
  it("lists articles in publication order with paging", async () => {
    const r = await get("/api/articles");
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(50);
    const dates = r.body.map((a: Json) => a.published).filter(Boolean);
    expect(dates).toEqual([...dates].sort());
    const page = await get("/api/articles?limit=5&offset=5");
    expect(page.body.map((a: Json) => a.id)).toEqual(r.body.slice(5, 10).map((a: Json) => a.id));
  });

  it("refuses bad paging with a message naming the field", async () => {
    expectError(await get("/api/articles?limit=0"), 400, /querystring\.limit/);
    expectError(await get("/api/articles?limit=ten"), 400, /querystring\.limit/);
    expectError(await get("/api/articles?offset=-1"), 400, /querystring\.offset/);
  });

  it("gives one article's full reading", async () => {
    const first = (await get("/api/articles?limit=1")).body[0];
    const r = await get(`/api/articles/${first.id}`);
    expect(r.status).toBe(200);
    expect(r.body.schema).toBe("bellwether.extract/v1");
    expect(r.body.article.id).toBe(first.id);
    expect(r.body.sentences.length).toBeGreaterThan(1);
    expect(r.body.entities.length).toBeGreaterThan(0);
    for (const e of r.body.entities) for (const m of e.mentions) expect(r.body.article.text.slice(m.start, m.end)).toBe(m.text);
  });

  it("answers 404 for an unknown article", async () => {
    expectError(await get("/api/articles/0000000000000000"), 404, /no article/);
  });

  it("ingests a posted article, finds it again, and reports a repeat as a duplicate", async () => {
    const text =
      "PYONGYANG, Jan. 12 (Korea Daily Wire) - North Korea's foreign ministry said on Monday it had received a letter from U.S. President Donald Trump. " +
      "Officials in Seoul said the letter proposed talks on the Korean Peninsula, according to two diplomats.";
    const r = await post("/api/articles", { text, title: "Pyongyang says it received a Trump letter", outlet: "Test Wire", date: "2026-01-12" });
    expect(r.status).toBe(201);
    expect(r.body.outcome).toBe("new");
    const stored = await get(`/api/articles/${r.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.article.title).toBe("Pyongyang says it received a Trump letter");
    expect(stored.body.article.outlet).toBe("Test Wire");
    expect(stored.body.article.published).toBe("2026-01-12");
    const again = await post("/api/articles", { text });
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe("duplicate");
    expect(again.body.id).toBe(r.body.id);
    // Search is a kept read: it shows the article once stories and forecasts have followed it.
    await derivedSettled(app);
    const found = await get("/api/search?q=received%20a%20letter");
    expect(found.body.results.filter((x: Json) => x.kind === "article").map((a: Json) => a.id)).toContain(r.body.id);
  });

  it("refuses a posted article without text or URL, with a bad date, or an unknown field", async () => {
    expectError(await post("/api/articles", { title: "no body" }), 400, /body\.(text|url) is required/);
    expectError(await post("/api/articles", { text: "Some text.", date: "12/01/2026" }), 400, /body\.date/);
    expectError(await post("/api/articles", { text: "Some text.", author: "x" }), 400, /author is not a known field/);
    expectError(await post("/api/articles", { url: "ftp://example.org/a" }), 400, /body\.url/);
    expectError(await post("/api/articles", "{not json", { "content-type": "application/json" }), 400, /JSON/);
  });

  it("answers 422 for a URL it may not or cannot fetch: local files, loopback and private addresses", async () => {
    expectError(await post("/api/articles", { url: "http://127.0.0.1:9/unreachable" }), 422, /public|loopback|private|refus/i);
    const local = await post("/api/articles", { url: "/etc/passwd" });
    expect([400, 422]).toContain(local.status);
  });
});

describe("extract", () => {
  it("reads a pasted text without storing it", async () => {
    const before = (await get("/api/articles?limit=1000")).body.length;
    const text = "SEOUL, Oct. 18 - U.S. officials said on Saturday that Donald Trump and Kim Jong Un could meet later this fall, citing CNN.";
    const r = await post("/api/extract", { text, date: "2025-10-18" });
    expect(r.status).toBe(200);
    expect(r.body.article.text).toBe(text);
    expect(r.body.entities.map((e: Json) => e.id)).toEqual(expect.arrayContaining(["person:donald-trump", "person:kim-jong-un"]));
    expect(r.body.times.length).toBeGreaterThan(0);
    expect((await get("/api/articles?limit=1000")).body.length).toBe(before);
  });

  it("refuses a missing or empty text with a message naming the field", async () => {
    expectError(await post("/api/extract", {}), 400, /body\.text is required/);
    expectError(await post("/api/extract", { text: "" }), 400, /body\.text/);
    expectError(await post("/api/extract", { text: { lines: ["a"] } }), 400, /body\.text must be string/);
  });

  it("refuses a body over the size limit with 413", async () => {
    const big = { text: "word ".repeat(260_000) };
    expectError(await post("/api/extract", big), 413, /larger than the limit/);
    expectError(await post("/api/articles", big), 413);
  });
});

describe("questions", () => {
  it("lists the demo questions with probabilities and calibration", async () => {
    const r = await get("/api/questions");
    expect(r.status).toBe(200);
    const ids = r.body.questions.map((q: Json) => q.id);
    expect(ids).toEqual(expect.arrayContaining(["trump-kim-2025", "meet-by-2018-06-30", "meet-by-2019-03-31"]));
    for (const q of r.body.questions) expect(q.probability).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(r.body.calibration)).toBe(true);
  });

  it("shows a question with its update log, each evidence update carrying its sentences", async () => {
    const r = await get("/api/questions/trump-kim-2025");
    expect(r.status).toBe(200);
    expect(r.body.id).toBe("trump-kim-2025");
    expect(r.body.probability).toBeGreaterThanOrEqual(0);
    expect(r.body.probability).toBeLessThanOrEqual(1);
    const withClaims = r.body.updates.filter((u: Json) => u.claim);
    expect(withClaims.length).toBeGreaterThan(0);
    for (const u of withClaims) {
      expect(u.evidence.map((e: Json) => e.report).sort()).toEqual([...u.reports].sort());
      for (const e of u.evidence) expect(e.claim).toBe(u.claim);
    }
  });

  it("replays a question; the default path ends at the probability the question shows", async () => {
    for (const id of ["trump-kim-2025", "meet-by-2018-06-30", "nk-ballistic-launch-2025-10"]) {
      const q = (await get(`/api/questions/${id}`)).body;
      const path = (await get(`/api/questions/${id}/replay`)).body;
      expect(path[0].date).toBe(q.opens);
      expect(path.at(-1).probability).toBeCloseTo(q.probability, 12);
    }
    const weekly = await get("/api/questions/trump-kim-2025/replay?from=2025-09-01&to=2025-09-29&step=7d");
    expect(weekly.status).toBe(200);
    expect(weekly.body.map((p: Json) => p.date)).toEqual(["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29"]);
  });

  it("refuses bad replay ranges and steps, naming the field", async () => {
    expectError(await get("/api/questions/trump-kim-2025/replay?from=2025-02-30"), 400, /querystring\.from/);
    expectError(await get("/api/questions/trump-kim-2025/replay?from=yesterday"), 400, /querystring\.from/);
    expectError(await get("/api/questions/trump-kim-2025/replay?from=2025-10-01&to=2025-09-01"), 400, /querystring\.to/);
    expectError(await get("/api/questions/trump-kim-2025/replay?step=0"), 400, /querystring\.step/);
    expectError(await get("/api/questions/trump-kim-2025/replay?from=1900-01-01&to=2025-01-01&step=1"), 400, /querystring\.step/);
    expectError(await get("/api/questions/trump-kim-2025?as_of=soon"), 400, /querystring\.as_of/);
  });

  it("answers 404 for an unknown question", async () => {
    expectError(await get("/api/questions/no-such-question"), 404, /no question/);
    expectError(await get("/api/questions/no-such-question/replay"), 404, /no question/);
  });

  it("adds a question from YAML and serves it", async () => {
    const yaml = [
      "id: letter-by-2026-03",
      "title: Will Trump and Kim exchange a letter before 2026-04-01?",
      "criteria: Resolves YES if either government confirms a letter between them.",
      "opens: 2026-01-01",
      "deadline: 2026-03-31",
      "prior: 0.2",
      "event: { type: communicate, participants: [Donald Trump, Kim Jong Un] }",
    ].join("\n");
    const r = await post("/api/questions", yaml);
    expect(r.status).toBe(201);
    expect(r.body.id).toBe("letter-by-2026-03");
    expect(r.body.event.participants).toEqual(["person:donald-trump", "person:kim-jong-un"]);
    const listed = (await get("/api/questions")).body.questions.map((q: Json) => q.id);
    expect(listed).toContain("letter-by-2026-03");
  });

  it("refuses an invalid question with the bad field named, and a non-YAML body with 415", async () => {
    const noDeadline = "id: q-bad\ntitle: t\ncriteria: c\nopens: 2026-01-01\nprior: 0.2\nevent: { type: meet, participants: [Donald Trump] }\n";
    expectError(await post("/api/questions", noDeadline), 400, /deadline/);
    expectError(await post("/api/questions", "id: [unclosed"), 400, /YAML/);
    expectError(await post("/api/questions", { id: "x" }), 415, /YAML/);
  });
});

describe("entities, positions and search", () => {
  it("lists entities, most mentioned first", async () => {
    const r = await get("/api/entities?limit=5");
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(5);
    const counts = r.body.map((e: Json) => e.mentions);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expectError(await get("/api/entities?type=planet"), 400, /querystring\.type/);
  });

  it("shows what an entity has said and what has been said about it", async () => {
    const r = await get(`/api/entities/${encodeURIComponent("person:kim-jong-un")}`);
    expect(r.status).toBe(200);
    expect(r.body.name).toBe("Kim Jong Un");
    expect(r.body.said.length).toBeGreaterThan(0);
    for (const s of r.body.said) {
      expect(s.text.length).toBeGreaterThan(0);
      expect(s.content.end).toBeLessThanOrEqual(s.text.length);
      expect(["for", "against", "stated"]).toContain(s.stance);
    }
    expect(r.body.said_about.length).toBeGreaterThan(0);
    for (const c of r.body.said_about.slice(0, 10)) {
      const claim = (await get(`/api/claims/${c.id}`)).body;
      expect(claim.participants.map((p: Json) => p.id)).toContain("person:kim-jong-un");
      expect(c.reports).toBe(claim.reports.length);
    }
  });

  it("answers 404 for an unknown entity", async () => {
    expectError(await get("/api/entities/person:nobody-at-all"), 404, /no entity/);
  });

  it("tabulates stated positions by actor and issue", async () => {
    const r = await get("/api/positions");
    expect(r.status).toBe(200);
    expect(r.body.issues.map((i: Json) => i.id)).toEqual(expect.arrayContaining(["denuclearization", "sanctions", "military-exercises", "talks"]));
    expect(r.body.actors.length).toBeGreaterThan(0);
    const issueIds = new Set(r.body.issues.map((i: Json) => i.id));
    for (const a of r.body.actors) {
      for (const [issue, cell] of Object.entries<Json>(a.positions)) {
        expect(issueIds.has(issue)).toBe(true);
        expect(cell.for + cell.against + cell.stated).toBe(cell.statements.length);
      }
    }
    const trump = r.body.actors.find((a: Json) => a.id === "person:donald-trump");
    expect(trump.positions.talks.statements.length).toBeGreaterThan(0);
    expectError(await get("/api/positions?min=0"), 400, /querystring\.min/);
  });

  it("searches entities, claims and articles: ranked, paged, with a total and the words marked in each snippet", async () => {
    const r = await get("/api/search?q=Singapore");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ query: "Singapore", offset: 0, limit: 25 });
    const of = (kind: string) => r.body.results.filter((x: Json) => x.kind === kind);
    expect(of("article").length).toBeGreaterThan(0);
    for (const a of of("article")) {
      expect(`${a.title} ${a.snippet}`.toLowerCase()).toContain("singapore");
      expect(a).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), score: expect.any(Number), outlet: expect.anything() }));
      for (const [start, end] of a.highlights) expect(a.snippet.slice(start, end).toLowerCase()).toMatch(/^singapore/);
    }
    expect(of("entity").map((e: Json) => e.title)).toContain("Singapore");
    // Entities come first, then claims, then articles.
    const order = r.body.results.map((x: Json) => x.kind);
    expect(order).toEqual([...of("entity"), ...of("claim"), ...of("article")].map((x: Json) => x.kind));
    expect(r.body.total).toBeGreaterThanOrEqual(r.body.results.length);

    // Pages follow one another without gaps or repeats, and keep the total.
    const all = await get(`/api/search?q=Singapore&limit=100`);
    const paged = [];
    for (let offset = 0; offset < all.body.total; offset += 3) {
      const page = await get(`/api/search?q=Singapore&offset=${offset}&limit=3`);
      expect(page.body.total).toBe(all.body.total);
      paged.push(...page.body.results.map((x: Json) => `${x.kind}:${x.id}`));
    }
    expect(paged).toEqual(all.body.results.map((x: Json) => `${x.kind}:${x.id}`));

    const claims = await get("/api/search?q=Kim%20Jong%20Un");
    expect(claims.body.results.filter((x: Json) => x.kind === "claim").length).toBeGreaterThan(0);
    const wild = await get("/api/search?q=%25%25%25");
    expect(wild.body).toMatchObject({ total: 0, results: [] });
  });

  it("refuses a missing or blank query", async () => {
    expectError(await get("/api/search"), 400, /querystring\.q is required/);
    expectError(await get("/api/search?q=%20%20"), 400, /querystring\.q/);
  });
});

describe("reads", () => {
  it("never write: every GET route leaves the store as it was", async () => {
    const { sql } = await import("kysely");
    const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(store.db)).rows[0].n);
    const stories = (await get("/api/stories")).body;
    const claims = (await get("/api/claims")).body;
    const articles = (await get("/api/articles")).body;
    const questions = (await get("/api/questions")).body.questions;
    const before = await changes();
    const urls = [
      "/api/stories", `/api/stories/${stories[0].id}`, "/api/claims", `/api/claims/${claims[0].id}`, "/api/articles",
      `/api/articles/${articles[0].id}`, "/api/questions", `/api/questions/${questions[0].id}`, `/api/questions/${questions[0].id}?as_of=2025-11-01`,
      `/api/questions/${questions[0].id}/replay?step=30`, "/api/entities", "/api/entities/person:donald-trump", "/api/positions",
      "/api/search?q=summit", "/api/export/claims?format=json", `/api/report?question=${questions[0].id}`, "/api/feeds", "/api/alerts",
    ];
    for (const url of urls) expect((await get(url)).status, url).toBe(200);
    expect(await changes()).toBe(before);
  });

  it("serve a question's stored forecast, and work out another date's without storing it", async () => {
    const id = (await get("/api/questions")).body.questions[0].id;
    const stored = (await get(`/api/questions/${id}`)).body;
    const other = (await get(`/api/questions/${id}?as_of=2025-09-15`)).body;
    expect(other.as_of).toBe("2025-09-15");
    expect(other.updates.every((u: Json) => u.at <= "2025-09-15")).toBe(true);
    expect((await get(`/api/questions/${id}`)).body).toEqual(stored);
  });
});

describe("paged and kept reads", () => {
  async function page(url: string): Promise<{ body: Json; total: number }> {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, url).toBe(200);
    return { body: res.json(), total: Number(res.headers["x-total-count"]) };
  }

  it("pages the claim list in its order, with the total, also for one status as read", async () => {
    const all = await readClaims(store.db);
    const first = await page("/api/claims?limit=7");
    const second = await page("/api/claims?limit=7&offset=7");
    expect(first.total).toBe(all.length);
    expect([...first.body, ...second.body].map((c: Json) => c.id)).toEqual(all.slice(0, 14).map((c) => c.id));
    expect(second.body).toEqual(JSON.parse(JSON.stringify(all.slice(7, 14))));
    for (const status of ["reported", "confirmed", "denied", "stale"]) {
      const kept = all.filter((c) => c.status === status);
      const r = await page(`/api/claims?status=${status}&limit=1000`);
      expect(r.total, status).toBe(kept.length);
      expect(r.body.map((c: Json) => c.id), status).toEqual(kept.map((c) => c.id));
    }
    const story = (await page("/api/stories")).body.find((s: Json) => s.claims.length > 2);
    const own = await page(`/api/claims?story=${story.id}&limit=2`);
    expect(own.total).toBe(story.claims.length);
    expect(own.body.map((c: Json) => c.id)).toEqual(story.claims.slice(0, 2));
  });

  it("pages the story list, newest activity first, with the total", async () => {
    const all = await readStoriesOverview(store.db);
    expect([...all].sort(newestFirst).map((s) => s.id)).toEqual(all.map((s) => s.id));
    for (let i = 1; i < all.length; i++) expect((all[i - 1].last_published ?? "") >= (all[i].last_published ?? "")).toBe(true);
    const r = await page("/api/stories?limit=2&offset=1");
    expect(r.total).toBe(all.length);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(all.slice(1, 3))));
    const past = await page(`/api/stories?offset=${all.length}`);
    expect(past.body).toEqual([]);
    expect(past.total).toBe(all.length);
    expectError(await get("/api/stories?limit=0"), 400, /querystring\.limit/);
    expectError(await get("/api/stories?limit=1001"), 400, /querystring\.limit/);
    expectError(await get("/api/stories?offset=-1"), 400, /querystring\.offset/);
  });

  it("gives the newest 20 stories when no page is asked for, and the rest by offset", async () => {
    // A store of 45 stories (as the grouping writes them), one a week, the newest last, and one with no date yet.
    const many = await openStore({ path: join(dir, "many-stories.db") });
    const server = await buildServer({ store: many, today: () => TODAY });
    try {
      const rows = Array.from({ length: 44 }, (_, i) => {
        const day = new Date(Date.UTC(2025, 0, 1 + 7 * i)).toISOString().slice(0, 10);
        return { id: `s-${String(i).padStart(12, "0")}`, title: `Story ${i}`, first_published: day, last_published: day };
      });
      rows.push({ id: "s-undated00000", title: "Undated", first_published: null as unknown as string, last_published: null as unknown as string });
      await many.db.insertInto("stories").values(rows).execute();
      const newest = rows.slice(0, 44).reverse().map((r) => r.id);
      const first = await server.inject({ method: "GET", url: "/api/stories" });
      expect(first.statusCode).toBe(200);
      expect(first.headers["x-total-count"]).toBe("45");
      expect(first.json().map((s: Json) => s.id)).toEqual(newest.slice(0, 20));
      const rest = await server.inject({ method: "GET", url: "/api/stories?offset=20&limit=1000" });
      expect(rest.json().map((s: Json) => s.id)).toEqual([...newest.slice(20), "s-undated00000"]);
      expect(rest.headers["x-total-count"]).toBe("45");
    } finally {
      await server.close();
      await many.close();
    }
  });

  it("serves kept reads equal to fresh ones once stories and forecasts follow a new article", async () => {
    const question = "trump-kim-2025";
    const urls = ["/api/stories", "/api/claims?limit=50", `/api/questions/${question}`, `/api/questions/${question}/replay?step=7`, "/api/questions", "/api/search?q=summit"];
    for (const url of urls) await page(url);
    const text =
      "SEOUL, Jan. 13 (Korea Daily Wire) - U.S. President Donald Trump and North Korean leader Kim Jong Un will meet in Panmunjom next month, " +
      "officials in Seoul said on Tuesday, according to two diplomats briefed on the plans.";
    const posted = await post("/api/articles", { text, title: "Trump and Kim to meet next month", outlet: "Korea Daily Wire", date: "2026-01-13" });
    expect(posted.status).toBe(201);
    await derivedSettled(app);
    const stories = await page("/api/stories");
    expect(stories.body.some((s: Json) => s.articles.includes(posted.body.id))).toBe(true);
    expect(stories.body).toEqual(JSON.parse(JSON.stringify((await readStoriesOverview(store.db)).slice(0, 20))));
    const fresh = await readClaimsPage(store.db, { limit: 50, offset: 0 });
    expect((await page("/api/claims?limit=50")).body).toEqual(JSON.parse(JSON.stringify(fresh.claims)));
    expect((await page(`/api/questions/${question}`)).body).toEqual(JSON.parse(JSON.stringify(await readQuestionPage(store, question))));
    const replay = await page(`/api/questions/${question}/replay?step=7`);
    expect(replay.body).toEqual(await replayQuestion(store.db, question, replay.body[0].date, replay.body.at(-1).date, 7));
    expect((await page("/api/questions")).body).toEqual(JSON.parse(JSON.stringify(await summarizeQuestions(store))));
    expect((await page("/api/search?q=summit")).body).toEqual(JSON.parse(JSON.stringify(await search(store.db, "summit", 25, 0))));
    const found = await page("/api/search?q=Panmunjom%20next%20month");
    expect(found.body.results.filter((x: Json) => x.kind === "article").map((a: Json) => a.id)).toContain(posted.body.id);
  });
});

describe("the edge", () => {
  it("describes every route in the OpenAPI document", async () => {
    const r = await get("/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      const op = r.body.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op.responses["200"]).toBeDefined();
      for (const p of (path.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1))) expect(op.parameters.map((x: Json) => x.name)).toContain(p);
      if (route.write) expect(op.security).toBeDefined();
    }
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(["/api/openapi.json"]));
  });

  it("answers unknown API paths with a JSON 404", async () => {
    expectError(await get("/api/nothing-here"), 404, /no route/);
  });

  it("guards write routes with the bearer token when one is set, and leaves reads open", async () => {
    expectError(await post("/api/extract", { text: "Kim said so." }, {}, guarded), 401, /Bearer/);
    expectError(await post("/api/extract", { text: "Kim said so." }, { authorization: "Bearer wrong" }, guarded), 401);
    expectError(await post("/api/articles", { text: "Kim said so." }, {}, guarded), 401);
    expectError(await post("/api/questions", "id: x", {}, guarded), 401);
    expect((await post("/api/extract", { text: "Kim said so." }, AUTH, guarded)).status).toBe(200);
    expect((await get("/api/claims", guarded)).status).toBe(200);
  });

  it("hides unexpected failures behind a 500 without a stack trace", async () => {
    const broken = await openStore({ path: ":memory:" });
    const server = await buildServer({ store: broken });
    await broken.close();
    try {
      expectError(await get("/api/claims", server), 500, /internal error/);
    } finally {
      await server.close();
    }
  });

  it("knows loopback addresses", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopback(h)).toBe(true);
    for (const h of ["0.0.0.0", "192.168.1.4", "::", "example.org"]) expect(isLoopback(h)).toBe(false);
  });

  it("refuses to serve beyond loopback without a token", async () => {
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (errors.push(String(s)), true)) as typeof process.stderr.write;
    const saved = process.env.BELLWETHER_TOKEN;
    delete process.env.BELLWETHER_TOKEN;
    try {
      const code = await main(["node", "bellwether", "serve", "--host", "0.0.0.0", "--db", join(dir, "never.db")]);
      expect(code).toBe(2);
    } finally {
      process.stderr.write = write;
      if (saved !== undefined) process.env.BELLWETHER_TOKEN = saved;
    }
    expect(errors.join("")).toMatch(/without a token/);
  });
});
