// Search across entities, claims and articles through the store's full-text indexes: one ranked, paged list (entities
// first, then claims, then articles) with a total and where the query's words sit in each snippet. Claims are also
// found by the everyday words of their type ("summit" finds meetings, "drills" military exercises) and by the sentences
// that tell them in the best-matching articles.
import { loadData } from "../extract/resources.js";
import type { Executor } from "../store/index.js";
import { articleSentences } from "../store/reads.js";
import { claimHits, claimIdsOfTypes, matchingClaimIds, queryTerms, reportsInArticles, searchArticles, searchEntities, type ClaimHit } from "../store/search.js";

/** What a search finds on this page, in the earlier shape, kept for its readers. */
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
  /** Offsets [start, end) of the query's words in `snippet`. */
  highlights: Array<[number, number]>;
  score: number;
  /**
   * Entities: their type and mentions. Claims: status, stage, counts, and the everyday word that found the type, if that
   * did; a claim found in a sentence that tells it has that sentence as its snippet.
   */
  type?: string;
  mentions?: number;
  status?: string;
  stage?: string;
  first_reported?: string | null;
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
// Entities and claims looked at to count and page; beyond this a search should be narrowed.
const MAX_HITS = 2000;
// The best-matching articles whose sentences are searched for claims they tell.
const SENTENCE_ARTICLES = 50;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Where the query's words occur in `text`: each word of the text that starts with a term's stem (the index stems, so
 * "meeting" finds "meet" and "meets"). The mark covers as much of the word as the term spells ("summit" in "summits").
 */
export function hits(text: string, terms: string[]): [number, number][] {
  const folded = terms.map(fold).filter((t) => t.length > 0);
  const stems = folded.map((t) => t.replace(/(ing|ed|es|s)$/, "") || t);
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    let mark = 0;
    stems.forEach((s, i) => {
      if (!word.startsWith(s)) return;
      let n = 0;
      while (n < word.length && n < folded[i].length && word[n] === folded[i][n]) n++;
      mark = Math.max(mark, n);
    });
    if (mark === 0) continue;
    // Folding changed the word's length (marks taken off): offsets into it no longer hold, so it is marked whole.
    out.push([m.index!, m.index! + (word.length === m[0].length ? mark : m[0].length)]);
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

// How a claim was found: by its own words, by the everyday word of its type, or in a sentence that tells it.
type Found = { id: string; by: "text" } | { id: string; by: "type"; word: string } | { id: string; by: "sentence"; sentence: string };

// The claims a query finds, in rank order: by their own words (best first), by the kind of happening the query names
// (most recently reported first), then told in a sentence of the best-matching articles that holds every word.
async function foundClaims(db: Executor, q: string, terms: string[]): Promise<Found[]> {
  const named = typesNamedBy(q);
  const [direct, typed, articles] = await Promise.all([
    matchingClaimIds(db, terms, MAX_HITS),
    claimIdsOfTypes(db, [...named.keys()], MAX_HITS),
    searchArticles(db, terms, 0, SENTENCE_ARTICLES),
  ]);
  const out: Found[] = direct.map((id) => ({ id, by: "text" as const }));
  const seen = new Set(direct);
  for (const c of typed) {
    if (seen.has(c.id) || out.length >= MAX_HITS) continue;
    out.push({ id: c.id, by: "type", word: named.get(c.type) ?? "" });
    seen.add(c.id);
  }
  const ids = articles.rows.map((a) => a.id);
  const [told, texts] = await Promise.all([reportsInArticles(db, ids), articleSentences(db, ids)]);
  const order = new Map(ids.map((id, i) => [id, i]));
  told.sort((a, b) => order.get(a.article_id)! - order.get(b.article_id)! || a.sentence - b.sentence);
  for (const r of told) {
    if (seen.has(r.claim_id) || out.length >= MAX_HITS) continue;
    const art = texts.get(r.article_id);
    const span = art?.sentences[r.sentence];
    if (!art || !span) continue;
    const sentence = art.text.slice(span.start, span.end);
    if (!terms.every((t) => hits(sentence, [t]).length > 0)) continue;
    out.push({ id: r.claim_id, by: "sentence", sentence });
    seen.add(r.claim_id);
  }
  return out;
}

/** Entities, claims and articles matching a query (already trimmed and non-empty), ranked, one page of them. */
export async function search(db: Executor, q: string, limit = 25, offset = 0): Promise<SearchPage> {
  const terms = queryTerms(q);
  const [entities, claims] = await Promise.all([searchEntities(db, terms, 0, MAX_HITS), terms.length ? foundClaims(db, q, terms) : Promise.resolve([])]);
  // Entities, then claims, then articles: the page takes what it covers of each segment in turn.
  const entityPage = entities.rows.slice(offset, offset + limit);
  const claimFrom = Math.max(0, offset - entities.total);
  const claimPage = claims.slice(claimFrom, claimFrom + limit - entityPage.length);
  const articleFrom = Math.max(0, offset - entities.total - claims.length);
  const articleRoom = limit - entityPage.length - claimPage.length;
  // Asked for no rows, the article search still counts.
  const [articles, details] = await Promise.all([searchArticles(db, terms, articleFrom, articleRoom), claimHits(db, claimPage.map((c) => c.id))]);
  const byId = new Map<string, ClaimHit>(details.map((c) => [c.id, c]));
  const results: SearchHit[] = [
    ...entityPage.map((e): SearchHit => {
      const shown = e.alias ? `${e.name} (also “${e.alias}”)` : e.name;
      return { kind: "entity", id: e.id, title: e.name, snippet: shown, highlights: hits(shown, terms), score: e.score, type: e.type, mentions: e.mentions };
    }),
    ...claimPage.flatMap((f): SearchHit[] => {
      const c = byId.get(f.id);
      if (!c) return [];
      const statement = c.statement || c.summary;
      const shown = f.by === "sentence" ? snippet(f.sentence, terms) : { snippet: statement, highlights: f.by === "text" ? hits(statement, terms) : [] };
      return [{
        kind: "claim", id: c.id, title: statement, ...shown, score: f.by === "text" ? 2 : f.by === "type" ? 1.5 : 1.2, type: c.type, status: c.status, stage: c.stage,
        first_reported: c.first_reported, reports: c.reports, origins: c.origins, ...(f.by === "type" ? { found_as: f.word } : {}),
      }];
    }),
    ...articles.rows.map((a): SearchHit => ({
      kind: "article", id: a.id, title: a.title ?? a.text.slice(0, 80), ...snippet(a.text, terms), score: a.score, outlet: a.outlet, published: a.published,
    })),
  ];
  const of = <K extends SearchHit["kind"]>(kind: K) => results.filter((h) => h.kind === kind);
  return {
    query: q,
    total: entities.total + claims.length + articles.total,
    offset,
    limit,
    counts: { entity: entities.total, claim: claims.length, article: articles.total },
    results,
    q,
    articles: of("article").map((a) => ({ id: a.id, title: a.title, outlet: a.outlet ?? null, published: a.published ?? null, snippet: a.snippet })),
    claims: of("claim").map((c) => ({ id: c.id, type: c.type!, summary: byId.get(c.id)!.summary, status: c.status!, first_reported: c.first_reported ?? null, reports: c.reports!, origins: c.origins! })),
    entities: of("entity").map((e) => ({ id: e.id, name: e.title, type: e.type! })),
  };
}
