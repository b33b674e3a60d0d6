// Ingest: brings documents in from files, folders, JSON Lines, stdin and URLs, and normalises each to an ArticleInput.
import type { ArticleInput } from "../domain/extraction.js";

/** One document ready for extraction, with the input it came from. */
export interface LoadedDocument {
  /** File path, "path:LINE" for JSON Lines, URL, or "-" (stdin). */
  input: string;
  article: ArticleInput;
}

/** An input that could not be read, with a message saying what is wrong. */
export interface LoadFailure {
  input: string;
  error: string;
  /** The JSON Lines `id` of a failed line, when the line had one. */
  id?: string | null;
}

/** One document or one failure. */
export type LoadResult = { ok: true; doc: LoadedDocument } | ({ ok: false } & LoadFailure);

/** Caller-given metadata that overrides the document's own, and the limits on untrusted input. */
export interface LoadOptions {
  date?: string;
  outlet?: string;
  title?: string;
  /** Largest document (and largest JSON Lines line) in bytes; DEFAULT_MAX_BYTES (10 MB) when absent. */
  maxBytes?: number;
  /** Refuse URLs on loopback, private or link-local addresses: set it when fetching on behalf of remote users. */
  publicNetworkOnly?: boolean;
}

export { loadInputs, loadDocument, loadUrl, DEFAULT_MAX_BYTES } from "./load.js";
export { parseTextDocument } from "./text.js";
export { parseHtmlDocument } from "./html.js";
export { parseJsonlLine } from "./jsonl.js";
export { normaliseDate } from "./dates.js";
