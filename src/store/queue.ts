// The queue's side of the store: positions handed to queued documents, read documents waiting to be stored, and how
// far storing has come. The jobs themselves live in the queue's own tables (pg-boss).
import { getMeta, setMeta, type Executor } from "./index.js";

/** A queued document as a worker left it: its reading (encoded), or why it could not be read. */
export interface StagedReading {
  position: number;
  input: string;
  reading: Uint8Array | null;
  error: string | null;
}

const NEXT = "queue.next_position";
const APPLIED = "queue.applied_position";

/** Hands out `n` consecutive positions (the first is returned); call inside a writing transaction. */
export async function reservePositions(tx: Executor, n: number): Promise<number> {
  const first = Number((await getMeta(tx, NEXT)) ?? 1);
  await setMeta(tx, NEXT, String(first + n));
  return first;
}

/** The last position handed out (0 when none). */
export async function lastReserved(db: Executor): Promise<number> {
  return Number((await getMeta(db, NEXT)) ?? 1) - 1;
}

/** The position up to which queued documents have been stored (0 when none). */
export async function appliedPosition(db: Executor): Promise<number> {
  return Number((await getMeta(db, APPLIED)) ?? 0);
}

/** Records that every document up to `position` has been stored. */
export async function setAppliedPosition(db: Executor, position: number): Promise<void> {
  await setMeta(db, APPLIED, String(position));
}

/** Leaves a read document to be stored in its turn; a second worker's copy of the same position is ignored. */
export async function stageReading(db: Executor, s: StagedReading): Promise<void> {
  await db.insertInto("queue_readings").values(s).onConflict((oc) => oc.column("position").doNothing()).execute();
}

/** Staged documents from `after + 1` on, as long as their positions follow one another, at most `limit`. */
export async function nextStaged(db: Executor, after: number, limit: number): Promise<StagedReading[]> {
  const rows = await db.selectFrom("queue_readings").selectAll().where("position", ">", after).where("position", "<=", after + limit).orderBy("position").execute();
  const out: StagedReading[] = [];
  for (const r of rows) {
    if (Number(r.position) !== after + out.length + 1) break;
    out.push({ ...r, position: Number(r.position) });
  }
  return out;
}

/** Removes staged documents once stored. */
export async function dropStaged(db: Executor, upTo: number): Promise<void> {
  await db.deleteFrom("queue_readings").where("position", "<=", upTo).execute();
}
