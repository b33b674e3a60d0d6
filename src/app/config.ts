// Settings every command shares, read once from flags and the environment into one typed object.

/** Where the store lives when neither --db nor BELLWETHER_DB says otherwise. */
export const DEFAULT_DB = "./bellwether.db";

/** The settings a command runs with. */
export interface Config {
  /** SQLite file path, or a postgres:// URL. */
  db: string;
}

/** Resolves settings: an explicit flag wins over the environment, which wins over the default. */
export function loadConfig(flags: { db?: string } = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const fromFlag = flags.db?.trim();
  const fromEnv = env.BELLWETHER_DB?.trim();
  return { db: fromFlag || fromEnv || DEFAULT_DB };
}
