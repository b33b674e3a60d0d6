// `npm run crash`: seeded SIGKILLs of `ingest`, `watch` (a feed served from loopback) and `serve` (under API writes of
// articles and questions). After each kill the command is started again, repairs stories and forecasts, and the writes
// go on; at the end every store is compared with a clean run of the same inputs. Once, a PostgreSQL server is restarted
// (`pg_ctl restart -m immediate`) in the middle of an ingest into a PostgreSQL store. Prints one row per command.
// Usage: npm run crash -- [--seed N] [--kills K] [--articles A] [--no-pg] [--pg-port P (default: a free one)]
// The seed fixes the corpus, the feed's growth and every kill delay; where a delay lands in the work depends on the
// machine's speed, so a rerun tries the same schedule, not the same instants.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { generateCorpus, rng, writeCorpus, type GeneratedArticle } from "../bench/ingest.js";
import { addQuestion } from "../src/app/questions.js";
import { openStore, type Store } from "../src/store/index.js";
import { rss } from "../test/support/feeds.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "bellwether.js");
const QUESTIONS = ["trump-kim-2025.yaml", "meet-by-2019-03-31.yaml"].map((f) => ({ file: f, yaml: readFileSync(join(ROOT, "data", "demo", "questions", f), "utf8") }));
// The tables a clean run and a crashed one must hold alike: articles, the ledger, stories and forecasts.
const COMPARED = ["articles", "claims", "claim_participants", "reports", "origins", "claim_status", "stories", "story_articles", "questions", "question_updates"];
// Columns that hold the wall clock of the write, not its content.
const CLOCK_COLUMNS = new Set(["ingested_at"]);

/** What a crash run is asked to do. */
export interface CrashOptions {
  seed: number;
  /** SIGKILLs in all, split over ingest, watch and serve. */
  kills: number;
  /** Articles written through each command. */
  articles: number;
  /** Words per generated article. */
  words?: number;
  /** How long after the chosen acknowledgement a kill comes, at most, per command, in ms. */
  windowMs?: { ingest: number; watch: number; serve: number };
  /** The PostgreSQL restart: on a server of the run's own at this port, or skipped with the reason given. */
  postgres?: { port: number } | { skip: string };
  /** The cases to run (default: all four). */
  cases?: ReadonlyArray<"ingest" | "watch" | "serve" | "postgres">;
  log?: (line: string) => void;
}

/** One row of the table: a command, how often it was killed, and how its store compared with the clean run. */
export interface CommandResult {
  command: string;
  kills: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  mismatches: number;
  seconds: number;
  /** Where the kills landed, and for the PostgreSQL restart how the ingest took it. */
  notes: string[];
  /** What was lost or differed from the clean run. */
  problems: string[];
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running `bellwether` command, its output read line by line. */
interface Running {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: string[];
}

function start(args: string[], onLine: (line: string, stream: "out" | "err") => void = () => {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const [stream, name] of [[child.stdout!, "out"], [child.stderr!, "err"]] as const) {
    let rest = "";
    stream.on("data", (d: Buffer) => {
      const parts = (rest + d.toString()).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        output.push(line);
        onLine(line, name);
      }
    });
  }
  const exited = new Promise<Exit>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal }));
  });
  return { child, exited, output };
}

/** Runs a command to its end; a failure stops the crash run with what it printed. */
async function runToEnd(args: string[], onLine?: (line: string, stream: "out" | "err") => void): Promise<string[]> {
  const r = start(args, onLine);
  const exit = await r.exited;
  if (exit.code !== 0) throw new Error(`bellwether ${args.join(" ")} exited ${exit.code ?? exit.signal}:\n${r.output.slice(-20).join("\n")}`);
  return r.output;
}

/**
 * When to kill a run: `ms` after its start (`after` 0: in the start-up, the repair or the first work), or `ms` after
 * its `after`-th acknowledgement (in the middle of the work, however fast the machine is).
 */
interface KillPlan {
  after: number;
  ms: number;
}

/** Draws a kill plan: a quarter in the start-up, the rest after one of the next `upTo` acknowledgements. */
function drawKill(r: () => number, startupMs: number, windowMs: number, upTo: number): KillPlan {
  if (r() < 0.25 || upTo < 1) return { after: 0, ms: 200 + r() * (startupMs + windowMs) };
  return { after: 1 + Math.floor(r() * upTo), ms: r() * windowMs };
}

/** A kill plan armed on a run: its clock starts at the run's start or at the chosen acknowledgement. */
class Kill {
  private seen = 0;
  private timer: NodeJS.Timeout | null = null;
  private run: Running | null = null;

  constructor(private readonly plan: KillPlan | null) {}

  /** Whether the kill was timed from the start (the start-up, the repair, the first work). */
  get early(): boolean {
    return this.plan?.after === 0;
  }

  /** Binds the run, started just now. */
  of(run: Running): this {
    this.run = run;
    if (this.plan?.after === 0) this.fire();
    return this;
  }

  /** Called on each acknowledgement the run gives. */
  acknowledged = (): void => {
    if (this.plan && ++this.seen === this.plan.after) this.fire();
  };

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private fire(): void {
    const run = this.run!;
    this.timer = setTimeout(() => run.child.kill("SIGKILL"), this.plan!.ms);
  }
}

/** Waits for a run armed with a kill; resolves whether the kill landed (else it must have ended well). */
async function killed(run: Running, kill: Kill): Promise<boolean> {
  const exit = await run.exited;
  kill.disarm();
  if (exit.signal === "SIGKILL") return true;
  if (exit.code !== 0) throw new Error(`bellwether exited ${exit.code ?? exit.signal}:\n${run.output.slice(-20).join("\n")}`);
  return false;
}

async function withStore<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: location });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function addQuestions(location: string): Promise<void> {
  await withStore(location, async (store) => {
    for (const q of QUESTIONS) await addQuestion(store, q.yaml, q.file);
  });
}

/** Every row of a table as sorted JSON lines, without wall-clock columns. */
async function rows(store: Store, table: string): Promise<string[]> {
  const { rows: all } = await sql.raw<Record<string, unknown>>(`select * from "${table}"`).execute(store.db);
  return all
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !CLOCK_COLUMNS.has(k)).sort(([a], [b]) => a.localeCompare(b))), (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v)))
    .sort();
}

/** Rows in one store and not the other, table by table; duplicates and the crashed store's article and question ids. */
export async function compareStores(clean: string, crashed: string): Promise<{ mismatches: number; duplicates: number; differences: string[]; ids: Set<string> }> {
  return withStore(clean, (a) =>
    withStore(crashed, async (b) => {
      let mismatches = 0;
      const differences: string[] = [];
      for (const t of COMPARED) {
        const [x, y] = [await rows(a, t), await rows(b, t)];
        const inY = new Set(y);
        const inX = new Set(x);
        const onlyClean = x.filter((r) => !inY.has(r));
        const onlyCrashed = y.filter((r) => !inX.has(r));
        mismatches += onlyClean.length + onlyCrashed.length;
        if (onlyClean.length + onlyCrashed.length > 0) differences.push(`${t}: ${onlyClean.length} row(s) only in the clean run, ${onlyCrashed.length} only after the kills; e.g. ${(onlyClean[0] ?? onlyCrashed[0]).slice(0, 200)}`);
      }
      const count = async (q: string) => Number(Object.values((await sql.raw<Record<string, unknown>>(q).execute(b.db)).rows[0])[0]);
      const duplicates = (await count("select count(*) - count(distinct content_hash) from articles")) + (await count("select count(*) - count(distinct id) from articles"));
      const ids = new Set<string>();
      for (const r of (await sql.raw<{ id: string }>("select id from articles union all select id from questions").execute(b.db)).rows) ids.add(r.id);
      return { mismatches, duplicates, differences, ids };
    }),
  );
}

function finish(command: string, kills: number, acknowledged: Set<string>, cmp: Awaited<ReturnType<typeof compareStores>>, started: number, notes: string[] = []): CommandResult {
  const lost = [...acknowledged].filter((id) => !cmp.ids.has(id));
  return {
    command,
    kills,
    acknowledged: acknowledged.size,
    lost: lost.length,
    duplicates: cmp.duplicates,
    mismatches: cmp.mismatches,
    seconds: (performance.now() - started) / 1000,
    notes,
    problems: [...(lost.length ? [`lost: ${lost.slice(0, 5).join(", ")}`] : []), ...cmp.differences],
  };
}

const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);

const earlyNote = (early: number, all: number) => `${early} of ${all} kills timed from the start (start-up, repair, first work), ${all - early} after an acknowledgement`;

/** The time the CLI takes to start here, and the longest wait after an acknowledgement before a kill. */
interface Timing {
  startupMs: number;
  windowMs: number;
}

// A progress line of `bellwether ingest`: the document's outcome, input and stored id (near-duplicates: "id ~ original").
const INGEST_LINE = /^(new|near_duplicate|duplicate)\t[^\t]*\t(\S+)/;

/** `ingest` of the corpus in folders, one run each, killed at seeded moments and run again until each folder is in. */
async function ingestCase(dir: string, corpus: GeneratedArticle[], kills: number, timing: Timing, r: () => number, log: (l: string) => void): Promise<CommandResult> {
  const started = performance.now();
  const folders = Math.max(1, Math.ceil(kills / 2));
  const per = Math.ceil(corpus.length / folders);
  const inputs = Array.from({ length: folders }, (_, i) => join(dir, "ingest", `part-${String(i).padStart(2, "0")}`));
  inputs.forEach((f, i) => writeCorpus(f, corpus.slice(i * per, (i + 1) * per)));
  const clean = join(dir, "ingest-clean.db");
  const crashed = join(dir, "ingest-crashed.db");
  await addQuestions(clean);
  await addQuestions(crashed);
  const cleanRun = (async () => {
    for (const f of inputs) await runToEnd(["ingest", "--db", clean, "--threads", "1", f]);
  })();
  const acknowledged = new Set<string>();
  let kills_ = 0;
  let early = 0;
  // Each folder is ingested until a run of it ends; the kills left after the last folder land in runs of it again.
  for (let i = 0; i < inputs.length || kills_ < kills; ) {
    const input = inputs[Math.min(i, inputs.length - 1)];
    const kill = new Kill(kills_ < kills ? drawKill(r, timing.startupMs, timing.windowMs, per) : null);
    const run = start(["ingest", "--db", crashed, "--threads", "1", input], (line, stream) => {
      const m = stream === "err" ? INGEST_LINE.exec(line) : null;
      if (!m) return;
      acknowledged.add(m[2]);
      kill.acknowledged();
    });
    kill.of(run);
    if (await killed(run, kill)) {
      kills_++;
      if (kill.early) early++;
      log(`ingest: kill ${kills_}/${kills} in ${input.slice(-7)} (${acknowledged.size} acknowledged so far)`);
      continue;
    }
    i++;
  }
  await cleanRun;
  return finish("ingest", kills_, acknowledged, await compareStores(clean, crashed), started, [earlyNote(early, kills_)]);
}

// A poll line of `bellwether watch` for a feed: what it stored, of how many entries the feed had.
const POLL_LINE = /: (\d+) new, (\d+) duplicate, (\d+) not read, (\d+) failed of (\d+) unseen in (\d+) entries/;

/** A loopback feed per run name, growing by a seeded step on each fetch (the clean run's is whole from the start). */
async function feedServer(corpus: GeneratedArticle[], r: () => number): Promise<{ base: string; shown: Map<string, number>; server: Server }> {
  const items = corpus.map((a) => ({ guid: a.id, title: a.title, date: a.date, body: a.text.trim(), link: `https://news.example/${a.id}` }));
  const shown = new Map<string, number>();
  const server = createHttpServer((req, res) => {
    const name = (req.url ?? "/").replace(/^\/|\.xml$/g, "");
    const n = name === "clean" ? items.length : (shown.get(name) ?? 0);
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Crash Wire", items.slice(0, n)));
    if (name !== "clean") shown.set(name, Math.min(items.length, n + 1 + Math.floor(r() * 6)));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, shown, server };
}

/** `watch` of a growing feed, killed at seeded moments and started again; then polled once whole to finish. */
async function watchCase(dir: string, corpus: GeneratedArticle[], kills: number, timing: Timing, r: () => number, log: (l: string) => void): Promise<CommandResult> {
  const started = performance.now();
  const feeds = await feedServer(corpus, r);
  try {
    const clean = join(dir, "watch-clean.db");
    const crashed = join(dir, "watch-crashed.db");
    await addQuestions(clean);
    await addQuestions(crashed);
    const flags = ["--allow-private", "--politeness", "0", "--threads", "1"];
    const acknowledged = new Set<string>();
    // A poll line is printed once its items are committed: the feed's first `entries` items are in, unless some failed.
    const acknowledge = (line: string) => {
      const m = POLL_LINE.exec(line);
      if (m && Number(m[4]) === 0) for (const a of corpus.slice(0, Number(m[6]))) acknowledged.add(a.id);
    };
    // Polled once at a time until nothing is left unseen (a poll takes at most 200 entries of a feed).
    const drain = async (db: string, name: string) => {
      for (;;) {
        const out = await runToEnd(["watch", "--db", db, "--once", ...flags, `${feeds.base}/${name}.xml`], name === "crash" ? acknowledge : undefined);
        const m = out.map((l) => POLL_LINE.exec(l)).find((x) => x);
        if (!m) throw new Error(`watch printed no poll line:\n${out.join("\n")}`);
        if (Number(m[5]) === 0) return;
      }
    };
    const cleanRun = drain(clean, "clean");
    let kills_ = 0;
    let early = 0;
    while (kills_ < kills) {
      // A poll acknowledges a few items at once: the kill comes after one of the next two polls, or in the start-up.
      const kill = new Kill(drawKill(r, timing.startupMs, timing.windowMs, 2));
      const run = start(["watch", "--db", crashed, "--every", "1s", ...flags, `${feeds.base}/crash.xml`], (line) => {
        if (!POLL_LINE.test(line)) return;
        acknowledge(line);
        kill.acknowledged();
      });
      kill.of(run);
      if (await killed(run, kill)) {
        kills_++;
        if (kill.early) early++;
        log(`watch: kill ${kills_}/${kills} (feed at ${feeds.shown.get("crash") ?? 0} items, ${acknowledged.size} acknowledged)`);
      }
    }
    feeds.shown.set("crash", corpus.length);
    await drain(crashed, "crash");
    await cleanRun;
    // Items are acknowledged by feed position; the clean run says which article each became.
    const articleOf = await withStore(clean, async (s) => new Map((await s.db.selectFrom("feed_items").select(["key", "article_id"]).execute()).map((x) => [x.key, x.article_id])));
    const ids = new Set([...acknowledged].map((key) => articleOf.get(key) ?? `missing in the clean run: ${key}`));
    return finish("watch", kills_, ids, await compareStores(clean, crashed), started, [earlyNote(early, kills_)]);
  } finally {
    feeds.server.closeAllConnections();
    feeds.server.close();
  }
}

/** One API write: an article or a question. */
type Write = { path: "/api/articles"; type: "application/json"; body: string } | { path: "/api/questions"; type: "application/yaml"; body: string };

function apiWrites(corpus: GeneratedArticle[]): Write[] {
  const writes: Write[] = corpus.map((a) => ({ path: "/api/articles", type: "application/json", body: JSON.stringify({ text: a.text, title: a.title, outlet: a.outlet, date: a.date }) }));
  // Questions arrive among the articles, as a user adds them while the news comes in.
  QUESTIONS.forEach((q, i) => writes.splice(Math.floor(((i + 1) * writes.length) / (QUESTIONS.length + 1)) + i, 0, { path: "/api/questions", type: "application/yaml", body: q.yaml }));
  return writes;
}

/**
 * Sends the writes from `next` on, one at a time, until all are answered or the server goes away. Returns the index of the first write not acknowledged.
 */
async function sendWrites(base: string, writes: Write[], next: number, acknowledged: Set<string>, onAck: () => void = () => {}): Promise<number> {
  while (next < writes.length) {
    const w = writes[next];
    let res: Response;
    try {
      res = await fetch(base + w.path, { method: "POST", headers: { "content-type": w.type }, body: w.body, signal: AbortSignal.timeout(120_000) });
    } catch {
      return next; // The server was killed while the write was in flight: not acknowledged, sent again after restart.
    }
    const text = await res.text().catch(() => null);
    if (text === null) return next;
    if (res.status === 429) {
      await new Promise((ok) => setTimeout(ok, 1000 * Number(res.headers.get("retry-after") ?? 1)));
      continue;
    }
    if (res.status < 200 || res.status > 299) throw new Error(`POST ${w.path} answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { id?: string };
    if (body.id) acknowledged.add(body.id);
    next++;
    onAck();
  }
  return next;
}

/** Starts `serve` on a free port; `listening` resolves to its address once it listens, or null if it exits first. */
function startServe(db: string): { run: Running; listening: Promise<string | null> } {
  let listening: (base: string) => void = () => {};
  const ready = new Promise<string>((ok) => (listening = ok));
  const run = start(["serve", "--db", db, "--port", "0"], (line) => {
    const m = /bellwether is serving .* at (http:\/\/[^/]+)\//.exec(line);
    if (m) listening(m[1]);
  });
  return { run, listening: Promise.race([ready, run.exited.then(() => null)]) };
}

/** `serve` under a client writing articles and questions one at a time, killed at seeded moments and started again. */
async function serveCase(dir: string, corpus: GeneratedArticle[], kills: number, timing: Timing, r: () => number, log: (l: string) => void): Promise<CommandResult> {
  const started = performance.now();
  const writes = apiWrites(corpus);
  const clean = join(dir, "serve-clean.db");
  const crashed = join(dir, "serve-crashed.db");
  const cleanRun = (async () => {
    const { run, listening } = startServe(clean);
    try {
      const base = await listening;
      if (!base) throw new Error(`serve did not start:\n${run.output.join("\n")}`);
      if ((await sendWrites(base, writes, 0, new Set())) !== writes.length) throw new Error("the clean server went away");
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  })();
  const acknowledged = new Set<string>();
  let kills_ = 0;
  let early = 0;
  let next = 0;
  // A kill is always followed by a start that repairs, even when every write was answered before it.
  let lastKilled = false;
  while (next < writes.length || kills_ < kills || lastKilled) {
    lastKilled = false;
    const { run, listening } = startServe(crashed);
    // In the start-up and repair, or after one of the next four acknowledged writes: while it stores, regroups or idles.
    const kill = new Kill(kills_ < kills ? drawKill(r, timing.startupMs, timing.windowMs, 4) : null).of(run);
    const base = await listening;
    try {
      if (base) next = await sendWrites(base, writes, next, acknowledged, kill.acknowledged);
      else if (kills_ >= kills) throw new Error(`serve did not start:\n${run.output.slice(-20).join("\n")}`);
    } catch (err) {
      kill.disarm();
      run.child.kill("SIGKILL");
      throw err;
    }
    if (kills_ < kills) {
      // All writes answered before the kill came: it lands while the server idles.
      if (!(await killed(run, kill))) throw new Error("serve exited by itself");
      kills_++;
      lastKilled = true;
      if (kill.early) early++;
      log(`serve: kill ${kills_}/${kills} at write ${next}/${writes.length} (${acknowledged.size} acknowledged)`);
    } else {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  }
  await cleanRun;
  return finish("serve (API writes)", kills_, acknowledged, await compareStores(clean, crashed), started, [earlyNote(early, kills_)]);
}

/** A PostgreSQL server of the run's own, run as the postgres user (initdb and pg_ctl refuse root). */
class OwnPostgres {
  readonly url: string;
  private readonly bin: string;
  private readonly data: string;
  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    const versions = existsSync("/usr/lib/postgresql") ? spawnSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).sort((a, b) => Number(a) - Number(b)) : [];
    this.bin = join("/usr/lib/postgresql", versions.at(-1) ?? "none", "bin");
    this.data = join(dir, "data");
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** Why this machine cannot run one, or null. */
  unavailable(): string | null {
    if (!existsSync(join(this.bin, "pg_ctl"))) return "no PostgreSQL server binaries under /usr/lib/postgresql";
    if (process.getuid?.() !== 0) return "starting a PostgreSQL server of its own needs root (to run pg_ctl as the postgres user)";
    return null;
  }

  private pgCtl(args: string): void {
    const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${this.bin}/pg_ctl -D '${this.data}' ${args}`], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pg_ctl ${args} failed: ${r.stderr || r.stdout}`);
  }

  start(): void {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(this.dir, uid, uid);
    const init = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${this.bin}/initdb -D '${this.data}' -A trust -U postgres --encoding=UTF8 --locale=C`], { encoding: "utf8" });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    try {
      this.pgCtl(`-w -l '${this.dir}/server.log' -o "-p ${this.port} -k '${this.dir}' -c listen_addresses=127.0.0.1" start >/dev/null`);
    } catch (err) {
      const said = existsSync(join(this.dir, "server.log")) ? readFileSync(join(this.dir, "server.log"), "utf8").split("\n").filter((l) => /FATAL|ERROR/.test(l)).join("; ") : "";
      throw new Error(`the PostgreSQL server did not start on port ${this.port}: ${said || (err as Error).message}`);
    }
  }

  /** Kills the server's processes without a shutdown checkpoint and starts it again (crash recovery). */
  restartImmediately(): void {
    this.pgCtl(`-w -m immediate -l '${this.dir}/server.log' -o "-p ${this.port} -k '${this.dir}' -c listen_addresses=127.0.0.1" restart >/dev/null`);
  }

  stop(): void {
    try {
      this.pgCtl("-m fast stop >/dev/null");
    } catch {
      // Already stopped.
    }
  }

  async database(name: string): Promise<string> {
    const c = new pg.Client({ connectionString: this.url });
    await c.connect();
    try {
      await c.query(`create database ${name}`);
    } finally {
      await c.end();
    }
    return this.url.replace(/\/postgres$/, `/${name}`);
  }
}

/** An ingest into a PostgreSQL store with the server restarted under it, after a seeded number of stored articles. */
async function postgresCase(dir: string, corpus: GeneratedArticle[], port: number, r: () => number, log: (l: string) => void): Promise<CommandResult> {
  const started = performance.now();
  const pgDir = mkdtempSync(join(tmpdir(), "bellwether-crash-pg-"));
  const server = new OwnPostgres(pgDir, port);
  try {
    server.start();
    const input = join(dir, "pg-corpus");
    writeCorpus(input, corpus);
    const clean = await server.database("crash_clean");
    const crashed = await server.database("crash_restarted");
    await addQuestions(clean);
    await addQuestions(crashed);
    const acknowledged = new Set<string>();
    const restartAfter = Math.max(2, Math.floor(between(r, 0.2, 0.6) * corpus.length));
    let restarted = false;
    const run = start(["ingest", "--db", crashed, "--threads", "1", input], (line, stream) => {
      const m = stream === "err" ? INGEST_LINE.exec(line) : null;
      if (!m) return;
      acknowledged.add(m[2]);
      if (!restarted && acknowledged.size >= restartAfter) {
        restarted = true;
        server.restartImmediately();
        log(`postgres: server restarted (immediate) after ${acknowledged.size} stored articles`);
      }
    });
    // The clean run goes beside the restarted one: it starts once the restart is over, so the restart does not hit it.
    const cleanRun = (async () => {
      while (!restarted && run.child.exitCode === null) await new Promise((ok) => setTimeout(ok, 100));
      await runToEnd(["ingest", "--db", clean, "--threads", "1", input]);
    })();
    const exit = await run.exited;
    const notes: string[] = [];
    if (!restarted) notes.push("the ingest ended before the restart point");
    if (exit.code === 0) notes.push("the ingest went on through the restart");
    else {
      const said = run.output.filter((l) => !INGEST_LINE.test(l)).slice(-2).join(" / ");
      if (/\n\s+at /.test(run.output.join("\n"))) throw new Error(`the ingest failed with a stack trace:\n${run.output.slice(-20).join("\n")}`);
      notes.push(`the ingest stopped (exit ${exit.code}): ${said.slice(0, 160)}; a re-run completed`);
      await runToEnd(["ingest", "--db", crashed, "--threads", "1", input], (line, stream) => {
        const m = stream === "err" ? INGEST_LINE.exec(line) : null;
        if (m) acknowledged.add(m[2]);
      });
    }
    await cleanRun;
    return finish("ingest, PostgreSQL restart", restarted ? 1 : 0, acknowledged, await compareStores(clean, crashed), started, notes);
  } finally {
    server.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

/** Runs every case of a crash run and returns one row per command. */
export async function runCrash(opts: CrashOptions): Promise<CommandResult[]> {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "main.js"))) throw new Error("the crash run drives the built CLI: run `npm run build` first");
  const log = opts.log ?? (() => {});
  const windows = opts.windowMs ?? { ingest: 1500, watch: 3000, serve: 1500 };
  const dir = mkdtempSync(join(tmpdir(), "bellwether-crash-"));
  // Kills in the start-up are drawn over the time the CLI takes to start here.
  const t0 = performance.now();
  await runToEnd(["repair", "--db", join(dir, "startup.db")]);
  const startupMs = performance.now() - t0;
  log(`the CLI starts in ${(startupMs / 1000).toFixed(1)} s here`);
  const corpus = generateCorpus(opts.articles, opts.seed, opts.words ?? 300);
  const share = [Math.ceil(opts.kills / 3), Math.ceil((opts.kills - Math.ceil(opts.kills / 3)) / 2)];
  const kills = { ingest: share[0], watch: share[1], serve: opts.kills - share[0] - share[1] };
  // Each case draws from a stream of its own, so one case's draws do not shift another's.
  const stream = (n: number) => rng(opts.seed * 31 + n);
  try {
    mkdirSync(join(dir, "ingest"), { recursive: true });
    const cases = new Set(opts.cases ?? ["ingest", "watch", "serve", "postgres"]);
    const results: CommandResult[] = [];
    // Each row is told as soon as its case is over, so a long run shows what it found so far.
    const done = (r: CommandResult) => {
      results.push(r);
      log(`${r.command}: ${r.kills} kills, ${r.acknowledged} acknowledged, ${r.lost} lost, ${r.duplicates} duplicates, ${r.mismatches} mismatches (${r.seconds.toFixed(0)} s)`);
    };
    if (cases.has("ingest")) done(await ingestCase(dir, corpus, kills.ingest, { startupMs, windowMs: windows.ingest }, stream(1), log));
    if (cases.has("watch")) done(await watchCase(dir, corpus, kills.watch, { startupMs, windowMs: windows.watch }, stream(2), log));
    if (cases.has("serve")) done(await serveCase(dir, corpus, kills.serve, { startupMs, windowMs: windows.serve }, stream(3), log));
    if (cases.has("postgres")) {
      const pgCase = opts.postgres ?? { skip: "no server asked for" };
      if ("port" in pgCase) done(await postgresCase(dir, corpus, pgCase.port, stream(4), log));
      else done({ command: "ingest, PostgreSQL restart", kills: 0, acknowledged: 0, lost: 0, duplicates: 0, mismatches: 0, seconds: 0, notes: [`skipped: ${pgCase.skip}`], problems: [] });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table a crash run prints, headed by the command that repeats it. */
export function crashTable(results: CommandResult[], opts: Pick<CrashOptions, "seed" | "kills" | "articles">): string {
  const head = ["command", "kills", "acknowledged", "lost", "duplicates", "mismatches", "seconds"];
  const body = results.map((r) => [r.command, String(r.kills), String(r.acknowledged), String(r.lost), String(r.duplicates), String(r.mismatches), r.seconds.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const notes = results.flatMap((r) => [...r.notes, ...r.problems].map((n) => `  ${r.command}: ${n}`));
  return [
    `crash run: seed ${opts.seed}, ${opts.kills} kills, ${opts.articles} articles per command (npm run crash -- --seed ${opts.seed} --kills ${opts.kills} --articles ${opts.articles})`,
    line(head),
    ...body.map(line),
    ...notes,
  ].join("\n");
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

/** A free loopback port for a PostgreSQL server of a test's own. */
export { freePort };

/** Why this machine cannot start a PostgreSQL server of the run's own, or null when it can. */
export function ownPostgresUnavailable(): string | null {
  return new OwnPostgres(tmpdir(), 0).unavailable();
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg("seed") ?? Math.floor(Math.random() * 2 ** 31));
  const kills = Number(arg("kills") ?? 51);
  const articles = Number(arg("articles") ?? 120);
  for (const [name, v] of [["seed", seed], ["kills", kills], ["articles", articles]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
  }
  const port = arg("pg-port") !== undefined ? Number(arg("pg-port")) : await freePort();
  const unavailable = process.argv.includes("--no-pg") ? "--no-pg" : ownPostgresUnavailable();
  const opts: CrashOptions = { seed, kills, articles, postgres: unavailable ? { skip: unavailable } : { port }, log: (l) => console.error(l) };
  console.error(`crash run: seed ${seed}, ${kills} kills, ${articles} articles per command`);
  const results = await runCrash(opts);
  console.log(crashTable(results, opts));
  const bad = results.some((r) => r.lost > 0 || r.duplicates > 0 || r.mismatches > 0);
  process.exitCode = bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
