// Feeds: detect the format, parse it with its parser, and hand back the one feed shape; OPML lists of feeds.
import { looksLikeJsonFeed, parseJsonFeed } from "./json-feed.js";
import { FeedError, refuseDeepXml, type FeedDocument } from "./types.js";
import { parseXmlFeed } from "./xml.js";

export type { FeedDocument, FeedEntry } from "./types.js";
export { FeedError } from "./types.js";
export { parseOpml, writeOpml, type OpmlFeed } from "./opml.js";
export { entryArticle, needsPage, withEntryFacts, SUMMARY_WORDS, type EntryArticle } from "./entries.js";

/** Parses a feed body of any supported format; throws FeedError naming what is wrong. */
export function parseFeedText(text: string, contentType = ""): FeedDocument {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new FeedError("empty feed");
  if (/json/i.test(contentType) || looksLikeJsonFeed(body)) return parseJsonFeed(body);
  if (/^\s*</.test(body)) {
    refuseDeepXml(body, "feed");
    return parseXmlFeed(body);
  }
  throw new FeedError("not a feed (neither XML nor JSON Feed)");
}
