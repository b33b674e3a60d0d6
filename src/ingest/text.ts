// Plain text and Markdown: an optional header block (or front matter) and a leading "# Title", then the body as written.
import type { ArticleInput } from "../domain/extraction.js";
import type { LoadOptions } from "./index.js";
import { normaliseDate } from "./dates.js";
import { InvalidValue, webAddress } from "./values.js";

// A header Date that names no calendar day in range is refused, not dropped: the document would take another date.
function headerDate(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  const date = normaliseDate(raw);
  if (date === null) throw new InvalidValue(`header Date: ${JSON.stringify(raw)} is not a calendar date from 1900 to 2100`);
  return date;
}

type HeaderField = "title" | "outlet" | "date" | "url" | "byline";

// The header names a text file may start with, each mapped to the field it fills.
const HEADER_KEYS: Record<string, HeaderField> = {
  title: "title",
  headline: "title",
  outlet: "outlet",
  source: "outlet",
  publisher: "outlet",
  date: "date",
  published: "date",
  url: "url",
  link: "url",
  byline: "byline",
  author: "byline",
  by: "byline",
};
const HEADER_LINE = /^([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const ATX_TITLE = /^#[ \t]+(.+?)[ \t#]*$/;

/** Text with Windows and old Mac line ends made "\n" and a byte-order mark removed, so offsets are stable. */
export function normaliseNewlines(raw: string): string {
  const s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return s.indexOf("\r") === -1 ? s : s.replace(/\r\n?/g, "\n");
}

interface Header {
  fields: Partial<Record<HeaderField, string>>;
  /** Index into the lines where the body starts. */
  bodyLine: number;
}

/** Reads "Key: value" lines at lines[from...]; a header is one or more known keys ending at a blank line or "---". */
function readHeaderLines(lines: string[], from: number, closer: string | null): Header | null {
  const fields: Header["fields"] = {};
  let i = from;
  let known = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (closer !== null ? line.trim() === closer : line.trim() === "") break;
    const m = HEADER_LINE.exec(line);
    const key = m ? HEADER_KEYS[m[1].toLowerCase()] : undefined;
    if (!m || !key) {
      // Front matter may hold keys we do not use; a plain header block may not.
      if (closer !== null && m) continue;
      return null;
    }
    known++;
    if (fields[key] === undefined && m[2] !== "") fields[key] = m[2].replace(/^["']|["']$/g, "");
  }
  if (known === 0) return null;
  if (closer !== null && i >= lines.length) return null;
  return { fields, bodyLine: i + 1 };
}

/**
 * Reads a text or Markdown document: the header block (Title/Outlet/Date/URL/Byline) or "---" front matter is
 * stripped, a leading "# Title" line becomes the title, and the rest is the body exactly as written.
 * The header date is document metadata: it yields to --date and to a dateline in the text.
 */
export function parseTextDocument(raw: string, opts: LoadOptions = {}): ArticleInput {
  const lines = normaliseNewlines(raw).split("\n");
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  let header: Header | null = null;
  if (first < lines.length && lines[first].trim() === "---") header = readHeaderLines(lines, first + 1, "---");
  else header = readHeaderLines(lines, first, null);
  let bodyLine = header ? header.bodyLine : first;
  const fields = header?.fields ?? {};

  while (bodyLine < lines.length && lines[bodyLine].trim() === "") bodyLine++;
  let markdownTitle: string | null = null;
  const atx = bodyLine < lines.length ? ATX_TITLE.exec(lines[bodyLine]) : null;
  if (atx) {
    markdownTitle = atx[1];
    bodyLine++;
    while (bodyLine < lines.length && lines[bodyLine].trim() === "") bodyLine++;
  }
  const text = lines.slice(bodyLine).join("\n").trimEnd();

  return {
    text,
    date: opts.date ?? null,
    metaDate: headerDate(fields.date),
    title: opts.title ?? fields.title ?? markdownTitle ?? null,
    outlet: opts.outlet ?? fields.outlet ?? null,
    url: fields.url ? webAddress(fields.url, "header URL") : null,
    byline: fields.byline ?? null,
  };
}
