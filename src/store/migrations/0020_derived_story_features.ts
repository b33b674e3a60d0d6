// Story features are no longer stored: the story grouping works them out from an article's title and text, which the
// store keeps anyway (see app/stories `featuresOf`), and takes them from the run that read the article while it can.
// They were ~1.05 KB of a ~2.9 KB articles row. Both columns that held them, in either layout, are dropped; the rows
// are rewritten in place without them (a SQLite file keeps its size on disk until `VACUUM`).
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Drops `articles.story_features` and `articles.story_terms`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("articles").dropColumn("story_features").execute();
  await db.schema.alterTable("articles").dropColumn("story_terms").execute();
}

/** One way: the features are not written again (the grouping works them out). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0020_derived_story_features cannot be undone");
}
