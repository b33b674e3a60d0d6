// Full-text search over articles and claims, in each engine's own index: an FTS5 table on SQLite (contentless for
// articles, whose bodies are kept deflated; with its own copy of the short claim texts), a tsvector with a GIN index on
// PostgreSQL. Words are stemmed on both (Porter on SQLite, the english configuration on PostgreSQL). Stored articles and
// claims are indexed.
import { inflateRawSync } from "node:zlib";
import { sql, type Kysely } from "kysely";
import { engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

const CHUNK = 500;

/** Creates the search indexes and fills them from the stored articles and claims. */
export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === "sqlite") {
    // Positions are kept (detail=full): BM25 ranks by how often a word occurs, which FTS5 knows only from them.
    // Snippets and highlights are made from the article itself.
    await sql`create virtual table article_search using fts5(title, body, content='', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create virtual table claim_search using fts5(summary, statement, parties, tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await sql`create table article_search (seq integer primary key references articles(seq) on delete cascade, doc tsvector not null)`.execute(db);
    await sql`create index article_search_doc on article_search using gin (doc)`.execute(db);
    await sql`create table claim_search (claim_id text collate "C" primary key references claims(id) on delete cascade, doc tsvector not null)`.execute(db);
    await sql`create index claim_search_doc on claim_search using gin (doc)`.execute(db);
  }
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom("articles").select(["seq", "title", "text", "body"]).where("seq", ">", after).orderBy("seq").limit(CHUNK).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].seq;
    for (const r of rows) {
      const text = r.body ? inflateRawSync(r.body).toString("utf8") : r.text;
      if (engineOf(db) === "sqlite") await sql`insert into article_search (rowid, title, body) values (${r.seq}, ${r.title ?? ""}, ${text})`.execute(db);
      else await sql`insert into article_search (seq, doc) values (${r.seq}, setweight(to_tsvector('english', ${r.title ?? ""}), 'A') || to_tsvector('english', ${text}))`.execute(db);
    }
  }
  // Claims are found by their parties' full names too, which their summaries shorten.
  if (engineOf(db) === "sqlite") {
    await sql`insert into claim_search (rowid, summary, statement, parties) select c.rowid, c.summary, c.statement,
      coalesce((select group_concat(e.name, ' ') from claim_participants p join entities e on e.id = p.entity_id where p.claim_id = c.id), '') from claims c`.execute(db);
  } else {
    await sql`insert into claim_search (claim_id, doc) select c.id, setweight(to_tsvector('english', c.summary), 'A') || to_tsvector('english', c.statement)
      || setweight(to_tsvector('english', coalesce((select string_agg(e.name, ' ') from claim_participants p join entities e on e.id = p.entity_id where p.claim_id = c.id), '')), 'B')
      from claims c`.execute(db);
  }
}

/** Drops the search indexes. */
export async function down(db: AnyDb): Promise<void> {
  await sql`drop table if exists claim_search`.execute(db);
  await sql`drop table if exists article_search`.execute(db);
}
