// Full-text search: keeping the indexes up to date as articles and claims are written, and ranked, paged queries over
// them with a total. SQLite's FTS5 and PostgreSQL's tsvector behind one interface; entities (a small table) are matched
// by name and alias.
import { sql, type RawBuilder } from "kysely";
import type { ClaimRecord } from "../domain/ledger.js";
import { engineOf } from "./dialect.js";
import type { Executor } from "./index.js";
import { articleText } from "./articles.js";

/** A query's words, as the indexes take them: letters and digits, lower-cased, at most 12. */
export function queryTerms(q: string): string[] {
  const words = q.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 12);
}

/** One page of matches of one kind, best first, and how many there are in all. */
export interface SearchPage<T> {
  total: number;
  rows: (T & { score: number })[];
}

// Every word must match; the last may be the start of a word, as one types it.
function ftsMatch(terms: string[]): string {
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? "*" : ""}`).join(" AND ");
}
function tsQuery(terms: string[]): RawBuilder<unknown> {
  const text = terms.map((t, i) => `'${t.replace(/'/g, "")}'${i === terms.length - 1 ? ":*" : ""}`).join(" & ");
  return sql`to_tsquery('english', ${text})`;
}

/** Adds a stored article to the search index. */
export async function indexArticle(db: Executor, seq: number, title: string | null, text: string): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`insert into article_search (rowid, title, body) values (${seq}, ${title ?? ""}, ${text})`.execute(db);
  else await sql`insert into article_search (seq, doc) values (${seq}, setweight(to_tsvector('english', ${title ?? ""}), 'A') || to_tsvector('english', ${text}))`.execute(db);
}

/**
 * Takes claims whose words are about to change out of the search index, before their rows change. On SQLite the index
 * reads a claim's words from its row (`claims.summary`, `.statement`, `.parties`) and is told the words to remove: they
 * are those the row still holds. A no-op on PostgreSQL, whose index replaces a claim's entry in one go.
 */
export async function unindexClaims(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || engineOf(db) !== "sqlite") return;
  for (let i = 0; i < ids.length; i += 200) {
    const slice = ids.slice(i, i + 200);
    await sql`insert into claim_search (claim_search, rowid, summary, statement, parties)
      select 'delete', rowid, summary, statement, parties from claims where id in (${sql.join(slice)})`.execute(db);
  }
}

/** Each claim's parties' full names, as the claim's row keeps them for the search index (one query for all). */
export async function partyNames(db: Executor, claims: readonly Pick<ClaimRecord, "id" | "participants">[]): Promise<Map<string, string>> {
  const ids = [...new Set(claims.flatMap((c) => c.participants))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 200) {
    for (const r of await db.selectFrom("entities").select(["id", "name"]).where("id", "in", ids.slice(i, i + 200)).execute()) names.set(r.id, r.name);
  }
  return new Map(claims.map((c) => [c.id, [...new Set(c.participants)].map((p) => names.get(p) ?? "").join(" ")]));
}

/**
 * Indexes claims just written: new ones, and those with new words (taken out of the index first, `unindexClaims`). A
 * claim is found by its summary, its statement and its parties' full names, all read from its row.
 */
export async function indexClaims(db: Executor, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) {
    const slice = ids.slice(i, i + 200);
    if (engineOf(db) === "sqlite") {
      await sql`insert into claim_search (rowid, summary, statement, parties) select rowid, summary, statement, parties from claims where id in (${sql.join(slice)})`.execute(db);
    } else {
      await sql`insert into claim_search (claim_id, doc) select id, setweight(to_tsvector('english', summary), 'A') || to_tsvector('english', statement)
        || setweight(to_tsvector('english', parties), 'B') from claims where id in (${sql.join(slice)}) on conflict (claim_id) do update set doc = excluded.doc`.execute(db);
    }
  }
}

/** A matching article, with its body for the snippet. */
export interface ArticleHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
}

/** Articles matching every word of the query, best first (title words weigh more), one page of them and the total. */
export async function searchArticles(db: Executor, terms: string[], offset: number, limit: number): Promise<SearchPage<ArticleHit>> {
  if (terms.length === 0) return { total: 0, rows: [] };
  let total: number;
  let ranked: { seq: number; score: number }[];
  if (engineOf(db) === "sqlite") {
    const match = ftsMatch(terms);
    total = Number((await sql<{ n: number }>`select count(*) as n from article_search where article_search match ${match}`.execute(db)).rows[0].n);
    ranked = (
      await sql<{ seq: number; score: number }>`select rowid as seq, -bm25(article_search, 4.0, 1.0) as score from article_search
        where article_search match ${match} order by bm25(article_search, 4.0, 1.0), rowid desc limit ${limit} offset ${offset}`.execute(db)
    ).rows;
  } else {
    const query = tsQuery(terms);
    total = Number((await sql<{ n: number }>`select count(*) as n from article_search where doc @@ ${query}`.execute(db)).rows[0].n);
    ranked = (
      await sql<{ seq: number; score: number }>`select seq, ts_rank_cd(doc, ${query}) as score from article_search where doc @@ ${query}
        order by score desc, seq desc limit ${limit} offset ${offset}`.execute(db)
    ).rows;
  }
  if (ranked.length === 0) return { total, rows: [] };
  const rows = await db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select(["articles.seq", "articles.id", "articles.title", "outlets.name as outlet", "articles.published", "articles.text", "articles.body"])
    .where("articles.seq", "in", ranked.map((r) => Number(r.seq)))
    .execute();
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return {
    total,
    rows: ranked.flatMap(({ seq, score }) => {
      const r = bySeq.get(Number(seq));
      return r ? [{ id: r.id, title: r.title, outlet: r.outlet, published: r.published, text: articleText(r), score: Number(score) }] : [];
    }),
  };
}

/** A matching claim, with its report and origin counts. */
export interface ClaimHit {
  id: string;
  type: string;
  summary: string;
  statement: string;
  status: string;
  stage: string;
  first_reported: string | null;
  last_reported: string | null;
  reports: number;
  origins: number;
}

// Claims matching every word of the query, best first: one page of their ids with scores, and how many match in all.
async function rankedClaims(db: Executor, terms: string[], offset: number, limit: number): Promise<{ total: number; ranked: { id: string; score: number }[] }> {
  if (terms.length === 0) return { total: 0, ranked: [] };
  if (engineOf(db) === "sqlite") {
    const match = ftsMatch(terms);
    const total = Number((await sql<{ n: number }>`select count(*) as n from claim_search where claim_search match ${match}`.execute(db)).rows[0].n);
    const ranked = (
      await sql<{ id: string; score: number }>`select c.id, -bm25(claim_search, 2.0, 1.0, 1.0) as score from claim_search join claims c on c.rowid = claim_search.rowid
        where claim_search match ${match} order by bm25(claim_search, 2.0, 1.0, 1.0), c.id limit ${limit} offset ${offset}`.execute(db)
    ).rows;
    return { total, ranked };
  }
  const query = tsQuery(terms);
  const total = Number((await sql<{ n: number }>`select count(*) as n from claim_search where doc @@ ${query}`.execute(db)).rows[0].n);
  const ranked = (
    await sql<{ id: string; score: number }>`select claim_id as id, ts_rank_cd(doc, ${query}) as score from claim_search where doc @@ ${query}
      order by score desc, claim_id limit ${limit} offset ${offset}`.execute(db)
  ).rows;
  return { total, ranked };
}

/** Claims whose summary, statement or parties' names match every word of the query, best first, one page and the total. */
export async function searchClaims(db: Executor, terms: string[], offset: number, limit: number): Promise<SearchPage<ClaimHit>> {
  const { total, ranked } = await rankedClaims(db, terms, offset, limit);
  const byId = new Map((await claimHits(db, ranked.map((r) => r.id))).map((c) => [c.id, c]));
  return { total, rows: ranked.flatMap(({ id, score }) => (byId.has(id) ? [{ ...byId.get(id)!, score: Number(score) }] : [])) };
}

/** Ids of the claims matching every word of the query, best first, at most `cap` of them. */
export async function matchingClaimIds(db: Executor, terms: string[], cap: number): Promise<string[]> {
  return (await rankedClaims(db, terms, 0, cap)).ranked.map((r) => r.id);
}

/** Claims of the given types, most recently reported first, at most `cap` of them (an index on type and date). */
export async function claimIdsOfTypes(db: Executor, types: string[], cap: number): Promise<{ id: string; type: string }[]> {
  if (types.length === 0) return [];
  return db.selectFrom("claims").select(["id", "type"]).where("type", "in", types).orderBy("last_reported", "desc").orderBy("id").limit(cap).execute();
}

/** The given claims in brief with their report and origin counts, in no particular order. */
export async function claimHits(db: Executor, ids: string[]): Promise<ClaimHit[]> {
  if (ids.length === 0) return [];
  const [claims, reports, origins] = await Promise.all([
    db.selectFrom("claims").select(["id", "type", "summary", "statement", "status", "stage", "first_reported", "last_reported"]).where("id", "in", ids).execute(),
    db.selectFrom("reports").select((eb) => ["claim_id", eb.fn.countAll<number>().as("n")]).where("claim_id", "in", ids).groupBy("claim_id").execute(),
    db.selectFrom("origins").select((eb) => ["claim_id", eb.fn.countAll<number>().as("n")]).where("claim_id", "in", ids).groupBy("claim_id").execute(),
  ]);
  const reportsOf = new Map(reports.map((r) => [r.claim_id, Number(r.n)]));
  const originsOf = new Map(origins.map((r) => [r.claim_id, Number(r.n)]));
  return claims.map((c) => ({ ...c, reports: reportsOf.get(c.id) ?? 0, origins: originsOf.get(c.id) ?? 0 }));
}

/** The reports told in the given articles: which claim, and in which sentence. */
export async function reportsInArticles(db: Executor, articleIds: string[]): Promise<{ claim_id: string; article_id: string; sentence: number }[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("reports")
    .innerJoin("articles", "articles.seq", "reports.seq")
    .select(["reports.claim_id", "articles.id as article_id", "reports.sentence"])
    .where("articles.id", "in", articleIds)
    .orderBy("articles.id")
    .orderBy("reports.sentence")
    .execute();
}

/** A matching entity, with the alias that matched when it was not the name. */
export interface EntityHit {
  id: string;
  name: string;
  type: string;
  mentions: number;
  alias: string | null;
}

/**
 * Entities whose name or an alias contains every word of the query (word starts), most mentioned first; a name that
 * starts with the query ranks above one that only contains it.
 */
export async function searchEntities(db: Executor, terms: string[], offset: number, limit: number): Promise<SearchPage<EntityHit>> {
  if (terms.length === 0) return { total: 0, rows: [] };
  // Each word must start a word of the name or alias: "kim" finds "Kim Jong Un", not "Pakim".
  const matches = (column: string) =>
    sql.join(
      terms.map((t) => sql`(lower(${sql.ref(column)}) like ${`${t}%`} or lower(${sql.ref(column)}) like ${`% ${t}%`} or lower(${sql.ref(column)}) like ${`%-${t}%`})`),
      sql` and `,
    );
  const found = await db
    .selectFrom("aliases")
    .innerJoin("entities", "entities.id", "aliases.entity_id")
    .select(["entities.id", "entities.name", "entities.type", "entities.mentions", "aliases.alias"])
    .where(matches("aliases.alias") as never)
    .execute();
  // One row per entity: the name when it matches, else its shortest matching alias.
  const best = new Map<string, (typeof found)[number]>();
  for (const r of found) {
    const cur = best.get(r.id);
    const rank = (x: typeof r) => (x.alias === x.name ? 0 : 1) * 1000 + x.alias.length;
    if (!cur || rank(r) < rank(cur)) best.set(r.id, r);
  }
  const phrase = terms.join(" ");
  const score = (r: (typeof found)[number]) => {
    const name = r.alias.toLowerCase();
    return (name === phrase ? 3 : name.startsWith(phrase) ? 2 : 1) + Math.log10(1 + Number(r.mentions)) / 10;
  };
  const all = [...best.values()].map((r) => ({ id: r.id, name: r.name, type: r.type, mentions: Number(r.mentions), alias: r.alias === r.name ? null : r.alias, score: score(r) }));
  all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { total: all.length, rows: all.slice(offset, offset + limit) };
}
