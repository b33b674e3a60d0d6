// Startup repair: a store whose articles committed but whose stories and forecasts were never recomputed (a kill
// between the two) is repaired by the next command that starts on it; a current store is left alone.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentId } from "../src/extract/ids.js";
import { ingestInputs, storeRead } from "../src/app/ingest.js";
import { createLinker } from "../src/app/link.js";
import { addQuestion } from "../src/app/questions.js";
import { readArticle } from "../src/app/read.js";
import { repairDerived } from "../src/app/repair.js";
import { loadInputs } from "../src/ingest/index.js";
import { derivedStaleSince, markDerivedCurrent, markDerivedStale } from "../src/store/derived.js";
import { openStore, type Store } from "../src/store/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "bellwether.js");
const DEMO = join(ROOT, "data", "demo");
const AS_OF = "2018-07-15";
// The 2018 run-up to the Singapore summit: enough to group stories and move the question.
const FILES = readdirSync(join(DEMO, "articles"))
  .filter((f) => f.startsWith("2018-0"))
  .map((f) => join(DEMO, "articles", f));
const QUESTION = readFileSync(join(DEMO, "questions", "meet-by-2018-06-30.yaml"), "utf8");

let dir: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "serve.js"))) throw new Error("the repair test runs the built CLI: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "bellwether-repair-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Stores the files through the ingest's own article path and commits, then stops where a kill would: before the regroup. */
async function storeWithoutFinishing(store: Store, files: string[]): Promise<void> {
  const ctx = { now: () => new Date(), link: createLinker() };
  const batch = await store.beginBatch();
  for await (const r of loadInputs(files)) {
    if (!r.ok) throw new Error(r.error);
    await storeRead(batch, r.doc.input, readArticle({ ...r.doc.article, id: r.doc.article.id ?? contentId(r.doc.article.text) }), ctx);
  }
  await batch.commit();
}

/** What derived state consists of: stories with their members, claims' stories, question probabilities. */
async function derived(store: Store) {
  const rows = async (q: string) => (await sql.raw<Record<string, unknown>>(q).execute(store.db)).rows;
  return {
    stories: await rows("select id, title, first_published, last_published from stories order by id"),
    members: await rows("select story_id, article_id from story_articles order by story_id, article_id"),
    claims: await rows("select id, story_id from claims order by id"),
    questions: await rows("select id, probability, status from questions order by id"),
  };
}

/** Starts `serve` on the store, waits until it listens, stops it; returns what it printed. */
function serveOnce(db: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("bellwether is serving")) child.kill("SIGTERM");
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("close", (code, signal) => (out.includes("bellwether is serving") ? done(out) : fail(new Error(`serve stopped (${code ?? signal}) before listening: ${err}`))));
  });
}

describe("startup repair", () => {
  it("serve regroups stories and recomputes forecasts a kill left behind, and leaves a current store alone", async () => {
    const clean = await openStore({ path: join(dir, "clean.db") });
    await addQuestion(clean, QUESTION, "question.yaml", AS_OF);
    await ingestInputs(clean, FILES, { asOf: AS_OF, readerThreads: 0 });
    const expected = await derived(clean);
    expect(await derivedStaleSince(clean.db)).toBeNull();
    await clean.close();
    expect(expected.stories.length).toBeGreaterThan(1);
    expect(expected.questions[0].probability).not.toBe(0.05);

    const path = join(dir, "dirty.db");
    const dirty = await openStore({ path });
    await addQuestion(dirty, QUESTION, "question.yaml", AS_OF);
    await storeWithoutFinishing(dirty, FILES);
    expect(await derivedStaleSince(dirty.db)).toBe(1);
    const before = await derived(dirty);
    expect(before.stories).toEqual([]);
    expect(before.questions).not.toEqual(expected.questions);
    await dirty.close();

    // serve computes forecasts as of today; the clean store's were as of AS_OF, so stories are compared here and the
    // probabilities through `repair --as-of` below.
    const first = await serveOnce(path);
    expect(first).toMatch(/an earlier write was interrupted: regrouped stories and recomputed 1 question\(s\)/);
    const repaired = await openStore({ path });
    expect(await derivedStaleSince(repaired.db)).toBeNull();
    const after = await derived(repaired);
    expect(after.stories).toEqual(expected.stories);
    expect(after.members).toEqual(expected.members);
    expect(after.claims).toEqual(expected.claims);
    const questionRows = await sql.raw("select * from question_updates order by question_id, seq").execute(repaired.db);
    await repaired.close();

    // A current store starts without recomputing anything: no line, the forecast log exactly as it was.
    const second = await serveOnce(path);
    expect(second).not.toMatch(/interrupted/);
    const untouched = await openStore({ path });
    expect((await sql.raw("select * from question_updates order by question_id, seq").execute(untouched.db)).rows).toEqual(questionRows.rows);
    expect(await repairDerived(untouched, AS_OF)).toMatchObject({ repaired: false });
    await untouched.close();
  }, 120_000);

  it("the repair command brings forecasts to what a clean run computes", async () => {
    const expectedStore = await openStore({ path: join(dir, "clean-2.db") });
    await addQuestion(expectedStore, QUESTION, "question.yaml", AS_OF);
    await ingestInputs(expectedStore, FILES.slice(0, 8), { asOf: AS_OF, readerThreads: 0 });
    const expected = await derived(expectedStore);
    await expectedStore.close();

    const path = join(dir, "dirty-2.db");
    const dirty = await openStore({ path });
    await addQuestion(dirty, QUESTION, "question.yaml", AS_OF);
    await storeWithoutFinishing(dirty, FILES.slice(0, 8));
    await dirty.close();
    const run = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "repair", "--db", path, "--as-of", AS_OF], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.on("close", (code) => done({ code, out }));
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/regrouped stories and recomputed 1 question/);
    const repaired = await openStore({ path });
    expect(await derived(repaired)).toEqual(expected);
    await repaired.close();
  }, 120_000);

  it("groups at start a store whose articles were stored before stories kept their grouping state", async () => {
    const store = await openStore({ path: join(dir, "ungrouped.db") });
    try {
      await ingestInputs(store, FILES.slice(0, 4), { readerThreads: 0 });
      const grouped = await store.db.selectFrom("story_articles").select("article_id").orderBy("article_id").execute();
      expect(grouped.length).toBeGreaterThan(0);
      expect((await repairDerived(store)).repaired).toBe(false);
      // What such a store looks like: stories written, no state of the grouping kept.
      await store.transaction((tx) => tx.deleteFrom("meta").where("key", "like", "stories.%").execute());
      const r = await repairDerived(store);
      expect(r.repaired).toBe(true);
      expect(r.stories).toBe(true);
      expect(await store.db.selectFrom("story_articles").select("article_id").orderBy("article_id").execute()).toEqual(grouped);
      expect((await repairDerived(store)).repaired).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("clears the mark only when no article was stored after the recompute began", async () => {
    const store = await openStore({ path: join(dir, "mark.db") });
    try {
      await ingestInputs(store, FILES.slice(0, 3), { readerThreads: 0 });
      expect(await derivedStaleSince(store.db)).toBeNull();
      // Table: [mark set at, recompute covered up to, cleared?] with articles 1–3 stored.
      const cases: [number, number, boolean][] = [
        [1, 3, true],
        [2, 2, false],
        [1, 1, false],
        [3, 5, true],
      ];
      for (const [since, covered, cleared] of cases) {
        await store.transaction((tx) => markDerivedStale(tx, since));
        // A later mark leaves the earliest in place.
        await store.transaction((tx) => markDerivedStale(tx, since + 1));
        expect(await derivedStaleSince(store.db)).toBe(since);
        expect(await store.transaction((tx) => markDerivedCurrent(tx, covered))).toBe(cleared);
        expect((await derivedStaleSince(store.db)) === null).toBe(cleared);
        await store.transaction((tx) => markDerivedCurrent(tx, 3));
      }
    } finally {
      await store.close();
    }
  });
});
