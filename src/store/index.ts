// The store: opens the database named by a location, brings its schema up to date, and hands out the typed query builder.
import { Kysely, Migrator, sql } from "kysely";
import { BackgroundCheckpoints } from "./checkpoints.js";
import { createDialect, engineOf, parseLocation, redactLocation } from "./dialect.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

/** A query handle: the store's connection or an open transaction; every repository function takes one. */
export type Executor = Kysely<Database>;

/** An open store. Close it when done so the SQLite file is checkpointed and unlocked. */
export interface Store {
  readonly db: Kysely<Database>;
  /** The location it was opened from (file path or URL). */
  readonly location: string;
  /** The database engine behind it. */
  readonly engine: "sqlite" | "postgres";
  /** Runs `fn` in one transaction: all its writes land together or not at all. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Opens a write transaction for many units of work, each atomic on its own; commit or roll it back when done. */
  beginBatch(): Promise<WriteBatch>;
  close(): Promise<void>;
}

/**
 * A write transaction held open across many units of work. Each unit runs in a savepoint, so it lands whole or not at
 * all, and a failed unit takes nothing else with it; the commit makes all finished units durable at once, writing each
 * touched page once instead of once per unit.
 */
export interface WriteBatch {
  /** The batch's connection: reads through it see the batch's own writes. */
  readonly db: Executor;
  /** Runs `fn` as one atomic unit of the batch; on error its writes are undone and the error is rethrown. */
  unit<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Where to open the store. */
export interface OpenStoreOptions {
  /** SQLite file path, ":memory:", or a postgres:// URL. */
  path: string;
}

// The advisory lock every writing transaction takes on PostgreSQL: one writer at a time, as SQLite's BEGIN IMMEDIATE
// gives. Ingest numbers articles, groups stories and links claims from what the store holds when it writes, so two
// writers interleaving would each miss what the other wrote. Any number of readers go on beside the writer.
const WRITER_LOCK = 0x62656c6c; // "bell"

/** Takes the store's writer lock for the rest of the transaction `tx` (PostgreSQL; SQLite's BEGIN IMMEDIATE does it). */
export async function lockWriter(tx: Executor): Promise<void> {
  if (engineOf(tx) === "sqlite") return;
  await sql`select pg_advisory_xact_lock(${WRITER_LOCK})`.execute(tx);
}

/** Opens (creating if needed) the store at `path` and applies any pending migrations. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const location = parseLocation(opts.path);
  const db = new Kysely<Database>({ dialect: createDialect(location) });
  const writing = <T>(fn: (tx: Executor) => Promise<T>) => async (tx: Executor) => {
    if (location.engine === "postgres") await lockWriter(tx);
    return fn(tx);
  };
  // Batches are long write runs (ingest): their WAL checkpoints go to a thread of their own.
  const checkpoints = location.engine === "sqlite" && location.path !== ":memory:" && location.path !== "" ? new BackgroundCheckpoints(location.path) : null;
  try {
    if (location.engine === "postgres") {
      await sql`select 1`.execute(db).catch((err: Error) => {
        throw new Error(`cannot open the PostgreSQL store ${redactLocation(opts.path)}: ${err.message}`);
      });
    }
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  let closed = false;
  return {
    db,
    location: opts.path,
    engine: location.engine,
    transaction: (fn) => db.transaction().execute(writing(fn)),
    beginBatch: async () => {
      checkpoints?.start();
      const trx = await db.startTransaction().execute();
      if (location.engine === "postgres") {
        try {
          await lockWriter(trx);
        } catch (err) {
          await trx.rollback().execute();
          throw err;
        }
      }
      return {
        db: trx,
        unit: async (fn) => {
          // Units run one after another, so one savepoint name serves them all.
          const inner = await trx.savepoint("unit").execute();
          try {
            const out = await fn(inner);
            await inner.releaseSavepoint("unit").execute();
            return out;
          } catch (err) {
            await inner.rollbackToSavepoint("unit").execute();
            await inner.releaseSavepoint("unit").execute();
            throw err;
          }
        },
        commit: () => trx.commit().execute(),
        rollback: () => trx.rollback().execute(),
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

/** Applies pending migrations in order; each is recorded so it runs once per store. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // Migration numbers are handed out ahead of merging, so a store may have run a later number before an earlier one
  // lands; each migration touches tables of its own, so their order between each other does not matter.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    const reason = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`store migration failed${name}: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Reads a value from the store's key/value table. */
export async function getMeta(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

/** Writes a value to the store's key/value table, replacing any earlier one. */
export async function setMeta(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

// Re-exported so callers import the schema type and every repository from one module.
export type { Database } from "./schema.js";
export * from "./annotations.js";
export * from "./articles.js";
export * from "./ledger.js";
export * from "./stories.js";
