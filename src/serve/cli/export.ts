// `bellwether export claims|reports|questions|events`: the ledger as CSV or JSON, and events in GDELT's layout.
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { loadConfig } from "../../app/config.js";
import { EXPORTS, ExportError, runExport, type ExportFormat, type ExportKind } from "../../app/export.js";
import { openStore } from "../../store/index.js";
import { dateOption, usage } from "./options.js";

/** Adds `export` to the program. */
export function registerExport(program: Command, setStatus: (code: number) => void): void {
  program
    .command("export")
    .description("write claims, reports or questions as CSV or JSON, or claims as GDELT 2.0 event rows (events --format gdelt)")
    .argument("<what>", EXPORTS.join(" | "))
    .option("--format <csv|json|gdelt>", "csv or json; events also gdelt (tab-separated, GDELT 2.0 event columns)")
    .option("--story <id>", "one story's claims only")
    .option("--as-of <YYYY-MM-DD>", "questions: compute as of this date (default: today)")
    .option("--output <file>", "write to a file instead of stdout")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .action(async (what: string, flags: { format?: string; story?: string; asOf?: string; output?: string; db?: string }, cmd: Command) => {
      if (!EXPORTS.includes(what as ExportKind)) usage(cmd, `export what? one of ${EXPORTS.join(", ")}, got "${what}"`);
      const format = (flags.format ?? (what === "events" ? "gdelt" : "csv")) as ExportFormat;
      if (!["csv", "json", "gdelt"].includes(format)) usage(cmd, `--format must be csv, json or gdelt, got "${format}"`);
      const asOf = dateOption(cmd, "--as-of", flags.asOf);
      const store = await openStore({ path: loadConfig({ db: flags.db }).db });
      try {
        const out = await runExport(store, what as ExportKind, format, { story: flags.story, asOf });
        if (flags.output) writeFileSync(flags.output, out.text);
        else process.stdout.write(out.text);
        setStatus(0);
      } catch (err) {
        if (err instanceof ExportError) usage(cmd, err.message);
        throw err;
      } finally {
        await store.close();
      }
    });
}
