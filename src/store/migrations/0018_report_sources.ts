// Reports without the names they repeat: a report's chain is the names of its sources in nearly every report, and its
// root mostly the innermost source's name; those are no longer written again. Each source of a report, and each agency
// an article credits, is kept as a [text, entity] pair (see store/sources). Stored reports and credits are rewritten in
// place; they read the same.
import type { Kysely } from "kysely";
import { packReportSources, packSources, readSources, unpackReportSources } from "../sources.js";
import { eachPage } from "./pages.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Reports rewritten at a time.
const CHUNK = 500;

/** Rewrites the chain, root and source columns of every stored report, and every article's credits. */
export async function up(db: AnyDb): Promise<void> {
  await rewriteReports(db);
  await rewriteCredits(db);
}

async function rewriteCredits(db: AnyDb): Promise<void> {
  const page = (after: number): Promise<{ seq: number; credits: string }[]> =>
    db.selectFrom("articles").select(["seq", "credits"]).where("seq", ">", after).orderBy("seq").limit(CHUNK).execute();
  await eachPage(0, page, (r) => r.seq, async (rows) => {
    for (const r of rows) {
      const packed = packSources(readSources(r.credits));
      if (packed !== r.credits) await db.updateTable("articles").set({ credits: packed }).where("seq", "=", r.seq).execute();
    }
  });
}

async function rewriteReports(db: AnyDb): Promise<void> {
  const page = (after: string): Promise<{ id: string; chain: string; root: string | null; source: string }[]> =>
    db.selectFrom("reports").select(["id", "chain", "root", "source"]).where("id", ">", after).orderBy("id").limit(CHUNK).execute();
  await eachPage("", page, (r) => r.id, async (rows) => {
    for (const r of rows) {
      const { chain, root, source } = unpackReportSources(r);
      const packed = packReportSources(chain, root, source);
      if (packed.chain !== r.chain || packed.root !== r.root || packed.source !== r.source) await db.updateTable("reports").set(packed).where("id", "=", r.id).execute();
    }
  });
}

/** One way: the former layout is not written again (the store reads it still). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0018_report_sources cannot be undone");
}
