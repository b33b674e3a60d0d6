// The web UI in a real browser: Debian's chromium driven by playwright-core against the built UI and a demo store.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WEB_ROOT = join(ROOT, "dist/web");
const SHOTS = join(ROOT, "screenshots");
const DOCS_SHOT = join(ROOT, "docs/screenshot.png");
const VIEWPORT = { width: 1440, height: 900 };

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function api(path: string): Promise<Json> {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(200);
  return res.json();
}

async function shot(name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" — the UI tests need a real browser`);
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error(`the web UI is not built (no ${WEB_ROOT}/index.html): run "npx vite build" first`);
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "bellwether-web-"));
  store = await openStore({ path: join(dir, "web.db") });
  await loadDemo(store);
  app = await buildServer({ store, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  if (!addr || typeof addr === "string") throw new Error("server did not bind a TCP port");
  base = `http://127.0.0.1:${addr.port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("web UI", () => {
  it("shows the stories and the questions with their probabilities on the home page", async () => {
    await page.goto(base + "/");
    await page.getByTestId("story-list").waitFor();
    await page.getByTestId("question-list").waitFor();
    const stories = await api("/api/stories");
    expect(await page.getByTestId("story-list").locator("li").count()).toBe(stories.length);
    const questions = (await api("/api/questions")).questions;
    const shown = await page.getByTestId("question-list").locator("[data-probability]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-probability"))));
    expect(shown).toEqual(questions.map((q: Json) => q.probability));
    for (const label of ["Stories", "Claims", "Questions", "Actors", "Search", "Read an article"]) await expect(page.getByRole("navigation").getByText(label, { exact: true }).count()).resolves.toBe(1);
    await shot("home");
  });

  it("opens a story, then a claim, whose report and origin counts match the API", async () => {
    const stories = await api("/api/stories");
    const story = [...stories].sort((a: Json, b: Json) => b.claims.length - a.claims.length)[0];
    await page.goto(base + "/");
    await page.getByTestId("story-list").getByText(story.title, { exact: true }).first().click();
    await page.getByTestId("story-timeline").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/stories/${story.id}`);
    const rows = page.getByTestId("claim-row");
    expect(await rows.count()).toBe(story.claims.length);
    await shot("story");

    // The claim with the most reports in this story: its row, then its page.
    const detail = await api(`/api/stories/${story.id}`);
    const target = [...detail.claim_list].sort((a: Json, b: Json) => b.reports - a.reports)[0];
    const row = page.locator(`[data-testid=claim-row][data-claim="${target.id}"]`);
    expect(Number(await row.getAttribute("data-reports"))).toBe(target.reports);
    expect(Number(await row.getAttribute("data-origins"))).toBe(target.origins);
    await row.locator("a").click();
    await page.getByTestId("provenance-graph").waitFor();
    const claim = await api(`/api/claims/${encodeURIComponent(target.id)}`);
    expect(Number(await page.getByTestId("report-count").textContent())).toBe(claim.reports.length);
    expect(Number(await page.getByTestId("origin-count").textContent())).toBe(claim.origins.length);
    expect(await page.getByTestId("report").count()).toBe(claim.reports.length);
    expect(await page.getByTestId("graph-report").count()).toBe(claim.reports.length);
    expect(await page.getByTestId("graph-origin").count()).toBe(claim.origins.length);
    // Each report's sentence is shown with its trigger highlighted.
    const triggers = await page.locator("[data-testid=evidence] mark.hl-trigger").allTextContents();
    expect(triggers.sort()).toEqual(claim.reports.filter((r: Json) => r.evidence?.trigger).map((r: Json) => r.trigger).sort());
    await shot("claim");
  });

  it("charts a question: the last point is the API's probability, and a marker shows its sentences", async () => {
    const questions = (await api("/api/questions")).questions;
    for (const q of questions) {
      await page.goto(`${base}/questions/${encodeURIComponent(q.id)}`);
      const last = page.getByTestId("last-point");
      await last.waitFor({ state: "attached" });
      const api1 = await api(`/api/questions/${encodeURIComponent(q.id)}`);
      expect(Number(await last.getAttribute("data-probability"))).toBeCloseTo(api1.probability, 12);
      expect(Number(await page.getByTestId("question-probability").getAttribute("data-probability"))).toBeCloseTo(api1.probability, 12);
    }
    const id = "trump-kim-2025";
    await page.goto(`${base}/questions/${id}`);
    await page.getByTestId("probability-chart").waitFor();
    const q = await api(`/api/questions/${id}`);
    // One marker per day with evidence; the first day's marker opens that day's updates and their sentences.
    const evidence = q.updates.filter((u: Json) => u.claim);
    const days = [...new Set(evidence.map((u: Json) => u.at.slice(0, 10)))].sort();
    const markers = page.getByTestId("update-marker");
    expect(await markers.evaluateAll((els) => els.map((e) => e.getAttribute("data-day")))).toEqual(days);
    await markers.first().click();
    const panel = page.locator(`[data-testid=update-panel][data-day="${days[0]}"]`);
    await panel.waitFor();
    const firstDay = evidence.filter((u: Json) => u.at.slice(0, 10) === days[0]);
    for (const u of firstDay) await expect(panel.textContent()).resolves.toContain(u.indicator);
    const sentences = await panel.getByTestId("evidence").locator(".sentence").allTextContents();
    expect(sentences).toEqual(firstDay.flatMap((u: Json) => u.evidence.map((e: Json) => e.text)));
    expect(await page.getByTestId("indicators").locator("tbody tr").count()).toBe(q.indicators.length);
    await shot("question");
  });

  it("shows the actor × issue positions and an actor's statements and claims", async () => {
    await page.goto(base + "/actors");
    await page.getByTestId("positions").waitFor();
    await shot("actors");
    await page.getByTestId("positions").getByText("Kim Jong Un", { exact: true }).click();
    await page.getByTestId("said").waitFor();
    const e = await api(`/api/entities/${encodeURIComponent("person:kim-jong-un")}`);
    expect(await page.getByTestId("said").locator("li").count()).toBe(e.said.length);
    expect(await page.getByTestId("said-about").locator("li").count()).toBe(e.said_about.length);
    await shot("actor");
  });

  it("searches from the header and lands on a client-side route that survives a reload", async () => {
    await page.goto(base + "/");
    await page.getByLabel("Search the ledger").fill("Singapore");
    await page.getByLabel("Search the ledger").press("Enter");
    await page.getByTestId("search-results").waitFor();
    expect(new URL(page.url()).search).toBe("?q=Singapore");
    await page.reload();
    await page.getByTestId("search-results").waitFor();
    await shot("search");
  });

  it("reads a pasted article and highlights what it found, in place", async () => {
    await page.goto(base + "/read");
    const text = "SEOUL, Oct. 18 - U.S. officials said on Saturday that a meeting between Donald Trump and Kim Jong Un was under discussion, citing CNN reports.";
    await page.getByLabel("Article text").fill(text);
    await page.getByRole("button", { name: "Read it" }).click();
    const reading = page.getByTestId("reading-text");
    await reading.waitFor();
    expect(await reading.textContent()).toBe(text);
    const people = await reading.locator("mark.hl-entity-person").allTextContents();
    expect(people.join(" ")).toContain("Trump");
    expect(await reading.locator("mark.hl-time").count()).toBeGreaterThan(0);
    await shot("read");
  });

  it("shows article text as text, never as markup", async () => {
    const text = 'Officials said <img src="x" onerror="window.__owned=1"> <b>bold</b> was not markup, Kim Jong Un said on Monday.';
    const res = await fetch(base + "/api/articles", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, title: "Markup test", date: "2026-01-05" }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`${base}/articles/${id}`);
    const reading = page.getByTestId("reading-text");
    await reading.waitFor();
    expect(await reading.textContent()).toBe(text);
    expect(await reading.locator("img, b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    await shot("article");
  });

  it("leaves a small screenshot for the README and logs no page errors", async () => {
    await page.goto(base + "/");
    await page.getByTestId("question-list").waitFor();
    const claims = (await api("/api/claims")).sort((a: Json, b: Json) => b.origins.length - a.origins.length);
    await page.goto(`${base}/claims/${encodeURIComponent(claims[0].id)}`);
    await page.getByTestId("provenance-graph").waitFor();
    await page.setViewportSize({ width: 1200, height: 750 });
    // The README's picture is written to screenshots/ on every run; it replaces docs/screenshot.png only when asked
    // (BELLWETHER_UPDATE_SCREENSHOT=1), so a test run leaves the work tree clean.
    const shot = join(SHOTS, "readme.png");
    await page.screenshot({ path: shot });
    await page.setViewportSize(VIEWPORT);
    expect(statSync(shot).size).toBeLessThan(200 * 1024);
    if (process.env.BELLWETHER_UPDATE_SCREENSHOT === "1") copyFileSync(shot, DOCS_SHOT);
    expect(pageErrors).toEqual([]);
  });
});
