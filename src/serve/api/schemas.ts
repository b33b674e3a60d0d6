// JSON schemas of every request part the API accepts: validated at the edge, so handlers receive typed, checked input.

const DATE = "^\\d{4}-\\d{2}-\\d{2}$";

/** A path id: printable, no slashes, bounded. */
export const idParams = {
  type: "object",
  required: ["id"],
  additionalProperties: false,
  properties: { id: { type: "string", minLength: 1, maxLength: 200, pattern: "^[^/\\s]+$" } },
} as const;

/** The largest page a list route gives, and its default size where a route pages by default. */
export const MAX_PAGE = 1000;

/**
 * The story list's page when none is asked for: the newest stories, as many as a front page shows. Each story carries
 * the ids of all its articles and claims, so the whole list grows with the store (400 KB at 2,000 articles).
 */
export const STORY_PAGE = 20;

/** Paging for list routes. */
const paging = {
  limit: { type: "integer", minimum: 1, maximum: MAX_PAGE },
  offset: { type: "integer", minimum: 0, maximum: 100_000 },
} as const;

/** Filters of the claim list. */
export const claimsQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    story: { type: "string", minLength: 1, maxLength: 200 },
    status: { type: "string", enum: ["reported", "corroborated", "confirmed", "denied", "contradicted", "stale"] },
    ...paging,
  },
} as const;

/** Paging of the story list. */
export const storiesQuery = {
  type: "object",
  additionalProperties: false,
  properties: { ...paging },
} as const;

/** Filters and paging of the article list. */
export const articlesQuery = {
  type: "object",
  additionalProperties: false,
  properties: { story: { type: "string", minLength: 1, maxLength: 200 }, ...paging },
} as const;

/** Filters of the entity list. */
export const entitiesQuery = {
  type: "object",
  additionalProperties: false,
  properties: { type: { type: "string", enum: ["person", "country", "organization", "place", "event", "group", "outlet"] }, limit: paging.limit },
} as const;

/** The date a question is computed as of. */
export const questionQuery = {
  type: "object",
  additionalProperties: false,
  properties: { as_of: { type: "string", pattern: DATE } },
} as const;

/** Range and step of a replay. */
export const replayQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    from: { type: "string", pattern: DATE },
    to: { type: "string", pattern: DATE },
    step: { type: "string", pattern: "^[1-9]\\d{0,2}d?$", description: "days between points, e.g. 1d or 7" },
  },
} as const;

/** Fewest statements an actor needs to appear in the positions table. */
export const positionsQuery = {
  type: "object",
  additionalProperties: false,
  properties: { min: { type: "integer", minimum: 1, maximum: 1000 } },
} as const;

/** A search query, the page size and where the page starts in the ranked list. */
export const searchQuery = {
  type: "object",
  required: ["q"],
  additionalProperties: false,
  properties: {
    q: { type: "string", minLength: 1, maxLength: 200 },
    offset: { type: "integer", minimum: 0, maximum: 100_000 },
    limit: { type: "integer", minimum: 1, maximum: 100 },
  },
} as const;

// Longest text accepted for one article or one pasted text, in characters.
export const MAX_TEXT_CHARS = 200_000;

/** A pasted text to read without storing. */
export const extractBody = {
  type: "object",
  required: ["text"],
  additionalProperties: false,
  properties: {
    text: { type: "string", minLength: 1, maxLength: MAX_TEXT_CHARS },
    date: { type: "string", pattern: DATE },
    title: { type: "string", maxLength: 500 },
    outlet: { type: "string", maxLength: 200 },
  },
} as const;

/** One article to ingest: its text, or a URL to fetch. */
export const articleBody = {
  type: "object",
  additionalProperties: false,
  anyOf: [{ required: ["text"] }, { required: ["url"] }],
  properties: {
    text: { type: "string", minLength: 1, maxLength: MAX_TEXT_CHARS },
    url: { type: "string", maxLength: 2000, pattern: "^https?://" },
    title: { type: "string", maxLength: 500 },
    outlet: { type: "string", maxLength: 200 },
    date: { type: "string", pattern: DATE },
  },
} as const;

/** A question is posted as its YAML text. */
export const questionBody = { type: "string", minLength: 1, maxLength: 100_000 } as const;

/** The error body every failing route answers with. */
export const errorSchema = {
  type: "object",
  required: ["error", "message", "statusCode"],
  properties: { error: { type: "string" }, message: { type: "string" }, statusCode: { type: "integer" } },
} as const;
