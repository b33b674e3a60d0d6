// A claim is one happening: it keeps its place, its stage (discussed, scheduled, occurred, called off, failed), its
// plain-words statement and whether only recaps tell of it; each report keeps its stance, whether it is a recap, and
// the time it gives; each step of a claim's history keeps its stage beside its status.
import type { Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("claims").addColumn("place", "text").execute();
  await db.schema.alterTable("claims").addColumn("stage", "text", (c) => c.notNull().defaultTo("discussed")).execute();
  await db.schema.alterTable("claims").addColumn("statement", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("claims").addColumn("historical", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("reports").addColumn("stance", "text", (c) => c.notNull().defaultTo("unknown")).execute();
  await db.schema.alterTable("reports").addColumn("background", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("reports").addColumn("time", "text").execute();
  await db.schema.alterTable("claim_status").addColumn("stage", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("claim_status").dropColumn("stage").execute();
  for (const c of ["time", "background", "stance"]) await db.schema.alterTable("reports").dropColumn(c).execute();
  for (const c of ["historical", "statement", "stage", "place"]) await db.schema.alterTable("claims").dropColumn(c).execute();
}
