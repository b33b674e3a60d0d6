// Queries of the claim linker: the stored state of the claims an article touches, outlets of copied articles, entity names.
import type { Factuality, SourceRef, Stance } from "../domain/extraction.js";
import type { ClaimState, ClaimStatus, Stage } from "../domain/ledger.js";
import type { Executor } from "./index.js";
import { reportIdOf } from "./report-ids.js";
import { chunks } from "./rows.js";
import { readSources } from "./sources.js";

/** The stored state of each given stored claim, four queries for all of them. */
export async function claimStates(db: Executor, claimIds: string[]): Promise<Map<string, ClaimState>> {
  const out = new Map<string, ClaimState>();
  for (const ids of chunks([...new Set(claimIds)])) {
    const [claims, reports, origins, history] = await Promise.all([
      db.selectFrom("claims").select(["id", "status", "stage", "statement"]).where("id", "in", ids).execute(),
      db
        .selectFrom("reports")
        .innerJoin("articles", "articles.seq", "reports.seq")
        .leftJoin("outlets", "outlets.id", "articles.outlet_id")
        .select([
          reportIdOf.as("id"),
          "reports.claim_id",
          "articles.id as article_id",
          "articles.published",
          "reports.factuality",
          "reports.stance",
          "reports.background",
          "reports.time",
          "reports.origin_id",
          "articles.near_duplicate_of",
          "articles.credits",
          "outlets.name as outlet",
          "reports.source",
        ])
        .where("reports.claim_id", "in", ids)
        .orderBy(reportIdOf)
        .execute(),
      db.selectFrom("origins").selectAll().where("claim_id", "in", ids).orderBy("id").execute(),
      db.selectFrom("claim_status").select(["claim_id", "status", "stage", "at"]).where("claim_id", "in", ids).orderBy("claim_id").orderBy("seq").execute(),
    ]);
    for (const c of claims) out.set(c.id, { stage: c.stage as Stage, status: c.status as ClaimStatus, statement: c.statement, reports: [], origins: [], history: [] });
    for (const r of reports) {
      out.get(r.claim_id)!.reports.push({
        id: r.id,
        claim_id: r.claim_id,
        article_id: r.article_id,
        outlet: r.outlet ?? null,
        published: r.published,
        near_duplicate_of: r.near_duplicate_of,
        credits: readSources(r.credits),
        factuality: r.factuality as Factuality,
        stance: r.stance as Stance,
        background: r.background === 1,
        source: readSources(r.source),
        time: r.time,
        origin_id: r.origin_id,
      });
    }
    for (const o of origins) out.get(o.claim_id)!.origins.push(o);
    for (const h of history) out.get(h.claim_id)!.history.push({ status: h.status as ClaimStatus, stage: (h.stage ?? "discussed") as Stage, at: h.at });
  }
  return out;
}

/** The outlet name of each given stored article (null when it has none); unknown articles are left out. */
export async function articleOutlets(db: Executor, articleIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom("articles")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select(["articles.id", "outlets.name as name"])
      .where("articles.id", "in", ids)
      .execute();
    for (const r of rows) out.set(r.id, r.name ?? null);
  }
  return out;
}

/** The newest publication date in the store: the ledger's "now", so that reads do not depend on the wall clock. */
export async function latestPublished(db: Executor): Promise<string | null> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.max("published").as("p")).executeTakeFirst();
  return (row?.p as string | null | undefined) ?? null;
}

/** Display names of entities in the order given; an unknown id stands for itself. */
export async function entityNames(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const byId = new Map<string, string>();
  for (const slice of chunks([...new Set(ids)])) {
    for (const r of await db.selectFrom("entities").select(["id", "name"]).where("id", "in", slice).execute()) byId.set(r.id, r.name);
  }
  return ids.map((id) => byId.get(id) ?? id);
}



/** Each stored article's input (file path or "path:line") and id. */
export async function articleIdsByInput(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom("articles").select(["id", "input"]).orderBy("seq").execute();
  return new Map(rows.filter((r) => r.input !== null).map((r) => [r.input!, r.id]));
}

/** The ingest sequence number of the newest stored article (0 for an empty store). */
export async function latestSeq(db: Executor): Promise<number> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
  return Number(row?.seq ?? 0);
}
