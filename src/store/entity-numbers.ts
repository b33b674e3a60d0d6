// Entities as the entity page's rows name them: a small number each instead of the id ("person:kim-jong-un"), which
// every one of an article's ~29 rows in `entity_articles` repeated. Numbers are given in the order entities are first
// filed, one more than the largest so far: within the store's single writer, and undone with a write that is undone.
import { sql } from "kysely";
import type { Executor } from "./index.js";
import { chunks } from "./rows.js";

/** The number of each given entity, giving the next numbers to those that have none yet, in the order given. */
export async function entityNumbers(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const wanted = [...new Set(ids)];
  for (const slice of chunks(wanted)) {
    for (const r of await db.selectFrom("entity_numbers").select(["id", "num"]).where("id", "in", slice).execute()) out.set(r.id, Number(r.num));
  }
  const missing = wanted.filter((id) => !out.has(id));
  if (missing.length === 0) return out;
  const { rows } = await sql<{ n: number | null }>`select max(num) as n from entity_numbers`.execute(db);
  let next = Number(rows[0]?.n ?? 0);
  const values = missing.map((id) => ({ id, num: ++next }));
  for (const slice of chunks(values)) await db.insertInto("entity_numbers").values(slice).execute();
  for (const v of values) out.set(v.id, v.num);
  return out;
}

/** The id of each given entity number that is given (numbers no entity has are left out). */
export async function entityIdsOf(db: Executor, nums: Iterable<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const slice of chunks([...new Set(nums)])) {
    for (const r of await db.selectFrom("entity_numbers").select(["id", "num"]).where("num", "in", slice).execute()) out.set(Number(r.num), r.id);
  }
  return out;
}
