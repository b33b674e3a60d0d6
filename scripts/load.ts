// `npm run load`: a real server on loopback over a store of generated articles, driven by autocannon with a mix of
// reads (stories, claims, a question, its replay, search) and API ingests at once, for a bounded time; prints
// throughput, p50 / p99 latency and errors per route.
// Usage: npm run load -- [--articles N] [--connections N] [--seconds N]
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { generateArticle, generateCorpus } from "../bench/ingest.js";
import { loadDemo } from "../src/app/demo.js";
import { ingestResults } from "../src/app/ingest.js";
import { openStore } from "../src/store/index.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg("articles", 2000);
const CONNECTIONS = arg("connections", 50);
const SECONDS = arg("seconds", 20);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), "bw-load-"));
const db = join(dir, "load.db");
try {
  let t = performance.now();
  const store = await openStore({ path: db });
  await loadDemo(store, "2026-01-15");
  const docs = generateCorpus(ARTICLES, 4242).map((a) => ({ ok: true as const, doc: { input: a.id, article: { text: a.text, date: a.date, title: a.title, outlet: a.outlet } } }));
  await ingestResults(store, docs);
  await store.close();
  console.log(`store: ${ARTICLES} generated articles and the demo, prepared in ${((performance.now() - t) / 1000).toFixed(0)} s`);

  const port = await freePort();
  const server = fork(new URL("./load-server.ts", import.meta.url).pathname, [db, String(port)], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  await new Promise((resolve) => server.once("message", resolve));
  const base = `http://127.0.0.1:${port}`;
  const question = ((await (await fetch(`${base}/api/questions`)).json()) as { questions: { id: string }[] }).questions[0].id;

  let seq = 0;
  const routes: { name: string; share: number; opts: Partial<autocannon.Options> }[] = [
    { name: "GET /api/stories", share: 2, opts: { path: "/api/stories" } },
    { name: "GET /api/claims?limit=100", share: 2, opts: { path: "/api/claims?limit=100" } },
    { name: "GET /api/questions/:id", share: 2, opts: { path: `/api/questions/${question}` } },
    { name: "GET /api/questions/:id/replay", share: 1, opts: { path: `/api/questions/${question}/replay?step=7` } },
    { name: "GET /api/search?q=summit", share: 2, opts: { path: "/api/search?q=summit" } },
    {
      name: "POST /api/articles",
      share: 1,
      opts: {
        method: "POST",
        path: "/api/articles",
        headers: { "content-type": "application/json" },
        setupClient: (client) => {
          client.setBody(JSON.stringify({ text: generateArticle(900_000 + seq++, 400).text, date: "2025-10-20" }));
        },
      },
    },
  ];
  const shares = routes.reduce((s, r) => s + r.share, 0);
  t = performance.now();
  const results = await Promise.all(
    routes.map((r) =>
      // autocannon takes the path as part of the url; a separate `path` option is not read, and every request went to "/".
      autocannon({ ...r.opts, path: undefined, url: `${base}${r.opts.path}`, connections: Math.max(1, Math.round((CONNECTIONS * r.share) / shares)), duration: SECONDS, timeout: 10 } as autocannon.Options),
    ),
  );
  const wall = (performance.now() - t) / 1000;
  console.log(`\n${CONNECTIONS} connections for ${SECONDS} s (wall ${wall.toFixed(1)} s) on ${base}`);
  console.log(["route".padEnd(34), "conns", "req/s", "p50 ms", "p99 ms", "2xx", "non-2xx", "errors", "timeouts"].join("\t"));
  routes.forEach((r, i) => {
    const x = results[i];
    console.log([r.name.padEnd(34), Math.max(1, Math.round((CONNECTIONS * r.share) / shares)), x.requests.average.toFixed(1), x.latency.p50, x.latency.p99, x["2xx"], x.non2xx, x.errors, x.timeouts].join("\t"));
  });
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
