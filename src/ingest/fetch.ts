// Fetches one web page through the checked client and hands back its decoded text and kind.
import { DecodeError, decodeText } from "./decode.js";
import { FetchError, httpRequest, type Resolver } from "./net/client.js";

export { isNonPublicAddress } from "./net/addresses.js";

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
  /** Stands in for DNS (tests). */
  resolve?: Resolver;
}

/** True for the input strings that name a web page rather than a file. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Decodes a body by the charset its Content-Type names, else as UTF-8 with the usual checks. */
export function decodeBody(body: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || /^utf-?8$/.test(charset)) return decodeText(body);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new DecodeError(`unsupported character set ${charset}`);
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    throw new DecodeError(`not valid ${charset} text`);
  }
  if (text.trim() === "") throw new DecodeError("empty document");
  return text;
}

/**
 * Fetches an http(s) URL, following at most a few redirects, within a time limit and a size limit.
 * Throws DecodeError with a readable message for every failure.
 */
export async function fetchDocument(url: string, limits: FetchLimits): Promise<Fetched> {
  let res;
  try {
    res = await httpRequest(url, {
      maxBytes: limits.maxBytes,
      timeoutMs: limits.timeoutMs,
      maxRedirects: limits.maxRedirects,
      allowPrivate: !limits.publicNetworkOnly,
      resolve: limits.resolve,
      headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5" },
      checkHead: ({ status, statusText, headers }) => {
        if (status < 200 || status > 299) throw new DecodeError(`server answered ${status} ${statusText}`.trim());
        const type = String(headers["content-type"] ?? "").toLowerCase();
        if (/^(image|audio|video|font)\/|application\/(pdf|zip|octet-stream)/.test(type)) throw new DecodeError(`not a text document (${type.split(";")[0]})`);
      },
    });
  } catch (err) {
    if (err instanceof FetchError) throw new DecodeError(err.message);
    throw err;
  }
  if (res.status < 200 || res.status > 299) throw new DecodeError(`server answered ${res.status} ${res.statusText}`.trim());
  const type = String(res.headers["content-type"] ?? "").toLowerCase();
  const text = decodeBody(res.body, type);
  const html = type.includes("html") || (!type.startsWith("text/plain") && looksLikeHtml(text));
  return { text, html, url: res.url };
}

/** True when text starts like an HTML page or fragment. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|meta|title|div|p|section)[\s>]/i.test(
    text.slice(0, 4096),
  );
}
