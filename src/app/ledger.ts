// Reads of the ledger shared by the CLI and the API: claims with their reports and origins, and stories.
import { addDays, daysBetween } from "../domain/calendar.js";
import { claimBriefs, claimPageIds, getClaim, listClaims, listStories, type ClaimBriefRow, type ClaimStatus, type ClaimView, type Executor, type StoryView } from "../store/index.js";
import { getStory } from "../store/stories.js";
import { latestPublished } from "../store/linking.js";

export interface StaleOptions {
  /** A claim whose happening is not over, with no new report for this many days, is stale. */
  staleDays: number;
}

export const DEFAULT_STALE_OPTIONS: StaleOptions = { staleDays: 30 };

// A plan no one has reported on for a while is stale as of the newest article in the store; the stored history holds
// only what reports caused, so this last step is added when reading. Happenings that are over never go stale.
function isStale(claim: Pick<ClaimView, "last_reported" | "stage" | "historical" | "status">, asOf: string | null, opts: StaleOptions): boolean {
  const last = claim.last_reported;
  const over = claim.stage === "occurred" || claim.stage === "called_off" || claim.stage === "failed" || claim.historical;
  return !!asOf && !!last && !over && claim.status !== "stale" && daysBetween(last, asOf) > opts.staleDays;
}

function withStaleness(claim: ClaimView, asOf: string | null, opts: StaleOptions): ClaimView {
  const last = claim.last_reported;
  const over = claim.stage === "occurred" || claim.stage === "called_off" || claim.stage === "failed" || claim.historical;
  if (!asOf || !last || over || claim.status === "stale") return claim;
  if (daysBetween(last, asOf) <= opts.staleDays) return claim;
  const at = addDays(last, opts.staleDays);
  return { ...claim, status: "stale", status_history: [...claim.status_history, { status: "stale", stage: claim.stage, at }] };
}

/** All claims, or one story's, or the given ones, as the contract prints them. */
export async function readClaims(db: Executor, opts: { storyId?: string; ids?: readonly string[]; stale?: StaleOptions } = {}): Promise<ClaimView[]> {
  const [claims, asOf] = await Promise.all([listClaims(db, { storyId: opts.storyId, ids: opts.ids }), latestPublished(db)]);
  return claims.map((c) => withStaleness(c, asOf, opts.stale ?? DEFAULT_STALE_OPTIONS));
}

/**
 * One page of the claim list (all claims, or one story's, optionally of one status as read), with the total: reads the
 * page's claims whole and only counts the rest.
 */
export async function readClaimsPage(
  db: Executor,
  q: { storyId?: string; status?: ClaimStatus; limit: number; offset: number; stale?: StaleOptions },
): Promise<{ claims: ClaimView[]; total: number }> {
  const opts = q.stale ?? DEFAULT_STALE_OPTIONS;
  const asOf = await latestPublished(db);
  const staleBefore = asOf ? addDays(asOf, -opts.staleDays) : null;
  const page = await claimPageIds(db, { storyId: q.storyId, status: q.status, staleBefore, limit: q.limit, offset: q.offset });
  const claims = page.ids.length ? await listClaims(db, { ids: page.ids }) : [];
  return { claims: claims.map((c) => withStaleness(c, asOf, opts)), total: page.total };
}

/** One claim, or undefined. */
export async function readClaim(db: Executor, id: string, opts: { stale?: StaleOptions } = {}): Promise<ClaimView | undefined> {
  const [claim, asOf] = await Promise.all([getClaim(db, id), latestPublished(db)]);
  return claim && withStaleness(claim, asOf, opts.stale ?? DEFAULT_STALE_OPTIONS);
}

/** Claims in brief (counts, not reports): those an entity takes part in, or one story's, with their staleness. */
export async function readClaimBriefs(db: Executor, by: { participant: string } | { story: string }, opts: { stale?: StaleOptions } = {}): Promise<ClaimBriefRow[]> {
  const [claims, asOf] = await Promise.all([claimBriefs(db, by), latestPublished(db)]);
  return claims.map((c) => (isStale(c, asOf, opts.stale ?? DEFAULT_STALE_OPTIONS) ? { ...c, status: "stale" } : c));
}

/** One story with its article and claim ids, or undefined. */
export async function readStory(db: Executor, id: string): Promise<StoryView | undefined> {
  return getStory(db, id);
}

/** All stories with their article and claim ids. */
export async function readStories(db: Executor): Promise<StoryView[]> {
  return listStories(db);
}
