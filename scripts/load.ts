// `npm run load`: a real server on loopback over a store of generated articles, driven by autocannon with a mix of
// reads (stories, claims, a question, its replay, search) at once while API ingests run beside them, for a bounded
// time; prints throughput, p50 / p99 latency, errors and time-outs per route, the longest the server's main thread was
// held, how far behind the store the reads answered, and whether each route met the target (0 errors, 0 time-outs,
// read p99 < 100 ms).
// The store is built once per size and kept in a cache folder; each run works on a copy, so runs start alike.
// Usage: npm run load -- [--articles N] [--connections N] [--ingest-connections N] [--seconds N] [--rate N] [--cache DIR]
//        [--identity] (reads without Accept-Encoding: gzip) [--keep-bodies] (autocannon keeps each body as a string)
// With LOAD_PROFILE=DIR in the environment the server writes a CPU profile there; with LOAD_DEBUG=1 it prints each
// failed request as it happens.
import { fork } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import autocannon from "autocannon";
import { generateArticle, generateCorpus } from "../bench/ingest.js";
import { loadDemo } from "../src/app/demo.js";
import { ingestResults } from "../src/app/ingest.js";
import { openStore } from "../src/store/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const ARTICLES = Number(arg("articles", "2000"));
const CONNECTIONS = Number(arg("connections", "200"));
const INGEST_CONNECTIONS = Number(arg("ingest-connections", "4"));
const SECONDS = Number(arg("seconds", "20"));
// Reads per second in all, shared among the routes as their connections are; 0: each connection asks again as soon as
// it is answered (a closed loop, which measures what the server can take at most).
const RATE = Number(arg("rate", "0"));
// Reads ask for gzip, as browsers do; --identity asks for the bytes as they are.
const GZIP = !process.argv.includes("--identity");
// autocannon decodes every answer's body into a string and keeps it until the answer is complete, for checks this
// script does not ask for; on the two cores the server shares, that decoding cost the load generator ~20 µs a KB (0.5
// ms for a 22 KB claim page, more than the server spent answering it) and held back the next request of every
// connection. Bodies are counted (their bytes), not kept, unless --keep-bodies asks for autocannon's own way.
const KEEP_BODIES = process.argv.includes("--keep-bodies");
if (!KEEP_BODIES) {
  const Queue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody(data: unknown): void } };
  Queue.prototype.addBody = () => {};
}
const CACHE = arg("cache", join(tmpdir(), "bellwether-load-cache"));
// The target of issue 15: every read answered within this many milliseconds at the 99th percentile.
const READ_P99_MS = 100;
// The day the demo's questions are computed as of, so every built store is alike.
const AS_OF = "2026-01-15";
const SEED = 4242;
// Generated articles stored per ingest run while building, so progress shows and memory stays bounded.
const BUILD_BATCH = 500;

// The machine's CPU time so far, busy and in all, in clock ticks (Linux; zeros elsewhere): how busy the cores were during
// the run, whoever kept them busy.
function machineTicks(): { busy: number; all: number } {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const n = fields.map(Number);
    const all = n.reduce((s, x) => s + x, 0);
    return { busy: all - n[3] - (n[4] ?? 0), all };
  } catch {
    return { busy: 0, all: 0 };
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// Builds the store of the demo and `n` generated articles at `path`, unless a finished one is there.
async function cachedStore(n: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `load-${n}-${SEED}.db`);
  if (existsSync(path)) return path;
  // A build that was stopped goes on from its last whole batch; ingest skips the articles of that batch already stored.
  const building = `${path}.building`;
  const t = performance.now();
  const store = await openStore({ path: building });
  await loadDemo(store, AS_OF);
  const stored = await store.db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n")).where("input", "like", "gen-%").executeTakeFirstOrThrow();
  const resumeAt = Math.floor(Number(stored.n) / BUILD_BATCH) * BUILD_BATCH;
  if (resumeAt > 0) console.log(`  going on with the build at ${building}: ${Number(stored.n)} articles stored`);
  for (let from = resumeAt; from < n; from += BUILD_BATCH) {
    const docs = generateCorpus(Math.min(BUILD_BATCH, n - from), SEED + from).map((a) => ({ ok: true as const, doc: { input: a.id, article: { text: a.text, date: a.date, title: a.title, outlet: a.outlet } } }));
    await ingestResults(store, docs, { asOf: AS_OF });
    console.log(`  built ${Math.min(n, from + BUILD_BATCH)} of ${n} articles, ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  await store.close();
  for (const ext of ["-wal", "-shm"]) rmSync(building + ext, { force: true });
  renameSync(building, path);
  console.log(`store: ${n} generated articles and the demo, built in ${((performance.now() - t) / 1000).toFixed(0)} s, kept at ${path}`);
  return path;
}

const cached = await cachedStore(ARTICLES);
const dir = mkdtempSync(join(tmpdir(), "bw-load-"));
const db = join(dir, "load.db");
copyFileSync(cached, db);
try {
  const port = await freePort();
  const server = fork(new URL("./load-server.ts", import.meta.url).pathname, [db, String(port)], { execArgv: ["--import", "tsx", ...(process.env.LOAD_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : [])], stdio: ["inherit", "inherit", "inherit", "ipc"] });
  await new Promise((resolve) => server.once("message", resolve));
  const base = `http://127.0.0.1:${port}`;
  const question = ((await (await fetch(`${base}/api/questions`)).json()) as { questions: { id: string }[] }).questions[0].id;

  let seq = 0;
  const reads: { name: string; share: number; path: string }[] = [
    { name: "GET /api/stories", share: 2, path: "/api/stories" },
    { name: "GET /api/claims?limit=100", share: 2, path: "/api/claims?limit=100" },
    { name: "GET /api/questions/:id", share: 2, path: `/api/questions/${question}` },
    { name: "GET /api/questions/:id/replay", share: 1, path: `/api/questions/${question}/replay?step=7` },
    { name: "GET /api/search?q=summit", share: 2, path: "/api/search?q=summit" },
  ];
  const shares = reads.reduce((s, r) => s + r.share, 0);
  const runs: { name: string; read: boolean; connections: number; opts: autocannon.Options }[] = reads.map((r) => {
    const connections = Math.max(1, Math.round((CONNECTIONS * r.share) / shares));
    // autocannon takes the path as part of the url; a separate `path` option is not read.
    const rate = RATE > 0 ? { overallRate: Math.max(1, Math.round((RATE * r.share) / shares)) } : {};
    const headers = GZIP ? { "accept-encoding": "gzip" } : {};
    return { name: r.name, read: true, connections, opts: { url: `${base}${r.path}`, connections, duration: SECONDS, timeout: 10, headers, ...rate } };
  });
  if (INGEST_CONNECTIONS > 0) {
    runs.push({
      name: "POST /api/articles (ingest)",
      read: false,
      connections: INGEST_CONNECTIONS,
      opts: {
        url: `${base}/api/articles`,
        connections: INGEST_CONNECTIONS,
        duration: SECONDS,
        timeout: 10,
        // Every request posts a new article: a body set once per connection would be stored once, then skipped as a copy.
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ text: generateArticle(900_000 + seq++, 400).text, date: "2025-10-20" }) }),
          },
        ],
      },
    });
  }
  // Each read once before the clock starts: its first computation is the server's start-up, timed apart; the run
  // measures a server whose reads are in use.
  const firsts: string[] = [];
  for (const r of reads) {
    const t0 = performance.now();
    const res = await fetch(`${base}${r.path}`);
    await res.arrayBuffer();
    firsts.push(`${r.name} ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  console.log(`first answers (worked out before the run): ${firsts.join("; ")}`);
  type Report = {
    stalls: { maxMs: number; p99Ms: number };
    lag?: { answers: number; behind: number; p50Ms: number; p99Ms: number; maxMs: number };
    use?: { wallMs: number; mainBusy: number; cpuMs: number };
    failures?: [string, number][];
  };
  const report = new Promise<Report>((resolve) => server.on("message", (m) => (m as Partial<Report>).stalls && resolve(m as Report)));
  server.send("measure");
  const t = performance.now();
  const ownFrom = process.cpuUsage();
  const machineFrom = machineTicks();
  const results = await Promise.all(runs.map((r) => autocannon(r.opts)));
  const wall = (performance.now() - t) / 1000;
  const own = process.cpuUsage(ownFrom);
  const machineTo = machineTicks();
  server.send("report");
  const { stalls: held, lag, use, failures } = await report;

  const totalReads = runs.filter((r) => r.read).reduce((s, r) => s + r.connections, 0);
  console.log(`\n${totalReads} read connections${RATE > 0 ? ` at ${RATE} reads/s in all` : ""}${GZIP ? " taking gzip" : " taking no gzip"}${KEEP_BODIES ? ", bodies kept" : ""} and ${INGEST_CONNECTIONS} ingest connections for ${SECONDS} s (wall ${wall.toFixed(1)} s), ${ARTICLES} generated articles stored, on ${base}`);
  console.log(["route".padEnd(30), "conns", "req/s", "p50 ms", "p99 ms", "max ms", "2xx", "non-2xx", "errors", "timeouts", "target"].join("\t"));
  let allMet = true;
  runs.forEach((r, i) => {
    const x = results[i];
    const met = x["2xx"] > 0 && x.errors === 0 && x.timeouts === 0 && x.non2xx === 0 && (!r.read || x.latency.p99 < READ_P99_MS);
    allMet &&= met;
    console.log([r.name.padEnd(30), r.connections, x.requests.average.toFixed(1), x.latency.p50, x.latency.p99, x.latency.max, x["2xx"], x.non2xx, x.errors, x.timeouts, met ? "met" : "MISSED"].join("\t"));
  });
  // Which answers were not 2xx, by status, so a refusal (429, 503) is told apart from a failure (422, 500).
  runs.forEach((r, i) => {
    const codes = Object.entries(results[i].statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2"));
    if (codes.length) console.log(`${r.name}: not 2xx: ${codes.map(([code, n]) => `${code} ×${(n as { count: number }).count}`).join(", ")}`);
  });
  for (const [what, n] of failures ?? []) console.log(`  the server answered ${what} ×${n}`);
  if (lag) console.log(`kept reads behind the store: ${lag.behind} of ${lag.answers} answers; p50 ${lag.p50Ms.toFixed(0)} ms, p99 ${lag.p99Ms.toFixed(0)} ms, at most ${lag.maxMs.toFixed(0)} ms (from the first change they did not show)`);
  // Cores are counted as CPU time over wall time: 1.0 is one core kept busy the whole run.
  const cores = (cpuMs: number) => (cpuMs / 1000 / wall).toFixed(2);
  const machineBusy = machineTo.all > machineFrom.all ? ((machineTo.busy - machineFrom.busy) / (machineTo.all - machineFrom.all)) * cpus().length : NaN;
  if (use) console.log(`cores used during the run (of ${cpus().length}): server ${cores(use.cpuMs)} (its main thread busy ${(use.mainBusy * 100).toFixed(0)} % of the time), load generator ${cores((own.user + own.system) / 1000)}, the whole machine ${machineBusy.toFixed(2)}`);
  const stallMet = held.maxMs <= READ_P99_MS;
  console.log(`main thread held at most ${held.maxMs.toFixed(0)} ms at once (p99 of event-loop delay ${held.p99Ms.toFixed(1)} ms): ${stallMet ? "met" : "MISSED"} (no request stalls another by more than ${READ_P99_MS} ms)`);
  console.log(`target (0 errors, 0 time-outs, read p99 < ${READ_P99_MS} ms, no stall over ${READ_P99_MS} ms): ${allMet && stallMet ? "met" : "MISSED"}`);
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
