// `bellwether extract`: one document (--json) or JSON Lines (--jsonl) to the extraction contract.
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { extract } from "../../extract/index.js";

export function registerExtract(program: Command, setStatus: (code: number) => void): void {
  program
    .command("extract")
    .description("read one article (--json FILE|-) or JSON Lines on stdin (--jsonl) and print the extraction")
    .option("--json <file>", "one document: .txt, .md, .html, or - for stdin")
    .option("--jsonl", "JSON Lines in, JSON Lines out")
    .option("--date <YYYY-MM-DD>", "document creation time")
    .option("--outlet <name>", "outlet name")
    .option("--title <title>", "title")
    .action((opts: { json?: string; jsonl?: boolean; date?: string; outlet?: string; title?: string }) => {
      const file = opts.json ?? "-";
      const text = readFileSync(file === "-" ? 0 : file, "utf8");
      const out = extract({ text, date: opts.date, outlet: opts.outlet, title: opts.title });
      process.stdout.write(JSON.stringify(out) + "\n");
      setStatus(0);
    });
}
