// Bounded reading: pages that nest deeply or hold many elements are read (or refused) in bounded time, off the main
// thread, and neither a batch nor the server waits on them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "../src/app/ingest.js";
import { ReaderPool } from "../src/app/reader-pool.js";
import { parseHtmlDocument } from "../src/ingest/html.js";
import { readHtmlBounded, ReadBudgetError } from "../src/ingest/html-reader.js";
import { flattenMarkup, markupShape, MAX_NESTING, overBudget } from "../src/ingest/markup.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";
import { tokenize } from "../src/extract/01-tokens.js";

const SENTENCE = "Officials said on Monday that the two leaders could meet in Gyeongju next week.";
const nested = (n: number, tag = "div") => `<html lang="en"><head><title>Deep page</title><meta property="og:site_name" content="Deep Times"></head><body>${`<${tag}>`.repeat(n)}<p>${SENTENCE}</p>${`</${tag}>`.repeat(n)}</body></html>`;

describe("markup budget", () => {
  it.each([
    ["flat paragraphs", "<p>a</p><p>b</p><p>c</p>", 0, 3],
    ["unclosed paragraphs do not nest", "<div><p>a<p>b<p>c</div>", 1, 4],
    ["void elements do not nest", "<div><br><img src=x><hr></div>", 1, 4],
    ["nesting counted", "<div><section><article><p>x</p></article></section></div>", 3, 4],
    ["script content is not markup", "<div><script>if (a<b) { '<div><div>' }</script></div>", 1, 2],
    ["an unclosed tag ends the markup", "<div><div><span", 2, 2],
  ])("%s", (_name, html, depth, elements) => {
    expect(markupShape(html)).toMatchObject({ depth, elements });
  });

  it("flattens a deep page to its metadata and paragraphs", () => {
    const flat = flattenMarkup(nested(5000));
    expect(markupShape(flat).depth).toBeLessThanOrEqual(3);
    const a = parseHtmlDocument(nested(5000));
    expect(a).toMatchObject({ title: "Deep page", outlet: "Deep Times", language: "en", text: SENTENCE });
  });

  it.each([100, 1000, 5000, 90_000])("reads %i nested divs within 2 s", (n) => {
    const html = nested(n);
    const t = performance.now();
    const a = parseHtmlDocument(html);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(a.text).toBe(SENTENCE);
    expect(overBudget(markupShape(html))).toBe(n > MAX_NESTING);
  });

  it("reads a page of one enormous word in linear time", () => {
    const t = performance.now();
    const doc = tokenize(`${"a".repeat(300_000)} ${SENTENCE}`);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(doc.tokens.at(-1)!.text).toBe(".");
    for (const tok of doc.tokens) expect(doc.text.slice(tok.start, tok.end)).toBe(tok.text);
  });
});

describe("reading off the main thread", () => {
  it("fails a page over its time budget with a clear error, then reads the next", async () => {
    await readHtmlBounded("<p>start the reader</p>");
    const big = `<html><body>${`<div><p>${SENTENCE}</p></div>`.repeat(3000)}</body></html>`;
    await expect(readHtmlBounded(big, {}, 1)).rejects.toThrow(ReadBudgetError);
    await expect(readHtmlBounded(big, {}, 1)).rejects.toThrow(/took longer than 0.001 s to read/);
    await expect(readHtmlBounded(nested(1000))).resolves.toMatchObject({ text: SENTENCE });
  });

  it("a bounded reader pool fails a document over budget and reads the others", async () => {
    const pool = new ReaderPool(1, { budgetMs: 1 });
    try {
      const slow = pool.submit({ id: "slow", text: `${SENTENCE} `.repeat(4000), date: "2025-10-18" });
      await expect(pool.take(slow)).rejects.toThrow(/took longer than 0.001 s/);
    } finally {
      await pool.close();
    }
    const roomy = new ReaderPool(1, { budgetMs: 20_000 });
    try {
      const ok = roomy.submit({ id: "ok", text: SENTENCE, date: "2025-10-18" });
      await expect(roomy.take(ok)).resolves.toMatchObject({ article: { id: "ok" } });
      expect(roomy.read).toEqual({ workers: 1, caller: 0 });
    } finally {
      await roomy.close();
    }
  });
});

describe("a batch and a server with hostile pages", () => {
  let dir: string;
  let store: Store;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bw-bounded-"));
  });
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a folder with a deeply nested 1 MB page goes on to the pages after it", async () => {
    const docs = join(dir, "docs");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(docs);
    writeFileSync(join(docs, "a.html"), `<html><body><article><p>${SENTENCE}</p><p>Reuters reported the talks.</p></article></body></html>`);
    writeFileSync(join(docs, "b.html"), nested(90_000, "span"));
    writeFileSync(join(docs, "c.txt"), `Title: Later\nDate: 2025-10-19\n\nSEOUL - Officials said the summit would go ahead on Friday as planned.`);
    store = await openStore({ path: join(dir, "store.db") });
    const t = performance.now();
    const summary = await ingestInputs(store, [docs], { readerThreads: 0 });
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(summary.new + summary.near_duplicate + summary.failed.length).toBe(3);
    expect(summary.new).toBeGreaterThanOrEqual(2);
  });

  it("a long submitted article does not stall other requests", async () => {
    const app = await buildServer({ store, today: () => "2025-10-20" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const text = `SEOUL - ${SENTENCE} `.repeat(2200);
      const posting = fetch(`${base}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, date: "2025-10-20" }) });
      const waits: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        const res = await fetch(`${base}/api/access`);
        expect(res.status).toBe(200);
        waits.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
      const res = await posting;
      // Read within the budget or refused for it; either way the other requests were answered meanwhile.
      expect([200, 201, 422]).toContain(res.status);
      if (res.status === 422) expect((await res.json()).message).toMatch(/took longer than 2 s/);
      expect(Math.max(...waits)).toBeLessThan(500);
    } finally {
      await app.close();
    }
  });
});
