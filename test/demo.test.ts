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
import { openStore, type ClaimView, type Store } from "../src/store/index.js";
import { getQuestion, listQuestions } from "../src/store/questions.js";
import { loadStoryline } from "../scripts/eval/corpus.js";
import { compareLedger, totals, type HappeningComparison } from "../scripts/eval/ledger.js";
import { checkExpectations, readExpectations } from "../scripts/eval/questions.js";

// The bundled demo story end to end: its gold happenings, its questions' written-down expectations, and idempotent
// ingest. The figures behind the floors asserted here are printed by `npm run eval:ledger demo` and
// `npm run eval:questions`.
const AS_OF = "2026-01-31";

describe("the demo story", () => {
  let dir: string;
  let store: Store;
  let claims: ClaimView[];
  let gold: HappeningComparison[];
  const claimOf = (happening: string) => {
    const id = gold.find((r) => r.id === happening)?.found;
    return id ? claims.find((c) => c.id === id) ?? null : null;
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bw-demo-"));
    store = await openStore({ path: join(dir, "demo.db") });
    const load = await loadDemo(store, AS_OF);
    expect(load.summary?.failed).toEqual([]);
    claims = await readClaims(store.db);
    gold = await compareLedger(loadStoryline(dataPath("demo"), "demo"));
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("meets every required expectation of the demo questions", async () => {
    const results = await checkExpectations(store, readExpectations(dataPath("demo/questions/expectations.yaml")), AS_OF);
    const required = results.filter((r) => !r.optional);
    expect(required.length).toBeGreaterThanOrEqual(20);
    // Each miss named with its figure; `npm run eval:questions` prints them all.
    expect(required.filter((r) => !r.ok).map((r) => `${r.question} ${r.check}: ${r.detail}`)).toEqual([]);
  });

  it("finds most gold happenings as one claim of exactly their parties", () => {
    const t = totals(gold);
    expect(t.found / t.happenings).toBeGreaterThanOrEqual(0.7);
    for (const id of ["trump-kim-hanoi-2019", "trump-kim-panmunjom-2019", "trump-kim-meeting-2025", "pompeo-kim-pyongyang-2018-04"]) {
      expect(gold.find((r) => r.id === id)?.found, id).toBeTruthy();
    }
  });

  it("counts the CNN account and its re-reports as one origin of the 2025 meeting", () => {
    const meeting = claimOf("trump-kim-meeting-2025")!;
    expect(meeting.participants.map((p) => p.id).sort()).toEqual(["person:donald-trump", "person:kim-jong-un"]);
    // Four outlets carry CNN's report of officials discussing a meeting on October 18: one origin among them.
    const cnn = meeting.reports.filter((r) => r.published?.startsWith("2025-10-18") && r.stance === "discussed" && /CNN/.test(r.title ?? ""));
    expect(new Set(cnn.map((r) => r.outlet)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(cnn.map((r) => r.origin)).size).toBe(1);
    expect(meeting.origins.length).toBeLessThan(meeting.reports.length);
  });

  it("follows the 2025 meeting from wanted and discussed to off the schedule and not held", () => {
    const meeting = claimOf("trump-kim-meeting-2025")!;
    const stanceOn = (day: string) => meeting.reports.filter((r) => r.published?.startsWith(day)).map((r) => r.stance);
    expect(stanceOn("2025-08-26")).toContain("wanted");
    expect(stanceOn("2025-10-24")).toContain("unplanned");
    expect(stanceOn("2025-10-30")).toContain("failed");
    expect(meeting.stage).toBe("failed");
    expect(meeting.status_history.map((h) => h.stage)).toContain("discussed");
  });

  it("keeps the envoy's Easter meeting and the three Trump-Kim summits apart", () => {
    const ids = ["pompeo-kim-pyongyang-2018-04", "trump-kim-hanoi-2019", "trump-kim-panmunjom-2019", "trump-kim-meeting-2025"].map((k) => claimOf(k)?.id);
    expect(ids.every((id) => !!id)).toBe(true);
    expect(new Set(ids).size).toBe(4);
    const hanoi = claimOf("trump-kim-hanoi-2019")!;
    expect(hanoi.stage).toBe("occurred");
    expect(hanoi.when?.slice(0, 7)).toBe("2019-02");
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
