// The server under `npm run load`: a real server on loopback over the store the load script prepared, with the
// per-client limits lifted (the load generator is one client; the limits are tested on their own in test/guard.test.ts).
// It measures how long its main thread is held at once (event-loop delay) between "measure" and "report", and how far
// behind the store its kept reads answered.
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from "node:perf_hooks";
// The compiled build, as `bellwether serve` runs it (`npm run load` compiles first): its worker threads start from
// JavaScript, not through the TypeScript loader.
import { buildServer, keptReadLag } from "../dist/serve/api/server.js";
import { openStore } from "../dist/store/index.js";
import { repairDerived } from "../dist/app/repair.js";

const [db, port] = process.argv.slice(2);
const store = await openStore({ path: db });
// As `bellwether serve` does: derived state left behind is brought up to date before the server listens.
await repairDerived(store);
const app = await buildServer({ store, guard: { maxConcurrent: 100_000, ratePerSecond: 1e9, burst: 1e9 } });
// Answers that were not 2xx, by status and message, so the run can say why a request failed.
const failures = new Map<string, number>();
// A callback hook, not an async one: it adds no promise to every answer it does not count.
app.addHook("onSend", (req, reply, payload, done) => {
  if (reply.statusCode >= 400) {
    let message = "";
    try {
      message = typeof payload === "string" ? String(JSON.parse(payload).message ?? "") : "";
    } catch {
      // Not a JSON error body; the status alone is counted.
    }
    const key = `${req.method} ${req.routeOptions.url ?? req.url} ${reply.statusCode} ${message}`.trim();
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  done(null, payload);
});
// What lies behind an internal error, which the answer itself does not tell.
app.addHook("onError", (req, _reply, error, done) => {
  const where = (error.stack ?? "").split("\n").slice(1, 4).map((l) => l.trim().replace(/^at /, "").replace(/\(.*\/(dist|node_modules)\//, "($1/")).join(" < ");
  const key = `${req.method} ${req.routeOptions.url ?? req.url}: ${error.message}${where ? ` [${where}]` : ""}`;
  failures.set(key, (failures.get(key) ?? 0) + 1);
  if (process.env.LOAD_DEBUG) console.error(`${new Date().toISOString()} ${((performance.now() - wallFrom) / 1000).toFixed(2)} s into the run: ${key}`);
  done();
});
await app.listen({ port: Number(port), host: "127.0.0.1" });
const delay = monitorEventLoopDelay({ resolution: 10 });
// Where the server's time went during the run: the share of it the main thread was busy (not waiting for events), and
// the CPU time of all its threads (the main thread, readers, storing, refreshes and kept reads).
let busyFrom: EventLoopUtilization | undefined;
let cpuFrom: NodeJS.CpuUsage | undefined;
let wallFrom = 0;
process.on("message", (m) => {
  if (m === "measure") {
    delay.reset();
    delay.enable();
    keptReadLag(app);
    failures.clear();
    busyFrom = performance.eventLoopUtilization();
    cpuFrom = process.cpuUsage();
    wallFrom = performance.now();
  } else if (m === "report") {
    delay.disable();
    const wallMs = performance.now() - wallFrom;
    const cpu = process.cpuUsage(cpuFrom);
    const mainBusy = performance.eventLoopUtilization(busyFrom).utilization;
    process.send?.({ stalls: { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 }, lag: keptReadLag(app), use: { wallMs, mainBusy, cpuMs: (cpu.user + cpu.system) / 1000 }, failures: [...failures] });
  }
});
process.send?.("listening");
process.on("SIGTERM", () => void app.close().then(() => store.close()).then(() => process.exit(0)));
