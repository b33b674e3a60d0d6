// Linking one article into the ledger, as a stage of numbered steps over a small read port: its near-duplicates are
// known already (step 1, at ingest), its mentions are read (2), joined to the happenings they tell of (3), their
// reports grouped into independent origins (4), and each touched claim's stage, status and statement derived (5).
// Stories (6) grow on a thread of their own. Pure but for the port: the caller loads, applies and commits.
import { createHash } from "node:crypto";
import { type SourceRef, sourceName } from "../domain/extraction.js";
import type { ClaimKey, ClaimRecord, ClaimReport, ClaimState, LedgerChanges, Origin, ReportRecord } from "../domain/ledger.js";
import { entityById } from "../extract/gazetteer.js";
import { isOnRecordSource, speaksFor } from "../extract/entity-facts.js";
import { moreSpecificTime } from "../domain/calendar.js";
import { minParties, readingsOf, type ReadableArticle, type Reading } from "./02-readings.js";
import { assignReadings, DEFAULT_LINK_OPTIONS, type Assignment, type LinkOptions, type PreparedClaim } from "./03-coreference.js";
import { groupOrigins, rootOf, type OriginGroup } from "./04-origins.js";
import { bestReport, statementOf, statusHistory, type StatusReport } from "./05-status.js";
import { isNamedSource } from "./names.js";

/** One stored article as linking reads it. */
export interface ArticleToLink extends ReadableArticle {
  id: string;
  near_duplicate_of: string | null;
  credits: SourceRef[];
  /** The mentions as the ledger reads them, when read already (on a reader thread). */
  readings?: Reading[];
}

/** What linking reads of the ledger as it stands. */
export interface LedgerView {
  /** The claims of the reading's type that it may join (sharing a party, reported within the look-back window). */
  candidates(r: Reading, published: string | null): Promise<readonly PreparedClaim[]>;
  /** The stored state of each given claim. */
  states(claimIds: string[]): Promise<Map<string, ClaimState>>;
  /** The outlet of each given stored article (the originals that reports copy). */
  outlets(articleIds: string[]): Promise<Map<string, { name: string | null; entity: string | null }>>;
  /** Display names of entities the gazetteer does not know. */
  names(ids: string[]): Promise<Map<string, string>>;
}

/** What linking one article produced: the changes to write, and each touched claim's new key and state. */
export interface LinkOutcome {
  changes: LedgerChanges;
  claims: { key: ClaimKey; state: ClaimState }[];
}

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);
const originId = (claimId: string, key: string) => `o-${shortHash(`${claimId}\u0000${key}`)}`;

/** Links one article: its readings' claims, reports, origins, stage, status and statement. */
export async function linkArticle(article: ArticleToLink, view: LedgerView, opts: LinkOptions = DEFAULT_LINK_OPTIONS): Promise<LinkOutcome> {
  const readings = article.readings ?? readingsOf(article);
  const changes: LedgerChanges = { newClaims: [], changedClaims: [], newReports: [], movedReports: [], newOrigins: [], changedOrigins: [], goneOrigins: [], histories: [] };
  if (readings.length === 0) return { changes, claims: [] };
  const pools = new Map<Reading, readonly PreparedClaim[]>();
  for (const r of readings) pools.set(r, await view.candidates(r, article.published));
  const assignments = assignReadings(readings, article.published, (r) => pools.get(r) ?? [], (r) => `c-${shortHash(`${article.id}\u0000${r.mention.id}`)}`, opts);
  const states = await view.states(assignments.filter((a) => !a.isNew).map((a) => a.claim.id));
  const copied = new Set<string>();
  const work = assignments.map((a) => {
    const state = states.get(a.claim.id) ?? emptyState();
    const added = newReports(article, a);
    const reports = [...state.reports, ...added.map((r) => r as ClaimReport)];
    for (const r of reports) if (r.near_duplicate_of) copied.add(r.near_duplicate_of);
    return { a, state, added, reports, before: { ...a.claim } };
  });
  const outlets = await view.outlets([...copied]);
  const unknown = [...new Set(work.flatMap((w) => [...w.a.claim.participants, ...(w.a.claim.place ? [w.a.claim.place] : [])]))].filter((id) => !entityById(id));
  const names = await view.names(unknown);
  const nameOf = (id: string) => shortName(id, names);
  const claims: LinkOutcome["claims"] = [];
  for (const w of work) {
    absorb(w.a, article.published);
    const groups = groupOrigins(w.reports, (id) => outlets.get(id) ?? null);
    const { originOf, origins } = writeOrigins(w.a.claim.id, groups, w.state, changes);
    for (const r of w.added) changes.newReports.push({ ...r, origin_id: originOf.get(r.id) ?? null });
    for (const r of w.state.reports) {
      const want = originOf.get(r.id) ?? null;
      if (r.origin_id !== want) changes.movedReports.push({ id: r.id, origin_id: want });
    }
    const statusReports: StatusReport[] = w.reports.map((r) => ({ ...r, origin: originOf.get(r.id)!, onRecord: speaksFor(r.source.at(-1), w.a.claim.participants, r.published) }));
    const history = statusHistory(statusReports);
    const current = history.at(-1) ?? { stage: w.state.stage, status: w.state.status };
    const best = bestReport(statusReports, current.stage);
    const voice = best && new Set(statusReports.filter((r) => r.stance === best.stance).map((r) => r.origin)).size < 2 ? voiceName(best, nameOf) : null;
    const statement = statementOf(w.a.claim, current.stage, nameOf, voice);
    const same = history.length === w.state.history.length && history.every((h, i) => h.stage === w.state.history[i].stage && h.status === w.state.history[i].status && h.at === w.state.history[i].at);
    if (!same) changes.histories.push({ claimId: w.a.claim.id, history });
    const record: ClaimRecord = { ...w.a.claim, cameo: w.a.readings[0].mention.cameo, summary: summaryOf(w.a.claim, nameOf), statement, stage: current.stage, status: current.status };
    const reports = statusReports.map(({ origin: _, onRecord: __, ...r }) => ({ ...r, origin_id: originOf.get(r.id) ?? null })).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const state: ClaimState = { stage: current.stage, status: current.status, statement, reports, origins, history: same ? w.state.history : history };
    if (w.a.isNew) changes.newClaims.push(record);
    else if (changedKey(w.before, w.a.claim) || w.state.stage !== current.stage || w.state.status !== current.status || w.state.statement !== statement) changes.changedClaims.push(record);
    claims.push({ key: w.a.claim, state });
  }
  return { changes, claims };
}

const emptyState = (): ClaimState => ({ stage: "discussed", status: "reported", statement: "", reports: [], origins: [], history: [] });

function changedKey(a: ClaimKey, b: ClaimKey): boolean {
  return a.place !== b.place || a.eventTime !== b.eventTime || a.firstReported !== b.firstReported || a.lastReported !== b.lastReported || a.participants.join() !== b.participants.join();
}

// Takes the article's readings of a claim into its key: its time, place and reporting span. A reading naming only
// some of the parties and told as held joins a claim it may be part of, but does not place or date it: "talks with
// Zelensky on Monday" in a sentence that also names Putin is no day or place of a Putin-Zelensky meeting.
function absorb(a: Assignment, published: string | null): void {
  const c = a.claim;
  for (const r of a.readings) {
    if (r.parties.length < minParties(r.type) && r.stance === "occurred") continue;
    c.eventTime = moreSpecificTime(c.eventTime, r.time);
    c.place ??= r.place;
  }
  if (published) {
    if (!c.firstReported || published < c.firstReported) c.firstReported = published;
    if (!c.lastReported || published > c.lastReported) c.lastReported = published;
  }
}

// One report per root source and stance: an article that tells of a plan on its own account and quotes a party
// confirming it reports it twice, from two sources; one that tells the same source twice reports it once.
function newReports(article: ArticleToLink, a: Assignment): ReportRecord[] {
  const seen = new Set<string>();
  const out: ReportRecord[] = [];
  for (const r of a.readings) {
    const m = r.mention;
    const report: ReportRecord = {
      id: `${article.id}:${m.id}`,
      claim_id: a.claim.id,
      article_id: article.id,
      outlet: article.outlet,
      published: article.published,
      near_duplicate_of: article.near_duplicate_of,
      credits: article.credits,
      factuality: m.factuality,
      stance: r.stance,
      background: r.background,
      source: m.source,
      time: r.time,
      origin_id: null,
      event_id: m.id,
      place: m.place,
      sentence: m.sentence,
      trigger: m.trigger.text,
      chain: m.source.map(sourceName),
      root: "",
    };
    const { key, root } = rootOf(report);
    if (seen.has(`${key}\u0000${r.stance}`)) continue;
    seen.add(`${key}\u0000${r.stance}`);
    out.push({ ...report, root });
  }
  return out;
}

// Origin rows for the groups, with the rows that differ from the stored ones added to `changes`.
function writeOrigins(claimId: string, groups: OriginGroup[], state: ClaimState, changes: LedgerChanges): { originOf: Map<string, string>; origins: Origin[] } {
  const originOf = new Map<string, string>();
  const origins = groups.map((g) => {
    const id = originId(claimId, g.key);
    for (const r of g.reports) originOf.set(r, id);
    return { id, claim_id: claimId, root: g.root, first_seen: g.firstSeen, source_key: g.key };
  });
  const had = new Map(state.origins.map((o) => [o.id, o]));
  for (const o of origins) {
    const h = had.get(o.id);
    if (!h) changes.newOrigins.push(o);
    else if (h.root !== o.root || h.first_seen !== o.first_seen || h.source_key !== o.source_key) changes.changedOrigins.push(o);
  }
  const kept = new Set(origins.map((o) => o.id));
  for (const o of state.origins) if (!kept.has(o.id)) changes.goneOrigins.push(o.id);
  return { originOf, origins };
}

/** The short name a statement uses: a person's surname, a place's or country's name, else the stored name. */
export function shortName(id: string, names: Map<string, string>): string {
  const e = entityById(id);
  if (e?.type === "person") return e.surname ?? e.name;
  if (e?.type === "organization" && e.aliases.some((a) => a.toLowerCase() === `the ${e.name.toLowerCase()}`)) return `the ${e.name}`;
  return e?.name ?? names.get(id) ?? id.replace(/^[a-z]+:/, "").replace(/-/g, " ");
}

/**
 * Who tells the report, as a statement puts it: "Trump says", "the Kremlin says", "Reuters reports". Unnamed people
 * ("two diplomats familiar with the plans", "U.S. officials") name no one: the outlet, or the agency it credits, tells it.
 */
function voiceName(r: StatusReport, nameOf: (id: string) => string): string {
  const ref = [...r.source].reverse().find((s) => isNamedSource(s) && (!s.entity || s.entity.startsWith("local:") || isOnRecordSource(s)));
  if (ref?.entity && !ref.entity.startsWith("local:")) return `${nameOf(ref.entity)} ${ref.entity.startsWith("outlet:") ? "reports" : "says"}`;
  if (ref) return `${sourceName(ref).replace(/^(?:a|an)\s+/i, "")} says`;
  return `${r.credits[0]?.text ?? r.outlet ?? "an outlet"} reports`;
}

/** The structured label: "meet — Trump, Putin · Budapest · 2025-10". */
export function summaryOf(claim: ClaimKey, nameOf: (id: string) => string): string {
  const parts = [`${claim.type} — ${claim.participants.map(nameOf).join(", ")}`];
  if (claim.place) parts.push(nameOf(claim.place));
  if (claim.eventTime) parts.push(claim.eventTime);
  return parts.join(" · ");
}
