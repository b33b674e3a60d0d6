// JSON Feed 1.0 and 1.1 (jsonfeed.org), adapted to the one feed shape.
import { normaliseDate } from "../dates.js";
import { FeedError, type FeedDocument, type FeedEntry } from "./types.js";
import { entryKey } from "./xml.js";

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);

function day(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? normaliseDate(s.slice(0, 10)) : normaliseDate(new Date(t).toISOString().slice(0, 10));
}

function url(v: unknown, base: string | null): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    const u = new URL(s, base ?? undefined);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function authors(item: Json): string[] {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  return list.map((a) => str(obj(a)?.name)).filter((n): n is string => n !== null);
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function adaptItem(item: Json, base: string | null, language: string | null): FeedEntry {
  const link = url(item.url, base) ?? url(item.external_url, base);
  const title = str(item.title);
  const published = day(item.date_published) ?? day(item.date_modified);
  const html = str(item.content_html);
  const text = str(item.content_text);
  return {
    key: entryKey(str(item.id) ?? (typeof item.id === "number" ? String(item.id) : null), link, title, published),
    url: link,
    title,
    published,
    contentHtml: html ?? (text ? `<p>${escapeText(text).replace(/\n\s*\n/g, "</p><p>")}</p>` : null),
    summaryHtml: str(item.summary),
    authors: authors(item),
    source: null,
    language: str(item.language) ?? language,
  };
}

/** True when the text is a JSON Feed (by its version URL). */
export function looksLikeJsonFeed(text: string): boolean {
  return /^\s*\{/.test(text) && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 4096));
}

/** Parses a JSON Feed; throws FeedError with a plain message when it is not one. */
export function parseJsonFeed(text: string): FeedDocument {
  let doc: Json | null;
  try {
    doc = obj(JSON.parse(text));
  } catch (err) {
    throw new FeedError(`not valid JSON (${(err as Error).message})`);
  }
  if (!doc || !/^https?:\/\/jsonfeed\.org\/version\//.test(String(doc.version ?? ""))) throw new FeedError("not a JSON Feed (no jsonfeed.org version)");
  if (!Array.isArray(doc.items)) throw new FeedError("JSON Feed has no items list");
  const base = url(doc.feed_url, null) ?? url(doc.home_page_url, null);
  const language = str(doc.language);
  return {
    format: "json",
    title: str(doc.title),
    link: url(doc.home_page_url, null),
    language,
    entries: doc.items.map(obj).filter((i): i is Json => i !== null).map((i) => adaptItem(i, base, language)),
  };
}
