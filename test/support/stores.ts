// The store engines a test suite runs over: SQLite always, PostgreSQL when a server is named by BELLWETHER_TEST_PG
// (a URL whose user may create databases). Each store opened here lives in a database of its own, dropped afterwards.
// Under CI=true a missing server is an error, not a skip: CI starts one (.ci/run).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

/** One engine the store contract runs on. */
export interface TestEngine {
  name: "sqlite" | "postgres";
  /** Why the engine's tests are skipped here, or null when they run. */
  skip: string | null;
  /** A new, empty store location of this engine, and how to remove it afterwards. */
  location(): Promise<{ location: string; remove(): Promise<void> }>;
}

const PG_URL = process.env.BELLWETHER_TEST_PG?.trim() || null;
const IN_CI = process.env.CI === "true";

if (!PG_URL && IN_CI) throw new Error("CI=true but BELLWETHER_TEST_PG is not set: the PostgreSQL store tests must run in CI");

let counter = 0;

/** A new database on the test server: its URL, and how to drop it. */
export async function freshPostgres(): Promise<{ location: string; remove(): Promise<void> }> {
  if (!PG_URL) throw new Error("BELLWETHER_TEST_PG is not set");
  const name = `bw_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    remove: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A new SQLite file in a temporary folder. */
export async function freshSqlite(): Promise<{ location: string; remove(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "bellwether-store-"));
  return { location: join(dir, "test.db"), remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The engines, as Kysely's DIALECTS: suites run once per entry. */
export const ENGINES: TestEngine[] = [
  { name: "sqlite", skip: null, location: freshSqlite },
  {
    name: "postgres",
    skip: PG_URL ? null : "PostgreSQL tests skipped: set BELLWETHER_TEST_PG=postgres://user@host:port/db to a server this user may create databases on",
    location: freshPostgres,
  },
];

/** Tells once, on stderr, which engines are skipped and why. */
export function announceSkips(): void {
  for (const e of ENGINES) if (e.skip) console.warn(e.skip);
}

/** Opens a fresh store of the engine; `close` closes it and removes its database. */
export async function openFresh(engine: TestEngine): Promise<{ store: Store; location: string; close(): Promise<void> }> {
  const { location, remove } = await engine.location();
  const store = await openStore({ path: location });
  let closed = false;
  return {
    store,
    location,
    close: async () => {
      if (closed) return;
      closed = true;
      await store.close();
      await remove();
    },
  };
}
