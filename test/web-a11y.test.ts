// Every page of the UI at a laptop's size and a phone's: axe-core finds no violation, nothing is wider than the screen,
// each route has its own title and one heading, chart labels stay readable and every target can be tapped.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAPTOP, PHONE, apiJson, axe, overflow, ready, startRig, type WebRig } from "./support/web.js";

let rig: WebRig;
let pages: string[];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  rig = await startRig();
  const [stories, claims, questions, articles] = await Promise.all([apiJson(rig, "/api/stories"), apiJson(rig, "/api/claims"), apiJson(rig, "/api/questions"), apiJson(rig, "/api/articles")]);
  const byOrigins = [...claims].sort((a: Json, b: Json) => b.origins.length - a.origins.length);
  // Every route, every story and question, and the claims and articles that draw the most: the widest graphs, a claim
  // told both ways, a claim without a place, the longest article, a wire copy.
  const contested = claims.find((c: Json) => c.origin_sides.against > 0 && c.origin_sides.for > 0);
  const bare = claims.find((c: Json) => !c.place && !c.when);
  const copy = articles.find((a: Json) => a.near_duplicate_of);
  pages = [
    "/",
    "/stories",
    ...stories.map((s: Json) => `/stories/${s.id}`),
    "/claims",
    ...[byOrigins[0], byOrigins[1], contested, bare].filter(Boolean).map((c: Json) => `/claims/${c.id}`),
    "/questions",
    ...questions.questions.map((q: Json) => `/questions/${q.id}`),
    "/actors",
    "/actors/person%3Akim-jong-un",
    "/actors/country%3AKP",
    `/articles/${articles[0].id}`,
    `/articles/${copy.id}`,
    "/search?q=summit",
    "/search?q=Singapore&offset=25",
    "/search?q=nothing-matches-this",
    "/read",
    "/glossary",
    "/no-such-page",
  ];
});

afterAll(async () => {
  await rig?.close();
});

/** Opens each page and collects what fails: axe violations, overflow, a missing title or heading. */
async function sweep(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const titles = new Map<string, string>();
  for (const path of pages) {
    await page.goto(rig.base + path);
    await ready(page);
    for (const v of await axe(page)) problems.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(", ")}`);
    const wide = await overflow(page);
    if (wide > 0) problems.push(`${path}: ${wide}px wider than the screen`);
    const title = await page.title();
    if (!/ · bellwether$/.test(title)) problems.push(`${path}: title "${title}" does not name the page`);
    titles.set(path, title);
    const h1 = await page.locator("h1").count();
    if (h1 !== 1) problems.push(`${path}: ${h1} level-one headings`);
  }
  // A title per route: pages of different things are told apart in the tab and in history.
  const distinct = new Set(titles.values());
  if (distinct.size < titles.size - 1) problems.push(`only ${distinct.size} distinct titles for ${titles.size} pages`);
  return problems;
}

// axe runs over every page twice: on a shared, loaded machine that alone can pass a minute, and speed is not what
// these sweeps judge.
const SWEEP_TIMEOUT = 240_000;

describe("every page, on a laptop and on a phone", () => {
  it("has no axe violation, fits the screen, and has its own title and one heading at 1440×900", async () => {
    const page = await rig.page(LAPTOP);
    expect(await sweep(page)).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);

  it("has no axe violation, fits the screen, and has its own title and one heading at 390×844", async () => {
    const page = await rig.page(PHONE);
    expect(await sweep(page)).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);

  it("keeps states a reader opens accessible too: a definition, the phone menu, an update's sentences, a filtered graph, a pasted text's summary", async () => {
    const page = await rig.page(PHONE);
    const problems: string[] = [];
    const check = async (what: string) => {
      for (const v of await axe(page)) problems.push(`${what}: ${v.id} at ${v.nodes.slice(0, 3).join(", ")}`);
      const wide = await overflow(page);
      if (wide > 0) problems.push(`${what}: ${wide}px too wide`);
    };
    const claims = await apiJson(rig, "/api/claims");
    const top = [...claims].sort((a: Json, b: Json) => b.origins.length - a.origins.length)[0];
    await page.goto(`${rig.base}/claims/${top.id}`);
    await ready(page);
    await page.locator("button.term").first().click();
    await page.getByTestId("term-card").waitFor();
    await check("an open definition");
    await page.getByRole("button", { name: "Menu" }).click();
    await check("the open phone menu");
    await page.getByRole("button", { name: "Close menu" }).click();
    await page.getByTestId("origin-filter").selectOption({ index: 1 });
    await check("a graph filtered to one origin");
    await page.goto(`${rig.base}/questions/trump-kim-2025`);
    await ready(page);
    await page.getByTestId("show-evidence").first().click();
    await page.getByTestId("log-evidence").first().waitFor();
    await check("an update's sentences");
    await page.goto(`${rig.base}/read`);
    await ready(page);
    await page.getByLabel("Article text").fill("SEOUL, Oct. 28 - The White House said on Tuesday that Donald Trump and Kim Jong Un will meet at Panmunjom on Oct. 31.");
    await page.getByRole("button", { name: "Read it" }).click();
    await page.getByTestId("preview-summary").waitFor();
    for (const layer of ["entity", "time", "attribution", "event"]) await page.locator(`[data-layer=${layer}]`).check();
    await check("a pasted text's summary with every layer on");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("folds the header away on a phone: a short bar whose menu opens and closes", async () => {
    const page = await rig.page(PHONE);
    await page.goto(rig.base + "/");
    await ready(page);
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).click();
    await ready(page);
    expect(new URL(page.url()).pathname).toBe("/claims");
    // Navigating closes the menu again, and the header does not follow the page down.
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).position)).not.toBe("sticky");
    await page.close();
  });

  it("draws chart and graph labels at a readable size on a phone, tables scroll in their own box, and buttons and fields are at least 24 px", async () => {
    const page = await rig.page(PHONE);
    await page.goto(`${rig.base}/questions/trump-kim-2025`);
    await ready(page);
    await page.getByTestId("probability-chart").waitFor();
    // The chart is drawn in screen pixels: its labels are 12 px on the phone, not a scaled-down 5 px.
    const sizes = await page.locator("[data-testid=probability-chart] text").evaluateAll((els) =>
      els.map((e) => {
        const svg = (e as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Number.parseFloat(getComputedStyle(e).fontSize) * scale;
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // And none is cut off at the chart's edges.
    const clipped = await page.locator("[data-testid=probability-chart] text").evaluateAll((els) =>
      els.filter((e) => {
        const b = (e as SVGTextElement).getBBox();
        const w = (e as SVGTextElement).ownerSVGElement!.viewBox.baseVal.width;
        return b.x < 0 || b.x + b.width > w;
      }).map((e) => e.textContent),
    );
    expect(clipped).toEqual([]);
    // The indicators table is wider than a phone: it scrolls inside its box, and the page does not.
    const box = page.getByRole("region", { name: "Indicators table" });
    const [inner, outer] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(inner).toBeGreaterThan(outer);
    expect(await overflow(page)).toBe(0);
    const small = await page.locator("button:visible, select:visible, input:visible").evaluateAll((els) =>
      els
        .map((e) => ({ html: e.outerHTML.slice(0, 80), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.height < 24 || r.width < 24))
        .map(({ html, r }) => `${html} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    // Radio buttons and checkboxes are 18 px boxes inside labels at least 24 px tall; everything else is 24 px itself.
    expect(small.filter((s) => !/type="(radio|checkbox)"/.test(s))).toEqual([]);
    const labels = await page.locator("label:has(input[type=radio]), label:has(input[type=checkbox])").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    for (const h of labels) expect(h).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it("logs no page errors", () => {
    expect(rig.errors).toEqual([]);
  });
});
