// The index of articles by outlet (0001) serves no query: articles are read by id, number, date and content hash, and
// joined to their outlet by the outlet's key, never looked up by outlet. Outlets are never deleted, so the foreign key
// does not need it either (~40 bytes an article).
import { sql, type Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Drops `articles_outlet`. */
export async function up(db: AnyDb): Promise<void> {
  await sql`drop index articles_outlet`.execute(db);
}

/** Makes the index again. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.createIndex("articles_outlet").on("articles").column("outlet_id").execute();
}
