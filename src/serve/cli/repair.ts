// `bellwether repair`: brings stories and forecasts up to date after an interrupted write; every command that writes
// (ingest, watch, worker, serve) does the same as it starts.
import type { Command } from "commander";
import { loadConfig } from "../../app/config.js";
import { repairDerived, repairLine, type RepairResult } from "../../app/repair.js";
import { today } from "../../app/questions.js";
import type { Store } from "../../store/index.js";
import { openStore } from "../../store/index.js";
import { dateOption } from "./options.js";

/** Repairs derived state as a command starts, telling `write` when there was anything to repair. */
export async function repairAtStart(store: Store, write: (line: string) => void, asOf?: string): Promise<RepairResult> {
  const r = await repairDerived(store, asOf ?? today());
  if (r.repaired) write(`bellwether: ${repairLine(r)}\n`);
  return r;
}

/** Adds `repair` to the program. */
export function registerRepair(program: Command, setStatus: (code: number) => void): void {
  program
    .command("repair")
    .description("regroup stories and recompute forecasts left behind by an interrupted write (commands that write do it as they start)")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--as-of <YYYY-MM-DD>", "compute questions as of this date (default: today)")
    .action(async (flags: { db?: string; asOf?: string }, cmd: Command) => {
      const asOf = dateOption(cmd, "--as-of", flags.asOf);
      const store = await openStore({ path: loadConfig({ db: flags.db }).db });
      try {
        const r = await repairAtStart(store, (line) => process.stdout.write(line), asOf);
        if (!r.repaired) process.stdout.write("stories and forecasts are up to date\n");
        setStatus(0);
      } finally {
        await store.close();
      }
    });
}
