// Compares the ledger built from a corpus with its gold happenings (eval/real-patterns/<storyline>/gold.yaml, and the
// demo's data/demo/gold.yaml in the same format): which happenings the ledger found as one claim of exactly their
// parties, how many of their gold reports' articles it joined to that claim, with which stances, how many independent
// origins it counts, and its stage on the gold's days.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestInputs } from "../../src/app/ingest.js";
import { readClaims } from "../../src/app/ledger.js";
import { claimFamily } from "../../src/link/02-readings.js";
import { openStore, type ClaimView } from "../../src/store/index.js";
import { articleIdsByInput } from "../../src/store/linking.js";
import type { Storyline } from "./corpus.js";
import { goldEntity } from "./real-patterns.js";

export interface HappeningComparison {
  corpus: string;
  id: string;
  type: string;
  /** The system claim taken as the happening, or null. */
  found: string | null;
  goldArticles: number;
  /** Gold report articles whose report the matched claim holds. */
  articlesFound: number;
  goldReports: number;
  /** Gold reports whose article the matched claim has a report from with the same stance. */
  stancesAgree: number;
  goldOrigins: number;
  systemOrigins: number;
  stagesAgree: number;
  stagesTotal: number;
}

function stageAt(claim: ClaimView, at: string): string | null {
  let s: string | null = null;
  for (const h of claim.status_history) if (h.at.slice(0, 10) <= at) s = h.stage;
  return s;
}

/** Ingests a storyline's articles into a fresh store and compares its ledger with the storyline's gold. */
export async function compareLedger(story: Storyline): Promise<HappeningComparison[]> {
  const dir = mkdtempSync(join(tmpdir(), "bw-ledger-eval-"));
  const store = await openStore({ path: join(dir, "ledger.db") });
  try {
    await ingestInputs(store, [join(story.dir, "articles")]);
    const claims = await readClaims(store.db);
    const articleOf = new Map<string, string>();
    for (const [input, id] of await articleIdsByInput(store.db)) articleOf.set(input.split("/").pop()!, id);
    return story.happenings.map((h) => {
      const date = h.when?.slice(0, 10) ?? null;
      const parties = [...new Set(h.participants.map((p) => goldEntity(p, date)))].sort();
      const family = claimFamily(h.type) ?? h.type;
      const reports = story.articles.flatMap((a) => a.reports.filter((r) => r.happening === h.id).map((r) => ({ ...r, article: articleOf.get(a.file) ?? null })));
      const goldArticles = new Set(reports.map((r) => r.article).filter((a): a is string => !!a));
      let best: ClaimView | null = null;
      let bestShared = 0;
      for (const c of claims) {
        if (c.type !== family) continue;
        const ids = c.participants.map((p) => p.id).sort();
        if (ids.join() !== parties.join()) continue;
        const shared = new Set(c.reports.map((r) => r.article).filter((a) => goldArticles.has(a))).size;
        if (shared > bestShared) {
          best = c;
          bestShared = shared;
        }
      }
      const stancesAgree = best ? reports.filter((r) => best!.reports.some((s) => s.article === r.article && s.stance === r.stance)).length : 0;
      const stages = h.stages ?? [];
      return {
        corpus: story.id,
        id: h.id,
        type: h.type,
        found: best?.id ?? null,
        goldArticles: goldArticles.size,
        articlesFound: bestShared,
        goldReports: reports.length,
        stancesAgree,
        goldOrigins: new Set(reports.map((r) => r.origin)).size,
        systemOrigins: best?.origins.length ?? 0,
        stagesAgree: best ? stages.filter((s) => stageAt(best!, s.at) === s.stage).length : 0,
        stagesTotal: stages.length,
      };
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Totals over happenings: found, articles, stances, origin counts exact among those found, stages. */
export function totals(rows: HappeningComparison[]) {
  const sum = (f: (r: HappeningComparison) => number) => rows.reduce((s, r) => s + f(r), 0);
  const found = rows.filter((r) => r.found);
  return {
    happenings: rows.length,
    found: found.length,
    articles: sum((r) => r.articlesFound),
    goldArticles: sum((r) => r.goldArticles),
    stances: sum((r) => r.stancesAgree),
    goldReports: sum((r) => r.goldReports),
    originsExact: found.filter((r) => r.systemOrigins === r.goldOrigins).length,
    stages: sum((r) => r.stagesAgree),
    stagesTotal: sum((r) => r.stagesTotal),
  };
}
