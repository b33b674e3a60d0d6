// Every API route in one table: method, path, schema and a thin handler (parse → call the app → shape).
import type { FastifyReply, FastifyRequest } from "fastify";
import { isCalendarDate } from "../../domain/calendar.js";
import { readArticleLedger } from "../../app/article-page.js";
import { extractText, ingestArticle, loadSubmission, readArticle, readArticles } from "../../app/articles.js";
import { readClaimPage } from "../../app/claim-page.js";
import type { ReaderPool } from "../../app/reader-pool.js";
import { readEntities, readEntity, readPositions } from "../../app/entities.js";
import { glossary } from "../../app/glossary.js";
import type { SubmissionIngest } from "../../app/api-ingest.js";
import { ReadsBusy, type SnapshotReads } from "../../app/derived.js";
import { previewText } from "../../app/preview.js";
import { timeAlonePath } from "../../app/question-page.js";
import { addQuestion, showQuestion } from "../../app/questions.js";
import { computeRead, keepRead, noneMatchHits, type ReadRequest } from "../../app/snapshot-reads.js";
import { readStoryPage } from "../../app/story-page.js";
import { QuestionError } from "../../forecast/question.js";
import type { ClaimStatus, Store } from "../../store/index.js";
import { getQuestion } from "../../store/questions.js";
import { pathRange, type RangeAsked } from "../../app/question-range.js";
import { HttpError, badRequest, notFound } from "./errors.js";
import * as S from "./schemas.js";
import { wayOutRoutes } from "./ways-out.js";

/** What a handler needs besides the request. */
export interface RouteContext {
  store: Store;
  /** Today's date, YYYY-MM-DD; injectable so tests and replays are reproducible. */
  today: () => string;
  /** Whether write routes need the bearer token. */
  writesNeedToken: boolean;
  /** Reads submitted articles off the main thread, each within a time budget. */
  readers?: ReaderPool;
  /** Stores submitted articles (read off the main thread) and asks for stories and forecasts to follow. */
  submissions?: SubmissionIngest;
  /** The dearest reads, kept per store version and worked out off the main thread; without it, worked out here. */
  reads?: SnapshotReads;
  /** Tells the kept reads that this server changed what they show (a question added). */
  changed?: () => void;
}

/** One route: enough to register it with Fastify and to describe it in the OpenAPI document. */
export interface RouteDef {
  method: "GET" | "POST";
  url: string;
  summary: string;
  tags: string[];
  /** Write routes need the bearer token when the server has one. */
  write?: boolean;
  schema?: { params?: object; querystring?: object; body?: object };
  /** Media type of the request body, for the OpenAPI document. */
  bodyType?: string;
  /** The JSON shape of a 200 answer. */
  returns: "array" | "object";
  /** Status codes this route answers with besides 200 (and 400 for bad input). */
  responses: Record<number, string>;
  handler: (req: FastifyRequest, reply: FastifyReply, ctx: RouteContext) => Promise<unknown>;
}

type Params = { id: string };

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) throw badRequest(`querystring.${name} is not a calendar date`);
}

// Answers of takesGzip for the Accept-Encoding values seen lately: clients send one of a few values, on every request.
const gzipTaken = new Map<string, boolean>();

// Whether a request's Accept-Encoding takes gzip (named, or through "*", with a weight above 0).
function takesGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const key = String(header);
  let takes = gzipTaken.get(key);
  if (takes === undefined) {
    takes = parseTakesGzip(key);
    if (gzipTaken.size >= 64) gzipTaken.clear();
    if (key.length <= 256) gzipTaken.set(key, takes);
  }
  return takes;
}

function parseTakesGzip(header: string): boolean {
  for (const part of String(header).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name.trim() !== "gzip" && name.trim() !== "*") continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  }
  return false;
}

// Answers with a kept read: its JSON text as worked out (gzipped for a client that takes it), its total in
// X-Total-Count for a paged list, and its entity tag; a client that names the tag in If-None-Match already has the
// answer and is told so (304) without it. Clients are asked to check again before they use an answer they kept
// (no-cache), as it changes with every write.
async function keptRead(ctx: RouteContext, httpReq: FastifyRequest, reply: FastifyReply, req: ReadRequest): Promise<string | Buffer | FastifyReply> {
  let r;
  try {
    r = ctx.reads ? await ctx.reads.get(req) : keepRead(await computeRead(ctx.store, req));
  } catch (err) {
    if (!(err instanceof ReadsBusy)) throw err;
    reply.header("retry-after", "1");
    throw new HttpError(503, err.message);
  }
  if (r.status === 404 && "id" in req) throw notFound("question", req.id);
  if (r.status === 400) throw badRequest(r.problem ?? "the request is not valid");
  if (r.total !== undefined) reply.header("x-total-count", String(r.total));
  reply.status(r.status).type("application/json; charset=utf-8");
  reply.header("vary", "accept-encoding");
  if (r.etag) {
    reply.header("etag", r.etag);
    reply.header("cache-control", "no-cache");
    if (noneMatchHits(httpReq.headers["if-none-match"], r.etag)) return reply.status(304).send();
  }
  if (r.gzip && takesGzip(httpReq.headers["accept-encoding"])) {
    reply.header("content-encoding", "gzip");
    return r.gzip;
  }
  return r.body;
}

/** The routes, in the order the OpenAPI document lists them. */
export const routes: RouteDef[] = [
  {
    method: "GET",
    url: "/api/stories",
    returns: "array",
    summary: "Stories, newest activity first, with their article and claim ids, every claim their articles report, their outlet count and leading claim, a page at a time (limit, default 20; offset; the total in X-Total-Count)",
    tags: ["ledger"],
    schema: { querystring: S.storiesQuery },
    responses: {},
    handler: async (req, reply, ctx) => {
      const q = req.query as { limit?: number; offset?: number };
      return keptRead(ctx, req, reply, { kind: "stories", limit: q.limit ?? S.STORY_PAGE, offset: q.offset ?? 0 });
    },
  },
  {
    method: "GET",
    url: "/api/stories/:id",
    returns: "object",
    summary: "One story: its articles, every claim they report (ranked by independent origins, then newest activity), its coverage and the titles of the other stories its claims are filed under",
    tags: ["ledger"],
    schema: { params: S.idParams },
    responses: { 404: "no such story" },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as Params;
      const story = await readStoryPage(ctx.store.db, id);
      if (!story) throw notFound("story", id);
      return story;
    },
  },
  {
    method: "GET",
    url: "/api/claims",
    returns: "array",
    summary: "Claims with reports, origins and status history (all, one story's, or of one status), a page at a time (limit, offset; the total in X-Total-Count)",
    tags: ["ledger"],
    schema: { querystring: S.claimsQuery },
    responses: {},
    handler: async (req, reply, ctx) => {
      const q = req.query as { story?: string; status?: ClaimStatus; limit?: number; offset?: number };
      return keptRead(ctx, req, reply, { kind: "claims", ...(q.story === undefined ? {} : { story: q.story }), ...(q.status === undefined ? {} : { status: q.status }), limit: q.limit ?? S.MAX_PAGE, offset: q.offset ?? 0 });
    },
  },
  {
    method: "GET",
    url: "/api/claims/:id",
    returns: "object",
    summary: "One claim; each report carries its sentence in context and the trigger's place in it, each status step why it happened, and the stories and questions it touches",
    tags: ["ledger"],
    schema: { params: S.idParams },
    responses: { 404: "no such claim" },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as Params;
      const claim = await readClaimPage(ctx.store.db, id);
      if (!claim) throw notFound("claim", id);
      return claim;
    },
  },
  {
    method: "GET",
    url: "/api/articles",
    returns: "array",
    summary: "Articles in publication order",
    tags: ["articles"],
    schema: { querystring: S.articlesQuery },
    responses: {},
    handler: async (req, _reply, ctx) => {
      const q = req.query as { story?: string; limit?: number; offset?: number };
      return readArticles(ctx.store.db, { storyId: q.story, limit: q.limit ?? 200, offset: q.offset });
    },
  },
  {
    method: "GET",
    url: "/api/articles/:id",
    returns: "object",
    summary: "One article with its full reading (sentences, entities, times, attributions, events) and its place in the ledger: the claims it reports, its stories and the questions it moved",
    tags: ["articles"],
    schema: { params: S.idParams },
    responses: { 404: "no such article" },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as Params;
      const article = await readArticle(ctx.store.db, id);
      if (!article) throw notFound("article", id);
      return { ...article, ledger: await readArticleLedger(ctx.store.db, id) };
    },
  },
  {
    method: "POST",
    url: "/api/articles",
    returns: "object",
    summary: "Ingest one article: JSON {text, title?, outlet?, date?, url?}, or {url} alone to fetch the page",
    tags: ["articles"],
    write: true,
    schema: { body: S.articleBody },
    bodyType: "application/json",
    responses: { 201: "stored (new or near-duplicate)", 401: "token missing or wrong", 413: "body too large", 422: "the article could not be read" },
    handler: async (req, reply, ctx) => {
      const body = req.body as Parameters<typeof ingestArticle>[1];
      const result = ctx.submissions ? await ctx.submissions.ingest(await loadSubmission(body)) : await ingestArticle(ctx.store, body, { readers: ctx.readers });
      if (result.outcome === "failed") throw new HttpError(422, result.error ?? "the article could not be read");
      reply.status(result.outcome === "duplicate" ? 200 : 201);
      return result;
    },
  },
  {
    method: "POST",
    url: "/api/extract",
    returns: "object",
    summary: "Read one text without storing it: entities, times, attributions, events with factuality",
    tags: ["articles"],
    write: true,
    schema: { body: S.extractBody },
    bodyType: "application/json",
    responses: { 401: "token missing or wrong", 413: "body too large" },
    handler: async (req) => extractText(req.body as { text: string; date?: string; title?: string; outlet?: string }),
  },
  {
    method: "GET",
    url: "/api/questions",
    returns: "object",
    summary: "Every question with its probability and status, scores of resolved ones, and calibration",
    tags: ["questions"],
    responses: {},
    handler: async (req, reply, ctx) => keptRead(ctx, req, reply, { kind: "questions" }),
  },
  {
    method: "GET",
    url: "/api/questions/:id",
    returns: "object",
    summary: "One question with its update log; each update carries its signed contribution in points, its plain-words explanation and the sentences behind it; with the scores of the prior-only baseline",
    tags: ["questions"],
    schema: { params: S.idParams, querystring: S.questionQuery },
    responses: { 404: "no such question" },
    handler: async (req, reply, ctx) => {
      const { id } = req.params as Params;
      const { as_of } = req.query as { as_of?: string };
      checkDate("as_of", as_of);
      return keptRead(ctx, req, reply, { kind: "question", id, ...(as_of === undefined ? {} : { asOf: as_of }) });
    },
  },
  {
    method: "GET",
    url: "/api/questions/:id/replay",
    returns: "array",
    summary: "The probability on each date from `from` (default: opens) to `to` (default: the deadline or today, whichever is first, or the day the question settled if later)",
    tags: ["questions"],
    schema: { params: S.idParams, querystring: S.replayQuery },
    responses: { 404: "no such question" },
    handler: async (req, reply, ctx) => {
      const { id } = req.params as Params;
      const { from, to, step } = req.query as { from?: string; to?: string; step?: string };
      // The question is read, and the range checked against it, where the path is worked out.
      return keptRead(ctx, req, reply, { kind: "replay", id, range: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), ...(step === undefined ? {} : { step }) }, today: ctx.today() });
    },
  },
  {
    method: "GET",
    url: "/api/questions/:id/time-alone",
    returns: "array",
    summary: "The probability on each date had no report been read: the prior lowered by time passing only, over the same days as the replay",
    tags: ["questions"],
    schema: { params: S.idParams, querystring: S.replayQuery },
    responses: { 404: "no such question" },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as Params;
      const stored = await getQuestion(ctx.store.db, id);
      if (!stored) throw notFound("question", id);
      const range = pathRange(stored, req.query as RangeAsked, ctx.today());
      if ("problem" in range) throw badRequest(range.problem);
      const { from, to } = range;
      const points = await timeAlonePath(ctx.store.db, id, from, to);
      if (!points) throw notFound("question", id);
      return points;
    },
  },
  {
    method: "POST",
    url: "/api/questions",
    returns: "object",
    summary: "Add (or replace) a question from its YAML definition",
    tags: ["questions"],
    write: true,
    schema: { body: S.questionBody },
    bodyType: "application/yaml",
    responses: { 201: "stored and computed", 401: "token missing or wrong", 413: "body too large", 415: "not YAML" },
    handler: async (req, reply, ctx) => {
      try {
        const q = await addQuestion(ctx.store, req.body as string, "request", ctx.today());
        ctx.changed?.();
        reply.status(201);
        return await showQuestion(ctx.store, q.id);
      } catch (err) {
        if (err instanceof QuestionError) throw badRequest(err.problems.join("; "));
        throw err;
      }
    },
  },
  {
    method: "GET",
    url: "/api/entities",
    returns: "array",
    summary: "Entities in the store, most mentioned first",
    tags: ["entities"],
    schema: { querystring: S.entitiesQuery },
    responses: {},
    handler: async (req, _reply, ctx) => readEntities(ctx.store.db, req.query as { type?: string; limit?: number }),
  },
  {
    method: "GET",
    url: "/api/entities/:id",
    returns: "object",
    summary: "What an entity has said (attributions it is the source of) and what has been said about it (claims it takes part in)",
    tags: ["entities"],
    schema: { params: S.idParams },
    responses: { 404: "no such entity" },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as Params;
      const entity = await readEntity(ctx.store.db, id);
      if (!entity) throw notFound("entity", id);
      return entity;
    },
  },
  {
    method: "GET",
    url: "/api/positions",
    returns: "object",
    summary: "Actor × issue table of stated positions",
    tags: ["entities"],
    schema: { querystring: S.positionsQuery },
    responses: {},
    handler: async (req, _reply, ctx) => readPositions(ctx.store.db, { minStatements: (req.query as { min?: number }).min }),
  },
  {
    method: "GET",
    url: "/api/search",
    returns: "object",
    summary: "Entities, claims and articles matching every word of the query (full-text, ranked), one page of them and the total",
    tags: ["search"],
    schema: { querystring: S.searchQuery },
    responses: {},
    handler: async (req, reply, ctx) => {
      const { q, limit, offset } = req.query as { q: string; limit?: number; offset?: number };
      const query = q.trim();
      if (!query) throw badRequest("querystring.q must not be blank");
      return keptRead(ctx, req, reply, { kind: "search", q: query, limit: limit ?? 25, offset: offset ?? 0 });
    },
  },
  {
    method: "GET",
    url: "/api/glossary",
    returns: "object",
    summary: "Every term of the ledger and the odds engine with a one-line definition, grouped",
    tags: ["ledger"],
    responses: {},
    handler: async () => glossary(),
  },
  {
    method: "GET",
    url: "/api/access",
    returns: "object",
    summary: "Whether write routes need the bearer token",
    tags: ["ledger"],
    responses: {},
    handler: async (_req, _reply, ctx) => ({ token_required: ctx.writesNeedToken }),
  },
  {
    method: "POST",
    url: "/api/preview",
    returns: "object",
    summary: "Read one text without storing it and tell what it would do: the stored claims it supports or contradicts, the claims it would start, and how it would move each question",
    tags: ["articles"],
    write: true,
    schema: { body: S.extractBody },
    bodyType: "application/json",
    responses: { 401: "token missing or wrong", 413: "body too large" },
    handler: async (req, _reply, ctx) => previewText(ctx.store.db, req.body as { text: string; date?: string; title?: string; outlet?: string }, ctx.today()),
  },
  ...wayOutRoutes,
];

