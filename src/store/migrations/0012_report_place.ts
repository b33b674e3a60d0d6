// A report's own place ("to meet in the United States") beside its claim's ("the White House"): a question about a
// meeting at one venue reads each report by the place it names, not by the place its claim took from another report.
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Adds the column; reports stored before it have none and are read by their claim's place. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("reports").addColumn("place", "text").execute();
}
