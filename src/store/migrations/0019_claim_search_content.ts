// The claim search index on SQLite kept its own copy of every claim's summary and statement, which the claims table
// holds already. It now reads them from the claim's row (an FTS5 external-content index over `claims`), with the
// parties' names kept in the row beside them; the index is rebuilt from the rows. On PostgreSQL, whose index keeps no
// copy, the names are kept in the row too, so both engines have the same columns.
import { sql, type Kysely } from "kysely";
import { binaryCollation, engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Adds `claims.parties`, filled with what the index held, and puts the SQLite index over the claims' rows. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("claims").addColumn("parties", "text", (c) => c.notNull().defaultTo("")).execute();
  await binaryCollation(db);
  if (engineOf(db) === "sqlite") {
    // The names as indexed, where the index has the claim; else as the index would have been given them.
    await sql`update claims set parties = coalesce((select c2 from claim_search_content where id = claims.rowid),
      (select group_concat(e.name, ' ') from claim_participants p join entities e on e.id = p.entity_id where p.claim_id = claims.id), '')`.execute(db);
    await sql`drop table claim_search`.execute(db);
    await sql`create virtual table claim_search using fts5(summary, statement, parties, content='claims', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`insert into claim_search (claim_search) values ('rebuild')`.execute(db);
  } else {
    await sql`update claims set parties = coalesce((select string_agg(e.name, ' ') from claim_participants p join entities e on e.id = p.entity_id where p.claim_id = claims.id), '')`.execute(db);
  }
}

/** One way: the index's own copy of the claims' words is not made again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0019_claim_search_content cannot be undone");
}
