// Derived state after writes: stories and forecasts are recomputed once per write run, after its articles commit. A run
// killed in between leaves the store's mark (set with each article) behind, and the next command to start repairs it.
import type { Store } from "../store/index.js";
import { derivedStaleSince, markDerivedCurrent } from "../store/derived.js";
import { latestSeq } from "../store/linking.js";
import { refreshAllQuestions, today } from "./questions.js";
import { groupNewArticles, storiesBehind } from "./stories.js";

/** What a repair did: whether there was anything to do, whether stories were regrouped, questions recomputed. */
export interface RepairResult {
  repaired: boolean;
  stories: boolean;
  questions: number;
  ms: number;
}

/**
 * Brings stories and forecasts up to date when a write left them behind the stored articles (a crash, a kill, a lost
 * database connection). A current store costs one indexed read.
 */
export async function repairDerived(store: Store, asOf: string = today()): Promise<RepairResult> {
  const started = performance.now();
  // A store whose articles were stored before stories kept their grouping state is grouped here, once, rather than
  // by the first refresh after a write, whose long transaction would hold every writer back meanwhile.
  if ((await derivedStaleSince(store.db)) === null && !(await storiesBehind(store.db))) return { repaired: false, stories: false, questions: 0, ms: performance.now() - started };
  const covered = await latestSeq(store.db);
  const stories = await groupNewArticles(store);
  const questions = await refreshAllQuestions(store, asOf);
  await store.transaction((tx) => markDerivedCurrent(tx, covered));
  return { repaired: true, stories, questions, ms: performance.now() - started };
}

/**
 * Ends a write run whose stories were just written (`regrouped`) over every article up to `covered`: forecasts are
 * recomputed when stories moved or an earlier run left them behind, then the mark is cleared.
 */
export async function settleDerived(store: Store, covered: number, regrouped: boolean, asOf?: string): Promise<void> {
  const stale = (await derivedStaleSince(store.db)) !== null;
  if (regrouped || stale) await refreshAllQuestions(store, asOf);
  if (stale) await store.transaction((tx) => markDerivedCurrent(tx, covered));
}

/** The line a command prints when it repaired derived state at start. */
export function repairLine(r: RepairResult): string {
  const what = r.stories ? `regrouped stories and recomputed ${r.questions} question(s)` : `recomputed ${r.questions} question(s)`;
  return `an earlier write was interrupted: ${what} (${(r.ms / 1000).toFixed(1)} s)`;
}
