// Loads the real-patterns corpus (eval/real-patterns/<storyline>/): articles, gold happenings and reports placed at
// their spans in the article bodies, and question expectations.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseTextDocument } from "../../src/ingest/text.js";
import { nthIndex, type GoldSpan } from "./gold.js";

export const STANCES = new Set(["occurred", "scheduled", "discussed", "wanted", "unplanned", "called_off", "failed", "refused", "unknown"]);

export interface GoldHappening {
  id: string;
  type: string;
  participants: string[];
  place: string | null;
  when: string | null;
  outcome: string;
  summary: string;
  /** The stage a careful reader gives it as of given days. */
  stages: { at: string; stage: string }[];
}

export interface GoldReport {
  trigger: string;
  n: number;
  /** Where the trigger is in the body, or null when the n-th occurrence is not there. */
  span: GoldSpan | null;
  happening: string;
  stance: string;
  background: boolean;
  participants: string[];
  place: string | null;
  time: string | null;
  chain: string[];
  origin: string;
}

export interface GoldArticle {
  file: string;
  exists: boolean;
  credits: string[];
  near_duplicate_of: string | null;
  reports: GoldReport[];
}

export interface TurningPoint {
  article: string;
  direction: "up" | "down" | "none";
  why: string;
}

export interface QuestionExpectation {
  id: string;
  resolution: { outcome: "yes" | "no"; date: string; article: string | null };
  turning_points: TurningPoint[];
}

export interface Storyline {
  id: string;
  dir: string;
  summary: string;
  /**
   * True when the storyline is on one of the topics real coverage judges the work on (gold.yaml `judged_topic: true`):
   * its figures are printed apart, so that they do not stand in for reading text of topics never read.
   */
  judgedTopic: boolean;
  happenings: GoldHappening[];
  articles: GoldArticle[];
  questions: QuestionExpectation[];
  /** Fields of gold.yaml that could not be read. */
  problems: string[];
}

const asDate = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? null : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined ? [] : [String(v)]);

/** Every storyline under `root`, in name order. */
export function loadCorpus(root: string): Storyline[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "gold.yaml")))
    .map((d) => loadStoryline(join(root, d.name), d.name))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** One storyline folder (gold.yaml beside articles/), under the given name. */
export function loadStoryline(dir: string, id: string): Storyline {
  const problems: string[] = [];
  let raw: Record<string, unknown> = {};
  try {
    raw = (parseYaml(readFileSync(join(dir, "gold.yaml"), "utf8"), { schema: "core" }) ?? {}) as Record<string, unknown>;
  } catch (err) {
    problems.push(`gold.yaml is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const happenings = ((raw.happenings ?? []) as Record<string, unknown>[]).map((h) => ({
    id: String(h.id),
    type: String(h.type),
    participants: list(h.participants),
    place: h.place ? String(h.place) : null,
    when: asDate(h.when),
    outcome: String(h.outcome ?? "never"),
    summary: String(h.summary ?? ""),
    stages: ((h.stages ?? []) as Record<string, unknown>[]).map((x) => ({ at: asDate(x.at) ?? "", stage: String(x.stage) })),
  }));
  const articles = ((raw.articles ?? []) as Record<string, unknown>[]).map((a) => {
    const file = String(a.file);
    const path = join(dir, "articles", file);
    const exists = existsSync(path);
    const body = exists ? parseTextDocument(readFileSync(path, "utf8")).text : "";
    const reports = ((a.reports ?? []) as Record<string, unknown>[]).map((r) => {
      const trigger = String(r.trigger);
      const n = Number(r.n ?? 1);
      const at = exists ? nthIndex(body, trigger, n) : -1;
      return {
        trigger,
        n,
        span: at >= 0 ? { start: at, end: at + trigger.length, text: trigger } : null,
        happening: String(r.happening),
        stance: String(r.stance),
        background: r.background === true,
        participants: list(r.participants),
        place: r.place ? String(r.place) : null,
        time: asDate(r.time),
        chain: list(r.chain),
        origin: r.origin ? String(r.origin) : "",
      };
    });
    return { file, exists, credits: list(a.credits), near_duplicate_of: a.near_duplicate_of ? String(a.near_duplicate_of) : null, reports };
  });
  const questions = ((raw.questions ?? []) as Record<string, unknown>[]).map((q) => {
    const res = (q.resolution ?? {}) as Record<string, unknown>;
    return {
      id: String(q.id),
      resolution: { outcome: String(res.outcome) === "yes" ? ("yes" as const) : ("no" as const), date: asDate(res.date) ?? "", article: res.article ? String(res.article) : null },
      turning_points: ((q.turning_points ?? []) as Record<string, unknown>[]).map((t) => ({ article: String(t.article), direction: String(t.direction) as TurningPoint["direction"], why: String(t.why ?? "") })),
    };
  });
  return { id, dir, summary: String(raw.summary ?? ""), judgedTopic: raw.judged_topic === true, happenings, articles, questions, problems };
}

/** The body of an article of a storyline, as ingest reads it. */
export function articleBody(story: Storyline, file: string): ReturnType<typeof parseTextDocument> {
  return parseTextDocument(readFileSync(join(story.dir, "articles", file), "utf8"));
}
