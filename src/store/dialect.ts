// The one place that knows which database engine sits under the store: connection set-up, pragmas, engine-specific column types.
import Database from "better-sqlite3";
import pg from "pg";
import { PostgresDialect, SqliteAdapter, SqliteDialect, sql, type CreateTableBuilder, type Dialect, type Kysely } from "kysely";
import { dirname } from "node:path";
import { mkdirSync } from "node:fs";

/** Where a store lives: a SQLite file (or ":memory:"), or a PostgreSQL database named by its URL. */
export type StoreLocation = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string };

/** Reads a `--db` value: a postgres:// URL or a SQLite file path. */
export function parseLocation(location: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(location)) return { engine: "postgres", url: location };
  return { engine: "sqlite", path: location };
}

/** The engine behind a query handle. */
export function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  return db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres";
}

/** A store URL with its password replaced, for messages and logs. */
export function redactLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

// Kysely prepares every query afresh; reusing prepared statements by SQL text removes that cost from hot inserts.
const STATEMENT_CACHE_SIZE = 256;

/**
 * Marks a one-row INSERT whose single parameter is a list of rows: the statement is prepared once and run for each row
 * inside the engine's own loop, which costs a fraction of building and parsing one multi-row statement per batch.
 */
export const BULK_MARK = "/* bulk rows */ ";

// What the driver needs of a statement: a prepared one, or the bulk runner wrapping one.
type RunnableStatement = Pick<Database.Statement, "reader" | "run" | "all" | "iterate">;

function bulkStatement(stmt: Database.Statement): RunnableStatement {
  return {
    reader: false,
    run: ([rows]: [unknown[][]]) => {
      let changes = 0;
      for (const row of rows) changes += stmt.run(row).changes;
      return { changes, lastInsertRowid: 0 };
    },
    all: () => {
      throw new Error("a bulk insert returns no rows");
    },
    iterate: () => {
      throw new Error("a bulk insert returns no rows");
    },
  } as unknown as RunnableStatement;
}

function cachingDatabase(db: Database.Database) {
  const cache = new Map<string, RunnableStatement>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare: (text: string) => {
      // Store transactions always write: taking the write lock at BEGIN makes a second writer wait (busy timeout)
      // instead of failing when it upgrades a read snapshot that went stale.
      const sql = text === "begin" ? "begin immediate" : text;
      let stmt = cache.get(sql);
      if (stmt) {
        // Move to the back so the map's insertion order tracks recency.
        cache.delete(sql);
      } else {
        stmt = sql.startsWith(BULK_MARK) ? bulkStatement(db.prepare(sql.slice(BULK_MARK.length))) : db.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

// SQLite runs DDL inside transactions; saying so makes Kysely's Migrator wrap each run in one (a write-locking
// BEGIN IMMEDIATE, below), so two processes opening a new store at once migrate it once instead of colliding.
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

// Connections one process keeps to a PostgreSQL store: the writer, readers beside it, and room for a queue worker.
const PG_POOL_SIZE = 8;

// PostgreSQL answers counts (bigint) as strings; the store's counts and sequence numbers fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens the engine for a location and returns the Kysely dialect over it. */
export function createDialect(location: StoreLocation): Dialect {
  if (location.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: location.url, max: PG_POOL_SIZE });
    // A connection the server drops must not take the process down: idle, the pool drops it; checked out (a batch
    // waiting on its readers), its next query fails and the write fails as any other.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    return new PostgresDialect({ pool });
  }
  const path = location.path;
  if (path !== ":memory:" && path !== "") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 10_000 });
  // Articles are kept as rows of a few kilobytes (deflated body, reading): 16 KiB pages pack several with little left
  // empty, where 4 KiB ones held one each and a part-filled overflow page. Takes effect only when the file is created.
  db.pragma("page_size = 16384");
  // WAL lets readers work while one writer ingests; NORMAL sync keeps WAL commits durable across process crashes.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 10000");
  // Each article's commit dirties ~100 scattered pages; checkpointing every ~40 MB instead of every 4 MB cuts the
  // checkpoint fsyncs that otherwise dominate commit time, and the file is trimmed back after each checkpoint.
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma("journal_size_limit = 67108864");
  // Ingest inserts into many indexes at scattered keys; a 64 MiB page cache keeps their upper levels in memory.
  db.pragma("cache_size = -65536");
  // Ingest runs each article in a savepoint; keeping their undo journals in memory spares a temporary file per batch.
  db.pragma("temp_store = MEMORY");
  return new StoreSqliteDialect({ database: cachingDatabase(db) });
}

/** Tells, synchronously and in microseconds, whether anything was committed to a SQLite file since it last looked. */
export interface CommitWatch {
  /** A number that differs from the one before whenever a commit landed in between, by any connection. */
  mark(): number;
  close(): void;
}

/**
 * Watches a SQLite file for commits through a connection of its own, which never writes: unlike the store's own
 * connection, it sees that connection's commits too. Null for a store that is not a SQLite file.
 */
export function watchCommits(location: StoreLocation): CommitWatch | null {
  if (location.engine !== "sqlite" || location.path === ":memory:" || location.path === "") return null;
  const db = new Database(location.path, { fileMustExist: true, timeout: 10_000 });
  const version = db.prepare("pragma data_version").pluck();
  return { mark: () => version.get() as number, close: () => db.close() };
}

/** Column type for binary data (MinHash signatures) on the engine behind `db`. */
export function blobType(db: Kysely<any>): "blob" | "bytea" {
  return engineOf(db) === "sqlite" ? "blob" : "bytea";
}

/** Column type for probabilities and other fractions: 8-byte floats on both engines (PostgreSQL's `real` has 4). */
export function floatType(db: Kysely<any>): "real" | "double precision" {
  return engineOf(db) === "sqlite" ? "real" : "double precision";
}

/**
 * Makes every text column of the store's tables compare byte by byte on PostgreSQL, as SQLite's do: ids and names then
 * sort the same on both engines whatever locale the database was created with, and so does everything ordered by them.
 * Run after each migration that adds text columns; a no-op on SQLite.
 */
export async function binaryCollation(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "sqlite") return;
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text' and coalesce(collation_name, '') <> 'C'
      and table_name not like 'kysely_%'`.execute(db);
  for (const r of rows) {
    await sql`alter table ${sql.table(r.table_name)} alter column ${sql.ref(r.column_name)} type text collate "C"`.execute(db);
  }
}

/**
 * Stores a table clustered by its primary key where the engine supports it (SQLite: WITHOUT ROWID), so rows of one
 * article sit together and each insert touches one B-tree instead of a table and its key index.
 */
export function clusteredByKey<TB extends string, C extends string>(
  db: Kysely<unknown>,
  builder: CreateTableBuilder<TB, C>,
): CreateTableBuilder<TB, C> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? builder.modifyEnd(sql`without rowid`) : builder;
}
