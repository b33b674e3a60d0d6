// A claim's row keeps its participants (`claims.participants`, 0022) by their entity numbers (`entity_numbers`, 0024)
// rather than their ids: "[3,17]" instead of '["person:donald-trump","person:kim-jong-un"]', ~37 bytes less a claim.
// They stay in the order of their ids. Participants not numbered yet take the next numbers, in the order of their ids.
import { sql, type Kysely } from "kysely";
import { eachPage } from "./pages.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Claims rewritten at a time.
const CHUNK = 500;

/** Rewrites every claim's participants as entity numbers, numbering the participants that have none. */
export async function up(db: AnyDb): Promise<void> {
  const page = (after: string): Promise<{ id: string; participants: string }[]> =>
    db.selectFrom("claims").select(["id", "participants"]).where("id", ">", after).orderBy("id").limit(CHUNK).execute();
  // The participants that have no number yet, numbered after the others in the order of their ids.
  const unnumbered = new Set<string>();
  await eachPage("", page, (r) => r.id, async (claims) => {
    const ids = [...new Set(claims.flatMap((c) => JSON.parse(c.participants) as string[]))];
    const numbered = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await db.selectFrom("entity_numbers").select("id").where("id", "in", ids.slice(i, i + CHUNK)).execute()) numbered.add(r.id);
    }
    for (const id of ids) if (!numbered.has(id)) unnumbered.add(id);
  });
  if (unnumbered.size > 0) {
    const { rows } = await sql<{ n: number | null }>`select max(num) as n from entity_numbers`.execute(db);
    let next = Number(rows[0]?.n ?? 0);
    const values = [...unnumbered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => ({ num: ++next, id }));
    for (let i = 0; i < values.length; i += CHUNK) await db.insertInto("entity_numbers").values(values.slice(i, i + CHUNK)).execute();
  }
  await eachPage("", page, (r) => r.id, async (claims) => {
    const ids = [...new Set(claims.flatMap((c) => JSON.parse(c.participants) as string[]))];
    const numbers = new Map<string, number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await db.selectFrom("entity_numbers").select(["id", "num"]).where("id", "in", ids.slice(i, i + CHUNK)).execute()) numbers.set(r.id, Number(r.num));
    }
    for (const c of claims) {
      const packed = JSON.stringify((JSON.parse(c.participants) as string[]).map((id) => numbers.get(id)!));
      await db.updateTable("claims").set({ participants: packed }).where("id", "=", c.id).execute();
    }
  });
}

/** One way: the ids are not written into the claims' rows again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0028_claim_participant_numbers cannot be undone");
}
