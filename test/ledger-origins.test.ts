import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "../src/app/ingest.js";
import { readClaims } from "../src/app/ledger.js";
import { evidenceRows } from "../src/store/questions.js";
import { openStore, type Store } from "../src/store/index.js";
import { reportIdOf } from "../src/store/report-ids.js";

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

  it("gives one claim with the six articles' reports and three origins, apart from the leaders' past summits", async () => {
    const meetings = (await readClaims(store.db)).filter(
      (c) => c.type === "meet" && ["person:donald-trump", "person:kim-jong-un"].every((p) => c.participants.some((x) => x.id === p)),
    );
    const claim = meetings.reduce((a, b) => (b.reports.length > a.reports.length ? b : a));
    for (const other of meetings.filter((c) => c !== claim)) expect(other.event_time).toMatch(/^201[89]/);
    expect(new Set(claim.reports.map((r) => r.article)).size).toBe(6);
    // Six reports of the CNN story and the Meridian Post's own, and Trump's wish that one article recalls ("he would be
    // glad to see Kim again"): a third origin, Trump's own voice.
    expect(claim.reports).toHaveLength(7);
    expect(claim.origins).toHaveLength(3);
    const cnn = claim.origins.find((o) => o.reports.length === 5)!;
    expect(cnn.root).toMatch(/CNN/);
    const single = claim.origins.filter((o) => o.reports.length === 1).map((o) => claim.reports.find((r) => r.id === o.reports[0])!);
    expect(single.map((r) => r.outlet).sort()).toEqual(["Eastern Horizon News", "The Meridian Post"]);
    expect(single.find((r) => r.outlet === "Eastern Horizon News")).toMatchObject({ trigger: "see", stance: "wanted" });
    // Trump's own wish on the record holds the discussed stage up from a party: confirmed.
    expect(claim.status).toBe("confirmed");
  });

  it("keys each origin by its source, the same under every claim, and gives questions that key", async () => {
    const origins = await store.db.selectFrom("origins").select(["id", "claim_id", "source_key"]).execute();
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.every((o) => typeof o.source_key === "string" && o.source_key.length > 0)).toBe(true);
    // The CNN story is one source wherever it is counted: every claim with a CNN origin keys it alike.
    const cnnKeys = new Set(origins.filter((o) => /cnn/.test(o.source_key!)).map((o) => o.source_key));
    expect(cnnKeys.size).toBe(1);
    const rows = await evidenceRows(store.db, ["meet"], ["person:donald-trump", "person:kim-jong-un"]);
    const keyOf = new Map(origins.map((o) => [o.id, o.source_key]));
    const reports = await store.db.selectFrom("reports").innerJoin("articles", "articles.seq", "reports.seq").select([reportIdOf.as("id"), "reports.origin_id"]).execute();
    const originOf = new Map(reports.map((r) => [r.id, r.origin_id]));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.origin).toBe(keyOf.get(originOf.get(r.report)!));
  });
});
