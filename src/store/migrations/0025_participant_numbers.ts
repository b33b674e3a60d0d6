// The claims an entity takes part in (`claim_participants`, keyed by entity since 0022) name the entity by its number
// (`entity_numbers`, 0024) instead of its id, ~14 bytes in the key of each of ~8 rows an article. Participants not
// yet numbered take the next numbers, in the order of their ids.
import { sql, type Kysely } from "kysely";
import { keyByEntityNumber } from "./entity-number-key.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Numbers the participants not numbered yet and keys `claim_participants` by entity number. */
export async function up(db: AnyDb): Promise<void> {
  await sql`insert into entity_numbers (num, id)
    select (select coalesce(max(num), 0) from entity_numbers) + row_number() over (order by entity_id), entity_id
    from (select distinct entity_id from claim_participants where entity_id not in (select id from entity_numbers)) e`.execute(db);
  await keyByEntityNumber(db, "claim_participants", ["entity", "claim_id"], ["claim_id"], (t) =>
    t.addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete("cascade")),
  );
}

/** One way: the ids are not written into every row again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0025_participant_numbers cannot be undone");
}
