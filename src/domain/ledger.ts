// Plain types of the ledger: claims (one happening each), their reports, independent origins, stage and status.
import type { Factuality, SourceRef, Stance } from "./extraction.js";

/** How far a happening has come, as its reports tell it: discussed → scheduled → occurred, or called off / failed. */
export type Stage = "discussed" | "scheduled" | "occurred" | "called_off" | "failed";

/**
 * How firmly the current stage stands: told by one origin (reported) or two or more (corroborated); stated on the
 * record by a party (confirmed) or told otherwise by a party (denied); told both ways by independent origins
 * (contradicted); or gone quiet before it was over (stale).
 */
export type ClaimStatus = "reported" | "corroborated" | "confirmed" | "denied" | "contradicted" | "stale";

export const STAGES: readonly Stage[] = ["discussed", "scheduled", "occurred", "called_off", "failed"];

/** One step of a claim's history: its stage and status from `at` on. */
export interface StatusChange {
  stage: Stage;
  status: ClaimStatus;
  at: string;
}

/** A claim as the linker matches reports to it: one happening, its parties, place and time, and its reporting span. */
export interface ClaimKey {
  id: string;
  /** The happening's class (meet, visit, communicate, sign …). */
  type: string;
  /** Entity ids of the parties, each once, in the order first reported. */
  participants: string[];
  /** Entity id of where it takes place, or null. */
  place: string | null;
  /** The most specific TIMEX3 value reported for it, or null. */
  eventTime: string | null;
  firstReported: string | null;
  lastReported: string | null;
  /** True for a happening told only in recaps, long before its reports: news never joins it. */
  historical: boolean;
}

/** One report of a claim, as origins and status are derived from it. */
export interface ClaimReport {
  id: string;
  claim_id: string;
  article_id: string;
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  /** The agencies the report's article credits. */
  credits: SourceRef[];
  factuality: Factuality;
  stance: Stance;
  background: boolean;
  /** The sources presenting it, outermost first. */
  source: SourceRef[];
  /** TIMEX3 value of the happening as this report gives it. */
  time: string | null;
  origin_id: string | null;
}

/** An independent origin of a claim: reports that trace back to one source. */
export interface Origin {
  id: string;
  claim_id: string;
  /** The source's display name ("CNN", "Kremlin", "Harbor City Ledger"). */
  root: string;
  first_seen: string | null;
  /** The source's key, the same under every claim ("gov:UA", "outlet:reuters"). */
  source_key: string | null;
}

/** What the linker recomputes a claim from: its reports, origins and history as they stand. */
export interface ClaimState {
  stage: Stage;
  status: ClaimStatus;
  statement: string;
  reports: ClaimReport[];
  origins: Origin[];
  history: StatusChange[];
}

/** A claim row as written: its key and the columns derived from its reports. */
export interface ClaimRecord extends ClaimKey {
  cameo: string | null;
  summary: string;
  statement: string;
  stage: Stage;
  status: ClaimStatus;
}

/** A report row as written. */
export interface ReportRecord extends ClaimReport {
  event_id: string;
  /** The place the report itself names, which may be narrower or other than its claim's. */
  place: string | null;
  sentence: number;
  trigger: string;
  chain: string[];
  root: string;
}

/** Everything linking one article changes in the ledger. */
export interface LedgerChanges {
  newClaims: ClaimRecord[];
  /** Claims whose derived columns or key changed, in full. */
  changedClaims: ClaimRecord[];
  newReports: ReportRecord[];
  /** Stored reports that move to another origin. */
  movedReports: { id: string; origin_id: string | null }[];
  newOrigins: Origin[];
  changedOrigins: Origin[];
  goneOrigins: string[];
  histories: { claimId: string; history: StatusChange[] }[];
}

