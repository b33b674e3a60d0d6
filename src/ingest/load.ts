// Expands the inputs people name (files, folders, JSON Lines, stdin, URLs) into documents, one result per document.
import { createReadStream } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { ArticleInput } from "../domain/extraction.js";
import type { LoadOptions, LoadResult } from "./index.js";
import { DecodeError, decodeText } from "./decode.js";
import { fetchDocument, isUrl, looksLikeHtml } from "./fetch.js";
import { readHtmlBounded } from "./html-reader.js";
import { parseJsonlLine } from "./jsonl.js";
import { formatBytes, readLines } from "./lines.js";
import { parseTextDocument } from "./text.js";

/** The size limit for one document (a JSON Lines file is limited per line, not as a whole). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

type Format = "text" | "html" | "jsonl";
// File name endings read from folders, and the format each one holds.
const FORMAT_BY_EXT: Record<string, Format> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".markdown": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

const fail = (input: string, error: string): LoadResult => ({ ok: false, input, error });

/** The caller's --date/--outlet/--title win over what the document says. */
function withOverrides(article: ArticleInput, opts: LoadOptions): ArticleInput {
  return {
    ...article,
    date: opts.date ?? article.date ?? null,
    outlet: opts.outlet ?? article.outlet ?? null,
    title: opts.title ?? article.title ?? null,
  };
}

/** Parses decoded text as HTML (off this thread, within a time budget) or text; refuses a document with no body text left. */
async function parseDocument(input: string, text: string, html: boolean, opts: LoadOptions, url?: string): Promise<LoadResult> {
  const article = html ? await readHtmlBounded(text, { ...opts, url }) : parseTextDocument(text, opts);
  if (url && !article.url) article.url = url;
  if (article.text.trim() === "") {
    return fail(input, html ? "no article text found in the HTML" : "no article text after the header");
  }
  return { ok: true, doc: { input, article: withOverrides(article, opts) } };
}

/**
 * Reads at most maxBytes + 1 bytes, so a file that grew after stat is still refused without reading it all. The buffer
 * starts at the size stat gave and grows only if the file did.
 */
async function readCapped(path: string, maxBytes: number, expected: number): Promise<Buffer | null> {
  const handle = await open(path, "r");
  try {
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, expected + 1));
    let size = 0;
    for (;;) {
      if (size === buf.length) {
        if (size > maxBytes) return null;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, size);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, size, buf.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > maxBytes) return null;
    }
    return buf.subarray(0, size);
  } finally {
    await handle.close();
  }
}

function errorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** One document from a file that is not JSON Lines: size checked on disk first, then decoded and parsed. */
async function loadFile(path: string, size: number, format: Format | undefined, opts: LoadOptions): Promise<LoadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) return fail(path, `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one document`);
  if (size === 0) return fail(path, "empty file");
  try {
    const buf = await readCapped(path, maxBytes, size);
    if (buf === null) return fail(path, `file is over the ${formatBytes(maxBytes)} limit for one document`);
    const text = decodeText(buf);
    const html = format === "html" || (format === undefined && looksLikeHtml(text));
    return await parseDocument(path, text, html, opts);
  } catch (err) {
    return fail(path, err instanceof DecodeError ? err.message : errorMessage(err));
  }
}

/** The records of a JSON Lines stream, one result per non-blank line, named "NAME:LINE". */
async function* loadJsonl(chunks: AsyncIterable<Uint8Array>, name: string, opts: LoadOptions): AsyncGenerator<LoadResult> {
  let records = 0;
  for await (const line of readLines(chunks, opts.maxBytes ?? DEFAULT_MAX_BYTES)) {
    const input = `${name}:${line.number}`;
    if ("error" in line) {
      records++;
      yield fail(input, line.error);
      continue;
    }
    if (line.text.trim() === "") continue;
    records++;
    const result = parseJsonlLine(line.text, input);
    yield result.ok ? { ok: true, doc: { input, article: withOverrides(result.doc.article, opts) } } : result;
  }
  if (records === 0) yield fail(name, "no JSON lines (the input is empty)");
}

/** Files under a folder, depth first in plain string order of names, skipping hidden entries and unknown endings. */
async function* walkFolder(dir: string, seen: Set<string>): AsyncGenerator<{ path: string; format: Format; size: number }> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
  for (const name of entries) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch {
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path, seen);
    else if (info.isFile()) {
      const format = FORMAT_BY_EXT[extname(name).toLowerCase()];
      if (format) yield { path, format, size: info.size };
    }
  }
}

/** Reads stdin in chunks; the first chunks are peeked to tell JSON Lines from a single document. */
async function* loadStdin(opts: LoadOptions): AsyncGenerator<LoadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const iterator = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const peeked: Buffer[] = [];
  let firstByte = -1;
  let size = 0;
  let ended = false;
  while (firstByte === -1) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    peeked.push(next.value);
    size += next.value.length;
    for (const b of next.value) {
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) {
        firstByte = b;
        break;
      }
    }
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* peeked;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // A stream whose first character is "{" is JSON Lines; anything else is one document.
  if (firstByte === 0x7b) {
    yield* loadJsonl(rest(), "stdin", opts);
    return;
  }
  const parts: Buffer[] = [];
  size = 0;
  for await (const chunk of rest()) {
    size += chunk.length;
    if (size > maxBytes) {
      yield fail("-", `stdin is over the ${formatBytes(maxBytes)} limit for one document`);
      return;
    }
    parts.push(Buffer.from(chunk));
  }
  yield await loadStdinDocument(Buffer.concat(parts, size), opts);
}

async function loadStdinDocument(buf: Buffer, opts: LoadOptions): Promise<LoadResult> {
  if (buf.length === 0) return fail("-", "empty input");
  try {
    const text = decodeText(buf);
    return await parseDocument("-", text, looksLikeHtml(text), opts);
  } catch (err) {
    return fail("-", err instanceof DecodeError ? err.message : errorMessage(err));
  }
}

/**
 * One web page (http or https only, never a local path): for callers that take addresses from other people, who
 * should also set `publicNetworkOnly`. Never throws for bad input.
 */
export async function loadUrl(url: string, opts: LoadOptions = {}): Promise<LoadResult> {
  if (!isUrl(url)) return fail(url, "not a web address (http:// or https://)");
  try {
    const page = await fetchDocument(url, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, publicNetworkOnly: opts.publicNetworkOnly });
    return await parseDocument(url, page.text, page.html, opts, page.url);
  } catch (err) {
    return fail(url, err instanceof DecodeError ? err.message : errorMessage(err));
  }
}

/**
 * Exactly one document from one input: a text, Markdown or HTML file, a URL, or "-" for all of stdin.
 * For `extract --json`; never throws for bad input.
 */
export async function loadDocument(input: string, opts: LoadOptions = {}): Promise<LoadResult> {
  if (input === "-") {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return fail("-", `stdin is over the ${formatBytes(maxBytes)} limit for one document`);
      parts.push(chunk);
    }
    return loadStdinDocument(Buffer.concat(parts, size), opts);
  }
  if (isUrl(input)) return loadUrl(input, opts);
  let info;
  try {
    info = await stat(input);
  } catch (err) {
    return fail(input, errorMessage(err));
  }
  if (info.isDirectory()) return fail(input, "is a folder; give one document");
  if (!info.isFile()) return fail(input, "is not a regular file");
  const format = FORMAT_BY_EXT[extname(input).toLowerCase()];
  if (format === "jsonl") return fail(input, "holds JSON Lines, many documents; read it with --jsonl (on stdin)");
  return loadFile(input, info.size, format, opts);
}

/**
 * Expands files, folders (recursive, sorted), .jsonl files, URLs and "-" (stdin: JSON Lines when it starts with "{",
 * else one document) into documents, one result per document or per failure, in input order; never throws for bad input.
 */
export async function* loadInputs(inputs: string[], opts: LoadOptions = {}): AsyncGenerator<LoadResult> {
  let stdinUsed = false;
  for (const input of inputs) {
    if (input === "-") {
      if (stdinUsed) {
        yield fail("-", "stdin can be read only once");
        continue;
      }
      stdinUsed = true;
      yield* loadStdin(opts);
      continue;
    }
    if (isUrl(input)) {
      yield await loadUrl(input, opts);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      yield fail(input, errorMessage(err));
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      try {
        for await (const file of walkFolder(input, new Set())) {
          found++;
          if (file.format === "jsonl") yield* loadJsonlFile(file.path, file.size, opts);
          else yield await loadFile(file.path, file.size, file.format, opts);
        }
      } catch (err) {
        yield fail(input, errorMessage(err));
        continue;
      }
      if (found === 0) yield fail(input, "folder holds no .txt, .md, .html or .jsonl files");
      continue;
    }
    if (!info.isFile()) {
      yield fail(input, "is not a regular file");
      continue;
    }
    const format = FORMAT_BY_EXT[extname(input).toLowerCase()];
    if (format === "jsonl") yield* loadJsonlFile(input, info.size, opts);
    else yield await loadFile(input, info.size, format, opts);
  }
}

async function* loadJsonlFile(path: string, size: number, opts: LoadOptions): AsyncGenerator<LoadResult> {
  if (size === 0) {
    yield fail(path, "empty file");
    return;
  }
  const stream = createReadStream(path);
  try {
    yield* loadJsonl(stream, path, opts);
  } catch (err) {
    yield fail(path, errorMessage(err));
  } finally {
    stream.destroy();
  }
}
