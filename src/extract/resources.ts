// Loads the bundled data files (lexicons, gazetteer) once per process; the reading stages stay free of other I/O.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
const cache = new Map<string, unknown>();

/** Parses a JSON file under data/ (path relative to data/), cached for the life of the process. */
export function loadData<T>(relPath: string): T {
  let value = cache.get(relPath);
  if (value === undefined) {
    value = JSON.parse(readFileSync(DATA_DIR + relPath, "utf8"));
    cache.set(relPath, value);
  }
  return value as T;
}

/** Absolute path of a file under data/. */
export function dataPath(relPath: string): string {
  return DATA_DIR + relPath;
}
