// The contract's metrics: time value F1 (relaxed spans), attribution F1 with chains, factuality accuracy and macro-F1.
import type { Attribution, EventMention, Extraction, TimeExpr } from "../../src/domain/extraction.js";
import { type GoldAttribution, type GoldDoc, type GoldEvent, type GoldSpan, type GoldTime, type Span, nearest } from "./gold.js";

/** One line of the readable list of misses. */
export interface Miss {
  doc: string;
  what: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

const SCORED_TIME = new Set(["DATE", "TIME"]);
const quote = (s: string) => JSON.stringify(s);

/**
 * Times: a system DATE/TIME counts when its span overlaps a required gold span and the values are identical;
 * one system time per gold time. System times on optional gold are neither right nor spurious.
 */
export function scoreTimes(doc: string, gold: GoldTime[], system: Pick<TimeExpr, "start" | "end" | "text" | "type" | "value">[], misses?: Miss[]): Counts {
  const sys = system.filter((t) => SCORED_TIME.has(t.type));
  const scoredGold = gold.filter((g) => SCORED_TIME.has(g.type));
  const used = new Set<number>();
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const g of scoredGold) {
    const hit = sys.findIndex((s, i) => !used.has(i) && overlaps(s, g) && s.value === g.value);
    if (hit !== -1) {
      used.add(hit);
      if (!g.optional) c.tp++;
      continue;
    }
    if (g.optional) continue;
    c.fn++;
    const near = sys.find((s) => overlaps(s, g));
    misses?.push({
      doc,
      what: near
        ? `time ${quote(g.text)}: gold ${g.value}, system ${near.value} on ${quote(near.text)}`
        : `time ${quote(g.text)} (${g.value}): missed`,
    });
  }
  sys.forEach((s, i) => {
    if (used.has(i)) return;
    if (scoredGold.some((g) => g.optional && overlaps(s, g))) return;
    c.fp++;
    const onGold = scoredGold.some((g) => overlaps(s, g));
    if (!onGold) misses?.push({ doc, what: `time ${quote(s.text)} (${s.value}): spurious` });
  });
  return c;
}

/** Span of a system chain element: its own offsets, the source itself, or its text nearest after the previous element. */
function chainSpans(text: string, a: Attribution, sentence: Span | undefined): (Span | null)[] {
  const out: (Span | null)[] = [];
  let prev: Span = a.source;
  for (const [i, el] of a.chain.entries()) {
    const own = el as { start?: number; end?: number; text: string };
    let span: Span | null;
    if (typeof own.start === "number" && typeof own.end === "number") span = { start: own.start, end: own.end };
    else if (i === 0 && el.text === a.source.text) span = a.source;
    else span = nearest(text, el.text, prev, sentence, prev.end) ?? nearest(text, el.text, prev, undefined, prev.end);
    out.push(span);
    if (span) prev = span;
  }
  return out;
}

export interface AttributionScore {
  counts: Counts;
  chainsGold: number;
  chainsRight: number;
}

/**
 * Attributions: a match needs overlapping source spans and overlapping cue spans. Nested chains (gold chains of two or
 * more) are scored apart: same length, each element overlapping its gold element in order.
 */
export function scoreAttributions(doc: GoldDoc, out: Pick<Extraction, "attributions" | "sentences">, misses?: Miss[]): AttributionScore {
  const gold: GoldAttribution[] = doc.attributions ?? [];
  const sys = out.attributions;
  const used = new Set<number>();
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  let chainsGold = 0;
  let chainsRight = 0;
  // Required gold first, so an optional item never takes the system attribution a required one needs.
  const order = [...gold.filter((g) => !g.optional), ...gold.filter((g) => g.optional)];
  for (const g of order) {
    const hit = sys.findIndex((s, i) => !used.has(i) && overlaps(s.source, g.source) && overlaps(s.cue, g.cue));
    const nested = g.chain.length > 1;
    if (nested && !g.optional) chainsGold++;
    if (hit === -1) {
      if (g.optional) continue;
      counts.fn++;
      const sameSource = sys.find((s) => overlaps(s.source, g.source));
      const sameCue = sys.find((s) => overlaps(s.cue, g.cue));
      misses?.push({
        doc: doc.id,
        what:
          `attribution ${quote(g.source.text)} + ${quote(g.cue.text)}: ` +
          (sameSource
            ? `system has that source with cue ${quote(sameSource.cue.text)}`
            : sameCue
              ? `system has that cue with source ${quote(sameCue.source.text)}`
              : "missed"),
      });
      continue;
    }
    used.add(hit);
    if (g.optional) continue;
    counts.tp++;
    if (nested) {
      const s = sys[hit];
      const spans = chainSpans(doc.text, s, out.sentences[s.sentence]);
      const right = spans.length === g.chain.length && g.chain.every((el, i) => spans[i] !== null && overlaps(spans[i] as Span, el));
      if (right) chainsRight++;
      else {
        misses?.push({
          doc: doc.id,
          what: `chain of ${quote(g.source.text)}: gold [${g.chain.map((c) => c.text).join(" → ")}], system [${s.chain.map((c) => c.text).join(" → ")}]`,
        });
      }
    }
  }
  sys.forEach((s, i) => {
    if (used.has(i)) return;
    counts.fp++;
    misses?.push({ doc: doc.id, what: `attribution ${quote(s.source.text)} + ${quote(s.cue.text)}: spurious` });
  });
  return { counts, chainsGold, chainsRight };
}

/** A gold event and the factuality the system gave it (null when no system event overlaps its trigger). */
export interface FactualityPair {
  gold: string;
  system: string | null;
}

/** The system event for a gold trigger: the one overlapping it most, the earliest on a tie. */
function matchEvent(g: GoldSpan, events: Pick<EventMention, "trigger" | "factuality">[]) {
  let best: (typeof events)[number] | null = null;
  let bestOverlap = 0;
  for (const e of events) {
    const o = Math.min(e.trigger.end, g.end) - Math.max(e.trigger.start, g.start);
    if (o > bestOverlap) {
      bestOverlap = o;
      best = e;
    }
  }
  return best;
}

/** Pairs every gold event with the system's factuality for it, listing the wrong and the missed. */
export function pairEvents(doc: string, gold: GoldEvent[], events: Pick<EventMention, "trigger" | "factuality">[], misses?: Miss[]): FactualityPair[] {
  return gold.map((g) => {
    const hit = matchEvent(g.trigger, events);
    const system = hit ? hit.factuality : null;
    if (system !== g.factuality) {
      misses?.push({
        doc,
        what: `event ${quote(g.trigger.text)}@${g.trigger.start}: gold ${g.factuality}, ${system === null ? "no system event" : `system ${system}`}`,
      });
    }
    return { gold: g.factuality, system };
  });
}

export interface FactualityScore {
  accuracy: number;
  macroF1: number;
  /** Share of gold events that some system event overlaps. */
  found: number;
  n: number;
  perLabel: Record<string, Prf & { gold: number; system: number }>;
}

/** Accuracy over gold mentions (unmatched = wrong) and macro-F1 over the labels present in gold or system. */
export function scoreFactuality(pairs: FactualityPair[]): FactualityScore {
  const labels = new Set<string>();
  for (const p of pairs) {
    labels.add(p.gold);
    if (p.system !== null) labels.add(p.system);
  }
  const perLabel: FactualityScore["perLabel"] = {};
  let sum = 0;
  for (const label of [...labels].sort()) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const p of pairs) {
      if (p.gold === label && p.system === label) c.tp++;
      else {
        if (p.system === label) c.fp++;
        if (p.gold === label) c.fn++;
      }
    }
    const s = prf(c);
    perLabel[label] = { ...s, gold: c.tp + c.fn, system: c.tp + c.fp };
    sum += s.f1;
  }
  const right = pairs.filter((p) => p.gold === p.system).length;
  return {
    accuracy: pairs.length === 0 ? 0 : right / pairs.length,
    macroF1: labels.size === 0 ? 0 : sum / labels.size,
    found: pairs.length === 0 ? 0 : pairs.filter((p) => p.system !== null).length / pairs.length,
    n: pairs.length,
    perLabel,
  };
}
