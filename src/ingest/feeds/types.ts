// The one shape every feed format is normalised into at the edge: nothing downstream knows RSS from Atom from JSON Feed.
import { markupShape } from "../markup.js";

/** One entry of a feed, whatever its format. */
export interface FeedEntry {
  /** What identifies the entry across polls: its guid or id, else its link, else its title and date. */
  key: string;
  url: string | null;
  title: string | null;
  /** Publication date, YYYY-MM-DD. */
  published: string | null;
  /** The entry's full content (HTML), when the feed carries it. */
  contentHtml: string | null;
  /** The entry's summary or description (HTML or text). */
  summaryHtml: string | null;
  authors: string[];
  /** Where the entry says its story comes from (RSS `<source>`, Atom `<source><title>`): the origin hint. */
  source: string | null;
  /** Declared language of the entry (else the feed's). */
  language: string | null;
}

/** A parsed feed. */
export interface FeedDocument {
  format: "rss" | "atom" | "json";
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  language: string | null;
  entries: FeedEntry[];
}

/** Why a body could not be read as a feed. */
export class FeedError extends Error {}

// Deepest nesting a feed or OPML file may have: real ones nest a handful of levels, and the XML parser's cost grows far
// faster than the depth.
const MAX_XML_DEPTH = 100;

/** Throws FeedError for XML that nests past MAX_XML_DEPTH, counted on its raw tags before any parse. */
export function refuseDeepXml(text: string, what: string): void {
  const { depth } = markupShape(text);
  if (depth > MAX_XML_DEPTH) throw new FeedError(`the ${what} nests ${depth} levels deep, over the ${MAX_XML_DEPTH} allowed; refused`);
}
