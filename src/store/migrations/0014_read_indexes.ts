// Indexes for the paged reads: the claim list in its order (earliest reported first, undated last, then id) is read a
// page at a time from the index instead of sorting every claim per request.
import { sql, type Kysely } from "kysely";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Creates the index on the claim list's order; the expression is the one the list query orders by. */
export async function up(db: AnyDb): Promise<void> {
  await sql`create index claims_list_order on claims ((case when first_reported is null then 1 else 0 end), first_reported, id)`.execute(db);
}

/** Drops the index. */
export async function down(db: AnyDb): Promise<void> {
  await sql`drop index claims_list_order`.execute(db);
}
