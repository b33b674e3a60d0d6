// Scores of resolved questions, averaged over the days they were open, and calibration across questions.

/** A daily probability path and its outcome. */
export interface ScoredPath {
  path: Array<{ date: string; probability: number }>;
  outcome: 0 | 1;
}

export interface Scores {
  brier: number;
  log: number;
  days: number;
}

/**
 * Time-averaged Brier score (lower is better) and log score (natural log of the probability given to the outcome;
 * closer to 0 is better) over the days of the path, as forecasting sites average over the open period.
 */
export function timeAveragedScores({ path, outcome }: ScoredPath): Scores {
  if (path.length === 0) return { brier: NaN, log: NaN, days: 0 };
  let brier = 0;
  let log = 0;
  for (const { probability: p } of path) {
    brier += (p - outcome) ** 2;
    const q = outcome === 1 ? p : 1 - p;
    log += Math.log(Math.max(q, 1e-9));
  }
  return { brier: brier / path.length, log: log / path.length, days: path.length };
}

export interface CalibrationBin {
  from: number;
  to: number;
  forecasts: number;
  mean_probability: number;
  observed_frequency: number;
}

/** Buckets every daily forecast of resolved questions by probability and compares with how often they came true. */
export function calibration(paths: ScoredPath[], bins = 5): CalibrationBin[] {
  const acc = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, p: 0, o: 0 }));
  for (const { path, outcome } of paths) {
    for (const { probability } of path) {
      const b = acc[Math.min(bins - 1, Math.floor(probability * bins))];
      b.n++;
      b.p += probability;
      b.o += outcome;
    }
  }
  return acc
    .filter((b) => b.n > 0)
    .map((b) => ({ from: b.from, to: b.to, forecasts: b.n, mean_probability: b.p / b.n, observed_frequency: b.o / b.n }));
}
