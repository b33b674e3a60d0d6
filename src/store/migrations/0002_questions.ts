// Forecast questions: their definitions, the logged updates of their probability, and hand resolutions.
import type { Kysely } from "kysely";
import { floatType } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Creates the question tables. */
export async function up(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable("questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("opens", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("prior", floatType(db), (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("probability", floatType(db), (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("as_of", "text")
    .execute();
  await s
    .createTable("question_updates")
    .addColumn("question_id", "text", (c) => c.notNull().references("questions.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("probability", floatType(db), (c) => c.notNull())
    .addColumn("previous", floatType(db), (c) => c.notNull())
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("claim_id", "text")
    .addColumn("reports", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_updates_pk", ["question_id", "seq"])
    .execute();
  await s
    .createTable("question_resolutions")
    .addColumn("question_id", "text", (c) => c.notNull().references("questions.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("logged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_resolutions_pk", ["question_id", "seq"])
    .execute();
}

/** Drops the question tables. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("question_resolutions").execute();
  await db.schema.dropTable("question_updates").execute();
  await db.schema.dropTable("questions").execute();
}
