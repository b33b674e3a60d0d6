// What ingest computes from a document's text alone, before it touches the store: the reading, the near-duplicate
// fingerprint and the story features. Pure, so it can run on any thread.
import type { ArticleInput, Extraction } from "../domain/extraction.js";
import { extract } from "../extract/index.js";
import { fingerprint, type Fingerprint } from "../link/near-duplicates.js";
import { storyFeatures, type StoryFeatures } from "../link/stories.js";

/** One document read for ingest. */
export interface ArticleReading {
  extraction: Extraction;
  fingerprint: Fingerprint;
  story: StoryFeatures;
}

/** Reads one document for ingest; `input.id` must be set. */
export function readArticle(input: ArticleInput & { id: string }): ArticleReading {
  const extraction = extract(input);
  const a = extraction.article;
  return {
    extraction,
    fingerprint: fingerprint(a.text),
    story: storyFeatures({ id: a.id, text: a.text, title: a.title, published: a.published }),
  };
}
