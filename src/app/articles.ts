// Article reads and single-article ingest for the API and the web UI, and the sentence context behind each report.
import type { Extraction } from "../domain/extraction.js";
import { extract } from "../extract/index.js";
import { loadUrl, parseTextDocument, type LoadResult } from "../ingest/index.js";
import { InvalidValue } from "../ingest/values.js";
import { getArticle, listArticles, type ArticleSummary, type ClaimView, type Executor, type ReportView, type Store } from "../store/index.js";
import { articleSentences, reportSpans, type ReportSpanRow } from "../store/reads.js";
import { ingestResults, type IngestEvent, type IngestRunOptions, type IngestSummary } from "./ingest.js";
import { readClaim } from "./ledger.js";

/** A report's sentence in its article: the sentence, its neighbours, and the trigger's place in the sentence. */
export interface ReportEvidence extends Omit<ReportSpanRow, "trigger_start" | "trigger_end"> {
  before: string;
  text: string;
  after: string;
  /** Offsets of the trigger in `text`, or null when it could not be placed. */
  trigger: { start: number; end: number } | null;
}

/** A claim with the sentence context of each of its reports. */
export interface ClaimDetail extends ClaimView {
  reports: Array<ReportView & { evidence: ReportEvidence | null }>;
}

/** An article as the API serves it: the extraction plus ingest bookkeeping. */
export interface ArticleDetail extends Extraction {
  near_duplicate_of: string | null;
  ingested_at: string;
  input: string | null;
}

/** The body of a single-article ingest: the text (with an optional header block) and what is known about it. */
export interface ArticleSubmission {
  text?: string;
  url?: string;
  title?: string;
  outlet?: string;
  date?: string;
}

/** What happened to a submitted article. */
export interface ArticleIngestResult {
  outcome: IngestEvent["outcome"];
  id: string | null;
  original: string | null;
  error: string | null;
  summary: IngestSummary;
}

/** Articles in publication order, optionally one story's only. */
export async function readArticles(db: Executor, opts: { storyId?: string; limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
  return listArticles(db, opts);
}

/** One article with its full reading, or undefined. */
export async function readArticle(db: Executor, id: string): Promise<ArticleDetail | undefined> {
  const stored = await getArticle(db, id);
  if (!stored) return undefined;
  return { ...stored.extraction, near_duplicate_of: stored.nearDuplicateOf, ingested_at: stored.ingestedAt, input: stored.input };
}

/** Sentence context of each report id (missing reports are left out). */
export async function reportEvidence(db: Executor, reportIds: string[]): Promise<Map<string, ReportEvidence>> {
  const spans = await reportSpans(db, reportIds);
  const texts = await articleSentences(db, spans.map((s) => s.article));
  const out = new Map<string, ReportEvidence>();
  for (const s of spans) {
    const art = texts.get(s.article);
    const sent = art?.sentences[s.sentence];
    if (!art || !sent) continue;
    const prev = art.sentences[s.sentence - 1];
    const next = art.sentences[s.sentence + 1];
    const inside = s.trigger_start !== null && s.trigger_end !== null && s.trigger_start >= sent.start && s.trigger_end <= sent.end;
    out.set(s.report, {
      report: s.report,
      claim: s.claim,
      article: s.article,
      title: s.title,
      outlet: s.outlet,
      published: s.published,
      near_duplicate_of: s.near_duplicate_of,
      sentence: s.sentence,
      before: prev ? art.text.slice(prev.start, prev.end) : "",
      text: art.text.slice(sent.start, sent.end),
      after: next ? art.text.slice(next.start, next.end) : "",
      trigger: inside ? { start: s.trigger_start! - sent.start, end: s.trigger_end! - sent.start } : null,
    });
  }
  return out;
}

/** One claim with every report's sentence in context, or undefined. */
export async function readClaimDetail(db: Executor, id: string): Promise<ClaimDetail | undefined> {
  const claim = await readClaim(db, id);
  if (!claim) return undefined;
  const evidence = await reportEvidence(db, claim.reports.map((r) => r.id));
  return { ...claim, reports: claim.reports.map((r) => ({ ...r, evidence: evidence.get(r.id) ?? null })) };
}

/** Reads one pasted text without storing it. */
export function extractText(input: { text: string; date?: string; title?: string; outlet?: string }): Extraction {
  const article = parseTextDocument(input.text, { date: input.date, outlet: input.outlet, title: input.title });
  return extract({ ...article, date: input.date ?? article.date ?? null });
}

/**
 * Loads a submission: one with text is read as a text document; one with only a URL is fetched over http(s) from public
 * addresses only, so a request can neither read local files nor reach the server's own network.
 */
export async function loadSubmission(sub: ArticleSubmission): Promise<LoadResult> {
  const opts = { date: sub.date, outlet: sub.outlet, title: sub.title };
  if (sub.text === undefined && sub.url) return loadUrl(sub.url, { ...opts, publicNetworkOnly: true });
  let article;
  try {
    article = parseTextDocument(sub.text ?? "", opts);
  } catch (err) {
    if (err instanceof InvalidValue) return { ok: false, input: "request", error: err.message };
    throw err;
  }
  if (sub.url) article.url = sub.url;
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) (article as unknown as Record<string, unknown>)[k] = v;
  if (article.text.trim() === "") return { ok: false, input: "request", error: "no article text after the header" };
  return { ok: true, doc: { input: sub.url ?? "request", article } };
}

/** Ingests one submitted article (the ingest run regroups stories so it joins one); `run` can lend a bounded reader pool. */
export async function ingestArticle(store: Store, sub: ArticleSubmission, run: IngestRunOptions = {}): Promise<ArticleIngestResult> {
  const loaded = await loadSubmission(sub);
  let last: IngestEvent | null = null;
  const summary = await ingestResults(store, [loaded], run, (e) => {
    last = e;
  });
  const event = last as IngestEvent | null;
  return {
    outcome: event?.outcome ?? "failed",
    id: event?.id ?? null,
    original: event?.original ?? null,
    error: event?.error ?? summary.failed[0]?.error ?? null,
    summary,
  };
}
