// The reading says more about each report: its stance toward the happening, whether it is a recap, where the happening
// takes place; and each article keeps the agencies its text credits.
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Adds `event_mentions.stance`, `.background`, `.place` and `articles.credits` (empty for articles stored before). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("event_mentions").addColumn("stance", "text", (c) => c.notNull().defaultTo("unknown")).execute();
  await db.schema.alterTable("event_mentions").addColumn("background", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("event_mentions").addColumn("place", "text").execute();
  await db.schema.alterTable("articles").addColumn("credits", "text", (c) => c.notNull().defaultTo("[]")).execute();
}

/** Drops the columns. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("articles").dropColumn("credits").execute();
  await db.schema.alterTable("event_mentions").dropColumn("place").execute();
  await db.schema.alterTable("event_mentions").dropColumn("background").execute();
  await db.schema.alterTable("event_mentions").dropColumn("stance").execute();
}
