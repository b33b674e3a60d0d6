// `bellwether worker`: reads queued documents and stores them in queue order, on a PostgreSQL store, until SIGINT or
// SIGTERM (which stop it once the documents in hand are read and left in the store).
import type { Command } from "commander";
import { loadConfig } from "../../app/config.js";
import { QueueUnavailable, runWorker } from "../../app/queue.js";
import { openStore } from "../../store/index.js";
import { dateOption, usage } from "./options.js";
import { repairAtStart } from "./repair.js";

interface WorkerFlags {
  db?: string;
  concurrency?: string;
  asOf?: string;
}

/** Adds `worker` to the program. */
export function registerWorker(program: Command, setStatus: (code: number) => void): void {
  program
    .command("worker")
    .description("read and store documents queued by `ingest --queue` or `watch --queue` (PostgreSQL store); run as many as the volume needs")
    .option("--db <url>", "the store: a postgres:// URL (default: $BELLWETHER_DB)")
    .option("--concurrency <n>", "documents read at once, each on a thread of its own", "1")
    .option("--as-of <YYYY-MM-DD>", "bring questions up to date as of this date (default: today)")
    .action(async (flags: WorkerFlags, cmd: Command) => {
      if (!/^\d{1,2}$/.test(flags.concurrency ?? "1") || Number(flags.concurrency) < 1) usage(cmd, `--concurrency must be a whole number from 1, got "${flags.concurrency}"`);
      const asOf = dateOption(cmd, "--as-of", flags.asOf);
      const config = loadConfig({ db: flags.db });
      const store = await openStore({ path: config.db });
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const started = Date.now();
      let stored = 0;
      let failed = 0;
      try {
        await repairAtStart(store, (line) => process.stderr.write(line), asOf);
        process.stderr.write(`bellwether worker: reading with ${flags.concurrency ?? 1} thread(s); stop with Ctrl-C\n`);
        const { drainMs } = await runWorker(store, {
          concurrency: Number(flags.concurrency ?? 1),
          signal: stop.signal,
          asOf,
          onEvent: (e) => {
            if (e.outcome === "failed") failed++;
            else stored++;
            process.stderr.write(`${e.outcome}\t${e.input}\t${e.outcome === "failed" ? e.error : e.id}\n`);
          },
        });
        process.stderr.write(`bellwether worker: stopped after ${((Date.now() - started) / 1000).toFixed(1)} s; stored ${stored}, failed ${failed}; drain ${Math.round(drainMs)} ms\n`);
        setStatus(0);
      } catch (err) {
        if (err instanceof QueueUnavailable) usage(cmd, err.message);
        throw err;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await store.close();
      }
    });
}
