// `npm run eval:ledger`: ingests the demo corpus into a fresh store and compares the ledger with its gold
// (data/demo/gold.yaml): claims found, report recall by article, independent origins, status at the gold dates.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDemo } from "../src/app/demo.js";
import { dataPath } from "../src/extract/resources.js";
import { openStore } from "../src/store/index.js";
import { compareLedger, readGold } from "./eval/ledger.js";

const dir = mkdtempSync(join(tmpdir(), "bw-ledger-eval-"));
const store = await openStore({ path: join(dir, "ledger.db") });
try {
  await loadDemo(store, "2026-01-31");
  const rows = await compareLedger(store.db, readGold(dataPath("demo/gold.yaml")));
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`${pad("gold claim", 42)}${pad("type", 18)}${pad("found", 16)}${pad("reports", 12)}${pad("origins", 10)}status`);
  for (const r of rows) {
    console.log(
      `${pad(r.key, 42)}${pad(r.type, 18)}${pad(r.found ?? "-", 16)}${pad(`${r.reportsFound}/${r.goldReports} (${r.systemReports})`, 12)}${pad(`${r.systemOrigins}/${r.goldOrigins}`, 10)}${r.statusAgree}/${r.statusTotal}`,
    );
  }
  const found = rows.filter((r) => r.found).length;
  const reports = rows.reduce((s, r) => s + r.reportsFound, 0);
  const goldReports = rows.reduce((s, r) => s + r.goldReports, 0);
  const originsExact = rows.filter((r) => r.found && r.systemOrigins === r.goldOrigins).length;
  const status = rows.reduce((s, r) => s + r.statusAgree, 0);
  const statusTotal = rows.reduce((s, r) => s + r.statusTotal, 0);
  console.log(
    `\nclaims found ${found}/${rows.length}; report articles found ${reports}/${goldReports}; origin counts exact ${originsExact}/${found}; status checkpoints ${status}/${statusTotal}`,
  );
  console.log("(report counts: gold articles the matched claim reports from / gold reports (system reports); origins: system/gold)");
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
