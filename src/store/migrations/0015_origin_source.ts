// An origin's source key ("gov:UA", "outlet:reuters") beside its display name: one statement re-reported under several
// claims of one happening (a plan told with a place and without) is one origin to a question reading them all.
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Adds the column; origins stored before it have none and count by their own id. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("origins").addColumn("source_key", "text").execute();
}
