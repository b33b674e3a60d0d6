// The bundled demo: the 2018–2025 U.S.–North Korea summit story, ingested once into a local store with its questions.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dataPath } from "../extract/resources.js";
import { getMeta, setMeta, type Store } from "../store/index.js";
import { ingestInputs, type IngestSummary } from "./ingest.js";
import { addQuestion, today } from "./questions.js";

const META_KEY = "demo.corpus";

/** Question files of the demo (every YAML beside the expectations file). */
function questionFiles(): string[] {
  const dir = dataPath("demo/questions/");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f !== "expectations.yaml")
    .sort()
    .map((f) => dir + f);
}

/** A fingerprint of the bundled corpus and questions, so a changed demo is loaded again. */
function corpusVersion(): string {
  const dir = dataPath("demo/articles/");
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(dir + f));
  for (const f of questionFiles()) h.update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

/** Loads the demo corpus and its questions unless this store already holds this version of them. */
export async function loadDemo(store: Store, asOf = today()): Promise<{ loaded: boolean; summary: IngestSummary | null; questions: number }> {
  const version = corpusVersion();
  if ((await getMeta(store.db, META_KEY)) === version) return { loaded: false, summary: null, questions: 0 };
  const summary = await ingestInputs(store, [dataPath("demo/articles")]);
  const files = questionFiles();
  for (const f of files) await addQuestion(store, readFileSync(f, "utf8"), f, asOf);
  await setMeta(store.db, META_KEY, version);
  return { loaded: true, summary, questions: files.length };
}
