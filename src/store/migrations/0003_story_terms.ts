// Story features are kept with each article, so regrouping stories after a run does not re-read every stored text.
// Two indexes shrink to what queries use, since every article's commit rewrote their pages: event mentions are never
// looked up by type, and claims are looked up by type alone, so their index no longer moves with each new report.
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Adds `articles.story_terms` (null for articles stored before), drops `event_mentions_type`, narrows `claims_type`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("articles").addColumn("story_terms", "text").execute();
  await db.schema.dropIndex("event_mentions_type").execute();
  await db.schema.dropIndex("claims_type").execute();
  await db.schema.createIndex("claims_by_type").on("claims").column("type").execute();
}

/** Restores the indexes and drops the column. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("claims_by_type").execute();
  await db.schema.createIndex("claims_type").on("claims").columns(["type", "last_reported"]).execute();
  await db.schema.createIndex("event_mentions_type").on("event_mentions").column("type").execute();
  await db.schema.alterTable("articles").dropColumn("story_terms").execute();
}
