// Typed calls to the bellwether API; the shapes are the server's own types, imported for their types only.
import type { ArticleDetail, ClaimDetail, ReportEvidence } from "../../app/articles.js";
import type { EntityView, PositionsView } from "../../app/entities.js";
import type { QuestionsSummary, QuestionView } from "../../app/questions.js";
import type { SearchResults } from "../../app/search.js";
import type { Extraction } from "../../domain/extraction.js";
import type { ArticleSummary, ClaimView, StoryView } from "../../store/index.js";
import type { EntityRow } from "../../store/reads.js";

export type { ArticleDetail, ArticleSummary, ClaimDetail, ClaimView, EntityRow, EntityView, Extraction, PositionsView, QuestionsSummary, QuestionView, ReportEvidence, SearchResults, StoryView };

/** A claim in brief, as story pages list them. */
export interface ClaimBrief {
  id: string;
  type: string;
  summary: string;
  status: ClaimView["status"];
  polarity: "+" | "-";
  first_reported: string | null;
  last_reported: string | null;
  reports: number;
  origins: number;
}

/** A story with its timeline. */
export interface StoryDetail extends StoryView {
  article_list: ArticleSummary[];
  claim_list: ClaimBrief[];
}

/** A question with the sentences behind each update. */
export interface QuestionDetail extends QuestionView {
  updates: Array<QuestionView["updates"][number] & { evidence: ReportEvidence[] }>;
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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: "application/json", ...(init?.headers ?? {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

const enc = encodeURIComponent;

/** Every read and write the UI makes. */
export const api = {
  stories: () => request<StoryView[]>("/api/stories"),
  story: (id: string) => request<StoryDetail>(`/api/stories/${enc(id)}`),
  claims: (story?: string) => request<ClaimView[]>(`/api/claims${story ? `?story=${enc(story)}` : ""}`),
  claim: (id: string) => request<ClaimDetail>(`/api/claims/${enc(id)}`),
  article: (id: string) => request<ArticleDetail>(`/api/articles/${enc(id)}`),
  questions: () => request<QuestionsSummary>("/api/questions"),
  question: (id: string) => request<QuestionDetail>(`/api/questions/${enc(id)}`),
  replay: (id: string) => request<ReplayPoint[]>(`/api/questions/${enc(id)}/replay`),
  entities: (limit = 60) => request<EntityRow[]>(`/api/entities?limit=${limit}`),
  entity: (id: string) => request<EntityView>(`/api/entities/${enc(id)}`),
  positions: () => request<PositionsView>("/api/positions"),
  search: (q: string) => request<SearchResults>(`/api/search?q=${enc(q)}`),
  extract: (text: string, date?: string) =>
    request<Extraction>("/api/extract", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(date ? { text, date } : { text }) }),
};
