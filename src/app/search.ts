// Search across articles, claims and entities by substring, for the API and the web UI.
import type { Executor } from "../store/index.js";
import { searchArticles, searchClaimIds, searchEntities } from "../store/reads.js";
import { readClaims } from "./ledger.js";

/** What a search finds, each list capped. */
export interface SearchResults {
  q: string;
  articles: Array<{ id: string; title: string | null; outlet: string | null; published: string | null; snippet: string }>;
  claims: Array<{ id: string; type: string; summary: string; status: string; first_reported: string | null; reports: number; origins: number }>;
  entities: Array<{ id: string; name: string; type: string }>;
}

// Characters of text shown either side of the first hit.
const SNIPPET_RADIUS = 90;

/** A short stretch of text around the first case-insensitive occurrence of the query. */
export function snippet(text: string, q: string): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.slice(0, SNIPPET_RADIUS * 2).trim() + (text.length > SNIPPET_RADIUS * 2 ? "…" : "");
  const from = Math.max(0, at - SNIPPET_RADIUS);
  const to = Math.min(text.length, at + q.length + SNIPPET_RADIUS);
  return (from > 0 ? "…" : "") + text.slice(from, to).replace(/\s+/g, " ").trim() + (to < text.length ? "…" : "");
}

/** Articles, claims and entities matching a query (already trimmed and non-empty). */
export async function search(db: Executor, q: string, limit = 25): Promise<SearchResults> {
  const [articles, claimIds, entities] = await Promise.all([searchArticles(db, q, limit), searchClaimIds(db, q, limit), searchEntities(db, q, limit)]);
  const wanted = new Set(claimIds);
  const claims = wanted.size ? (await readClaims(db)).filter((c) => wanted.has(c.id)) : [];
  return {
    q,
    articles: articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, snippet: snippet(a.text, q) })),
    claims: claims.map((c) => ({ id: c.id, type: c.type, summary: c.summary, status: c.status, first_reported: c.first_reported, reports: c.reports.length, origins: c.origins.length })),
    entities,
  };
}
