// Text compares byte by byte on every engine: on PostgreSQL the store's text columns take the "C" collation, so ids,
// names and dates sort as they do on SQLite whatever locale the database was created with.
import type { Kysely } from "kysely";
import { binaryCollation } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Sets the binary collation on every text column (PostgreSQL; nothing to do on SQLite). */
export async function up(db: AnyDb): Promise<void> {
  await binaryCollation(db);
}

/** The collation is left as it is: sorting bytewise is what every query expects. */
export async function down(_db: AnyDb): Promise<void> {}
