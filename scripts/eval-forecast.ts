// `npm run eval:forecast`: every question of the demo and of the real-patterns corpus, replayed daily without
// look-ahead: per question the time-averaged Brier and log score beside the prior held fixed, the day it resolved, and
// each expected turning point met or missed; then the means. `--misses` lists the turning points missed.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ENGINE_OPTIONS } from "../src/forecast/engine.js";
import { corpusCases, demoCases, scoreCase, summarize, type QuestionScore } from "./eval/forecast.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith("--"));
const f3 = (x: number) => x.toFixed(3);

function print(title: string, scores: QuestionScore[]) {
  console.log(`\n== ${title} ==`);
  console.log(`${"question".padEnd(46)} ${"out".padEnd(4)} ${"days".padStart(4)}  ${"Brier".padStart(6)} ${"prior".padStart(6)}  ${"log".padStart(7)} ${"prior".padStart(7)}  resolved             turning points`);
  for (const s of scores) {
    const res = `${s.resolvedAs}${s.resolvedOn ? ` ${s.resolvedOn}` : ""}${s.early ? " EARLY" : s.resolvedRight ? "" : " WRONG"}`;
    const tp = s.turning.filter((t) => !t.optional);
    console.log(`${s.id.padEnd(46)} ${s.outcome.padEnd(4)} ${String(s.days).padStart(4)}  ${f3(s.brier).padStart(6)} ${f3(s.priorBrier).padStart(6)}  ${f3(s.log).padStart(7)} ${f3(s.priorLog).padStart(7)}  ${res.padEnd(20)} ${tp.filter((t) => t.met).length}/${tp.length}`);
  }
  const m = summarize(scores);
  console.log(
    `mean Brier ${f3(m.brier)} (prior only ${f3(m.priorBrier)}), Brier skill ${f3(m.skill)}; mean log ${f3(m.log)} (prior ${f3(m.priorLog)}); at or below prior on ${m.atOrBelowPrior}/${m.questions}; resolved right ${m.resolvedRight}/${m.questions} (early ${m.early}); turning points ${m.turningMet}/${m.turningTotal}`,
  );
  if (args.includes("--misses")) {
    for (const s of scores) for (const t of s.turning) if (!t.met) console.log(`  miss ${s.id}: ${t.direction} ${t.article} (${f3(t.before)} → ${f3(t.after)})${t.optional ? " optional" : ""}`);
  }
}

const opts = DEFAULT_ENGINE_OPTIONS;
if (!only || only === "demo") print("demo (data/demo)", (await demoCases(ROOT)).map((c) => scoreCase(c, opts)));
if (only !== "demo") {
  const cases = await corpusCases(ROOT, only);
  const scores = cases.map((c) => scoreCase(c, opts));
  print("real patterns (eval/real-patterns)", scores);
  // The storylines on topics real coverage judges the work on, and the rest, apart.
  const judged = new Set(cases.filter((c) => c.judgedTopic).map((c) => c.question.id));
  if (judged.size > 0 && judged.size < scores.length) {
    for (const [label, part] of [["on the judged topics", scores.filter((s) => judged.has(s.id))], ["apart from the judged topics", scores.filter((s) => !judged.has(s.id))]] as const) {
      const m = summarize(part);
      console.log(`${label}: ${m.questions} questions, mean Brier ${f3(m.brier)} (prior only ${f3(m.priorBrier)}), at or below prior on ${m.atOrBelowPrior}/${m.questions}`);
    }
  }
}
