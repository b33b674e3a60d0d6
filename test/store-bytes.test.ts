// What a stored article costs: the bytes of its reading and of what it says about entities, on generated ~600-word
// articles. Record sizes, not pages: a store of a few dozen articles is mostly part-filled pages.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../bench/ingest.js";
import { ingestInputs } from "../src/app/ingest.js";
import { encodeFormerReading, decodeReading, encodeReading, readingIsCurrent } from "../src/store/annotations.js";
import { extract } from "../src/extract/index.js";
import { deflateRawSync } from "node:zlib";
import { articleText, packStoryTerms, storyTermsCompact, unpackStoryTerms } from "../src/store/articles.js";
import { decodeStoryFeatures } from "../src/link/06-stories.js";
import { encodedFeaturesOf } from "../src/app/stories.js";
import { readArticle } from "../src/app/read.js";
import { articlesAfter } from "../src/store/stories.js";
import { openStore, type Store } from "../src/store/index.js";
import { unpackSaid } from "../src/store/said.js";
import { packReportSources, unpackReportSources } from "../src/store/sources.js";
import { type SourceRef, sourceName } from "../src/domain/extraction.js";

const N = 24;

describe("bytes a stored article takes", () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bellwether-store-bytes-"));
    writeCorpus(join(dir, "in"), generateCorpus(N, 4242));
    store = await openStore({ path: join(dir, "store.db") });
    const summary = await ingestInputs(store, [join(dir, "in")], { asOf: "2026-01-01", readerThreads: 0 });
    expect(summary.new).toBe(N);
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps each reading in columns, about two thirds of the former layout's bytes", async () => {
    const rows = await store.db
      .selectFrom("readings")
      .innerJoin("articles", "articles.seq", "readings.seq")
      .select(["readings.data", "articles.text", "articles.body"])
      .execute();
    let current = 0;
    let former = 0;
    for (const r of rows) {
      expect(readingIsCurrent(r.data)).toBe(true);
      const text = articleText(r);
      current += r.data.byteLength;
      former += encodeFormerReading(decodeReading(r.data, text), text).byteLength;
    }
    // Measured: ~2.6 KB a generated article, against ~4.0 KB before.
    expect(current / rows.length).toBeLessThan(3200);
    expect(current / former).toBeLessThan(0.75);
  });

  it("packs an entity's statements in an article into its row, a few bytes each", async () => {
    const rows = await store.db.selectFrom("entity_articles").select(["said"]).where("said", "is not", null).execute();
    const statements = rows.reduce((n, r) => n + unpackSaid(r.said!).length, 0);
    const bytes = rows.reduce((n, r) => n + r.said!.byteLength, 0);
    expect(statements).toBeGreaterThan(N * 5);
    // Measured: ~27 bytes a statement (offsets and the sentence's event types), where a row of its own took ~85.
    expect(bytes / statements).toBeLessThan(40);
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain("statements");
  });

  it("keeps no story features: the grouping works out from each article's stored text the very ones ingest read", async () => {
    const columns = (await store.db.introspection.getTables()).find((t) => t.name === "articles")!.columns.map((c) => c.name);
    expect(columns).not.toContain("story_features");
    expect(columns).not.toContain("story_terms");
    const grouped = await articlesAfter(store.db, 0, N);
    expect(grouped).toHaveLength(N);
    for (const a of grouped) {
      // As ingest reads it: the features from the extraction's own tokens.
      const read = readArticle({ id: a.id, text: a.text, title: a.title ?? undefined, date: a.published ?? undefined });
      expect(encodedFeaturesOf(a)).toBe(read.storyTerms);
      expect(decodeStoryFeatures(read.storyTerms, a.published)!.terms.size).toBeGreaterThan(50);
    }
  });

  it("keeps story features the compact layout does not fit as they are, and reads them back exactly", () => {
    const article = { title: "Kim and Trump", text: "Kim met Trump. ".repeat(4000) };
    const many = JSON.stringify({ v: 2, terms: Array.from({ length: 300 }, (_, i) => [`word:w${i}`, 1 + i / 7]) });
    const cases = [
      JSON.stringify({ v: 2, terms: [["name:kim\nline", 1.5]] }),
      many,
      JSON.stringify({ v: 2, terms: [["name:kim", 1.5]], extra: true }),
      JSON.stringify({ v: 2, terms: [["name:kim", "1.5"]] }),
      "not json",
    ];
    for (const terms of cases) {
      const packed = packStoryTerms(terms, article);
      expect(storyTermsCompact(packed)).toBe(false);
      expect(unpackStoryTerms({ story_terms: null, story_features: packed, title: article.title, text: "", body: deflateRawSync(article.text) })).toBe(terms);
    }
    // What fits is kept compact, a long text (past the 32 KiB zlib looks back) and no terms included.
    for (const terms of [JSON.stringify({ v: 2, terms: [["name:kim", 3.5], ["name:trump", 1.25], ["verb:meet", 3.5]] }), JSON.stringify({ v: 2, terms: [] })]) {
      for (const a of [article, { title: null, text: "" }]) {
        const packed = packStoryTerms(terms, a);
        expect(storyTermsCompact(packed)).toBe(true);
        expect(unpackStoryTerms({ story_terms: null, story_features: packed, title: a.title, text: a.text, body: null })).toBe(terms);
      }
    }
  });

  it("keeps a report's chain and root only where its sources do not already name them", async () => {
    const rows = await store.db.selectFrom("reports").select(["chain", "root", "source"]).execute();
    expect(rows.length).toBeGreaterThan(N * 3);
    // Generated reports' chains are their sources' names, and most roots the innermost one.
    expect(rows.filter((r) => r.chain === "").length).toBe(rows.length);
    expect(rows.filter((r) => r.root === "").length).toBeGreaterThan(rows.length / 2);
    let former = 0;
    let now = 0;
    for (const r of rows) {
      const { chain, root, source } = unpackReportSources(r);
      expect(chain).toEqual(source.map(sourceName));
      now += r.chain.length + (r.root?.length ?? 0) + r.source.length;
      former += JSON.stringify(chain).length + (root?.length ?? 0) + JSON.stringify(source).length;
    }
    // Measured: ~46 bytes a report in these columns, where the former layout took ~105.
    expect(now / former).toBeLessThan(0.6);
  });

  it("keeps a source shown by its entity's name as a short triple, with the chain of names left unwritten", () => {
    const packed = packReportSources(["Dmitry Peskov"], "Dmitry Peskov", [{ text: "He", entity: "person:dmitry-peskov", name: "Dmitry Peskov" }]);
    expect(packed).toEqual({ chain: "", root: "", source: '[["He","person:dmitry-peskov","Dmitry Peskov"]]' });
  });

  it("reads back a reading whose sources carry the name of the one they stand for", () => {
    const text = "Dmitry Peskov spoke to reporters on Monday. He said the summit was possible. The newspaper Vedomosti said the trip was near.";
    const x = extract({ text, date: "2024-05-20" });
    expect(x.events.some((e) => e.source.some((r) => r.name !== undefined))).toBe(true);
    const back = decodeReading(encodeReading(x, text), text);
    expect(back.events).toEqual(x.events);
    expect(back.attributions).toEqual(x.attributions);
  });

  it("reads back every chain, root and source it packs", () => {
    const cnn = { text: "CNN", entity: "outlet:cnn" };
    const officials = { text: "U.S. officials", entity: null };
    const cases: [string[], string | null, SourceRef[]][] = [
      [["U.S. officials", "CNN"], "CNN", [officials, cnn]],
      [["U.S. officials", "CNN"], "Yonhap", [officials, cnn]],
      [["U.S. officials", "CNN"], "", [officials, cnn]],
      [["CNN"], "", [{ text: "", entity: null }]],
      [[""], "", [{ text: "", entity: null }]],
      [[], "Korea Daily Wire", []],
      [[], "", []],
      [["CNN"], null, []],
      [["A", "B"], "B", [officials]],
      [["CNN"], "CNN", [{ ...cnn, note: "by phone" } as SourceRef]],
      [["CNN"], "CNN", [{ entity: "outlet:cnn", text: "CNN" }]],
      [["Dmitry Peskov"], "Dmitry Peskov", [{ text: "He", entity: "person:dmitry-peskov", name: "Dmitry Peskov" }]],
      [["CNN", "Dmitry Peskov"], "Dmitry Peskov", [cnn, { text: "the spokesman", entity: "person:dmitry-peskov", name: "Dmitry Peskov" }]],
    ];
    for (const [chain, root, source] of cases) {
      const packed = packReportSources(chain, root, source);
      const back = unpackReportSources(packed);
      expect(back.chain).toEqual(chain);
      expect(back.root).toBe(root);
      expect(JSON.stringify(back.source)).toBe(JSON.stringify(source));
    }
  });
});

