// Ingest benchmark: ~1,000 generated articles of ~600 words into a fresh SQLite file, against extract() alone on the same articles.
// Also exports the seeded article generator the store tests use.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One generated article: header fields and body. */
export interface GeneratedArticle {
  id: string;
  title: string;
  outlet: string;
  date: string;
  text: string;
}

/** A small fast PRNG (mulberry32) so corpora are identical for the same seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  "U.S. President Donald Trump",
  "North Korean leader Kim Jong Un",
  "South Korean President Lee Jae Myung",
  "Secretary of State Marco Rubio",
  "Chinese President Xi Jinping",
  "Russian President Vladimir Putin",
  "Kim Yo Jong",
  "a senior White House official",
  "two diplomats in Seoul",
  "the Foreign Ministry in Pyongyang",
  "officials in Tokyo",
  "a spokesperson for the Pentagon",
  "analysts at a Seoul think tank",
  "the unification ministry",
  "a former negotiator",
  "lawmakers in Washington",
  "the Japanese prime minister",
  "a regional security expert",
];
const SOURCES = ["CNN", "Reuters", "Yonhap", "the Associated Press", "NK News", "Kyodo", "the BBC", "Bloomberg", "KCNA"];
const CUES = ["said", "told reporters", "stated", "claimed", "suggested", "warned", "insisted", "noted", "confirmed", "denied", "argued", "hinted"];
const PLACES = [
  "Pyongyang", "Seoul", "Washington", "Panmunjom", "Gyeongju", "Singapore", "Hanoi", "Beijing", "Moscow", "Tokyo",
  "Busan", "Vladivostok", "Ulaanbaatar", "Geneva", "Stockholm", "Jakarta", "Manila", "Kaesong", "Wonsan", "Incheon",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TOPICS = [
  "denuclearization", "sanctions relief", "family reunions", "a peace declaration", "missile tests", "troop levels",
  "food aid", "border security", "nuclear inspections", "energy supplies", "fishing rights", "prisoner releases",
  "a liaison office", "the armistice", "satellite launches", "cyber attacks", "shipping routes", "tariffs",
];
const ADJECTIVES = ["quiet", "preliminary", "working-level", "informal", "tense", "cordial", "brief", "lengthy", "secret", "public", "cautious", "unexpected"];
const OUTLETS = ["Korea Daily Wire", "Pacific Herald", "Capital Ledger", "Harbor Times", "Northern Star", "Evening Courier", "Asia Desk", "Global Dispatch"];
const NOUNS = ["talks", "summit", "meeting", "letter", "visit", "proposal", "statement", "offer", "deadline", "channel"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function time(r: () => number, year: number): string {
  switch (Math.floor(r() * 6)) {
    case 0:
      return `on ${pick(r, WEEKDAYS)}`;
    case 1:
      return `in ${pick(r, MONTHS)}`;
    case 2:
      return `on ${pick(r, MONTHS)} ${1 + Math.floor(r() * 28)}, ${year}`;
    case 3:
      return pick(r, ["last week", "next month", "later this fall", "earlier this year", "this weekend", "in the coming days"]);
    case 4:
      return `before the ${pick(r, ["APEC summit", "party congress", "election", "holiday", "harvest"])}`;
    default:
      return `${2 + Math.floor(r() * 9)} days ago`;
  }
}

function clause(r: () => number, year: number): string {
  const a = pick(r, ACTORS);
  const b = pick(r, ACTORS);
  switch (Math.floor(r() * 10)) {
    case 0:
      return `${a} would meet ${b} in ${pick(r, PLACES)} ${time(r, year)}`;
    case 1:
      return `${a} had sent a ${pick(r, ADJECTIVES)} letter to ${b} ${time(r, year)}`;
    case 2:
      return `${pick(r, ADJECTIVES)} talks on ${pick(r, TOPICS)} could resume in ${pick(r, PLACES)} ${time(r, year)}`;
    case 3:
      return `${a} rejected any ${pick(r, ["demand", "request", "precondition"])} for ${pick(r, TOPICS)}`;
    case 4:
      return `${2 + Math.floor(r() * 40)} missiles were launched near ${pick(r, PLACES)} ${time(r, year)}`;
    case 5:
      return `joint drills near ${pick(r, PLACES)} may be ${pick(r, ["scaled back", "postponed", "expanded", "cancelled"])} if ${a} agrees to ${pick(r, TOPICS)}`;
    case 6:
      return `sanctions on ${pick(r, ["coal", "oil", "textiles", "seafood", "banking", "shipping"])} would stay until ${a} moves on ${pick(r, TOPICS)}`;
    case 7:
      return `the ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} between ${a} and ${b} lasted ${1 + Math.floor(r() * 11)} hours`;
    case 8:
      return `${a} was open to a ${pick(r, NOUNS)} on condition that ${b} drops ${pick(r, TOPICS)}`;
    default:
      return `no ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} with ${a} has been ${pick(r, ["confirmed", "scheduled", "announced", "ruled out"])} ${time(r, year)}`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(r: () => number, year: number): string {
  const c = clause(r, year);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `${cap(pick(r, ACTORS))} ${pick(r, CUES)} ${time(r, year)} that ${c}.`;
    case 1:
      return `${cap(c)}, according to ${pick(r, SOURCES)}.`;
    case 2:
      return `According to ${pick(r, ACTORS)}, ${c}.`;
    case 3:
      return `${cap(pick(r, ACTORS))} ${pick(r, CUES)} that ${c}, citing ${pick(r, SOURCES)} reports.`;
    case 4:
      return `“${cap(c)},” ${pick(r, ACTORS)} ${pick(r, CUES)}.`;
    default:
      return `${cap(c)} ${time(r, year)}.`;
  }
}

/** One article of roughly `words` words, from its own seed. */
export function generateArticle(seed: number, words = 600): GeneratedArticle {
  const r = rng(seed);
  const year = 2018 + Math.floor(r() * 8);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const place = pick(r, PLACES).toUpperCase();
  const outlet = pick(r, OUTLETS);
  const paragraphs: string[] = [];
  let count = 0;
  let para: string[] = [];
  while (count < words) {
    const s = sentence(r, year);
    para.push(s);
    count += s.split(/\s+/).length;
    if (para.length >= 3 + Math.floor(r() * 3)) {
      paragraphs.push(para.join(" "));
      para = [];
    }
  }
  if (para.length) paragraphs.push(para.join(" "));
  paragraphs[0] = `${place} (${outlet}) — ${paragraphs[0]}`;
  const title = cap(clause(r, year));
  return { id: `gen-${seed}`, title, outlet, date, text: paragraphs.join("\n\n") + "\n" };
}

/** `n` articles from consecutive seeds starting at `seed`. */
export function generateCorpus(n: number, seed = 1, words = 600): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < n; i++) out.push(generateArticle(seed + i, words));
  return out;
}

/** The article as a text file with a header block, the way `bellwether ingest` reads it. */
export function asTextFile(a: GeneratedArticle): string {
  return `Title: ${a.title}\nOutlet: ${a.outlet}\nDate: ${a.date}\n\n${a.text}`;
}

/** Writes each article to DIR/NNNN.txt (zero-padded so folder order is generation order). */
export function writeCorpus(dir: string, articles: GeneratedArticle[]): void {
  mkdirSync(dir, { recursive: true });
  articles.forEach((a, i) => writeFileSync(join(dir, `${String(i).padStart(5, "0")}.txt`), asTextFile(a)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  // The compiled build, as `bellwether ingest` runs it (`npm run bench` builds first); its worker threads load it too.
  const { extract } = await import("../dist/extract/index.js");
  const { loadInputs } = await import("../dist/ingest/index.js");
  const { ingestInputs } = await import("../dist/app/ingest.js");
  const { openStore } = await import("../dist/store/index.js");
  const { defaultReaderThreads } = await import("../dist/app/reader-pool.js");
  const n = Number(process.env.BENCH_ARTICLES ?? 1000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), "bellwether-bench-ingest-"));
  try {
    const corpus = generateCorpus(n, 20_251_018);
    const folder = join(dir, "corpus");
    writeCorpus(folder, corpus);
    const words = corpus.reduce((s, a) => s + a.text.split(/\s+/).length, 0) / n;
    const docs = [];
    for await (const r of loadInputs([folder])) if (r.ok) docs.push(r.doc.article);
    // Warm up the tokenizer model and lexicons so no side pays the one-off load.
    extract(docs[0]);

    const ingestRate = async (name: string, opts: { link?: () => Promise<void>; readerThreads?: number } = {}): Promise<number> => {
      const store = await openStore({ path: join(dir, `${name}.db`) });
      const t = performance.now();
      const summary = await ingestInputs(store, [folder], opts);
      const seconds = (performance.now() - t) / 1000;
      await store.close();
      if (summary.new + summary.near_duplicate !== n || summary.failed.length) {
        throw new Error(`expected ${n} stored articles, got ${JSON.stringify({ ...summary, failed: summary.failed.length })}`);
      }
      return n / seconds;
    };

    const rates = { extract: [] as number[], store: [] as number[], single: [] as number[], full: [] as number[] };
    const load = [loadavg()[0]];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      for (const d of docs) extract(d);
      rates.extract.push(docs.length / ((performance.now() - t) / 1000));
      // The store's own cost: load, hash, read, near-duplicate lookup and the writes, without claims and origins.
      rates.store.push(await ingestRate(`store-${run}`, { link: async () => {} }));
      // Everything `bellwether ingest` does, on one thread.
      rates.single.push(await ingestRate(`single-${run}`, { readerThreads: 0 }));
      // What `bellwether ingest` does by default: the same, with documents read on worker threads meanwhile.
      rates.full.push(await ingestRate(`full-${run}`));
    }
    load.push(loadavg()[0]);
    const ex = median(rates.extract);
    const st = median(rates.store);
    const single = median(rates.single);
    const full = median(rates.full);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
    console.log(`ingest benchmark: ${n} generated articles of ${words.toFixed(0)} words on average, median of ${runs} runs`);
    console.log(`  (1-minute load average ${load.map((l) => l.toFixed(1)).join(" → ")} on ${cpus().length} cores; ${defaultReaderThreads()} reader thread(s) by default)`);
    console.log(`  extract() alone, one thread (baseline):   ${ex.toFixed(1)} articles/s  [${fmt(rates.extract)}]`);
    console.log(`  ingest without claims and origins:        ${st.toFixed(1)} articles/s  [${fmt(rates.store)}]`);
    console.log(`  bellwether ingest --threads 0:            ${single.toFixed(1)} articles/s  [${fmt(rates.single)}]`);
    console.log(`  bellwether ingest (store + linking):      ${full.toFixed(1)} articles/s  [${fmt(rates.full)}]`);
    console.log(`  --threads 0 / extract: ${(single / ex).toFixed(2)}`);
    console.log(`  full / extract:        ${(full / ex).toFixed(2)}`);
    console.log(`  target ≥ 100 articles/s for ingest: ${full >= 100 ? "met" : "NOT met"}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
