// Routes for the ways out of the ledger and the feeds: exports, briefs, followed feeds and raised alerts.
import { readAlerts } from "../../app/alerts.js";
import { EXPORTS, ExportError, runExport, type ExportFormat, type ExportKind } from "../../app/export.js";
import { readFeeds } from "../../app/feeds.js";
import { briefHtml, briefMarkdown, buildBrief, BriefNotFound } from "../../app/report.js";
import { badRequest, notFound } from "./errors.js";
import type { RouteDef } from "./routes.js";

const DATE = "^\\d{4}-\\d{2}-\\d{2}$";
const id = { type: "string", minLength: 1, maxLength: 200, pattern: "^[^/\\s]+$" } as const;

// The server's own address, for links in briefs.
function baseOf(req: { protocol: string; headers: Record<string, unknown> }): string {
  const host = typeof req.headers.host === "string" && /^[\w.:[\]-]+$/.test(req.headers.host) ? req.headers.host : "127.0.0.1";
  return `${req.protocol}://${host}`;
}

/** The routes, appended to the API's route table. */
export const wayOutRoutes: RouteDef[] = [
  {
    method: "GET",
    url: "/api/export/:what",
    returns: "array",
    summary: "Claims, reports or questions as CSV or JSON; events (claims) as GDELT 2.0 event rows with format=gdelt",
    tags: ["export"],
    schema: {
      params: { type: "object", required: ["what"], additionalProperties: false, properties: { what: { type: "string", enum: [...EXPORTS] } } },
      querystring: {
        type: "object",
        additionalProperties: false,
        properties: { format: { type: "string", enum: ["csv", "json", "gdelt"] }, story: id, as_of: { type: "string", pattern: DATE } },
      },
    },
    responses: {},
    handler: async (req, reply, ctx) => {
      const { what } = req.params as { what: ExportKind };
      const q = req.query as { format?: ExportFormat; story?: string; as_of?: string };
      const format = q.format ?? (what === "events" ? "gdelt" : "json");
      try {
        const out = await runExport(ctx.store, what, format, { story: q.story, asOf: q.as_of ?? ctx.today() });
        reply.type(out.type);
        if (format !== "json") reply.header("content-disposition", `attachment; filename="bellwether-${what}.${format === "gdelt" ? "tsv" : format}"`);
        return out.text;
      } catch (err) {
        if (err instanceof ExportError) throw badRequest(`querystring.format: ${err.message}`);
        throw err;
      }
    },
  },
  {
    method: "GET",
    url: "/api/report",
    returns: "object",
    summary: "The brief on a story or a question (JSON model, Markdown or HTML); every line carries its sources",
    tags: ["export"],
    schema: {
      querystring: {
        type: "object",
        additionalProperties: false,
        properties: { story: id, question: id, since: { type: "string", pattern: DATE }, as_of: { type: "string", pattern: DATE }, format: { type: "string", enum: ["json", "md", "html"] } },
      },
    },
    responses: { 404: "no such story or question" },
    handler: async (req, reply, ctx) => {
      const q = req.query as { story?: string; question?: string; since?: string; as_of?: string; format?: string };
      if (!q.story === !q.question) throw badRequest("querystring: give either story or question");
      try {
        const brief = await buildBrief(ctx.store, { story: q.story, question: q.question, since: q.since, asOf: q.as_of ?? ctx.today(), baseUrl: baseOf(req), record: false });
        if (q.format === "md") return reply.type("text/markdown; charset=utf-8").send(briefMarkdown(brief));
        if (q.format === "html") return reply.type("text/html; charset=utf-8").send(briefHtml(brief));
        return brief;
      } catch (err) {
        if (err instanceof BriefNotFound) throw notFound(q.question ? "question" : "story", (q.question ?? q.story)!);
        throw err;
      }
    },
  },
  {
    method: "GET",
    url: "/api/feeds",
    returns: "array",
    summary: "The followed feeds with their last poll, last error and item counts",
    tags: ["feeds"],
    responses: {},
    handler: async (_req, _reply, ctx) => readFeeds(ctx.store),
  },
  {
    method: "GET",
    url: "/api/alerts",
    returns: "array",
    summary: "The latest alerts raised, newest first, each with its evidence (also as Atom at /alerts.xml)",
    tags: ["feeds"],
    schema: { querystring: { type: "object", additionalProperties: false, properties: { limit: { type: "integer", minimum: 1, maximum: 500 } } } },
    responses: {},
    handler: async (req, _reply, ctx) => readAlerts(ctx.store, (req.query as { limit?: number }).limit ?? 100),
  },
];
