import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "../src/app/ingest.js";
import { readClaims } from "../src/app/ledger.js";
import { openStore, type Store } from "../src/store/index.js";

// Five outlets re-report one CNN story (two "citing CNN", one "CNN reported", one "U.S. officials referencing CNN
// reports", one wire copy) and one outlet reports the same possible meeting from its own sources.
const FIXTURE = join(import.meta.dirname, "fixtures", "cnn-rereports");

describe("independent origins across outlets", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bw-origins-"));
    store = await openStore({ path: join(dir, "ledger.db") });
    const summary = await ingestInputs(store, [FIXTURE]);
    expect(summary).toMatchObject({ new: 5, near_duplicate: 1, duplicate: 0, failed: [] });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives one claim with six reports and two origins, apart from the leaders' past summits", async () => {
    const meetings = (await readClaims(store.db)).filter(
      (c) => c.type === "meet" && ["person:donald-trump", "person:kim-jong-un"].every((p) => c.participants.some((x) => x.id === p)),
    );
    const claim = meetings.reduce((a, b) => (b.reports.length > a.reports.length ? b : a));
    for (const other of meetings.filter((c) => c !== claim)) expect(other.event_time).toMatch(/^201[89]/);
    expect(new Set(claim.reports.map((r) => r.article)).size).toBe(6);
    expect(claim.reports).toHaveLength(6);
    expect(claim.origins).toHaveLength(2);
    const cnn = claim.origins.find((o) => o.reports.length === 5)!;
    expect(cnn.root).toMatch(/CNN/);
    const own = claim.origins.find((o) => o.reports.length === 1)!;
    const ownReport = claim.reports.find((r) => r.id === own.reports[0])!;
    expect(ownReport.outlet).toBe("The Meridian Post");
    expect(claim.status).toBe("corroborated");
  });
});
