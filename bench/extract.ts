// `npm run bench` (extract part): words per second of `extract --jsonl` in one process, beside tokenization alone.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, closeSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MEANTIME = resolve(ROOT, "..", "shared", "eval", "meantime");
const ARTICLES = 1000;
const WORDS_PER_ARTICLE = 600;
const RUNS = 3;
const TARGET_WORDS_PER_SECOND = 20_000;

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Source texts: the MEANTIME articles when the shared folder is there, else the bundled samples. */
async function sourceTexts(): Promise<{ name: string; texts: string[] }> {
  if (existsSync(MEANTIME)) {
    const texts: string[] = [];
    for (const f of readdirSync(MEANTIME).filter((n) => n.endsWith(".jsonl")).sort()) {
      for (const line of readFileSync(join(MEANTIME, f), "utf8").split("\n")) {
        if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
      }
    }
    return { name: "MEANTIME texts", texts };
  }
  const { loadInputs } = (await import(pathToFileURL(join(ROOT, "dist", "ingest", "index.js")).href)) as typeof import("../src/ingest/index.js");
  const texts: string[] = [];
  for await (const r of loadInputs([join(ROOT, "data", "samples")])) if (r.ok) texts.push(r.doc.article.text);
  return { name: "bundled samples (data/samples)", texts };
}

/** The text cut after the sentence in which it reaches `words` words (the whole text when it is shorter). */
function cutAfterWords(text: string, words: number): string {
  const re = /\S+/g;
  let m: RegExpExecArray | null = null;
  for (let n = 0; n < words && (m = re.exec(text)); n++);
  if (!m) return text;
  const end = text.slice(m.index).search(/[.!?]["\u201d']?(?=\s)|\n/);
  return end === -1 ? text : text.slice(0, m.index + end + 1).trimEnd();
}

/** ~1,000 articles of ~600 words, each made of consecutive source texts joined by blank lines, the last one cut at a sentence. */
function buildCorpus(texts: string[]): { articles: string[]; words: number } {
  const articles: string[] = [];
  let words = 0;
  let next = 0;
  while (articles.length < ARTICLES) {
    const parts: string[] = [];
    let n = 0;
    while (n < WORDS_PER_ARTICLE) {
      const t = cutAfterWords(texts[next++ % texts.length], WORDS_PER_ARTICLE - n);
      parts.push(t);
      n += countWords(t);
    }
    articles.push(parts.join("\n\n"));
    words += n;
  }
  return { articles, words };
}

/** One `extract --jsonl` run over the corpus file: wall seconds, output lines and the child's peak memory. */
function runExtract(
  corpus: string,
): Promise<{ seconds: number; cpuSeconds: number; lines: number; failed: number; maxRssMb: number; status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const input = openSync(corpus, "r");
    const started = process.hrtime.bigint();
    // A preloaded one-liner reports the child's peak resident memory when it exits.
    const report =
      "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxrss '+u.maxRSS+' cpu '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
    const child = spawn(process.execPath, ["--import", report, join(ROOT, "bin", "bellwether.js"), "extract", "--jsonl"], {
      cwd: ROOT,
      stdio: [input, "pipe", "pipe"],
    });
    let lines = 0;
    let failed = 0;
    let stderr = "";
    // Count lines and error objects ({"id", "error"}) without keeping the output.
    let tail = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      const parts = (tail + s).split("\n");
      tail = parts.pop() ?? "";
      lines += parts.length;
      for (const p of parts) if (p.startsWith('{"id"')) failed++;
    });
    child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (status) => {
      closeSync(input);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = /maxrss (\d+) cpu (\d+)/.exec(stderr);
      done({
        seconds,
        cpuSeconds: usage ? Number(usage[2]) / 1e6 : NaN,
        lines,
        failed,
        maxRssMb: usage ? Number(usage[1]) / 1024 : NaN,
        status,
        stderr: stderr.replace(/maxrss \d+ cpu \d+\n/, ""),
      });
    });
  });
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "main.js"))) {
    process.stderr.write("bench: build first (npm run build)\n");
    return 2;
  }
  const source = await sourceTexts();
  const { articles, words } = buildCorpus(source.texts);
  const dir = join(tmpdir(), "bellwether-bench");
  mkdirSync(dir, { recursive: true });
  const corpus = join(dir, "extract-corpus.jsonl");
  writeFileSync(corpus, articles.map((text, i) => JSON.stringify({ id: `bench-${i}`, text, date: "2024-01-15" })).join("\n") + "\n");
  console.log(
    `extract benchmark: ${articles.length} articles, ${words.toLocaleString("en-US")} words (${source.name}), ${RUNS} runs, one process each`,
  );

  // Baseline in this same run: tokenization alone (wink-nlp), in process, over the same texts.
  const { tokenize } = (await import(pathToFileURL(join(ROOT, "dist", "extract", "01-tokens.js")).href)) as typeof import("../src/extract/01-tokens.js");
  tokenize(articles[0]);
  const tokenRates: number[] = [];
  const tokenCpuRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const a of articles) tokenize(a);
    const cpu = process.cpuUsage(c0);
    tokenRates.push(words / (Number(process.hrtime.bigint() - t0) / 1e9));
    tokenCpuRates.push(words / ((cpu.user + cpu.system) / 1e6));
  }

  const rates: number[] = [];
  const cpuRates: number[] = [];
  const memory: number[] = [];
  let failures = 0;
  for (let run = 0; run < RUNS; run++) {
    const r = await runExtract(corpus);
    if (r.lines !== articles.length || (r.status !== 0 && r.failed === 0)) {
      process.stderr.write(`bench: extract --jsonl exited ${r.status} after ${r.lines} of ${articles.length} lines\n${r.stderr.slice(0, 2000)}`);
      return 1;
    }
    rates.push(words / r.seconds);
    cpuRates.push(words / r.cpuSeconds);
    memory.push(r.maxRssMb);
    console.log(
      `  run ${run + 1}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ` +
        `${Math.round(words / r.seconds).toLocaleString("en-US")} words/s wall, peak memory ${r.maxRssMb.toFixed(0)} MB`,
    );
    if (r.failed > 0) {
      failures = r.failed;
      const first = r.stderr.split("\n").slice(0, 3).join("\n");
      console.log(`  WARNING: ${r.failed} of ${articles.length} articles failed to extract, so this rate overstates the extractor:\n  ${first}`);
    }
  }
  const extractRate = median(rates);
  const tokenRate = median(tokenRates);
  const extractCpu = median(cpuRates);
  const tokenCpu = median(tokenCpuRates);
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US").padStart(10);
  const verdict = (x: number) => (x >= TARGET_WORDS_PER_SECOND ? "met" : "below");
  console.log(`                                              words/s wall   words/CPU-s   (medians of ${RUNS})`);
  console.log(`extract --jsonl (whole CLI, incl. start-up)  ${fmt(extractRate)}    ${fmt(extractCpu)}`);
  console.log(`baseline: tokenize() alone, in process       ${fmt(tokenRate)}    ${fmt(tokenCpu)}`);
  console.log(`ratio extract / tokenize                     ${(extractRate / tokenRate).toFixed(3).padStart(10)}    ${(extractCpu / tokenCpu).toFixed(3).padStart(10)}`);
  console.log(
    `target ≥ ${TARGET_WORDS_PER_SECOND.toLocaleString("en-US")} words/s on one core: ${verdict(extractRate)} (wall), ${verdict(extractCpu)} (CPU time of the whole process, GC threads included: the one-core rate even when other jobs share the machine)`,
  );
  console.log(`peak memory of the extract process           ${median(memory).toFixed(0).padStart(10)} MB`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
