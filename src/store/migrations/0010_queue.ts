// Distributed ingestion: documents read by queue workers wait here, numbered in the order they were queued, until the
// one writer at a time stores and links them in that order.
import type { Kysely } from "kysely";
import { binaryCollation, blobType } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Creates the table of read documents waiting to be stored. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("queue_readings")
    .addColumn("position", "integer", (c) => c.primaryKey())
    .addColumn("input", "text", (c) => c.notNull())
    .addColumn("reading", blobType(db))
    .addColumn("error", "text")
    .execute();
  await binaryCollation(db);
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("queue_readings").execute();
}
