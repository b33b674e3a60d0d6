// The web UI in a real browser (Debian's chromium driven by playwright-core) against the built UI and a demo store:
// what a newcomer must be able to find and follow on each page, checked against the API.
import { copyFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAPTOP, PHONE, ROOT, SHOTS, apiJson, ready, startRig, type WebRig } from "./support/web.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let rig: WebRig;
let page: Page;

const api = (path: string) => apiJson(rig, path);

async function open(path: string): Promise<void> {
  await page.goto(rig.base + path);
  await ready(page);
}

async function shot(name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** True when the element's box lies (at least partly) inside the window. */
async function inView(selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });
}

beforeAll(async () => {
  rig = await startRig();
  page = await rig.page(LAPTOP);
});

afterAll(async () => {
  await rig?.close();
});

describe("home and stories", () => {
  it("lists the questions with their probabilities and the stories newest first, every count a link with its plural right", async () => {
    await open("/");
    const stories = await api("/api/stories");
    const shown = await page.getByTestId("story-list").locator("li.story-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-story")));
    // The API gives the stories newest activity first, the first page of them when no page is asked for; the home page
    // shows that page as it comes.
    const newest = stories;
    for (let i = 1; i < newest.length; i++) expect((newest[i - 1].last_published ?? "") >= (newest[i].last_published ?? "")).toBe(true);
    expect(shown).toEqual(newest.map((s: Json) => s.id));
    const text = await page.getByTestId("story-list").textContent();
    expect(text).not.toMatch(/\b1 articles\b|\b1 claims\b|\b1 outlets\b/);
    // Each count links to the part of the story page it counts.
    const first = newest[0];
    const counts = page.locator(`[data-story="${first.id}"] [data-number]`);
    expect(await counts.evaluateAll((els) => els.map((e) => [e.getAttribute("data-number"), e.getAttribute("href"), e.textContent]))).toEqual([
      ["articles", `/stories/${first.id}#articles`, `${first.articles.length} article${first.articles.length === 1 ? "" : "s"}`],
      ["outlets", `/stories/${first.id}#articles`, `${first.outlets} outlet${first.outlets === 1 ? "" : "s"}`],
      ["claims", `/stories/${first.id}#claims`, `${first.reported_claims.length} claim${first.reported_claims.length === 1 ? "" : "s"}`],
    ]);
    const questions = (await api("/api/questions")).questions;
    const probs = await page.getByTestId("question-list").locator("[data-probability]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-probability"))));
    expect(probs.sort()).toEqual(questions.map((q: Json) => q.probability).sort());
    for (const label of ["Stories", "Claims", "Questions", "Actors", "Search", "Read an article", "Glossary"]) expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).count()).toBe(1);
    await shot("home");
  });

  it("leads a story with its coverage and every claim its articles report, most independent origins first, claims filed elsewhere included", async () => {
    const stories = await api("/api/stories");
    // The Singapore story: its central claim, the summit, is filed under the earlier story that first reported it.
    const story = stories.find((s: Json) => /Singapore chosen/.test(s.title));
    const detail = await api(`/api/stories/${story.id}`);
    const summit = detail.reported_claim_list.find((c: Json) => /met in Singapore on June 12, 2018/.test(c.statement));
    expect(summit).toBeDefined();
    expect(story.claims).not.toContain(summit.id);
    await open(`/stories/${story.id}`);
    const rows = page.getByTestId("story-claims").getByTestId("claim-row");
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-claim")));
    expect(ids).toEqual(detail.reported_claim_list.map((c: Json) => c.id));
    const origins = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-origins"))));
    expect(origins).toEqual([...origins].sort((a, b) => b - a));
    expect(ids[0]).toBe(summit.id);
    // A claim filed under another story names that story by its title, which the story page itself carries.
    const home = stories.find((s: Json) => s.id === summit.home);
    expect(detail.home_titles[summit.home]).toBe(home.title);
    expect(await rows.first().getByRole("link", { name: home.title, exact: true }).getAttribute("href")).toBe(`/stories/${home.id}`);
    // Coverage before the claims, before the articles.
    const order = await page.evaluate(() => ["coverage", "story-claims", "story-timeline"].map((id) => document.querySelector(`[data-testid=${id}]`)!.getBoundingClientRect().top));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const coverage = await page.getByTestId("coverage").textContent();
    expect(coverage).toContain(`${detail.coverage.origins} independent origins`);
    expect(coverage).toContain(`▲ ${detail.coverage.for} for`);
    expect(coverage).toContain(`▼ ${detail.coverage.against} against`);
    // Statements lead; the structured label is metadata beneath.
    const firstRow = rows.first();
    expect(await firstRow.locator(".claim-statement").textContent()).toBe(summit.statement);
    expect(await firstRow.locator(".claim-label code").textContent()).toBe(summit.summary);
    await shot("story");
  });

  it("lists every story on the stories page, a page at a time, with the total", async () => {
    // 25 more stories (as the grouping writes them), newer than the demo's, so the list takes more than one page;
    // removed again at the end.
    const extra = Array.from({ length: 25 }, (_, i) => {
      const day = `2030-01-${String(i + 1).padStart(2, "0")}`;
      return { id: `s-paged${String(i).padStart(7, "0")}`, title: `Paged story ${i + 1}`, first_published: day, last_published: day };
    });
    const before = Number((await fetch(`${rig.base}/api/stories?limit=1000`)).headers.get("x-total-count"));
    // Kept reads follow the store once renewed: asks each page this test and the next ones read (the pages' own
    // requests among them) until it tells the total `n`.
    const listOf = async (n: number) => {
      let whole: { total: number; body: Json[] } = { total: -1, body: [] };
      for (const path of ["/api/stories?offset=0&limit=20", "/api/stories?offset=20&limit=20", "/api/stories", "/api/stories?limit=1000"]) {
        for (const until = Date.now() + 30_000; ; ) {
          const res = await fetch(`${rig.base}${path}`);
          whole = { total: Number(res.headers.get("x-total-count")), body: (await res.json()) as Json[] };
          if (whole.total === n || Date.now() > until) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      return whole;
    };
    const cards = () => page.getByTestId("story-list").locator("li.story-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-story")));
    await rig.store.db.insertInto("stories").values(extra).execute();
    try {
      const all = await listOf(before + 25);
      expect(all.total).toBe(before + 25);
      expect(all.body.slice(0, 25).map((s) => s.id)).toEqual(extra.map((s) => s.id).reverse());
      await open("/stories");
      expect(await cards()).toEqual(all.body.slice(0, 20).map((s) => s.id));
      expect(await page.locator(".list-total").textContent()).toBe(`1–20 of ${all.total} stories`);
      await page.getByRole("link", { name: /^Older/ }).click();
      await ready(page);
      expect(await cards()).toEqual(all.body.slice(20, 40).map((s) => s.id));
      expect(await page.locator(".list-total").textContent()).toBe(`21–${Math.min(40, all.total)} of ${all.total} stories`);
      await page.getByRole("link", { name: /^← Newer 20/ }).click();
      await ready(page);
      expect(await cards()).toEqual(all.body.slice(0, 20).map((s) => s.id));
      // The front page shows the first page and links to the whole list.
      await open("/");
      expect(await cards()).toEqual(all.body.slice(0, 20).map((s) => s.id));
      expect(await page.locator('[data-number="stories"]').textContent()).toBe(`All ${all.total} stories →`);
    } finally {
      await rig.store.db.deleteFrom("stories").where("id", "in", extra.map((s) => s.id)).execute();
      expect((await listOf(before)).total).toBe(before);
    }
  });

  it("shows each claim on every story that reports it", async () => {
    const [stories, claims] = await Promise.all([api("/api/stories"), api("/api/claims")]);
    const storyOf = new Map<string, string[]>();
    for (const s of stories) for (const a of s.articles) storyOf.set(a, [...(storyOf.get(a) ?? []), s.id]);
    const multi = claims.filter((c: Json) => new Set(c.reports.flatMap((r: Json) => storyOf.get(r.article) ?? [])).size > 1);
    expect(multi.length).toBeGreaterThan(0);
    const c = multi[0];
    for (const id of new Set<string>(c.reports.flatMap((r: Json) => storyOf.get(r.article) ?? []))) {
      await open(`/stories/${id}`);
      expect(await page.locator(`[data-testid=story-claims] [data-claim="${c.id}"]`).count(), id).toBe(1);
    }
  });
});

describe("a claim", () => {
  it("reads as its statement with human dates, explains its status with the report that caused it, and lists its stories and questions", async () => {
    const claims = await api("/api/claims");
    const target = claims.find((c: Json) => /met in Singapore on June 12, 2018/.test(c.statement));
    const c = await api(`/api/claims/${target.id}`);
    await open(`/claims/${c.id}`);
    expect(await page.locator("h1").textContent()).toBe(c.statement);
    expect(await page.title()).toBe(`Claim: ${c.statement} · bellwether`);
    const facts = await page.locator(".facts").textContent();
    expect(facts).toContain("12 Jun 2018");
    expect(facts).toContain(c.summary);
    expect(facts).not.toContain("2018-06-12T");
    // The status says why, and its link lands on the report behind it.
    const now = c.status_history.at(-1);
    expect(await page.getByTestId("status-why").textContent()).toContain(now.why);
    await page.getByTestId("status-why").getByRole("link", { name: "Read the report" }).click();
    const card = page.locator(`[id="report-${now.report}"]`);
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await inView(`[id="report-${now.report}"]`)).toBe(true);
    // Every step of the history has its reason and its report.
    const steps = page.getByTestId("status-history").locator("li");
    expect(await steps.count()).toBe(c.status_history.length);
    for (let i = 0; i < c.status_history.length; i++) {
      expect(await steps.nth(i).locator(".why").textContent()).toContain(c.status_history[i].why);
      if (c.status_history[i].report) expect(await steps.nth(i).locator("a").getAttribute("href")).toBe(`#report-${c.status_history[i].report}`);
    }
    expect(await page.getByTestId("claim-stories").locator("li").count()).toBe(c.stories.length);
    expect(c.stories.length).toBeGreaterThan(1);
    expect(await page.getByTestId("claim-questions").locator("a[data-number=move]").count()).toBe(c.questions.reduce((n: number, q: Json) => n + q.moves.length, 0));
    expect(Number(await page.getByTestId("report-count").textContent())).toBe(c.reports.length);
    expect(Number(await page.getByTestId("origin-count").textContent())).toBe(c.origins.length);
    const triggers = await page.locator("[data-testid=report] [data-testid=evidence] mark.hl-trigger").allTextContents();
    expect(triggers.sort()).toEqual(c.reports.filter((r: Json) => r.evidence?.trigger).map((r: Json) => r.trigger).sort());
    await shot("claim");
  });

  it("opens an inline definition for each term, inside the screen, closed by Escape", async () => {
    const claims = await api("/api/claims");
    await open(`/claims/${claims[0].id}`);
    const glossary = await api("/api/glossary");
    const status = page.locator(".claim-sub [data-status] button.term");
    await status.click();
    const card = page.getByTestId("term-card");
    const term = glossary.terms.find((t: Json) => t.id === `status-${claims[0].status}`);
    expect(await card.textContent()).toContain(term.short);
    expect(await card.getByRole("link", { name: "Glossary" }).getAttribute("href")).toBe(`/glossary#status-${claims[0].status}`);
    await page.keyboard.press("Escape");
    expect(await card.count()).toBe(0);
    // On a phone, the definition stays inside the screen.
    const phone = await rig.page(PHONE);
    await phone.goto(`${rig.base}/claims/${claims[0].id}`);
    await ready(phone);
    await phone.locator(".facts button.term").first().click();
    const box = await phone.getByTestId("term-card").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await phone.close();
  });

  it("has an interactive provenance graph: focus highlights a report, a click opens it, an origin filters, sides are marked, each hop is drawn", async () => {
    const claims = await api("/api/claims");
    // A claim told both ways, whose reports cite intermediate sources.
    const candidates = claims.filter((c: Json) => c.origin_sides.against > 0 && c.reports.some((r: Json) => r.chain.length > 1));
    const target = candidates.sort((a: Json, b: Json) => b.reports.length - a.reports.length)[0];
    const c = await api(`/api/claims/${target.id}`);
    await open(`/claims/${c.id}`);
    const reports = page.getByTestId("graph-report");
    expect(await reports.count()).toBe(c.reports.filter((r: Json) => r.origin).length);
    expect(await page.getByTestId("graph-origin").count()).toBe(c.origins.length);
    expect(await page.getByTestId("graph-hop").count()).toBeGreaterThan(0);
    const against = c.reports.filter((r: Json) => ["unplanned", "refused", "called_off", "failed"].includes(r.stance)).length;
    expect(await page.locator("[data-testid=graph-report].against").count()).toBe(against);
    expect(await page.locator("path.edge.against").count()).toBeGreaterThan(0);
    // Keyboard focus on a node lights its path and its report card.
    const first = c.reports.find((r: Json) => r.origin);
    await page.locator(`[data-testid=graph-report][data-report="${first.id}"]`).focus();
    expect(await page.locator(`[id="report-${first.id}"]`).getAttribute("class")).toContain("lit");
    expect(await page.locator(`path.edge.lit[data-report="${first.id}"]`).count()).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => inView(`[id="report-${first.id}"]`)).toBe(true);
    // Choosing an origin leaves its reports alone, in the graph and in the list of reports.
    const origin = c.origins[0];
    await page.locator(`[data-testid=graph-origin][data-origin="${origin.id}"]`).click();
    expect(await page.getByTestId("graph-report").count()).toBe(origin.reports.length);
    expect(await page.getByTestId("report").count()).toBe(origin.reports.length);
    await page.getByTestId("origin-filter").selectOption("");
    expect(await page.getByTestId("report").count()).toBe(c.reports.length);
    // On a phone the graph is a list of origins and their reports.
    const phone = await rig.page(PHONE);
    await phone.goto(`${rig.base}/claims/${c.id}`);
    await ready(phone);
    expect(await phone.getByTestId("provenance-graph").isVisible()).toBe(false);
    expect(await phone.getByTestId("provenance-list").isVisible()).toBe(true);
    expect(await phone.getByTestId("provenance-list").locator("ul > li").count()).toBe(c.reports.filter((r: Json) => r.origin).length);
    await phone.close();
  });
});

describe("a question", () => {
  it("charts the replayed path with time alone beside it, a legend, day ticks, a marker for its biggest move, and a scale that zooms", async () => {
    const questions = (await api("/api/questions")).questions;
    for (const q of questions) {
      await open(`/questions/${q.id}`);
      const detail = await api(`/api/questions/${q.id}`);
      expect(Number(await page.getByTestId("last-point").getAttribute("data-probability"))).toBeCloseTo(detail.probability, 12);
      expect(Number(await page.getByTestId("question-probability").getAttribute("data-probability"))).toBeCloseTo(detail.probability, 12);
    }
    await open("/questions/trump-kim-2025");
    const q = await api("/api/questions/trump-kim-2025");
    expect(await page.getByTestId("time-alone-line").count()).toBe(1);
    for (const entry of ["probability", "time alone", "a report raised it", "a report lowered it", "time passing", "resolution"]) expect(await page.getByRole("list", { name: "Legend" }).textContent()).toContain(entry);
    // The day that moved it most, whatever moved it, has a marker.
    const byDay = new Map<string, number>();
    for (const u of q.updates) byDay.set(u.at.slice(0, 10), (byDay.get(u.at.slice(0, 10)) ?? 0) + u.points);
    const biggestTime = [...q.updates].filter((u: Json) => u.kind === "time").sort((a: Json, b: Json) => a.points - b.points)[0];
    expect(await page.locator(`[data-testid=update-marker][data-day="${biggestTime.at.slice(0, 10)}"]`).getAttribute("data-kind")).toMatch(/time|evidence|resolution/);
    // Day ticks: labels are days ("18 Oct"), not months ("2025-10").
    const ticks = await page.getByTestId("x-tick").allTextContents();
    expect(ticks.length).toBeGreaterThan(4);
    for (const t of ticks) expect(t).toMatch(/^(\d{1,2} )?[A-Z][a-z]{2}$/);
    // This question lives below 25%: zoomed, the axis stops well short of 100%; the whole scale reaches it.
    const top = async () => Math.max(...(await page.getByTestId("y-tick").allTextContents()).map((t) => Number.parseFloat(t)));
    expect(await top()).toBeLessThan(50);
    await page.getByLabel("0–100%").check();
    expect(await top()).toBe(100);
    await page.getByRole("radio", { name: "Log-odds" }).check();
    expect(await page.getByTestId("probability-chart").getAttribute("data-scale")).toBe("logodds");
    expect((await page.getByTestId("y-tick").allTextContents()).some((t) => /^0\.\d+%$|^[1-9]%$/.test(t))).toBe(true);
    await page.getByLabel("Zoom to the data").check();
    await shot("question");
  });

  it("has a crosshair with date and value, moved by pointer and keys, and a chosen day marked apart from the focus", async () => {
    await open("/questions/trump-kim-2025");
    const q = await api("/api/questions/trump-kim-2025");
    const surface = page.getByTestId("chart-surface");
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.getByTestId("crosshair").waitFor();
    const readout = await page.getByTestId("chart-readout").textContent();
    expect(readout).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}: \d+(\.\d+)?% · time alone \d+(\.\d+)?%/);
    await page.mouse.move(0, 0);
    // Keys: focus the chart, step through the days that moved it, choose one with Enter.
    await surface.focus();
    await page.keyboard.press("Home");
    const days = await page.getByTestId("update-marker").evaluateAll((els) => els.map((e) => e.getAttribute("data-day")!));
    expect(await page.getByTestId("chart-readout").textContent()).toMatch(/press Enter to show|shown below/);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid=update-panel][data-day="${days[1]}"]`).waitFor();
    // The chosen day is marked with a halo and a band; the focus is a dashed outline and a dashed crosshair.
    expect(await page.locator(`[data-testid=update-marker][data-day="${days[1]}"]`).getAttribute("class")).toContain("selected");
    expect(await page.locator(".selected-band").count()).toBe(1);
    const focusStyle = await surface.evaluate((el) => getComputedStyle(el).outlineStyle);
    const crossStyle = await page.locator("[data-testid=crosshair] line").first().evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(focusStyle).toBe("dashed");
    expect(crossStyle).not.toBe("none");
    const panel = await page.getByTestId("update-panel").textContent();
    for (const u of q.updates.filter((x: Json) => x.at.slice(0, 10) === days[1])) expect(panel).toContain(u.words.replace(/^[+−±][\d.]+ pts: /, ""));
  });

  it("says each move in signed points and plain words, and each log row opens its sentences where it stands", async () => {
    await open("/questions/trump-kim-2025");
    const q = await api("/api/questions/trump-kim-2025");
    const evidence = q.updates.filter((u: Json) => u.kind === "evidence");
    expect(evidence.length).toBeGreaterThan(0);
    for (const u of evidence) expect(u.words).toMatch(/^[+−]\d+(\.\d+)? pts: .+ — .+, (certain|probable|possible|uncommitted), (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+th) independent origin$/);
    // The biggest moves come first in "Why it moved".
    const contributions = await page.getByTestId("contributions").locator("a[data-number=contribution]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-update"))));
    const sizes = contributions.map((i) => Math.abs(q.updates[i].points));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // A log row far down the page opens its sentences right where it is, in view.
    const row = evidence.at(-1);
    const button = page.locator(`[data-testid=log-row][data-index="${row.index}"] [data-testid=show-evidence]`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const shown = page.locator(`[data-testid=log-row][data-index="${row.index}"] [data-testid=log-evidence]`);
    await shown.waitFor();
    expect(await inView(`[data-testid=log-row][data-index="${row.index}"] [data-testid=log-evidence]`)).toBe(true);
    expect(await shown.locator(".sentence").allTextContents()).toEqual(row.evidence.map((e: Json) => e.text));
    // Scores beside the prior-only baseline.
    const scores = await page.getByTestId("scores").textContent();
    expect(scores).toContain(q.scores.brier.toFixed(4));
    expect(scores).toContain(q.baseline_scores.brier.toFixed(4));
    expect(scores).toMatch(/(better|worse) than the baseline|the same/);
    expect(await page.getByTestId("indicators").locator("tbody tr").count()).toBe(q.indicators.length);
  });

  it("reaches the sentence behind each number of a question page in at most three clicks from the home page", async () => {
    const q = await api("/api/questions/trump-kim-2025");
    await open("/");
    const numbers = await (async () => {
      await page.getByTestId("question-list").getByRole("link", { name: q.title }).click();
      await ready(page);
      return page.locator("main [data-number]").evaluateAll((els) => els.map((e, i) => ({ i, kind: e.getAttribute("data-number"), update: e.getAttribute("data-update"), text: e.textContent })));
    })();
    expect(numbers.length).toBeGreaterThan(10);
    const kinds = new Set(numbers.map((n) => n.kind));
    for (const k of ["probability", "prior", "contribution", "evidence-points", "time-points", "indicator-updates", "brier", "baseline-brier"]) expect(kinds, k).toContain(k);
    for (const n of numbers) {
      // Click 1 (home → question) is done for every number alike: each starts from a fresh question page.
      await open("/");
      await page.getByTestId("question-list").getByRole("link", { name: q.title }).click();
      await ready(page);
      const link = page.locator("main [data-number]").nth(n.i);
      await link.scrollIntoViewIfNeeded();
      await link.click(); // click 2
      let target: Json;
      if (n.update !== null) {
        target = q.updates[Number(n.update)];
      } else {
        // A total or a count: the log shows the updates it adds up; the first row's sentences are click 3.
        await expect.poll(() => inView("#log")).toBe(true);
        if ((await page.getByTestId("log-row").count()) === 0) {
          expect(n.text).toMatch(/^(0|±0 pts)$/);
          expect(await page.locator("#log + .filters").textContent()).toContain("0 updates");
          continue;
        }
        const row = page.getByTestId("log-row").first();
        target = q.updates[Number(await row.getAttribute("data-index"))];
        if (target.evidence.length) await row.getByTestId("show-evidence").click();
      }
      const row = page.locator(`[data-testid=log-row][data-index="${target.index}"]`);
      await expect.poll(() => inView(`[data-testid=log-row][data-index="${target.index}"]`), `${n.kind} ${n.text}`).toBe(true);
      if (target.evidence.length) {
        const sentences = await row.locator("[data-testid=log-evidence] .sentence").allTextContents();
        expect(sentences, `${n.kind} ${n.text}`).toEqual(target.evidence.map((e: Json) => e.text));
      } else {
        // Time passing and deadlines have no sentence: the row says what moved it.
        expect(await row.locator(".log-words").textContent()).toBe(target.words.replace(/^[+−±][\d.]+ pts: /, ""));
      }
    }
  });
});

describe("articles, search and the glossary", () => {
  it("lists an article's claims, story and the questions it moved, and marks the sentence a report cites", async () => {
    const claims = await api("/api/claims");
    const q = await api("/api/questions/trump-kim-2025");
    const moving = q.updates.find((u: Json) => u.kind === "evidence");
    const report = moving.evidence[0];
    await open(`/articles/${report.article}`);
    const a = await api(`/api/articles/${report.article}`);
    expect(await page.getByTestId("article-claims").locator("> li").count()).toBe(a.ledger.claims.length);
    expect(await page.getByTestId("article-stories").locator("li").count()).toBe(a.ledger.stories.length);
    expect(a.ledger.stories.length).toBe(1);
    expect(await page.getByTestId("article-questions").textContent()).toContain(q.title);
    const mine = claims.filter((c: Json) => c.reports.some((r: Json) => r.article === report.article)).map((c: Json) => c.id).sort();
    expect(a.ledger.claims.map((c: Json) => c.id).sort()).toEqual(mine);
    // Layers are off: the text is plain until one is chosen.
    expect(await page.getByTestId("reading-text").locator("mark").count()).toBe(0);
    await page.locator(`[data-testid=article-claims] a[href="#s${report.sentence}"]`).first().click();
    expect(await page.getByTestId("reading-text").locator("mark.hl-focus").textContent()).toBe(report.text);
    await shot("article");
  });

  it("searches with a total, pages, highlighted terms, entities first, and claims found by everyday words", async () => {
    await open("/");
    await page.getByLabel("Search the ledger").fill("summit");
    await page.getByLabel("Search the ledger").press("Enter");
    await page.getByTestId("search-results").waitFor();
    expect(new URL(page.url()).search).toBe("?q=summit");
    const r = await api("/api/search?q=summit&limit=25");
    expect(r.total).toBeGreaterThan(25);
    expect(await page.locator(".search-total").textContent()).toContain(`1–25 of ${r.total} results`);
    const kinds = await page.locator(".hit").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds).toEqual(r.results.map((h: Json) => h.kind));
    expect(kinds.indexOf("entity")).toBe(0);
    expect(kinds.lastIndexOf("entity")).toBeLessThan(kinds.indexOf("claim"));
    for (const m of await page.locator(".hit mark.hl-query").allTextContents()) expect(m.toLowerCase()).toBe("summit");
    // "summit" names a meeting: meeting claims whose statements never say "summit" are found as such.
    const byWord = r.results.filter((h: Json) => h.kind === "claim" && h.found_as === "summit");
    expect(byWord.length).toBeGreaterThan(0);
    expect(byWord.every((h: Json) => h.type === "meet")).toBe(true);
    // The next page.
    await page.getByRole("link", { name: /^Next/ }).click();
    await page.getByTestId("search-results").waitFor();
    expect(new URL(page.url()).searchParams.get("offset")).toBe("25");
    await expect.poll(async () => page.locator(".search-total").textContent()).toContain(`26–${Math.min(50, r.total)} of ${r.total}`);
    await page.reload();
    await page.getByTestId("search-results").waitFor();
    // The header's search box shows what is typed, dark on light.
    const colours = await page.getByLabel("Search the ledger").evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colours[0]).not.toBe(colours[1]);
    expect(colours[1]).toBe("rgb(255, 255, 255)");
    await shot("search");
  });

  it("finds claims told in sentences that name a letter", async () => {
    const r = await api("/api/search?q=letter&limit=100");
    const claims = r.results.filter((h: Json) => h.kind === "claim");
    // Found by a sentence naming a letter, or by the kind of happening a letter is (a communication).
    expect(claims.some((h: Json) => h.snippet.toLowerCase().includes("letter"))).toBe(true);
    for (const h of claims) {
      if (h.snippet.toLowerCase().includes("letter")) continue;
      expect((await api(`/api/claims/${h.id}`)).type).toBe("communicate");
    }
  });

  it("defines every stage, status, stance and certainty, and links a term's anchor", async () => {
    await open("/glossary#status-stale");
    const g = await api("/api/glossary");
    for (const id of ["stage-discussed", "stage-scheduled", "stage-occurred", "stage-called_off", "stage-failed", "status-reported", "status-corroborated", "status-confirmed", "status-denied", "status-contradicted", "status-stale", "origin", "likelihood-ratio", "brier", "log-score", "baseline", "time-alone", "fact-CT+", "cameo", "timex"]) {
      expect(g.terms.map((t: Json) => t.id), id).toContain(id);
      expect(await page.locator(`[id="${id}"] dd`).textContent()).toContain(g.terms.find((t: Json) => t.id === id).short);
    }
    expect(await inView('[id="status-stale"]')).toBe(true);
  });
});

describe("the paste page", () => {
  const TEXT = "SEOUL, Oct. 28 - The White House said on Tuesday that Donald Trump and Kim Jong Un will meet at Panmunjom on Oct. 31, a senior official told reporters. North Korea denied that any meeting was planned.";

  it("leads with what the text would do to the ledger and the questions, with the reading's layers off and a key", async () => {
    await open("/read");
    await page.getByLabel("Article text").fill(TEXT);
    await page.getByLabel("Published").fill("2025-10-28");
    await page.getByRole("button", { name: "Read it" }).click();
    const summary = page.getByTestId("preview-summary");
    await summary.waitFor();
    const res = await fetch(`${rig.base}/api/preview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: TEXT, date: "2025-10-28" }) });
    const p = (await res.json()) as Json;
    expect(await page.getByTestId("preview-claim").count()).toBe(p.claims.length);
    expect(p.claims.some((c: Json) => c.relation === "contradicts" || c.relation === "supports")).toBe(true);
    const moved = p.questions.find((q: Json) => q.id === "trump-kim-2025");
    expect(moved.updates.length).toBeGreaterThan(0);
    expect(await page.getByTestId("preview-questions").textContent()).toContain(moved.title);
    // The summary comes before the reading; the reading starts plain, and a layer comes with its key.
    const [top1, top2] = await page.evaluate(() => ["preview-summary", "reading-text"].map((id) => document.querySelector(`[data-testid=${id}]`)!.getBoundingClientRect().top));
    expect(top1).toBeLessThan(top2);
    expect(await page.getByTestId("reading-text").locator("mark").count()).toBe(0);
    await page.locator("[data-layer=time]").check();
    expect(await page.getByTestId("reading-text").locator("mark.hl-time").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("layer-key").textContent()).toContain("date or time");
    await shot("read");
  });

  it("adds the text to the ledger; where the server guards writes, only with its token", async () => {
    // A store of its own, so the added article changes nothing the other tests read.
    const guarded = await startRig({ token: "s3cret-token-for-tests" });
    try {
      const p = await guarded.page(LAPTOP);
      await p.goto(`${guarded.base}/read`);
      await ready(p);
      await p.getByLabel("Write token").waitFor();
      await p.getByLabel("Article text").fill(TEXT);
      await p.getByRole("button", { name: "Read it" }).click();
      expect(await p.getByRole("alert").textContent()).toMatch(/Bearer token/);
      await p.getByLabel("Write token").fill("s3cret-token-for-tests");
      await p.getByRole("button", { name: "Read it" }).click();
      await p.getByTestId("preview-summary").waitFor();
      const before = (await apiJson(guarded, "/api/articles?limit=500")).length;
      await p.getByTestId("add-to-ledger").click();
      await p.getByRole("link", { name: "open the stored article" }).click();
      await ready(p);
      expect(new URL(p.url()).pathname).toMatch(/^\/articles\//);
      expect(await p.getByTestId("article-claims").locator("> li").count()).toBeGreaterThan(0);
      expect((await apiJson(guarded, "/api/articles?limit=500")).length).toBe(before + 1);
      await p.close();
      expect(guarded.errors.filter((e) => !/401/.test(e))).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});

describe("the frame of every page", () => {
  it("answers 404 with a heading for a page or a thing that does not exist", async () => {
    for (const path of ["/no-such-page", "/claims/c-000000000000", "/stories/s-nope", "/questions/nope", "/articles/nope", "/actors/person%3Anobody"]) {
      const res = await page.goto(rig.base + path);
      expect(res!.status(), path).toBe(404);
      await ready(page);
      expect(await page.locator("h1").textContent(), path).toMatch(/not found/i);
    }
    for (const path of ["/", "/claims", "/glossary", "/read", "/search?q=x", "/questions/trump-kim-2025"]) expect((await page.goto(rig.base + path))!.status(), path).toBe(200);
  });

  it("has a skip link first, moves the focus to the page heading on navigation, and titles each route", async () => {
    await open("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    const titles = new Set<string>();
    for (const name of ["Claims", "Questions", "Glossary"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
      await ready(page);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
      titles.add(await page.title());
    }
    expect([...titles]).toEqual(["Claims · bellwether", "Questions · bellwether", "Glossary · bellwether"]);
    await page.goBack();
    await ready(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("leaves screenshots of the story, claim and question pages for the README", async () => {
    // The pictures are written to screenshots/ on every run; they replace docs/ only when asked
    // (BELLWETHER_UPDATE_SCREENSHOT=1), so a test run leaves the work tree clean.
    const claims = await api("/api/claims");
    const summit = claims.find((c: Json) => /met in Singapore on June 12, 2018/.test(c.statement));
    const stories = await api("/api/stories");
    const story = stories.find((s: Json) => /Singapore chosen/.test(s.title));
    const wide = await rig.page({ width: 1200, height: 760 });
    // Each picture runs from the top of the page to the end of the part it shows.
    const pictures: Array<[string, string, string]> = [
      ["screenshot-story", `/stories/${story.id}`, "[data-testid=story-claims] > li:nth-child(4)"],
      ["screenshot-claim", `/claims/${summit.id}`, "[data-testid=status-history]"],
      ["screenshot-question", "/questions/trump-kim-2025", "[data-testid=chart-readout]"],
    ];
    for (const [name, path, last] of pictures) {
      await wide.goto(rig.base + path);
      await ready(wide);
      const bottom = await wide.locator(last).evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY + 12);
      const file = join(SHOTS, `${name}.png`);
      await wide.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.min(1400, Math.ceil(bottom)) } });
      expect(statSync(file).size).toBeLessThan(300 * 1024);
      if (process.env.BELLWETHER_UPDATE_SCREENSHOT === "1") copyFileSync(file, join(ROOT, "docs", `${name}.png`));
    }
    await wide.close();
    const phone = await rig.page(PHONE);
    await phone.goto(`${rig.base}/questions/trump-kim-2025`);
    await ready(phone);
    await phone.locator("#h-chart").evaluate((el) => el.scrollIntoView());
    const file = join(SHOTS, "screenshot-phone.png");
    await phone.screenshot({ path: file });
    if (process.env.BELLWETHER_UPDATE_SCREENSHOT === "1") copyFileSync(file, join(ROOT, "docs", "screenshot-phone.png"));
    await phone.close();
  });

  it("shows article text as text, never as markup", async () => {
    const text = 'Officials said <img src="x" onerror="window.__owned=1"> <b>bold</b> was not markup, Kim Jong Un said on Monday.';
    const res = await fetch(rig.base + "/api/articles", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, title: "Markup test", date: "2026-01-05" }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await open(`/articles/${id}`);
    for (const layer of ["entity", "time", "attribution", "event"]) await page.locator(`[data-layer=${layer}]`).check();
    const reading = page.getByTestId("reading-text");
    expect(await reading.textContent()).toBe(text);
    expect(await reading.locator("img, b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  it("logs no page errors on any page it opened", () => {
    expect(rig.errors).toEqual([]);
  });
});
