// Compares the ledger built from a corpus with its gold happenings (eval/real-patterns/<storyline>/gold.yaml, and the
// demo's data/demo/gold.yaml in the same format): which happenings the ledger found as one claim of exactly their
// parties, how many of their gold reports it joined to that claim, with which stances, how many independent origins it
// counts, and its stage on the gold's days. Reports are matched mention by mention: a gold report is the stored report
// of the event whose trigger covers the gold trigger, so an article that recalls the 2022 summit while reporting the
// 2023 one does not count for the 2022 happening through the 2023 claim.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extract } from "../../src/extract/index.js";
import { ingestInputs } from "../../src/app/ingest.js";
import { readClaims } from "../../src/app/ledger.js";
import { claimFamily, readingsOf } from "../../src/link/02-readings.js";
import { openStore, type ClaimView } from "../../src/store/index.js";
import { articleIdsByInput } from "../../src/store/linking.js";
import { articleBody, type GoldReport, type Storyline } from "./corpus.js";
import { eventFor, goldEntity } from "./real-patterns.js";

export interface HappeningComparison {
  corpus: string;
  id: string;
  type: string;
  /** The system claim taken as the happening, or null. */
  found: string | null;
  goldArticles: number;
  /** Gold report articles one of whose gold reports of the happening the matched claim holds. */
  articlesFound: number;
  goldReports: number;
  /** Gold reports the matched claim holds, with the gold's stance. */
  stancesAgree: number;
  /** Where the gold reports went: held by the matched claim, by another claim, by none, or not read as an event. */
  reportsHeld: number;
  reportsElsewhere: number;
  reportsUnjoined: number;
  reportsUnread: number;
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
    // Where each gold report went: the claim holding the stored report of its event, and that report's stance.
    const placed = new Map<GoldReport, { claim: string; stance: string }>();
    const read = new Set<GoldReport>();
    const byMention = new Map<string, { claim: string; stance: string }>();
    for (const c of claims) for (const r of c.reports) byMention.set(`${r.article}\u0000${r.sentence}\u0000${r.trigger}`, { claim: c.id, stance: r.stance });
    for (const a of story.articles) {
      const article = articleOf.get(a.file);
      if (!article || a.reports.length === 0) continue;
      const doc = articleBody(story, a.file);
      const published = doc.metaDate ?? doc.date ?? null;
      const x = extract({ ...doc, date: published });
      const readings = readingsOf({ ...x, text: x.article.text, outlet: doc.outlet?.trim() || null, published });
      for (const r of a.reports) {
        const e = eventFor(r, x.events);
        if (!e) continue;
        read.add(r);
        const at = byMention.get(`${article}\u0000${e.sentence}\u0000${e.trigger.text}`);
        if (at) {
          placed.set(r, at);
          continue;
        }
        // An article keeps one report per source and stance of a claim: a second mention of it in the same voice is
        // in the claim through the first, the one claim of its type and parties holding the article's report so told.
        const reading = readings.find((g) => g.mention.id === e.id);
        if (!reading) continue;
        const holders = claims.filter((c) => c.type === reading.type && reading.parties.every((p) => c.participants.some((q) => q.id === p)) && c.reports.some((s) => s.article === article && s.stance === reading.stance));
        if (holders.length === 1) placed.set(r, { claim: holders[0].id, stance: reading.stance });
      }
    }
    return story.happenings.map((h) => {
      const date = h.when?.slice(0, 10) ?? null;
      const parties = [...new Set(h.participants.map((p) => goldEntity(p, date)))].sort();
      const family = claimFamily(h.type) ?? h.type;
      const reports = story.articles.flatMap((a) => a.reports.filter((r) => r.happening === h.id).map((r) => ({ ...r, article: articleOf.get(a.file) ?? null, placed: placed.get(r) ?? null, read: read.has(r) })));
      const goldArticles = new Set(reports.map((r) => r.article).filter((a): a is string => !!a));
      // The happening's claim: of those of its type and exactly its parties, the one holding most of its reports.
      let best: ClaimView | null = null;
      let bestHeld = 0;
      for (const c of claims) {
        if (c.type !== family) continue;
        const ids = c.participants.map((p) => p.id).sort();
        if (ids.join() !== parties.join()) continue;
        const held = reports.filter((r) => r.placed?.claim === c.id).length;
        if (held > bestHeld) {
          best = c;
          bestHeld = held;
        }
      }
      const heldReports = best ? reports.filter((r) => r.placed?.claim === best!.id) : [];
      const stancesAgree = heldReports.filter((r) => r.placed!.stance === r.stance).length;
      const bestShared = new Set(heldReports.map((r) => r.article)).size;
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
        reportsHeld: heldReports.length,
        reportsElsewhere: reports.filter((r) => r.placed && r.placed.claim !== best?.id).length,
        reportsUnjoined: reports.filter((r) => r.read && !r.placed).length,
        reportsUnread: reports.filter((r) => !r.read).length,
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
    held: sum((r) => r.reportsHeld),
    elsewhere: sum((r) => r.reportsElsewhere),
    unjoined: sum((r) => r.reportsUnjoined),
    unread: sum((r) => r.reportsUnread),
    goldReports: sum((r) => r.goldReports),
    originsExact: found.filter((r) => r.systemOrigins === r.goldOrigins).length,
    stages: sum((r) => r.stagesAgree),
    stagesTotal: sum((r) => r.stagesTotal),
  };
}
