// Articles arriving one at a time, as a watch loop or a queue worker stores them, into a store two processes write:
// each keeps its story grouping and its questions' evidence in memory between arrivals, and must still end with the
// stories and forecasts of one batch run over the same articles, and store after every arrival the forecast a full
// read of the ledger gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/ingest.js";
import { ingestResults } from "../src/app/ingest.js";
import { loadInputs, type LoadResult } from "../src/ingest/index.js";
import { addQuestion, keepEvidence, override, questionEvidence } from "../src/app/questions.js";
import { keepGrouping, rebuildStories } from "../src/app/stories.js";
import { forecast } from "../src/forecast/engine.js";
import { listStories, openStore, type Store } from "../src/store/index.js";
import { getQuestion, listQuestions, questionUpdates } from "../src/store/questions.js";
import { announceSkips, ENGINES, openFresh } from "./support/stores.js";

announceSkips();

const AS_OF = "2026-01-01";
const QUESTIONS = ["trump-kim-2025.yaml", "meet-by-2019-03-31.yaml", "meet-by-2018-06-30.yaml"];

async function addQuestions(store: Store): Promise<void> {
  for (const q of QUESTIONS) {
    const file = join(import.meta.dirname, "..", "data", "demo", "questions", q);
    await addQuestion(store, readFileSync(file, "utf8"), file, AS_OF);
  }
}

// The demo story (which moves the questions' odds) with generated articles between its own.
const generated = generateCorpus(16, 7070).map((a, i) => ({
  ok: true as const,
  doc: { input: `generated-${i}`, article: { text: a.text, title: a.title, outlet: a.outlet, date: a.date } },
}));
let docs: LoadResult[] = [];
beforeAll(async () => {
  const demo: LoadResult[] = [];
  for await (const r of loadInputs([join(import.meta.dirname, "..", "data", "demo", "articles")])) demo.push(r);
  docs = demo.flatMap((d, i) => (i % 2 === 0 && generated[i / 2] ? [d, generated[i / 2]] : [d]));
});

/** Each question's stored forecast: probability, status and update log. */
async function forecasts(store: Store) {
  const out: Record<string, unknown> = {};
  for (const { question, probability, status, resolved_at, as_of } of await listQuestions(store.db)) {
    out[question.id] = { probability, status, resolved_at, as_of, updates: await questionUpdates(store.db, question.id) };
  }
  return out;
}

/** Stories with their articles and claims, and each claim's story. */
async function stories(store: Store) {
  const claims = await store.db.selectFrom("claims").select(["id", "story_id"]).orderBy("id").execute();
  return { stories: await listStories(store.db), claims };
}

describe.each(ENGINES)("arrivals one at a time on $name", (engine) => {
  let one: Store;
  let close: () => Promise<void>;
  let other: Store | null = null;

  beforeEach(async (ctx) => {
    if (engine.skip) ctx.skip();
    let location: string;
    ({ store: one, location, close } = await openFresh(engine));
    // A second connection stands for another process writing the same store.
    other = await openStore({ path: location });
  });

  afterEach(async () => {
    await other?.close();
    other = null;
    if (!engine.skip) await close();
  });

  it("give the stories and forecasts of one batch run, with two processes taking turns and each keeping its state", async () => {
    await addQuestions(one);
    // The first few in one run; the other process then reads its state in ahead of its first arrival, as `watch` does.
    await ingestResults(one, docs.slice(0, 4), { readerThreads: 0, asOf: AS_OF });
    await keepGrouping(other!);
    await keepEvidence(other!);
    for (const [i, doc] of docs.entries()) {
      if (i < 4) continue;
      // Runs of two and one: each process in turn finds articles the other stored and grouped since its last.
      const writer = i % 5 === 1 || i % 5 === 2 ? other! : one;
      const summary = await ingestResults(writer, [doc], { readerThreads: 0, asOf: AS_OF });
      expect(summary.new + summary.near_duplicate).toBe(1);
      // The forecast stored after each arrival is the one a full read of the ledger gives.
      for (const { question } of await listQuestions(writer.db)) {
        const stored = (await getQuestion(writer.db, question.id))!;
        const fresh = forecast(question, await questionEvidence(writer.db, question), AS_OF, await override(writer.db, question.id));
        expect({ probability: stored.probability, status: stored.status, updates: await questionUpdates(writer.db, question.id) }).toEqual({
          probability: fresh.probability,
          status: fresh.status,
          updates: fresh.updates,
        });
      }
    }

    const batch = await openFresh(engine);
    try {
      await addQuestions(batch.store);
      await ingestResults(batch.store, docs, { readerThreads: 0, asOf: AS_OF });
      const reference = await stories(batch.store);
      const grown = await stories(one);
      expect(grown.stories.length).toBeGreaterThan(1);
      expect(grown).toEqual(reference);
      const odds = await forecasts(one);
      expect(odds).toEqual(await forecasts(batch.store));
      // The ledger moved some question: the comparison is not of priors alone.
      expect(Object.values(odds).some((f) => (f as { updates: { claim: string | null }[] }).updates.some((u) => u.claim !== null))).toBe(true);
      // And both equal a grouping from scratch.
      await rebuildStories(one);
      expect(await stories(one)).toEqual(reference);
    } finally {
      await batch.close();
    }
  });

  it("keep grouping correctly after another process rebuilds the stories between arrivals", async () => {
    await ingestResults(one, docs.slice(0, 12), { readerThreads: 0, asOf: AS_OF });
    await ingestResults(one, docs.slice(12, 13), { readerThreads: 0, asOf: AS_OF });
    // The other process forgets and regroups everything, then stores one more; the first goes on from its kept state.
    await rebuildStories(other!);
    await ingestResults(other!, docs.slice(13, 14), { readerThreads: 0, asOf: AS_OF });
    for (const doc of docs.slice(14, 20)) await ingestResults(one, [doc], { readerThreads: 0, asOf: AS_OF });
    const grown = await stories(one);
    await rebuildStories(one);
    expect(await stories(one)).toEqual(grown);
  });
});
