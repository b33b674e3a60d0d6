// Fetches one web page with limits on size, time and redirects, and hands back its decoded text and kind.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DecodeError, decodeText } from "./decode.js";
import { formatBytes } from "./lines.js";

/** A fetched document: its text, whether it is HTML, and the URL it was finally served from. */
export interface Fetched {
  text: string;
  html: boolean;
  url: string;
}

/** Limits for one fetch. */
export interface FetchLimits {
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Refuse hosts on loopback, private or link-local addresses (for a server fetching on behalf of others). */
  publicNetworkOnly?: boolean;
}

// Address ranges a server must not be talked into fetching from: loopback, private, link-local, shared, reserved.
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3],
] as const) NON_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) NON_PUBLIC.addSubnet(net, bits, "ipv6");

/** True when the address is not on the public internet (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NON_PUBLIC.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Throws when the URL's host is, or resolves to, a non-public address. */
async function refuseNonPublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new DecodeError(`could not fetch: cannot resolve ${host}`);
  }
  if (addresses.some(isNonPublicAddress)) throw new DecodeError(`refused: ${host} is not a public internet address`);
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_REDIRECTS = 5;

/** True for the input strings that name a web page rather than a file. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads a response body, giving up as soon as it passes the limit. */
async function readBody(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new DecodeError(`page is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit`);
  }
  if (!res.body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DecodeError(`page is over the ${formatBytes(maxBytes)} limit`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts, size);
}

/**
 * Fetches an http(s) URL, following at most a few redirects, within a time limit and a size limit.
 * Throws DecodeError with a readable message for every failure.
 */
export async function fetchDocument(url: string, limits: FetchLimits): Promise<Fetched> {
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(limits.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let current = url;
  for (let hop = 0; ; hop++) {
    if (limits.publicNetworkOnly) await refuseNonPublic(new URL(current));
    let res: Response;
    try {
      res = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5" },
      });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : "";
      const why = err instanceof Error && err.name === "TimeoutError" ? "timed out" : cause || String(err);
      throw new DecodeError(`could not fetch: ${why}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      if (hop >= maxRedirects) throw new DecodeError(`more than ${maxRedirects} redirects`);
      const next = new URL(res.headers.get("location") as string, current);
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw new DecodeError(`redirect to a non-web address (${next.protocol})`);
      }
      current = next.href;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new DecodeError(`server answered ${res.status} ${res.statusText}`.trim());
    }
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    if (/^(image|audio|video|font)\/|application\/(pdf|zip|octet-stream)/.test(type)) {
      await res.body?.cancel();
      throw new DecodeError(`not a text document (${type.split(";")[0]})`);
    }
    const body = await readBody(res, limits.maxBytes);
    const charset = /charset=["']?([\w-]+)/.exec(type)?.[1];
    let text: string;
    if (charset && !/^utf-?8$/.test(charset)) {
      let decoder: InstanceType<typeof TextDecoder>;
      try {
        decoder = new TextDecoder(charset, { fatal: true });
      } catch {
        throw new DecodeError(`unsupported character set ${charset}`);
      }
      try {
        text = decoder.decode(body);
      } catch {
        throw new DecodeError(`not valid ${charset} text`);
      }
      if (text.trim() === "") throw new DecodeError("empty document");
    } else {
      text = decodeText(body);
    }
    const html = type.includes("html") || (!type.startsWith("text/plain") && looksLikeHtml(text));
    return { text, html, url: current };
  }
}

/** True when text starts like an HTML page or fragment. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|meta|title|div|p|section)[\s>]/i.test(
    text.slice(0, 4096),
  );
}
