// The `bellwether` command line: one file per command, registered here in the order --help lists them.
import { Command, CommanderError } from "commander";
import { registerAlerts } from "./alerts.js";
import { registerDemo } from "./demo.js";
import { registerExport } from "./export.js";
import { registerExtract } from "./extract.js";
import { registerFeeds } from "./feeds.js";
import { registerIngest } from "./ingest.js";
import { registerLedger } from "./ledger.js";
import { registerQuestions } from "./questions.js";
import { registerRepair } from "./repair.js";
import { registerReport } from "./report.js";
import { registerServe } from "./serve.js";
import { registerWatch } from "./watch.js";
import { registerWorker } from "./worker.js";

/** Runs the CLI with process-style argv; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("bellwether")
    .description("A ledger of who claims what about a developing news story, citing whom, how firmly.")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let status = 0;
  const setStatus = (code: number) => {
    status = code;
  };
  registerExtract(program, setStatus);
  registerIngest(program, setStatus);
  registerLedger(program, setStatus);
  registerQuestions(program, setStatus);
  registerDemo(program, setStatus);
  registerFeeds(program, setStatus);
  registerWatch(program, setStatus);
  registerWorker(program, setStatus);
  registerAlerts(program, setStatus);
  registerReport(program, setStatus);
  registerExport(program, setStatus);
  registerRepair(program, setStatus);
  registerServe(program, setStatus);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return status;
}
