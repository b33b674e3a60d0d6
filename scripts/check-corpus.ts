// Checks the real-patterns corpus (eval/real-patterns): every article readable, every gold item placed in its text,
// every name known, every question valid. Prints what it found per storyline and every problem; exit 1 on problems.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseTextDocument } from "../src/ingest/text.js";
import { resolveName } from "../src/extract/gazetteer.js";
import { parseQuestion } from "../src/forecast/question.js";
import { loadCorpus, STANCES } from "./eval/corpus.js";

const root = join(import.meta.dirname, "..", "eval", "real-patterns");
const only = process.argv[2];
let problems = 0;
const problem = (where: string, what: string) => {
  problems++;
  console.log(`  ✗ ${where}: ${what}`);
};

for (const story of loadCorpus(root)) {
  if (only && story.id !== only) continue;
  const extra = new Set<string>();
  const entitiesFile = join(story.dir, "entities.yaml");
  if (existsSync(entitiesFile)) {
    const list = (parseYaml(readFileSync(entitiesFile, "utf8")) ?? []) as { name?: string; aliases?: string[] }[];
    for (const e of list) {
      if (e.name) extra.add(e.name);
      for (const a of e.aliases ?? []) extra.add(a);
    }
  }
  const known = (name: string, date: string) => !!resolveName(name, date) || extra.has(name);
  console.log(`${story.id}: ${story.articles.length} articles, ${story.happenings.length} happenings, ${story.questions.length} questions`);
  for (const p of story.problems) problem(story.id, p);
  const happenings = new Map(story.happenings.map((h) => [h.id, h]));
  for (const h of story.happenings) {
    for (const n of h.participants) if (!known(n, h.when?.slice(0, 10) ?? "2025-01-01")) problem(`happening ${h.id}`, `participant "${n}" is not in the gazetteer nor entities.yaml`);
    if (h.place && !known(h.place, "2025-01-01")) problem(`happening ${h.id}`, `place "${h.place}" is not in the gazetteer nor entities.yaml`);
  }
  const stances = new Map<string, number>();
  let reports = 0;
  let background = 0;
  let credited = 0;
  for (const a of story.articles) {
    const where = a.file;
    if (!a.exists) {
      problem(where, "listed in gold.yaml but no such file in articles/");
      continue;
    }
    const doc = parseTextDocument(readFileSync(join(story.dir, "articles", a.file), "utf8"));
    if (!doc.title || !doc.outlet || !doc.metaDate) problem(where, "header block needs Title, Outlet and Date");
    if (a.credits.length) credited++;
    if (a.near_duplicate_of && !story.articles.some((b) => b.file === a.near_duplicate_of)) problem(where, `near_duplicate_of "${a.near_duplicate_of}" is not an article of the storyline`);
    for (const r of a.reports) {
      reports++;
      const at = `${where} "${r.trigger}" n=${r.n}`;
      if (!r.span) problem(at, "trigger not found at that occurrence in the body");
      if (!STANCES.has(r.stance)) problem(at, `stance "${r.stance}" is not one of ${[...STANCES].join(", ")}`);
      stances.set(r.stance, (stances.get(r.stance) ?? 0) + 1);
      if (r.background) background++;
      const h = happenings.get(r.happening);
      if (!h) problem(at, `happening "${r.happening}" is not listed`);
      for (const n of r.participants) if (!known(n, doc.metaDate ?? "2025-01-01")) problem(at, `participant "${n}" is not in the gazetteer nor entities.yaml`);
      if (r.place && !known(r.place, doc.metaDate ?? "2025-01-01")) problem(at, `place "${r.place}" is not in the gazetteer nor entities.yaml`);
      if (!r.origin) problem(at, "origin missing");
    }
  }
  const files = existsSync(join(story.dir, "articles")) ? readdirSync(join(story.dir, "articles")).filter((f) => f.endsWith(".txt")) : [];
  for (const f of files) if (!story.articles.some((a) => a.file === f)) problem(f, "article file has no entry in gold.yaml");
  for (const q of story.questions) {
    const file = join(story.dir, "questions", `${q.id}.yaml`);
    if (!existsSync(file)) {
      problem(`question ${q.id}`, "no questions/<id>.yaml");
      continue;
    }
    try {
      parseQuestion(readFileSync(file, "utf8"), file, (name, date) => {
        const hit = resolveName(name, date);
        return hit ? { id: hit.id, name: hit.name } : extra.has(name) ? { id: `pending:${name}`, name } : null;
      });
    } catch (err) {
      problem(`question ${q.id}`, (err as Error).message);
    }
    for (const t of q.turning_points) if (!story.articles.some((a) => a.file === t.article)) problem(`question ${q.id}`, `turning point article "${t.article}" is not listed`);
  }
  console.log(`  ${reports} reports; stances ${[...stances].map(([s, n]) => `${s} ${n}`).join(", ")}; background ${background}; articles with credits ${credited}`);
}
console.log(problems ? `${problems} problems` : "no problems");
process.exit(problems ? 1 : 0);
