import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { ingestInputs } from "../src/app/ingest.js";
import { readClaims } from "../src/app/ledger.js";
import { questionEvidence } from "../src/app/questions.js";
import { dataPath } from "../src/extract/resources.js";
import { replay } from "../src/forecast/engine.js";
import { openStore, type Store } from "../src/store/index.js";
import { getQuestion, listQuestions } from "../src/store/questions.js";
import { compareLedger, readGold } from "../scripts/eval/ledger.js";
import { checkExpectations, readExpectations } from "../scripts/eval/questions.js";

// The bundled demo story end to end: its gold ledger, its questions' written-down expectations, and idempotent ingest.
const AS_OF = "2026-01-31";

describe("the demo story", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bw-demo-"));
    store = await openStore({ path: join(dir, "demo.db") });
    const load = await loadDemo(store, AS_OF);
    expect(load.summary?.failed).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("meets every required expectation of the demo questions", async () => {
    const results = await checkExpectations(store, readExpectations(dataPath("demo/questions/expectations.yaml")), AS_OF);
    const failed = results.filter((r) => !r.optional && !r.ok).map((r) => `${r.question} ${r.check}: ${r.detail}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => !r.optional).length).toBeGreaterThanOrEqual(20);
  });

  it("finds the gold ledger's claims, with the CNN fixture at six reports from two origins", async () => {
    const rows = await compareLedger(store.db, readGold(dataPath("demo/gold.yaml")));
    const fixture = rows.find((r) => r.key === "cnn-asia-trip-meeting-2025")!;
    expect(fixture.reportsFound).toBe(6);
    const claim = (await readClaims(store.db)).find((c) => c.id === fixture.found)!;
    // Up to the day the diplomats' account appeared, the CNN-rooted reports collapse into one origin and the
    // diplomats' report stands on its own: six reports, two origins (later reports are the denials that followed).
    const early = claim.reports.filter((r) => (r.published ?? "") <= "2025-10-19");
    expect(early).toHaveLength(6);
    expect(new Set(early.map((r) => r.origin)).size).toBe(2);
    expect(claim.status_history.slice(0, 2).map((h) => h.status)).toEqual(["reported", "corroborated"]);
    // Most gold claims are found; the figures are printed by `npm run eval:ledger`.
    expect(rows.filter((r) => r.found).length / rows.length).toBeGreaterThanOrEqual(0.6);
  });

  it("keeps the 'no meeting scheduled' denials a claim of their own that still denies the CNN claim", async () => {
    const rows = await compareLedger(store.db, readGold(dataPath("demo/gold.yaml")));
    const claims = await readClaims(store.db);
    const cnn = claims.find((c) => c.id === rows.find((r) => r.key === "cnn-asia-trip-meeting-2025")!.found)!;
    const none = claims.find((c) => c.id === rows.find((r) => r.key === "no-meeting-scheduled-2025")!.found)!;
    expect(none.id).not.toBe(cnn.id);
    expect(none.polarity).toBe("-");
    // An unnamed official's word is not on the record; the White House's own word is.
    expect(none.status_history.map((h) => [h.at.slice(0, 10), h.status])).toEqual([
      ["2025-10-24", "reported"],
      ["2025-10-27", "confirmed"],
    ]);
    expect(cnn.status_history.map((h) => h.status)).toEqual(["reported", "corroborated", "contradicted", "denied"]);
    // Trump's "would come back to meet Kim at a later date" confirms neither.
    expect(cnn.reports.map((r) => r.published!.slice(0, 10)).filter((d) => d > "2025-10-19")).toEqual([]);
  });

  it("keeps the March 2018 acceptance, the envoy's Easter meeting and the Singapore summit apart", async () => {
    const rows = await compareLedger(store.db, readGold(dataPath("demo/gold.yaml")));
    const ids = ["meeting-accepted-2018", "pompeo-kim-easter-meeting", "singapore-summit"].map((k) => rows.find((r) => r.key === k)!.found);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it("replays with no look-ahead: each date's probability uses only articles published by then", async () => {
    for (const s of await listQuestions(store.db)) {
      const q = (await getQuestion(store.db, s.question.id))!.question;
      const evidence = await questionEvidence(store.db, q);
      const path = replay(q, evidence, q.opens, q.deadline, 7);
      for (const point of path) {
        expect(point.probability).toBe(replay(q, evidence.filter((e) => e.published <= point.date), point.date, point.date)[0].probability);
      }
    }
  });

  it("ingesting the corpus again changes nothing: no new article, claim, report or probability", async () => {
    const dump = async () => ({
      claims: await readClaims(store.db),
      questions: (await listQuestions(store.db)).map((q) => [q.question.id, q.probability, q.status]),
    });
    const before = await dump();
    const again = await ingestInputs(store, [dataPath("demo/articles")]);
    expect(again.new + again.near_duplicate).toBe(0);
    expect(again.duplicate).toBe(69);
    expect(await dump()).toEqual(before);
  });
});
