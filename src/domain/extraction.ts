// Plain types of one article's reading, exactly as `bellwether extract` prints them (schema bellwether.extract/v1).
// All offsets are JavaScript string indices into `article.text`, end exclusive.

export const EXTRACT_SCHEMA = "bellwether.extract/v1";

/** A half-open character range [start, end) into the article text. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers. */
export interface TextSpan extends Span {
  text: string;
}

/** The input of one extraction: the text and what is known about it. */
export interface ArticleInput {
  id?: string;
  text: string;
  /** Document creation time, YYYY-MM-DD. */
  date?: string | null;
  /** Date from the document's own metadata (header block, HTML meta); used only when neither `date` nor a dateline gives one. */
  metaDate?: string | null;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  byline?: string | null;
  language?: string | null;
  /** The source the document's channel names for it (a feed item's `<source>`, an agency credit), kept as its origin hint. */
  sourceHint?: string | null;
}

export interface ArticleMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  text: string;
  byline?: string | null;
  /** Where `published` came from: the caller, a dateline in the text, document metadata, or nowhere. */
  published_source?: "given" | "dateline" | "metadata" | null;
  /** The agencies the text credits ("(Yonhap)", "— IANS", "with AFP", "AP reported"), for linking agency copy to its origin. */
  credits: SourceRef[];
}

export type EntityType = "person" | "country" | "organization" | "place" | "event" | "group" | "outlet";

export interface EntityMention extends TextSpan {
  /** Index of the sentence holding the mention. */
  sentence?: number;
}

export interface Entity {
  /** Canonical id from the gazetteer ("person:kim-jong-un", "country:KP", "outlet:cnn"), or a local id for unknown names. */
  id: string;
  name: string;
  type: EntityType;
  mentions: EntityMention[];
}

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

export interface TimeExpr extends TextSpan {
  type: TimeType;
  /** TIMEX3 value, e.g. 2025-10-18, 2025-W35, 2025-FA, PAST_REF, PT3H. */
  value: string;
}

export interface SourceRef {
  text: string;
  /** Linked entity id, or null when the source is not a known entity (e.g. "two diplomats"). */
  entity: string | null;
  /** The name of the entity a source written as a pronoun or a description was resolved to ("he", "the newspaper" →
   * "Dmitry Peskov", "The Wall Street Journal"), as the ledger shows it; `text` stays as written. */
  name?: string;
}

/** How a source is shown: a pronoun or a description by the name of the one it stands for, a name as written. */
export function sourceName(ref: SourceRef): string {
  return ref.name ?? ref.text;
}

export interface Attribution {
  sentence: number;
  source: TextSpan & { entity: string | null };
  cue: TextSpan;
  content: Span;
  /** From the source the author names first to the deepest (root) source. */
  chain: SourceRef[];
}

export type Factuality = "CT+" | "CT-" | "PR+" | "PR-" | "PS+" | "PS-" | "Uu";

/** What a report says about the stage of its happening (docs/stance.md). */
export type Stance = "occurred" | "scheduled" | "discussed" | "wanted" | "unplanned" | "called_off" | "failed" | "refused" | "unknown";

export const STANCES: readonly Stance[] = ["occurred", "scheduled", "discussed", "wanted", "unplanned", "called_off", "failed", "refused", "unknown"];

export interface EventMention {
  id: string;
  sentence: number;
  trigger: TextSpan;
  /** Event class, e.g. meet, communicate, say, sign, demand, reject, threaten, military_exercise, sanction, attack. */
  type: string;
  /** CAMEO code where one fits, else null. */
  cameo: string | null;
  participants: string[];
  factuality: Factuality;
  /** The chain of sources presenting the event, outermost first; empty when the author asserts it directly. */
  source: SourceRef[];
  /** TIMEX3 value of the event's time, or null. */
  time: string | null;
  condition: Span | null;
  /** The report's stance toward the happening, read from the whole sentence. */
  stance: Stance;
  /** True when the mention recalls a happening well before the article (a recap, never news). */
  background: boolean;
  /** Entity id of where the happening takes place, or null. */
  place: string | null;
}

export interface Extraction {
  schema: typeof EXTRACT_SCHEMA;
  article: ArticleMeta;
  sentences: Span[];
  entities: Entity[];
  times: TimeExpr[];
  attributions: Attribution[];
  events: EventMention[];
}
