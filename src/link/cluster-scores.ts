// Scores of a clustering against gold labels: BCubed (per-item precision and recall) and the Adjusted Rand Index.

/** BCubed precision, recall and their harmonic mean, averaged over items. */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** Cluster label of each item id, from clusters given as lists of ids. */
export function labelsOf(clusters: string[][]): Map<string, string> {
  const labels = new Map<string, string>();
  clusters.forEach((members, c) => {
    for (const id of members) labels.set(id, String(c));
  });
  return labels;
}

function checkSameItems(predicted: Map<string, string>, gold: Map<string, string>): void {
  if (predicted.size !== gold.size) throw new Error(`clustering covers ${predicted.size} items, gold ${gold.size}`);
  for (const id of gold.keys()) if (!predicted.has(id)) throw new Error(`item ${id} is not clustered`);
}

/** Counts of items per (predicted, gold) label pair, and per label on each side. */
function contingency(predicted: Map<string, string>, gold: Map<string, string>) {
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const [id, g] of gold) {
    const p = predicted.get(id)!;
    const key = `${p}\u0000${g}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(p, (rows.get(p) ?? 0) + 1);
    cols.set(g, (cols.get(g) ?? 0) + 1);
  }
  return { cells, rows, cols };
}

/** BCubed scores (Bagga & Baldwin): each item's share of its cluster that is truly its class, and vice versa. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): BCubed {
  checkSameItems(predicted, gold);
  const n = gold.size;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const { cells, rows, cols } = contingency(predicted, gold);
  let precision = 0;
  let recall = 0;
  // Every item in a cell shares the same overlap, so sum per cell instead of per item.
  for (const [key, count] of cells) {
    const [p, g] = key.split("\u0000");
    precision += (count * count) / rows.get(p)!;
    recall += (count * count) / cols.get(g)!;
  }
  precision /= n;
  recall /= n;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Adjusted Rand Index (Hubert & Arabie): pair agreement corrected for chance; 1 is perfect, about 0 is random. */
export function adjustedRand(predicted: Map<string, string>, gold: Map<string, string>): number {
  checkSameItems(predicted, gold);
  const n = gold.size;
  if (n < 2) return 1;
  const { cells, rows, cols } = contingency(predicted, gold);
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let rowPairs = 0;
  for (const r of rows.values()) rowPairs += pairs(r);
  let colPairs = 0;
  for (const c of cols.values()) colPairs += pairs(c);
  const expected = (rowPairs * colPairs) / pairs(n);
  const max = (rowPairs + colPairs) / 2;
  // Both partitions trivial (all singletons or one cluster each, identically): agreement is perfect.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
