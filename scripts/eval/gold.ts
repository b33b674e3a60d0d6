// Loads the gold sets (dev.yaml and MEANTIME JSON Lines) and places every gold string at its character span.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

export interface Span {
  start: number;
  end: number;
}
export interface GoldSpan extends Span {
  text: string;
}
export interface GoldTime extends GoldSpan {
  value: string;
  type: string;
  optional: boolean;
}
export interface GoldAttribution {
  source: GoldSpan;
  cue: GoldSpan;
  chain: GoldSpan[];
  optional: boolean;
}
export interface GoldEvent {
  trigger: GoldSpan;
  factuality: string;
}
export interface GoldDoc {
  set: "dev" | "meantime";
  id: string;
  text: string;
  date: string | null;
  times: GoldTime[];
  /** Only the dev set has attribution gold. */
  attributions: GoldAttribution[] | null;
  events: GoldEvent[];
}

/** Where a gold string could not be found in its text. */
export interface GoldProblem {
  doc: string;
  problem: string;
}

/** Start of the n-th (1-based) occurrence of needle in text, substrings included, or -1. */
export function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

/** Characters between two spans (0 when they touch or overlap). */
export function gap(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The occurrence of needle nearest to the anchor span, optionally preferring those that start at or after `after`. */
export function nearest(text: string, needle: string, anchor: Span, within?: Span, after?: number): GoldSpan | null {
  let best: GoldSpan | null = null;
  let bestKey = Infinity;
  const lo = within?.start ?? 0;
  const hi = within?.end ?? text.length;
  for (let at = text.indexOf(needle, lo); at !== -1 && at + needle.length <= hi; at = text.indexOf(needle, at + 1)) {
    const span = { start: at, end: at + needle.length, text: needle };
    // Occurrences before `after` rank behind every occurrence after it.
    const key = gap(span, anchor) + (after !== undefined && at < after ? text.length : 0);
    if (key < bestKey) {
      bestKey = key;
      best = span;
    }
  }
  return best;
}

function at(text: string, needle: string, n: number): GoldSpan | null {
  const i = nthIndex(text, needle, n);
  return i === -1 ? null : { start: i, end: i + needle.length, text: needle };
}

interface DevEntry {
  id: string;
  date?: string | Date;
  text?: string;
  file?: string;
  times?: { text: string; value: string; n?: number; optional?: boolean }[];
  attributions?: { source: string; cue: string; chain?: string[]; n?: number; optional?: boolean }[];
  events?: { trigger: string; n?: number; factuality: string }[];
}

function isoDay(d: string | Date | undefined): string | null {
  if (d === undefined || d === null) return null;
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
}

/** The dev set: texts from `text` or `file` (relative to the shared folder), gold strings placed by `n`. */
export function loadDev(shared: string, problems: GoldProblem[]): GoldDoc[] {
  const entries = parseYaml(readFileSync(join(shared, "eval", "dev.yaml"), "utf8")) as DevEntry[];
  return entries.map((e) => {
    const text = e.text ?? readFileSync(join(shared, e.file as string), "utf8");
    const lost = (what: string) => problems.push({ doc: e.id, problem: `gold ${what} not found in the text` });
    const times: GoldTime[] = [];
    for (const t of e.times ?? []) {
      const span = at(text, t.text, t.n ?? 1);
      if (span) times.push({ ...span, value: String(t.value), type: "DATE", optional: t.optional === true });
      else lost(`time "${t.text}"`);
    }
    const attributions: GoldAttribution[] = [];
    for (const a of e.attributions ?? []) {
      const source = at(text, a.source, a.n ?? 1);
      const cue = source ? nearest(text, a.cue, source) : null;
      if (!source || !cue) {
        lost(`attribution "${a.source}" / "${a.cue}"`);
        continue;
      }
      const chain: GoldSpan[] = [];
      let prev: GoldSpan = source;
      for (const [i, name] of (a.chain ?? [a.source]).entries()) {
        const el = i === 0 && name === a.source ? source : nearest(text, name, prev, undefined, prev.end);
        if (!el) {
          lost(`chain element "${name}"`);
          break;
        }
        chain.push(el);
        prev = el;
      }
      attributions.push({ source, cue, chain, optional: a.optional === true });
    }
    const events: GoldEvent[] = [];
    for (const ev of e.events ?? []) {
      const span = at(text, ev.trigger, ev.n ?? 1);
      if (span) events.push({ trigger: span, factuality: ev.factuality });
      else lost(`event "${ev.trigger}"`);
    }
    return { set: "dev" as const, id: e.id, text, date: isoDay(e.date), times, attributions, events };
  });
}

interface MeantimeLine {
  id: string;
  date?: string;
  text: string;
  times: { start: number; end: number; text: string; type: string; value: string }[];
  events: { start: number; end: number; text: string; factuality: string }[];
}

/** The MEANTIME articles: gold spans are given as offsets already. */
export function loadMeantime(shared: string): GoldDoc[] {
  const dir = join(shared, "eval", "meantime");
  if (!existsSync(dir)) return [];
  const docs: GoldDoc[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const d = JSON.parse(line) as MeantimeLine;
      docs.push({
        set: "meantime",
        id: d.id,
        text: d.text,
        date: d.date ?? null,
        times: d.times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, type: t.type, optional: false })),
        attributions: null,
        events: d.events.map((e) => ({ trigger: { start: e.start, end: e.end, text: e.text }, factuality: e.factuality })),
      });
    }
  }
  return docs;
}
