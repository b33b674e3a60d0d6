// `bellwether question add|show|replay|resolve` and `bellwether questions`: forecast questions from the command line.
import type { Command } from "commander";
import { checkCalendarDate } from "../../domain/calendar.js";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../app/config.js";
import { addQuestion, replayQuestion, resolveQuestion, showQuestion, summarizeQuestions, today } from "../../app/questions.js";
import { QuestionError } from "../../forecast/question.js";
import { openStore, type Store } from "../../store/index.js";
import { table } from "./table.js";

interface Flags {
  db?: string;
  json?: boolean;
  asOf?: string;
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

async function withStore<T>(flags: Flags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: loadConfig({ db: flags.db }).db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function usage(cmd: Command, message: string): never {
  cmd.error(`error: ${message}`, { exitCode: 2, code: "bellwether.usage" });
}

function checkDate(cmd: Command, flag: string, value: string | undefined): void {
  const problem = value === undefined ? null : checkCalendarDate(value);
  if (problem) usage(cmd, `${flag}: ${problem}`);
}

/** A small chart of a probability path, for terminals: one column per point, eight rows from 0% to 100%. */
export function chart(path: Array<{ date: string; probability: number }>, width = 72): string {
  if (path.length === 0) return "";
  const step = Math.max(1, Math.ceil(path.length / width));
  const points = path.filter((_, i) => i % step === 0 || i === path.length - 1);
  const rows = 8;
  const lines: string[] = [];
  for (let r = rows - 1; r >= 0; r--) {
    const label = r === rows - 1 ? "100%" : r === 0 ? "  0%" : "    ";
    lines.push(`${label} |${points.map((p) => (Math.min(rows - 1, Math.floor(p.probability * rows)) === r ? "•" : " ")).join("")}`);
  }
  lines.push(`     +${"-".repeat(points.length)}`);
  lines.push(`      ${points[0].date}${" ".repeat(Math.max(1, points.length - 20))}${points.at(-1)!.date}`);
  return lines.join("\n") + "\n";
}

function parseStep(cmd: Command, step: string): number {
  const m = /^(\d+)([dw]?)$/.exec(step);
  if (!m || Number(m[1]) < 1) usage(cmd, `--step must look like 1d, 7d or 2w, got "${step}"`);
  return Number(m[1]) * (m[2] === "w" ? 7 : 1);
}

/** Adds `question …` and `questions` to the program. */
export function registerQuestions(program: Command, setStatus: (code: number) => void): void {
  const question = program.command("question").description("forecast questions: add, show, replay, resolve");
  const dbOption = ["--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)"] as const;
  const asOfOption = ["--as-of <YYYY-MM-DD>", "compute as of this date (default: today)"] as const;

  question
    .command("add")
    .description("validate a question file (YAML) and store it; the same id replaces its definition")
    .argument("<file>", "question YAML")
    .option(...dbOption)
    .option(...asOfOption)
    .option("--json", "print the stored question as JSON")
    .action(async (file: string, flags: Flags, cmd: Command) => {
      checkDate(cmd, "--as-of", flags.asOf);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (err) {
        process.stderr.write(`bellwether: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        setStatus(1);
        return;
      }
      try {
        const q = await withStore(flags, (store) => addQuestion(store, text, file, flags.asOf ?? today()));
        process.stdout.write(flags.json ? JSON.stringify(q, null, 2) + "\n" : `added ${q.id}: ${q.title} (${q.indicators.length} indicators${q.default_indicators ? ", derived from the event" : ""})\n`);
        setStatus(0);
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        process.stderr.write(`bellwether: ${err.source} is not a valid question:\n${err.problems.map((p) => `  - ${p}`).join("\n")}\n`);
        setStatus(1);
      }
    });

  question
    .command("show")
    .description("a question's probability, status, update log and, once resolved, its scores")
    .argument("<id>", "question id")
    .option(...dbOption)
    .option(...asOfOption)
    .option("--json", "print the contract's JSON object")
    .action(async (id: string, flags: Flags, cmd: Command) => {
      checkDate(cmd, "--as-of", flags.asOf);
      const view = await withStore(flags, (store) => showQuestion(store, id, flags.asOf ?? today()));
      if (!view) {
        process.stderr.write(`bellwether: no question with id "${id}"\n`);
        setStatus(1);
        return;
      }
      if (flags.json) process.stdout.write(JSON.stringify(view, null, 2) + "\n");
      else {
        const head = `${view.title}\n${view.id}: ${pct(view.probability)} (${view.status}${view.resolved_at ? ` on ${view.resolved_at}` : ""}), as of ${view.as_of}; deadline ${view.deadline}, prior ${pct(view.prior)}\n`;
        const scores = view.scores ? `Brier ${view.scores.brier.toFixed(3)}, log ${view.scores.log.toFixed(3)} over ${view.scores.days} days\n` : "";
        const updates = table(
          ["at", "probability", "indicator", "claim", "reason"],
          view.updates.map((u) => [u.at, `${pct(u.previous)} → ${pct(u.probability)}`, u.indicator, u.claim ?? "", u.reason]),
        );
        process.stdout.write(`${head}${scores}\n${updates}`);
      }
      setStatus(0);
    });

  question
    .command("replay")
    .description("recompute the probability as of each date from articles published by then only")
    .argument("<id>", "question id")
    .requiredOption("--from <YYYY-MM-DD>", "first date")
    .requiredOption("--to <YYYY-MM-DD>", "last date")
    .option("--step <n>", "step between dates: 1d, 7d, 2w", "1d")
    .option(...dbOption)
    .option("--json", "print the contract's JSON array")
    .action(async (id: string, flags: Flags & { from: string; to: string; step: string }, cmd: Command) => {
      checkDate(cmd, "--from", flags.from);
      checkDate(cmd, "--to", flags.to);
      if (flags.to < flags.from) usage(cmd, `--to ${flags.to} is before --from ${flags.from}`);
      const step = parseStep(cmd, flags.step);
      const path = await withStore(flags, (store) => replayQuestion(store.db, id, flags.from, flags.to, step));
      if (!path) {
        process.stderr.write(`bellwether: no question with id "${id}"\n`);
        setStatus(1);
        return;
      }
      if (flags.json) process.stdout.write(JSON.stringify(path) + "\n");
      else {
        if (process.stdout.isTTY) process.stdout.write(chart(path) + "\n");
        process.stdout.write(table(["date", "probability"], path.map((p) => [p.date, pct(p.probability)])));
      }
      setStatus(0);
    });

  question
    .command("resolve")
    .description("resolve a question by hand (logged); overrides what the evidence says")
    .argument("<id>", "question id")
    .argument("<outcome>", "yes or no")
    .option("--at <YYYY-MM-DD>", "when it resolved (default: today)")
    .option("--note <text>", "why")
    .option(...dbOption)
    .option("--json", "print the question as JSON afterwards")
    .action(async (id: string, outcome: string, flags: Flags & { at?: string; note?: string }, cmd: Command) => {
      if (outcome !== "yes" && outcome !== "no") usage(cmd, `outcome must be yes or no, got "${outcome}"`);
      checkDate(cmd, "--at", flags.at);
      const at = flags.at ?? today();
      const view = await withStore(flags, async (store) => {
        if (!(await resolveQuestion(store, id, outcome, at, flags.note ?? null))) return undefined;
        return showQuestion(store, id);
      });
      if (!view) {
        process.stderr.write(`bellwether: no question with id "${id}"\n`);
        setStatus(1);
        return;
      }
      process.stdout.write(flags.json ? JSON.stringify(view, null, 2) + "\n" : `${id} resolved ${outcome} on ${at}\n`);
      setStatus(0);
    });

  program
    .command("questions")
    .description("list questions with probability, status and, once resolved, Brier and log scores; calibration")
    .option(...dbOption)
    .option(...asOfOption)
    .option("--json", "print the questions and calibration as JSON")
    .action(async (flags: Flags, cmd: Command) => {
      checkDate(cmd, "--as-of", flags.asOf);
      const summary = await withStore(flags, (store) => summarizeQuestions(store, flags.asOf ?? today()));
      if (flags.json) {
        process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
      } else {
        process.stdout.write(
          summary.questions.length
            ? table(
                ["id", "deadline", "probability", "status", "brier", "log", "title"],
                summary.questions.map((q) => [q.id, q.deadline, pct(q.probability), q.status, q.brier === null ? "" : q.brier.toFixed(3), q.log === null ? "" : q.log.toFixed(3), q.title]),
              )
            : "no questions\n",
        );
        if (summary.calibration.length) {
          process.stdout.write(
            "\ncalibration (daily forecasts of resolved questions)\n" +
              table(["bin", "forecasts", "mean forecast", "came true"], summary.calibration.map((b) => [`${pct(b.from)}–${pct(b.to)}`, String(b.forecasts), pct(b.mean_probability), pct(b.observed_frequency)])),
          );
        }
      }
      setStatus(0);
    });
}
