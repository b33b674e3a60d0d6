// Plain types of forecast questions, their indicators, the evidence they read and the updates they log.
import type { Factuality } from "./extraction.js";

/** Which claims an indicator matches. Participants are entity ids once the question is resolved against the gazetteer. */
export interface IndicatorMatch {
  type: string[];
  participants: string[];
  /** "all": the claim involves every listed participant; "any": at least one. */
  participants_mode: "all" | "any";
  /** The polarity the indicator looks for; a report of the opposite polarity matches its inverse. */
  polarity: "+" | "-";
  /** Only reports on the record from a participant or its government. */
  on_record: boolean;
  /** Only reports that give the happening a calendar date (a date or month announced). */
  scheduled: boolean;
}

export interface Indicator {
  name: string;
  match: IndicatorMatch;
  /** Likelihood ratio P(evidence | yes) / P(evidence | no) of one fully certain, independent report. */
  lr: number;
}

export interface Question {
  id: string;
  title: string;
  criteria: string;
  opens: string;
  deadline: string;
  prior: number;
  event: { type: string; participants: string[]; place: string | null };
  indicators: Indicator[];
  /** True when the indicators were derived from the event rather than written by hand. */
  default_indicators: boolean;
}

/** One report of a claim, as the forecast engine reads it. */
export interface Evidence {
  report: string;
  claim: string;
  article: string;
  type: string;
  /** Participants of the claim the report belongs to. */
  participants: string[];
  /** Participants the report's own sentence names: a claim's resolution must be told of all of them. */
  mentionParticipants: string[];
  published: string;
  factuality: Factuality;
  /** Independent origin key of the report. */
  origin: string;
  onRecord: boolean;
  /** TIMEX3 value of the happening as this report gives it. */
  eventTime: string | null;
}

export interface ForecastUpdate {
  /** Publication time of the evidence that moved the probability (or the day time passing lowered it). */
  at: string;
  probability: number;
  previous: number;
  indicator: string;
  claim: string | null;
  reports: string[];
  reason: string;
}

export type QuestionStatus = "open" | "yes" | "no";

export interface Forecast {
  probability: number;
  status: QuestionStatus;
  resolved_at: string | null;
  updates: ForecastUpdate[];
}

export interface Resolution {
  outcome: "yes" | "no";
  at: string;
  note?: string;
}
