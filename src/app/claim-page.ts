// What a claim page shows beyond the claim itself: why each step of its status history happened (and the report that
// made it happen), the stories that report it, and the questions it moved.
import type { ClaimStatus, Stage, StatusChange } from "../domain/ledger.js";
import { speaksFor } from "../extract/entity-facts.js";
import { statusHistory, type StatusReport } from "../link/05-status.js";
import type { Executor, StoryView } from "../store/index.js";
import { listStories } from "../store/index.js";
import { claimStates } from "../store/linking.js";
import { listQuestions, questionUpdates } from "../store/questions.js";
import { readClaimDetail, type ClaimDetail } from "./articles.js";
import { DEFAULT_STALE_OPTIONS } from "./ledger.js";
import { STANCE_PHRASE, humanDay, ordinal, side } from "./words.js";

/** One step of a claim's history with the one-line reason for it and the report that caused it. */
export interface ExplainedStep {
  status: ClaimStatus;
  stage: Stage;
  at: string;
  /** Why the claim took this stage and status, in one line. */
  why: string;
  /** The report that caused the step (for a stale step, the last report before the silence), or null. */
  report: string | null;
}

/** A question a claim moved, with each move. */
export interface QuestionMoved {
  id: string;
  title: string;
  moves: Array<{ index: number; at: string; previous: number; probability: number; indicator: string; reports: string[] }>;
}

/** The claim page: the claim with its reports' sentences, its explained history, its stories and questions. */
export interface ClaimPage extends ClaimDetail {
  status_history: ExplainedStep[];
  /** Every story with an article reporting the claim; `home` marks the story the claim is filed under. */
  stories: Array<{ id: string; title: string; reports: number; home: boolean }>;
  questions: QuestionMoved[];
}

type Report = ClaimDetail["reports"][number];

// Who tells a report, as a reader would put it: the outlet, and the source it cites when that is someone else.
function teller(r: Report, root: string | null): string {
  const outlet = r.outlet ?? "an unnamed outlet";
  const cited = r.chain.at(-1) ?? root;
  return cited && cited.toLowerCase() !== outlet.toLowerCase() ? `${outlet}, citing ${cited}` : outlet;
}

/** The one-line reason for a step, given the report that caused it and how many origins tell it that way. */
export function whyLine(step: StatusChange, r: Report | null, opts: { root: string | null; speaker: string | null; origins: number }): string {
  if (!r) return `${step.stage.replace("_", " ")}, ${step.status}`;
  const says = `${teller(r, opts.root)} reports ${STANCE_PHRASE[r.stance]}`;
  switch (step.status) {
    case "confirmed":
    case "denied":
      return `${opts.speaker ? `${opts.speaker}, a party to it,` : "A party to it"} says on the record that ${STANCE_PHRASE[r.stance]} (${r.outlet ?? "unnamed outlet"}).`;
    case "contradicted":
      return `Told both ways by independent origins: ${says}, against what others report.`;
    case "corroborated":
      return `A ${ordinal(Math.max(2, opts.origins))} independent origin: ${says}.`;
    default:
      return `One independent origin: ${says}.`;
  }
}

function sameStep(a: StatusChange | undefined, b: StatusChange): boolean {
  return !!a && a.stage === b.stage && a.status === b.status;
}

/**
 * The report that made a step happen: of the reports published that day, the first without which the history up to
 * that day would not end in this step (a party on the record first); else the day's first report.
 */
function decisive(step: StatusChange, reports: StatusReport[]): StatusReport | null {
  const upTo = reports.filter((r) => r.published && r.published <= step.at);
  const day = upTo.filter((r) => r.published === step.at).sort((a, b) => Number(b.onRecord) - Number(a.onRecord) || a.id.localeCompare(b.id));
  for (const r of day) {
    const without = statusHistory(upTo.filter((x) => x !== r));
    if (!sameStep(without.at(-1), step) || without.at(-1)!.at !== step.at) return r;
  }
  return day[0] ?? null;
}

/** Explains each step of a claim's (read) history from its reports as the status rules see them. */
export async function explainHistory(db: Executor, claim: ClaimDetail): Promise<ExplainedStep[]> {
  const state = (await claimStates(db, [claim.id])).get(claim.id);
  const participants = claim.participants.map((p) => p.id);
  const statusReports: StatusReport[] = (state?.reports ?? []).map((r) => ({ ...r, origin: r.origin_id ?? r.id, onRecord: speaksFor(r.source.at(-1), participants, r.published) }));
  const byId = new Map(claim.reports.map((r) => [r.id, r]));
  const roots = new Map(claim.origins.map((o) => [o.id, o.root]));
  const names = new Map(claim.participants.map((p) => [p.id, p.name]));
  const speakerOf = (r: StatusReport) => {
    const ref = r.source.at(-1);
    return ref ? ((ref.entity && names.get(ref.entity)) ?? ref.text) : null;
  };
  let stageFrom = 0;
  return claim.status_history.map((step, i) => {
    if (i > 0 && claim.status_history[i - 1].stage !== step.stage) stageFrom = i;
    if (step.status === "stale" && (i === claim.status_history.length - 1 || !statusReports.some((r) => r.published === step.at))) {
      const last = claim.reports.filter((r) => r.published && r.published <= step.at).at(-1) ?? null;
      return { ...step, why: `No new report for ${DEFAULT_STALE_OPTIONS.staleDays} days after the last one (${humanDay(claim.last_reported) ?? "undated"}): the plan has gone quiet.`, report: last?.id ?? null };
    }
    const cause = decisive(step, statusReports);
    const r = cause ? (byId.get(cause.id) ?? null) : null;
    const since = claim.status_history[stageFrom].at;
    const origins = r ? new Set(statusReports.filter((x) => x.published && x.published >= since && x.published <= step.at && side(x.stance) === side(r.stance)).map((x) => x.origin)).size : 0;
    const why = whyLine(step, r, { root: r?.origin ? (roots.get(r.origin) ?? null) : null, speaker: cause ? speakerOf(cause) : null, origins });
    return { ...step, why, report: r?.id ?? null };
  });
}

/** Stories with an article that reports the claim, the claim's own story first. */
export function storiesOf(claim: ClaimDetail, stories: StoryView[]): ClaimPage["stories"] {
  const articles = new Map<string, number>();
  for (const r of claim.reports) articles.set(r.article, (articles.get(r.article) ?? 0) + 1);
  return stories
    .map((s) => ({ id: s.id, title: s.title, reports: s.articles.reduce((n, a) => n + (articles.get(a) ?? 0), 0), home: s.id === claim.story }))
    .filter((s) => s.reports > 0 || s.home)
    .sort((a, b) => Number(b.home) - Number(a.home) || b.reports - a.reports);
}

/** The moves of every question whose log cites the given claim or reports. */
export async function questionsMoved(db: Executor, test: (u: { claim: string | null; reports: string[] }) => boolean): Promise<QuestionMoved[]> {
  const out: QuestionMoved[] = [];
  for (const q of await listQuestions(db)) {
    const updates = await questionUpdates(db, q.question.id);
    const moves = updates.flatMap((u, index) => (test(u) ? [{ index, at: u.at, previous: u.previous, probability: u.probability, indicator: u.indicator, reports: u.reports }] : []));
    if (moves.length) out.push({ id: q.question.id, title: q.question.title, moves });
  }
  return out;
}

/** One claim page, or undefined. */
export async function readClaimPage(db: Executor, id: string): Promise<ClaimPage | undefined> {
  const claim = await readClaimDetail(db, id);
  if (!claim) return undefined;
  const [history, stories, questions] = await Promise.all([explainHistory(db, claim), listStories(db), questionsMoved(db, (u) => u.claim === id)]);
  return { ...claim, status_history: history, stories: storiesOf(claim, stories), questions };
}
