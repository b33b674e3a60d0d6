// The HTTP server: the API routes, their OpenAPI document, the token guard on writes, and the built web UI with its fallback.
import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { alertsAtom, readAlerts } from "../../app/alerts.js";
import { pageExists } from "../../app/pages.js";
import { today as utcToday } from "../../app/questions.js";
import type { Store } from "../../store/index.js";
import { HttpError, errorHandler } from "./errors.js";
import { installGuard, isLoopbackName, type GuardOptions } from "./guard.js";
import { openApiDocument } from "./openapi.js";
import { ReaderPool } from "../../app/reader-pool.js";
import { HTML_BUDGET_MS } from "../../ingest/html-reader.js";
import { routes, type RouteContext } from "./routes.js";
import { SubmissionIngest } from "../../app/api-ingest.js";
import { DerivedRefresher, SnapshotReads, type ReadLag, type RefreshTiming } from "../../app/derived.js";

/** How the server is built. */
export interface ServerOptions {
  store: Store;
  /** Bearer token that write routes require; null leaves them open (allowed on loopback only). */
  token?: string | null;
  /** Folder of the built web UI (index.html and assets); null or missing serves the API alone. */
  webRoot?: string | null;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  /** Fastify's logger setting. */
  logger?: boolean | object;
  today?: () => string;
  /** The server's public address for links in the alert feed; by default the address the request came to. */
  baseUrl?: string | null;
  /** Per-client limits and the public host names the server answers to (the base URL's is added). */
  guard?: GuardOptions;
  /** Longest a submitted article may take to read, in milliseconds. */
  readBudgetMs?: number;
  /** How soon after submissions stories and forecasts are brought up to date. */
  refreshTiming?: RefreshTiming;
}

const derivedWork = new WeakMap<FastifyInstance, DerivedRefresher>();
const keptReads = new WeakMap<FastifyInstance, SnapshotReads>();

/**
 * Resolves once the stories, forecasts and kept reads of a server built here follow every article submitted to it so
 * far (they are brought up to date shortly after a burst of submissions).
 */
export async function derivedSettled(app: FastifyInstance): Promise<void> {
  await derivedWork.get(app)?.settled();
}

/**
 * How far behind the store the kept reads of a server built here answered since the last call (each answer is at most
 * one renewal behind; an up-to-date one counts 0 ms).
 */
export function keptReadLag(app: FastifyInstance): ReadLag | undefined {
  return keptReads.get(app)?.lag();
}

/** Default largest request body: enough for a long article, small enough to refuse abuse. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** True for host names and addresses that only this machine can reach. */
export const isLoopback = isLoopbackName;

function tokenMatches(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1].trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Builds (but does not start) the server over an open store. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
  });
  const token = opts.token ?? null;
  // Readings come packed, to be handed to the storing thread as they are (see SubmissionIngest).
  const readers = new ReaderPool(1, { budgetMs: opts.readBudgetMs ?? HTML_BUDGET_MS, packed: true });
  const today = opts.today ?? utcToday;
  // The dearest reads are kept per store version; stories and forecasts follow submissions once per burst, after which
  // the reads asked for lately are worked out again.
  const reads = new SnapshotReads(opts.store);
  const derived = new DerivedRefresher(opts.store, today, async (askedAt) => {
    reads.refreshed();
    await reads.renew(askedAt);
  }, opts.refreshTiming);
  const submissions = new SubmissionIngest(opts.store, readers, () => {
    derived.schedule();
  });
  derivedWork.set(app, derived);
  keptReads.set(app, reads);
  app.addHook("onClose", async () => {
    await submissions.close();
    await derived.close();
    await reads.close();
    await readers.close();
  });
  const ctx: RouteContext = { store: opts.store, today, writesNeedToken: token !== null, readers, submissions, reads, changed: () => reads.changed() };

  app.setErrorHandler(errorHandler);
  const publicHost = opts.baseUrl && URL.canParse(opts.baseUrl) ? new URL(opts.baseUrl).hostname : undefined;
  installGuard(app, { ...opts.guard, publicHosts: [...(opts.guard?.publicHosts ?? []), ...(publicHost ? [publicHost] : [])] });
  // The UI loads only its own scripts and styles; nothing it shows can pull in or run anything else.
  // A callback hook rather than an async one: it runs for every answer, and costs no promise that way.
  app.addHook("onSend", (_req, reply, payload, done) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    const type = String(reply.getHeader("content-type") ?? "");
    if (type.startsWith("text/html")) {
      reply.header("content-security-policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }
    done(null, payload);
  });
  // Question definitions are posted as YAML text.
  app.addContentTypeParser(["application/yaml", "application/x-yaml"], { parseAs: "string" }, (_req, body, done) => done(null, body));

  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      schema: r.schema,
      // Runs before body validation, so an unauthenticated or mistyped request is refused for that, not for its fields;
      // only on the routes it checks (writes), so a read is not held up by it.
      ...(r.write || r.bodyType === "application/yaml"
        ? {
            preValidation: async (req: FastifyRequest) => {
              if (r.write && token !== null && !tokenMatches(req, token)) throw new HttpError(401, "this route needs an Authorization: Bearer token");
              if (r.bodyType === "application/yaml" && typeof req.body !== "string") throw new HttpError(415, "send the question as YAML (Content-Type: application/yaml)");
            },
          }
        : {}),
      handler: (req, reply) => r.handler(req, reply, ctx),
    });
  }
  const doc = openApiDocument(routes, { guarded: token !== null });
  app.get("/api/openapi.json", async () => doc);
  // Alerts as an Atom feed, for the feed reader the user already follows things in.
  app.get("/alerts.xml", async (req, reply) => {
    const host = typeof req.headers.host === "string" && /^[\w.:[\]-]+$/.test(req.headers.host) ? req.headers.host : "127.0.0.1";
    const base = opts.baseUrl?.replace(/\/+$/, "") ?? `${req.protocol}://${host}`;
    reply.type("application/atom+xml; charset=utf-8");
    return alertsAtom(await readAlerts(opts.store, 100), base);
  });

  const webRoot = opts.webRoot && existsSync(`${opts.webRoot}/index.html`) ? resolve(opts.webRoot) : null;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split("?")[0];
    // Pages of the UI are served its index page, which draws them; a path naming no page (an unknown route, or a
    // claim, story … that is not stored) gets the same page, which says so, with a 404. Unknown API paths stay JSON.
    if (webRoot && req.method === "GET" && !path.startsWith("/api/") && path !== "/api" && !/\.[a-z0-9]+$/i.test(path)) {
      const found = await pageExists(opts.store.db, path);
      return reply.status(found ? 200 : 404).type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({ error: "not_found", message: `no route ${req.method} ${path}`, statusCode: 404 });
  });
  return app;
}
