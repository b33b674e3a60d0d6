// `npm run fit:forecast`: fits the odds engine's likelihood ratios (data/forecast/parameters.json) on the questions of
// the real-patterns corpus. Each storyline is ingested once; then the ratios of the stance indicators, of preparatory
// steps and of a set date passing are fitted by coordinate descent on the mean time-averaged log score, with a penalty
// pulling each toward its hand-set value. Leave-one-storyline-out cross-validation says how the fitted numbers do on a
// storyline they were not fitted on, and chooses how strong that pull is: the strength whose held-out log score is
// best is the one the final fit on every storyline uses.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { engineOptions } from "../src/forecast/engine.js";
import type { ForecastParameters } from "../src/forecast/question.js";
import { corpusCases, scoreCase, summarize, type QuestionCase } from "./eval/forecast.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "data", "forecast", "parameters.json");
// How strongly each fitted log-ratio may be pulled toward its hand-set value (a prior on it): with a score of a few
// dozen questions, no number should move far on the say of one storyline. Cross-validation picks one of these.
const PENALTIES = (process.env.FIT_PENALTIES ?? "0.05,0.5,2").split(",").map(Number);
const ROUNDS = 3;

/**
 * The fitted numbers. Stances that mean alike share one ratio (a wish and a discussion; no plan and a refusal; a
 * cancellation and a failure), and each keeps its sign: evidence for the happening never counts against it.
 */
interface Group {
  name: string;
  keys: (keyof ForecastParameters["lr"])[] | "datePassed";
  /** The bounds of the log-ratio. */
  range: [number, number];
}
const GROUPS: Group[] = [
  { name: "occurred", keys: ["occurred"], range: [0, 2.5] },
  { name: "scheduled", keys: ["scheduled"], range: [0, 3] },
  { name: "set by a party on the record", keys: ["set_on_record"], range: [0, 3] },
  { name: "discussed, wanted", keys: ["discussed", "wanted"], range: [0, 1.5] },
  { name: "counterpart", keys: ["counterpart"], range: [0, 1] },
  { name: "unplanned, refused", keys: ["unplanned", "refused"], range: [-2, 0] },
  { name: "called off, failed", keys: ["called_off", "failed"], range: [-3, 0] },
  { name: "set date passed", keys: "datePassed", range: [-3, 0] },
];
const STEPS = 9;

function read(p: ForecastParameters, g: Group): number {
  return g.keys === "datePassed" ? Math.log(p.datePassedLr) : Math.log(p.lr[g.keys[0]]);
}

function write(p: ForecastParameters, g: Group, x: number): ForecastParameters {
  if (g.keys === "datePassed") return { ...p, datePassedLr: Math.exp(x) };
  const lr = { ...p.lr };
  for (const k of g.keys) lr[k] = Math.exp(x);
  return { ...p, lr };
}

function objective(cases: QuestionCase[], p: ForecastParameters, prior: ForecastParameters, penalty: number): number {
  const opts = engineOptions(p);
  const logLoss = -summarize(cases.map((c) => scoreCase(c, opts, p))).log;
  return logLoss + penalty * GROUPS.reduce((s, g) => s + (read(p, g) - read(prior, g)) ** 2, 0);
}

function fit(cases: QuestionCase[], prior: ForecastParameters, penalty: number): ForecastParameters {
  let best = prior;
  let bestScore = objective(cases, best, prior, penalty);
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (const g of GROUPS) {
      for (let i = 0; i < STEPS; i++) {
        const x = g.range[0] + ((g.range[1] - g.range[0]) * i) / (STEPS - 1);
        const p = write(best, g, x);
        const s = objective(cases, p, prior, penalty);
        if (s < bestScore - 1e-9) {
          best = p;
          bestScore = s;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return best;
}

const file = JSON.parse(readFileSync(OUT, "utf8")) as ForecastParameters & { _comment: string; fitted: { prior?: Record<string, number> } | null };
// The hand-set numbers the fit starts from and is pulled toward (kept in the file once it has been fitted).
const prior: ForecastParameters = file.fitted?.prior
  ? GROUPS.reduce((p, g) => write(p, g, Math.log(file.fitted!.prior![g.name])), file as ForecastParameters)
  : file;
const start = prior;
const cases = await corpusCases(ROOT);
const stories = [...new Set(cases.map((c) => c.corpus))];
const f3 = (x: number) => x.toFixed(3);

// Cross-validation: for each strength of the pull, fit on all storylines but one and score the one left out.
function crossValidate(penalty: number): ReturnType<typeof summarize> {
  const held: ReturnType<typeof scoreCase>[] = [];
  for (const s of stories) {
    const p = fit(cases.filter((c) => c.corpus !== s), prior, penalty);
    held.push(...cases.filter((c) => c.corpus === s).map((c) => scoreCase(c, engineOptions(p), p)));
  }
  return summarize(held);
}
const tried = PENALTIES.map((penalty) => ({ penalty, cv: crossValidate(penalty) }));
const { penalty, cv } = tried.reduce((a, b) => (b.cv.log > a.cv.log ? b : a));
const before = summarize(cases.map((c) => scoreCase(c, engineOptions(start), start)));
const fitted = fit(cases, prior, penalty);
const after = summarize(cases.map((c) => scoreCase(c, engineOptions(fitted), fitted)));
const line = (name: string, m: ReturnType<typeof summarize>) => `${name.padEnd(36)} Brier ${f3(m.brier)} (prior ${f3(m.priorBrier)}, skill ${f3(m.skill)}), log ${f3(m.log)} (prior ${f3(m.priorLog)}), turning points ${m.turningMet}/${m.turningTotal}`;
console.log(`${cases.length} questions from ${stories.length} storylines`);
console.log(line("hand-set numbers (the pull's centre)", before));
for (const t of tried) console.log(line(`cross-validated, pull ${t.penalty}`, t.cv));
console.log(`chosen pull: ${penalty}`);
console.log(line("fitted on all", after));
const round = (x: number) => Number(x.toFixed(3));
const out = {
  _comment: file._comment,
  fitted: {
    command: "npm run fit:forecast",
    questions: cases.length,
    storylines: stories.length,
    objective: "mean time-averaged log score, with a penalty pulling each log-ratio toward its hand-set value",
    penalty,
    penaltiesTried: tried.map((t) => ({ penalty: t.penalty, crossValidatedLog: round(t.cv.log), crossValidatedBrier: round(t.cv.brier) })),
    prior: Object.fromEntries(GROUPS.map((g) => [g.name, round(Math.exp(read(prior, g)))])),
    crossValidated: { brier: round(cv.brier), priorBrier: round(cv.priorBrier), skill: round(cv.skill), log: round(cv.log) },
    inSample: { brier: round(after.brier), priorBrier: round(after.priorBrier), skill: round(after.skill), log: round(after.log) },
  },
  lr: Object.fromEntries(Object.entries(fitted.lr).map(([k, v]) => [k, round(v)])),
  datePassedLr: round(fitted.datePassedLr),
  originDecay: round(fitted.originDecay),
  certaintyWeight: fitted.certaintyWeight,
};
writeFileSync(OUT, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${OUT}`);
