// The first schema: articles with their annotations, the claim ledger, stories, MinHash buckets and a key/value table.
import type { Kysely } from "kysely";
import { blobType, clusteredByKey } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

const cascade = "cascade" as const;

/** Creates every table and index of schema version 1. */
export async function up(db: AnyDb): Promise<void> {
  const s = db.schema;

  await s
    .createTable("outlets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text")
    .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();

  await s
    .createTable("articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull().unique())
    .addColumn("content_hash", "text", (c) => c.notNull().unique())
    .addColumn("minhash", blobType(db), (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("outlet_id", "text", (c) => c.references("outlets.id"))
    .addColumn("url", "text")
    .addColumn("published", "text")
    .addColumn("published_source", "text")
    .addColumn("byline", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("near_duplicate_of", "text", (c) => c.references("articles.id"))
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .addColumn("input", "text")
    .execute();
  await s.createIndex("articles_published").on("articles").columns(["published", "seq"]).execute();
  await s.createIndex("articles_outlet").on("articles").column("outlet_id").execute();
  await s.createIndex("articles_near_duplicate_of").on("articles").column("near_duplicate_of").execute();

  await clusteredByKey(
    db,
    s
      .createTable("sentences")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("sentences_pk", ["article_id", "idx"]),
  ).execute();

  await s
    .createTable("entities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .execute();

  await clusteredByKey(
    db,
    s
      .createTable("aliases")
      .addColumn("entity_id", "text", (c) => c.notNull().references("entities.id").onDelete(cascade))
      .addColumn("alias", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("aliases_pk", ["entity_id", "alias"]),
  ).execute();
  await s.createIndex("aliases_alias").on("aliases").column("alias").execute();

  await clusteredByKey(
    db,
    s
      .createTable("mentions")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("entity_id", "text", (c) => c.notNull().references("entities.id"))
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("sentence", "integer")
      .addPrimaryKeyConstraint("mentions_pk", ["article_id", "idx"]),
  ).execute();
  await s.createIndex("mentions_entity").on("mentions").columns(["entity_id", "article_id"]).execute();

  await clusteredByKey(
    db,
    s
      .createTable("times")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("times_pk", ["article_id", "idx"]),
  ).execute();

  await clusteredByKey(
    db,
    s
      .createTable("attributions")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("sentence", "integer", (c) => c.notNull())
      .addColumn("source_start", "integer", (c) => c.notNull())
      .addColumn("source_end", "integer", (c) => c.notNull())
      .addColumn("source_text", "text", (c) => c.notNull())
      .addColumn("source_entity", "text")
      .addColumn("cue_start", "integer", (c) => c.notNull())
      .addColumn("cue_end", "integer", (c) => c.notNull())
      .addColumn("cue_text", "text", (c) => c.notNull())
      .addColumn("content_start", "integer", (c) => c.notNull())
      .addColumn("content_end", "integer", (c) => c.notNull())
      .addColumn("chain", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("attributions_pk", ["article_id", "idx"]),
  ).execute();

  await clusteredByKey(
    db,
    s
      .createTable("event_mentions")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("sentence", "integer", (c) => c.notNull())
      .addColumn("trigger_start", "integer", (c) => c.notNull())
      .addColumn("trigger_end", "integer", (c) => c.notNull())
      .addColumn("trigger_text", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("cameo", "text")
      .addColumn("participants", "text", (c) => c.notNull())
      .addColumn("factuality", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("time", "text")
      .addColumn("condition_start", "integer")
      .addColumn("condition_end", "integer")
      .addPrimaryKeyConstraint("event_mentions_pk", ["article_id", "id"]),
  ).execute();
  await s.createIndex("event_mentions_type").on("event_mentions").column("type").execute();

  await s
    .createTable("stories")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("first_published", "text")
    .addColumn("last_published", "text")
    .execute();

  await clusteredByKey(
    db,
    s
      .createTable("story_articles")
      .addColumn("story_id", "text", (c) => c.notNull().references("stories.id").onDelete(cascade))
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addPrimaryKeyConstraint("story_articles_pk", ["story_id", "article_id"]),
  ).execute();
  await s.createIndex("story_articles_article").on("story_articles").column("article_id").execute();

  await s
    .createTable("claims")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("cameo", "text")
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("polarity", "text", (c) => c.notNull())
    .addColumn("event_time", "text")
    .addColumn("first_reported", "text")
    .addColumn("last_reported", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("story_id", "text", (c) => c.references("stories.id").onDelete("set null"))
    .execute();
  await s.createIndex("claims_type").on("claims").columns(["type", "last_reported"]).execute();
  await s.createIndex("claims_story").on("claims").column("story_id").execute();

  await clusteredByKey(
    db,
    s
      .createTable("claim_participants")
      .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete(cascade))
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("claim_participants_pk", ["claim_id", "entity_id"]),
  ).execute();
  await s.createIndex("claim_participants_entity").on("claim_participants").column("entity_id").execute();

  await s
    .createTable("origins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete(cascade))
    .addColumn("root", "text", (c) => c.notNull())
    .addColumn("first_seen", "text")
    .execute();
  await s.createIndex("origins_claim").on("origins").column("claim_id").execute();

  await s
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete(cascade))
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
    .addColumn("event_id", "text")
    .addColumn("sentence", "integer", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("factuality", "text", (c) => c.notNull())
    .addColumn("chain", "text", (c) => c.notNull())
    .addColumn("root", "text")
    .addColumn("origin_id", "text", (c) => c.references("origins.id").onDelete("set null"))
    .addColumn("published", "text")
    .execute();
  await s.createIndex("reports_claim").on("reports").columns(["claim_id", "published"]).execute();
  await s.createIndex("reports_article").on("reports").column("article_id").execute();
  await s.createIndex("reports_origin").on("reports").column("origin_id").execute();

  await clusteredByKey(
    db,
    s
      .createTable("claim_status")
      .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete(cascade))
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("claim_status_pk", ["claim_id", "seq"]),
  ).execute();

  await clusteredByKey(
    db,
    s
      .createTable("minhash_bands")
      .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade))
      .addColumn("band", "integer", (c) => c.notNull())
      .addColumn("hash", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("minhash_bands_pk", ["article_id", "band"]),
  ).execute();
  await s.createIndex("minhash_bands_bucket").on("minhash_bands").columns(["band", "hash"]).execute();

  await s
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

/** Drops schema version 1 (tables in reverse dependency order). */
export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "meta",
    "minhash_bands",
    "claim_status",
    "reports",
    "origins",
    "claim_participants",
    "claims",
    "story_articles",
    "stories",
    "event_mentions",
    "attributions",
    "times",
    "mentions",
    "aliases",
    "entities",
    "sentences",
    "articles",
    "outlets",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
