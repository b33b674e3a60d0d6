// Starting this package's worker threads, from the compiled build or from the TypeScript sources (tests, scripts).
import { existsSync, readlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * Starts the worker module `name` (without extension) beside the module at `here` (the caller's `import.meta.url`): the
 * compiled one, or — when running from TypeScript sources — the source one loaded through the TypeScript loader the
 * development tools ship. Null when neither can be started; callers then do the work in-process.
 */
export function spawnWorker(here: string, name: string, workerData: unknown): Worker | null {
  if (!here.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, here), { workerData });
  let loader: string;
  try {
    loader = createRequire(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs");
  } catch {
    return null;
  }
  if (!existsSync(loader)) return null;
  const entry = new URL(`./${name}.ts`, here).href;
  const boot = `import(${JSON.stringify(new URL(`file://${loader}`).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Lowers the scheduling priority of the calling thread, for threads doing background work (grouping, checkpoints) that
 * should take idle cores rather than preempt the ingest's main and reader threads. Best effort: Linux names a thread by
 * its own id under /proc; elsewhere, or without permission, nothing changes.
 */
export function lowerThreadPriority(nice = 10): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the thread keeps the normal priority.
  }
}
