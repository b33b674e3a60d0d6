// What ingest computes from a document's text alone, before it touches the store: the reading and its rows as stored,
// the near-duplicate fingerprint, the story features and the mentions the ledger takes up. Pure, so it can run on any
// thread.
import type { ArticleInput, ArticleMeta, EventMention, Span } from "../domain/extraction.js";
import { extractWithTokens } from "../extract/index.js";
import { readingsOf, type Reading } from "../link/02-readings.js";
import { fingerprint, type Fingerprint } from "../link/01-near-duplicates.js";
import { encodeStoryFeatures, storyFeaturesFromTokens } from "../link/06-stories.js";
import { annotationRows, type AnnotationRows } from "../store/annotations.js";

/** The article's mentions as the ledger reads them, for the outlet name they were read under. */
export interface LedgerReadings {
  outlet: string | null;
  readings: Reading[];
}

/**
 * One document read for ingest: what the store writes and the linker reads. The extraction itself travels as its rows,
 * which cost the receiving thread less to take in than the objects.
 */
export interface ArticleReading {
  article: ArticleMeta;
  sentences: Span[];
  events: EventMention[];
  rows: AnnotationRows;
  fingerprint: Fingerprint;
  /** Story features, encoded as stored with the article. */
  storyTerms: string;
  ledger: LedgerReadings;
}

/** Reads an article's mentions for the ledger, as published by `outlet`. */
export function ledgerReadings(article: { text: string; outlet: string | null; published: string | null; sentences: { start: number; end: number }[]; events: EventMention[] }): LedgerReadings {
  return { outlet: article.outlet, readings: readingsOf(article) };
}

/** Reads one document for ingest; `input.id` must be set. */
export function readArticle(input: ArticleInput & { id: string }): ArticleReading {
  // The extraction's tokens serve the story features too: tokenizing is the dearest step, so the body is read once.
  const { extraction, doc } = extractWithTokens(input);
  const a = extraction.article;
  return {
    article: a,
    sentences: extraction.sentences,
    events: extraction.events,
    rows: annotationRows(extraction),
    fingerprint: fingerprint(a.text),
    storyTerms: encodeStoryFeatures(storyFeaturesFromTokens({ id: a.id, text: a.text, title: a.title, published: a.published }, doc)),
    // Under the name the outlet is stored as; the linker reads again in the rare case the store spells it otherwise.
    ledger: ledgerReadings({ ...extraction, text: a.text, outlet: a.outlet?.trim() || null, published: a.published }),
  };
}
