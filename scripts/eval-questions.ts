// `npm run eval:questions`: loads the demo into a fresh store and checks its questions against their expectations.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDemo } from "../src/app/demo.js";
import { dataPath } from "../src/extract/resources.js";
import { openStore } from "../src/store/index.js";
import { checkExpectations, readExpectations } from "./eval/questions.js";

const AS_OF = "2026-01-31";
const dir = mkdtempSync(join(tmpdir(), "bw-questions-eval-"));
const store = await openStore({ path: join(dir, "q.db") });
try {
  await loadDemo(store, AS_OF);
  const results = await checkExpectations(store, readExpectations(dataPath("demo/questions/expectations.yaml")), AS_OF);
  for (const r of results) console.log(`${r.ok ? "ok  " : r.optional ? "miss" : "FAIL"}  ${r.question.padEnd(28)} ${r.check.padEnd(90)} ${r.detail}`);
  const required = results.filter((r) => !r.optional);
  console.log(`\nrequired ${required.filter((r) => r.ok).length}/${required.length}, optional ${results.filter((r) => r.optional && r.ok).length}/${results.filter((r) => r.optional).length}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
