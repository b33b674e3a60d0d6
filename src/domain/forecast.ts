// Plain types of forecast questions, their indicators, the evidence they read and the updates they log.
import type { Factuality, Stance } from "./extraction.js";

/** Which reports an indicator counts. Participants are entity ids once the question is resolved against the gazetteer. */
export interface IndicatorMatch {
  type: string[];
  participants: string[];
  /** "all": the happening involves every listed participant; "any": at least one. */
  participants_mode: "all" | "any";
  /** The stances it counts (a report's stance toward the happening); empty for every stance but unknown. */
  stance: Stance[];
  /** Only reports stated on the record by a participant or its government. */
  on_record: boolean;
  /** Only reports that give the happening a day or a week still ahead ("on Aug. 15", "next week"). */
  dated?: boolean;
  /** A preparatory step: a happening of another kind, or of other people, between the two sides of the question
   * (its participants' countries): an envoy meeting the counterpart, a call, a visit. */
  counterpart: boolean;
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
  /** The resolving happening; `place` is an entity id once resolved. */
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
  /** The claim's type. */
  type: string;
  /** Participants of the claim the report belongs to. */
  participants: string[];
  /** Where the happening takes place as the report names it, else as its claim does, or null. */
  place: string | null;
  published: string;
  factuality: Factuality;
  stance: Stance;
  /** True for a recap of history, and for every report of a claim only recaps tell of. */
  background: boolean;
  /** Independent origin of the report. */
  origin: string;
  /** True when a participant of the claim, or its government, states it on the record. */
  onRecord: boolean;
  /** TIMEX3 value of the happening as this report gives it (else its claim's). */
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
