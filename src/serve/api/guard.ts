// The server's web-safety layer, in front of every route: writes only in their real content types, requests only for a
// host this server answers to and from a page of its own origin, a share of the server per client (429 past it), work
// dropped for a client that left, and bounds on paging, ranges and dates in the query.
import { isIP } from "node:net";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { checkCalendarDate } from "../../domain/calendar.js";
import { HttpError } from "./errors.js";

/** How strict the guard is; every field has a default fit for one person's server. */
export interface GuardOptions {
  /** Host names the server answers to besides loopback names and IP literals (its public name, if any). */
  publicHosts?: string[];
  /** Requests one client may have in progress at once. */
  maxConcurrent?: number;
  /** Requests one client may make per second, on average. */
  ratePerSecond?: number;
  /** Requests one client may make at once above its rate, after a quiet spell. */
  burst?: number;
}

/** The guard's defaults. */
export const GUARD_DEFAULTS = { maxConcurrent: 32, ratePerSecond: 100, burst: 200 } as const;

/** Media types a write may carry; a browser sends none of them across origins without asking the server first. */
export const WRITE_TYPES = new Set(["application/json", "application/yaml", "application/x-yaml"]);

/** The largest `limit` and `offset` a list route is asked for. */
export const MAX_LIMIT = 1000;
export const MAX_OFFSET = 100_000;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for host names and addresses that only this machine can reach. */
export function isLoopbackName(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h.startsWith("::ffff:127.");
  return false;
}

/** The host name of a Host header or an origin's authority, without port or brackets; null when malformed. */
function hostName(authority: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(authority.trim());
  return m ? m[1].replace(/^\[|\]$/g, "").toLowerCase() : null;
}

/**
 * Installs the guard on a server, before its routes. A name the server does not know is refused because a page that
 * rebinds its own name to this address can otherwise read the API; an address written as digits cannot be rebound.
 */
export function installGuard(app: FastifyInstance, opts: GuardOptions = {}): void {
  const known = new Set((opts.publicHosts ?? []).map((h) => h.toLowerCase()));
  const hostAllowed = (name: string | null) => name !== null && (isLoopbackName(name) || isIP(name) !== 0 || known.has(name));
  // Requests counted in a client's share, until they are answered or abandoned.
  const counted = new WeakSet<FastifyRequest>();
  const limits = new ClientLimits(opts.maxConcurrent ?? GUARD_DEFAULTS.maxConcurrent, opts.ratePerSecond ?? GUARD_DEFAULTS.ratePerSecond, opts.burst ?? GUARD_DEFAULTS.burst);

  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const host = hostName(String(req.headers.host ?? ""));
    if (!hostAllowed(host)) throw new HttpError(421, `this server does not answer to the host ${JSON.stringify(req.headers.host ?? "")}`);
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const from = /^https?:\/\/([^/]+)$/i.exec(origin);
      const name = from ? hostName(from[1]) : null;
      // A page of another origin may link here, but may not write or read through a visitor's browser.
      if (!name || !(name === host || hostAllowed(name))) throw new HttpError(403, `requests from pages of ${origin} are refused`);
    }
    if (!SAFE_METHODS.has(req.method)) {
      const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      if (!WRITE_TYPES.has(type)) throw new HttpError(415, `a write must be sent as application/json or application/yaml, not ${type || "no type"}`);
    }
    const client = req.ip;
    const refused = limits.enter(client);
    if (refused) {
      reply.header("retry-after", String(refused));
      throw new HttpError(429, `too many requests from ${client}; try again in ${refused} s`);
    }
    counted.add(req);
  });
  const leave = async (req: FastifyRequest) => {
    if (counted.delete(req)) limits.leave(req.ip);
  };
  app.addHook("onResponse", leave);
  app.addHook("onRequestAbort", leave);

  // A client that went away while its request waited is not worked for.
  app.addHook("preHandler", async (req) => {
    if (req.raw.socket?.destroyed) throw new HttpError(499, "the client closed the request");
    checkQuery(req.url, req.query);
    checkBody(req.body);
  });
}

/** Refuses paging past the bounds and dates that are not calendar days within the ledger's range, naming the field. */
function checkQuery(url: string, query: unknown): void {
  if (!url.startsWith("/api/") || !query || typeof query !== "object") return;
  const q = query as Record<string, unknown>;
  const bound = (name: string, max: number) => {
    const v = q[name];
    if (v === undefined) return;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isSafeInteger(n) || n < 0 || n > max) throw new HttpError(400, `querystring.${name} must be a whole number from 0 to ${max}, got ${JSON.stringify(v)}`);
  };
  bound("limit", MAX_LIMIT);
  bound("offset", MAX_OFFSET);
  for (const name of ["from", "to", "as_of"]) {
    const v = q[name];
    if (v === undefined) continue;
    const problem = checkCalendarDate(String(v));
    if (problem) throw new HttpError(400, `querystring.${name}: ${problem}`);
  }
}

/** Refuses a JSON body whose `date` is not a calendar day within the ledger's range. */
function checkBody(body: unknown): void {
  if (!body || typeof body !== "object" || Array.isArray(body)) return;
  const date = (body as Record<string, unknown>).date;
  if (typeof date !== "string") return;
  const problem = checkCalendarDate(date);
  if (problem) throw new HttpError(400, `body.date: ${problem}`);
}

/** Each client's requests in progress and its token bucket. */
class ClientLimits {
  private readonly clients = new Map<string, { active: number; tokens: number; at: number }>();

  constructor(
    private readonly maxConcurrent: number,
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  /** Counts a request in, or says in how many seconds to come back. */
  enter(client: string): number | null {
    const now = performance.now();
    let c = this.clients.get(client);
    if (!c) {
      if (this.clients.size > 10_000) this.forgetIdle(now);
      c = { active: 0, tokens: this.burst, at: now };
      this.clients.set(client, c);
    }
    c.tokens = Math.min(this.burst, c.tokens + ((now - c.at) / 1000) * this.rate);
    c.at = now;
    if (c.active >= this.maxConcurrent) return 1;
    if (c.tokens < 1) return Math.max(1, Math.ceil((1 - c.tokens) / this.rate));
    c.tokens -= 1;
    c.active++;
    return null;
  }

  leave(client: string): void {
    const c = this.clients.get(client);
    if (c && c.active > 0) c.active--;
  }

  private forgetIdle(now: number): void {
    for (const [k, c] of this.clients) if (c.active === 0 && now - c.at > 60_000) this.clients.delete(k);
  }
}
