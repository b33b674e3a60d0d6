// Links each freshly stored article into the ledger: its claims, their independent origins and their status. One
// linker serves one ingest run and keeps the run's claims in memory, so an article costs a handful of statements.
import { createHash } from "node:crypto";
import type { EventMention } from "../domain/extraction.js";
import type { Executor } from "../store/index.js";
import { applyLedgerChanges, claimsOfType, type ClaimPatch, type ClaimRow, type LedgerChanges, type NewReport } from "../store/ledger.js";
import { articleOutlets, claimStates, entityNames, eventsOf, type ClaimState, type ReportProvenance } from "../store/linking.js";
import { ClaimIndex } from "../link/claim-index.js";
import { ledgerReadings, type LedgerReadings } from "./read.js";
import { bestPrepared, cancelledByParticipant, moreSpecificTime, polarityOf, prepareClaim, summarize, DEFAULT_LINK_OPTIONS, type ClaimKey, type LinkOptions, type PreparedClaim } from "../link/claims.js";
import { gazetteerFacts, outletEntityOf, speaksFor } from "../extract/entity-facts.js";
import { groupOrigins, rootOf, type OriginGroup, type ReportOriginFacts } from "../link/origins.js";
import { statusHistory, DEFAULT_STATUS_OPTIONS, type ClaimStatus, type StatusOptions, type StatusReport } from "../link/status.js";
import { addDays, dayRange, overlaps } from "../domain/calendar.js";

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
  sentences: { start: number; end: number }[];
  events: EventMention[];
  /** The mentions as the ledger reads them, when already read (on a reader thread). */
  ledger?: LedgerReadings;
}

/** How each stored article is linked into the ledger, inside its own ingest transaction. */
export type ArticleLinker = (tx: Executor, article: ArticleToLink) => Promise<void>;

// A report is compared with at most this many claims: the most recently reported ones sharing a participant.
const POOL_LIMIT = 200;
// Articles whose event mentions the linker keeps at hand, to tell whether a participant called a happening off.
const EVENT_CACHE_ARTICLES = 2_000;

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);

// A claim's origins are written out again each time the claim is touched, mostly with the ids they had: hash each
// claim and root once (the cache starts afresh when it grows large).
const ORIGIN_ID_CACHE_LIMIT = 50_000;
const originIds = new Map<string, string>();
function originId(claimId: string, key: string): string {
  const input = `${claimId}\u0000${key}`;
  let id = originIds.get(input);
  if (id === undefined) {
    if (originIds.size >= ORIGIN_ID_CACHE_LIMIT) originIds.clear();
    id = `o-${shortHash(input)}`;
    originIds.set(input, id);
  }
  return id;
}

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

/** What one ingest run's linker keeps between articles. */
interface RunMemory {
  index: ClaimIndex;
  /** The stored state of claims this run has read or written, as it is in the store now. */
  states: Map<string, ClaimState>;
  names: Map<string, string>;
  events: Map<string, EventMention[]>;
}

// Claims whose stored state the linker keeps at hand; past this it starts afresh, reading states back as needed.
const STATE_CACHE_CLAIMS = 50_000;

function forget(memory: RunMemory): void {
  memory.index.clear();
  memory.states.clear();
}

/** The linker of one ingest run. Articles must be handed over in the order they were stored. */
export function createLinker(opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS): ArticleLinker {
  const memory: RunMemory = { index: new ClaimIndex(opts.link), states: new Map(), names: new Map(), events: new Map() };
  let lastSeq: number | null = null;
  return async (tx, article) => {
    // Another writer stored articles since this run's last one, so its claims may have changed: read them afresh.
    if (lastSeq !== null && article.seq !== lastSeq + 1) forget(memory);
    lastSeq = null;
    try {
      await link(tx, article, memory, opts);
    } catch (err) {
      // The article's writes are undone, so what the run's memory took from it never reached the store.
      forget(memory);
      throw err;
    }
    lastSeq = article.seq;
  };
}

/** A claim the article changes, or whose status its reports move, with everything its new state is derived from. */
interface Work {
  claim: ClaimKey;
  state: ClaimState;
  /** This article's reports of the claim. */
  added: { row: NewReport; provenance: ReportProvenance }[];
  /** Stored and new reports together. */
  reports: ReportProvenance[];
  mentions: EventMention[];
  isNew: boolean;
  cameo: string | null;
  /** The key as it was before this article. */
  before: ClaimKey;
}

async function link(tx: Executor, article: ArticleToLink, memory: RunMemory, opts: LedgerOptions): Promise<void> {
  const { index } = memory;
  const ledger = article.ledger?.outlet === article.outlet ? article.ledger : ledgerReadings(article);
  const readings = [...ledger.readings];
  const read = new Set(readings.map((r) => r.id));
  const references = ledger.references.filter((ref) => !read.has(ref.id));
  for (const type of new Set([...readings, ...references].map((r) => r.type))) {
    if (!index.has(type)) index.load(type, (await claimsOfType(tx, type)).map(toKey));
  }
  // A definite mention dated to a day ("the June 12 summit") takes the participants of the one claim of its type
  // dated to that day.
  for (const ref of references) {
    const day = dayRange(ref.time)!;
    const hits = index
      .candidates({ type: ref.type, participants: null, published: article.published, lookbackDays: opts.link.lookbackDays, limit: POOL_LIMIT })
      .filter(({ claim }) => dayRange(claim.eventTime)?.from === day.from && dayRange(claim.eventTime)?.to === day.to);
    if (hits.length === 1) readings.push({ ...ref, participants: [...hits[0].claim.participants] });
  }
  if (readings.length === 0) return;

  const work = new Map<string, Work>();
  for (const t of assignClaims(article, readings, index, opts.link)) {
    work.set(t.claim.id, { ...t, state: emptyState(), added: [], reports: [], before: { ...t.claim, participants: [...t.claim.participants] } });
  }
  await loadStates(tx, work, memory.states);
  for (const w of work.values()) absorbMentions(w, article);

  // A denial that is a claim of its own ("no meeting is scheduled") moves the status of what it denies.
  addDeniedClaims(work, index, opts.link);
  await loadStates(tx, work, memory.states);
  // And a claim that something happens counts the reports of its denials, so those must be at hand too.
  const { denials, others } = denialsOf(work, index, opts.link);
  await loadStates(tx, others, memory.states);

  // Outlets of the articles that reports copy, and the mentions of articles whose denials may be a participant's own act.
  const copiedOutlets = await articleOutlets(tx, copiedArticles([...work.values(), ...others.values()]));
  const outletOf = (id: string) => (copiedOutlets.has(id) ? { name: copiedOutlets.get(id) ?? null, entity: outletEntity(copiedOutlets.get(id) ?? null) } : null);
  const events = await eventsFor(tx, article, [...work.values()], memory);

  await nameParticipants(tx, [...work.values()], memory.names);
  const d = derivation(work, others, denials, events, outletOf, memory.names, opts);
  for (const w of work.values()) deriveClaim(w, d);
  const { changes, after } = d;

  await applyLedgerChanges(tx, changes);
  for (const [id, state] of after) memory.states.set(id, state);
  // The index holds each claim as the store returns it (participants unique, by id), so matching does not depend on
  // whether a claim was started in this run or read back.
  for (const w of work.values()) index.put({ ...w.claim, participants: [...new Set(w.claim.participants)].sort() });
}

// The claims that this article's denials deny, recomputed with it.
function addDeniedClaims(work: Map<string, Work>, index: ClaimIndex, opts: LinkOptions): void {
  const denied = [...work.values()].filter((w) => w.claim.polarity === "-").flatMap((w) => twins(w.claim, "+", w.claim.firstReported, w.claim.lastReported, index, work, opts));
  for (const twin of denied) if (!work.has(twin.id)) work.set(twin.id, refreshOnly(twin));
}

// The denials of each claim told as happening, and those of them not in `work` yet.
function denialsOf(work: Map<string, Work>, index: ClaimIndex, opts: LinkOptions): { denials: Map<string, ClaimKey[]>; others: Map<string, Work> } {
  const denials = new Map<string, ClaimKey[]>();
  for (const w of work.values()) {
    if (w.claim.polarity !== "+" || w.reports.length === 0) continue;
    const dates = reportDates(w.reports);
    denials.set(w.claim.id, twins(w.claim, "-", dates[0] ?? null, dates.at(-1) ?? null, index, work, opts));
  }
  const others = new Map<string, Work>();
  for (const list of denials.values()) for (const twin of list) if (!work.has(twin.id) && !others.has(twin.id)) others.set(twin.id, refreshOnly(twin));
  return { denials, others };
}

// The articles that the claims' reports copy.
function copiedArticles(claims: Work[]): string[] {
  const copied = new Set<string>();
  for (const w of claims) for (const r of w.reports) if (r.near_duplicate_of) copied.add(r.near_duplicate_of);
  return [...copied];
}

// Takes this article's mentions of a claim into it: its time, dates, participants, reports and polarity.
function absorbMentions(w: Work, article: ArticleToLink): void {
  const { claim, mentions } = w;
  claim.eventTime = mentions.reduce<string | null>((time, m) => moreSpecificTime(time, m.time), claim.eventTime);
  claim.firstReported = minDate(claim.firstReported, article.published);
  claim.lastReported = maxDate(claim.lastReported, article.published);
  // A claim first told with fewer participants takes on the fuller set once a report names them.
  const wider = w.isNew ? undefined : mentions.find((m) => m.participants.length > claim.participants.length && claim.participants.every((p) => m.participants.includes(p)));
  if (wider) claim.participants = [...wider.participants];
  w.added = newReports(article, claim.id, mentions);
  w.reports = [...w.state.reports, ...w.added.map((r) => r.provenance)];
  claim.polarity = majority(w.reports);
}

/** What deriving the claims of one article shares: the changes to write, the new states, and the facts at hand. */
interface Derivation {
  changes: LedgerChanges;
  after: Map<string, ClaimState>;
  work: Map<string, Work>;
  others: Map<string, Work>;
  denials: Map<string, ClaimKey[]>;
  events: Map<string, EventMention[]>;
  opts: LedgerOptions;
  groupsOf(w: Work): OriginGroup[];
  summary(claim: ClaimKey): string;
}

function derivation(
  work: Map<string, Work>,
  others: Map<string, Work>,
  denials: Map<string, ClaimKey[]>,
  events: Map<string, EventMention[]>,
  outletOf: (id: string) => { name: string | null; entity: string | null } | null,
  names: Map<string, string>,
  opts: LedgerOptions,
): Derivation {
  const groups = new Map<string, OriginGroup[]>();
  return {
    changes: { newClaims: [], claimUpdates: [], newOrigins: [], changedOrigins: [], newReports: [], movedReports: [], goneOrigins: [], histories: [] },
    after: new Map(),
    work,
    others,
    denials,
    events,
    opts,
    groupsOf: (w) => {
      let g = groups.get(w.claim.id);
      if (!g) groups.set(w.claim.id, (g = originGroups(w.reports, outletOf)));
      return g;
    },
    summary: (claim) => summarize(claim.type, claim.participants.map((id) => names.get(id) ?? id), claim.eventTime),
  };
}

// A claim's origins, status and row changes after this article, added to the derivation. Kept apart from the linking
// flow (which waits on the store) so it compiles, and is optimised again when its inputs vary, as a unit of its own.
function deriveClaim(w: Work, d: Derivation): void {
  const { changes, after, work, others, denials, events, opts, groupsOf, summary } = d;
  const { claim, state } = w;
  const { originOf, origins } = writeOrigins(claim.id, groupsOf(w), state, changes);
  for (const r of w.added) changes.newReports.push({ ...r.row, origin_id: originOf.get(r.row.id) ?? null });
  for (const r of state.reports) {
    const want = originOf.get(r.id) ?? null;
    if (r.origin_id !== want) changes.movedReports.push({ id: r.id, origin_id: want });
  }

  const statusReports: StatusReport[] = w.reports.map((r) => ({
    id: r.id,
    published: r.published,
    factuality: r.factuality,
    origin: originOf.get(r.id)!,
    onRecord: speaksFor(r.source.at(-1), claim.participants, r.published) || calledOff(r, events, claim.participants),
  }));
  // The reports of a "+" claim's denials count against it, each with its origin in the denial claim; only denials
  // from the claim's first report on, since an earlier "no" was about something not yet told.
  const first = reportDates(w.reports)[0];
  for (const twin of denials.get(claim.id) ?? []) {
    const other = work.get(twin.id) ?? others.get(twin.id)!;
    for (const g of groupsOf(other)) {
      const members = new Set(g.reports);
      for (const r of other.reports) {
        if (!members.has(r.id) || (first && r.published && r.published < first)) continue;
        statusReports.push({ id: r.id, published: r.published, factuality: r.factuality, origin: `${twin.id}\u0000${g.key}`, onRecord: speaksFor(r.source.at(-1), claim.participants, r.published) });
      }
    }
  }
  const history = statusHistory(statusReports, null, opts.status, claim.polarity);
  const same = history.length === state.history.length && history.every((h, i) => h.status === state.history[i].status && h.at === state.history[i].at);
  if (!same) changes.histories.push({ claimId: claim.id, history });
  claim.status = history.at(-1)?.status ?? state.status;
  after.set(claim.id, {
    status: claim.status as ClaimStatus,
    polarity: claim.polarity!,
    // In the order the store returns them, so that a claim reads the same from memory as from the store.
    reports: w.reports.map((r) => ({ ...r, origin_id: originOf.get(r.id) ?? null })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    origins,
    history: same ? state.history : history,
  });

  if (w.isNew) {
    changes.newClaims.push({
      id: claim.id,
      type: claim.type,
      cameo: w.cameo,
      summary: summary(claim),
      polarity: claim.polarity!,
      event_time: claim.eventTime,
      first_reported: claim.firstReported,
      last_reported: claim.lastReported,
      status: claim.status as ClaimStatus,
      story_id: null,
      participants: claim.participants,
    });
    return;
  }
  // Only what changed is written: every column set moves the claim's row, and an unchanged claim costs nothing.
  const { before } = w;
  const patch: ClaimPatch = {};
  if (claim.firstReported !== before.firstReported) patch.first_reported = claim.firstReported;
  if (claim.lastReported !== before.lastReported) patch.last_reported = claim.lastReported;
  if (claim.polarity !== state.polarity) patch.polarity = claim.polarity;
  if (claim.status !== state.status) patch.status = claim.status as ClaimStatus;
  const wider = claim.participants.length !== before.participants.length;
  if (wider) patch.participants = claim.participants;
  if (wider || claim.eventTime !== before.eventTime) {
    patch.event_time = claim.eventTime;
    patch.summary = summary(claim);
  }
  if (Object.keys(patch).length > 0) changes.claimUpdates.push({ id: claim.id, patch });
}

const emptyState = (): ClaimState => ({ status: "reported", polarity: "+", reports: [], origins: [], history: [] });

// A claim whose own reports do not change, recomputed because a claim it depends on did.
function refreshOnly(claim: ClaimKey): Work {
  const key = { ...claim, participants: [...claim.participants] };
  return { claim: key, state: emptyState(), added: [], reports: [], mentions: [], isNew: false, cameo: null, before: { ...key } };
}

// Gives each claim in `work` its stored state, from the run's memory or else from the store (new claims have none).
async function loadStates(tx: Executor, work: Map<string, Work>, cache: Map<string, ClaimState>): Promise<void> {
  const missing = [...work.values()].filter((w) => !w.isNew && w.state.reports.length === 0 && w.reports.length === 0);
  if (missing.length === 0) return;
  const unknown = missing.filter((w) => !cache.has(w.claim.id)).map((w) => w.claim.id);
  if (unknown.length > 0) {
    if (cache.size + unknown.length > STATE_CACHE_CLAIMS) cache.clear();
    for (const [id, state] of await claimStates(tx, unknown)) cache.set(id, state);
  }
  for (const w of missing) {
    const state = cache.get(w.claim.id);
    if (!state) continue;
    w.state = state;
    w.reports = [...state.reports];
    w.claim.polarity = state.polarity;
    w.claim.status = state.status;
  }
}

/**
 * Claims of one type about exactly the same participants told the other way round, reported within the linking window
 * of [from, to], whose calendar times (if both have one) agree: the denials of a claim, or what a denial denies.
 */
function twins(claim: ClaimKey, polarity: "+" | "-", from: string | null, to: string | null, index: ClaimIndex, work: Map<string, Work>, opts: LinkOptions): ClaimKey[] {
  const lo = from ? addDays(from, -opts.windowDays) : null;
  const hi = to ? addDays(to, opts.windowDays) : null;
  const own = dayRange(claim.eventTime);
  const same = (a: string[]) => a.length === claim.participants.length && a.every((p) => claim.participants.includes(p));
  const agree = (t: string | null) => {
    const other = dayRange(t);
    return !own || !other || overlaps({ from: addDays(own.from, -opts.slackDays), to: addDays(own.to, opts.slackDays) }, other);
  };
  const found = new Map<string, ClaimKey>();
  for (const c of index.withParticipants(claim.type, claim.participants)) found.set(c.id, c);
  // Claims this article started or changed, as they are now.
  for (const w of work.values()) if (w.claim.type === claim.type) found.set(w.claim.id, w.claim);
  return [...found.values()]
    .filter((c) => c.id !== claim.id && c.polarity === polarity && same(c.participants) && agree(c.eventTime))
    .filter((c) => (!lo || !c.lastReported || c.lastReported >= lo) && (!hi || !c.firstReported || c.firstReported <= hi))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// The mentions of the articles behind denials that are not on the record, to tell whether a participant called the
// happening off ("Trump called off the summit"); this article's own are at hand.
async function eventsFor(tx: Executor, article: ArticleToLink, work: Work[], memory: RunMemory): Promise<Map<string, EventMention[]>> {
  const needed = new Set<string>();
  for (const w of work) {
    for (const r of w.reports) {
      if (r.factuality.endsWith("-") && r.article_id !== article.id && !speaksFor(r.source.at(-1), w.claim.participants, r.published)) needed.add(r.article_id);
    }
  }
  let missing = [...needed].filter((id) => !memory.events.has(id));
  if (memory.events.size + missing.length > EVENT_CACHE_ARTICLES) {
    memory.events.clear();
    missing = [...needed];
  }
  if (missing.length > 0) {
    const found = await eventsOf(tx, missing);
    for (const id of missing) memory.events.set(id, found.get(id) ?? []);
  }
  memory.events.set(article.id, article.events);
  return memory.events;
}

function calledOff(r: ReportProvenance, events: Map<string, EventMention[]>, participants: string[]): boolean {
  if (!r.factuality.endsWith("-")) return false;
  const mentions = events.get(r.article_id) ?? [];
  const mention = mentions.find((e) => r.id === `${r.article_id}:${e.id}`);
  return !!mention && cancelledByParticipant(mention, mentions.filter((e) => e.sentence === mention.sentence), participants);
}

// Summaries name the participants: one lookup for every name the run has not seen yet.
async function nameParticipants(tx: Executor, work: Work[], names: Map<string, string>): Promise<void> {
  const unnamed = [...new Set(work.flatMap((w) => w.claim.participants))].filter((id) => !names.has(id));
  const found = await entityNames(tx, unnamed);
  unnamed.forEach((id, i) => names.set(id, found[i]));
}

// Each event joins the best fitting claim known to the run, or one started earlier in this article, or a new one.
function assignClaims(article: ArticleToLink, readings: EventMention[], index: ClaimIndex, opts: LinkOptions) {
  const byClaim = new Map<string, { claim: ClaimKey; mentions: EventMention[]; isNew: boolean; cameo: string | null }>();
  // Claims started by this article's earlier events; not changed until all its events are assigned.
  const fresh: PreparedClaim[] = [];
  // The index does not change while one article is assigned, and its events often name the same participants.
  const pools = new Map<string, PreparedClaim[]>();
  for (const event of readings) {
    const key = `${event.type}\u0000${event.participants.join("\u0000")}`;
    let known = pools.get(key);
    if (!known) {
      known = index.candidates({ type: event.type, participants: event.participants, published: article.published, lookbackDays: opts.lookbackDays, limit: POOL_LIMIT });
      pools.set(key, known);
    }
    const best = bestPrepared([...known, ...fresh], { event, published: article.published }, gazetteerFacts);
    let claim: ClaimKey;
    let isNew = false;
    if (!best) {
      claim = {
        id: `c-${shortHash(`${article.id}\u0000${event.id}`)}`,
        type: event.type,
        participants: [...event.participants],
        eventTime: event.time,
        firstReported: article.published,
        lastReported: article.published,
        polarity: polarityOf(event.factuality),
        status: "reported",
      };
      fresh.push(prepareClaim(claim, opts));
      isNew = true;
    } else if (fresh.includes(best)) {
      claim = best.claim;
    } else {
      // The index's own object stays as it was until the article is written: work on a copy.
      claim = byClaim.get(best.claim.id)?.claim ?? { ...best.claim, participants: [...best.claim.participants] };
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

/** A claim's reports grouped into independent origins. */
function originGroups(reports: ReportProvenance[], outletOf: (articleId: string) => { name: string | null; entity: string | null } | null): OriginGroup[] {
  const facts: ReportOriginFacts[] = reports.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    outlet: r.outlet,
    outletEntity: outletEntity(r.outlet),
    published: r.published,
    chain: r.source,
    nearDuplicateOf: r.near_duplicate_of,
  }));
  return groupOrigins(facts, outletOf);
}

// Origin rows for the groups, with the rows that differ from the stored ones added to `changes`; returns them and
// each report's origin.
function writeOrigins(claimId: string, groups: OriginGroup[], state: ClaimState, changes: LedgerChanges): { originOf: Map<string, string>; origins: ClaimState["origins"] } {
  const originOf = new Map<string, string>();
  const origins = groups.map((g) => {
    const id = originId(claimId, g.key);
    for (const r of g.reports) originOf.set(r, id);
    return { id, claim_id: claimId, root: g.root, first_seen: g.firstSeen };
  });
  const had = new Map(state.origins.map((o) => [o.id, o]));
  for (const o of origins) {
    const h = had.get(o.id);
    if (!h) changes.newOrigins.push(o);
    else if (h.root !== o.root || h.first_seen !== o.first_seen) changes.changedOrigins.push(o);
  }
  const kept = new Set(origins.map((o) => o.id));
  for (const o of state.origins) if (!kept.has(o.id)) changes.goneOrigins.push(o.id);
  return { originOf, origins };
}

// A claim reads the way most of its reports tell it; its first report may be a passing denial.
function majority(reports: ReportProvenance[]): "+" | "-" {
  const negative = reports.filter((r) => r.factuality.endsWith("-")).length;
  return negative * 2 > reports.length ? "-" : "+";
}

const reportDates = (reports: ReportProvenance[]) => reports.map((r) => r.published).filter((d): d is string => !!d).sort();

function reportFacts(article: ArticleToLink, m: EventMention): ReportOriginFacts {
  return { id: m.id, articleId: article.id, outlet: article.outlet, outletEntity: outletEntity(article.outlet), published: article.published, chain: m.source, nearDuplicateOf: article.near_duplicate_of };
}

function toKey(row: ClaimRow): ClaimKey {
  return { id: row.id, type: row.type, participants: row.participants, eventTime: row.event_time, firstReported: row.first_reported, lastReported: row.last_reported, polarity: row.polarity, status: row.status };
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
