// The claims an entity takes part in (`claim_participants`, keyed by entity since 0022) name the entity by its number
// (`entity_numbers`, 0024) instead of its id, ~14 bytes in the key of each of ~8 rows an article. Participants not
// yet numbered take the next numbers, in the order of their ids.
import { sql, type Kysely } from "kysely";
import { clusteredByKey, engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Numbers the participants not numbered yet and keys `claim_participants` by entity number. */
export async function up(db: AnyDb): Promise<void> {
  await sql`insert into entity_numbers (num, id)
    select (select coalesce(max(num), 0) from entity_numbers) + row_number() over (order by entity_id), entity_id
    from (select distinct entity_id from claim_participants where entity_id not in (select id from entity_numbers)) e`.execute(db);
  if (engineOf(db) === "postgres") {
    await sql`alter table claim_participants add column entity integer`.execute(db);
    await sql`update claim_participants set entity = n.num from entity_numbers n where n.id = claim_participants.entity_id`.execute(db);
    await sql`alter table claim_participants alter column entity set not null`.execute(db);
    await sql`alter table claim_participants drop constraint claim_participants_pk`.execute(db);
    await sql`alter table claim_participants drop column entity_id`.execute(db);
    await sql`alter table claim_participants add constraint claim_participants_pk primary key (entity, claim_id)`.execute(db);
    return;
  }
  // SQLite keeps a table's key for its life: the table is written anew, rows in the new key's order.
  await clusteredByKey(
    db,
    db.schema
      .createTable("claim_participants_numbered")
      .addColumn("entity", "integer", (c) => c.notNull())
      .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("claim_participants_pk", ["entity", "claim_id"]),
  ).execute();
  await sql`insert into claim_participants_numbered (entity, claim_id)
    select n.num, p.claim_id from claim_participants p join entity_numbers n on n.id = p.entity_id order by n.num, p.claim_id`.execute(db);
  await db.schema.dropTable("claim_participants").execute();
  await db.schema.alterTable("claim_participants_numbered").renameTo("claim_participants").execute();
}

/** One way: the ids are not written into every row again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0025_participant_numbers cannot be undone");
}
