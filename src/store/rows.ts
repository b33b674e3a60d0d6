// Writing many rows at once: batched multi-row statements in general, one prepared statement run per row on SQLite.
import { CompiledQuery, SqliteAdapter, sql, type Insertable } from "kysely";
import { BULK_MARK } from "./dialect.js";
import type { Executor } from "./index.js";
import type { Database } from "./schema.js";

// Rows per multi-row statement: far below every engine's bound-parameter limit.
const CHUNK_ROWS = 200;

/** Splits rows into slices small enough for one statement each. */
export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) out.push(rows.slice(i, i + CHUNK_ROWS));
  return out;
}

// The one-row INSERT text of each table and column list, compiled once.
const bulkTexts = new Map<string, string>();

/** Rows of one table as value lists, each in the order of `columns` (null, not undefined, for a missing value). */
export interface ColumnRows<T extends keyof Database & string> {
  columns: readonly (keyof Database[T] & string)[];
  values: unknown[][];
}

/** How rows whose key is already stored are treated: an error (the default), left alone, or added to. */
export interface InsertOptions {
  skipExisting?: boolean;
  /** Adds the row's `column` to the stored row's instead, for rows whose `key` is stored. */
  addTo?: { key: string[]; column: string };
}

/**
 * Inserts rows that all have the same columns (null, not undefined, for a missing value). `skipExisting` leaves rows
 * whose key is already stored alone.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  opts: InsertOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof Database[T] & string)[];
  const values = rows.map((row) => columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
  await insertColumnRows(db, table, { columns, values }, opts);
}

/** Inserts rows given as value lists (see `insertRows`). */
export async function insertColumnRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: ColumnRows<T>,
  opts: InsertOptions = {},
): Promise<void> {
  const { columns, values } = rows;
  if (values.length === 0) return;
  // The generic table parameter defeats Kysely's per-table value typing; rows are typed by the caller.
  const build = (objects: unknown) => {
    const q = db.insertInto(table).values(objects as never);
    const add = opts.addTo;
    if (add) {
      return q.onConflict((oc) => oc.columns(add.key as never).doUpdateSet({ [add.column]: sql`${sql.ref(`${table}.${add.column}`)} + excluded.${sql.ref(add.column)}` } as never));
    }
    return opts.skipExisting ? q.onConflict((oc) => oc.doNothing()) : q;
  };
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    for (const slice of chunks(values)) await build(slice.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])))).execute();
    return;
  }
  const key = `${table}(${columns.join(",")})${opts.skipExisting ? " skip" : ""}${opts.addTo ? ` add ${opts.addTo.column}` : ""}`;
  let text = bulkTexts.get(key);
  if (text === undefined) {
    text = BULK_MARK + build(Object.fromEntries(columns.map((c) => [c, null]))).compile().sql;
    bulkTexts.set(key, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, [values]));
}
