// Where an article sits in the ledger: the claims it reports (with the sentence of each report), the stories it belongs
// to, and the questions its reports moved.
import type { Executor } from "../store/index.js";
import { claimIdsReportedIn, storiesOfArticle } from "../store/index.js";
import { questionsMoved, type QuestionMoved } from "./claim-page.js";
import { readClaims } from "./ledger.js";

/** An article's place in the ledger. */
export interface ArticleLedger {
  claims: Array<{
    id: string;
    statement: string;
    stage: string;
    status: string;
    origins: number;
    /** This article's reports of the claim: the sentence index, trigger, stance and certainty of each. */
    reports: Array<{ id: string; sentence: number; trigger: string; stance: string; factuality: string; background: boolean }>;
  }>;
  stories: Array<{ id: string; title: string }>;
  questions: QuestionMoved[];
}

/** The claims, stories and questions one article touches. */
export async function readArticleLedger(db: Executor, articleId: string): Promise<ArticleLedger> {
  // Only the claims this article reports are read, and only the stories it belongs to.
  const [claims, stories] = await Promise.all([claimIdsReportedIn(db, [articleId]).then((ids) => readClaims(db, { ids })), storiesOfArticle(db, articleId)]);
  const mine: ArticleLedger["claims"] = [];
  const reportIds = new Set<string>();
  for (const c of claims) {
    const own = c.reports.filter((r) => r.article === articleId);
    if (own.length === 0) continue;
    for (const r of own) reportIds.add(r.id);
    mine.push({
      id: c.id,
      statement: c.statement,
      stage: c.stage,
      status: c.status,
      origins: c.origins.length,
      reports: own.map((r) => ({ id: r.id, sentence: r.sentence, trigger: r.trigger, stance: r.stance, factuality: r.factuality, background: r.background })),
    });
  }
  mine.sort((a, b) => Math.min(...a.reports.map((r) => r.sentence)) - Math.min(...b.reports.map((r) => r.sentence)));
  return {
    claims: mine,
    stories,
    questions: await questionsMoved(db, (u) => u.reports.some((r) => reportIds.has(r))),
  };
}
