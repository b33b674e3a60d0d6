// Real sources and ways out: the feeds a store follows and the items it has seen of each, alert rules with the values
// they last saw and the alerts they raised, and the briefs written (so the next one tells what changed since).
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Creates the feed, alert and brief tables. */
export async function up(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable("feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("title", "text")
    .addColumn("site_url", "text")
    .addColumn("category", "text")
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("checked_at", "text")
    .addColumn("succeeded_at", "text")
    .addColumn("last_error", "text")
    .addColumn("error_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_poll_at", "text")
    .execute();
  await s
    .createTable("feed_items")
    .addColumn("feed_id", "text", (c) => c.notNull().references("feeds.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("article_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("first_seen", "text", (c) => c.notNull())
    .addColumn("last_seen", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("feed_items_pk", ["feed_id", "key"])
    .execute();
  await s
    .createTable("alert_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("webhook", "text")
    .addColumn("webhook_private", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await s
    .createTable("alert_state")
    .addColumn("rule_id", "text", (c) => c.notNull().references("alert_rules.id").onDelete("cascade"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_state_pk", ["rule_id", "subject"])
    .execute();
  await s
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull().unique())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("deliveries", "text", (c) => c.notNull())
    .execute();
  await s
    .createTable("briefs")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("written_at", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("since", "text")
    .addPrimaryKeyConstraint("briefs_pk", ["subject", "seq"])
    .execute();
}

/** Drops them. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ["briefs", "alerts", "alert_state", "alert_rules", "feed_items", "feeds"]) await db.schema.dropTable(table).ifExists().execute();
}
