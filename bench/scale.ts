// Scale benchmark: how ingest cost, store size and arrival-to-probability latency behave as the store grows, and how
// queue workers share the load on PostgreSQL. Writes bench/results.json.
//
//   npx tsx bench/scale.ts [--sizes 10000,100000] [--batch 1000] [--arrivals 200] [--workers-articles 1000] [--store-file F]
//
// --store-file F keeps the filled store: when F does not exist the store is filled and measured as usual and then copied
// to F (with F.json holding its article count and generator seed); when F exists it is copied in and the fill and ingest
// stages are skipped, so arrivals can be timed again and again on the same store.
//
// Sizes are the stored-article counts at which ingest is measured (the store is filled with generated articles up to
// each); the last size is also where arrivals are timed. Worker throughput is measured when BELLWETHER_BENCH_PG names a
// PostgreSQL server (a URL whose user may create databases); it is skipped otherwise.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { generateCorpus, writeCorpus } from "./ingest.js";

interface Flags {
  sizes: number[];
  batch: number;
  arrivals: number;
  workersArticles: number;
  storeFile?: string;
}

function flags(argv: string[]): Flags {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (get("sizes") ?? process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  return {
    sizes,
    batch: Number(get("batch") ?? 1000),
    arrivals: Number(get("arrivals") ?? 200),
    workersArticles: Number(get("workers-articles") ?? 1000),
    storeFile: get("store-file"),
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const { extract } = await import("../dist/extract/index.js");
  const { loadInputs } = await import("../dist/ingest/index.js");
  const { ingestInputs, ingestResults } = await import("../dist/app/ingest.js");
  const { createLinker } = await import("../dist/app/link.js");
  const { addQuestion } = await import("../dist/app/questions.js");
  const { openStore } = await import("../dist/store/index.js");
  const dir = mkdtempSync(join(tmpdir(), "bellwether-bench-scale-"));
  const results: Record<string, unknown> = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memory_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, load_start: loadavg()[0] },
    command: `npx tsx bench/scale.ts --sizes ${f.sizes.join(",")} --batch ${f.batch} --arrivals ${f.arrivals} --workers-articles ${f.workersArticles}`,
    date: new Date().toISOString(),
  };
  const out = join(fileURLToPath(new URL(".", import.meta.url)), "results.json");
  // Written after each stage too, so a long run that is stopped keeps what it measured.
  const save = () => writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  try {
    const path = join(dir, "store.db");
    const cached = f.storeFile !== undefined && existsSync(f.storeFile);
    if (cached) copyFileSync(f.storeFile!, path);
    const store = await openStore({ path });
    if (!cached) for (const q of ["trump-kim-2025.yaml", "meet-by-2019-03-31.yaml", "nk-ballistic-launch-2025-10.yaml"]) {
      const file = join(fileURLToPath(new URL("..", import.meta.url)), "data", "demo", "questions", q);
      await addQuestion(store, readFileSync(file, "utf8"), file, "2026-01-01");
    }
    let stored = 0;
    let seed = 1_000_000;
    // Fills the store with generated articles in folders of up to 5,000, as `bellwether ingest` would.
    const fill = async (to: number) => {
      while (stored < to) {
        const n = Math.min(5000, to - stored);
        const folder = join(dir, `fill-${seed}`);
        writeCorpus(folder, generateCorpus(n, seed));
        seed += n;
        const s = await ingestInputs(store, [folder], { asOf: "2026-01-01" });
        stored += s.new + s.near_duplicate;
        rmSync(folder, { recursive: true, force: true });
        process.stderr.write(`  filled to ${stored}\n`);
      }
    };
    const ingest: Record<string, unknown>[] = [];
    if (cached) ({ stored, seed } = JSON.parse(readFileSync(`${f.storeFile}.json`, "utf8")));
    for (const size of cached ? [] : f.sizes) {
      await fill(size - f.batch);
      // The measured batch: the same ingest path, and extract() alone on the same articles as the baseline.
      const corpus = generateCorpus(f.batch, seed);
      seed += f.batch;
      const folder = join(dir, `batch-${size}`);
      writeCorpus(folder, corpus);
      const docs = [];
      for await (const r of loadInputs([folder])) if (r.ok) docs.push(r.doc.article);
      let t = performance.now();
      for (const d of docs) extract(d);
      const extractRate = docs.length / ((performance.now() - t) / 1000);
      t = performance.now();
      const s = await ingestInputs(store, [folder], { asOf: "2026-01-01" });
      const ingestRate = f.batch / ((performance.now() - t) / 1000);
      stored += s.new + s.near_duplicate;
      rmSync(folder, { recursive: true, force: true });
      // The file as it stands once the write-ahead log is folded in.
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
      const bytes = statSync(path).size;
      const breakdown = await storeBreakdown(store.db, stored);
      ingest.push({ stored_after: stored, articles_per_s: +ingestRate.toFixed(1), ms_per_article: +(1000 / ingestRate).toFixed(2), extract_per_s: +extractRate.toFixed(1), ratio_to_extract: +(ingestRate / extractRate).toFixed(3), store_bytes_per_article: Math.round(bytes / stored), store_kb_per_article_by_table: breakdown, load: loadavg()[0] });
      process.stderr.write(`  at ${stored}: ${ingestRate.toFixed(1)} articles/s (extract alone ${extractRate.toFixed(1)}), ${(bytes / stored / 1024).toFixed(1)} KB an article\n`);
      process.stderr.write(`    by table (KB an article, indexes with their table): ${Object.entries(breakdown).map(([t, kb]) => `${t} ${kb}`).join(", ")}\n`);
      results.ingest = ingest;
      save();
    }
    if (!cached) {
      results.ingest = ingest;
      const first = ingest[0] as { ms_per_article: number };
      const last = ingest[ingest.length - 1] as { ms_per_article: number };
      results.cost_growth = +(last.ms_per_article / first.ms_per_article).toFixed(2);
      if (f.storeFile) {
        copyFileSync(path, f.storeFile);
        writeFileSync(`${f.storeFile}.json`, JSON.stringify({ stored, seed }) + "\n");
      }
    } else results.store_file = f.storeFile;

    // Arrivals: one article at a time into the full store, as a watch loop keeps it (claims, the grouping's state and
    // the questions' evidence in memory), timed from the call to its forecasts being stored. `start` is what the loop
    // spends reading that state in before its first poll.
    const link = createLinker();
    // As `watch` starts: the grouping's state and the questions' evidence read into memory before the first poll.
    const { keepGrouping } = await import("../dist/app/stories.js");
    const { keepEvidence } = await import("../dist/app/questions.js");
    const t0 = performance.now();
    if (keepGrouping && keepEvidence) {
      await keepGrouping(store);
      await keepEvidence(store);
    }
    const startMs = performance.now() - t0;
    const arrivals = generateCorpus(f.arrivals, seed);
    const times: number[] = [];
    // Per stage: reading, storing and linking; grouping stories; recomputing forecasts (the stages' p50 need not add up).
    const stages = { store: [] as number[], stories: [] as number[], questions: [] as number[] };
    for (const [i, a] of arrivals.entries()) {
      const timings = { store: 0, stories: 0, questions: 0 };
      const t = performance.now();
      await ingestResults(store, [{ ok: true, doc: { input: `arrival-${i}`, article: { text: a.text, title: a.title, outlet: a.outlet, date: a.date } } }], { link, readerThreads: 0, asOf: "2026-01-01", timings });
      times.push(performance.now() - t);
      for (const k of ["store", "stories", "questions"] as const) stages[k].push(timings[k]);
    }
    const stage = (xs: number[]) => ({ p50: +quantile(xs, 0.5).toFixed(1), p99: +quantile(xs, 0.99).toFixed(1), first: +xs[0].toFixed(1) });
    results.arrival_ms = { stored: stored, n: times.length, p50: +quantile(times, 0.5).toFixed(1), p99: +quantile(times, 0.99).toFixed(1), first: +times[0].toFixed(1), start: +startMs.toFixed(1), load: loadavg()[0] };
    results.arrival_stages_ms = { store: stage(stages.store), stories: stage(stages.stories), questions: stage(stages.questions) };
    process.stderr.write(`  arrivals at ${stored}: ${JSON.stringify(results.arrival_ms)}\n  stages: ${JSON.stringify(results.arrival_stages_ms)}\n`);
    results.reads_ms = await reads(store.db);
    await store.close();
    results.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    save();
    results.workers = await workers(f.workersArticles, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.load_end = loadavg()[0];
  results.free_memory_gib = +(freemem() / 2 ** 30).toFixed(1);
  save();
  console.log(JSON.stringify(results, null, 2));
}

// Pages of the store by table (SQLite's dbstat), in KB an article: each index counted with its table, the shadow tables
// of a full-text index with the index.
async function storeBreakdown(db: any, stored: number): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string; tbl: string | null; bytes: number }>`select d.name as name, m.tbl_name as tbl, sum(d.pgsize) as bytes
    from dbstat d left join sqlite_schema m on m.name = d.name group by d.name`.execute(db);
  const byTable = new Map<string, number>();
  for (const r of rows) {
    let table = r.tbl ?? r.name;
    const shadow = /^(.*)_(data|idx|docsize|config|content)$/.exec(table);
    if (shadow && rows.some((x) => x.name === `${shadow[1]}_data`) && rows.some((x) => x.name === `${shadow[1]}_config`)) table = shadow[1];
    byTable.set(table, (byTable.get(table) ?? 0) + Number(r.bytes));
  }
  const out: Record<string, number> = {};
  for (const [table, bytes] of [...byTable].sort((a, b) => b[1] - a[1])) if (bytes / stored >= 10) out[table] = +(bytes / stored / 1024).toFixed(2);
  return out;
}

// Read routes' work over the full store: each read 20 times (the first warms caches), p50 and the slowest.
async function reads(db: any): Promise<Record<string, { p50: number; max: number }>> {
  const { search } = await import("../dist/app/search.js");
  const { readEntity, readEntities } = await import("../dist/app/entities.js");
  const { readStoryPage, readStoriesOverview } = await import("../dist/app/story-page.js");
  const { readClaimDetail, readArticles } = await import("../dist/app/articles.js");
  const { readArticleLedger } = await import("../dist/app/article-page.js");
  const [top] = await readEntities(db, { limit: 1 });
  const story = await db.selectFrom("story_articles").select((eb: any) => ["story_id", eb.fn.countAll().as("n")]).groupBy("story_id").orderBy("n", "desc").limit(1).executeTakeFirst();
  const claim = await db.selectFrom("reports").select((eb: any) => ["claim_id", eb.fn.countAll().as("n")]).groupBy("claim_id").orderBy("n", "desc").limit(1).executeTakeFirst();
  const { n: count } = await db.selectFrom("articles").select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirst();
  const [article] = await readArticles(db, { limit: 1, offset: Math.floor(Number(count) / 2) });
  const routes: Record<string, () => Promise<unknown>> = {
    "search ?q=summit": () => search(db, "summit", 25, 0),
    "search ?q=Kim&offset=100": () => search(db, "Kim", 25, 100),
    [`entity (most mentioned: ${top?.mentions ?? 0} mentions)`]: () => readEntity(db, top.id),
    [`story (largest: ${story?.n ?? 0} articles)`]: () => readStoryPage(db, story.story_id),
    [`claim (most reported: ${claim?.n ?? 0} reports)`]: () => readClaimDetail(db, claim.claim_id),
    "article ledger": () => readArticleLedger(db, article.id),
    "articles page": () => readArticles(db, { limit: 50, offset: Math.floor(Number(count) / 2) }),
    "stories list": () => readStoriesOverview(db),
  };
  const out: Record<string, { p50: number; max: number }> = {};
  for (const [name, run] of Object.entries(routes)) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    out[name] = { p50: +quantile(times.slice(1), 0.5).toFixed(1), max: +Math.max(...times.slice(1)).toFixed(1) };
    process.stderr.write(`  ${name}: p50 ${out[name].p50} ms, slowest ${out[name].max} ms\n`);
  }
  return out;
}

// Queue workers on PostgreSQL: the same articles queued into a fresh database, drained by 1, 2 and 4 worker processes.
async function workers(n: number, dir: string): Promise<unknown> {
  const admin = process.env.BELLWETHER_BENCH_PG?.trim();
  if (!admin) return { skipped: "set BELLWETHER_BENCH_PG to a PostgreSQL server URL to measure queue workers" };
  const pg = (await import("pg")).default;
  const { openStore } = await import("../dist/store/index.js");
  const { enqueueInputs, queueProgress } = await import("../dist/app/queue.js");
  const bin = fileURLToPath(new URL("../bin/bellwether.js", import.meta.url));
  const folder = join(dir, "workers");
  writeCorpus(folder, generateCorpus(n, 7_000_000));
  const out: Record<string, unknown>[] = [];
  for (const k of [1, 2, 4]) {
    const name = `bw_bench_${process.pid}_${k}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${name}`);
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const store = await openStore({ path: url.toString() });
    await enqueueInputs(store, [folder]);
    const t = performance.now();
    const logs: string[][] = [];
    const children = Array.from({ length: k }, (_, i) => {
      logs[i] = [];
      const child = spawn(process.execPath, [bin, "worker", "--db", url.toString(), "--concurrency", "1", "--as-of", "2026-01-01"], { stdio: ["ignore", "ignore", "pipe"] });
      child.stderr.on("data", (d) => logs[i].push(String(d)));
      return child;
    });
    while ((await queueProgress(store.db)).applied < n) await new Promise((r) => setTimeout(r, 250));
    const seconds = (performance.now() - t) / 1000;
    const exited = children.map((ch) => new Promise((r) => ch.on("exit", r)));
    for (const ch of children) ch.kill("SIGTERM");
    await Promise.all(exited);
    // The drain (storing and linking in queue order, one worker at a time) reports how long it held the lock.
    const drainMs = logs.map((l) => Number(/drain (\d+) ms/.exec(l.join(""))?.[1] ?? 0)).reduce((a, b) => a + b, 0);
    out.push({ workers: k, articles: n, seconds: +seconds.toFixed(1), articles_per_s: +(n / seconds).toFixed(1), drain_share: +(drainMs / 1000 / seconds).toFixed(2) });
    process.stderr.write(`  ${k} worker(s): ${(n / seconds).toFixed(1)} articles/s, the ordered store-and-link step busy ${((100 * drainMs) / 1000 / seconds).toFixed(0)}% of the time\n`);
    await store.close();
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`drop database if exists ${name} with (force)`);
    await d.end();
  }
  const one = (out[0] as { articles_per_s: number }).articles_per_s;
  return out.map((o) => ({ ...o, ratio_to_one: +((o as { articles_per_s: number }).articles_per_s / one).toFixed(2) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
