// Development aid: a question's update log over a storyline, with the sentence behind each report.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusCases, demoCases } from "../eval/forecast.js";
import { forecast, DEFAULT_ENGINE_OPTIONS } from "../../src/forecast/engine.js";
import { addDays } from "../../src/domain/calendar.js";
import { parseTextDocument } from "../../src/ingest/text.js";
import { extract } from "../../src/extract/index.js";
const [story, qid, all] = process.argv.slice(2);
const root = join(import.meta.dirname, "..", "..");
const cases = story === "demo" ? await demoCases(root) : await corpusCases(root, story);
const dirOf = story === "demo" ? "data/demo/articles" : join("eval/real-patterns", story, "articles");
const sentenceOf = (c: (typeof cases)[number], report: string) => {
  const [aid, eid] = report.split(":");
  const file = [...c.articleOf].find(([, id]) => id === aid)?.[0];
  if (!file) return "?";
  const doc = parseTextDocument(readFileSync(join(dirOf, file), "utf8"));
  const ex = extract({ text: doc.text, date: doc.metaDate });
  const e = ex.events.find((x) => x.id === eid);
  const s = e ? ex.sentences[e.sentence] : null;
  return `${file.slice(0, 40)} «${e?.trigger.text}» ${s ? doc.text.slice(s.start, s.end).replace(/\s+/g, " ").slice(0, 220) : ""}`;
};
for (const c of cases) {
  if (qid && qid !== "-" && c.question.id !== qid) continue;
  const f = forecast(c.question, c.evidence, addDays(c.question.deadline, 1), null, DEFAULT_ENGINE_OPTIONS);
  console.log("##", c.question.id, f.status, f.resolved_at, "expected", c.expected.outcome, c.expected.date);
  for (const u of f.updates) {
    if (u.indicator === "time passing" && !all) continue;
    console.log(`  ${u.at} ${u.previous.toFixed(3)}→${u.probability.toFixed(3)} ${u.indicator} | ${u.reason}`);
    for (const r of u.reports) console.log(`      ${sentenceOf(c, r)}`);
  }
}
