// Compares a store holding the demo corpus with the demo's gold ledger (data/demo/gold.yaml): which gold claims the
// ledger found, how many of their reports, how many independent origins, and the status at the gold dates.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { readClaims } from "../../src/app/ledger.js";
import type { ClaimView, Executor } from "../../src/store/index.js";
import { resolveName } from "../../src/extract/gazetteer.js";
import { articleIdsByInput } from "../../src/store/linking.js";

export interface GoldClaim {
  key: string;
  type: string;
  participants: string[];
  polarity: "+" | "-";
  event_date: string;
  reports: { article: string; trigger: string }[];
  reports_count: number;
  origins_count: number;
  status: { at: string; status: string }[];
}

export interface ClaimComparison {
  key: string;
  type: string;
  found: string | null;
  goldReports: number;
  /** Gold report articles that the matched claim has a report from. */
  reportsFound: number;
  systemReports: number;
  goldOrigins: number;
  systemOrigins: number;
  /** Gold status checkpoints the matched claim agrees with. */
  statusAgree: number;
  statusTotal: number;
}

export function readGold(path: string): GoldClaim[] {
  return parse(readFileSync(path, "utf8")) as GoldClaim[];
}

function statusAt(claim: ClaimView, at: string): string | null {
  let s: string | null = null;
  for (const h of claim.status_history) if (h.at.slice(0, 10) <= at) s = h.status;
  return s;
}

/** Matches each gold claim to the system claim of the same type, polarity and participants that shares most report articles. */
export async function compareLedger(db: Executor, gold: GoldClaim[]): Promise<ClaimComparison[]> {
  const claims = await readClaims(db);
  const idOf = await articleIdsByInput(db);
  const articleId = (file: string) => {
    for (const [input, id] of idOf) if (input.endsWith(`/${file}`)) return id;
    return null;
  };
  return gold.map((g) => {
    const participants = g.participants.map((p) => resolveName(p, g.event_date)?.id ?? p);
    const goldArticles = new Set(g.reports.map((r) => articleId(r.article)).filter((a): a is string => !!a));
    let best: ClaimView | null = null;
    let bestShared = 0;
    for (const c of claims) {
      if (c.type !== g.type || c.polarity !== g.polarity) continue;
      const ids = c.participants.map((p) => p.id);
      if (!participants.every((p) => ids.includes(p))) continue;
      const shared = new Set(c.reports.map((r) => r.article).filter((a) => goldArticles.has(a))).size;
      if (shared > bestShared) {
        best = c;
        bestShared = shared;
      }
    }
    const statusAgree = best ? g.status.filter((s) => statusAt(best!, s.at) === s.status).length : 0;
    return {
      key: g.key,
      type: g.type,
      found: best?.id ?? null,
      goldReports: g.reports_count,
      reportsFound: bestShared,
      systemReports: best?.reports.length ?? 0,
      goldOrigins: g.origins_count,
      systemOrigins: best?.origins.length ?? 0,
      statusAgree,
      statusTotal: g.status.length,
    };
  });
}
