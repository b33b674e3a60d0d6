// `bellwether report`: the brief for the morning meeting on a story or a question, in Markdown or HTML.
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { DEFAULT_BASE_URL } from "../../app/claim-text.js";
import { ConfigError, loadConfig, loadConfigFile } from "../../app/config.js";
import { briefHtml, briefMarkdown, buildBrief, BriefNotFound } from "../../app/report.js";
import { openStore } from "../../store/index.js";
import { dateOption, usage } from "./options.js";

interface Flags {
  db?: string;
  story?: string;
  question?: string;
  since?: string;
  asOf?: string;
  format: string;
  output?: string;
  baseUrl?: string;
  config?: string;
  record: boolean;
}

/** Adds `report` to the program. */
export function registerReport(program: Command, setStatus: (code: number) => void): void {
  program
    .command("report")
    .description("write the brief on a story or a question: what is claimed, by whom, from how many independent origins, what changed, and why each probability moved — every line with its sentences")
    .option("--story <id>", "the story to brief")
    .option("--question <id>", "the question to brief")
    .option("--since <YYYY-MM-DD>", "tell what changed since this date (default: since the last brief on the subject)")
    .option("--as-of <YYYY-MM-DD>", "compute as of this date (default: today)")
    .option("--format <md|html>", "Markdown or a standalone HTML page", "md")
    .option("--output <file>", "write to a file instead of stdout")
    .option("--base-url <url>", "the server address the brief links to (default: the config's base_url, else http://127.0.0.1:8080)")
    .option("--config <file>", "settings file (default: $BELLWETHER_CONFIG or ./bellwether.yaml)")
    .option("--no-record", "do not remember this brief as the last one")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .action(async (flags: Flags, cmd: Command) => {
      if (!flags.story === !flags.question) usage(cmd, "give either --story ID or --question ID");
      if (flags.format !== "md" && flags.format !== "html") usage(cmd, `--format must be md or html, got "${flags.format}"`);
      const since = dateOption(cmd, "--since", flags.since);
      const asOf = dateOption(cmd, "--as-of", flags.asOf);
      let base = flags.baseUrl;
      if (base === undefined) {
        try {
          base = loadConfigFile(flags.config).base_url ?? DEFAULT_BASE_URL;
        } catch (err) {
          if (err instanceof ConfigError) usage(cmd, err.message);
          throw err;
        }
      }
      if (!/^https?:\/\/[^\s]+$/i.test(base)) usage(cmd, `--base-url must be an http(s) address, got "${base}"`);
      const store = await openStore({ path: loadConfig({ db: flags.db }).db });
      try {
        const brief = await buildBrief(store, { story: flags.story, question: flags.question, since, asOf, baseUrl: base, record: flags.record });
        const text = flags.format === "html" ? briefHtml(brief) : briefMarkdown(brief);
        if (flags.output) writeFileSync(flags.output, text);
        else process.stdout.write(text);
        setStatus(0);
      } catch (err) {
        if (!(err instanceof BriefNotFound)) throw err;
        process.stderr.write(`bellwether: ${err.message}\n`);
        setStatus(1);
      } finally {
        await store.close();
      }
    });
}
