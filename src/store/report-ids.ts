// A report's id as the store keeps it. The linker gives a report its article's id and its event's ("17d967619f5d1b67:e9");
// a report names its article by number (`reports.seq`) and its event, so such an id is not kept again: `reports.id` is
// empty, and reads work the id out from the article and the event. Any other id (as a test or a former store may hold)
// is kept as it is. Event ids hold no colon, so an id of that form splits at its last colon into article and event.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "./schema.js";

/** What `reports.id` keeps for a report: empty when the id is its article's and its event's, else the id. */
export function keptReportId(id: string, articleId: string, eventId: string | null): string {
  return eventId !== null && !eventId.includes(":") && id === `${articleId}:${eventId}` ? "" : id;
}

// The empty id written out, not bound: the index of kept ids holds those that are not empty, and the engine uses it
// only when the query says so in words it can check.
const NONE = sql.lit("");

/** The id of each report row, in a query that joins the report's article as `articles`. */
export const reportIdOf = sql<string>`case when reports.id = '' then articles.id || ':' || reports.event_id else reports.id end`;

// The article and event an id of the linker's form names, or null.
function split(id: string): { article: string; event: string } | null {
  const colon = id.lastIndexOf(":");
  return colon < 0 ? null : { article: id.slice(0, colon), event: id.slice(colon + 1) };
}

/** The report row whose id is `id`: one keeping it, else the one of its article and event keeping none. */
export function reportIdIs(eb: ExpressionBuilder<Database, "reports">, id: string): Expression<SqlBool> {
  const kept = eb.and([eb("reports.id", "=", id), eb("reports.id", "<>", NONE)]);
  const named = split(id);
  if (!named) return kept;
  const derived = eb.and([
    eb("reports.seq", "=", eb.selectFrom("articles").select("articles.seq").where("articles.id", "=", named.article)),
    eb("reports.event_id", "=", named.event),
    eb("reports.id", "=", NONE),
  ]);
  return eb.or([kept, derived]);
}

/**
 * Rows among which are the reports whose ids are `ids` (a chunk at most), each through an index: those keeping one of
 * the ids, and every report keeping none in the articles the ids name. Keep the rows whose `reportIdOf` is one of `ids`.
 */
export function reportIdCandidates(eb: ExpressionBuilder<Database, "reports">, ids: readonly string[]): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  const kept = eb.and([eb("reports.id", "in", [...ids]), eb("reports.id", "<>", NONE)]);
  const articles = [...new Set(ids.map(split).filter((n) => n !== null).map((n) => n.article))];
  if (articles.length === 0) return kept;
  const derived = eb.and([eb("reports.seq", "in", eb.selectFrom("articles").select("articles.seq").where("articles.id", "in", articles)), eb("reports.id", "=", NONE)]);
  return eb.or([kept, derived]);
}
