// The typed shape of every table, as the migrations create it; all repository queries are checked against it.
import type { AlertRuleTable, AlertStateTable, AlertTable, BriefTable } from "./alerts.js";
import type { FeedItemTable, FeedTable } from "./feeds.js";
import type { QuestionResolutionTable, QuestionTable, QuestionUpdateTable } from "./questions.js";

/** Outlets that publish articles; `aliases` is a JSON array of other names. */
export interface OutletTable {
  id: string;
  name: string;
  kind: string | null;
  aliases: string;
}

/** One stored article: its body, metadata, fingerprints and ingest bookkeeping. */
export interface ArticleTable {
  id: string;
  /** Ingest order, 1-based; deterministic for the same inputs in the same order. */
  seq: number;
  /** The content hash as bytes (`packContentHash`); on SQLite the column is declared text and holds blobs. */
  content_hash: Uint8Array;
  /** The MinHash signature, 16 bits a value (`packSignature`). */
  minhash: Uint8Array;
  title: string | null;
  outlet_id: string | null;
  url: string | null;
  published: string | null;
  published_source: string | null;
  byline: string | null;
  language: string;
  /** The body as first kept; empty since it is kept deflated in `body` (read both through `articleText`). */
  text: string;
  /** The body, deflated; null for articles stored before. */
  body: Uint8Array | null;
  near_duplicate_of: string | null;
  ingested_at: string;
  input: string | null;
  /** JSON list of the agencies the text credits: [text, entity] pairs, or {text, entity} as first kept (see store/sources). */
  credits: string;
}

/** Entities shared by all articles: gazetteer ids or local ids for unknown names; `mentions` counts them in every article. */
export interface EntityTable {
  id: string;
  name: string;
  type: string;
  mentions: number;
}

/** Every surface form an entity has been read under. */
export interface AliasTable {
  entity_id: string;
  alias: string;
}

/** An article's reading (sentences, entity mentions, times, attributions, events), encoded by `encodeReading`. */
export interface ReadingTable {
  /** The article's number. */
  seq: number;
  data: Uint8Array;
}

/**
 * How often an article mentions an entity, and what the entity said in it: what the entity page lists. Keyed by the
 * entity, then the article's publication day (`UNDATED_ROW` when undated) and number, so an entity's articles are read newest
 * first, and its statements in publication order, without sorting.
 */
export interface EntityArticleTable {
  /** The entity's number (`entity_numbers`). */
  entity: number;
  /** The article's publication day, as days from 1970-01-01 (`rowDay`); `UNDATED_ROW` when it has none. */
  day: number;
  seq: number;
  /** How often the article mentions the entity; -1 when it only quotes it (`NOT_MENTIONED`). */
  mentions: number;
  /** The attributions in the article naming the entity as their source (`packSaid`), or null. */
  said: Uint8Array | null;
}

/** The number each entity is filed under in `entity_articles`, given in the order entities were first filed. */
export interface EntityNumberTable {
  num: number;
  id: string;
}

/** One claim of the ledger, merged across articles. */
export interface ClaimTable {
  id: string;
  type: string;
  cameo: string | null;
  summary: string;
  polarity: string;
  event_time: string | null;
  first_reported: string | null;
  last_reported: string | null;
  status: string;
  story_id: string | null;
  place: string | null;
  stage: string;
  statement: string;
  historical: number;
  /** The parties' full names as the search index holds them for the claim (on SQLite, the index reads them here). */
  parties: string;
  /** The parties' entity numbers, as JSON (see `packParticipants`); `claim_participants` has them by entity. */
  participants: string;
}

/** The claims an entity takes part in, keyed by the entity's number (a claim's own row lists its participants' ids). */
export interface ClaimParticipantTable {
  /** The entity's number (`entity_numbers`). */
  entity: number;
  claim_id: string;
}

/**
 * One article's telling of a claim. `chain` (source names, outermost first), `root` and `source` are kept as
 * store/sources writes them: read them through `unpackReportSources`. Read the id through `reportIdOf`.
 */
export interface ReportTable {
  /** The article's number. */
  seq: number;
  /** The report's id when it is not its article's id and its event's (`keptReportId`), else empty. */
  id: string;
  claim_id: string;
  event_id: string | null;
  sentence: number;
  trigger: string;
  factuality: string;
  chain: string;
  root: string | null;
  origin_id: string | null;
  stance: string;
  background: number;
  time: string | null;
  /** JSON list of the sources presenting it, outermost first: [text, entity] pairs (or {text, entity} as first kept). */
  source: string;
  /** Where the trigger sits in the article's text. */
  trigger_start: number | null;
  trigger_end: number | null;
  /** The place the report itself names for the happening (an entity id), or null. */
  place: string | null;
}

/** An independent origin of a claim. */
export interface OriginTable {
  id: string;
  claim_id: string;
  root: string;
  first_seen: string | null;
  /** The root source's key, the same under every claim ("gov:UA"); null for origins stored before it was kept. */
  source_key: string | null;
}

/** A claim's status changes, numbered in the order they were recorded. */
export interface ClaimStatusTable {
  claim_id: string;
  seq: number;
  status: string;
  at: string;
  stage: string | null;
}

/** A developing story: a group of articles. */
export interface StoryTable {
  id: string;
  title: string;
  first_published: string | null;
  last_published: string | null;
}

/** Which articles belong to which story. */
export interface StoryArticleTable {
  story_id: string;
  article_id: string;
}

/** A story's running sums as the incremental grouping keeps them (see `StorySums`); `terms` is deflated JSON. */
export interface StoryGroupTable {
  key: number;
  /** The story as written (`stories.id`), once it is. */
  story_id: string | null;
  size: number;
  with_identity: number;
  first_ms: number | null;
  last_ms: number | null;
  next_check: number;
  terms: Uint8Array;
}

/** The grouping's story of each grouped article. */
export interface StoryMemberTable {
  article_id: string;
  story_key: number;
}

/** How many grouped articles use each story term. */
export interface StoryTermTable {
  term: string;
  df: number;
}

/** LSH buckets of each article's MinHash signature: one row per band, keyed by bucket, naming the article by number. */
export interface LshBucketTable {
  band: number;
  hash: number;
  seq: number;
}

/** Store-wide settings, such as the near-duplicate fingerprint scheme. */
export interface MetaTable {
  key: string;
  value: string;
}

/** A document read by a queue worker, waiting to be stored in its turn (see store/queue). */
export interface QueueReadingTable {
  position: number;
  input: string;
  reading: Uint8Array | null;
  error: string | null;
}

/** Every table of the store, by name. */
export interface Database {
  outlets: OutletTable;
  articles: ArticleTable;
  entities: EntityTable;
  aliases: AliasTable;
  readings: ReadingTable;
  entity_articles: EntityArticleTable;
  entity_numbers: EntityNumberTable;
  claims: ClaimTable;
  claim_participants: ClaimParticipantTable;
  reports: ReportTable;
  origins: OriginTable;
  claim_status: ClaimStatusTable;
  stories: StoryTable;
  story_articles: StoryArticleTable;
  story_groups: StoryGroupTable;
  story_members: StoryMemberTable;
  story_terms: StoryTermTable;
  lsh_buckets: LshBucketTable;
  queue_readings: QueueReadingTable;
  meta: MetaTable;
  questions: QuestionTable;
  question_updates: QuestionUpdateTable;
  question_resolutions: QuestionResolutionTable;
  feeds: FeedTable;
  feed_items: FeedItemTable;
  alert_rules: AlertRuleTable;
  alert_state: AlertStateTable;
  alerts: AlertTable;
  briefs: BriefTable;
}
