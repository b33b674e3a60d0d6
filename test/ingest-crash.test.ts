// Crash safety: an ingest killed with SIGKILL at a random point and then re-run must leave exactly the store a clean run leaves.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, rng, writeCorpus } from "../bench/ingest.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "bellwether.js");
const ARTICLES = 1000;
const TABLES = [
  "outlets", "articles", "readings", "entities", "aliases", "entity_articles",
  "claims", "claim_participants", "reports", "origins", "claim_status", "stories", "story_articles", "lsh_buckets", "meta",
];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  lines: number;
  /** The "failed" progress lines, to show why a run did not exit 0. */
  failures: string[];
}

/** Runs `bellwether ingest`; with `killAfter`, SIGKILLs it as soon as that many documents have been reported. */
function ingest(db: string, corpus: string, killAfter?: number, flags: string[] = []): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, "ingest", "--db", db, ...flags, corpus], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let lines = 0;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      lines += d.toString().split("\n").length - 1;
      if (killAfter !== undefined && lines >= killAfter && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("error", fail);
    child.on("close", (code, signal) =>
      done({ code, signal, stdout, lines, failures: stderr.split("\n").filter((l) => !/^(new|duplicate|near_duplicate)\t/.test(l) && l) }),
    );
  });
}

/** Every row of every table in a fixed order, without the wall-clock column. */
function snapshot(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const t of TABLES) {
      out[t] = (db.prepare(`select * from "${t}"`).all() as Record<string, unknown>[])
        .map(({ ingested_at: _, ...rest }) =>
          JSON.stringify(rest, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)),
        )
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

function count(path: string, query: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return Number(Object.values(db.prepare(query).get() as Record<string, unknown>)[0]);
  } finally {
    db.close();
  }
}

let dir: string;
let corpus: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "ingest.js"))) {
    throw new Error("the crash test runs the built CLI: run `npm run build` first");
  }
  dir = mkdtempSync(join(tmpdir(), "bellwether-crash-"));
  corpus = join(dir, "corpus");
  writeCorpus(corpus, generateCorpus(ARTICLES, 1_000_003, 600));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("ingest crash safety", () => {
  it(
    `resumes after SIGKILL to the same store as a clean run (${ARTICLES} articles)`,
    async () => {
      const clean = join(dir, "clean.db");
      const crashed = join(dir, "crashed.db");
      const started = Date.now();

      // A different kill point every run; the seed is printed so a failure can be replayed with CRASH_SEED.
      const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
      const killAfter = 20 + Math.floor(rng(seed)() * (ARTICLES * 0.6));
      console.log(`crash test: killing after ${killAfter} documents (CRASH_SEED=${seed})`);
      // The clean run and the crash-and-resume run are independent stores: run them side by side.
      const cleanRun = ingest(clean, corpus).then((run) => ({ run, seconds: (Date.now() - started) / 1000 }));
      const killed = await ingest(crashed, corpus, killAfter);
      expect(killed.signal).toBe("SIGKILL");

      // After the kill: a consistent file, whole articles only, and no duplicates.
      expect(count(crashed, "select count(*) from pragma_integrity_check where integrity_check <> 'ok'")).toBe(0);
      const stored = count(crashed, "select count(*) from articles");
      expect(stored).toBeGreaterThanOrEqual(killAfter);
      expect(stored).toBeLessThan(ARTICLES);
      expect(count(crashed, "select count(*) from articles a where not exists (select 1 from readings r where r.seq = a.seq)")).toBe(0);
      expect(count(crashed, "select count(*) from articles a where (select count(*) from lsh_buckets b where b.seq = a.seq) <> 64")).toBe(0);
      expect(count(crashed, "select count(*) - count(distinct content_hash) from articles")).toBe(0);

      const resumed = await ingest(crashed, corpus);
      const first = await cleanRun;
      expect(first.run.code, first.run.stdout + first.run.failures.join("\n")).toBe(0);
      expect(count(clean, "select count(*) from articles")).toBe(ARTICLES);
      console.log(`crash test: clean run ${first.seconds.toFixed(1)} s`);
      expect(resumed.code, resumed.stdout + resumed.failures.join("\n")).toBe(0);
      expect(resumed.stdout).toMatch(new RegExp(`, ${stored} duplicate, 0 failed`));

      const a = snapshot(clean);
      const b = snapshot(crashed);
      for (const t of TABLES) {
        // Show only the rows that differ: a full-table diff of 100,000 rows says nothing.
        const inClean = new Set(a[t]);
        const inCrashed = new Set(b[t]);
        const onlyClean = a[t].filter((r) => !inCrashed.has(r)).slice(0, 3);
        const onlyCrashed = b[t].filter((r) => !inClean.has(r)).slice(0, 3);
        expect({ table: t, onlyClean, onlyCrashed, rows: b[t].length }).toEqual({ table: t, onlyClean: [], onlyCrashed: [], rows: a[t].length });
      }
      console.log(`crash test: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
    },
    15 * 60_000,
  );

  it("lets two ingests write one store at once: each article stored once, the rest reported as duplicates", async () => {
    const articles = generateCorpus(24, 555, 150);
    writeCorpus(join(dir, "left"), articles.slice(0, 16));
    writeCorpus(join(dir, "right"), articles.slice(8));
    const db = join(dir, "shared.db");
    const runs = await Promise.all([
      ingest(db, join(dir, "left"), undefined, ["--json"]),
      ingest(db, join(dir, "right"), undefined, ["--json"]),
    ]);
    const summaries = runs.map((r) => {
      expect(r.code, r.stdout + r.failures.join("\n")).toBe(0);
      return JSON.parse(r.stdout) as { new: number; duplicate: number; near_duplicate: number; failed: unknown[] };
    });
    const stored = summaries.reduce((n, s) => n + s.new + s.near_duplicate, 0);
    const duplicates = summaries.reduce((n, s) => n + s.duplicate, 0);
    expect(stored).toBe(24);
    expect(duplicates).toBe(8);
    expect(count(db, "select count(*) from articles")).toBe(24);
    expect(count(db, "select count(distinct seq) from articles")).toBe(24);
  }, 5 * 60_000);
});
