// Scores story clustering on the ECB+ development topics against their gold stories, beside trivial baselines.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adjustedRand, bcubed, labelsOf } from "../src/link/cluster-scores.js";
import { StoryClusterer, clusterFeatures, storyFeatures, type StoryFeatures } from "../src/link/06-stories.js";

interface EcbDoc {
  id: string;
  topic: string;
  story: string;
  text: string;
}

interface Row {
  name: string;
  clusters: number;
  precision: number;
  recall: number;
  f1: number;
  ari: number;
  ms?: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const path = resolve(root, "../shared/eval/ecbplus/ecbplus-dev.jsonl");
const asJson = process.argv.includes("--json");

if (!existsSync(path)) {
  console.error(`ECB+ development set not found at ${path}; it is expected beside the repository in shared/eval/ecbplus/.`);
  process.exit(2);
}

const docs: EcbDoc[] = readFileSync(path, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as EcbDoc);
const gold = new Map(docs.map((d) => [d.id, d.story]));

function score(name: string, clusters: string[][], ms?: number): Row {
  const predicted = labelsOf(clusters);
  const b = bcubed(predicted, gold);
  return { name, clusters: clusters.length, ...b, ari: adjustedRand(predicted, gold), ms };
}

function groupBy(key: (d: EcbDoc) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    const k = key(d);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(d.id);
  }
  return [...groups.values()];
}

const t0 = performance.now();
const features: StoryFeatures[] = docs.map((d) => storyFeatures({ id: d.id, text: d.text }));
const featureMs = performance.now() - t0;

const t1 = performance.now();
const batch = clusterFeatures(
  docs.map((d) => d.id),
  features,
);
const batchMs = performance.now() - t1;

const t2 = performance.now();
const online = new StoryClusterer();
docs.forEach((d, i) => online.add(d.id, features[i], null));
const onlineClusters = [...online.stories().values()];
const onlineMs = performance.now() - t2;

const rows: Row[] = [
  score("batch (average link)", batch, batchMs),
  score("online (file order)", onlineClusters, onlineMs),
  score("baseline: all in one", [docs.map((d) => d.id)]),
  score("baseline: topic oracle", groupBy((d) => d.topic)),
  score("baseline: singletons", docs.map((d) => [d.id])),
];

if (asJson) {
  console.log(JSON.stringify({ documents: docs.length, stories: new Set(gold.values()).size, featureMs, rows }, null, 2));
} else {
  const f = (x: number) => x.toFixed(3);
  console.log(`ECB+ dev: ${docs.length} documents, ${new Set(gold.values()).size} gold stories`);
  console.log(`features: ${featureMs.toFixed(0)} ms (${(featureMs / docs.length).toFixed(2)} ms/doc)`);
  console.log(`${"method".padEnd(26)} ${"clusters".padStart(8)} ${"B3 P".padStart(6)} ${"B3 R".padStart(6)} ${"B3 F1".padStart(6)} ${"ARI".padStart(6)} ${"time".padStart(9)}`);
  for (const r of rows) {
    const time = r.ms === undefined ? "" : `${r.ms.toFixed(0)} ms`;
    console.log(
      `${r.name.padEnd(26)} ${String(r.clusters).padStart(8)} ${f(r.precision).padStart(6)} ${f(r.recall).padStart(6)} ${f(r.f1).padStart(6)} ${f(r.ari).padStart(6)} ${time.padStart(9)}`,
    );
  }
}
