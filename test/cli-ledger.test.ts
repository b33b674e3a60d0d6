import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The ledger and question commands through the built CLI, on a store of the CNN re-report fixture.
const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "bellwether.js");
const FIXTURE = join(import.meta.dirname, "fixtures", "cnn-rereports");

let dir: string;
let db: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, "--db", db], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (args: string[]) => {
  const r = cli([...args, "--json"]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const QUESTION = `id: asia-trip-meeting
title: Will Donald Trump and Kim Jong Un meet before 2025-11-30?
criteria: Both attend an in-person meeting, confirmed by either government or two independent outlets.
opens: 2025-10-01
deadline: 2025-11-30
prior: 0.1
event: { type: meet, participants: [Donald Trump, Kim Jong Un] }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bw-cli-ledger-"));
  db = join(dir, "ledger.db");
  const r = cli(["ingest", FIXTURE, "--json"]);
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ new: 5, near_duplicate: 1, duplicate: 0, failed: [] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("claims, claim and stories", () => {
  it("lists claims and shows one in the contract's shape, as JSON and as a table", () => {
    const claims = json(["claims"]);
    const meeting = claims.filter((c: { type: string }) => c.type === "meet").sort((a: { reports: unknown[] }, b: { reports: unknown[] }) => b.reports.length - a.reports.length)[0];
    const one = json(["claim", meeting.id]);
    for (const key of ["id", "type", "cameo", "summary", "statement", "participants", "place", "when", "stage", "polarity", "status", "status_history", "first_reported", "last_reported", "reports", "origins", "origin_sides"]) expect(one).toHaveProperty(key);
    // Five outlets re-tell one CNN report of a meeting under discussion; a sixth has its own sources; one of the five
    // recalls Trump's own wish to see Kim again, which a party states on the record.
    expect(one).toMatchObject({ statement: "Trump and Kim may meet, Trump says", stage: "discussed", status: "confirmed", origin_sides: { for: 3, against: 0 } });
    expect(one.status_history.at(-1)).toEqual(expect.objectContaining({ stage: "discussed", status: "confirmed" }));
    expect(one.reports[0]).toEqual(expect.objectContaining({ article: expect.any(String), outlet: expect.any(String), factuality: expect.any(String), stance: "discussed", background: false, chain: expect.any(Array), origin: expect.any(String) }));
    expect(cli(["claim", meeting.id]).stdout).toContain("7 reports, 3 origins: 3 for, 0 against");
    expect(cli(["claims"]).stdout).toMatch(/^id\s+stage, status/);
  });
  it("answers an unknown claim with exit 1 and a message", () => {
    const r = cli(["claim", "c-nothing"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no claim with id "c-nothing"');
  });
  it("lists stories with their articles and claims", () => {
    const stories = json(["stories"]);
    expect(stories.flatMap((s: { articles: string[] }) => s.articles)).toHaveLength(6);
    for (const s of stories) expect(s).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), claims: expect.any(Array) }));
  });
});

describe("questions", () => {
  it("adds, shows, replays, resolves and lists a question", () => {
    const file = join(dir, "q.yaml");
    writeFileSync(file, QUESTION);
    expect(cli(["question", "add", file]).status).toBe(0);
    const shown = json(["question", "show", "asia-trip-meeting", "--as-of", "2025-10-25"]);
    expect(shown).toMatchObject({ id: "asia-trip-meeting", status: "open" });
    // One indicator per stance, and one for preparatory steps between the two sides.
    const indicators = shown.indicators as { match: { stance: string[]; counterpart: boolean; on_record: boolean } }[];
    expect(indicators.filter((i) => !i.match.counterpart).map((i) => i.match.stance)).toEqual([["occurred"], ["scheduled"], ["scheduled"], ["discussed"], ["wanted"], ["unplanned"], ["refused"], ["called_off"], ["failed"]]);
    // The date set by a party on the record is an indicator of its own.
    expect(indicators.filter((i) => i.match.on_record).map((i) => i.match.stance)).toEqual([["scheduled"]]);
    expect(indicators.filter((i) => i.match.counterpart)).toHaveLength(1);
    // The meeting under discussion, and Trump's wish for it, raise the odds, once per independent origin.
    const moves = shown.updates.filter((u: { claim: string | null }) => u.claim) as { indicator: string; probability: number; previous: number }[];
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((u) => ["meet: discussed or expected", "meet: a party wants it"].includes(u.indicator) && u.probability > u.previous)).toBe(true);
    expect(shown.probability).toBeGreaterThan(0);
    const path = json(["question", "replay", "asia-trip-meeting", "--from", "2025-10-15", "--to", "2025-10-22", "--step", "1d"]);
    expect(path.map((p: { date: string }) => p.date)).toEqual(["2025-10-15", "2025-10-16", "2025-10-17", "2025-10-18", "2025-10-19", "2025-10-20", "2025-10-21", "2025-10-22"]);
    // Nothing was published before the 18th: the odds only decay until then, then the reports lift them.
    expect(path[3].probability).toBeGreaterThan(path[2].probability);
    const resolved = json(["question", "resolve", "asia-trip-meeting", "no", "--at", "2025-11-30", "--note", "no meeting took place"]);
    expect(resolved).toMatchObject({ status: "no", probability: 0 });
    const list = json(["questions"]);
    const row = list.questions.find((q: { id: string }) => q.id === "asia-trip-meeting");
    expect(row.status).toBe("no");
    expect(row.brier).toBeGreaterThan(0);
    expect(list.calibration.length).toBeGreaterThan(0);
  });
  it("names every bad field of a question file and stores nothing", () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "id: bad\ntitle: x\nopens: 2025-02-30\ndeadline: 2025-12-31\nprior: 2\nevent: { type: meet, participants: [Nobody At All] }\n");
    const r = cli(["question", "add", file]);
    expect(r.status).toBe(1);
    for (const field of ["opens", "prior", "event.participants[0]"]) expect(r.stderr).toContain(field);
    expect(cli(["question", "show", "bad"]).status).toBe(1);
  });
  it("refuses malformed dates and outcomes as usage errors (exit 2)", () => {
    expect(cli(["question", "replay", "asia-trip-meeting", "--from", "yesterday", "--to", "2025-10-22"]).status).toBe(2);
    expect(cli(["question", "resolve", "asia-trip-meeting", "maybe"]).status).toBe(2);
  });
});
