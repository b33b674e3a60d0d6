// `npm run eval:ledger`: builds the ledger of the demo corpus and of each real-patterns storyline in a fresh store and
// compares it with their gold happenings, mention by mention: happenings found as one claim of exactly their parties,
// the gold reports joined to it and their stances, independent origin counts, and the stage on the gold's days.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, loadStoryline } from "./eval/corpus.js";
import { compareLedger, totals, type HappeningComparison } from "./eval/ledger.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv[2];
const pad = (s: string | number, n: number) => String(s).padEnd(n);

function print(title: string, rows: HappeningComparison[]) {
  console.log(`\n== ${title} ==`);
  console.log(`${pad("happening", 46)}${pad("type", 16)}${pad("claim", 16)}${pad("articles", 10)}${pad("stances", 9)}${pad("origins", 9)}stages`);
  for (const r of rows) {
    console.log(`${pad(r.id, 46)}${pad(r.type, 16)}${pad(r.found ?? "-", 16)}${pad(`${r.articlesFound}/${r.goldArticles}`, 10)}${pad(`${r.stancesAgree}/${r.goldReports}`, 9)}${pad(`${r.systemOrigins}/${r.goldOrigins}`, 9)}${r.stagesAgree}/${r.stagesTotal}`);
  }
  const t = totals(rows);
  console.log(`happenings found ${t.found}/${t.happenings}; gold report articles joined ${t.articles}/${t.goldArticles}; stances ${t.stances}/${t.goldReports}; origin counts exact ${t.originsExact}/${t.found}; stages ${t.stages}/${t.stagesTotal}`);
  console.log(`gold reports: ${t.held} in their happening's claim, ${t.elsewhere} in another claim, ${t.unjoined} read but in no claim, ${t.unread} not read as an event`);
  console.log("(articles: gold report articles whose gold report the claim holds; stances: gold reports the claim holds with the gold's stance; origins: system/gold; a happening is found by the claim of its type and exactly its parties holding most of its gold reports)");
}

const demo = join(ROOT, "data", "demo");
if ((!only || only === "demo") && existsSync(join(demo, "gold.yaml"))) print("demo (data/demo)", await compareLedger(loadStoryline(demo, "demo")));
if (only !== "demo") {
  const all: HappeningComparison[] = [];
  for (const story of loadCorpus(join(ROOT, "eval", "real-patterns"))) {
    if (only && story.id !== only) continue;
    all.push(...(await compareLedger(story)));
  }
  print("real patterns (eval/real-patterns)", all);
}
