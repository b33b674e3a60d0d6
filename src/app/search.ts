// Search across entities, claims and articles for the API and the web UI: one ranked, paged list (entities first, then
// claims, then articles) with a total and the query's places in each snippet. Claims are also found by the everyday
// words of their type ("summit" finds meetings, "drills" military exercises) and by their reports' sentences.
import { loadData } from "../extract/resources.js";
import type { Executor } from "../store/index.js";
import { searchArticles, searchClaimIds, searchEntities } from "../store/reads.js";
import { reportEvidence } from "./articles.js";
import { readClaims } from "./ledger.js";

/** What a search finds, each list capped (the earlier shape, kept for its readers). */
export interface SearchResults {
  q: string;
  articles: Array<{ id: string; title: string | null; outlet: string | null; published: string | null; snippet: string }>;
  claims: Array<{ id: string; type: string; summary: string; status: string; first_reported: string | null; reports: number; origins: number }>;
  entities: Array<{ id: string; name: string; type: string }>;
}

/** One hit of the ranked list. */
export interface SearchHit {
  kind: "entity" | "claim" | "article";
  id: string;
  title: string;
  snippet: string;
  /** Offsets [start, end) of the query's terms in `snippet`. */
  highlights: Array<[number, number]>;
  score: number;
  /**
   * Entities: their type. Claims: status, stage, counts, and the everyday word that found the type, if that did; a claim
   * found in one of its reports' sentences has that sentence as its snippet.
   */
  type?: string;
  status?: string;
  stage?: string;
  reports?: number;
  origins?: number;
  found_as?: string;
  /** Articles: outlet and date. */
  outlet?: string | null;
  published?: string | null;
}

/** A page of the ranked list, with the earlier shape beside it. */
export interface SearchPage extends SearchResults {
  query: string;
  total: number;
  offset: number;
  limit: number;
  /** How many hits of each kind there are in all. */
  counts: Record<SearchHit["kind"], number>;
  results: SearchHit[];
}

// Characters of text shown either side of the first hit.
const SNIPPET_RADIUS = 90;
// Hits of each kind looked at to count and page; beyond this a search should be narrowed.
const MAX_HITS = 2000;

/** A short stretch of text around the first case-insensitive occurrence of the query. */
export function snippet(text: string, q: string): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.slice(0, SNIPPET_RADIUS * 2).trim() + (text.length > SNIPPET_RADIUS * 2 ? "…" : "");
  const from = Math.max(0, at - SNIPPET_RADIUS);
  const to = Math.min(text.length, at + q.length + SNIPPET_RADIUS);
  return (from > 0 ? "…" : "") + text.slice(from, to).replace(/\s+/g, " ").trim() + (to < text.length ? "…" : "");
}

/** Offsets of each occurrence of the query, and of each of its words of three letters or more, in a text. */
export function highlightsOf(text: string, q: string): Array<[number, number]> {
  const lower = text.toLowerCase();
  const terms = [q, ...q.split(/\s+/).filter((w) => w.length >= 3)].map((t) => t.toLowerCase()).filter((t, i, a) => t && a.indexOf(t) === i);
  const spans: Array<[number, number]> = [];
  for (const t of terms) for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) spans.push([at, at + t.length]);
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

interface EventLexicon {
  triggers: Record<string, { type: string }>;
}
let everyday: Map<string, string> | null = null;

/** Claim types named by the words of a query ("summits" → meet), with the word that named each. */
export function typesNamedBy(q: string): Map<string, string> {
  if (!everyday) {
    everyday = new Map();
    for (const [word, t] of Object.entries(loadData<EventLexicon>("lexicons/events.json").triggers)) everyday.set(word, t.type);
    for (const [type, name] of Object.entries(loadData<{ typeNames: Record<string, string> }>("lexicons/claims.json").typeNames)) everyday.set(name, type);
  }
  const out = new Map<string, string>();
  for (const word of q.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean)) {
    for (const form of [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/ies$/, "y")]) {
      const type = everyday.get(form);
      if (type && !out.has(type)) out.set(type, word);
    }
  }
  return out;
}

/** Articles, claims and entities matching a query (already trimmed and non-empty), ranked and paged. */
export async function search(db: Executor, q: string, limit = 25, offset = 0): Promise<SearchPage> {
  const [articles, claimIds, entities, claims] = await Promise.all([searchArticles(db, q, MAX_HITS), searchClaimIds(db, q, MAX_HITS), searchEntities(db, q, MAX_HITS), readClaims(db)]);
  const named = typesNamedBy(q);
  const byText = new Set(claimIds);
  const needle = q.toLowerCase();
  const rank = (c: { id: string; statement: string; type: string }) => (byText.has(c.id) || c.statement.toLowerCase().includes(needle) ? 2 : named.has(c.type) ? 1 : 0);
  // Claims told in a sentence that contains the query, found through the articles that contain it.
  const inArticles = new Set(articles.map((a) => a.id));
  const candidates = claims.flatMap((c) => c.reports.filter((r) => inArticles.has(r.article)).map((r) => r.id));
  const sentences = new Map<string, string>();
  for (const ev of (await reportEvidence(db, candidates)).values()) if (ev.text.toLowerCase().includes(needle) && !sentences.has(ev.claim)) sentences.set(ev.claim, ev.text);
  const found = claims
    .filter((c) => byText.has(c.id) || c.statement.toLowerCase().includes(needle) || named.has(c.type) || sentences.has(c.id))
    .sort((a, b) => rank(b) - rank(a) || b.origins.length - a.origins.length || (b.last_reported ?? "").localeCompare(a.last_reported ?? ""));
  const hits: SearchHit[] = [
    ...entities.map((e): SearchHit => ({ kind: "entity", id: e.id, title: e.name, snippet: e.name, highlights: highlightsOf(e.name, q), score: 3, type: e.type })),
    ...found.map((c): SearchHit => {
      const direct = byText.has(c.id) || c.statement.toLowerCase().includes(needle);
      const told = !direct && !named.has(c.type) ? snippet(sentences.get(c.id)!, q) : c.statement;
      return {
        kind: "claim",
        id: c.id,
        title: c.statement,
        snippet: told,
        highlights: highlightsOf(told, q),
        score: direct ? 2 : named.has(c.type) ? 1.5 : 1.2,
        type: c.type,
        status: c.status,
        stage: c.stage,
        reports: c.reports.length,
        origins: c.origins.length,
        ...(direct ? {} : { found_as: named.get(c.type) }),
      };
    }),
    ...articles.map((a): SearchHit => {
      const s = snippet(a.text, q);
      return { kind: "article", id: a.id, title: a.title ?? a.id, snippet: s, highlights: highlightsOf(s, q), score: 1, outlet: a.outlet, published: a.published };
    }),
  ];
  const capped = <T>(list: T[]) => list.slice(0, limit);
  return {
    query: q,
    total: hits.length,
    offset,
    limit,
    counts: { entity: entities.length, claim: found.length, article: articles.length },
    results: hits.slice(offset, offset + limit),
    q,
    articles: capped(articles).map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, snippet: snippet(a.text, q) })),
    claims: capped(found).map((c) => ({ id: c.id, type: c.type, summary: c.summary, status: c.status, first_reported: c.first_reported, reports: c.reports.length, origins: c.origins.length })),
    entities: capped(entities),
  };
}
