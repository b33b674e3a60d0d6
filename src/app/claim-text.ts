// How a claim is said in words everywhere it leaves the product (briefs, alerts, exports): its plain-words statement
// when it has one, else its summary.
import type { ClaimView } from "../store/index.js";

/** The claim in plain words; a claim that something did not or will not happen says so. */
export function claimText(claim: Pick<ClaimView, "summary"> & { statement?: string | null; polarity?: string }): string {
  const statement = claim.statement?.trim();
  if (statement) return statement;
  return claim.polarity === "-" ? `No ${claim.summary}` : claim.summary;
}

/** A probability as a person reads it: "14.2%". */
export function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** Where the web UI shows a thing; `base` is the server's address. */
export const links = {
  claim: (base: string, id: string) => `${base}/claims/${encodeURIComponent(id)}`,
  report: (base: string, claim: string, report: string) => `${base}/claims/${encodeURIComponent(claim)}#report-${encodeURIComponent(report)}`,
  article: (base: string, id: string) => `${base}/articles/${encodeURIComponent(id)}`,
  story: (base: string, id: string) => `${base}/stories/${encodeURIComponent(id)}`,
  question: (base: string, id: string) => `${base}/questions/${encodeURIComponent(id)}`,
};

/** The address links point to when no server address is configured. */
export const DEFAULT_BASE_URL = "http://127.0.0.1:8080";
