// What ingest computes from a document's text alone, before it touches the store: the reading and its rows as stored,
// the near-duplicate fingerprint, the story features and the mentions the ledger takes up. Pure, so it can run on any
// thread.
import { EXTRACT_SCHEMA, type ArticleInput, type ArticleMeta, type EventMention, type SourceRef, type Span } from "../domain/extraction.js";
import { resolveName } from "../extract/gazetteer.js";
import { extractWithTokens } from "../extract/index.js";
import { documentLanguage, isReadable } from "../ingest/language.js";
import { readingsOf, type Reading } from "../link/02-readings.js";
import { fingerprint, type Fingerprint } from "../link/01-near-duplicates.js";
import { encodeStoryFeatures, storyFeatures, storyFeaturesFromTokens } from "../link/06-stories.js";
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
  /** Story features, encoded: handed to the story grouping, which does not store them (see app/stories). */
  storyTerms: string;
  ledger: LedgerReadings;
  /** True when the article is in a language the reading core cannot read: stored, with its language, but not read. */
  notRead?: boolean;
}

/** Reads an article's mentions for the ledger, as published by `outlet`. */
export function ledgerReadings(article: { text: string; outlet: string | null; published: string | null; sentences: { start: number; end: number }[]; events: EventMention[] }): LedgerReadings {
  return { outlet: article.outlet, readings: readingsOf(article) };
}

/**
 * The credits an article's channel gives it besides those its text makes: a feed item's `<source>`, or a byline that
 * names a news agency. Known outlets are linked to their gazetteer entry.
 */
export function channelCredits(input: ArticleInput, fromText: SourceRef[]): SourceRef[] {
  const out = [...fromText];
  const add = (name: string) => {
    const hit = resolveName(name);
    const entity = hit?.type === "outlet" ? hit.id : null;
    if (out.some((c) => (entity !== null && c.entity === entity) || c.text.toLowerCase() === name.toLowerCase())) return;
    out.push({ text: name, entity });
  };
  const hint = input.sourceHint?.trim();
  if (hint) add(hint);
  const byline = input.byline?.trim();
  if (byline && resolveName(byline)?.kind === "agency") add(byline);
  return out;
}

// An article in a language the reading core cannot read: kept whole, with its language, and no reading at all, so
// nothing in it is misread as English.
function unreadArticle(input: ArticleInput & { id: string }, language: string): ArticleReading {
  const published = input.date ?? input.metaDate ?? null;
  const article: ArticleMeta = {
    id: input.id,
    title: input.title ?? null,
    outlet: input.outlet ?? null,
    url: input.url ?? null,
    published,
    language,
    text: input.text,
    byline: input.byline ?? null,
    published_source: input.date ? "given" : input.metaDate ? "metadata" : null,
    credits: channelCredits(input, []),
  };
  const rows = annotationRows({ schema: EXTRACT_SCHEMA, article, sentences: [], entities: [], times: [], attributions: [], events: [] });
  return {
    article,
    sentences: [],
    events: [],
    rows,
    fingerprint: fingerprint(input.text),
    storyTerms: encodeStoryFeatures(storyFeatures({ id: input.id, text: "", title: null, published })),
    ledger: { outlet: article.outlet?.trim() || null, readings: [] },
    notRead: true,
  };
}

/** Reads one document for ingest; `input.id` must be set. A document in a language the core cannot read is not read. */
export function readArticle(input: ArticleInput & { id: string }): ArticleReading {
  const language = documentLanguage(input.text, input.language);
  if (!isReadable(language)) return unreadArticle(input, language);
  // The extraction's tokens serve the story features too: tokenizing is the dearest step, so the body is read once.
  const { extraction, doc } = extractWithTokens({ ...input, language });
  const a = { ...extraction.article, credits: channelCredits(input, extraction.article.credits) };
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
