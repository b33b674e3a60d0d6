// RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom through @rowanmanning/feed-parser, which reads broken real-world feeds best,
// adapted to the one feed shape.
import { parseFeed } from "@rowanmanning/feed-parser";
import { createHash } from "node:crypto";
import { normaliseDate } from "../dates.js";
import { FeedError, type FeedDocument, type FeedEntry } from "./types.js";

type ParsedFeed = ReturnType<typeof parseFeed>;
type ParsedItem = ParsedFeed["items"][number];
type XmlElement = ParsedItem["element"];

// An internal DTD that declares entities is how entity-expansion attacks ("billion laughs") are built; real feeds do
// not need one.
const ENTITY_DECLARATION = /<!ENTITY/i;

function isoDay(d: Date | null): string | null {
  if (!d || Number.isNaN(d.getTime())) return null;
  return normaliseDate(d.toISOString().slice(0, 10));
}

function child(el: XmlElement, name: string): XmlElement | null {
  return el.findElementWithName(name) ?? null;
}

// RSS: <source url="…">Reuters</source>; Atom: <source><title>Reuters</title></source>.
function sourceOf(el: XmlElement): string | null {
  const source = child(el, "source");
  if (!source) return null;
  const title = child(source, "title");
  const text = (title ?? source).textContentNormalized.trim();
  return text || null;
}

function languageOf(el: XmlElement): string | null {
  const dc = child(el, "language");
  return dc?.textContentNormalized.trim() || el.getAttribute("xml:lang")?.trim() || null;
}

/** An entry's key: guid/id, else link, else a hash of its title and date. */
export function entryKey(id: string | null, url: string | null, title: string | null, published: string | null): string {
  if (id && id.trim()) return id.trim();
  if (url) return url;
  return "hash:" + createHash("sha256").update(`${title ?? ""}\n${published ?? ""}`).digest("hex").slice(0, 32);
}

function adaptItem(item: ParsedItem, feedLanguage: string | null): FeedEntry {
  const published = isoDay(item.published) ?? isoDay(item.updated);
  const url = item.url;
  const content = item.content;
  const description = item.description;
  return {
    key: entryKey(item.id, url, item.title, published),
    url,
    title: item.title,
    published,
    // Some feeds put the whole body in the description and nothing in content; the two are told apart by length later.
    contentHtml: content && content !== description ? content : null,
    summaryHtml: description,
    authors: item.authors.map((a) => a.name ?? "").filter((n) => n.trim() !== ""),
    source: sourceOf(item.element),
    language: languageOf(item.element) ?? feedLanguage,
  };
}

/** Parses an XML feed; throws FeedError with a plain message when it is not one. */
export function parseXmlFeed(text: string): FeedDocument {
  if (ENTITY_DECLARATION.test(text.slice(0, 64 * 1024))) {
    throw new FeedError("the feed declares its own XML entities (<!ENTITY …>), refused as a possible entity-expansion attack");
  }
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new FeedError(/could not be parsed as a feed/i.test(why) ? "not an RSS or Atom feed" : `not a readable feed: ${why}`);
  }
  const language = feed.language?.trim() || null;
  return {
    format: feed.meta.type === "atom" ? "atom" : "rss",
    title: feed.title?.trim() || null,
    link: feed.url,
    language,
    entries: feed.items.map((item) => adaptItem(item, language)),
  };
}
