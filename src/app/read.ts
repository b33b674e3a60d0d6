// What ingest computes from a document's text alone, before it touches the store: the reading, the near-duplicate
// fingerprint, the story features and the mentions the ledger takes up. Pure, so it can run on any thread.
import type { ArticleInput, EventMention, Extraction } from "../domain/extraction.js";
import { extractWithTokens } from "../extract/index.js";
import { claimReadings, datedReferences } from "../link/claims.js";
import { gazetteerFacts } from "../link/entity-facts.js";
import { fingerprint, type Fingerprint } from "../link/near-duplicates.js";
import { storyFeaturesFromTokens, type StoryFeatures } from "../link/stories.js";

/** The article's mentions as the ledger reads them, for the outlet name they were read under. */
export interface LedgerReadings {
  outlet: string | null;
  /** Claimable mentions with their participants (`claimReadings`). */
  readings: EventMention[];
  /** Definite mentions dated to a day, to be looked up among known claims (`datedReferences`). */
  references: EventMention[];
}

/** One document read for ingest. */
export interface ArticleReading {
  extraction: Extraction;
  fingerprint: Fingerprint;
  story: StoryFeatures;
  ledger: LedgerReadings;
}

/** Reads an article's mentions for the ledger, as published by `outlet`. */
export function ledgerReadings(article: { text: string; outlet: string | null; published: string | null; sentences: { start: number; end: number }[]; events: EventMention[] }): LedgerReadings {
  return { outlet: article.outlet, readings: claimReadings(article, gazetteerFacts), references: datedReferences(article) };
}

/** Reads one document for ingest; `input.id` must be set. */
export function readArticle(input: ArticleInput & { id: string }): ArticleReading {
  // The extraction's tokens serve the story features too: tokenizing is the dearest step, so the body is read once.
  const { extraction, doc } = extractWithTokens(input);
  const a = extraction.article;
  return {
    extraction,
    fingerprint: fingerprint(a.text),
    story: storyFeaturesFromTokens({ id: a.id, text: a.text, title: a.title, published: a.published }, doc),
    // Under the name the outlet is stored as; the linker reads again in the rare case the store spells it otherwise.
    ledger: ledgerReadings({ ...extraction, text: a.text, outlet: a.outlet?.trim() || null, published: a.published }),
  };
}
