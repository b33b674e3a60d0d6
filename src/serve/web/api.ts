// Typed calls to the bellwether API; the shapes are the server's own types, imported for their types only.
import type { ArticleLedger } from "../../app/article-page.js";
import type { ArticleDetail, ReportEvidence } from "../../app/articles.js";
import type { ClaimPage } from "../../app/claim-page.js";
import type { EntityView, PositionsView } from "../../app/entities.js";
import type { Glossary, GlossaryTerm } from "../../app/glossary.js";
import type { Preview } from "../../app/preview.js";
import type { Contributions, ExplainedUpdate } from "../../app/question-page.js";
import type { QuestionsSummary, QuestionView } from "../../app/questions.js";
import type { SearchHit, SearchPage } from "../../app/search.js";
import type { StoryClaim, StoryOverview, StoryPage } from "../../app/story-page.js";
import type { Extraction } from "../../domain/extraction.js";
import type { Scores } from "../../forecast/scores.js";
import type { ArticleSummary, ClaimView } from "../../store/index.js";
import type { EntityRow } from "../../store/reads.js";

export type { ArticleSummary, ClaimPage, ClaimView, EntityRow, EntityView, Extraction, Glossary, GlossaryTerm, PositionsView, Preview, QuestionsSummary, ReportEvidence, SearchHit, SearchPage, StoryClaim, StoryOverview, StoryPage };

/** An article with its reading and its place in the ledger. */
export type ArticlePage = ArticleDetail & { ledger: ArticleLedger };

/** One update of a question's log, explained, with the sentences behind it. */
export type QuestionUpdate = ExplainedUpdate & { evidence: ReportEvidence[] };

/** A question with its explained log, contributions and the prior-only baseline's scores. */
export interface QuestionDetail extends Omit<QuestionView, "updates"> {
  updates: QuestionUpdate[];
  contributions: Contributions;
  baseline_scores: Scores | null;
}

export type ReplayPoint = { date: string; probability: number };

/** An API failure with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = "bellwether.token";

/** The write token this browser tab was given, if any. */
export function writeToken(): string {
  return window.sessionStorage.getItem(TOKEN_KEY) ?? "";
}

/** Keeps the write token for this tab only. */
export function setWriteToken(token: string): void {
  if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
  else window.sessionStorage.removeItem(TOKEN_KEY);
}

async function send<T>(path: string, init?: RequestInit): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(path, { ...init, headers: { accept: "application/json", ...(init?.headers ?? {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`);
  return { body: body as T, headers: res.headers };
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  return (await send<T>(path, init)).body;
}

/** One page of a paged list: its items, where it starts, its size as asked, and the total the list holds. */
export interface ListPage<T> {
  items: T[];
  offset: number;
  limit: number;
  total: number;
}

// A paged list route: the page asked for, with the total the server counts in X-Total-Count.
async function requestPage<T>(path: string, offset: number, limit: number): Promise<ListPage<T>> {
  const { body, headers } = await send<T[]>(`${path}${path.includes("?") ? "&" : "?"}offset=${offset}&limit=${limit}`);
  const total = Number(headers.get("x-total-count"));
  return { items: body, offset, limit, total: Number.isFinite(total) && headers.has("x-total-count") ? total : offset + body.length };
}

function post<T>(path: string, body: unknown): Promise<T> {
  const token = writeToken();
  return request<T>(path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
}

const enc = encodeURIComponent;
let glossaryOnce: Promise<Glossary> | null = null;

/** Every read and write the UI makes. */
export const api = {
  stories: (offset = 0, limit = 20) => requestPage<StoryOverview>("/api/stories", offset, limit),
  story: (id: string) => request<StoryPage>(`/api/stories/${enc(id)}`),
  claims: (story?: string) => request<ClaimView[]>(`/api/claims${story ? `?story=${enc(story)}` : ""}`),
  claim: (id: string) => request<ClaimPage>(`/api/claims/${enc(id)}`),
  article: (id: string) => request<ArticlePage>(`/api/articles/${enc(id)}`),
  questions: () => request<QuestionsSummary>("/api/questions"),
  question: (id: string) => request<QuestionDetail>(`/api/questions/${enc(id)}`),
  replay: (id: string) => request<ReplayPoint[]>(`/api/questions/${enc(id)}/replay`),
  timeAlone: (id: string) => request<ReplayPoint[]>(`/api/questions/${enc(id)}/time-alone`),
  entities: (limit = 60) => request<EntityRow[]>(`/api/entities?limit=${limit}`),
  entity: (id: string) => request<EntityView>(`/api/entities/${enc(id)}`),
  positions: () => request<PositionsView>("/api/positions"),
  search: (q: string, offset = 0, limit = 25) => request<SearchPage>(`/api/search?q=${enc(q)}&offset=${offset}&limit=${limit}`),
  glossary: () => (glossaryOnce ??= request<Glossary>("/api/glossary")),
  access: () => request<{ token_required: boolean }>("/api/access"),
  preview: (text: string, date?: string) => post<Preview>("/api/preview", date ? { text, date } : { text }),
  ingest: (text: string, date?: string) => post<{ outcome: string; id: string | null; error: string | null }>("/api/articles", date ? { text, date } : { text }),
};
