// What a stored article costs: the bytes of its reading and of what it says about entities, on generated ~600-word
// articles. Record sizes, not pages: a store of a few dozen articles is mostly part-filled pages.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../bench/ingest.js";
import { ingestInputs } from "../src/app/ingest.js";
import { encodeFormerReading, decodeReading, readingIsCurrent } from "../src/store/annotations.js";
import { articleText } from "../src/store/articles.js";
import { openStore, type Store } from "../src/store/index.js";
import { unpackSaid } from "../src/store/said.js";

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
});
