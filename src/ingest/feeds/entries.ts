// A feed entry becomes an article: its content's text when the feed carries the story, or a note that the page must be
// fetched when it carries only a summary.
import type { ArticleInput } from "../../domain/extraction.js";
import { htmlFragmentText } from "../html.js";
import type { FeedDocument, FeedEntry } from "./types.js";

// Fewer words than this in an entry is a summary or teaser, not the story: the page is fetched instead.
export const SUMMARY_WORDS = 120;

/** An entry's article as the feed gives it, and how many words of body it carries. */
export interface EntryArticle {
  article: ArticleInput;
  words: number;
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** The article an entry carries: its content, else its summary, as plain text, with the feed's metadata. */
export function entryArticle(entry: FeedEntry, feed: Pick<FeedDocument, "title" | "language">): EntryArticle {
  const content = entry.contentHtml ? htmlFragmentText(entry.contentHtml) : "";
  const summary = entry.summaryHtml ? htmlFragmentText(entry.summaryHtml) : "";
  const text = wordCount(content) >= wordCount(summary) ? content : summary;
  return {
    article: {
      text,
      date: entry.published,
      title: entry.title,
      outlet: feed.title,
      url: entry.url,
      byline: entry.authors.length ? entry.authors.join(", ") : null,
      language: entry.language ?? feed.language,
      sourceHint: entry.source,
    },
    words: wordCount(text),
  };
}

/** True when the entry carries only a summary and names a page to read the story from. */
export function needsPage(entry: FeedEntry, carried: EntryArticle): boolean {
  return entry.url !== null && carried.words < SUMMARY_WORDS;
}

/** The fetched page's article with what the feed knows better: the item's date, link, title and origin hint. */
export function withEntryFacts(page: ArticleInput, carried: ArticleInput): ArticleInput {
  return {
    ...page,
    date: carried.date ?? page.date ?? null,
    title: page.title ?? carried.title ?? null,
    outlet: page.outlet ?? carried.outlet ?? null,
    url: carried.url ?? page.url ?? null,
    byline: page.byline ?? carried.byline ?? null,
    language: page.language ?? carried.language ?? null,
    sourceHint: carried.sourceHint ?? null,
  };
}
