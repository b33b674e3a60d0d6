// Checks the demo questions against their written-down expectations (data/demo/questions/expectations.yaml): the
// direction of each key update, levels at checkpoints, and the resolution.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "yaml";
import { replayQuestion, showQuestion } from "../../src/app/questions.js";
import { addDays } from "../../src/domain/calendar.js";
import { listArticles } from "../../src/store/articles.js";
import type { Store } from "../../src/store/index.js";

interface Expectation {
  question: string;
  updates: { article: string; direction: "up" | "down" | "none"; why: string; optional?: boolean }[];
  checkpoints: { at: string; level?: "high" | "low"; below?: number; above?: number; optional?: boolean }[];
  resolution: { outcome: "yes" | "no"; date: string };
}

export interface ExpectationResult {
  question: string;
  check: string;
  optional: boolean;
  ok: boolean;
  detail: string;
}

export function readExpectations(path: string): Expectation[] {
  return parse(readFileSync(path, "utf8")) as Expectation[];
}

const dateOf = (file: string) => file.slice(0, 10);

/** Runs every expectation against the store's questions as of `asOf`. */
export async function checkExpectations(store: Store, expectations: Expectation[], asOf: string): Promise<ExpectationResult[]> {
  const out: ExpectationResult[] = [];
  // An update lands on the day the store dates the article: its dateline's day, which can precede the file's date.
  const published = new Map<string, string>();
  for (const a of await listArticles(store.db)) if (a.input && a.published) published.set(basename(a.input), a.published);
  for (const ex of expectations) {
    const view = await showQuestion(store, ex.question, asOf);
    if (!view) {
      out.push({ question: ex.question, check: "exists", optional: false, ok: false, detail: "question not in the store" });
      continue;
    }
    for (const u of ex.updates) {
      if (u.direction === "none") continue;
      const day = published.get(u.article) ?? dateOf(u.article);
      const path = (await replayQuestion(store.db, ex.question, addDays(day, -1), day))!;
      const [before, after] = [path[0].probability, path[1].probability];
      const ok = u.direction === "up" ? after > before : after < before;
      out.push({ question: ex.question, check: `${u.direction} ${u.article}`, optional: !!u.optional, ok, detail: `${before.toFixed(3)} → ${after.toFixed(3)}` });
    }
    for (const c of ex.checkpoints) {
      const p = (await replayQuestion(store.db, ex.question, c.at, c.at))![0].probability;
      const ok = c.level === "high" ? p >= 0.8 : c.level === "low" ? p <= 0.1 : (c.below === undefined || p < c.below) && (c.above === undefined || p > c.above);
      out.push({ question: ex.question, check: `at ${c.at} ${c.level ?? (c.below !== undefined ? `< ${c.below}` : `> ${c.above}`)}`, optional: !!c.optional, ok, detail: p.toFixed(3) });
    }
    const ok = view.status === ex.resolution.outcome;
    out.push({ question: ex.question, check: `resolves ${ex.resolution.outcome}`, optional: false, ok, detail: `${view.status}${view.resolved_at ? ` on ${view.resolved_at}` : ""}` });
  }
  return out;
}
