// `bellwether demo`: loads the bundled demo story into a local store (once) and prints what the ledger holds.
import type { Command } from "commander";
import { loadConfig } from "../../app/config.js";
import { loadDemo } from "../../app/demo.js";
import { readClaims, readStories } from "../../app/ledger.js";
import { summarizeQuestions } from "../../app/questions.js";
import { openStore } from "../../store/index.js";
import { table } from "./table.js";

/** Adds `demo` to the program. */
export function registerDemo(program: Command, setStatus: (code: number) => void): void {
  program
    .command("demo")
    .description("load the bundled demo story (2018–2025 U.S.–North Korea summits) and its questions, then summarise the ledger")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .action(async (flags: { db?: string }) => {
      const config = loadConfig({ db: flags.db });
      const store = await openStore({ path: config.db });
      try {
        const started = Date.now();
        const load = await loadDemo(store);
        if (load.loaded && load.summary) {
          const s = load.summary;
          process.stdout.write(`loaded the demo corpus into ${config.db}: ${s.new} new, ${s.near_duplicate} near-duplicate, ${s.duplicate} duplicate, ${s.failed.length} failed; ${load.questions} questions (${((Date.now() - started) / 1000).toFixed(1)} s)\n\n`);
          for (const f of s.failed) process.stdout.write(`  failed: ${f.input}: ${f.error}\n`);
        } else process.stdout.write(`the demo corpus is already in ${config.db}\n\n`);
        const stories = await readStories(store.db);
        process.stdout.write(`${stories.length} stories\n` + table(["first", "last", "articles", "claims", "title"], stories.map((s) => [s.first_published ?? "", s.last_published ?? "", String(s.articles.length), String(s.claims.length), s.title])) + "\n");
        const claims = (await readClaims(store.db)).sort((a, b) => b.origins.length - a.origins.length || b.reports.length - a.reports.length).slice(0, 15);
        process.stdout.write(`claims with the most independent origins\n` + table(["id", "status", "reports", "origins", "summary"], claims.map((c) => [c.id, c.status, String(c.reports.length), String(c.origins.length), c.summary])) + "\n");
        const questions = await summarizeQuestions(store);
        process.stdout.write(`questions\n` + table(["id", "probability", "status", "brier", "title"], questions.questions.map((q) => [q.id, `${(q.probability * 100).toFixed(1)}%`, q.status, q.brier === null ? "" : q.brier.toFixed(3), q.title])));
        process.stdout.write(`\nnext: npx bellwether claims --db ${config.db} | npx bellwether claim ID | npx bellwether question show trump-kim-2025\n`);
        setStatus(0);
      } finally {
        await store.close();
      }
    });
}
