// Links one freshly stored article into the ledger: its claims, their independent origins, their status, and its story.
import { createHash } from "node:crypto";
import type { EventMention } from "../domain/extraction.js";
import type { Executor } from "../store/index.js";
import { candidateClaims, insertClaim, insertReport, replaceClaimStatus, replaceOrigins, updateClaim } from "../store/ledger.js";
import { articleOutlet, entityNames, hasReport, linkableArticle, reportProvenance, type LinkableArticle } from "../store/linking.js";
import { bestClaim, intentEvent, isClaimable, isParticipant, moreSpecificTime, polarityOf, summarize, DEFAULT_LINK_OPTIONS, type ClaimKey, type LinkOptions } from "../link/claims.js";
import { gazetteerFacts, outletEntityOf, speaksFor } from "../link/entity-facts.js";
import { groupOrigins, rootOf, type ReportOriginFacts } from "../link/origins.js";
import { statusHistory, DEFAULT_STATUS_OPTIONS, type StatusOptions } from "../link/status.js";
import { addDays } from "../link/time-range.js";

export interface LedgerOptions {
  link: LinkOptions;
  status: StatusOptions;
}

export const DEFAULT_LEDGER_OPTIONS: LedgerOptions = { link: DEFAULT_LINK_OPTIONS, status: DEFAULT_STATUS_OPTIONS };

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);

/** Runs inside the article's own ingest transaction, after the article and its annotations are written. */
export async function linkArticle(tx: Executor, articleId: string, opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS): Promise<void> {
  const article = await linkableArticle(tx, articleId);
  if (!article) return;
  const readings: EventMention[] = [];
  for (const mention of article.events) {
    const sentenceStart = article.sentences[mention.sentence]?.start ?? mention.trigger.start;
    const reading = intentEvent(mention, article.text.slice(sentenceStart, mention.trigger.start)) ?? mention;
    if (isClaimable(reading)) readings.push({ ...reading, participants: reading.participants.filter(isParticipant) });
  }
  if (readings.length === 0) return;
  const pools = await candidatePools(tx, readings, article.published, opts.link.lookbackDays);
  const byClaim = new Map<string, { claim: ClaimKey; mentions: EventMention[]; isNew: boolean; cameo: string | null }>();
  const fresh: ClaimKey[] = [];
  for (const event of readings) {
    const candidate = { event, published: article.published };
    const pool = [...(pools.get(event.type) ?? []).filter((c) => c.participants.some((p) => event.participants.includes(p))), ...fresh];
    let claim = bestClaim(pool, candidate, gazetteerFacts, opts.link);
    let isNew = false;
    if (!claim) {
      claim = {
        id: `c-${shortHash(`${article.id}\u0000${event.id}`)}`,
        type: event.type,
        participants: [...event.participants],
        eventTime: event.time,
        firstReported: article.published,
        lastReported: article.published,
      };
      fresh.push(claim);
      isNew = true;
    }
    const entry = byClaim.get(claim.id);
    if (entry) entry.mentions.push(event);
    else byClaim.set(claim.id, { claim, mentions: [event], isNew, cameo: event.cameo });
  }

  for (const { claim, mentions, isNew, cameo } of byClaim.values()) {
    if (!isNew && (await hasReport(tx, claim.id, article.id))) continue;
    // One report per root source: an article that tells a claim on its own account and also quotes a participant
    // confirming it reports it twice, from two sources.
    const byRoot = new Map<string, EventMention>();
    for (const m of mentions) {
      const key = rootOf(reportFacts(article, m)).key;
      if (!byRoot.has(key)) byRoot.set(key, m);
    }
    const mention = mentions[0];
    const eventTime = mentions.reduce<string | null>((t, m) => moreSpecificTime(t, m.time), claim.eventTime);
    const first = minDate(claim.firstReported, article.published);
    const last = maxDate(claim.lastReported, article.published);
    if (isNew) {
      const names = await entityNames(tx, claim.participants);
      await insertClaim(tx, {
        id: claim.id,
        type: claim.type,
        cameo,
        summary: summarize(claim.type, names, eventTime),
        polarity: polarityOf(mention.factuality),
        event_time: eventTime,
        first_reported: first,
        last_reported: last,
        status: "reported",
        story_id: null,
        participants: claim.participants,
      });
    } else {
      const patch: Parameters<typeof updateClaim>[2] = { first_reported: first, last_reported: last };
      // A claim first told with fewer participants takes on the fuller set once a report names them.
      const wider = mentions.find((m) => m.participants.length > claim.participants.length && claim.participants.every((p) => m.participants.includes(p)));
      if (wider) {
        claim.participants = [...wider.participants];
        patch.participants = claim.participants;
      }
      if (eventTime !== claim.eventTime) patch.event_time = eventTime;
      if (eventTime !== claim.eventTime || wider) patch.summary = summarize(claim.type, await entityNames(tx, claim.participants), eventTime);
      await updateClaim(tx, claim.id, patch);
    }
    for (const [, m] of byRoot) {
      await insertReport(tx, {
        id: `${article.id}:${m.id}`,
        claim_id: claim.id,
        article_id: article.id,
        event_id: m.id,
        sentence: m.sentence,
        trigger: m.trigger.text,
        factuality: m.factuality,
        chain: m.source.map((src) => src.text),
        root: rootOf(reportFacts(article, m)).root,
        published: article.published,
      });
    }
    await refreshClaim(tx, claim.id, claim.participants, opts);
  }
}

/** Recomputes a claim's origins and status history from all its reports, so ingest order does not matter. */
export async function refreshClaim(tx: Executor, claimId: string, participants: string[], opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS): Promise<void> {
  const reports = await reportProvenance(tx, claimId);
  const outlets = new Map<string, { name: string | null; entity: string | null } | null>();
  for (const r of reports) {
    if (r.near_duplicate_of && !outlets.has(r.near_duplicate_of)) {
      const o = await articleOutlet(tx, r.near_duplicate_of);
      outlets.set(r.near_duplicate_of, o ? { name: o.name, entity: outletEntityOf(o.name) } : null);
    }
  }
  const facts: ReportOriginFacts[] = reports.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    outlet: r.outlet,
    outletEntity: outletEntityOf(r.outlet),
    published: r.published,
    chain: r.source,
    nearDuplicateOf: r.near_duplicate_of,
  }));
  const groups = groupOrigins(facts, (a) => outlets.get(a) ?? null);
  const originOf = new Map<string, string>();
  const origins = groups.map((g) => {
    const id = `o-${shortHash(`${claimId}\u0000${g.key}`)}`;
    for (const r of g.reports) originOf.set(r, id);
    return { id, claim_id: claimId, root: g.root, first_seen: g.firstSeen };
  });
  await replaceOrigins(tx, claimId, origins, originOf);
  const history = statusHistory(
    reports.map((r) => ({
      id: r.id,
      published: r.published,
      factuality: r.factuality,
      origin: originOf.get(r.id)!,
      onRecord: speaksFor(r.source.at(-1), participants, r.published),
    })),
    null,
    opts.status,
  );
  await replaceClaimStatus(tx, claimId, history);
  // A claim reads the way most of its reports tell it; its first report may be a passing denial.
  const negative = reports.filter((r) => r.factuality.endsWith("-")).length;
  await updateClaim(tx, claimId, { polarity: negative * 2 > reports.length ? "-" : "+" });
}

function reportFacts(article: LinkableArticle, m: EventMention): ReportOriginFacts {
  return { id: m.id, articleId: article.id, outlet: article.outlet, outletEntity: outletEntityOf(article.outlet), published: article.published, chain: m.source, nearDuplicateOf: article.near_duplicate_of };
}

// A report is compared with at most this many claims per event type: the most recently reported ones.
const POOL_LIMIT = 200;

/**
 * Claims an article's events may join, one query per event type: same type, reported within the look-back window, and
 * sharing a participant with one of the article's events of that type.
 */
async function candidatePools(tx: Executor, events: EventMention[], published: string | null, lookbackDays: number): Promise<Map<string, ClaimKey[]>> {
  const participantsByType = new Map<string, Set<string>>();
  for (const e of events) {
    const set = participantsByType.get(e.type) ?? new Set<string>();
    for (const p of e.participants) set.add(p);
    participantsByType.set(e.type, set);
  }
  const from = published ? addDays(published, -lookbackDays) : null;
  const pools = new Map<string, ClaimKey[]>();
  for (const [type, participants] of participantsByType) {
    pools.set(type, (await candidateClaims(tx, { type, participantIds: [...participants], from, limit: POOL_LIMIT })).map(toKey));
  }
  return pools;
}

function toKey(row: { id: string; type: string; participants: string[]; event_time: string | null; first_reported: string | null; last_reported: string | null }): ClaimKey {
  return { id: row.id, type: row.type, participants: row.participants, eventTime: row.event_time, firstReported: row.first_reported, lastReported: row.last_reported };
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
