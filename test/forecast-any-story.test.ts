import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "../src/app/ingest.js";
import { readClaims } from "../src/app/ledger.js";
import { addQuestion, replayQuestion, showQuestion } from "../src/app/questions.js";
import { openStore, type Store } from "../src/store/index.js";

// The forecast engine knows nothing of Korea: a question about two other leaders, with indicators derived from its
// event alone, moves with its own story.
const FIXTURE = join(import.meta.dirname, "fixtures", "putin-zelensky");
const QUESTION = `id: putin-zelensky-2025
title: Will Vladimir Putin and Volodymyr Zelensky meet in person before 2025-10-01?
opens: 2025-08-01
deadline: 2025-09-30
prior: 0.1
event: { type: meet, participants: [Vladimir Putin, Zelensky] }
`;

describe("a question about another story, with default indicators", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bw-any-story-"));
    store = await openStore({ path: join(dir, "s.db") });
    expect((await ingestInputs(store, [FIXTURE])).failed).toEqual([]);
    const q = await addQuestion(store, QUESTION, "q.yaml", "2025-08-01");
    expect(q.default_indicators).toBe(true);
    expect(q.event.participants).toEqual(["person:vladimir-putin", "person:volodymyr-zelenskyy"]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("rises when a meeting is announced and falls when Moscow says none is planned", async () => {
    const [before, announced, , , , denied] = (await replayQuestion(store.db, "putin-zelensky-2025", "2025-08-17", "2025-08-22"))!.map((p) => p.probability);
    expect(announced).toBeGreaterThan(before);
    expect(denied).toBeLessThan(announced);
  });

  it("resolves NO once the deadline passes without a meeting", async () => {
    const view = (await showQuestion(store, "putin-zelensky-2025", "2025-10-02"))!;
    expect(view).toMatchObject({ status: "no", probability: 0 });
    // Moscow's word that no meeting is planned is on the record and lowers the odds.
    const negative = view.updates.filter((u) => /not planned|refused|called off|did not take place/.test(u.indicator));
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.every((u) => u.probability < u.previous && u.reason.includes("on the record"))).toBe(true);
  });

  it("keeps the leaders' meeting as one claim, with the origins for it and against it", async () => {
    const claims = (await readClaims(store.db)).filter((c) => c.type === "meet" && c.participants.map((p) => p.id).join() === "person:vladimir-putin,person:volodymyr-zelenskyy");
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim.origin_sides.for).toBeGreaterThan(0);
    expect(claim.origin_sides.against).toBeGreaterThan(0);
    expect(claim.origin_sides.for + claim.origin_sides.against).toBe(claim.origins.length);
    expect(claim.reports.some((r) => r.stance === "unplanned" || r.stance === "refused")).toBe(true);
    expect(claim.statement).toMatch(/^Putin and Zelenskyy /);
  });
});
