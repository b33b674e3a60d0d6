// A question as a forecaster reads it: each update as a signed contribution in points, said in plain words (who said
// what about the happening, in which outlet, how firmly, as which independent origin), the total moved by reports and
// by time, the path time alone would have taken, and the scores beside those of that prior-only baseline.
import type { ForecastUpdate } from "../domain/forecast.js";
import { originRank, replay } from "../forecast/engine.js";
import { timeAveragedScores, type Scores } from "../forecast/scores.js";
import { loadData } from "../extract/resources.js";
import { shortName } from "../link/index.js";
import type { ClaimView, Executor, Store } from "../store/index.js";
import { getQuestion } from "../store/questions.js";
import { readClaim } from "./ledger.js";
import { reportEvidence } from "./articles.js";
import { override, scoredSpan, showQuestion } from "./questions.js";
import { certaintyWords, humanDay, ordinal, signedPoints } from "./words.js";

/** What moved the probability in one update. */
export type UpdateKind = "evidence" | "time" | "date" | "resolution" | "deadline" | "manual";

/** An update with its contribution and its plain-words explanation. */
export interface ExplainedUpdate extends ForecastUpdate {
  /** Position in the question's log, the update's stable handle on the page. */
  index: number;
  kind: UpdateKind;
  /** Signed change in percentage points. */
  points: number;
  /** "+24 pts: the White House says the Trump–Kim meeting is set — Harbor City Ledger, certain, second independent origin". */
  words: string;
  /** The cited claim's statement, for evidence. */
  statement: string | null;
  outlet: string | null;
  certainty: string | null;
  /** Which independent origin of its indicator the report is (1 for the first), for evidence. */
  origin_rank: number | null;
}

/** Points moved by each kind of update and by each indicator. */
export interface Contributions {
  evidence: number;
  time: number;
  resolution: number;
  by_indicator: Array<{ indicator: string; points: number; updates: number }>;
}

const KINDS: Record<string, UpdateKind> = {
  "time passing": "time",
  "set date passed": "date",
  "resolving event confirmed": "resolution",
  "deadline passed": "deadline",
  "manual resolution": "manual",
};

/** The kind of an update, from its indicator. */
export function kindOf(u: Pick<ForecastUpdate, "indicator" | "claim">): UpdateKind {
  return KINDS[u.indicator] ?? (u.claim ? "evidence" : "time");
}

const TYPE_NAMES = loadData<{ typeNames: Record<string, string> }>("lexicons/claims.json").typeNames;

// The happening as a noun phrase: "the Trump–Kim meeting".
function happening(c: ClaimView): string {
  const names = c.participants.map((p) => shortName(p.id, new Map([[p.id, p.name]])));
  const noun = TYPE_NAMES[c.type] ?? c.type.replace(/_/g, " ");
  return `the ${names.length ? `${names.join("–")} ` : ""}${noun}`;
}

// What a report of each stance says of the happening, as "<source> says <this>".
const SAYS: Record<string, (h: string) => string> = {
  occurred: (h) => `${h} took place`,
  scheduled: (h) => `${h} is set`,
  discussed: (h) => `${h} is being discussed`,
  wanted: (h) => `a party wants ${h}`,
  unplanned: (h) => `there is no plan for ${h}`,
  called_off: (h) => `${h} was called off`,
  failed: (h) => `${h} did not take place`,
  refused: (h) => `a party refuses ${h}`,
  unknown: (h) => `something about ${h}`,
};

// The engine's reasons with dates as people write them, and one day as one.
const withHumanDates = (s: string) => s.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => humanDay(d) ?? d).replace(/\b1 days\b/g, "1 day");
// A source named mid-sentence: "according to a senior official", not "according to A senior official".
const midSentence = (s: string) => s.replace(/^(A|An|The) /, (w) => w.toLowerCase());

/** Explains every update of a question's log, given the claims it cites. */
export function explainUpdates(updates: ForecastUpdate[], claims: Map<string, ClaimView>): ExplainedUpdate[] {
  return updates.map((u, index) => {
    const kind = kindOf(u);
    const points = (u.probability - u.previous) * 100;
    const claim = u.claim ? (claims.get(u.claim) ?? null) : null;
    const report = claim?.reports.find((r) => r.id === u.reports[0]) ?? null;
    const base = { ...u, index, kind, points, statement: claim?.statement ?? null, outlet: report?.outlet ?? null, certainty: report ? certaintyWords(report.factuality) : null, origin_rank: null as number | null };
    const pts = signedPoints(u.probability - u.previous);
    if (kind === "evidence" && claim && report) {
      const rank = originRank(u) ?? 1;
      const source = report.chain.at(-1);
      const said = (SAYS[report.stance] ?? SAYS.unknown)(happening(claim));
      const told = source ? `according to ${midSentence(source)}, ${said}` : `${report.outlet ?? "an outlet"} reports ${said}`;
      return { ...base, origin_rank: rank, words: `${pts}: ${told} — ${report.outlet ?? "unnamed outlet"}, ${certaintyWords(report.factuality)}, ${ordinal(rank)} independent origin` };
    }
    if (kind === "resolution") return { ...base, words: `${pts}: resolved yes — ${withHumanDates(u.reason)}${report?.outlet ? ` (${report.outlet})` : ""}` };
    if (kind === "deadline") return { ...base, words: `${pts}: resolved no — ${withHumanDates(u.reason)}` };
    if (kind === "manual") return { ...base, words: `${pts}: resolved by hand — ${u.reason}` };
    return { ...base, words: `${pts}: ${withHumanDates(u.reason)}` };
  });
}

/** Points by kind and by indicator. */
export function contributions(updates: ExplainedUpdate[]): Contributions {
  const by = new Map<string, { points: number; updates: number }>();
  const sum = { evidence: 0, time: 0, resolution: 0 };
  for (const u of updates) {
    if (u.kind === "evidence") sum.evidence += u.points;
    else if (u.kind === "time" || u.kind === "date") sum.time += u.points;
    else sum.resolution += u.points;
    const b = by.get(u.indicator) ?? { points: 0, updates: 0 };
    b.points += u.points;
    b.updates++;
    by.set(u.indicator, b);
  }
  return { ...sum, by_indicator: [...by.entries()].map(([indicator, b]) => ({ indicator, ...b })).sort((a, b) => Math.abs(b.points) - Math.abs(a.points)) };
}

/** The claims an update log cites, by id. */
export async function citedClaims(db: Executor, updates: ForecastUpdate[]): Promise<Map<string, ClaimView>> {
  const out = new Map<string, ClaimView>();
  for (const id of new Set(updates.map((u) => u.claim).filter((c): c is string => !!c))) {
    const c = await readClaim(db, id);
    if (c) out.set(id, c);
  }
  return out;
}

/** The probability time alone would have given (no reports read), from `from` to `to`; undefined for no question. */
export async function timeAlonePath(db: Executor, id: string, from: string, to: string): Promise<Array<{ date: string; probability: number }> | undefined> {
  const s = await getQuestion(db, id);
  if (!s) return undefined;
  return replay(s.question, [], from, to, 1);
}

/** The scores a forecaster who read nothing would have earned over the days the question is scored on, or null. */
export async function baselineScores(db: Executor, id: string): Promise<Scores | null> {
  const s = await getQuestion(db, id);
  const span = s && scoredSpan(s);
  if (!s || !span) return null;
  const path = replay(s.question, [], span.from, span.to, 1, await override(db, id));
  return path.length ? timeAveragedScores({ path, outcome: s.status === "yes" ? 1 : 0 }) : null;
}

/**
 * A question's page, or undefined: the question as stored (or worked out as of `asOf`), each update with its
 * contribution, explanation and the sentences behind it, the contributions in total, and the prior-only baseline.
 */
export async function readQuestionPage(store: Store, id: string, asOf?: string) {
  const q = await showQuestion(store, id, asOf);
  if (!q) return undefined;
  const [evidence, claims, baseline] = await Promise.all([reportEvidence(store.db, [...new Set(q.updates.flatMap((u) => u.reports))]), citedClaims(store.db, q.updates), baselineScores(store.db, id)]);
  const explained = explainUpdates(q.updates, claims);
  return {
    ...q,
    updates: explained.map((u) => ({ ...u, evidence: u.reports.map((r) => evidence.get(r)).filter((e) => e !== undefined) })),
    contributions: contributions(explained),
    baseline_scores: baseline,
  };
}
