// extract(): one article in, its reading out — sentences, entities, times, attributions, events — in a fixed stage order.
import { EXTRACT_SCHEMA, type ArticleInput, type Extraction } from "../domain/extraction.js";
import { tokenize, type Doc } from "./01-tokens.js";
import { readEntities } from "./02-entities.js";
import { findDateline, readTimes } from "./03-times.js";
import { readAttributionReading } from "./04-attributions.js";
import { readEvents } from "./05-events.js";
import { readCredits } from "./attribution/credits.js";
import { contentId } from "./ids.js";

/** Reads one article. Pure: no I/O beyond the bundled lexicons loaded once. */
export function extract(input: ArticleInput): Extraction {
  return extractWithTokens(input).extraction;
}

/** `extract()` together with the tokens it read the text into, for callers that go on reading the same text. */
export function extractWithTokens(input: ArticleInput): { extraction: Extraction; doc: Doc } {
  const text = input.text;
  let published = input.date ?? null;
  let publishedSource: Extraction["article"]["published_source"] = published ? "given" : null;
  if (!published) {
    const dateline = findDateline(text, input.metaDate);
    if (dateline) {
      published = dateline.value;
      publishedSource = "dateline";
    } else if (input.metaDate) {
      published = input.metaDate;
      publishedSource = "metadata";
    }
  }
  const doc = tokenize(text);
  const entities = readEntities(doc, published);
  const times = readTimes(doc, published);
  const { attributions, presentations, asides } = readAttributionReading(doc, entities);
  const events = readEvents(doc, entities, times, attributions, published, { presentations, asides });
  const extraction: Extraction = {
    schema: EXTRACT_SCHEMA,
    article: {
      id: input.id ?? contentId(text),
      title: input.title ?? null,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      published,
      language: input.language ?? "en",
      text,
      byline: input.byline ?? null,
      published_source: publishedSource,
      credits: readCredits(text, entities, attributions),
    },
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: entities.entities,
    times,
    attributions,
    events,
  };
  return { extraction, doc };
}
