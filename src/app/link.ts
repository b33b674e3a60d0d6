// Links each freshly stored article into the ledger: its claims, their independent origins and their status. One
// linker serves one ingest run and keeps the run's claims in memory, so an article costs a handful of statements.
import { createHash } from "node:crypto";
import type { EventMention } from "../domain/extraction.js";
import type { Executor } from "../store/index.js";
import { applyLedgerChanges, claimsOfType, type ClaimPatch, type ClaimRow, type LedgerChanges, type NewReport } from "../store/ledger.js";
import { articleOutlets, claimStates, entityNames, type ClaimState, type ReportProvenance } from "../store/linking.js";
import { ClaimIndex } from "../link/claim-index.js";
import { bestClaim, intentEvent, isClaimable, isParticipant, moreSpecificTime, polarityOf, summarize, DEFAULT_LINK_OPTIONS, type ClaimKey, type LinkOptions } from "../link/claims.js";
import { gazetteerFacts, outletEntityOf, speaksFor } from "../link/entity-facts.js";
import { groupOrigins, rootOf, type ReportOriginFacts } from "../link/origins.js";
import { statusHistory, DEFAULT_STATUS_OPTIONS, type StatusOptions } from "../link/status.js";

export interface LedgerOptions {
  link: LinkOptions;
  status: StatusOptions;
}

export const DEFAULT_LEDGER_OPTIONS: LedgerOptions = { link: DEFAULT_LINK_OPTIONS, status: DEFAULT_STATUS_OPTIONS };

/** A just-stored article as the linker needs it, handed over by ingest instead of being read back. */
export interface ArticleToLink {
  id: string;
  /** Its ingest sequence number. */
  seq: number;
  text: string;
  /** The publishing outlet's stored name. */
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  sentences: { start: number }[];
  events: EventMention[];
}

/** How each stored article is linked into the ledger, inside its own ingest transaction. */
export type ArticleLinker = (tx: Executor, article: ArticleToLink) => Promise<void>;

// A report is compared with at most this many claims: the most recently reported ones sharing a participant.
const POOL_LIMIT = 200;

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);

// Every report of every claim an article touches names its outlet again: look each outlet name up once per process.
const outletEntities = new Map<string, string | null>();
function outletEntity(name: string | null): string | null {
  if (!name) return null;
  let id = outletEntities.get(name);
  if (id === undefined) {
    id = outletEntityOf(name);
    outletEntities.set(name, id);
  }
  return id;
}

/** The linker of one ingest run. Articles must be handed over in the order they were stored. */
export function createLinker(opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS): ArticleLinker {
  const index = new ClaimIndex();
  const names = new Map<string, string>();
  let lastSeq: number | null = null;
  return async (tx, article) => {
    // Another writer stored articles since this run's last one, so its claims may have changed: read them afresh.
    if (lastSeq !== null && article.seq !== lastSeq + 1) index.clear();
    lastSeq = null;
    try {
      await link(tx, article, index, names, opts);
    } catch (err) {
      // The transaction rolls back, so claims the index took from this article never reached the store.
      index.clear();
      throw err;
    }
    lastSeq = article.seq;
  };
}

/** One claim the article reports, with its mentions and what the article changes about it. */
interface Touched {
  claim: ClaimKey;
  mentions: EventMention[];
  isNew: boolean;
  cameo: string | null;
}

async function link(tx: Executor, article: ArticleToLink, index: ClaimIndex, names: Map<string, string>, opts: LedgerOptions): Promise<void> {
  const readings = claimReadings(article);
  if (readings.length === 0) return;
  for (const type of new Set(readings.map((r) => r.type))) {
    if (!index.has(type)) index.load(type, (await claimsOfType(tx, type)).map(toKey));
  }
  const touched = assignClaims(article, readings, index, opts.link);
  const existing = touched.filter((t) => !t.isNew).map((t) => t.claim.id);
  const states = await claimStates(tx, existing);

  // Outlets of the articles that reports copy: a wire copy joins the origin of the outlet it copies.
  const copied = new Set<string>();
  if (article.near_duplicate_of) copied.add(article.near_duplicate_of);
  for (const s of states.values()) for (const r of s.reports) if (r.near_duplicate_of) copied.add(r.near_duplicate_of);
  const copiedOutlets = await articleOutlets(tx, [...copied]);
  const outletOf = (id: string) => {
    if (!copiedOutlets.has(id)) return null;
    const name = copiedOutlets.get(id) ?? null;
    return { name, entity: outletEntity(name) };
  };

  // Summaries name the participants: one lookup for every name this article may need that the run has not seen yet.
  const unnamed = [...new Set(touched.flatMap((t) => [...t.claim.participants, ...t.mentions.flatMap((m) => m.participants)]))].filter((id) => !names.has(id));
  const found = await entityNames(tx, unnamed);
  unnamed.forEach((id, i) => names.set(id, found[i]));
  const summary = (claim: ClaimKey, eventTime: string | null) => summarize(claim.type, claim.participants.map((id) => names.get(id) ?? id), eventTime);

  const changes: LedgerChanges = { newClaims: [], claimUpdates: [], newOrigins: [], changedOrigins: [], newReports: [], movedReports: [], goneOrigins: [], histories: [] };
  for (const t of touched) {
    const { claim, mentions, isNew } = t;
    const state: ClaimState = states.get(claim.id) ?? { status: "reported", polarity: "+", reports: [], origins: [], history: [] };
    const eventTime = mentions.reduce<string | null>((time, m) => moreSpecificTime(time, m.time), claim.eventTime);
    const first = minDate(claim.firstReported, article.published);
    const last = maxDate(claim.lastReported, article.published);
    // A claim first told with fewer participants takes on the fuller set once a report names them.
    const wider = isNew ? undefined : mentions.find((m) => m.participants.length > claim.participants.length && claim.participants.every((p) => m.participants.includes(p)));
    if (wider) claim.participants = [...wider.participants];

    const reports = newReports(article, claim.id, mentions);
    const all: ReportProvenance[] = [...state.reports, ...reports.map((r) => r.provenance)];
    const { originOf, status, history, polarity } = derive(claim, all, state, outletOf, changes, opts);
    for (const r of reports) changes.newReports.push({ ...r.row, origin_id: originOf.get(r.row.id) ?? null });
    for (const r of state.reports) {
      const want = originOf.get(r.id) ?? null;
      if (r.origin_id !== want) changes.movedReports.push({ id: r.id, origin_id: want });
    }
    if (history) changes.histories.push({ claimId: claim.id, history });

    if (isNew) {
      changes.newClaims.push({ id: claim.id, type: claim.type, cameo: t.cameo, summary: summary(claim, eventTime), polarity, event_time: eventTime, first_reported: first, last_reported: last, status, story_id: null, participants: claim.participants });
    } else {
      // Only what changed is written: every column set moves the claim's row, and an unchanged claim costs nothing.
      const patch: ClaimPatch = {};
      if (first !== claim.firstReported) patch.first_reported = first;
      if (last !== claim.lastReported) patch.last_reported = last;
      if (polarity !== state.polarity) patch.polarity = polarity;
      if (status !== state.status) patch.status = status;
      if (wider) patch.participants = claim.participants;
      if (wider || eventTime !== claim.eventTime) {
        patch.event_time = eventTime;
        patch.summary = summary(claim, eventTime);
      }
      if (Object.keys(patch).length > 0) changes.claimUpdates.push({ id: claim.id, patch });
    }
    claim.eventTime = eventTime;
    claim.firstReported = first;
    claim.lastReported = last;
  }

  await applyLedgerChanges(tx, changes);
  // The index holds each claim as the store returns it (participants unique, by id), so matching does not depend on
  // whether a claim was started in this run or read back.
  for (const t of touched) index.put({ ...t.claim, participants: [...new Set(t.claim.participants)].sort() });
}

// The article's events that make claims: stated intent read as its own claim, places and gatherings dropped as participants.
function claimReadings(article: ArticleToLink): EventMention[] {
  const out: EventMention[] = [];
  for (const mention of article.events) {
    const sentenceStart = article.sentences[mention.sentence]?.start ?? mention.trigger.start;
    const reading = intentEvent(mention, article.text.slice(sentenceStart, mention.trigger.start)) ?? mention;
    if (isClaimable(reading)) out.push({ ...reading, participants: reading.participants.filter(isParticipant) });
  }
  return out;
}

// Each event joins the best fitting claim known to the run, or one started earlier in this article, or a new one.
function assignClaims(article: ArticleToLink, readings: EventMention[], index: ClaimIndex, opts: LinkOptions): Touched[] {
  const byClaim = new Map<string, Touched>();
  const fresh: ClaimKey[] = [];
  // The index does not change while one article is assigned, and its events often name the same participants.
  const pools = new Map<string, ClaimKey[]>();
  for (const event of readings) {
    const key = `${event.type}\u0000${event.participants.join("\u0000")}`;
    let known = pools.get(key);
    if (!known) {
      known = index.candidates({ type: event.type, participants: event.participants, published: article.published, lookbackDays: opts.lookbackDays, limit: POOL_LIMIT });
      pools.set(key, known);
    }
    let claim = bestClaim([...known, ...fresh], { event, published: article.published }, gazetteerFacts, opts);
    let isNew = false;
    if (!claim) {
      claim = { id: `c-${shortHash(`${article.id}\u0000${event.id}`)}`, type: event.type, participants: [...event.participants], eventTime: event.time, firstReported: article.published, lastReported: article.published };
      fresh.push(claim);
      isNew = true;
    }
    const entry = byClaim.get(claim.id);
    if (entry) entry.mentions.push(event);
    else byClaim.set(claim.id, { claim, mentions: [event], isNew, cameo: event.cameo });
  }
  return [...byClaim.values()];
}

// One report per root source: an article that tells a claim on its own account and also quotes a participant
// confirming it reports it twice, from two sources.
function newReports(article: ArticleToLink, claimId: string, mentions: EventMention[]): { row: NewReport; provenance: ReportProvenance }[] {
  const byRoot = new Map<string, { mention: EventMention; root: string }>();
  for (const m of mentions) {
    const { key, root } = rootOf(reportFacts(article, m));
    if (!byRoot.has(key)) byRoot.set(key, { mention: m, root });
  }
  return [...byRoot.values()].map(({ mention: m, root }) => {
    const id = `${article.id}:${m.id}`;
    return {
      row: { id, claim_id: claimId, article_id: article.id, event_id: m.id, sentence: m.sentence, trigger: m.trigger.text, factuality: m.factuality, chain: m.source.map((src) => src.text), root, published: article.published },
      provenance: { id, claim_id: claimId, article_id: article.id, outlet: article.outlet, published: article.published, near_duplicate_of: article.near_duplicate_of, factuality: m.factuality, source: m.source, origin_id: null },
    };
  });
}

/**
 * A claim's independent origins, status history and polarity, recomputed from all its reports so that ingest order does
 * not matter; origin rows that differ from the stored ones are added to `changes`.
 */
function derive(
  claim: ClaimKey,
  reports: ReportProvenance[],
  state: ClaimState,
  outletOf: (articleId: string) => { name: string | null; entity: string | null } | null,
  changes: LedgerChanges,
  opts: LedgerOptions,
) {
  const facts: ReportOriginFacts[] = reports.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    outlet: r.outlet,
    outletEntity: outletEntity(r.outlet),
    published: r.published,
    chain: r.source,
    nearDuplicateOf: r.near_duplicate_of,
  }));
  const originOf = new Map<string, string>();
  const origins = groupOrigins(facts, outletOf).map((g) => {
    const id = `o-${shortHash(`${claim.id}\u0000${g.key}`)}`;
    for (const r of g.reports) originOf.set(r, id);
    return { id, claim_id: claim.id, root: g.root, first_seen: g.firstSeen };
  });
  const had = new Map(state.origins.map((o) => [o.id, o]));
  for (const o of origins) {
    const h = had.get(o.id);
    if (!h) changes.newOrigins.push(o);
    else if (h.root !== o.root || h.first_seen !== o.first_seen) changes.changedOrigins.push(o);
  }
  const kept = new Set(origins.map((o) => o.id));
  for (const o of state.origins) if (!kept.has(o.id)) changes.goneOrigins.push(o.id);

  const computed = statusHistory(
    reports.map((r) => ({ id: r.id, published: r.published, factuality: r.factuality, origin: originOf.get(r.id)!, onRecord: speaksFor(r.source.at(-1), claim.participants, r.published) })),
    null,
    opts.status,
  );
  const same = computed.length === state.history.length && computed.every((h, i) => h.status === state.history[i].status && h.at === state.history[i].at);
  // A claim reads the way most of its reports tell it; its first report may be a passing denial.
  const negative = reports.filter((r) => r.factuality.endsWith("-")).length;
  return {
    originOf,
    status: computed.at(-1)?.status ?? state.history.at(-1)?.status ?? "reported",
    history: same ? null : computed,
    polarity: (negative * 2 > reports.length ? "-" : "+") as "+" | "-",
  };
}

function reportFacts(article: ArticleToLink, m: EventMention): ReportOriginFacts {
  return { id: m.id, articleId: article.id, outlet: article.outlet, outletEntity: outletEntity(article.outlet), published: article.published, chain: m.source, nearDuplicateOf: article.near_duplicate_of };
}

function toKey(row: ClaimRow): ClaimKey {
  return { id: row.id, type: row.type, participants: row.participants, eventTime: row.event_time, firstReported: row.first_reported, lastReported: row.last_reported };
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
