// What a pasted text would do to the ledger, without storing it: the text is read and linked against the stored claims
// exactly as ingest would link it (the link stage over a read-only view), and every question is recomputed with the
// text's reports added, so the page can say which claims the text supports or contradicts, which it would start, and
// how it would move each question.
import type { Extraction } from "../domain/extraction.js";
import type { ClaimStatus, Stage } from "../domain/ledger.js";
import { forecast } from "../forecast/engine.js";
import { linkArticle } from "../link/index.js";
import type { ClaimView, Executor } from "../store/index.js";
import { claimStates } from "../store/linking.js";
import { evidenceRows, listQuestions, type EvidenceRow } from "../store/questions.js";
import { extractText } from "./articles.js";
import { ledgerView } from "./link.js";
import { ledgerReadings } from "./read.js";
import { explainUpdates, type ExplainedUpdate } from "./question-page.js";
import { asEvidence, override, questionScope } from "./questions.js";
import { side } from "./words.js";

/** How one of the text's reports bears on the ledger. */
export interface PreviewClaim {
  /** The claim the report joins: a stored claim's id, or a new one's. */
  id: string;
  /** "supports" and "contradicts" concern a stored claim's current stage; "new" starts a claim. */
  relation: "supports" | "contradicts" | "new";
  statement: string;
  stance: string;
  factuality: string;
  background: boolean;
  sentence: number;
  sentence_text: string;
  trigger: string;
  before: { stage: Stage; status: ClaimStatus; origins: number } | null;
  after: { stage: Stage; status: ClaimStatus; origins: number };
}

/** How the text would move one question. */
export interface PreviewQuestion {
  id: string;
  title: string;
  now: number;
  after: number;
  status_now: string;
  status_after: string;
  /** The updates the text's reports would add, explained. */
  updates: ExplainedUpdate[];
}

/** The whole preview. */
export interface Preview {
  extraction: Extraction;
  /** The date the text is taken to be published on. */
  published: string;
  claims: PreviewClaim[];
  questions: PreviewQuestion[];
}

const PREVIEW_ID = "preview";
const stageSide = (stage: string) => (stage === "called_off" || stage === "failed" ? "against" : "for");

/** Reads a text and tells what it would do to the ledger and the questions (an undated text is taken as of `today`); nothing is stored. */
export async function previewText(db: Executor, input: { text: string; date?: string; title?: string; outlet?: string }, today: string): Promise<Preview> {
  const extraction = extractText(input);
  const a = extraction.article;
  const published = a.published ?? input.date ?? today;
  const article = { id: PREVIEW_ID, text: a.text, outlet: a.outlet, published, sentences: extraction.sentences, events: extraction.events, near_duplicate_of: null, credits: a.credits ?? [] };
  const { changes, claims } = await linkArticle({ ...article, readings: ledgerReadings(article).readings }, ledgerView(db));
  const fresh = new Set(changes.newClaims.map((c) => c.id));
  const stored = await claimStates(db, claims.map((c) => c.key.id).filter((id) => !fresh.has(id)));
  const keyOf = new Map(claims.map((c) => [c.key.id, c]));
  const sentenceText = (i: number) => (extraction.sentences[i] ? a.text.slice(extraction.sentences[i].start, extraction.sentences[i].end) : "");

  const previewClaims: PreviewClaim[] = changes.newReports.map((r) => {
    const linked = keyOf.get(r.claim_id)!;
    const before = stored.get(r.claim_id);
    return {
      id: r.claim_id,
      relation: !before ? "new" : side(r.stance) === stageSide(before.stage) ? "supports" : "contradicts",
      statement: linked.state.statement,
      stance: r.stance,
      factuality: r.factuality,
      background: r.background,
      sentence: r.sentence,
      sentence_text: sentenceText(r.sentence),
      trigger: r.trigger,
      before: before ? { stage: before.stage, status: before.status, origins: before.origins.length } : null,
      after: { stage: linked.state.stage, status: linked.state.status, origins: linked.state.origins.length },
    };
  });

  // The text's reports as forecast evidence, and as much of a claim view as explaining an update needs.
  const rows: EvidenceRow[] = changes.newReports.map((r) => {
    const key = keyOf.get(r.claim_id)!.key;
    return { report: r.id, claim: r.claim_id, article: PREVIEW_ID, type: key.type, participants: key.participants, place: r.place, claimPlace: key.place, published, factuality: r.factuality, stance: r.stance, background: r.background || key.historical, origin: r.origin_id ?? r.id, source: r.source, eventTime: r.time };
  });
  const views = new Map<string, ClaimView>();
  for (const r of changes.newReports) {
    const { key, state } = keyOf.get(r.claim_id)!;
    const view = views.get(r.claim_id) ?? ({ id: key.id, type: key.type, statement: state.statement, participants: key.participants.map((id) => ({ id, name: id })), reports: [] } as unknown as ClaimView);
    view.reports.push({ id: r.id, article: PREVIEW_ID, title: a.title, outlet: a.outlet ?? "this text", published, sentence: r.sentence, trigger: r.trigger, factuality: r.factuality, stance: r.stance, background: r.background, chain: r.chain, origin: r.origin_id, root: r.root, event: r.event_id });
    views.set(r.claim_id, view);
  }

  // Each question is read as of the text's day, with and without it: the move the text would have made then.
  const asOf = published;
  const questions: PreviewQuestion[] = [];
  for (const s of await listQuestions(db)) {
    const q = s.question;
    const scope = questionScope(q);
    const entities = new Set(scope.entities);
    const mineRows = rows.filter((r) => scope.types.includes(r.type) && r.participants.some((p) => entities.has(p)));
    if (mineRows.length === 0) continue;
    // The text's reports are read beside the stored ones, so that where a claim took place is judged from them all.
    const stored = await evidenceRows(db, scope.types, scope.entities);
    const evidence = asEvidence(stored);
    const withText = asEvidence([...stored, ...mineRows]);
    const added = withText.slice(stored.length);
    const hand = await override(db, q.id);
    const now = forecast(q, evidence, asOf, hand);
    const after = forecast(q, withText, asOf, hand);
    const mine = new Set(added.map((e) => e.report));
    const updates = explainUpdates(after.updates, views).filter((u) => u.reports.some((id) => mine.has(id)));
    if (updates.length === 0 && now.status === after.status) continue;
    questions.push({ id: q.id, title: q.title, now: now.probability, after: after.probability, status_now: now.status, status_after: after.status, updates });
  }
  return { extraction, published, claims: previewClaims, questions };
}
