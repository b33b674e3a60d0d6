// Scores the reading on the real-patterns corpus: each gold report's stance, participants, place and background, the
// source chain presenting it, and each article's agency credits.
import type { EventMention, Extraction, SourceRef } from "../../src/domain/extraction.js";
import { resolveName } from "../../src/extract/gazetteer.js";
import { readingsOf } from "../../src/link/02-readings.js";
import { articleBody, type GoldArticle, type GoldReport, type Storyline } from "./corpus.js";
import { type Miss, overlaps } from "./score.js";

export interface LabelScore {
  gold: number;
  system: number;
  f1: number;
}

export interface RealPatternsScore {
  reports: number;
  found: number;
  stance: { accuracy: number; macroF1: number; perLabel: Record<string, LabelScore>; confusion: Record<string, Record<string, number>> };
  participantsExact: { right: number; n: number };
  place: { right: number; n: number; spurious: number; withGold: number; rightWithGold: number };
  background: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  chains: { right: number; n: number };
  credits: { found: number; gold: number; spurious: number };
  /** Readings of two or more parties the ledger would take that match no gold report: misreadings that become claims. */
  unmatchedReadings: number;
}

/** One article as the scorer reads it: its storyline, gold and extraction. */
export interface ScoredArticle {
  story: Storyline;
  gold: GoldArticle;
  extraction: Extraction | null;
  date: string | null;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/^(?:the|a|an)\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The entity id a gold name stands for on a date: the gazetteer's, else the local id an unknown name gets. */
export function goldEntity(name: string, date: string | null): string {
  const hit = resolveName(name, date);
  return hit ? hit.id : `local:${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
}

/** The system event a gold report is about: the one whose trigger overlaps the gold trigger, nearest start first. */
export function eventFor(r: GoldReport, events: EventMention[]): EventMention | null {
  if (!r.span) return null;
  let best: EventMention | null = null;
  for (const e of events) {
    if (!overlaps(e.trigger, r.span)) continue;
    if (!best || Math.abs(e.trigger.start - r.span.start) < Math.abs(best.trigger.start - r.span.start)) best = e;
  }
  return best;
}

/**
 * A chain element matches the gold one when either as written holds the other once determiners and case are set aside,
 * or when both name the same known entity ("the French presidency" and "Elysee Palace").
 */
function sameSource(a: SourceRef, b: string, date: string | null): boolean {
  const x = norm(a.text);
  const y = norm(b);
  if (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x))) return true;
  const gold = resolveName(b, date)?.id;
  return !!gold && gold === a.entity;
}

export function scoreRealPatterns(articles: ScoredArticle[], misses: Miss[]): RealPatternsScore {
  const labels = new Set<string>();
  const pairs: { gold: string; system: string }[] = [];
  let reports = 0;
  let found = 0;
  const participantsExact = { right: 0, n: 0 };
  const place = { right: 0, n: 0, spurious: 0, withGold: 0, rightWithGold: 0 };
  const bg = { tp: 0, fp: 0, fn: 0 };
  const chains = { right: 0, n: 0 };
  const credits = { found: 0, gold: 0, spurious: 0 };
  let unmatchedReadings = 0;
  for (const a of articles) {
    const doc = `${a.story.id}/${a.gold.file}`.replace(/\.txt$/, "");
    const events = a.extraction?.events ?? [];
    const text = a.extraction?.article.text ?? "";
    if (a.extraction) {
      const told = new Set(a.gold.reports.map((r) => eventFor(r, events)?.id));
      const outlet = articleBody(a.story, a.gold.file).outlet?.trim() || null;
      for (const r of readingsOf({ text, outlet, published: a.date, sentences: a.extraction.sentences, events, entities: a.extraction.entities })) {
        if (r.parties.length >= 2 && !told.has(r.mention.id)) unmatchedReadings++;
      }
    }
    for (const r of a.gold.reports) {
      reports++;
      labels.add(r.stance);
      const e = eventFor(r, events);
      const sentence = e && a.extraction ? a.extraction.sentences[e.sentence] : null;
      const where = sentence ? ` in "${text.slice(sentence.start, sentence.end).replace(/\s+/g, " ").slice(0, 160)}"` : "";
      const trig = `"${r.trigger}"#${r.n}`;
      if (!e) {
        pairs.push({ gold: r.stance, system: "missed" });
        misses.push({ doc, what: `${trig}: no event read (gold ${r.stance})` });
        if (r.background) bg.fn++;
        participantsExact.n++;
        place.n++;
        if (r.place) place.withGold++;
        chains.n++;
        continue;
      }
      found++;
      pairs.push({ gold: r.stance, system: e.stance });
      labels.add(e.stance);
      if (e.stance !== r.stance) misses.push({ doc, what: `${trig}: stance gold ${r.stance}, system ${e.stance}${where}` });
      if (r.background && e.background) bg.tp++;
      else if (r.background) {
        bg.fn++;
        misses.push({ doc, what: `${trig}: background missed${where}` });
      } else if (e.background) {
        bg.fp++;
        misses.push({ doc, what: `${trig}: background spurious${where}` });
      }
      const want = [...new Set(r.participants.map((p) => goldEntity(p, a.date)))].sort();
      const got = [...new Set(e.participants)].sort();
      participantsExact.n++;
      if (want.join(",") === got.join(",")) participantsExact.right++;
      else misses.push({ doc, what: `${trig}: participants gold [${want.join(", ")}], system [${got.join(", ")}]${where}` });
      place.n++;
      const wantPlace = r.place ? goldEntity(r.place, a.date) : null;
      if (wantPlace) place.withGold++;
      if (wantPlace === e.place) {
        place.right++;
        if (wantPlace) place.rightWithGold++;
      } else {
        if (!wantPlace) place.spurious++;
        misses.push({ doc, what: `${trig}: place gold ${wantPlace ?? "none"}, system ${e.place ?? "none"}` });
      }
      chains.n++;
      if (e.source.length === r.chain.length && e.source.every((s, i) => sameSource(s, r.chain[i], a.date))) chains.right++;
      else misses.push({ doc, what: `${trig}: chain gold [${r.chain.join(" > ")}], system [${e.source.map((s) => s.text).join(" > ")}]` });
    }
    const sysCredits = a.extraction?.article.credits ?? [];
    for (const c of a.gold.credits) {
      credits.gold++;
      const id = goldEntity(c, a.date);
      if (sysCredits.some((s) => s.entity === id || sameSource(s, c, a.date))) credits.found++;
      else misses.push({ doc, what: `credit ${c}: missed` });
    }
    for (const s of sysCredits) {
      if (!a.gold.credits.some((c) => s.entity === goldEntity(c, a.date) || sameSource(s, c, a.date))) {
        credits.spurious++;
        misses.push({ doc, what: `credit ${s.text}: spurious` });
      }
    }
  }
  return {
    reports,
    found,
    stance: stanceScores(pairs, [...labels].filter((l) => l !== "missed")),
    participantsExact,
    place,
    background: { ...bg, ...prfOf(bg.tp, bg.fp, bg.fn) },
    chains,
    credits,
    unmatchedReadings,
  };
}

function prfOf(tp: number, fp: number, fn: number) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Accuracy over gold reports (a missed event is wrong) and macro-F1 over the stances the gold uses. */
function stanceScores(pairs: { gold: string; system: string }[], labels: string[]) {
  const perLabel: Record<string, LabelScore> = {};
  const confusion: Record<string, Record<string, number>> = {};
  for (const p of pairs) {
    confusion[p.gold] ??= {};
    confusion[p.gold][p.system] = (confusion[p.gold][p.system] ?? 0) + 1;
  }
  const goldLabels = labels.filter((l) => pairs.some((p) => p.gold === l));
  let sum = 0;
  for (const l of goldLabels) {
    const tp = pairs.filter((p) => p.gold === l && p.system === l).length;
    const gold = pairs.filter((p) => p.gold === l).length;
    const system = pairs.filter((p) => p.system === l).length;
    const { f1 } = prfOf(tp, system - tp, gold - tp);
    perLabel[l] = { gold, system, f1 };
    sum += f1;
  }
  const right = pairs.filter((p) => p.gold === p.system).length;
  return { accuracy: pairs.length ? right / pairs.length : 0, macroF1: goldLabels.length ? sum / goldLabels.length : 0, perLabel, confusion };
}
