import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { asTextFile, generateArticle, generateCorpus, writeCorpus, type GeneratedArticle } from "../bench/ingest.js";
import { DEFAULT_DB, loadConfig } from "../src/app/config.js";
import { contentHash, ingestInputs, ingestResults, type ArticleLinker, type IngestEvent } from "../src/app/ingest.js";
import { rebuildStories } from "../src/app/stories.js";
import { contentId } from "../src/extract/ids.js";
import { main } from "../src/serve/cli/main.js";
import { createLinker, DEFAULT_LEDGER_OPTIONS } from "../src/app/link.js";
import { rereportingCorpus } from "./support/corpus.js";
import { extract } from "../src/extract/index.js";
import { getArticle, storeExtraction, listArticles, listStories, type Store } from "../src/store/index.js";
import { announceSkips, ENGINES, openFresh } from "./support/stores.js";

const TABLES = [
  "outlets", "articles", "readings", "entities", "aliases", "entity_articles",
  "claims", "claim_participants", "reports", "origins", "claim_status", "stories", "story_articles", "lsh_buckets", "meta",
];

/** Every row of every table, in a fixed order, without the wall-clock column. */
function snapshot(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of TABLES) {
      const rows = db.prepare(`select * from "${t}"`).all() as Record<string, unknown>[];
      out[t] = rows
        .map((r) => {
          const { ingested_at: _, ...rest } = r;
          return JSON.stringify(rest, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v));
        })
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

/** The same, through an open store of any engine. */
async function snapshotOf(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const rows = (await store.db.selectFrom(t as "articles").selectAll().execute()) as Record<string, unknown>[];
    out[t] = rows
      .map((r) => {
        const { ingested_at: _, ...rest } = r;
        return JSON.stringify(rest, (_k, v) => (v && typeof v === "object" && v.type === "Buffer" ? Buffer.from(v.data).toString("hex") : v));
      })
      .sort();
  }
  return out;
}

const paragraphs = (text: string) => text.trim().split(/\n\n/);
const body = (a: GeneratedArticle) => a.text;

let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-ingest-"));
});

afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
});

announceSkips();

/** A folder of 20 generated articles, one exact re-post and two rewrites of earlier ones. */
function writeMixedFolder(folder: string): { corpus: GeneratedArticle[]; rewrite: string; trimmed: string } {
  const corpus = generateCorpus(20, 4242);
  writeCorpus(folder, corpus);
  // The same body under another outlet's header is still the same article.
  writeFileSync(join(folder, "zz-repost.txt"), asTextFile({ ...corpus[2], outlet: "Harbor Times", title: "Reposted" }));
  const ps = paragraphs(body(corpus[3]));
  ps[0] = paragraphs(generateArticle(99_999).text)[0];
  const rewrite = ps.join("\n\n") + "\n";
  writeFileSync(join(folder, "zz-rewrite.txt"), asTextFile({ ...corpus[3], text: rewrite, date: "2030-01-01" }));
  const trimmed = paragraphs(body(corpus[5])).slice(0, 5).join("\n\n") + "\n";
  writeFileSync(join(folder, "zz-trimmed.txt"), asTextFile({ ...corpus[5], text: trimmed, date: "2030-01-02" }));
  return { corpus, rewrite, trimmed };
}

describe.each(ENGINES)("ingestInputs on $name", (engine) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async (ctx) => {
    if (engine.skip) ctx.skip();
    ({ store, close } = await openFresh(engine));
  });

  afterEach(async () => {
    if (!engine.skip) await close();
  });

  /** Ingests into a second fresh store of the engine and returns its snapshot. */
  const elsewhere = async (run: (other: Store) => Promise<unknown>) => {
    const other = await openFresh(engine);
    try {
      await run(other.store);
      return await snapshotOf(other.store);
    } finally {
      await other.close();
    }
  };

  it("stores new articles, skips exact duplicates and links near-duplicates to their original", async () => {
    const folder = join(dir, "in");
    const { corpus, rewrite, trimmed } = writeMixedFolder(folder);
    const events: IngestEvent[] = [];
    const summary = await ingestInputs(store, [folder], {}, (e) => events.push(e));
    expect(summary).toEqual({ new: 20, duplicate: 1, near_duplicate: 2, failed: [] });
    expect(events.map((e) => e.done)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const listed = await listArticles(store.db);
    expect(listed).toHaveLength(22);
    const byInput = new Map(listed.map((a) => [a.input, a]));
    const idOf = (name: string) => byInput.get(join(folder, name))?.id;
    expect(events.find((e) => e.input.endsWith("zz-repost.txt"))).toMatchObject({ outcome: "duplicate", id: idOf("00002.txt") });
    expect(byInput.get(join(folder, "zz-rewrite.txt"))?.near_duplicate_of).toBe(idOf("00003.txt"));
    expect(byInput.get(join(folder, "zz-trimmed.txt"))?.near_duplicate_of).toBe(idOf("00005.txt"));
    expect(events.find((e) => e.input.endsWith("zz-trimmed.txt"))).toMatchObject({ outcome: "near_duplicate", original: idOf("00005.txt") });
    expect(listed.filter((a) => a.near_duplicate_of === null)).toHaveLength(20);

    // Text-file ids are derived from the body the loader hands over, so they are stable across runs.
    const first = await getArticle(store.db, idOf("00000.txt")!);
    expect(first?.extraction.article).toMatchObject({ title: corpus[0].title, outlet: corpus[0].outlet, published: corpus[0].date });
    expect(first?.extraction.article.id).toBe(contentId(first!.extraction.article.text));
    expect(first?.contentHash).toBe(contentHash(corpus[0].text));
    expect(await getArticle(store.db, contentId(rewrite.trim()))).toBeDefined();
    expect(await getArticle(store.db, contentId(trimmed.trim()))).toBeDefined();
  });

  it("is idempotent: a second run stores nothing and leaves every table as it was", async () => {
    const folder = join(dir, "in");
    writeMixedFolder(folder);
    await ingestInputs(store, [folder]);
    const before = await snapshotOf(store);
    expect(before.articles).toHaveLength(22);
    expect(before.entity_articles.filter((r) => (r as { said: unknown }).said !== null).length).toBeGreaterThan(22);
    const again = await ingestInputs(store, [folder]);
    expect(again).toEqual({ new: 0, duplicate: 23, near_duplicate: 0, failed: [] });
    expect(await snapshotOf(store)).toEqual(before);
  });

  it("gives the same store contents for the same inputs, whatever the clock says", async () => {
    const folder = join(dir, "in");
    writeMixedFolder(folder);
    await ingestInputs(store, [folder], { now: () => new Date("2001-01-01T00:00:00Z") });
    const other = await elsewhere((o) => ingestInputs(o, [folder]));
    expect(other).toEqual(await snapshotOf(store));
  });

  it("stores the same whether documents are read on worker threads or on the calling thread", async () => {
    const folder = join(dir, "in");
    writeMixedFolder(folder);
    await ingestInputs(store, [folder], { readerThreads: 2 });
    const inline = await elsewhere((o) => ingestInputs(o, [folder], { readerThreads: 0 }));
    expect(inline).toEqual(await snapshotOf(store));
  });

  it("groups stories over several runs exactly as one run, and as a rebuild from the store, does", async () => {
    const corpus = generateCorpus(30, 9090);
    writeCorpus(join(dir, "first"), corpus.slice(0, 12));
    writeCorpus(join(dir, "second"), corpus.slice(12));
    writeCorpus(join(dir, "all"), corpus);
    const stories = (s: Record<string, unknown[]>) => ({ stories: s.stories, story_articles: s.story_articles, claims: s.claims, meta: s.meta });
    await ingestInputs(store, [join(dir, "first")], { readerThreads: 1 });
    // A lone article in a run of its own is grouped in-process.
    await ingestInputs(store, [join(dir, "second", "00000.txt")], { readerThreads: 1 });
    await ingestInputs(store, [join(dir, "second")], { readerThreads: 1 });
    const once = stories(await elsewhere((o) => ingestInputs(o, [join(dir, "all")], { readerThreads: 0 })));
    const grown = stories(await snapshotOf(store));
    expect(grown.stories.length).toBeGreaterThan(1);
    expect(grown).toEqual(once);
    await rebuildStories(store);
    expect(stories(await snapshotOf(store))).toEqual(grown);
  });

  it("regroups stories from the store when another writer stored articles between the run's", async () => {
    const docs = [11, 12, 13, 14].map((seed) => ({ ok: true as const, doc: { input: `a${seed}.txt`, article: { text: generateArticle(seed).text } } }));
    const other = generateArticle(15);
    const linker = createLinker();
    let interleaved = false;
    // Stands for another process: an article stored right after this run's first, without story features.
    const link: ArticleLinker = async (tx, article) => {
      await linker(tx, article);
      if (interleaved) return;
      interleaved = true;
      const extras = { contentHash: "other", bands: [], nearDuplicateOf: null, ingestedAt: "2025-01-01T00:00:00Z", input: "other" };
      await storeExtraction(tx, extract({ id: "other", text: other.text, date: other.date }), extras);
    };
    for (const readerThreads of [0, 1]) {
      await ingestResults(store, docs, { link, readerThreads });
      const grouped = (await listStories(store.db)).flatMap((s) => s.articles).sort();
      expect(grouped).toEqual((await listArticles(store.db)).map((a) => a.id).sort());
      expect(grouped).toContain("other");
      const before = await snapshotOf(store);
      await rebuildStories(store);
      expect(await snapshotOf(store)).toEqual(before);
      await close();
      ({ store, close } = await openFresh(engine));
      interleaved = false;
    }
  });

  it("links the same whether the linker keeps every claim's state in memory or keeps forgetting them", async () => {
    // When the memory of claim states overflowed, the claims an article asked for that were already in it were taken
    // as claims without reports, and their origins written again: "linking failed: UNIQUE constraint failed:
    // origins.id" once a run had read some 50,000 claims. A second run, whose articles join claims of the first as
    // well as its own, with room for three claims' states, meets that at once.
    const corpus = rereportingCorpus(90, 5150);
    writeCorpus(join(dir, "first"), corpus.slice(0, 45));
    writeCorpus(join(dir, "second"), corpus.slice(45));
    const ledger = (s: Record<string, unknown[]>) => ({ claims: s.claims, reports: s.reports, origins: s.origins, claim_status: s.claim_status });
    for (const part of ["first", "second"]) expect((await ingestInputs(store, [join(dir, part)], { readerThreads: 0 })).failed).toEqual([]);
    const tight = await elsewhere(async (o) => {
      for (const part of ["first", "second"]) {
        const summary = await ingestInputs(o, [join(dir, part)], { readerThreads: 0, link: createLinker(DEFAULT_LEDGER_OPTIONS, { stateCacheClaims: 3 }) });
        expect(summary.failed).toEqual([]);
      }
    });
    const reference = ledger(await snapshotOf(store));
    expect(reference.origins.length).toBeGreaterThan(50);
    expect(ledger(tight)).toEqual(reference);
  });

  it("treats texts differing only in white space as the same article", async () => {
    const text = generateArticle(5).text;
    expect(contentHash(text)).toBe(contentHash(text.replace(/ /g, "  ").replace(/\n\n/g, "\r\n\r\n") + "\n\n"));
    const results = [
      { ok: true as const, doc: { input: "one", article: { text } } },
      { ok: true as const, doc: { input: "two", article: { text: `  ${text.replace(/\. /g, ".\n")}` } } },
    ];
    expect(await ingestResults(store, results)).toEqual({ new: 1, duplicate: 1, near_duplicate: 0, failed: [] });
  });

  it("makes an earlier-published copy that arrives later the original of the group", async () => {
    const text = generateArticle(77).text;
    const cut = paragraphs(text).slice(0, 6).join("\n\n");
    const lead = paragraphs(text);
    lead[0] = paragraphs(generateArticle(78).text)[0];
    const docs = [
      { input: "later.txt", article: { text, date: "2025-10-19" } },
      { input: "earlier-trim.txt", article: { text: cut, date: "2025-10-18" } },
      { input: "latest.txt", article: { text: lead.join("\n\n"), date: "2025-10-20" } },
    ];
    const summary = await ingestResults(
      store,
      docs.map((doc) => ({ ok: true as const, doc })),
    );
    expect(summary).toEqual({ new: 2, duplicate: 0, near_duplicate: 1, failed: [] });
    const byId = new Map((await listArticles(store.db)).map((a) => [a.input, a]));
    expect(byId.get("earlier-trim.txt")?.near_duplicate_of).toBeNull();
    expect(byId.get("later.txt")?.near_duplicate_of).toBe(contentId(cut));
    expect(byId.get("latest.txt")?.near_duplicate_of).toBe(contentId(cut));
  });

  it("reports an article whose linking fails, stores nothing of it, and goes on", async () => {
    const docs = [1, 2, 3].map((seed) => ({ ok: true as const, doc: { input: `a${seed}.txt`, article: { text: generateArticle(seed).text } } }));
    const link: ArticleLinker = async (tx, { id }) => {
      await tx.insertInto("meta").values({ key: `linked:${id}`, value: "1" }).execute();
      if (id === contentId(docs[1].doc.article.text)) throw new Error("no claim for you");
    };
    const summary = await ingestResults(store, docs, { link });
    expect(summary).toEqual({ new: 2, duplicate: 0, near_duplicate: 0, failed: [{ input: "a2.txt", error: "linking failed: no claim for you" }] });
    const ids = (await listArticles(store.db)).map((a) => a.input);
    expect(ids).toEqual(expect.arrayContaining(["a1.txt", "a3.txt"]));
    expect(ids).toHaveLength(2);
    const linked = await store.db.selectFrom("meta").select("key").where("key", "like", "linked:%").execute();
    expect(linked).toHaveLength(2);
    const sentences = await store.db.selectFrom("readings").select("seq").distinct().execute();
    expect(sentences).toHaveLength(2);
  });

  it("uses JSON Lines ids, and refuses a reused id with a different text", async () => {
    const a = generateArticle(1);
    const b = generateArticle(2);
    const file = join(dir, "batch.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ id: "kd-1", text: a.text, date: a.date, outlet: a.outlet }),
        JSON.stringify({ id: "kd-1", text: a.text }),
        JSON.stringify({ id: "kd-1", text: b.text }),
        "{not json",
        JSON.stringify({ id: "kd-2", text: b.text }),
      ].join("\n") + "\n",
    );
    const summary = await ingestInputs(store, [file]);
    expect(summary.new).toBe(2);
    expect(summary.duplicate).toBe(1);
    expect(summary.failed.map((f) => f.input)).toEqual([`${file}:3`, `${file}:4`]);
    expect(summary.failed[0].error).toMatch(/kd-1.*already stored/);
    expect((await listArticles(store.db)).map((x) => x.id).sort()).toEqual(["kd-1", "kd-2"]);
  });
});

describe("bellwether ingest", () => {
  let out: string;
  let err: string;

  beforeEach(() => {
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const run = (...args: string[]) => main(["node", "bellwether", "ingest", ...args]);

  it("stores the good inputs of a batch, names the bad ones, and exits 1", async () => {
    const folder = join(dir, "in");
    writeCorpus(folder, generateCorpus(5, 10));
    writeFileSync(join(dir, "empty.txt"), "");
    mkdirSync(join(dir, "nothing-here"));
    const db = join(dir, "cli.db");
    const code = await run("--db", db, "--json", folder, join(dir, "missing.txt"), join(dir, "empty.txt"), join(dir, "nothing-here"));
    expect(code).toBe(1);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ new: 5, duplicate: 0, near_duplicate: 0 });
    expect(summary.failed.map((f: { input: string }) => f.input)).toEqual([
      join(dir, "missing.txt"),
      join(dir, "empty.txt"),
      join(dir, "nothing-here"),
    ]);
    expect(summary.failed[0].error).toMatch(/no such file/);
    expect(err).toBe("");
    expect(snapshot(db).articles).toHaveLength(5);
  });

  it("prints one summary line and a plain line per document off a terminal, and exits 0", async () => {
    const folder = join(dir, "in");
    writeCorpus(folder, generateCorpus(3, 10));
    const db = join(dir, "cli.db");
    expect(await run("--db", db, "--outlet", "Capital Ledger", folder)).toBe(0);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toMatch(/3 new, 0 near-duplicate, 0 duplicate, 0 failed/);
    expect(err.trim().split("\n")).toHaveLength(3);
    expect(err).toMatch(/^new\t.*00000\.txt\t[0-9a-f]{16}$/m);
    const stored = snapshot(db).outlets as string[];
    expect(stored.map((r) => JSON.parse(r).name)).toEqual(["Capital Ledger"]);
  });

  it("takes the store from BELLWETHER_DB when --db is not given", async () => {
    const folder = join(dir, "in");
    writeCorpus(folder, generateCorpus(1, 10));
    vi.stubEnv("BELLWETHER_DB", join(dir, "env.db"));
    try {
      expect(await run("--json", folder)).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(snapshot(join(dir, "env.db")).articles).toHaveLength(1);
  });

  it("exits 2 on usage errors", async () => {
    expect(await run("--db", join(dir, "x.db"))).toBe(2);
    expect(await run("--db", join(dir, "x.db"), "--date", "18/10/2025", join(dir, "a.txt"))).toBe(2);
    expect(err).toMatch(/--date: expected a date YYYY-MM-DD, got "18\/10\/2025"/);
  });
});

describe("loadConfig", () => {
  it("prefers the flag, then BELLWETHER_DB, then the default", () => {
    expect(loadConfig({ db: "flag.db" }, { BELLWETHER_DB: "env.db" })).toEqual({ db: "flag.db" });
    expect(loadConfig({}, { BELLWETHER_DB: "env.db" })).toEqual({ db: "env.db" });
    expect(loadConfig({}, {})).toEqual({ db: DEFAULT_DB });
    expect(loadConfig({ db: " " }, { BELLWETHER_DB: "" })).toEqual({ db: "./bellwether.db" });
  });
});
