// The story grouping's running state, kept so each new article is grouped against the stories it can join instead of
// the whole store being regrouped: every story's term sums and span, which story each article is in, and how many
// articles use each term. Stores from before start with none and are grouped afresh once, on their next ingest.
import type { Kysely } from "kysely";
import { binaryCollation, blobType, clusteredByKey } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Creates the three tables and the span indexes the candidate lookup uses. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("story_groups")
    .addColumn("key", "integer", (c) => c.primaryKey())
    .addColumn("story_id", "text")
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("with_identity", "integer", (c) => c.notNull())
    .addColumn("first_ms", "double precision")
    .addColumn("last_ms", "double precision")
    .addColumn("next_check", "integer", (c) => c.notNull())
    .addColumn("terms", blobType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex("story_groups_last").on("story_groups").column("last_ms").execute();
  await clusteredByKey(
    db,
    db.schema
      .createTable("story_members")
      .addColumn("article_id", "text", (c) => c.primaryKey())
      .addColumn("story_key", "integer", (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex("story_members_key").on("story_members").column("story_key").execute();
  await clusteredByKey(
    db,
    db.schema
      .createTable("story_terms")
      .addColumn("term", "text", (c) => c.primaryKey())
      .addColumn("df", "integer", (c) => c.notNull()),
  ).execute();
  await binaryCollation(db);
}

/** Drops them. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("story_terms").execute();
  await db.schema.dropTable("story_members").execute();
  await db.schema.dropTable("story_groups").execute();
}
