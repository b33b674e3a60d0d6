// A claim's participants were kept twice over by `claim_participants`: its rows keyed by claim, and an index of the same
// pairs keyed by entity (~0.35 KB an article each). Reads by claim (the claim page, the linker's claims of a type, a
// question's evidence) now take the ids from the claim's own row (`claims.participants`, ~30 bytes a claim), and the
// table is keyed by entity for the reads by entity (an entity's claims, a question's claims), without a second index.
import { sql, type Kysely } from "kysely";
import { binaryCollation, clusteredByKey, engineOf } from "../dialect.js";
import { eachPage } from "./pages.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Claims filled at a time.
const CHUNK = 500;

/** Fills `claims.participants` and keys `claim_participants` by entity, dropping its index by entity. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("claims").addColumn("participants", "text", (c) => c.notNull().defaultTo("[]")).execute();
  await binaryCollation(db);
  const page = (after: string): Promise<{ id: string }[]> => db.selectFrom("claims").select("id").where("id", ">", after).orderBy("id").limit(CHUNK).execute();
  await eachPage("", page, (r) => r.id, async (claims) => {
    const ids = claims.map((c) => c.id);
    const pairs: { claim_id: string; entity_id: string }[] = await db.selectFrom("claim_participants").select(["claim_id", "entity_id"]).where("claim_id", "in", ids).execute();
    const of = new Map<string, string[]>();
    for (const p of pairs) (of.get(p.claim_id) ?? of.set(p.claim_id, []).get(p.claim_id)!).push(p.entity_id);
    for (const [id, entities] of of) {
      // As `packParticipants` writes them: each once, by code point.
      const packed = JSON.stringify([...new Set(entities)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      await db.updateTable("claims").set({ participants: packed }).where("id", "=", id).execute();
    }
  });
  if (engineOf(db) === "postgres") {
    await sql`drop index claim_participants_entity`.execute(db);
    await sql`alter table claim_participants drop constraint claim_participants_pk`.execute(db);
    await sql`alter table claim_participants add constraint claim_participants_pk primary key (entity_id, claim_id)`.execute(db);
    return;
  }
  // SQLite keeps a table's key for its life: the table is written anew in its new key's order.
  await clusteredByKey(
    db,
    db.schema
      .createTable("claim_participants_by_entity")
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("claim_participants_pk", ["entity_id", "claim_id"]),
  ).execute();
  await sql`insert into claim_participants_by_entity (entity_id, claim_id) select entity_id, claim_id from claim_participants order by entity_id, claim_id`.execute(db);
  await db.schema.dropTable("claim_participants").execute();
  await db.schema.alterTable("claim_participants_by_entity").renameTo("claim_participants").execute();
}

/** One way: the index by claim is not made again (the claims' rows have their participants). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0022_claim_participants cannot be undone");
}
