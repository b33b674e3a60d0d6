// The store contract: one suite run on every engine (SQLite, and PostgreSQL when a server is given), as Kysely's DIALECTS
// loop and Hono's shared router cases run one behaviour suite over every implementation.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
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
import { claimBriefs, claimIdsReportedIn, participantsOf } from "../src/store/ledger.js";
import { evidenceRows } from "../src/store/questions.js";
import { claimStates } from "../src/store/linking.js";
import { mentionArticles, reportSpans, statementsBy } from "../src/store/reads.js";
import { NOT_MENTIONED, packSaid, rowDay, UNDATED_ROW } from "../src/store/said.js";
import { annotationRows, decodeReading, encodeFormerReading, encodeReading, readingIsCurrent } from "../src/store/annotations.js";
import { storyTermsCompact, unpackStoryTerms } from "../src/store/articles.js";
import { articlesAfter } from "../src/store/stories.js";
import { encodedFeaturesOf } from "../src/app/stories.js";
import { encodeStoryFeatures, storyFeatures } from "../src/link/06-stories.js";
import { queryTerms, reportsInArticles, searchArticles, searchClaims, searchEntities } from "../src/store/search.js";
import { announceSkips, ENGINES, openFresh } from "./support/stores.js";

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
    signature: fp.signature,
    bands: fp.bands,
    nearDuplicateOf: null,
    ingestedAt: "2025-10-18T12:00:00.000Z",
    input: `${e.article.id}.txt`,
    ...over,
  };
}


function claim(id: string, type: string, participants: string[], over: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    id,
    type,
    participants,
    place: null,
    eventTime: null,
    firstReported: "2025-10-10",
    lastReported: "2025-10-18",
    historical: false,
    cameo: null,
    summary: "s",
    statement: "",
    stage: "discussed",
    status: "reported",
    ...over,
  };
}

function report(id: string, claimId: string, article: string, published: string | null, over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id,
    claim_id: claimId,
    article_id: article,
    outlet: "Korea Daily Wire",
    published,
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
  };
}

// About 600 words of news prose, many of them events and attributions.
const LONG_TEXT = Array.from({ length: 12 }, (_, i) =>
  `SEOUL, Oct. ${i + 1} — U.S. officials said a meeting between Trump and Kim was under discussion, citing CNN. ` +
  `Kim said he would meet Trump in Panmunjom if Washington dropped its demand for talks on sanctions. ` +
  `South Korean officials told reporters that the two leaders had exchanged letters last week and could sign a declaration later this fall.`,
).join("\n\n");

/** An article row as a former store (0016 on) wrote it: the body deflated, no story features and no credits unless given. */
function formerArticleRow(e: Extraction, seq: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: e.article.id, seq, content_hash: `hash-${seq}`, minhash: new Uint8Array(0), title: e.article.title, outlet_id: outletId("Korea Daily Wire"), url: e.article.url,
    published: e.article.published, published_source: e.article.published_source ?? null, byline: e.article.byline ?? null, language: e.article.language,
    text: "", body: deflateRawSync(e.article.text), near_duplicate_of: null, ingested_at: "2025-10-18T00:00:00Z", input: null, story_terms: null,
    story_features: null, credits: "[]", ...over,
  };
}

/** Writes an extraction as the store did before compact readings: a row per sentence, mention, time, attribution, event. */
async function writeFormerRows(db: import("kysely").Kysely<any>, e: Extraction): Promise<void> {
  const id = e.article.id;
  const fp = fingerprint(e.article.text);
  await db.insertInto("outlets").values({ id: outletId(e.article.outlet!), name: e.article.outlet, kind: null, aliases: "[]" }).execute();
  await db.insertInto("articles").values({
    id, seq: 1, content_hash: "h", minhash: encodeSignature(fp.signature), title: e.article.title, outlet_id: outletId(e.article.outlet!),
    url: e.article.url, published: e.article.published, published_source: e.article.published_source, byline: e.article.byline,
    language: e.article.language, text: e.article.text, near_duplicate_of: null, ingested_at: "2025-10-18T00:00:00Z", input: null,
    story_terms: '{"v":2,"terms":[]}', credits: "[]",
  }).execute();
  await db.insertInto("sentences").values(e.sentences.map((s, idx) => ({ article_id: id, idx, start: s.start, end: s.end }))).execute();
  await db.insertInto("entities").values(e.entities.map((en) => ({ id: en.id, name: en.name, type: en.type }))).execute();
  let idx = 0;
  for (const en of e.entities) {
    for (const m of en.mentions) await db.insertInto("mentions").values({ article_id: id, idx: idx++, entity_id: en.id, start: m.start, end: m.end, text: m.text, sentence: m.sentence ?? null }).execute();
  }
  await db.insertInto("times").values(e.times.map((t, i) => ({ article_id: id, idx: i, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }))).execute();
  await db.insertInto("attributions").values(e.attributions.map((a, i) => ({
    article_id: id, idx: i, sentence: a.sentence, source_start: a.source.start, source_end: a.source.end, source_text: a.source.text,
    source_entity: a.source.entity, cue_start: a.cue.start, cue_end: a.cue.end, cue_text: a.cue.text, content_start: a.content.start,
    content_end: a.content.end, chain: JSON.stringify(a.chain),
  }))).execute();
  await db.insertInto("event_mentions").values(e.events.map((ev, i) => ({
    article_id: id, id: ev.id, idx: i, sentence: ev.sentence, trigger_start: ev.trigger.start, trigger_end: ev.trigger.end,
    trigger_text: ev.trigger.text, type: ev.type, cameo: ev.cameo, participants: JSON.stringify(ev.participants), factuality: ev.factuality,
    source: JSON.stringify(ev.source), time: ev.time, condition_start: ev.condition?.start ?? null, condition_end: ev.condition?.end ?? null,
    stance: ev.stance, background: ev.background ? 1 : 0, place: ev.place,
  }))).execute();
  await db.insertInto("minhash_bands").values(fp.bands.map((hash, band) => ({ article_id: id, band, hash }))).execute();
}

announceSkips();

describe.each(ENGINES)("the store on $name", (engine) => {
  let store: Store;
  let location: string;
  let close: () => Promise<void>;

  beforeEach(async (ctx) => {
    if (engine.skip) ctx.skip();
    ({ store, location, close } = await openFresh(engine));
  });

  afterEach(async () => {
    if (!engine.skip) await close();
  });

  const count = async (table: "articles" | "readings" | "entity_articles" | "entities" | "lsh_buckets" | "outlets") =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  describe("opening a store", () => {
    it("creates every table", async () => {
      expect(store.engine).toBe(engine.name);
      const tables = (await store.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          "aliases", "articles", "claim_participants", "claim_status", "claims", "entities",
          "lsh_buckets", "meta", "origins", "outlets", "readings", "reports", "entity_articles", "stories", "story_articles",
        ]),
      );
    });

    it("runs each migration once and records it", async () => {
      await storeExtraction(store.db, sample(), extras(sample()));
      await store.close();
      store = await openStore({ path: location });
      await store.close();
      store = await openStore({ path: location });
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      const all = Object.keys(await migrationProvider.getMigrations()).sort();
      expect(all[0]).toBe("0001_initial");
      expect(rows.rows.map((r) => r.name)).toEqual(all);
      expect(await migrate(store.db)).toEqual([]);
      expect((await listArticles(store.db)).map((a) => a.id)).toEqual(["a1"]);
    });

    it("keeps values in the key/value table", async () => {
      expect(await getMeta(store.db, "k")).toBeUndefined();
      await setMeta(store.db, "k", "1");
      await setMeta(store.db, "k", "2");
      expect(await getMeta(store.db, "k")).toBe("2");
    });

    it("sorts text byte by byte, as every engine's queries expect", async () => {
      for (const [id, name] of [["b", "b"], ["B", "B"], ["a-b", "a-b"], ["a_b", "a_b"], ["ab", "ab"], ["é", "é"]]) {
        await store.db.insertInto("entities").values({ id, name, type: "person" }).execute();
      }
      const rows = await store.db.selectFrom("entities").select("id").orderBy("id").execute();
      expect(rows.map((r) => r.id)).toEqual(["B", "a-b", "a_b", "ab", "b", "é"]);
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
      const aliases = await store.db.selectFrom("aliases").select("alias").where("entity_id", "=", "person:kim-jong-un").orderBy("alias").execute();
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
      // A bounded number of candidates, most shared buckets first.
      const mostly = fingerprint(TEXT).bands.map((h, band) => (band % 4 === 0 ? extras(other).bands[band] : h));
      expect(await findBandCandidates(store.db, mostly, 2, 1)).toEqual([{ article_id: "a1", shared: 48 }]);
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
      for (const table of ["articles", "readings", "entity_articles", "entities", "lsh_buckets", "outlets"] as const) {
        expect(await count(table), table).toBe(0);
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
      const sentences = await store.db.selectFrom("readings").innerJoin("articles", "articles.seq", "readings.seq").select("articles.id as article_id").orderBy("articles.id").execute();
      expect(sentences.map((r) => r.article_id)).toEqual(["a1", "c3"]);
    });

    it("a unit that fails on a constraint leaves the batch usable", async () => {
      const [a, b] = ["a1", "b2"].map((id) => sample(id, `${TEXT} ${id}`));
      const batch = await store.beginBatch();
      await batch.unit((tx) => storeExtraction(tx, a, extras(a)));
      await expect(batch.unit((tx) => storeExtraction(tx, b, extras(b, { contentHash: "hash-a1" })))).rejects.toThrow(/unique/i);
      await batch.unit((tx) => storeExtraction(tx, b, extras(b)));
      await batch.commit();
      expect((await listArticles(store.db)).map((r) => r.id)).toEqual(["a1", "b2"]);
    });

    it("writes nothing of a batch that is rolled back", async () => {
      const a = sample("a1");
      const batch = await store.beginBatch();
      await batch.unit((tx) => storeExtraction(tx, a, extras(a)));
      await batch.rollback();
      expect(await listArticles(store.db)).toEqual([]);
    });

    // SQLite's driver waits for the lock synchronously, so two writers must be two processes there (test/ingest-crash).
    it.skipIf(engine.name === "sqlite")("lets one writer at a time hold a batch: a second waits for the first to commit", async () => {
      const [a, b] = ["a1", "b2"].map((id) => sample(id, `${TEXT} ${id}`));
      const other = await openStore({ path: location });
      try {
        const first = await store.beginBatch();
        await first.unit((tx) => storeExtraction(tx, a, extras(a)));
        let secondOpen = false;
        const second = other.beginBatch().then((batch) => {
          secondOpen = true;
          return batch;
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(secondOpen).toBe(false);
        await first.commit();
        const batch = await second;
        // The second writer numbers its article after the first's.
        const { seq } = await batch.unit((tx) => storeExtraction(tx, b, extras(b)));
        await batch.commit();
        expect(seq).toBe(2);
      } finally {
        await other.close();
      }
    });

    it("rejects a second article with the same text hash", async () => {
      const a = sample("a1");
      const b = sample("b2");
      await storeExtraction(store.db, a, extras(a));
      await expect(storeExtraction(store.db, b, extras(b, { contentHash: "hash-a1" }))).rejects.toThrow(/unique/i);
    });
  });

  describe("compact readings", () => {
    it("keeps entity totals and statements in publication order", async () => {
      for (const [id, date] of [["late", "2025-10-20"], ["none", null], ["early", "2025-10-01"]] as const) {
        const e = sample(id, `${TEXT} ${id}`, date);
        await storeExtraction(store.db, e, extras(e));
      }
      const totals = await store.db.selectFrom("entities").select(["id", "mentions"]).orderBy("id").execute();
      expect(totals).toEqual([
        { id: "outlet:cnn", mentions: 3 },
        { id: "person:donald-trump", mentions: 6 },
        { id: "person:kim-jong-un", mentions: 3 },
      ]);
      // The sample's one attribution has no known source entity; give one and read the entity's statements in order.
      const quoted = (id: string, date: string | null) => {
        const e = sample(id, `${TEXT} ${id}`, date);
        e.attributions[0].source.entity = "person:kim-jong-un";
        return e;
      };
      for (const [id, date] of [["q3", null], ["q2", "2025-10-19"], ["q1", "2025-10-02"]] as const) {
        const e = quoted(id, date);
        await storeExtraction(store.db, e, extras(e));
      }
      const said = await statementsBy(store.db, "person:kim-jong-un");
      expect(said.map((s) => ({ article_id: s.article, published: s.published, event_types: s.event_types }))).toEqual([
        { article_id: "q1", published: "2025-10-02", event_types: ["meet"] },
        { article_id: "q2", published: "2025-10-19", event_types: ["meet"] },
        { article_id: "q3", published: null, event_types: ["meet"] },
      ]);
      expect((await statementsBy(store.db, "person:kim-jong-un", 2)).map((s) => s.article)).toEqual(["q1", "q2"]);
      // Every entity's statements together are in the same order.
      expect((await statementsBy(store.db, null)).map((s) => s.article)).toEqual(["q1", "q2", "q3"]);
      // The articles that mention an entity, newest first and undated last, each with its own count.
      expect((await mentionArticles(store.db, "person:kim-jong-un")).map((a) => [a.id, a.published, a.mentions])).toEqual([
        ["late", "2025-10-20", 1],
        ["q2", "2025-10-19", 1],
        ["q1", "2025-10-02", 1],
        ["early", "2025-10-01", 1],
        ["q3", null, 1],
        ["none", null, 1],
      ]);
      expect((await mentionArticles(store.db, "person:donald-trump", 2)).map((a) => [a.id, a.mentions])).toEqual([
        ["late", 2],
        ["q2", 2],
      ]);
      expect(await mentionArticles(store.db, "person:nobody")).toEqual([]);
      // An entity quoted where it is never mentioned: its statement is listed, the article not among those mentioning it.
      const unnamed = sample("q4", `${TEXT} q4`, "2025-10-21");
      unnamed.attributions[0].source.entity = "outlet:quoted-only";
      await storeExtraction(store.db, unnamed, extras(unnamed));
      expect((await statementsBy(store.db, "outlet:quoted-only")).map((s) => [s.article, s.cue])).toEqual([["q4", "said"]]);
      expect(await mentionArticles(store.db, "outlet:quoted-only")).toEqual([]);
      expect((await statementsBy(store.db, null)).map((s) => s.article)).toEqual(["q1", "q2", "q4", "q3"]);
    });

    it("keeps a ~600-word article's reading in a few kilobytes", async () => {
      const e = extract({ id: "long", text: LONG_TEXT, date: "2025-10-18", outlet: "Korea Daily Wire", title: "T" });
      await storeExtraction(store.db, e, extras(e));
      const row = await store.db.selectFrom("readings").select("data").executeTakeFirstOrThrow();
      expect(e.events.length).toBeGreaterThan(20);
      expect(row.data.byteLength).toBeLessThan(6144);
      expect((await getArticle(store.db, "long"))?.extraction).toEqual(e);
      // Laid out in columns and deflated against the text, the reading takes well under the former layout's bytes.
      expect(row.data.byteLength).toBeLessThan(0.75 * encodeFormerReading(e, e.article.text).byteLength);
    });

    it("reads readings of either layout back exactly, the former one as well", async () => {
      for (const e of [sample("a1"), extract({ id: "long", text: LONG_TEXT, date: "2025-10-18", outlet: "Korea Daily Wire", title: "T" })]) {
        const { article, schema: _schema, ...reading } = e;
        expect(readingIsCurrent(encodeReading(e, article.text))).toBe(true);
        expect(decodeReading(encodeReading(e, article.text), article.text)).toEqual(reading);
        expect(readingIsCurrent(encodeFormerReading(e, article.text))).toBe(false);
        expect(decodeReading(encodeFormerReading(e, article.text), article.text)).toEqual(reading);
      }
      // A shape the columns do not foresee (a source with more than text and entity) is kept whole, in the former layout.
      const odd = sample("odd");
      odd.events[0].source = [{ text: "CNN", entity: "outlet:cnn", note: "by phone" } as never];
      const { article, schema: _schema, ...reading } = odd;
      expect(decodeReading(encodeReading(odd, article.text), article.text)).toEqual(reading);
    });

    /** The suite's store closed, and a new one migrated up to `migration` only, as an earlier version left it. */
    async function formerStore(migration: string) {
      await store.close();
      const { Kysely, Migrator } = await import("kysely");
      const { createDialect, parseLocation } = await import("../src/store/dialect.js");
      const oldLocation = await engine.location();
      const old = new Kysely<any>({ dialect: createDialect(parseLocation(oldLocation.location)) });
      const migrator = new Migrator({ db: old, provider: migrationProvider, allowUnorderedMigrations: true });
      expect((await migrator.migrateTo(migration)).error).toBeUndefined();
      return { old, oldLocation };
    }

    /** An article row as the former layouts keep it: `a{seq}`, hashed and titled by its number, of Korea Daily Wire. */
    function formerArticle(seq: number, over: Record<string, unknown> = {}) {
      return {
        id: `a${seq}`, seq, content_hash: `hash-${seq}`, minhash: new Uint8Array(0), title: `T${seq}`, outlet_id: outletId("Korea Daily Wire"), url: null,
        published: "2025-10-18", published_source: null, byline: null, language: "en", text: "", body: deflateRawSync(TEXT), near_duplicate_of: null,
        ingested_at: "2025-10-18T00:00:00Z", input: null, credits: "[]", ...over,
      };
    }

    it("converts a store of the former layout: readings re-encoded, statements moved into the entity rows, reads unchanged", async () => {
      const { old, oldLocation } = await formerStore("0015_origin_source");
      try {
        const quoted = sample("a1");
        quoted.attributions[0].source.entity = "person:kim-jong-un";
        const long = extract({ id: "long", text: LONG_TEXT, date: null, outlet: "Korea Daily Wire", title: "T" });
        // An entity quoted in an article that never mentions it.
        long.attributions[1].source.entity = "outlet:quoted-only";
        const articles = [quoted, long];
        // The rows as the version before wrote them: the reading in arrays, statements in a table of their own.
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        for (const [i, e] of articles.entries()) {
          const seq = i + 1;
          const fp = fingerprint(e.article.text);
          await old.insertInto("articles").values(formerArticleRow(e, seq)).execute();
          await old.insertInto("readings").values({ seq, data: encodeFormerReading(e, e.article.text) }).execute();
          const rows = annotationRows(e);
          for (const values of rows.statements.values) {
            const row = Object.fromEntries(rows.statements.columns.map((c, k) => [c, values[k]]));
            await old.insertInto("statements").values({ ...row, day: e.article.published ?? "~", seq, article_id: e.article.id }).execute();
          }
          for (const [entity, , , n] of rows.entities.values) {
            await old.insertInto("entity_articles").values({ entity_id: entity, day: e.article.published ?? "", seq, mentions: n }).execute();
          }
          await old.insertInto("lsh_buckets").values(fp.bands.map((hash, band) => ({ band, hash, seq }))).execute();
        }
        // What the entity page read before: each entity's statements in publication order, undated last.
        const before = await old
          .selectFrom("statements")
          .innerJoin("articles", "articles.id", "statements.article_id")
          .select(["entity_id", "articles.id", "sentence", "sentence_start", "sentence_end", "content_start", "content_end", "event_types"])
          .orderBy("entity_id").orderBy("day").orderBy("statements.seq").orderBy("idx")
          .execute();
        const mentioned = await old.selectFrom("entity_articles").select(["entity_id", "seq", "mentions"]).orderBy("entity_id").orderBy("seq").execute();
        expect(before.some((s: { entity_id: string }) => s.entity_id === "outlet:quoted-only")).toBe(true);
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        for (const e of articles) expect((await getArticle(store.db, e.article.id))?.extraction).toEqual(e);
        for (const r of await store.db.selectFrom("readings").select("data").execute()) expect(readingIsCurrent(r.data)).toBe(true);
        const after = [];
        for (const entity of [...new Set(before.map((s: { entity_id: string }) => s.entity_id))]) {
          for (const s of await statementsBy(store.db, entity)) {
            after.push({ entity_id: s.entity, id: s.article, sentence: s.sentence, sentence_start: s.sentence_start, sentence_end: s.sentence_end, content_start: s.content_start, content_end: s.content_end, event_types: s.event_types.join(" ") });
          }
        }
        expect(after).toEqual(before);
        // The quoted entity is not listed among the articles that mention it; the others' counts stand.
        expect(await mentionArticles(store.db, "outlet:quoted-only")).toEqual([]);
        expect(await store.db.selectFrom("entity_articles").innerJoin("entity_numbers", "entity_numbers.num", "entity_articles.entity")
          .select(["entity_numbers.id as entity_id", "entity_articles.seq", "entity_articles.mentions"]).where("entity_articles.mentions", ">=", 0)
          .orderBy("entity_numbers.id").orderBy("entity_articles.seq").execute()).toEqual(mentioned);
        expect((await store.db.introspection.getTables()).map((t) => t.name)).not.toContain("statements");
        // Deleting an article takes its reading and its entity rows with it.
        await store.db.deleteFrom("lsh_buckets").execute();
        await store.db.deleteFrom("articles").where("id", "=", "a1").execute();
        expect(await store.db.selectFrom("entity_articles").select("seq").where("seq", "=", 1).execute()).toEqual([]);
        expect(await store.db.selectFrom("readings").select("seq").where("seq", "=", 1).execute()).toEqual([]);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the story features of a former store to the compact layout, then drops them: the grouping works out the same features from the text", async () => {
      const { old, oldLocation } = await formerStore("0016_compact_store");
      try {
        const long = extract({ id: "long", text: LONG_TEXT, date: "2025-10-18", outlet: "Korea Daily Wire", title: "Summit talk" });
        const short = sample("a1");
        // An article in a language the core does not read: ingest gave it the features of an empty text.
        const unread: Extraction = {
          schema: EXTRACT_SCHEMA,
          article: { ...short.article, id: "fr", language: "fr", title: "Sommet à Hanoï", text: "Le sommet entre Trump et Kim aura lieu à Hanoï, selon des responsables." },
          sentences: [], entities: [], times: [], attributions: [], events: [],
        };
        const features = new Map<string, string>();
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        for (const [i, e] of [short, long, unread].entries()) {
          const seq = i + 1;
          const read = e === unread ? { id: e.article.id, text: "", title: null, published: e.article.published } : { id: e.article.id, text: e.article.text, title: e.article.title, published: e.article.published };
          const terms = encodeStoryFeatures(storyFeatures(read));
          features.set(e.article.id, terms);
          // The row as the version before wrote it: the features' JSON deflated alone.
          await old.insertInto("articles").values(formerArticleRow(e, seq, { story_features: deflateRawSync(terms), content_hash: `hash-${e.article.id}` })).execute();
          await old.insertInto("readings").values({ seq, data: encodeReading(e, e.article.text) }).execute();
        }
        // One stored before features were deflated at all, in the text column.
        await old.insertInto("articles").values({
          id: "plain", seq: 4, content_hash: "hash-plain", minhash: new Uint8Array(0), title: null, outlet_id: null, url: null, published: null, published_source: null,
          byline: null, language: "en", text: TEXT, body: null, near_duplicate_of: null, ingested_at: "2025-10-18T00:00:00Z", input: null,
          story_terms: encodeStoryFeatures(storyFeatures({ id: "plain", text: TEXT, title: null, published: null })), story_features: null, credits: "[]",
        }).execute();
        features.set("plain", (await old.selectFrom("articles").select("story_terms").where("id", "=", "plain").executeTakeFirstOrThrow()).story_terms);
        const sizes = new Map((await old.selectFrom("articles").select(["id", "story_features"]).execute()).map((r: { id: string; story_features: Uint8Array | null }) => [r.id, r.story_features?.byteLength ?? 0]));
        // 0017: the compact layout, the same features back.
        const { Migrator } = await import("kysely");
        expect((await new Migrator({ db: old, provider: migrationProvider, allowUnorderedMigrations: true }).migrateTo("0017_compact_story_features")).error).toBeUndefined();
        const rows = await old.selectFrom("articles").select(["id", "title", "text", "body", "story_terms", "story_features"]).orderBy("seq").execute();
        for (const r of rows.slice(0, 3)) {
          expect(storyTermsCompact(r.story_features!)).toBe(true);
          expect(unpackStoryTerms(r)).toBe(features.get(r.id));
          expect(r.story_features!.byteLength).toBeLessThan(sizes.get(r.id)!);
        }
        expect(unpackStoryTerms(rows[3])).toBe(features.get("plain"));
        await old.destroy();
        // 0020: no features kept; those the grouping works out from each article are the ones that were stored.
        store = await openStore({ path: oldLocation.location });
        const columns = (await store.db.introspection.getTables()).find((t) => t.name === "articles")!.columns.map((c) => c.name);
        expect(columns).not.toContain("story_features");
        expect(columns).not.toContain("story_terms");
        const grouped = await articlesAfter(store.db, 0, 10);
        expect(grouped.map((a) => a.id)).toEqual(["a1", "long", "fr", "plain"]);
        for (const a of grouped) expect(encodedFeaturesOf(a)).toBe(features.get(a.id));
        for (const e of [short, long]) expect((await getArticle(store.db, e.article.id))?.extraction).toEqual(e);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the reports of a former store: chains, roots, sources and credits read the same, without the names they repeat", async () => {
      const { old, oldLocation } = await formerStore("0017_compact_story_features");
      const credits = [{ text: "Yonhap", entity: "outlet:yonhap" }, { text: "a wire service", entity: null }];
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        await old.insertInto("articles").values({
          id: "a1", seq: 1, content_hash: "hash-1", minhash: new Uint8Array(0), title: "Trump and Kim may meet", outlet_id: outletId("Korea Daily Wire"), url: null,
          published: "2025-10-18", published_source: null, byline: null, language: "en", text: "", body: deflateRawSync(TEXT), near_duplicate_of: null,
          ingested_at: "2025-10-18T00:00:00Z", input: null, story_terms: null, story_features: null, credits: JSON.stringify(credits),
        }).execute();
        await old.insertInto("claims").values({ id: "c1", type: "meet", cameo: null, summary: "meet", polarity: "+", event_time: null, first_reported: "2025-10-18",
          last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0 }).execute();
        await old.insertInto("origins").values({ id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-18", source_key: "outlet:cnn" }).execute();
        // As the version before wrote them: the chain and root in full, each source an object.
        const cases: [string, string[], string | null, unknown[]][] = [
          ["r1", ["U.S. officials", "CNN"], "CNN", [{ text: "U.S. officials", entity: null }, { text: "CNN", entity: "outlet:cnn" }]],
          ["r2", ["Seoul"], "Yonhap", [{ text: "Seoul", entity: "country:KR" }]],
          ["r3", ["A", "B"], "B", [{ text: "A", entity: null }]],
          ["r4", ["CNN"], "CNN", [{ text: "CNN", entity: "outlet:cnn", note: "by phone" }]],
          ["r5", [], "Korea Daily Wire", []],
          ["r6", ["CNN"], null, []],
          ["r7", ["CNN"], "", [{ text: "CNN", entity: "outlet:cnn" }]],
        ];
        for (const [id, chain, root, source] of cases) {
          await old.insertInto("reports").values({ id, claim_id: "c1", article_id: "a1", event_id: id, sentence: 0, trigger: "meeting", factuality: "PR+",
            chain: JSON.stringify(chain), root, origin_id: "o1", published: "2025-10-18", stance: "discussed", background: 0, time: null,
            source: JSON.stringify(source), trigger_start: null, trigger_end: null, place: null }).execute();
        }
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        const view = (await getClaim(store.db, "c1"))!;
        expect(view.reports.map((r) => [r.id, r.chain, r.root])).toEqual(cases.map(([id, chain, root]) => [id, chain, root]));
        const state = (await claimStates(store.db, ["c1"])).get("c1")!;
        expect(state.reports.map((r) => [r.id, r.source])).toEqual(cases.map(([id, , , source]) => [id, source]));
        expect(state.reports[0].credits).toEqual(credits);
        expect((await getArticle(store.db, "a1"))!.extraction.article.credits).toEqual(credits);
        expect((await store.db.selectFrom("articles").select("credits").executeTakeFirstOrThrow()).credits).toBe('[["Yonhap","outlet:yonhap"],["a wire service",null]]');
        // The names are not written again where the sources have them.
        const stored = new Map((await store.db.selectFrom("reports").select(["id", "chain", "root", "source"]).execute()).map((r) => [r.id, r]));
        expect(stored.get("r1")).toEqual({ id: "r1", chain: "", root: "", source: '[["U.S. officials",null],["CNN","outlet:cnn"]]' });
        expect(stored.get("r2")).toMatchObject({ chain: "", root: "Yonhap" });
        expect(stored.get("r3")!.chain).toBe('["A","B"]');
        expect(stored.get("r4")!.source).toBe('[{"text":"CNN","entity":"outlet:cnn","note":"by phone"}]');
        // A root that is itself empty keeps its chain written out, so that an empty root stays empty.
        expect(stored.get("r7")).toMatchObject({ chain: '["CNN"]', root: "" });
        // And a report written now is read back the same way.
        await applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("r8", "c1", "a1", "2025-10-18", { root: "Yonhap" })] });
        const r8 = (await getClaim(store.db, "c1"))!.reports.find((r) => r.id === "r8")!;
        expect([r8.chain, r8.root]).toEqual([["U.S. officials", "CNN"], "Yonhap"]);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the claim search index of a former store: the same claims found, ranked and scored the same", async () => {
      const { old, oldLocation } = await formerStore("0018_report_sources");
      const sqlite = engine.name === "sqlite";
      try {
        await old.insertInto("entities").values([
          { id: "person:donald-trump", name: "Donald Trump", type: "person", mentions: 1 },
          { id: "person:kim-jong-un", name: "Kim Jong Un", type: "person", mentions: 1 },
        ]).execute();
        const claims = [
          ["c1", "meet — Trump, Kim", "Trump and Kim may meet", ["person:donald-trump", "person:kim-jong-un"]],
          ["c2", "threaten — Kim", "Kim threatens a missile test", ["person:kim-jong-un"]],
          ["c3", "meet — Kim", "Kim will meet envoys at the summit", ["person:kim-jong-un"]],
        ] as const;
        // As the version before indexed them: the index's own copy of each claim's words.
        for (const [id, summary, statement, participants] of claims) {
          await old.insertInto("claims").values({ id, type: "meet", cameo: null, summary, polarity: "+", event_time: null, first_reported: "2025-10-18",
            last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement, historical: 0 }).execute();
          await old.insertInto("claim_participants").values(participants.map((entity_id) => ({ claim_id: id, entity_id }))).execute();
          const parties = participants.map((p) => (p === "person:kim-jong-un" ? "Kim Jong Un" : "Donald Trump")).join(" ");
          if (sqlite) await sql`insert into claim_search (rowid, summary, statement, parties) select rowid, ${summary}, ${statement}, ${parties} from claims where id = ${id}`.execute(old);
          else await sql`insert into claim_search (claim_id, doc) values (${id}, setweight(to_tsvector('english', ${summary}), 'A') || to_tsvector('english', ${statement}) || setweight(to_tsvector('english', ${parties}), 'B'))`.execute(old);
        }
        // One whose words changed, indexed again as the version before did.
        if (sqlite) {
          await old.updateTable("claims").set({ statement: "Kim and Trump met at the summit" }).where("id", "=", "c1").execute();
          await sql`delete from claim_search where rowid = (select rowid from claims where id = 'c1')`.execute(old);
          await sql`insert into claim_search (rowid, summary, statement, parties) select rowid, summary, statement, 'Donald Trump Kim Jong Un' from claims where id = 'c1'`.execute(old);
        }
        // What the former index answered, scores included.
        const queries = ["kim", "summit", "meet", "donald", "missile test", "may"];
        const before = new Map<string, unknown>();
        if (sqlite) {
          for (const q of queries) {
            const match = queryTerms(q).map((t, i, all) => `"${t}"${i === all.length - 1 ? "*" : ""}`).join(" AND ");
            const { rows } = await sql<{ id: string; score: number }>`select c.id, -bm25(claim_search, 2.0, 1.0, 1.0) as score from claim_search join claims c on c.rowid = claim_search.rowid
              where claim_search match ${match} order by bm25(claim_search, 2.0, 1.0, 1.0), c.id`.execute(old);
            before.set(q, rows.map((r) => ({ id: r.id, score: r.score })));
          }
          expect((before.get("kim") as unknown[]).length).toBe(3);
        }
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        if (sqlite) {
          await sql`insert into claim_search (claim_search, rank) values ('integrity-check', 1)`.execute(store.db);
          const tables = (await sql<{ name: string }>`select name from sqlite_schema where name like 'claim_search%'`.execute(store.db)).rows.map((r) => r.name);
          expect(tables).not.toContain("claim_search_content");
        }
        expect(await store.db.selectFrom("claims").select(["id", "parties"]).orderBy("id").execute()).toEqual([
          { id: "c1", parties: "Donald Trump Kim Jong Un" },
          { id: "c2", parties: "Kim Jong Un" },
          { id: "c3", parties: "Kim Jong Un" },
        ]);
        const found = async (q: string) => (await searchClaims(store.db, queryTerms(q), 0, 10)).rows.map((r) => ({ id: r.id, score: r.score }));
        expect((await found("summit")).map((r) => r.id).sort()).toEqual(sqlite ? ["c1", "c3"] : ["c3"]);
        expect((await found("kim")).length).toBe(3);
        if (sqlite) for (const q of queries) expect(await found(q)).toEqual(before.get(q));
        // A claim reworded after the conversion is found by its new words only, and the index still agrees with the rows.
        const c2 = claim("c2", "threaten", ["person:kim-jong-un"], { summary: "threaten — Kim", statement: "Kim threatens a missile test" });
        await applyLedgerChanges(store.db, { ...noChanges(), changedClaims: [{ ...c2, statement: "Kim calls off the launch" }] });
        expect((await found("launch")).map((r) => r.id)).toEqual(["c2"]);
        expect(await found("missile")).toEqual([]);
        if (sqlite) await sql`insert into claim_search (claim_search, rank) values ('integrity-check', 1)`.execute(store.db);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the reports of a former store: dates read from their articles, no key on their origin, the same claims read back", async () => {
      const { old, oldLocation } = await formerStore("0020_derived_story_features");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        const days = ["2025-10-18", null, "2025-10-11"];
        for (const [i, published] of days.entries()) {
          await old.insertInto("articles").values(formerArticle(i + 1, { published })).execute();
        }
        await old.insertInto("claims").values({ id: "c1", type: "meet", cameo: null, summary: "meet", polarity: "+", event_time: null, first_reported: "2025-10-11",
          last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0, parties: "" }).execute();
        await old.insertInto("claim_participants").values({ claim_id: "c1", entity_id: "person:kim-jong-un" }).execute();
        await old.insertInto("origins").values([
          { id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-11", source_key: "outlet:cnn" },
          { id: "o2", claim_id: "c1", root: "Yonhap", first_seen: "2025-10-18", source_key: "outlet:yonhap" },
        ]).execute();
        // As the version before wrote them: each report with its article's date.
        for (const [i, published] of days.entries()) {
          for (const e of ["e1", "e2"]) {
            await old.insertInto("reports").values({ id: `a${i + 1}:${e}`, claim_id: "c1", article_id: `a${i + 1}`, event_id: e, sentence: 0, trigger: "meeting", factuality: "PR+",
              chain: "", root: "", origin_id: e === "e1" ? "o1" : "o2", published, stance: e === "e1" ? "discussed" : "unplanned", background: 0, time: null,
              source: '[["CNN","outlet:cnn"]]', trigger_start: 3, trigger_end: 10, place: null }).execute();
          }
        }
        // What the claim page read before: reports by their own date (undated last), then article number and id.
        const before = await old.selectFrom("reports").innerJoin("articles", "articles.id", "reports.article_id")
          .select(["reports.id", "reports.published", "reports.origin_id"])
          .orderBy(sql`case when reports.published is null then 1 else 0 end`).orderBy("reports.published").orderBy("articles.seq").orderBy("reports.id").execute();
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        const columns = (await store.db.introspection.getTables()).find((t) => t.name === "reports")!.columns.map((c) => c.name);
        expect(columns).not.toContain("published");
        const view = (await getClaim(store.db, "c1"))!;
        expect(view.reports.map((r) => ({ id: r.id, published: r.published, origin_id: r.origin }))).toEqual(before);
        expect(view.origins.map((o) => [o.id, o.reports])).toEqual([["o1", ["a3:e1", "a1:e1", "a2:e1"]], ["o2", ["a3:e2", "a1:e2", "a2:e2"]]]);
        expect(view.origin_sides).toEqual({ for: 1, against: 1 });
        const state = (await claimStates(store.db, ["c1"])).get("c1")!;
        expect(state.reports.map((r) => [r.id, r.published])).toEqual(before.map((r) => [r.id, r.published]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
        expect(await claimBriefs(store.db, { participant: "person:kim-jong-un" })).toMatchObject([{ id: "c1", reports: 6, origins: 2, origin_sides: { for: 1, against: 1 } }]);
        // The linker moves an origin's reports before it drops the origin; nothing else looks for them.
        await applyLedgerChanges(store.db, { ...noChanges(), movedReports: ["a1:e2", "a2:e2", "a3:e2"].map((id) => ({ id, origin_id: "o1" })), goneOrigins: ["o2"] });
        expect((await getClaim(store.db, "c1"))!.origins.map((o) => [o.id, o.reports.length])).toEqual([["o1", 6]]);
        const indexes = (await sql<{ name: string }>`${sql.raw(engine.name === "sqlite" ? "select name from sqlite_schema where type = 'index' and tbl_name = 'reports'" : "select indexname as name from pg_indexes where tablename = 'reports'")}`.execute(store.db)).rows.map((r) => r.name);
        expect(indexes).not.toContain("reports_origin");
        expect(indexes).toEqual(expect.arrayContaining(["reports_claim", "reports_article"]));
        // Reports written now take their article's date too.
        await applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("a2:e3", "c1", "a2", null, { event_id: "e3", origin_id: "o1" })] });
        expect((await getClaim(store.db, "c1"))!.reports.at(-1)).toMatchObject({ id: "a2:e3", published: null });
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the claim participants of a former store: kept in the claim's row, keyed by entity in the table, read the same both ways", async () => {
      const { old, oldLocation } = await formerStore("0021_report_columns");
      try {
        const entities = [["person:donald-trump", "Donald Trump"], ["person:kim-jong-un", "Kim Jong Un"], ["country:KR", "South Korea"]];
        await old.insertInto("entities").values(entities.map(([id, name]) => ({ id, name, type: "person", mentions: 1 }))).execute();
        const claims = [
          ["c1", "meet", ["person:kim-jong-un", "person:donald-trump"]],
          ["c2", "meet", ["person:kim-jong-un"]],
          ["c3", "visit", ["person:donald-trump", "country:KR"]],
          ["c4", "meet", []],
        ] as const;
        for (const [id, type, participants] of claims) {
          await old.insertInto("claims").values({ id, type, cameo: null, summary: type, polarity: "+", event_time: null, first_reported: "2025-10-18",
            last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0, parties: "" }).execute();
          if (participants.length) await old.insertInto("claim_participants").values(participants.map((entity_id) => ({ claim_id: id, entity_id }))).execute();
        }
        // What the reads by claim had: each claim's participants in the store's order.
        const before = await old.selectFrom("claim_participants").select(["claim_id", "entity_id"]).orderBy("claim_id").orderBy("entity_id").execute();
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        const byClaim = new Map<string, string[]>();
        for (const p of before) byClaim.set(p.claim_id, [...(byClaim.get(p.claim_id) ?? []), p.entity_id]);
        // Kept in the claim's row (by entity number since 0028), in the store's order.
        const rows = await store.db.selectFrom("claims").select(["id", "participants"]).orderBy("id").execute();
        expect([...(await participantsOf(store.db, rows))]).toEqual(claims.map(([id]) => [id, byClaim.get(id) ?? []]));
        expect((await claimsOfType(store.db, "meet")).map((c) => [c.id, c.participants])).toEqual([["c1", byClaim.get("c1")], ["c2", byClaim.get("c2")], ["c4", []]]);
        expect((await getClaim(store.db, "c3"))!.participants).toEqual([{ id: "country:KR", name: "South Korea" }, { id: "person:donald-trump", name: "Donald Trump" }]);
        // By entity, from the table.
        expect((await claimBriefs(store.db, { participant: "person:kim-jong-un" })).map((c) => c.id)).toEqual(["c1", "c2"]);
        expect((await claimBriefs(store.db, { participant: "person:donald-trump" })).map((c) => c.id)).toEqual(["c1", "c3"]);
        const indexes = (await sql<{ name: string }>`${sql.raw(engine.name === "sqlite" ? "select name from sqlite_schema where type = 'index' and tbl_name = 'claim_participants'" : "select indexname as name from pg_indexes where tablename = 'claim_participants'")}`.execute(store.db)).rows.map((r) => r.name);
        expect(indexes).not.toContain("claim_participants_entity");
        // A claim written now keeps its participants both ways, each once.
        await applyLedgerChanges(store.db, { ...noChanges(), newClaims: [claim("c5", "meet", ["person:kim-jong-un", "country:KR", "person:kim-jong-un"])] });
        expect((await claimsOfType(store.db, "meet")).find((c) => c.id === "c5")!.participants).toEqual(["country:KR", "person:kim-jong-un"]);
        expect((await claimBriefs(store.db, { participant: "country:KR" })).map((c) => c.id)).toEqual(["c5", "c3"]);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("converts the entity rows of a former store to days as numbers: the entity page lists and quotes the same, in the same order", async () => {
      const { old, oldLocation } = await formerStore("0022_claim_participants");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        // Days around the epoch, month ends and a leap day, one undated, and two articles of one day.
        const days = ["2025-10-18", null, "1953-07-27", "1969-12-31", "1970-01-01", "2024-02-29", "2025-10-18", "2000-12-31", "1900-03-01"];
        const said = (idx: number) => packSaid([{ idx, sentence: 0, sentence_start: 0, sentence_end: 40, source_start: 0, source_end: 3, cue_start: 4, cue_end: 8, content_start: 9, content_end: 30, event_types: "meet" }]);
        for (const [i, published] of days.entries()) {
          const seq = i + 1;
          await old.insertInto("articles").values(formerArticle(seq, { published })).execute();
          // As the version before filed them: the day as text, "" when undated.
          await old.insertInto("entity_articles").values([
            { entity_id: "person:kim-jong-un", day: published ?? "", seq, mentions: seq % 3 === 0 ? NOT_MENTIONED : seq, said: seq % 2 === 0 ? said(seq) : null },
            { entity_id: "person:donald-trump", day: published ?? "", seq, mentions: 1, said: seq % 3 === 0 ? said(seq) : null },
          ]).execute();
        }
        // What the entity page read before: articles newest first (undated last), statements earliest first (undated last).
        const listed = async (db: typeof old, entity: string) => (await db.selectFrom("entity_articles").select("seq").where("entity_id", "=", entity).where("mentions", ">=", 0)
          .orderBy("day", "desc").orderBy("seq", "desc").execute()).map((r: { seq: number }) => `a${r.seq}`);
        const quotedBefore = async (entity: string | null) => {
          let q = old.selectFrom("entity_articles").select(["seq", "day"]).where("said", "is not", null);
          if (entity) q = q.where("entity_id", "=", entity);
          const rows = await q.execute();
          const key = (r: { day: string; seq: number }) => [r.day === "" ? "~" : r.day, r.seq] as const;
          return rows.sort((x: { day: string; seq: number }, y: { day: string; seq: number }) => (key(x)[0] !== key(y)[0] ? (key(x)[0] < key(y)[0] ? -1 : 1) : x.seq - y.seq)).map((r: { seq: number }) => `a${r.seq}`);
        };
        const before = {
          kim: await listed(old, "person:kim-jong-un"),
          trump: await listed(old, "person:donald-trump"),
          kimSaid: await quotedBefore("person:kim-jong-un"),
          allSaid: await quotedBefore(null),
        };
        expect(before.kim.at(-1)).toBe("a2");
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        expect((await mentionArticles(store.db, "person:kim-jong-un")).map((a) => a.id)).toEqual(before.kim);
        expect((await mentionArticles(store.db, "person:donald-trump")).map((a) => a.id)).toEqual(before.trump);
        expect((await statementsBy(store.db, "person:kim-jong-un")).map((s) => s.article)).toEqual(before.kimSaid);
        expect((await statementsBy(store.db, "person:kim-jong-un", 3)).map((s) => s.article)).toEqual(before.kimSaid.slice(0, 3));
        expect((await statementsBy(store.db, null)).map((s) => s.article)).toEqual(before.allSaid);
        // The engine's conversion gives the days `rowDay` gives the rows written now.
        const stored = await store.db.selectFrom("entity_articles").innerJoin("entity_numbers", "entity_numbers.num", "entity_articles.entity")
          .select(["entity_articles.seq", "entity_articles.day"]).where("entity_numbers.id", "=", "person:kim-jong-un").orderBy("entity_articles.seq").execute();
        expect(stored.map((r) => Number(r.day))).toEqual(days.map((d) => rowDay(d)));
        expect(rowDay(null)).toBe(UNDATED_ROW);
        expect([rowDay("1970-01-01"), rowDay("1969-12-31"), rowDay("2024-02-29"), rowDay("2024-03-01")]).toEqual([0, -1, 19782, 19783]);
        expect([rowDay("2025-13-01"), rowDay("October 18, 2025"), rowDay("2025-10-18T10:00")]).toEqual([UNDATED_ROW, UNDATED_ROW, UNDATED_ROW]);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("numbers the entities of a former store's entity rows: the entity page lists and quotes the same, and new entities take the next numbers", async () => {
      const { old, oldLocation } = await formerStore("0023_entity_days");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        const entities = ["person:kim-jong-un", "person:donald-trump", "outlet:quoted-only"];
        const said = (idx: number) => packSaid([{ idx, sentence: 0, sentence_start: 0, sentence_end: 40, source_start: 0, source_end: 3, cue_start: 4, cue_end: 8, content_start: 9, content_end: 30, event_types: "meet" }]);
        for (const [i, published] of ["2025-10-18", null, "2025-10-11", "2025-10-18"].entries()) {
          const seq = i + 1;
          await old.insertInto("articles").values(formerArticle(seq, { published })).execute();
          // As the version before filed them: by the entity's id.
          for (const [k, entity] of entities.entries()) {
            if ((seq + k) % 4 === 0) continue;
            await old.insertInto("entity_articles").values({ entity_id: entity, day: rowDay(published), seq, mentions: k === 2 ? NOT_MENTIONED : seq + k, said: (seq + k) % 2 === 1 ? said(seq) : null }).execute();
          }
        }
        // What the entity page read before, in the former key's order: articles newest first and statements earliest
        // first, the undated last in both.
        const before = new Map<string, { listed: string[]; quoted: string[] }>();
        for (const entity of entities) {
          const own = () => old.selectFrom("entity_articles").select("seq").where("entity_id", "=", entity);
          const listed = (await own().where("mentions", ">=", 0).orderBy("day", "desc").orderBy("seq", "desc").execute()).map((r: { seq: number }) => `a${r.seq}`);
          const dated = await own().where("said", "is not", null).where("day", ">", UNDATED_ROW).orderBy("day").orderBy("seq").execute();
          const undated = await own().where("said", "is not", null).where("day", "=", UNDATED_ROW).orderBy("seq").execute();
          before.set(entity, { listed, quoted: [...dated, ...undated].map((r: { seq: number }) => `a${r.seq}`) });
        }
        expect(before.get("outlet:quoted-only")!.listed).toEqual([]);
        expect(before.get("person:kim-jong-un")!.quoted.length).toBeGreaterThan(1);
        const count = Number((await old.selectFrom("entity_articles").select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        for (const entity of entities) {
          expect((await mentionArticles(store.db, entity)).map((a) => a.id)).toEqual(before.get(entity)!.listed);
          expect((await statementsBy(store.db, entity)).map((s) => s.article)).toEqual(before.get(entity)!.quoted);
        }
        // Every row kept, each entity numbered in the order of the ids.
        expect(Number((await store.db.selectFrom("entity_articles").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(count);
        expect(await store.db.selectFrom("entity_numbers").select(["num", "id"]).orderBy("num").execute()).toEqual(
          [...entities].sort().map((id, i) => ({ num: i + 1, id })),
        );
        // An article filed now numbers the entity it brings next, and finds the numbered ones.
        const e = sample("a9");
        await storeExtraction(store.db, e, extras(e));
        const numbers = await store.db.selectFrom("entity_numbers").select(["num", "id"]).orderBy("num").execute();
        expect(numbers.slice(0, 3)).toEqual([...entities].sort().map((id, i) => ({ num: i + 1, id })));
        expect(numbers.map((n) => n.num)).toEqual(numbers.map((_, i) => i + 1));
        expect((await mentionArticles(store.db, "person:kim-jong-un")).map((a) => a.id)).toContain("a9");
        expect((await mentionArticles(store.db, "person:donald-trump"))[0].id).toBe("a9");
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("numbers the participants of a former store's claims: an entity's claims and a question's evidence read the same", async () => {
      const { old, oldLocation } = await formerStore("0024_entity_numbers");
      try {
        // One entity numbered already (it has entity rows), the others not yet.
        await old.insertInto("entity_numbers").values({ num: 1, id: "person:kim-jong-un" }).execute();
        const claims = [
          ["c1", "meet", ["person:donald-trump", "person:kim-jong-un"]],
          ["c2", "meet", ["person:kim-jong-un"]],
          ["c3", "visit", ["country:KR", "person:donald-trump"]],
        ] as const;
        for (const [id, type, participants] of claims) {
          await old.insertInto("claims").values({ id, type, cameo: null, summary: type, polarity: "+", event_time: null, first_reported: "2025-10-18",
            last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0, parties: "",
            participants: JSON.stringify(participants) }).execute();
          await old.insertInto("claim_participants").values(participants.map((entity_id) => ({ entity_id, claim_id: id }))).execute();
        }
        // What the reads by entity found before: each entity's claims.
        const entities = ["person:kim-jong-un", "person:donald-trump", "country:KR"];
        const before = new Map<string, string[]>();
        for (const e of entities) before.set(e, (await old.selectFrom("claim_participants").select("claim_id").where("entity_id", "=", e).orderBy("claim_id").execute()).map((r: { claim_id: string }) => r.claim_id));
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        for (const e of entities) expect((await claimBriefs(store.db, { participant: e })).map((c) => c.id).sort()).toEqual(before.get(e));
        expect(await store.db.selectFrom("entity_numbers").select(["num", "id"]).orderBy("num").execute()).toEqual([
          { num: 1, id: "person:kim-jong-un" },
          { num: 2, id: "country:KR" },
          { num: 3, id: "person:donald-trump" },
        ]);
        expect(Number((await store.db.selectFrom("claim_participants").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(5);
        // A claim written now files its participants by number, numbering the new one.
        await applyLedgerChanges(store.db, { ...noChanges(), newClaims: [claim("c4", "meet", ["person:vladimir-putin", "person:kim-jong-un"])] });
        expect((await claimBriefs(store.db, { participant: "person:vladimir-putin" })).map((c) => c.id)).toEqual(["c4"]);
        expect((await claimBriefs(store.db, { participant: "person:kim-jong-un" })).map((c) => c.id).sort()).toEqual(["c1", "c2", "c4"]);
        expect((await store.db.selectFrom("entity_numbers").select("num").where("id", "=", "person:vladimir-putin").executeTakeFirstOrThrow()).num).toBe(4);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("drops the index of articles by outlet, which no read uses: articles read with their outlets as before", async () => {
      const { old, oldLocation } = await formerStore("0025_participant_numbers");
      try {
        const outlets = ["Korea Daily Wire", "Harbor City Ledger"];
        for (const name of outlets) await old.insertInto("outlets").values({ id: outletId(name), name, kind: null, aliases: "[]" }).execute();
        for (const [i, outlet] of [outlets[0], null, outlets[1]].entries()) {
          await old.insertInto("articles").values(formerArticle(i + 1, { outlet_id: outlet && outletId(outlet), published: `2025-10-1${i}` })).execute();
        }
        const before = await old.selectFrom("articles").leftJoin("outlets", "outlets.id", "articles.outlet_id").select(["articles.id", "outlets.name as outlet"]).orderBy("articles.seq").execute();
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        const indexes = (await sql<{ name: string }>`${sql.raw(engine.name === "sqlite" ? "select name from sqlite_schema where type = 'index' and tbl_name = 'articles'" : "select indexname as name from pg_indexes where tablename = 'articles'")}`.execute(store.db)).rows.map((r) => r.name);
        expect(indexes).not.toContain("articles_outlet");
        expect(indexes).toEqual(expect.arrayContaining(["articles_published", "articles_near_duplicate_of"]));
        expect((await listArticles(store.db, { limit: 10 })).map((a) => ({ id: a.id, outlet: a.outlet })).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(before);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("keeps a former store's report ids only where they are not article:event: claims, origins, spans and evidence read the same ids", async () => {
      const { old, oldLocation } = await formerStore("0026_articles_outlet_index");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        // An article id with a colon of its own, and one article undated.
        const articles = [["a1", "2025-10-18"], ["a2", null], ["x:3", "2025-10-11"]] as const;
        for (const [i, [id, published]] of articles.entries()) {
          await old.insertInto("articles").values(formerArticle(i + 1, { id, published })).execute();
        }
        await old.insertInto("entity_numbers").values([{ num: 1, id: "person:kim-jong-un" }, { num: 2, id: "person:donald-trump" }]).execute();
        for (const id of ["c1", "c2"]) {
          await old.insertInto("claims").values({ id, type: "meet", cameo: null, summary: "meet", polarity: "+", event_time: null, first_reported: "2025-10-11",
            last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0, parties: "",
            participants: '["person:donald-trump","person:kim-jong-un"]' }).execute();
          await old.insertInto("claim_participants").values([{ entity: 1, claim_id: id }, { entity: 2, claim_id: id }]).execute();
        }
        await old.insertInto("origins").values([
          { id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-11", source_key: "outlet:cnn" },
          { id: "o2", claim_id: "c1", root: "Yonhap", first_seen: "2025-10-18", source_key: "outlet:yonhap" },
          { id: "o3", claim_id: "c2", root: "CNN", first_seen: "2025-10-11", source_key: "outlet:cnn" },
        ]).execute();
        // [id, article, event, claim, origin]: ids as the linker gives them, and others (as tests and former stores hold):
        // one that looks like another article's, one without an event, one whose event has a colon.
        const reports = [
          ["a1:e1", "a1", "e1", "c1", "o1"],
          ["a1:e2", "a1", "e2", "c1", "o2"],
          ["a2:e1", "a2", "e1", "c1", "o1"],
          ["x:3:e4", "x:3", "e4", "c1", "o2"],
          ["x:3:e5", "x:3", "e5", "c2", "o3"],
          ["r-custom", "a2", "e9", "c1", "o1"],
          ["a1:e7", "a2", "e7", "c2", "o3"],
          ["r-null", "a1", null, "c2", "o3"],
          ["a2:x:y", "a2", "x:y", "c1", "o2"],
        ] as const;
        for (const [id, article, event, claimId, origin] of reports) {
          await old.insertInto("reports").values({ id, claim_id: claimId, article_id: article, event_id: event, sentence: 0, trigger: "meeting", factuality: "PR+",
            chain: "", root: "", origin_id: origin, stance: "discussed", background: 0, time: null, source: '[["CNN","outlet:cnn"]]', trigger_start: 3, trigger_end: 10, place: null }).execute();
        }
        // What the claim page read before: reports by their article's date (undated last), then article number and id.
        const before = async (claimId: string) => (await old.selectFrom("reports").innerJoin("articles", "articles.id", "reports.article_id")
          .select(["reports.id", "reports.article_id", "reports.origin_id", "reports.event_id"]).where("reports.claim_id", "=", claimId)
          .orderBy(sql`case when articles.published is null then 1 else 0 end`).orderBy("articles.published").orderBy("articles.seq").orderBy("reports.id").execute())
          .map((r: { id: string; article_id: string; origin_id: string; event_id: string | null }) => ({ id: r.id, article: r.article_id, origin: r.origin_id, event: r.event_id }));
        const c1 = await before("c1");
        const c2 = await before("c2");
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        for (const [id, was] of [["c1", c1], ["c2", c2]] as const) {
          const view = (await getClaim(store.db, id))!;
          expect(view.reports.map((r) => ({ id: r.id, article: r.article, origin: r.origin, event: r.event }))).toEqual(was);
        }
        expect((await getClaim(store.db, "c1"))!.origins.map((o) => [o.id, o.reports])).toEqual([["o1", ["a1:e1", "a2:e1", "r-custom"]], ["o2", ["x:3:e4", "a1:e2", "a2:x:y"]]]);
        const states = await claimStates(store.db, ["c1", "c2"]);
        const byId = (xs: readonly string[]) => [...xs].sort((x, y) => (x < y ? -1 : 1));
        expect(states.get("c1")!.reports.map((r) => [r.id, r.article_id])).toEqual(
          byId(reports.filter((r) => r[3] === "c1").map((r) => r[0])).map((id) => [id, reports.find((r) => r[0] === id)![1]]),
        );
        // Only the ids that are not article:event are kept.
        const kept = (await store.db.selectFrom("reports").select("id").where("id", "<>", "").execute()).map((r) => r.id).sort();
        expect(kept).toEqual(["a1:e7", "a2:x:y", "r-custom", "r-null"]);
        // Spans by id, of either kind; an id no report has finds nothing.
        const spans = await reportSpans(store.db, [...reports.map((r) => r[0]), "a1:e9", "nothing"]);
        expect(spans.map((s) => [s.report, s.article, s.claim]).sort()).toEqual(reports.map((r) => [r[0], r[1], r[3]]).sort());
        expect(await claimIdsReportedIn(store.db, ["a2"]).then((ids) => ids.sort())).toEqual(["c1", "c2"]);
        expect((await reportsInArticles(store.db, ["x:3"])).map((r) => [r.article_id, r.claim_id]).sort()).toEqual([["x:3", "c1"], ["x:3", "c2"]]);
        const evidence = await evidenceRows(store.db, ["meet"], ["person:kim-jong-un"]);
        expect(evidence.map((e) => e.report)).toEqual(["x:3:e4", "x:3:e5", "a1:e1", "a1:e2", "r-null"]);
        const indexes = (await sql<{ name: string }>`${sql.raw(engine.name === "sqlite" ? "select name from sqlite_schema where type = 'index' and tbl_name = 'reports'" : "select indexname as name from pg_indexes where tablename = 'reports'")}`.execute(store.db)).rows.map((r) => r.name);
        expect(indexes.sort()).toEqual(["reports_article", "reports_claim", "reports_id"]);
        // Moving reports finds them by either kind of id.
        await applyLedgerChanges(store.db, { ...noChanges(), movedReports: ["a1:e1", "r-custom", "a2:x:y"].map((id) => ({ id, origin_id: "o2" })) });
        expect((await getClaim(store.db, "c1"))!.origins.map((o) => [o.id, o.reports.length])).toEqual([["o1", 1], ["o2", 5]]);
        // A report written now keeps no id of the linker's form, and one id is written once.
        await applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("x:3:e6", "c2", "x:3", null, { event_id: "e6", origin_id: "o3" })] });
        expect((await getClaim(store.db, "c2"))!.reports.map((r) => r.id)).toContain("x:3:e6");
        expect(Number((await store.db.selectFrom("reports").select((eb) => eb.fn.countAll().as("n")).where("id", "=", "").executeTakeFirstOrThrow()).n)).toBe(6);
        await expect(applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("x:3:e6", "c2", "x:3", null, { event_id: "e6", origin_id: "o3" })] })).rejects.toThrow();
        await expect(applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("r-custom", "c2", "a1", null, { event_id: "e8", origin_id: "o3" })] })).rejects.toThrow();
        await expect(applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("r-elsewhere", "c2", "no-such-article", null)] })).rejects.toThrow();
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("keeps a former store's claim participants by entity number in the claim's row: claims of a type, claim pages and evidence read the same", async () => {
      const { old, oldLocation } = await formerStore("0027_report_keys");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        await old.insertInto("articles").values(formerArticle(1)).execute();
        const names = [["person:donald-trump", "Donald Trump"], ["person:kim-jong-un", "Kim Jong Un"], ["country:KR", "South Korea"], ["local:mr-x", "Mr X"]];
        await old.insertInto("entities").values(names.map(([id, name]) => ({ id, name, type: "person", mentions: 1 }))).execute();
        // Numbered in another order than the ids'; one participant not numbered at all.
        await old.insertInto("entity_numbers").values([{ num: 1, id: "person:kim-jong-un" }, { num: 2, id: "person:donald-trump" }, { num: 3, id: "country:KR" }]).execute();
        const claims = [
          ["c1", "meet", ["person:donald-trump", "person:kim-jong-un"]],
          ["c2", "meet", ["local:mr-x", "person:kim-jong-un"]],
          ["c3", "visit", ["country:KR", "person:donald-trump"]],
          ["c4", "meet", []],
        ] as const;
        for (const [id, type, participants] of claims) {
          await old.insertInto("claims").values({ id, type, cameo: null, summary: type, polarity: "+", event_time: null, first_reported: "2025-10-18",
            last_reported: "2025-10-18", status: "reported", story_id: null, place: null, stage: "discussed", statement: "", historical: 0, parties: "",
            participants: JSON.stringify(participants) }).execute();
          for (const entity_id of participants) {
            const num = { "person:kim-jong-un": 1, "person:donald-trump": 2, "country:KR": 3 }[entity_id as string];
            if (num) await old.insertInto("claim_participants").values({ entity: num, claim_id: id }).execute();
          }
          await old.insertInto("reports").values({ seq: 1, id: "", claim_id: id, event_id: `e${id}`, sentence: 0, trigger: "meeting", factuality: "PR+", chain: "", root: "",
            origin_id: null, stance: "discussed", background: 0, time: null, source: "[]", trigger_start: null, trigger_end: null, place: null }).execute();
        }
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        const of = new Map<string, readonly string[]>(claims.map(([id, , participants]) => [id, participants]));
        expect((await claimsOfType(store.db, "meet")).map((c) => [c.id, c.participants])).toEqual(["c1", "c2", "c4"].map((id) => [id, of.get(id)]));
        expect((await claimsOfType(store.db, "visit")).map((c) => [c.id, c.participants])).toEqual([["c3", of.get("c3")]]);
        expect((await getClaim(store.db, "c2"))!.participants).toEqual([{ id: "local:mr-x", name: "Mr X" }, { id: "person:kim-jong-un", name: "Kim Jong Un" }]);
        expect((await evidenceRows(store.db, ["meet"], ["person:kim-jong-un"])).map((e) => [e.claim, e.participants])).toEqual([["c1", of.get("c1")], ["c2", of.get("c2")]]);
        // The rows hold numbers; the participant that had none took the next one.
        expect(await store.db.selectFrom("claims").select(["id", "participants"]).orderBy("id").execute()).toEqual([
          { id: "c1", participants: "[2,1]" },
          { id: "c2", participants: "[4,1]" },
          { id: "c3", participants: "[3,2]" },
          { id: "c4", participants: "[]" },
        ]);
        expect((await store.db.selectFrom("entity_numbers").select("num").where("id", "=", "local:mr-x").executeTakeFirstOrThrow()).num).toBe(4);
        // A claim written now keeps its participants by number too, numbering the new one; a changed claim is rewritten alike.
        await applyLedgerChanges(store.db, { ...noChanges(), newClaims: [claim("c5", "meet", ["person:vladimir-putin", "person:kim-jong-un", "person:kim-jong-un"])] });
        expect((await store.db.selectFrom("claims").select("participants").where("id", "=", "c5").executeTakeFirstOrThrow()).participants).toBe("[1,5]");
        expect((await getClaim(store.db, "c5"))!.participants.map((p) => p.id)).toEqual(["person:kim-jong-un", "person:vladimir-putin"]);
        await applyLedgerChanges(store.db, { ...noChanges(), changedClaims: [claim("c1", "meet", ["person:kim-jong-un", "person:donald-trump"], { status: "corroborated" })] });
        expect((await claimsOfType(store.db, "meet")).find((c) => c.id === "c1")!.participants).toEqual(of.get("c1"));
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("keeps a former store's content hashes as bytes: every article is found by its hash and reads it back the same", async () => {
      const { old, oldLocation } = await formerStore("0028_claim_participant_numbers");
      try {
        await old.insertInto("outlets").values({ id: outletId("Korea Daily Wire"), name: "Korea Daily Wire", kind: null, aliases: "[]" }).execute();
        // A digest as ingest gives it, and other texts: short, 32 bytes long (ASCII and not), hex in capitals, empty.
        const hashes = [createHash("sha256").update("a body").digest("hex"), "hash-2", "x".repeat(32), "é".repeat(16), "AB".repeat(32), ""];
        for (const [i, hash] of hashes.entries()) {
          await old.insertInto("articles").values(formerArticle(i + 1, { content_hash: hash })).execute();
        }
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        for (const [i, hash] of hashes.entries()) {
          expect((await findArticleByHash(store.db, hash))?.id).toBe(`a${i + 1}`);
          expect((await getArticle(store.db, `a${i + 1}`))!.contentHash).toBe(hash);
        }
        expect((await articlesAfter(store.db, 0, 10)).map((a) => a.content_hash)).toEqual(hashes);
        const bytes = await store.db.selectFrom("articles").select(["seq", "content_hash"]).orderBy("seq").execute();
        expect(bytes.map((r) => r.content_hash.byteLength)).toEqual([32, 6, 33, 33, 64, 0]);
        // Written now: a digest as its 32 bytes, and still one article a hash.
        const e = sample("a9");
        const digest = createHash("sha256").update(e.article.text).digest("hex");
        await storeExtraction(store.db, e, extras(e, { contentHash: digest }));
        expect((await findArticleByHash(store.db, digest))?.id).toBe("a9");
        expect((await store.db.selectFrom("articles").select("content_hash").where("id", "=", "a9").executeTakeFirstOrThrow()).content_hash.byteLength).toBe(32);
        const again = sample("a10");
        await expect(storeExtraction(store.db, again, extras(again, { contentHash: "hash-2" }))).rejects.toThrow(/unique/i);
      } finally {
        await store.close();
        await oldLocation.remove();
        ({ store, location, close } = await openFresh(engine));
      }
    });

    it("carries articles stored under the former per-annotation tables over to compact readings", async () => {
      // A store as the version before compact readings left it.
      const { old, oldLocation } = await formerStore("0007_binary_text");
      try {
        const e = sample("a1");
        e.attributions[0].source.entity = "person:kim-jong-un";
        await writeFormerRows(old, e);
        await old.destroy();
        store = await openStore({ path: oldLocation.location });
        expect((await getArticle(store.db, "a1"))?.extraction).toEqual(e);
        expect(await findBandCandidates(store.db, fingerprint(TEXT).bands, 2)).toEqual([{ article_id: "a1", shared: 64 }]);
        expect(await store.db.selectFrom("entities").select(["id", "mentions"]).orderBy("id").execute()).toEqual([
          { id: "outlet:cnn", mentions: 1 },
          { id: "person:donald-trump", mentions: 2 },
          { id: "person:kim-jong-un", mentions: 1 },
        ]);
        expect((await statementsBy(store.db, "person:kim-jong-un")).map((s) => [s.entity, s.article, s.published, s.cue])).toEqual([
          ["person:kim-jong-un", "a1", "2025-10-18", "said"],
        ]);
        expect(await mentionArticles(store.db, "person:donald-trump")).toEqual([{ id: "a1", title: "Trump and Kim may meet", published: "2025-10-18", mentions: 2 }]);
        const tables = (await store.db.introspection.getTables()).map((t) => t.name);
        for (const gone of ["sentences", "mentions", "times", "attributions", "event_mentions", "minhash_bands"]) expect(tables).not.toContain(gone);
      } finally {
        await store.close();
        await oldLocation.remove();
        // The suite's own store was closed above; open a fresh one for afterEach to close.
        ({ store, location, close } = await openFresh(engine));
      }
    });
  });

  describe("search", () => {
    it("finds articles by every word, stemmed, the last as a prefix; ranks title words first; pages with a total", async () => {
      const texts: [string, string, string][] = [
        ["s1", "Harbor strike ends", "Dock workers ended their strike in Rotterdam after talks on wages."],
        ["s2", "Talks on wages", "Negotiators met again. The strike may resume if the talks fail."],
        ["s3", "Weather", "Rain is expected in Rotterdam; dock work slows."],
      ];
      for (const [id, title, text] of texts) {
        const e: Extraction = { schema: EXTRACT_SCHEMA, article: { ...sample(id).article, id, title, text }, sentences: [], entities: [], times: [], attributions: [], events: [] };
        await storeExtraction(store.db, e, extras(e));
      }
      const ids = async (q: string, offset = 0, limit = 10) => {
        const page = await searchArticles(store.db, queryTerms(q), offset, limit);
        return { total: page.total, ids: page.rows.map((r) => r.id) };
      };
      expect(await ids("strike")).toEqual({ total: 2, ids: ["s1", "s2"] });
      expect(await ids("striking")).toEqual({ total: 2, ids: ["s1", "s2"] });
      expect(await ids("talks wages")).toMatchObject({ total: 2 });
      expect((await ids("talks wages")).ids[0]).toBe("s2");
      expect(await ids("rotterd")).toMatchObject({ total: 2 });
      expect(await ids("rotterdam weather")).toEqual({ total: 1, ids: ["s3"] });
      expect(await ids("strike", 1, 1)).toEqual({ total: 2, ids: ["s2"] });
      expect(await ids("nothing-here")).toEqual({ total: 0, ids: [] });
      const [hit] = (await searchArticles(store.db, queryTerms("weather"), 0, 1)).rows;
      expect(hit).toMatchObject({ id: "s3", title: "Weather", outlet: "Korea Daily Wire", text: texts[2][2] });
    });

    it("finds claims by their words and their parties' full names, and entities by name or alias", async () => {
      for (const [id, date] of [["a1", "2025-10-18"]] as const) {
        const e = sample(id, `${TEXT} ${id}`, date);
        await storeExtraction(store.db, e, extras(e));
      }
      const c1 = claim("c1", "meet", ["person:donald-trump", "person:kim-jong-un"], { summary: "meet — Trump, Kim", statement: "Trump and Kim may meet" });
      await applyLedgerChanges(store.db, { ...noChanges(), newClaims: [c1, claim("c2", "threaten", ["person:kim-jong-un"], { summary: "threaten — Kim", statement: "Kim threatens a test" })] });
      const found = async (q: string) => (await searchClaims(store.db, queryTerms(q), 0, 10)).rows.map((r) => r.id).sort();
      expect(await found("meeting")).toEqual(["c1"]);
      expect(await found("kim jong un")).toEqual(["c1", "c2"]);
      expect(await found("donald")).toEqual(["c1"]);
      // A claim whose words change is found by its new words only.
      await applyLedgerChanges(store.db, { ...noChanges(), changedClaims: [{ ...c1, statement: "Trump and Kim met in Panmunjom" }] });
      expect(await found("panmunjom")).toEqual(["c1"]);
      expect(await found("may")).toEqual([]);
      // SQLite's index reads the words from the claims' rows: index and rows agree.
      if (engine.name === "sqlite") await sql`insert into claim_search (claim_search, rank) values ('integrity-check', 1)`.execute(store.db);
      expect((await store.db.selectFrom("claims").select(["id", "parties"]).orderBy("id").execute())).toEqual([
        { id: "c1", parties: "Donald Trump Kim Jong Un" },
        { id: "c2", parties: "Kim Jong Un" },
      ]);
      const entities = await searchEntities(store.db, queryTerms("kim"), 0, 10);
      expect(entities.rows.map((e) => e.id)).toEqual(["person:kim-jong-un"]);
      expect((await searchEntities(store.db, queryTerms("jong"), 0, 10)).rows[0]).toMatchObject({ id: "person:kim-jong-un", alias: null });
    });
  });

  describe("claims, reports, origins, stories", () => {
    beforeEach(async () => {
      if (engine.skip) return;
      for (const [id, date] of [["a1", "2025-10-18"], ["a2", "2025-10-19"]] as const) {
        const e = sample(id, `${TEXT} ${id}`, date);
        await storeExtraction(store.db, e, extras(e));
      }
    });

    it("writes a claim with reports, origins and status history and reads it back in the contract's shape", async () => {
      await store.transaction(async (tx) => {
        await replaceStories(tx, [{ id: "s1", title: "Trump–Kim", first_published: "2025-10-18", last_published: "2025-10-18", articles: ["a1"] }]);
        // What linking the first article writes: a new claim, its origin, its report and its first status.
        const c1 = claim("c1", "meet", ["person:kim-jong-un", "person:donald-trump", "person:kim-jong-un"], {
          cameo: "036",
          summary: "meet — Kim, Trump",
          statement: "Trump and Kim may meet",
          eventTime: "2025-FA",
          firstReported: "2025-10-18",
          lastReported: "2025-10-18",
        });
        await applyLedgerChanges(tx, {
          ...noChanges(),
          newClaims: [c1],
          newOrigins: [{ id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-18" }],
          newReports: [report("r1", "c1", "a1", "2025-10-18")],
          histories: [{ claimId: "c1", history: [{ status: "reported", stage: "discussed", at: "2025-10-18" }] }],
        });
        // And the second: another report of the same origin, a later last report, a longer history.
        await applyLedgerChanges(tx, {
          ...noChanges(),
          changedClaims: [{ ...c1, lastReported: "2025-10-19", status: "corroborated" }],
          newReports: [report("r2", "c1", "a2", "2025-10-19")],
          histories: [{ claimId: "c1", history: [{ status: "reported", stage: "discussed", at: "2025-10-18" }, { status: "corroborated", stage: "discussed", at: "2025-10-19" }] }],
        });
        await replaceStories(tx, [{ id: "s1", title: "Trump–Kim talks", first_published: "2025-10-18", last_published: "2025-10-19", articles: ["a2", "a1"] }]);
      });

      const view = await getClaim(store.db, "c1");
      expect(view).toMatchObject({
        id: "c1",
        type: "meet",
        cameo: "036",
        summary: "meet — Kim, Trump",
        statement: "Trump and Kim may meet",
        polarity: "+",
        status: "corroborated",
        first_reported: "2025-10-18",
        last_reported: "2025-10-19",
        when: "2025-FA",
        participants: [
          { id: "person:donald-trump", name: "Donald Trump" },
          { id: "person:kim-jong-un", name: "Kim Jong Un" },
        ],
        status_history: [
          { status: "reported", stage: "discussed", at: "2025-10-18" },
          { status: "corroborated", stage: "discussed", at: "2025-10-19" },
        ],
        origins: [{ id: "o1", root: "CNN", reports: ["r1", "r2"], first_seen: "2025-10-18" }],
        origin_sides: { for: 1, against: 0 },
      });
      expect(view?.reports.map((r) => r.id)).toEqual(["r1", "r2"]);
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
        { id: "s1", title: "Trump–Kim talks", first_published: "2025-10-18", last_published: "2025-10-19", articles: ["a1", "a2"], claims: ["c1"] },
      ]);
    });

    it("reads every claim of a type with its participants, and moves reports between origins", async () => {
      await applyLedgerChanges(store.db, {
        ...noChanges(),
        newClaims: [claim("meet-a", "meet", ["person:kim-jong-un", "person:donald-trump"]), claim("meet-b", "meet", ["person:xi-jinping"]), claim("threat", "threaten", ["person:kim-jong-un"])],
        newOrigins: [
          { id: "o-cnn", claim_id: "meet-a", root: "CNN", first_seen: "2025-10-18" },
          { id: "o-own", claim_id: "meet-a", root: "Korea Daily Wire", first_seen: "2025-10-19" },
        ],
        newReports: [
          report("r1", "meet-a", "a1", "2025-10-18", { origin_id: "o-cnn" }),
          report("r2", "meet-a", "a2", "2025-10-19", { origin_id: "o-own", chain: [], source: [], root: "Korea Daily Wire" }),
        ],
      });
      const meets = await claimsOfType(store.db, "meet");
      expect(meets.map((c) => [c.id, c.participants])).toEqual([
        ["meet-a", ["person:donald-trump", "person:kim-jong-un"]],
        ["meet-b", ["person:xi-jinping"]],
      ]);
      expect(meets[0]).toMatchObject({ type: "meet", place: null, eventTime: null, firstReported: "2025-10-10", lastReported: "2025-10-18", historical: false });

      // The second report turns out to re-tell CNN: it joins CNN's origin and the outlet's own origin goes.
      await applyLedgerChanges(store.db, { ...noChanges(), movedReports: [{ id: "r2", origin_id: "o-cnn" }], goneOrigins: ["o-own"] });
      const view = await getClaim(store.db, "meet-a");
      expect(view?.origins).toEqual([{ id: "o-cnn", root: "CNN", reports: ["r1", "r2"], first_seen: "2025-10-18" }]);
    });

    it("sides each origin with its latest report, and reads an entity's claims in brief with counts", async () => {
      await applyLedgerChanges(store.db, {
        ...noChanges(),
        newClaims: [
          claim("c1", "meet", ["person:kim-jong-un", "person:donald-trump"], { stage: "called_off", statement: "", summary: "meet — Trump, Kim", eventTime: "2025-10-30" }),
          claim("c2", "threaten", ["person:xi-jinping"], { statement: "Xi threatens" }),
        ],
        newOrigins: [
          { id: "o1", claim_id: "c1", root: "CNN", first_seen: "2025-10-18" },
          { id: "o2", claim_id: "c1", root: "Korea Daily Wire", first_seen: "2025-10-18" },
        ],
        newReports: [
          report("r1", "c1", "a1", "2025-10-18", { stance: "scheduled" }),
          report("r2", "c1", "a1", "2025-10-18", { origin_id: "o2", stance: "scheduled", event_id: "e2", background: true }),
          report("r3", "c1", "a2", "2025-10-19", { origin_id: "o2", stance: "called_off" }),
          report("r4", "c2", "a2", "2025-10-19", { origin_id: null }),
        ],
      });
      const view = (await getClaim(store.db, "c1"))!;
      expect(view).toMatchObject({ stage: "called_off", polarity: "-", statement: "meet — Trump, Kim", origin_sides: { for: 1, against: 1 } });
      const briefs = await claimBriefs(store.db, { participant: "person:kim-jong-un" });
      expect(briefs).toEqual([
        {
          id: "c1", type: "meet", summary: "meet — Trump, Kim", statement: "meet — Trump, Kim", when: "2025-10-30", status: "reported", stage: "called_off", polarity: "-",
          historical: false, first_reported: "2025-10-10", last_reported: "2025-10-18", reports: 3, origins: 2, origin_sides: { for: 1, against: 1 },
        },
      ]);
      expect(await claimBriefs(store.db, { participant: "person:xi-jinping" })).toMatchObject([{ id: "c2", statement: "Xi threatens", reports: 1, origins: 0, origin_sides: { for: 0, against: 0 } }]);
    });

    it("enforces the links between tables", async () => {
      await expect(
        applyLedgerChanges(store.db, { ...noChanges(), newReports: [report("r1", "no-such-claim", "a1", null, { origin_id: null })] }),
      ).rejects.toThrow(/foreign key/i);
    });
  });
});

describe("store locations", () => {
  it("a SQLite store uses WAL and foreign keys", async () => {
    const { store, location, close } = await openFresh(ENGINES[0]);
    try {
      expect(existsSync(location)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0].journal_mode).toBe("wal");
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(fk.rows[0].foreign_keys).toBe(1);
    } finally {
      await close();
    }
  });

  it("a PostgreSQL store that cannot be reached fails naming it, password hidden", async () => {
    const err = await openStore({ path: "postgres://bw:secret@127.0.0.1:1/bellwether" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^cannot open the PostgreSQL store postgres:\/\/bw:\*\*\*@127\.0\.0\.1:1\/bellwether: /);
    expect((err as Error).message).not.toContain("secret");
  });
});
