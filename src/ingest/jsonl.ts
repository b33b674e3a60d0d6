// JSON Lines input: one {"id", "text", "date"?, "title"?, "outlet"?, "url"?} object per line, validated at the edge.
import type { LoadResult } from "./index.js";
import { isIsoDate, normaliseDate } from "./dates.js";
import { normaliseNewlines } from "./text.js";
import { isWebAddress } from "./values.js";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/** An optional string field: absent or null gives null; anything else but a string is an error. */
function optionalString(obj: Record<string, unknown>, key: string): string | null | Error {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") return new Error(`"${key}" must be a string, got ${describe(v)}`);
  return v;
}

/**
 * Parses one JSON Lines record into a document, or a failure naming the line and what is wrong with it.
 * A numeric id is accepted and kept as its decimal string; the date must be a calendar date (a timestamp keeps its day).
 */
export function parseJsonlLine(line: string, input: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, input, id: null, error: `not valid JSON (${why})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, input, id: null, error: `expected a JSON object, got ${describe(value)}` };
  }
  const obj = value as Record<string, unknown>;
  const rawId = obj.id;
  const id =
    typeof rawId === "string" && rawId.trim() !== ""
      ? rawId
      : typeof rawId === "number" && Number.isFinite(rawId)
        ? String(rawId)
        : null;
  const fail = (error: string): LoadResult => ({ ok: false, input, id, error });
  if (id === null) {
    return fail(rawId === undefined ? 'missing "id"' : `"id" must be a non-empty string, got ${describe(rawId)}`);
  }
  if (obj.text === undefined) return fail('missing "text"');
  if (typeof obj.text !== "string") return fail(`"text" must be a string, got ${describe(obj.text)}`);
  const text = normaliseNewlines(obj.text);
  if (text.trim() === "") return fail('"text" is empty');

  const fields: Record<string, string | null> = {};
  for (const key of ["date", "title", "outlet", "url"]) {
    const v = optionalString(obj, key);
    if (v instanceof Error) return fail(v.message);
    fields[key] = v;
  }
  let date: string | null = null;
  if (fields.date !== null && fields.date.trim() !== "") {
    date = isIsoDate(fields.date) ? fields.date : normaliseDate(fields.date);
    if (date === null) return fail(`"date" must be a calendar date (YYYY-MM-DD, 1900 to 2100), got ${JSON.stringify(fields.date)}`);
  }
  if (fields.url !== null && fields.url.trim() !== "" && !isWebAddress(fields.url.trim())) {
    return fail(`"url" must be an http(s) address, got ${JSON.stringify(fields.url.slice(0, 60))}`);
  }
  return {
    ok: true,
    doc: {
      input,
      article: { id, text, date, title: fields.title, outlet: fields.outlet, url: fields.url },
    },
  };
}
