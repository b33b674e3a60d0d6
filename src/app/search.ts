// Search across entities, claims and articles through the store's full-text indexes: one ranked list, paged, with a
// total, each result with a snippet and where the query's words sit in it.
import type { Executor } from "../store/index.js";
import { queryTerms, searchArticles, searchClaims, searchEntities, type SearchPage } from "../store/search.js";

/** One search result. `highlights` are [start, end) offsets into `snippet` of the words that matched. */
export type SearchResult =
  | (ResultBase & { kind: "article"; outlet: string | null; published: string | null })
  | (ResultBase & { kind: "claim"; type: string; status: string; first_reported: string | null; reports: number; origins: number })
  | (ResultBase & { kind: "entity"; type: string; mentions: number });

interface ResultBase {
  id: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  score: number;
}

/** The answer of `GET /api/search`. */
export interface SearchResults {
  query: string;
  /** Results of every kind that match. */
  total: number;
  offset: number;
  limit: number;
  /** Entities first, then claims, then articles, each kind best first. */
  results: SearchResult[];
}

// Characters of text shown either side of the first hit.
const SNIPPET_RADIUS = 90;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Where the query's words occur in `text`: each word of the text that starts with one of the terms (the index stems, so
 * "meeting" finds "meet" and "meets"; a word matched by its start is marked whole).
 */
export function hits(text: string, terms: string[]): [number, number][] {
  const stems = terms.map((t) => fold(t).replace(/(ing|ed|es|s)$/, "")).filter((t) => t.length > 0);
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (stems.some((s) => word.startsWith(s))) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** A stretch of text around its first hit, with the hits inside it as offsets into the stretch. */
export function snippet(text: string, terms: string[]): { snippet: string; highlights: [number, number][] } {
  const all = hits(text, terms);
  const at = all[0]?.[0] ?? 0;
  const from = Math.max(0, at - SNIPPET_RADIUS);
  const to = Math.min(text.length, (all[0]?.[1] ?? 0) + SNIPPET_RADIUS * (all.length ? 1 : 2));
  // White space runs become one space; offsets are worked out on the text as shown.
  const raw = text.slice(from, to);
  const lead = from > 0 ? "…" : "";
  const shown = lead + raw.replace(/\s+/g, " ").trimEnd() + (to < text.length ? "…" : "");
  return { snippet: shown, highlights: hits(shown, terms) };
}

/** Entities, claims and articles matching a query (already trimmed and non-empty), one page of them. */
export async function search(db: Executor, query: string, offset = 0, limit = 25): Promise<SearchResults> {
  const terms = queryTerms(query);
  // Each kind is a segment of one list: count every kind, then read the part of each segment the page covers.
  const kinds = [
    (o: number, l: number) => searchEntities(db, terms, o, l),
    (o: number, l: number) => searchClaims(db, terms, o, l),
    (o: number, l: number) => searchArticles(db, terms, o, l),
  ] as const;
  const pages: SearchPage<unknown>[] = [];
  let start = 0;
  let remaining = limit;
  for (const kind of kinds) {
    // Counting needs the kind's query either way; a segment the page does not reach is asked for no rows.
    const page = await kind(Math.max(0, offset - start), remaining);
    pages.push(page);
    remaining -= page.rows.length;
    start += page.total;
  }
  const total = start;
  const [entities, claims, articles] = pages as [Awaited<ReturnType<typeof searchEntities>>, Awaited<ReturnType<typeof searchClaims>>, Awaited<ReturnType<typeof searchArticles>>];
  const results: SearchResult[] = [
    ...entities.rows.map((e): SearchResult => {
      const shown = e.alias ? `${e.name} (also “${e.alias}”)` : e.name;
      return { kind: "entity", id: e.id, title: e.name, snippet: shown, highlights: hits(shown, terms), score: e.score, type: e.type, mentions: e.mentions };
    }),
    ...claims.rows.map((c): SearchResult => {
      const text = c.statement || c.summary;
      return {
        kind: "claim", id: c.id, title: c.summary, snippet: text, highlights: hits(text, terms), score: c.score,
        type: c.type, status: c.status, first_reported: c.first_reported, reports: c.reports, origins: c.origins,
      };
    }),
    ...articles.rows.map((a): SearchResult => ({
      kind: "article", id: a.id, title: a.title ?? a.text.slice(0, 80), ...snippet(a.text, terms), score: a.score, outlet: a.outlet, published: a.published,
    })),
  ];
  return { query, total, offset, limit, results: results.slice(0, limit) };
}
