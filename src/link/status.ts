// A claim's status over time: reported → corroborated → confirmed / denied / contradicted / stale, derived from its reports.
import type { Factuality } from "../domain/extraction.js";
import { addDays, daysBetween } from "../domain/calendar.js";

export type ClaimStatus = "reported" | "corroborated" | "confirmed" | "denied" | "contradicted" | "stale";

export interface StatusReport {
  id: string;
  published: string | null;
  factuality: Factuality;
  /** Independent origin key of the report. */
  origin: string;
  /** True when the report's root source is a participant of the claim or a participant's government, on the record. */
  onRecord: boolean;
}

export interface StatusChange {
  status: ClaimStatus;
  at: string;
}

export interface StatusOptions {
  /** A claim with no new report for this many days goes stale (confirmed and denied claims stay as they are). */
  staleDays: number;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = { staleDays: 30 };

const COMMITTED_POSITIVE = new Set<Factuality>(["CT+", "PR+", "PS+"]);
const COMMITTED_NEGATIVE = new Set<Factuality>(["CT-", "PR-"]);

/** The same certainty with the other polarity (CT+ ↔ CT-); Uu stays. */
export function flip(f: Factuality): Factuality {
  if (f.endsWith("+")) return `${f.slice(0, -1)}-` as Factuality;
  if (f.endsWith("-")) return `${f.slice(0, -1)}+` as Factuality;
  return f;
}

function statusAfter(seen: StatusReport[]): ClaimStatus {
  const positive = new Set<string>();
  const negative = new Set<string>();
  let record: "confirmed" | "denied" | null = null;
  for (const r of seen) {
    if (r.onRecord && r.factuality === "CT+") record = "confirmed";
    else if (r.onRecord && COMMITTED_NEGATIVE.has(r.factuality)) record = "denied";
    if (COMMITTED_POSITIVE.has(r.factuality)) positive.add(r.origin);
    else if (COMMITTED_NEGATIVE.has(r.factuality) || r.factuality === "PS-") negative.add(r.origin);
  }
  if (record) return record;
  if (positive.size > 0 && negative.size > 0) return "contradicted";
  if (positive.size >= 2 || negative.size >= 2) return "corroborated";
  return "reported";
}

/**
 * The status history of a claim, recomputed from all its reports in publication order, so that it does not depend on
 * the order articles were ingested in. `asOf` (the newest publication date in the store) closes the history with
 * "stale" when the claim has gone quiet.
 */
export function statusHistory(reports: StatusReport[], asOf: string | null, opts: StatusOptions = DEFAULT_STATUS_OPTIONS, polarity: "+" | "-" = "+"): StatusChange[] {
  // A claim that something did not or will not happen is confirmed by those who say it did not, denied by those who
  // say it did: its reports are read against the claim.
  const read = polarity === "-" ? reports.map((r) => ({ ...r, factuality: flip(r.factuality) })) : reports;
  const dated = read.filter((r) => r.published).sort((a, b) => a.published!.localeCompare(b.published!) || a.id.localeCompare(b.id));
  const history: StatusChange[] = [];
  const seen: StatusReport[] = [];
  let current: ClaimStatus | null = null;
  let last: string | null = null;
  const push = (status: ClaimStatus, at: string) => {
    if (status !== current) {
      history.push({ status, at });
      current = status;
    }
  };
  let i = 0;
  while (i < dated.length) {
    const day = dated[i].published!;
    if (last && current !== "confirmed" && current !== "denied" && daysBetween(last, day) > opts.staleDays) {
      push("stale", addDays(last, opts.staleDays));
    }
    // All reports of one day count together, so one day's order does not show in the history.
    while (i < dated.length && dated[i].published === day) seen.push(dated[i++]);
    push(statusAfter(seen), day);
    last = day;
  }
  if (last && asOf && current !== "confirmed" && current !== "denied" && daysBetween(last, asOf) > opts.staleDays) {
    push("stale", addDays(last, opts.staleDays));
  }
  return history;
}
