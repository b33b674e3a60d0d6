// Replays forecast questions over a corpus, day by day without look-ahead, and scores them: time-averaged Brier and
// log score against the prior held fixed, the day each resolved, and each expected turning point met or missed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { ingestInputs } from "../../src/app/ingest.js";
import { addQuestion, gazetteerResolver, questionEvidence } from "../../src/app/questions.js";
import { addDays } from "../../src/domain/calendar.js";
import type { Evidence, Question } from "../../src/domain/forecast.js";
import { forecast, type EngineOptions } from "../../src/forecast/engine.js";
import { defaultIndicators, parseQuestion, type ForecastParameters } from "../../src/forecast/question.js";
import { timeAveragedScores } from "../../src/forecast/scores.js";
import { openStore } from "../../src/store/index.js";
import { articleIdsByInput } from "../../src/store/linking.js";
import { loadCorpus } from "./corpus.js";

export interface TurningPoint {
  article: string;
  direction: "up" | "down" | "none";
  optional?: boolean;
}

export interface Expected {
  outcome: "yes" | "no";
  date: string;
  turning: TurningPoint[];
}

/** One question with the evidence its corpus's ledger holds for it, ready to be replayed under any parameters. */
export interface QuestionCase {
  corpus: string;
  /** True when its storyline is on a topic real coverage judges the work on. */
  judgedTopic?: boolean;
  question: Question;
  evidence: Evidence[];
  expected: Expected;
  /** The stored article id of each corpus file. */
  articleOf: Map<string, string>;
}

/** Ingests a corpus into a fresh store and reads each question's evidence from its ledger. */
async function loadCases(corpus: string, articles: string, questionFiles: string[], expectations: Map<string, Expected>): Promise<QuestionCase[]> {
  const dir = mkdtempSync(join(tmpdir(), "bw-forecast-eval-"));
  const store = await openStore({ path: join(dir, "f.db") });
  try {
    await ingestInputs(store, [articles]);
    const byInput = await articleIdsByInput(store.db);
    const articleOf = new Map<string, string>();
    for (const [input, id] of byInput) articleOf.set(input.split("/").pop()!, id);
    const out: QuestionCase[] = [];
    for (const file of questionFiles) {
      const yaml = readFileSync(file, "utf8");
      const question = parseQuestion(yaml, file, gazetteerResolver);
      const expected = expectations.get(question.id);
      if (!expected) continue;
      await addQuestion(store, yaml, file, expected.date);
      out.push({ corpus, question, evidence: await questionEvidence(store.db, question), expected, articleOf });
    }
    return out;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo's questions (data/demo/questions) with their expectations. */
export async function demoCases(root: string): Promise<QuestionCase[]> {
  const qdir = join(root, "data", "demo", "questions");
  const raw = parse(readFileSync(join(qdir, "expectations.yaml"), "utf8")) as { question: string; updates: { article: string; direction: TurningPoint["direction"]; optional?: boolean }[]; resolution: { outcome: "yes" | "no"; date: string } }[];
  const expectations = new Map(raw.map((e) => [e.question, { outcome: e.resolution.outcome, date: String(e.resolution.date), turning: e.updates.map((u) => ({ article: u.article, direction: u.direction, optional: !!u.optional })) }]));
  const files = readdirSync(qdir).filter((f) => f.endsWith(".yaml") && f !== "expectations.yaml").sort().map((f) => join(qdir, f));
  return loadCases("demo", join(root, "data", "demo", "articles"), files, expectations);
}

/** The real-patterns storylines' questions (eval/real-patterns) with their gold expectations. */
export async function corpusCases(root: string, only?: string): Promise<QuestionCase[]> {
  const out: QuestionCase[] = [];
  for (const story of loadCorpus(join(root, "eval", "real-patterns"))) {
    if (only && story.id !== only) continue;
    const expectations = new Map(story.questions.map((q) => [q.id, { outcome: q.resolution.outcome, date: q.resolution.date, turning: q.turning_points }]));
    const qdir = join(story.dir, "questions");
    const files = readdirSync(qdir).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(qdir, f));
    out.push(...(await loadCases(story.id, join(story.dir, "articles"), files, expectations)).map((c) => ({ ...c, judgedTopic: story.judgedTopic })));
  }
  return out;
}

export interface QuestionScore {
  corpus: string;
  id: string;
  outcome: "yes" | "no";
  days: number;
  brier: number;
  log: number;
  priorBrier: number;
  priorLog: number;
  /** The day the system resolved the question (as of the end of its window), or null when it did not. */
  resolvedOn: string | null;
  resolvedAs: "yes" | "no" | "open";
  /** True when it resolved the right way, and not before the happening. */
  resolvedRight: boolean;
  early: boolean;
  turning: { article: string; direction: string; before: number; after: number; met: boolean; optional: boolean }[];
}

/** The question as the given parameters make it: its default indicators re-derived with their likelihood ratios. */
function withParameters(q: Question, params: ForecastParameters | null): Question {
  if (!params || !q.default_indicators) return q;
  return { ...q, indicators: defaultIndicators(q.event.type, q.event.participants, params) };
}

/** Scores one question: its daily path over the days it was open, its resolution and its turning points. */
export function scoreCase(c: QuestionCase, opts: EngineOptions, params: ForecastParameters | null = null): QuestionScore {
  const q = withParameters(c.question, params);
  const outcome = c.expected.outcome;
  const last = outcome === "yes" && addDays(c.expected.date, -1) < q.deadline ? addDays(c.expected.date, -1) : q.deadline;
  const path: { date: string; probability: number }[] = [];
  for (let d = q.opens; d <= last; d = addDays(d, 1)) path.push({ date: d, probability: forecast(q, c.evidence, d, null, opts).probability });
  const o = outcome === "yes" ? 1 : 0;
  const s = timeAveragedScores({ path, outcome: o });
  const prior = timeAveragedScores({ path: path.map((x) => ({ ...x, probability: q.prior })), outcome: o });
  const end = forecast(q, c.evidence, addDays(q.deadline, 1), null, opts);
  const early = end.status === "yes" && !!end.resolved_at && end.resolved_at < c.expected.date;
  const turning = c.expected.turning.map((t) => {
    const day = t.article.slice(0, 10);
    const before = forecast(q, c.evidence, addDays(day, -1), null, opts).probability;
    const f = forecast(q, c.evidence, day, null, opts);
    const id = c.articleOf.get(t.article);
    const moved = f.updates.some((u) => u.at === day && u.reports.some((r) => id && r.startsWith(`${id}:`)));
    const met = t.direction === "up" ? f.probability > before : t.direction === "down" ? f.probability < before : !moved;
    return { article: t.article, direction: t.direction, before, after: f.probability, met, optional: !!t.optional };
  });
  return {
    corpus: c.corpus,
    id: q.id,
    outcome,
    days: path.length,
    brier: s.brier,
    log: s.log,
    priorBrier: prior.brier,
    priorLog: prior.log,
    resolvedOn: end.resolved_at,
    resolvedAs: end.status,
    resolvedRight: end.status === outcome && !early,
    early,
    turning,
  };
}

/** Means over questions, and the Brier skill against the prior held fixed (1 − mean Brier / mean prior Brier). */
export function summarize(scores: QuestionScore[]) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const brier = mean(scores.map((s) => s.brier));
  const priorBrier = mean(scores.map((s) => s.priorBrier));
  const turning = scores.flatMap((s) => s.turning.filter((t) => !t.optional));
  return {
    questions: scores.length,
    brier,
    priorBrier,
    skill: 1 - brier / priorBrier,
    log: mean(scores.map((s) => s.log)),
    priorLog: mean(scores.map((s) => s.priorLog)),
    atOrBelowPrior: scores.filter((s) => s.brier <= s.priorBrier + 1e-9).length,
    resolvedRight: scores.filter((s) => s.resolvedRight).length,
    early: scores.filter((s) => s.early).length,
    turningMet: turning.filter((t) => t.met).length,
    turningTotal: turning.length,
  };
}
