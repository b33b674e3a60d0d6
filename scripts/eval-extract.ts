// `npm run eval`: runs the built CLI (`extract --jsonl`) over the dev gold set and MEANTIME and scores it by the contract.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Extraction } from "../src/domain/extraction.js";
import { explicitDates, saidAttributions } from "./eval/baseline.js";
import { articleBody, loadCorpus } from "./eval/corpus.js";
import { type GoldDoc, type GoldProblem, loadDev, loadMeantime } from "./eval/gold.js";
import { type RealPatternsScore, type ScoredArticle, scoreRealPatterns } from "./eval/real-patterns.js";
import {
  type Counts,
  type FactualityPair,
  type Miss,
  addCounts,
  pairEvents,
  prf,
  scoreAttributions,
  scoreFactuality,
  scoreTimes,
} from "./eval/score.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(ROOT, "..", "shared");
const CLI = join(ROOT, "bin", "bellwether.js");

// The targets the figures are read against.
const TARGETS = {
  dev: { timeF1: 0.9, attributionF1: 0.9, factualityAccuracy: 0.85 },
  meantime: { timeF1: 0.8, factualityMacroF1: 0.45 },
  realPatterns: { stanceMacroF1: 0.85, participantsExact: 0.85, backgroundF1: 0.9, chains: 0.9, credits: 0.95 },
};

type Output = Extraction | { id: string | null; error: string };

/** Runs `extract --jsonl` once over all documents; the outputs come back in input order. */
function runCli(docs: Pick<GoldDoc, "id" | "text" | "date">[]): Promise<{ outputs: Output[]; stderr: string; status: number | null; seconds: number }> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, "extract", "--jsonl"], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (status) => {
      const outputs = stdout
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Output);
      done({ outputs, stderr, status, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
    for (const d of docs) child.stdin.write(JSON.stringify({ id: d.id, text: d.text, date: d.date ?? undefined }) + "\n");
    child.stdin.end();
  });
}

interface SetReport {
  docs: number;
  seconds: number;
  failed: string[];
  times: Counts & { precision: number; recall: number; f1: number };
  timesBaseline: { precision: number; recall: number; f1: number };
  attributions?: Counts & { precision: number; recall: number; f1: number };
  attributionsBaseline?: { precision: number; recall: number; f1: number };
  chains?: { right: number; gold: number };
  factuality: ReturnType<typeof scoreFactuality>;
  factualityBaseline: ReturnType<typeof scoreFactuality>;
  misses: Miss[];
}

/** End of the sentence holding the document's last gold annotation (time or event). */
function annotatedUntil(doc: GoldDoc, sentences: { start: number; end: number }[]): number {
  const last = Math.max(0, ...doc.times.map((t) => t.end), ...doc.events.map((e) => e.trigger.end));
  const holder = sentences.find((s) => s.start < last && last <= s.end);
  return holder ? holder.end : last;
}

async function evaluate(docs: GoldDoc[]): Promise<SetReport> {
  const run = await runCli(docs);
  const misses: Miss[] = [];
  const failed: string[] = [];
  let times: Counts = { tp: 0, fp: 0, fn: 0 };
  let timesBase: Counts = { tp: 0, fp: 0, fn: 0 };
  let attrs: Counts = { tp: 0, fp: 0, fn: 0 };
  let attrsBase: Counts = { tp: 0, fp: 0, fn: 0 };
  const chains = { right: 0, gold: 0 };
  const pairs: FactualityPair[] = [];
  const basePairs: FactualityPair[] = [];
  const hasAttributions = docs.some((d) => d.attributions !== null);
  docs.forEach((doc, i) => {
    const out = run.outputs[i];
    const ok = out !== undefined && "schema" in out && out.article.id === doc.id;
    if (!ok) {
      failed.push(`${doc.id}: ${out && "error" in out ? out.error : "no output"}`);
    }
    const ex: Pick<Extraction, "times" | "attributions" | "events" | "sentences"> = ok
      ? (out as Extraction)
      : { times: [], attributions: [], events: [], sentences: [] };
    if (ok && (out as Extraction).article.text !== doc.text) {
      failed.push(`${doc.id}: the CLI changed the text, offsets cannot be compared`);
    }
    // MEANTIME annotates only each article's opening sentences: system times after the last annotated sentence are not scored.
    const until = doc.set === "meantime" ? annotatedUntil(doc, ex.sentences) : Infinity;
    const inScope = <T extends { start: number }>(xs: T[]) => xs.filter((x) => x.start < until);
    times = addCounts(times, scoreTimes(doc.id, doc.times, inScope(ex.times), misses));
    timesBase = addCounts(timesBase, scoreTimes(doc.id, doc.times, inScope(explicitDates(doc.text))));
    if (doc.attributions !== null) {
      const a = scoreAttributions(doc, ex, misses);
      attrs = addCounts(attrs, a.counts);
      chains.right += a.chainsRight;
      chains.gold += a.chainsGold;
      attrsBase = addCounts(attrsBase, scoreAttributions(doc, { attributions: saidAttributions(doc.text), sentences: [] }).counts);
    }
    pairs.push(...pairEvents(doc.id, doc.events, ex.events, misses));
    basePairs.push(...doc.events.map((e) => ({ gold: e.factuality, system: "CT+" })));
  });
  if (run.outputs.length !== docs.length) {
    failed.push(`the CLI printed ${run.outputs.length} lines for ${docs.length} documents (exit ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
  }
  return {
    docs: docs.length,
    seconds: run.seconds,
    failed,
    times: { ...times, ...prf(times) },
    timesBaseline: prf(timesBase),
    ...(hasAttributions
      ? { attributions: { ...attrs, ...prf(attrs) }, attributionsBaseline: prf(attrsBase), chains }
      : {}),
    factuality: scoreFactuality(pairs),
    factualityBaseline: scoreFactuality(basePairs),
    misses,
  };
}

const f3 = (x: number) => x.toFixed(3);
const mark = (value: number, target: number) => (value >= target ? "met" : "below");

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
}

function printSet(name: string, r: SetReport, targets: { timeF1: number; attributionF1?: number; factualityAccuracy?: number; factualityMacroF1?: number }) {
  const widths = [34, 7, 7, 7, 10, 8, 10];
  console.log(`\n== ${name}: ${r.docs} documents, CLI ran in ${r.seconds.toFixed(1)} s ==`);
  console.log(row(["metric", "P", "R", "F1", "target", "status", "baseline"], widths));
  console.log(
    row(
      [`times DATE/TIME (tp ${r.times.tp} fp ${r.times.fp} fn ${r.times.fn})`, f3(r.times.precision), f3(r.times.recall), f3(r.times.f1), `≥ ${targets.timeF1}`, mark(r.times.f1, targets.timeF1), f3(r.timesBaseline.f1)],
      widths,
    ),
  );
  if (r.attributions && r.attributionsBaseline && r.chains && targets.attributionF1 !== undefined) {
    const a = r.attributions;
    console.log(
      row(
        [`attributions (tp ${a.tp} fp ${a.fp} fn ${a.fn})`, f3(a.precision), f3(a.recall), f3(a.f1), `≥ ${targets.attributionF1}`, mark(a.f1, targets.attributionF1), f3(r.attributionsBaseline.f1)],
        widths,
      ),
    );
    console.log(
      row(
        ["nested chains right", "", "", `${r.chains.right}/${r.chains.gold}`, `${r.chains.gold}/${r.chains.gold}`, r.chains.right === r.chains.gold ? "met" : "below", `0/${r.chains.gold}`],
        widths,
      ),
    );
  }
  const fa = r.factuality;
  if (targets.factualityAccuracy !== undefined) {
    console.log(
      row(
        [`factuality accuracy (${fa.n} events)`, "", "", f3(fa.accuracy), `≥ ${targets.factualityAccuracy}`, mark(fa.accuracy, targets.factualityAccuracy), f3(r.factualityBaseline.accuracy)],
        widths,
      ),
    );
    console.log(row(["factuality macro-F1", "", "", f3(fa.macroF1), "", "", f3(r.factualityBaseline.macroF1)], widths));
  } else if (targets.factualityMacroF1 !== undefined) {
    console.log(
      row(
        [`factuality macro-F1 (${fa.n} events)`, "", "", f3(fa.macroF1), `≥ ${targets.factualityMacroF1}`, mark(fa.macroF1, targets.factualityMacroF1), f3(r.factualityBaseline.macroF1)],
        widths,
      ),
    );
    console.log(row(["factuality accuracy", "", "", f3(fa.accuracy), "", "", f3(r.factualityBaseline.accuracy)], widths));
  }
  console.log(row(["gold events found by the system", "", "", f3(fa.found), "", "", ""], widths));
  const labels = Object.entries(fa.perLabel)
    .map(([l, s]) => `${l} F1 ${f3(s.f1)} (gold ${s.gold}, system ${s.system})`)
    .join("; ");
  console.log(`factuality per label: ${labels}`);
  console.log("baseline: times = only dates written out in full; attributions = \"said/says/told\" with the word before as source; factuality = every event CT+.");
  if (r.attributions === undefined) {
    console.log("scope: MEANTIME annotates each article's opening sentences only; times after the sentence of the last gold annotation are not scored.");
  }
  for (const f of r.failed) console.log(`FAILED ${f}`);
}

function printMisses(name: string, misses: Miss[], limit: number) {
  console.log(`\n-- ${name}: ${misses.length} misses and wrong values${misses.length > limit ? ` (first ${limit}; --all for every one)` : ""} --`);
  for (const m of misses.slice(0, limit)) console.log(`${m.doc.padEnd(28)} ${m.what}`);
}

/** The real-patterns corpus through the CLI, each article dated by its header, scored against its gold. */
/** The same scores over the storylines that are not on a topic real coverage judges the work on. */
interface ApartScore {
  stories: number;
  docs: number;
  score: RealPatternsScore;
}

async function evaluateRealPatterns(misses: Miss[]): Promise<(RealPatternsScore & { docs: number; seconds: number; apart: ApartScore }) | null> {
  const stories = loadCorpus(join(ROOT, "eval", "real-patterns"));
  const items: { id: string; text: string; date: string | null; scored: Omit<ScoredArticle, "extraction"> }[] = [];
  for (const story of stories) {
    for (const gold of story.articles) {
      if (!gold.exists) continue;
      const doc = articleBody(story, gold.file);
      items.push({ id: `${story.id}/${gold.file}`, text: doc.text, date: doc.metaDate ?? null, scored: { story, gold, date: doc.metaDate ?? null } });
    }
  }
  if (items.length === 0) return null;
  const run = await runCli(items);
  const scored = items.map((it, i) => {
    const out = run.outputs[i];
    return { ...it.scored, extraction: out && "schema" in out ? out : null };
  });
  const apart = scored.filter((a) => !a.story.judgedTopic);
  return {
    ...scoreRealPatterns(scored, misses),
    docs: items.length,
    seconds: run.seconds,
    apart: { stories: new Set(apart.map((a) => a.story.id)).size, docs: apart.length, score: scoreRealPatterns(apart, []) },
  };
}

function printRealPatterns(r: RealPatternsScore & { docs: number; seconds: number; apart: ApartScore }) {
  const t = TARGETS.realPatterns;
  const widths = [46, 10, 10, 8];
  const pct = (a: number, b: number) => (b === 0 ? 0 : a / b);
  console.log(`\n== real patterns (eval/real-patterns): ${r.docs} articles, ${r.reports} gold reports, CLI ran in ${r.seconds.toFixed(1)} s ==`);
  console.log(row(["metric", "figure", "target", "status"], widths));
  console.log(row([`gold reports with an event read (${r.found}/${r.reports})`, f3(pct(r.found, r.reports)), "", ""], widths));
  console.log(row(["stance accuracy", f3(r.stance.accuracy), "", ""], widths));
  console.log(row(["stance macro-F1", f3(r.stance.macroF1), `≥ ${t.stanceMacroF1}`, mark(r.stance.macroF1, t.stanceMacroF1)], widths));
  const pe = pct(r.participantsExact.right, r.participantsExact.n);
  console.log(row([`participant sets exact (${r.participantsExact.right}/${r.participantsExact.n})`, f3(pe), `≥ ${t.participantsExact}`, mark(pe, t.participantsExact)], widths));
  console.log(row([`place right (${r.place.right}/${r.place.n}; ${r.place.rightWithGold}/${r.place.withGold} named, ${r.place.spurious} spurious)`, f3(pct(r.place.right, r.place.n)), "", ""], widths));
  const b = r.background;
  console.log(row([`background P ${f3(b.precision)} R ${f3(b.recall)} (tp ${b.tp} fp ${b.fp} fn ${b.fn})`, f3(b.f1), `≥ ${t.backgroundF1}`, mark(b.f1, t.backgroundF1)], widths));
  const ch = pct(r.chains.right, r.chains.n);
  console.log(row([`source chains right (${r.chains.right}/${r.chains.n})`, f3(ch), `≥ ${t.chains}`, mark(ch, t.chains)], widths));
  const cr = pct(r.credits.found, r.credits.gold);
  console.log(row([`agency credits found (${r.credits.found}/${r.credits.gold}, ${r.credits.spurious} spurious)`, f3(cr), `≥ ${t.credits}`, mark(cr, t.credits)], widths));
  console.log(`readings of two or more parties matching no gold report (misreadings that become claims): ${r.unmatchedReadings}`);
  const labels = Object.entries(r.stance.perLabel)
    .map(([l, s]) => `${l} ${f3(s.f1)} (gold ${s.gold}, system ${s.system})`)
    .join("; ");
  console.log(`stance F1 per label: ${labels}`);
  console.log("stance confusion (gold → system counts):");
  for (const [g, row2] of Object.entries(r.stance.confusion)) {
    console.log(`  ${g.padEnd(11)} ${Object.entries(row2).sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(", ")}`);
  }
  const a = r.apart.score;
  console.log(
    `apart from the judged topics (${r.apart.stories} storylines, ${r.apart.docs} articles, ${a.reports} gold reports): stance ${f3(a.stance.accuracy)}, macro-F1 ${f3(a.stance.macroF1)}, participant sets ${f3(pct(a.participantsExact.right, a.participantsExact.n))} (${a.participantsExact.right}/${a.participantsExact.n}), place ${f3(pct(a.place.right, a.place.n))}, background ${f3(a.background.f1)}, chains ${f3(pct(a.chains.right, a.chains.n))}`,
  );
}

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const asJson = args.has("--json");
  const limit = args.has("--all") ? Infinity : 150;
  if (!existsSync(join(SHARED, "eval", "dev.yaml"))) {
    process.stderr.write(`eval: the gold sets are not here: expected ${join(SHARED, "eval", "dev.yaml")} (the shared folder next to the repository)\n`);
    return 2;
  }
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "main.js"))) {
    process.stderr.write("eval: the CLI is not built; run `npm run build` (or `npm run eval`, which builds first)\n");
    return 2;
  }
  const problems: GoldProblem[] = [];
  const dev = await evaluate(loadDev(SHARED, problems));
  const meantimeDocs = loadMeantime(SHARED);
  const meantime = meantimeDocs.length > 0 ? await evaluate(meantimeDocs) : null;
  const realMisses: Miss[] = [];
  const real = await evaluateRealPatterns(realMisses);

  if (asJson) {
    const strip = (r: SetReport) => ({ ...r, misses: r.misses.length });
    console.log(JSON.stringify({ targets: TARGETS, dev: strip(dev), meantime: meantime && strip(meantime), realPatterns: real, goldProblems: problems }, null, 2));
  } else {
    printSet("dev (dev.yaml)", dev, TARGETS.dev);
    if (meantime) printSet("MEANTIME (airbus, apple, gm)", meantime, TARGETS.meantime);
    else console.log("\nMEANTIME: not found, skipped");
    if (real) printRealPatterns(real);
    else console.log("\nreal patterns: no corpus under eval/real-patterns, skipped");
    for (const p of problems) console.log(`gold problem: ${p.doc}: ${p.problem}`);
    printMisses("dev", dev.misses, limit);
    if (meantime) printMisses("MEANTIME", meantime.misses, limit);
    if (real) printMisses("real patterns", realMisses, args.has("--all") ? Infinity : 400);
  }
  return dev.failed.length > 0 || (meantime?.failed.length ?? 0) > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
