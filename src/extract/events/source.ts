// Which attribution presents a span of a sentence.
import type { Attribution } from "../../domain/extraction.js";

/** The innermost attribution presenting the trigger (the smallest content span holding it). */
export function sourceOf(start: number, end: number, attributions: Attribution[]): Attribution | null {
  let best: Attribution | null = null;
  for (const a of attributions) {
    if (a.content.start <= start && a.content.end >= end) {
      if (a.cue.start <= start && a.cue.end >= end) continue;
      if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
    }
  }
  return best;
}

