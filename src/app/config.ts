// Settings every command shares, read once from flags, the environment and the settings file into typed objects.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

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

/** The settings file (YAML): alert rules and the address alerts and briefs link to. */
export interface ConfigFile {
  /** Where it was read from, or null when there is none. */
  path: string | null;
  /** Alert rules, each still to be checked by `parseAlertRule`. */
  alerts: unknown[];
  /** The server's public address, for links in alerts and briefs. */
  base_url: string | null;
}

/** Why the settings file cannot be used. */
export class ConfigError extends Error {}

/** The settings file named by --config or BELLWETHER_CONFIG, else ./bellwether.yaml when it exists. */
export function loadConfigFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): ConfigFile {
  const named = flag?.trim() || env.BELLWETHER_CONFIG?.trim();
  const path = named || (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
  if (!path) return { path: null, alerts: [], base_url: null };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError(`cannot read the config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(`${path} is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  if (doc === null || doc === undefined) return { path, alerts: [], base_url: null };
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ConfigError(`${path}: the config is a mapping (alerts:, base_url:)`);
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (k !== "alerts" && k !== "base_url") throw new ConfigError(`${path}: ${k} is not a setting (alerts, base_url)`);
  if (d.alerts !== undefined && !Array.isArray(d.alerts)) throw new ConfigError(`${path}: alerts is a list of rules`);
  if (d.base_url !== undefined && (typeof d.base_url !== "string" || !/^https?:\/\/[^\s]+$/i.test(d.base_url))) throw new ConfigError(`${path}: base_url must be an http(s) address`);
  return { path, alerts: (d.alerts as unknown[] | undefined) ?? [], base_url: (d.base_url as string | undefined)?.replace(/\/+$/, "") ?? null };
}

/** The settings file read when none is named. */
export const DEFAULT_CONFIG = "./bellwether.yaml";
