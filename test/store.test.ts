import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXTRACT_SCHEMA, type Extraction } from "../src/domain/extraction.js";
import { extract } from "../src/extract/index.js";
import { encodeSignature, fingerprint } from "../src/link/01-near-duplicates.js";
import {
  applyLedgerChanges,
  claimsOfType,
  findArticleByHash,
  findBandCandidates,
  getArticle,
  getClaim,
  getMeta,
  storeExtraction,
  replaceStories,
  listArticles,
  listClaims,
  listStories,
  migrate,
  openStore,
  outletId,
  setMeta,
  type ArticleExtras,
  type Store,
} from "../src/store/index.js";
import type { ClaimRecord, LedgerChanges, ReportRecord } from "../src/domain/ledger.js";
import { migrationProvider } from "../src/store/migrations/index.js";

const TEXT =
  "SEOUL, Oct. 18 — U.S. officials said a meeting between Trump and Kim was under discussion, citing CNN. " +
  "Kim said he would meet Trump if Washington dropped its demand. The APEC summit later this fall is a likely venue.";

function find(text: string, part: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`not in text: ${part}`);
  return { start, end: start + part.length, text: part };
}

function noChanges(): LedgerChanges {
  return { newClaims: [], changedClaims: [], newOrigins: [], changedOrigins: [], newReports: [], movedReports: [], goneOrigins: [], histories: [] };
}

/** An extraction with every kind of annotation, written by hand so the test does not depend on the reading stages. */
function sample(id = "a1", text = TEXT, published: string | null = "2025-10-18"): Extraction {
  const s1 = text.indexOf("Kim said");
  const s2 = text.indexOf("The APEC");
  return {
    schema: EXTRACT_SCHEMA,
    article: {
      id,
      title: "Trump and Kim may meet",
      outlet: "Korea Daily Wire",
      url: "https://example.org/kim",
      published,
      language: "en",
      text,
      byline: "J. Park",
      published_source: "given",
      credits: [],
    },
    sentences: [
      { start: 0, end: s1 - 1 },
      { start: s1, end: s2 - 1 },
      { start: s2, end: text.length },
    ],
    entities: [
      {
        id: "person:donald-trump",
        name: "Donald Trump",
        type: "person",
        mentions: [
          { ...find(text, "Trump"), sentence: 0 },
          { ...find(text, "Trump", s1), sentence: 1 },
        ],
      },
      { id: "person:kim-jong-un", name: "Kim Jong Un", type: "person", mentions: [{ ...find(text, "Kim"), sentence: 0 }] },
      { id: "outlet:cnn", name: "CNN", type: "outlet", mentions: [{ ...find(text, "CNN") }] },
    ],
    times: [
      { ...find(text, "Oct. 18"), type: "DATE", value: "2025-10-18" },
      { ...find(text, "later this fall"), type: "DATE", value: "2025-FA" },
    ],
    attributions: [
      {
        sentence: 0,
        source: { ...find(text, "U.S. officials"), entity: null },
        cue: find(text, "said"),
        content: { start: text.indexOf("a meeting"), end: text.indexOf(", citing") },
        chain: [
          { text: "U.S. officials", entity: null },
          { text: "CNN", entity: "outlet:cnn" },
        ],
      },
    ],
    events: [
      {
        id: "e1",
        sentence: 0,
        trigger: find(text, "meeting"),
        type: "meet",
        cameo: "036",
        participants: ["person:donald-trump", "person:kim-jong-un"],
        factuality: "PR+",
        source: [
          { text: "U.S. officials", entity: null },
          { text: "CNN", entity: "outlet:cnn" },
        ],
        time: null,
        condition: null,
        stance: "discussed",
        background: false,
        place: null,
      },
      {
        id: "e2",
        sentence: 1,
        trigger: find(text, "meet", s1),
        type: "meet",
        cameo: null,
        participants: ["person:kim-jong-un"],
        factuality: "PS+",
        source: [{ text: "Kim", entity: "person:kim-jong-un" }],
        time: "2025-FA",
        condition: { start: text.indexOf("if Washington"), end: text.indexOf(". The APEC") },
        stance: "wanted",
        background: false,
        place: null,
      },
    ],
  };
}

function extras(e: Extraction, over: Partial<ArticleExtras> = {}): ArticleExtras {
  const fp = fingerprint(e.article.text);
  return {
    contentHash: `hash-${e.article.id}`,
    minhash: encodeSignature(fp.signature),
    bands: fp.bands,
    nearDuplicateOf: null,
    ingestedAt: "2025-10-18T12:00:00.000Z",
    input: `${e.article.id}.txt`,
    ...over,
  };
}

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-store-"));
  store = await openStore({ path: join(dir, "test.db") });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("opening a store", () => {
  it("creates the file with WAL, foreign keys and every table", async () => {
    expect(existsSync(join(dir, "test.db"))).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0].journal_mode).toBe("wal");
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(fk.rows[0].foreign_keys).toBe(1);
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "aliases", "articles", "attributions", "claim_participants", "claim_status", "claims", "entities",
        "event_mentions", "meta", "mentions", "minhash_bands", "origins", "outlets", "reports", "sentences",
        "stories", "story_articles", "times",
      ]),
    );
  });

  it("runs each migration once and records it", async () => {
    await storeExtraction(store.db, sample(), extras(sample()));
    await store.close();
    store = await openStore({ path: join(dir, "test.db") });
    await store.close();
    store = await openStore({ path: join(dir, "test.db") });
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    const all = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(all[0]).toBe("0001_initial");
    expect(rows.rows.map((r) => r.name)).toEqual(all);
    expect(await migrate(store.db)).toEqual([]);
    expect((await listArticles(store.db)).map((a) => a.id)).toEqual(["a1"]);
  });

  it("refuses a PostgreSQL URL clearly until that backend exists", async () => {
    await expect(openStore({ path: "postgres://localhost/bellwether" })).rejects.toThrow(/PostgreSQL/);
  });

  it("keeps values in the key/value table", async () => {
    expect(await getMeta(store.db, "k")).toBeUndefined();
    await setMeta(store.db, "k", "1");
    await setMeta(store.db, "k", "2");
    expect(await getMeta(store.db, "k")).toBe("2");
  });
});

describe("articles", () => {
  it("round-trips a hand-written extraction with every annotation kind", async () => {
    const e = sample();
    const { seq } = await store.transaction((tx) => storeExtraction(tx, e, extras(e)));
    expect(seq).toBe(1);
    const back = await getArticle(store.db, "a1");
    expect(back?.extraction).toEqual(e);
    expect(back).toMatchObject({ seq: 1, contentHash: "hash-a1", nearDuplicateOf: null, input: "a1.txt" });
  });

  it("round-trips what extract() produces for a real text", async () => {
    const e = extract({ id: "seed", text: TEXT, date: "2025-10-18", outlet: "Korea Daily Wire", title: "T" });
    await store.transaction((tx) => storeExtraction(tx, e, extras(e)));
    expect((await getArticle(store.db, "seed"))?.extraction).toEqual(e);
  });

  it("stores the outlet once, entities once, and every surface form as an alias", async () => {
    const a = sample("a1");
    const b = sample("b2", TEXT + " Kim Jong Un did not comment.");
    b.entities[1].mentions.push({ ...find(b.article.text, "Kim Jong Un"), sentence: 3 });
    await storeExtraction(store.db, a, extras(a));
    await storeExtraction(store.db, b, extras(b));
    const outlets = await store.db.selectFrom("outlets").selectAll().execute();
    expect(outlets).toEqual([{ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }]);
    expect(outletId("Korea Daily Wire")).toBe("outlet:korea-daily-wire");
    const entities = await store.db.selectFrom("entities").select("id").orderBy("id").execute();
    expect(entities.map((e) => e.id)).toEqual(["outlet:cnn", "person:donald-trump", "person:kim-jong-un"]);
    const aliases = await store.db
      .selectFrom("aliases")
      .select("alias")
      .where("entity_id", "=", "person:kim-jong-un")
      .orderBy("alias")
      .execute();
    expect(aliases.map((r) => r.alias)).toEqual(["Kim", "Kim Jong Un"]);
  });

  it("finds articles by content hash and by shared LSH buckets", async () => {
    const a = sample("a1");
    const other = sample(
      "b2",
      "ROME, Oct. 18 — U.S. officials said a meeting of fisheries ministers in Rome, citing CNN, would set cod quotas for Kim and Trump to note. " +
        "Kim said Trump's fleet and the Baltic stock could meet targets if Washington funded research boats. The APEC fisheries group reports later this fall.",
    );
    await storeExtraction(store.db, a, extras(a));
    await storeExtraction(store.db, other, extras(other));
    expect(await findArticleByHash(store.db, "hash-a1")).toEqual({ id: "a1", near_duplicate_of: null });
    expect(await findArticleByHash(store.db, "nope")).toBeUndefined();
    const hits = await findBandCandidates(store.db, fingerprint(TEXT).bands, 2);
    expect(hits).toEqual([{ article_id: "a1", shared: 64 }]);
    // Each band counts only with its own hash: half the bands of one article and half of the other share 32 each.
    const mixed = fingerprint(TEXT).bands.map((h, band) => (band % 2 === 0 ? h : extras(other).bands[band]));
    expect(await findBandCandidates(store.db, mixed, 2)).toEqual([
      { article_id: "a1", shared: 32 },
      { article_id: "b2", shared: 32 },
    ]);
    expect(await findBandCandidates(store.db, mixed, 33)).toEqual([]);
    const shifted = [...fingerprint(TEXT).bands.slice(1), fingerprint(TEXT).bands[0]];
    expect(await findBandCandidates(store.db, shifted, 1)).toEqual([]);
  });

  it("lists articles by publication date, undated last, then ingest order", async () => {
    for (const [id, date] of [["late", "2025-10-20"], ["none", null], ["early", "2025-10-01"], ["early2", "2025-10-01"]] as const) {
      const e = sample(id, `${TEXT} ${id}`, date);
      await storeExtraction(store.db, e, extras(e));
    }
    expect((await listArticles(store.db)).map((a) => a.id)).toEqual(["early", "early2", "late", "none"]);
    expect((await listArticles(store.db, { limit: 2, offset: 1 })).map((a) => a.id)).toEqual(["early2", "late"]);
    const first = (await listArticles(store.db))[0];
    expect(first).toMatchObject({ outlet: "Korea Daily Wire", title: "Trump and Kim may meet", seq: 3 });
  });

  it("writes nothing when the transaction fails", async () => {
    const e = sample();
    await expect(
      store.transaction(async (tx) => {
        await storeExtraction(tx, e, extras(e));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    for (const table of ["articles", "sentences", "mentions", "entities", "minhash_bands", "outlets"] as const) {
      const n = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(Number(n.n), table).toBe(0);
    }
  });

  it("keeps each unit of a batch whole: a failed unit is undone, the others land at commit", async () => {
    const [a, b, c] = ["a1", "b2", "c3"].map((id) => sample(id, `${TEXT} ${id}`));
    const batch = await store.beginBatch();
    await batch.unit((tx) => storeExtraction(tx, a, extras(a)));
    await expect(
      batch.unit(async (tx) => {
        await storeExtraction(tx, b, extras(b));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await batch.unit((tx) => storeExtraction(tx, c, extras(c)));
    // Reads through the batch see its own writes before the commit.
    expect((await batch.db.selectFrom("articles").select("id").orderBy("seq").execute()).map((r) => r.id)).toEqual(["a1", "c3"]);
    await batch.commit();
    expect((await listArticles(store.db)).map((r) => r.id).sort()).toEqual(["a1", "c3"]);
    const sentences = await store.db.selectFrom("sentences").select("article_id").distinct().orderBy("article_id").execute();
    expect(sentences.map((r) => r.article_id)).toEqual(["a1", "c3"]);
  });

  it("writes nothing of a batch that is rolled back", async () => {
    const a = sample("a1");
    const batch = await store.beginBatch();
    await batch.unit((tx) => storeExtraction(tx, a, extras(a)));
    await batch.rollback();
    expect(await listArticles(store.db)).toEqual([]);
  });

  it("rejects a second article with the same text hash", async () => {
    const a = sample("a1");
    const b = sample("b2");
    await storeExtraction(store.db, a, extras(a));
    await expect(storeExtraction(store.db, b, extras(b, { contentHash: "hash-a1" }))).rejects.toThrow(/UNIQUE/);
  });
});

describe("claims, reports, origins, stories", () => {
  beforeEach(async () => {
    for (const [id, date] of [["a1", "2025-10-18"], ["a2", "2025-10-19"]] as const) {
      const e = sample(id, `${TEXT} ${id}`, date);
      await storeExtraction(store.db, e, extras(e));
    }
  });

  const claim = (over: Partial<ClaimRecord> = {}): ClaimRecord => ({
    id: "c1",
    type: "meet",
    participants: ["person:kim-jong-un", "person:donald-trump", "person:kim-jong-un"],
    place: null,
    eventTime: "2025-FA",
    firstReported: "2025-10-18",
    lastReported: "2025-10-18",
    historical: false,
    cameo: "036",
    summary: "meet — Trump, Kim · 2025-FA",
    statement: "Trump and Kim may meet, CNN reports",
    stage: "discussed",
    status: "reported",
    ...over,
  });
  const report = (id: string, article: string, date: string, over: Partial<ReportRecord> = {}): ReportRecord => ({
    id,
    claim_id: "c1",
    article_id: article,
    outlet: "Korea Daily Wire",
    published: date,
    near_duplicate_of: null,
    credits: [],
    factuality: "PR+",
    stance: "discussed",
    background: false,
    source: [
      { text: "U.S. officials", entity: null },
      { text: "CNN", entity: "outlet:cnn" },
    ],
    time: null,
    origin_id: "o1",
    event_id: "e1",
    sentence: 0,
    trigger: "meeting",
    chain: ["U.S. officials", "CNN"],
    root: "CNN",
    ...over,
  });

  it("writes a claim with reports, origins and stage history and reads it back in the contract's shape", async () => {
    await store.transaction(async (tx) => {
      await replaceStories(tx, [{ id: "s1", title: "Trump–Kim", first_published: "2025-10-18", last_published: "2025-10-18", articles: ["a1"] }]);
      // What linking the first article writes: a new claim, its origin, its report and its first status.
      await applyLedgerChanges(tx, {
        ...noChanges(),
        newClaims: [claim()],
        newOrigins: [{ id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-18" }],
        newReports: [report("r1", "a1", "2025-10-18")],
        histories: [{ claimId: "c1", history: [{ stage: "discussed", status: "reported", at: "2025-10-18" }] }],
      });
      // And the second: another report of the same origin, now of a date set, a later last report, a longer history.
      await applyLedgerChanges(tx, {
        ...noChanges(),
        changedClaims: [claim({ lastReported: "2025-10-19", eventTime: "2025-10-30", stage: "scheduled", status: "reported", statement: "Trump and Kim to meet on Oct. 30, 2025, CNN reports" })],
        newReports: [report("r2", "a2", "2025-10-19", { stance: "scheduled", time: "2025-10-30" })],
        histories: [
          {
            claimId: "c1",
            history: [
              { stage: "discussed", status: "reported", at: "2025-10-18" },
              { stage: "scheduled", status: "reported", at: "2025-10-19" },
            ],
          },
        ],
      });
      await replaceStories(tx, [{ id: "s1", title: "Trump–Kim talks", first_published: "2025-10-18", last_published: "2025-10-19", articles: ["a2", "a1"] }]);
    });

    const view = await getClaim(store.db, "c1");
    expect(view).toMatchObject({
      id: "c1",
      type: "meet",
      cameo: "036",
      summary: "meet — Trump, Kim · 2025-FA",
      statement: "Trump and Kim to meet on Oct. 30, 2025, CNN reports",
      place: null,
      when: "2025-10-30",
      event_time: "2025-10-30",
      stage: "scheduled",
      polarity: "+",
      status: "reported",
      historical: false,
      story: "s1",
      first_reported: "2025-10-18",
      last_reported: "2025-10-19",
      participants: [
        { id: "person:donald-trump", name: "Donald Trump" },
        { id: "person:kim-jong-un", name: "Kim Jong Un" },
      ],
      status_history: [
        { stage: "discussed", status: "reported", at: "2025-10-18" },
        { stage: "scheduled", status: "reported", at: "2025-10-19" },
      ],
      origins: [{ id: "o1", root: "CNN", reports: ["r1", "r2"], first_seen: "2025-10-18" }],
      origin_sides: { for: 1, against: 0 },
    });
    expect(view?.reports.map((r) => [r.id, r.stance])).toEqual([
      ["r1", "discussed"],
      ["r2", "scheduled"],
    ]);
    expect(view?.reports[0]).toEqual({
      id: "r1",
      article: "a1",
      title: "Trump and Kim may meet",
      outlet: "Korea Daily Wire",
      published: "2025-10-18",
      sentence: 0,
      trigger: "meeting",
      factuality: "PR+",
      stance: "discussed",
      background: false,
      chain: ["U.S. officials", "CNN"],
      origin: "o1",
      root: "CNN",
      event: "e1",
    });
    expect(await getClaim(store.db, "missing")).toBeUndefined();
    expect((await listClaims(store.db, { storyId: "s1" })).map((c) => c.id)).toEqual(["c1"]);
    expect(await listClaims(store.db, { storyId: "other" })).toEqual([]);
    expect((await listArticles(store.db, { storyId: "s1" })).map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(await listArticles(store.db, { storyId: "other" })).toEqual([]);
    expect(await listStories(store.db)).toEqual([
      {
        id: "s1",
        title: "Trump–Kim talks",
        first_published: "2025-10-18",
        last_published: "2025-10-19",
        articles: ["a1", "a2"],
        claims: ["c1"],
      },
    ]);
  });

  it("derives the polarity from the stage, sides each origin with its latest report, and falls back to the label", async () => {
    await applyLedgerChanges(store.db, {
      ...noChanges(),
      newClaims: [claim({ stage: "called_off", status: "confirmed", statement: "", historical: true, place: "place:panmunjom" })],
      newOrigins: [
        { id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-18" },
        { id: "o2", claim_id: "c1", root: "Korea Daily Wire", first_seen: "2025-10-18" },
      ],
      newReports: [
        report("r1", "a1", "2025-10-18", { stance: "scheduled" }),
        report("r2", "a1", "2025-10-18", { origin_id: "o2", stance: "scheduled", event_id: "e2", background: true }),
        report("r3", "a2", "2025-10-19", { origin_id: "o2", stance: "called_off" }),
      ],
    });
    const view = (await getClaim(store.db, "c1"))!;
    expect(view).toMatchObject({ stage: "called_off", polarity: "-", statement: "meet — Trump, Kim · 2025-FA", historical: true, origin_sides: { for: 1, against: 1 } });
    expect(view.place?.id).toBe("place:panmunjom");
    expect(view.reports.map((r) => [r.id, r.background])).toEqual([
      ["r1", false],
      ["r2", true],
      ["r3", false],
    ]);
  });

  it("reads every claim of a type as the linker keys it, and moves reports between origins", async () => {
    await applyLedgerChanges(store.db, {
      ...noChanges(),
      newClaims: [
        claim({ id: "meet-a", participants: ["person:kim-jong-un", "person:donald-trump"], place: "place:panmunjom", eventTime: "2025-10-30", firstReported: "2025-10-10" }),
        claim({ id: "meet-b", participants: ["person:xi-jinping", "person:kim-jong-un"], historical: true, eventTime: "2019-06-20" }),
        claim({ id: "threat", type: "threaten", participants: ["person:kim-jong-un"] }),
      ],
      newOrigins: [
        { id: "o-cnn", claim_id: "meet-a", root: "CNN", first_seen: "2025-10-18" },
        { id: "o-own", claim_id: "meet-a", root: "Korea Daily Wire", first_seen: "2025-10-19" },
      ],
      newReports: [report("r1", "a1", "2025-10-18", { claim_id: "meet-a", origin_id: "o-cnn" }), report("r2", "a2", "2025-10-19", { claim_id: "meet-a", origin_id: "o-own", chain: [], root: "Korea Daily Wire" })],
    });
    expect(await claimsOfType(store.db, "meet")).toEqual([
      { id: "meet-a", type: "meet", participants: ["person:donald-trump", "person:kim-jong-un"], place: "place:panmunjom", eventTime: "2025-10-30", firstReported: "2025-10-10", lastReported: "2025-10-18", historical: false },
      { id: "meet-b", type: "meet", participants: ["person:kim-jong-un", "person:xi-jinping"], place: null, eventTime: "2019-06-20", firstReported: "2025-10-18", lastReported: "2025-10-18", historical: true },
    ]);

    // The second report turns out to re-tell CNN: it joins CNN's origin and the outlet's own origin goes.
    await applyLedgerChanges(store.db, { ...noChanges(), movedReports: [{ id: "r2", origin_id: "o-cnn" }], goneOrigins: ["o-own"], changedOrigins: [{ id: "o-cnn", claim_id: "meet-a", root: "CNN", first_seen: "2025-10-17" }] });
    const view = await getClaim(store.db, "meet-a");
    expect(view?.origins).toEqual([{ id: "o-cnn", root: "CNN", reports: ["r1", "r2"], first_seen: "2025-10-17" }]);
  });

  it("enforces the links between tables", async () => {
    await expect(applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("r1", "a1", "2025-10-18", { claim_id: "no-such-claim", origin_id: null })] })).rejects.toThrow(/FOREIGN KEY/);
  });
});
