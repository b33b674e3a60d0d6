// Every HTTP request the project makes goes through here: the address is checked at connect time (the name is resolved
// once, every answer checked, and the connection made to a checked address), each redirect hop is checked again, and
// time, size, redirects and decompressed size are all bounded.
import { readFileSync } from "node:fs";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { lookup as systemLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { pipeline, Transform, type Readable } from "node:stream";
import zlib from "node:zlib";
import { formatBytes } from "../lines.js";
import { isNonPublicAddress } from "./addresses.js";

/** What went wrong with a request, for callers that treat kinds differently (a refused address is not retried). */
export type FetchErrorKind = "bad_url" | "refused" | "resolve" | "network" | "timeout" | "too_large" | "redirects" | "encoding";

/** A request that failed, with a message that names the cause in plain words. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: FetchErrorKind,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/** Resolves a host name to its addresses; injectable so tests can stand in for DNS. */
export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

/** Where a request may go. */
export interface NetPolicy {
  /** Allow loopback, private and other non-public addresses: for tests against local servers and explicit intranet use. */
  allowPrivate?: boolean;
  /** Addresses allowed besides the public internet (tests stand a loopback server in for a public one). */
  allowAddress?: (address: string) => boolean;
  resolve?: Resolver;
}

/** One request: its policy, limits and headers. */
export interface RequestOptions extends NetPolicy {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, redirects and body included. */
  timeoutMs?: number;
  /** Largest body, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Looks at the final response head before its body is read; throwing refuses the body unread. */
  checkHead?: (head: { status: number; statusText: string; headers: IncomingHttpHeaders }) => void;
}

/** A response with its whole body read (decompressed), and the URL it finally came from. */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0";
  }
}

/** The User-Agent every request carries, so site owners can tell who reads them. */
export const USER_AGENT = `bellwether/${version()} (news claim ledger; feed reader; +https://www.npmjs.com/package/bellwether)`;

/** Parses an http(s) URL or throws a FetchError naming what is wrong. */
export function webUrl(input: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new FetchError(`not a web address: ${input}`, "bad_url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(`not a web address (${url.protocol})`, "bad_url");
  if (url.username || url.password) throw new FetchError("web addresses with a user name or password are refused", "bad_url");
  return url;
}

const refused = (host: string) => new FetchError(`refused: ${host} is not a public internet address`, "refused");

/** Resolves a name once and checks every address it gives; a name with any non-public address is refused. */
export async function resolveChecked(host: string, policy: NetPolicy): Promise<Array<{ address: string; family: number }>> {
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = policy.resolve ? await policy.resolve(host) : await systemLookup(host, { all: true, verbatim: true });
  } catch {
    throw new FetchError(`could not fetch: cannot resolve ${host}`, "resolve");
  }
  if (addresses.length === 0) throw new FetchError(`could not fetch: cannot resolve ${host}`, "resolve");
  if (!policy.allowPrivate) {
    const bad = addresses.find((a) => isNonPublicAddress(a.address) && !policy.allowAddress?.(a.address));
    if (bad) throw new FetchError(`refused: ${host} resolves to ${bad.address}, not a public internet address`, "refused");
  }
  return addresses;
}

type LookupCallback = (err: Error | null, address?: string | Array<{ address: string; family: number }>, family?: number) => void;

// The socket's own lookup: the addresses it connects to are exactly the ones checked, so a second answer from DNS
// (rebinding) never reaches the connection.
function checkedLookup(policy: NetPolicy) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    resolveChecked(hostname.replace(/^\[|\]$/g, ""), policy).then(
      (all) => {
        const want = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
        const list = want ? all.filter((a) => a.family === want) : all;
        if (list.length === 0) return callback(new FetchError(`could not fetch: cannot resolve ${hostname}`, "resolve"));
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      },
      (err: Error) => callback(err),
    );
  };
}

function networkError(err: unknown, signal: AbortSignal, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  if (signal.aborted) return new FetchError(`could not fetch: timed out after ${timeoutMs / 1000} s`, "timeout");
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ECONNRESET" || e?.message === "aborted") return new FetchError("could not fetch: the connection closed before the whole page arrived", "network");
  return new FetchError(`could not fetch: ${e?.message ?? String(err)}`, "network");
}

// Sends one request and waits for the response head.
function send(url: URL, opts: RequestOptions, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // A literal address never goes through lookup, so it is checked here.
    if (isIP(host) && !opts.allowPrivate && isNonPublicAddress(host) && !opts.allowAddress?.(host)) return reject(refused(host));
    const mod = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      "accept-encoding": "gzip, deflate, br",
      ...opts.headers,
    };
    const req = mod.request(url, { method: opts.method ?? "GET", headers, lookup: checkedLookup(opts) as never, signal, agent: false }, resolve);
    req.on("error", (err) => reject(networkError(err, signal, timeoutMs)));
    req.end(opts.body);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Reads the body within the size limit, unpacking gzip, deflate and brotli while counting what comes out. */
async function readBody(res: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchError(`page is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit`, "too_large");
  }
  let unpack: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null = null;
  if (encoding === "gzip" || encoding === "x-gzip") unpack = zlib.createGunzip();
  else if (encoding === "deflate") unpack = zlib.createInflate();
  else if (encoding === "br") unpack = zlib.createBrotliDecompress();
  else if (encoding !== "identity" && encoding !== "") {
    res.destroy();
    throw new FetchError(`could not fetch: unsupported content encoding "${encoding}"`, "encoding");
  }
  // Packed bytes are counted too: a stream that unpacks to little can still be endless.
  let tooLarge = false;
  let source: Readable = res;
  if (unpack) {
    let raw = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        raw += chunk.length;
        if (raw > maxBytes) {
          tooLarge = true;
          done(new Error("over the limit"));
        } else done(null, chunk);
      },
    });
    pipeline(res, counter, unpack, () => {});
    source = unpack;
  }
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        unpack?.destroy();
        throw new FetchError(
          unpack ? `page unpacks to over the ${formatBytes(maxBytes)} limit` : `page is over the ${formatBytes(maxBytes)} limit`,
          "too_large",
        );
      }
      parts.push(chunk);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (tooLarge) throw new FetchError(`page is over the ${formatBytes(maxBytes)} limit`, "too_large");
    if (signal.aborted) throw networkError(err, signal, timeoutMs);
    if (unpack && (err as NodeJS.ErrnoException)?.code?.startsWith("Z_")) throw new FetchError(`could not fetch: the ${encoding} body is corrupt`, "encoding");
    throw networkError(err, signal, timeoutMs);
  }
  if (tooLarge) throw new FetchError(`page is over the ${formatBytes(maxBytes)} limit`, "too_large");
  // A body cut short of its declared length is an incomplete page, not a short one.
  if (!unpack && Number.isFinite(declared) && size < declared) {
    throw new FetchError("could not fetch: the connection closed before the whole page arrived", "network");
  }
  return Buffer.concat(parts, size);
}

/**
 * Makes one request, following redirects (GET only) with every hop's address checked again. Throws FetchError for
 * every failure; answers of any status are returned, with their body, for the caller to judge.
 */
export async function httpRequest(input: string, opts: RequestOptions = {}): Promise<HttpResponse> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const method = opts.method ?? "GET";
  let url = webUrl(input);
  for (let hop = 0; ; hop++) {
    const res = await send(url, opts, signal, timeoutMs);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (method === "GET" && REDIRECTS.has(status) && location) {
      res.destroy();
      if (hop >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`, "redirects");
      try {
        url = webUrl(location, url.href);
      } catch (err) {
        throw new FetchError(`redirect to a non-web address (${(err as Error).message})`, "redirects");
      }
      continue;
    }
    if (opts.checkHead) {
      try {
        opts.checkHead({ status, statusText: res.statusMessage ?? "", headers: res.headers });
      } catch (err) {
        res.destroy();
        throw err;
      }
    }
    const empty = status === 304 || status === 204;
    const body = empty ? (res.resume(), Buffer.alloc(0)) : await readBody(res, maxBytes, signal, timeoutMs);
    return { status, statusText: res.statusMessage ?? "", headers: res.headers, body, url: url.href };
  }
}
