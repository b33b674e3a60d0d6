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
  content_hash: string;
  minhash: Uint8Array;
  title: string | null;
  outlet_id: string | null;
  url: string | null;
  published: string | null;
  published_source: string | null;
  byline: string | null;
  language: string;
  text: string;
  near_duplicate_of: string | null;
  ingested_at: string;
  input: string | null;
  /** The article's story features (see `encodeStoryFeatures`), or null for articles stored before they were kept. */
  story_terms: string | null;
  /** JSON list of the agencies the text credits ({text, entity}). */
  credits: string;
}

/** Sentence spans of an article, in order. */
export interface SentenceTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
}

/** Entities shared by all articles: gazetteer ids or local ids for unknown names. */
export interface EntityTable {
  id: string;
  name: string;
  type: string;
}

/** Every surface form an entity has been read under. */
export interface AliasTable {
  entity_id: string;
  alias: string;
}

/** An entity mention; `idx` keeps the extraction's order (entities in order, then their mentions). */
export interface MentionTable {
  article_id: string;
  idx: number;
  entity_id: string;
  start: number;
  end: number;
  text: string;
  sentence: number | null;
}

/** A normalised time expression (TIMEX3 type and value). */
export interface TimeTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

/** An attribution; `chain` is a JSON array of {text, entity}. */
export interface AttributionTable {
  article_id: string;
  idx: number;
  sentence: number;
  source_start: number;
  source_end: number;
  source_text: string;
  source_entity: string | null;
  cue_start: number;
  cue_end: number;
  cue_text: string;
  content_start: number;
  content_end: number;
  chain: string;
}

/** An event mention; `participants` (entity ids) and `source` ({text, entity}[]) are JSON arrays. */
export interface EventMentionTable {
  article_id: string;
  id: string;
  idx: number;
  sentence: number;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  type: string;
  cameo: string | null;
  participants: string;
  factuality: string;
  source: string;
  time: string | null;
  condition_start: number | null;
  condition_end: number | null;
  stance: string;
  /** 1 when the mention is a recap of history, else 0. */
  background: number;
  place: string | null;
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
}

/** The entities a claim is about. */
export interface ClaimParticipantTable {
  claim_id: string;
  entity_id: string;
}

/** One article's telling of a claim; `chain` is a JSON array of source names, outermost first. */
export interface ReportTable {
  id: string;
  claim_id: string;
  article_id: string;
  event_id: string | null;
  sentence: number;
  trigger: string;
  factuality: string;
  chain: string;
  root: string | null;
  origin_id: string | null;
  published: string | null;
  stance: string;
  background: number;
  time: string | null;
}

/** An independent origin of a claim. */
export interface OriginTable {
  id: string;
  claim_id: string;
  root: string;
  first_seen: string | null;
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

/** LSH buckets of each article's MinHash signature: one row per band. */
export interface MinhashBandTable {
  article_id: string;
  band: number;
  hash: number;
}

/** Store-wide settings, such as the near-duplicate fingerprint scheme. */
export interface MetaTable {
  key: string;
  value: string;
}

/** Every table of the store, by name. */
export interface Database {
  outlets: OutletTable;
  articles: ArticleTable;
  sentences: SentenceTable;
  entities: EntityTable;
  aliases: AliasTable;
  mentions: MentionTable;
  times: TimeTable;
  attributions: AttributionTable;
  event_mentions: EventMentionTable;
  claims: ClaimTable;
  claim_participants: ClaimParticipantTable;
  reports: ReportTable;
  origins: OriginTable;
  claim_status: ClaimStatusTable;
  stories: StoryTable;
  story_articles: StoryArticleTable;
  minhash_bands: MinhashBandTable;
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
