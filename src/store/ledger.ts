// The claim ledger: claims (one happening each), their participants, reports, independent origins and history.
import type { Stance } from "../domain/extraction.js";
import type { ClaimKey, ClaimRecord, ClaimStatus, LedgerChanges, Stage } from "../domain/ledger.js";
import type { Executor } from "./index.js";
import type { ClaimTable } from "./schema.js";
import { chunks, insertRows } from "./rows.js";
import { entityIdsOf, entityNumbers } from "./entity-numbers.js";
import { packReportSources, unpackReportSources } from "./sources.js";
import { keptReportId, reportIdIs, reportIdOf } from "./report-ids.js";
import { indexClaims, partyNames, unindexClaims } from "./search.js";

export type { ClaimStatus, Stage } from "../domain/ledger.js";

/** Whether a claim tells of the happening as coming about (+) or as not (-): derived from its stage. */
export type Polarity = "+" | "-";

/** A report as the ledger contract prints it, joined to its article. */
export interface ReportView {
  id: string;
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  sentence: number;
  trigger: string;
  factuality: string;
  stance: Stance;
  background: boolean;
  chain: string[];
  origin: string | null;
  root: string | null;
  event: string | null;
}

/** An origin as the ledger contract prints it, with the ids of its reports. */
export interface OriginView {
  id: string;
  root: string;
  reports: string[];
  first_seen: string | null;
}

/** A claim as `bellwether claim ID --json` prints it. */
export interface ClaimView {
  id: string;
  type: string;
  cameo: string | null;
  /** The structured label ("meet — Trump, Putin · Budapest · 2025-10"). */
  summary: string;
  /** The claim in plain words, from its best report. */
  statement: string;
  participants: { id: string; name: string }[];
  place: { id: string; name: string } | null;
  /** TIMEX3 value of the happening, or null. */
  when: string | null;
  stage: Stage;
  polarity: Polarity;
  status: ClaimStatus;
  status_history: { status: ClaimStatus; stage: Stage; at: string }[];
  first_reported: string | null;
  last_reported: string | null;
  /** Kept beside `when` for readers of the earlier shape. */
  event_time: string | null;
  historical: boolean;
  story: string | null;
  reports: ReportView[];
  origins: OriginView[];
  /** Independent origins telling for the happening coming about, and against. */
  origin_sides: { for: number; against: number };
}

const NEGATIVE_STANCES = new Set<string>(["unplanned", "refused", "called_off", "failed"]);
const polarityOf = (stage: string): Polarity => (stage === "called_off" || stage === "failed" ? "-" : "+");

/**
 * A claim's participants as its row keeps them: each entity once, in the order of their ids (by code point, the store's
 * order), by its number (`entity_numbers`, which `numbers` must hold for each), as JSON ("[3,17]"). The claim's row
 * holds them for reads by claim; `claim_participants` holds them for reads by entity.
 */
export function packParticipants(ids: readonly string[], numbers: ReadonlyMap<string, number>): string {
  return JSON.stringify(
    [...new Set(ids)]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((id) => {
        const n = numbers.get(id);
        if (n === undefined) throw new Error(`participant ${id} has no entity number`);
        return n;
      }),
  );
}

/** The participant ids of the given claim rows (`packParticipants`), by claim, in the order the rows keep them. */
export async function participantsOf(db: Executor, rows: readonly Pick<ClaimTable, "id" | "participants">[]): Promise<Map<string, string[]>> {
  const packed = rows.map((r) => [r.id, JSON.parse(r.participants) as number[]] as const);
  const ids = await entityIdsOf(db, packed.flatMap(([, nums]) => nums));
  return new Map(packed.map(([id, nums]) => [id, nums.map((n) => ids.get(n) ?? missingEntity(n))]));
}

// A number no entity has: the store is damaged (numbers are never taken back while a claim names them).
function missingEntity(n: number): never {
  throw new Error(`a claim names entity number ${n}, which no entity has`);
}

function claimRow(c: ClaimRecord, numbers: ReadonlyMap<string, number>): Omit<ClaimTable, "story_id" | "parties"> {
  return {
    id: c.id,
    participants: packParticipants(c.participants, numbers),
    type: c.type,
    cameo: c.cameo,
    summary: c.summary,
    polarity: polarityOf(c.stage),
    event_time: c.eventTime,
    first_reported: c.firstReported,
    last_reported: c.lastReported,
    status: c.status,
    place: c.place,
    stage: c.stage,
    statement: c.statement,
    historical: c.historical ? 1 : 0,
  };
}

/** Every claim of one type with its participant ids: what the linker's in-memory claim index is loaded from. */
export async function claimsOfType(db: Executor, type: string): Promise<ClaimKey[]> {
  const rows = await db
    .selectFrom("claims")
    .select(["id", "type", "place", "event_time", "first_reported", "last_reported", "historical", "participants"])
    .where("type", "=", type)
    .orderBy("id")
    .execute();
  const participants = await participantsOf(db, rows);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    participants: participants.get(row.id)!,
    place: row.place,
    eventTime: row.event_time,
    firstReported: row.first_reported,
    lastReported: row.last_reported,
    historical: row.historical === 1,
  }));
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

async function entityNamesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const slice of chunks([...new Set(ids)])) {
    for (const r of await db.selectFrom("entities").select(["id", "name"]).where("id", "in", slice).execute()) out.set(r.id, r.name);
  }
  return out;
}

// Builds full claim objects for a set of claim rows with one query per related table.
async function views(db: Executor, claims: ClaimTable[]): Promise<ClaimView[]> {
  if (claims.length === 0) return [];
  const ids = claims.map((c) => c.id);
  const participantsBy = await participantsOf(db, claims);
  const [reports, origins, history] = await Promise.all([
    db
      .selectFrom("reports")
      .innerJoin("articles", "articles.seq", "reports.seq")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select([
        reportIdOf.as("id"),
        "reports.claim_id",
        "articles.id as article_id",
        "reports.event_id",
        "reports.sentence",
        "reports.trigger",
        "reports.factuality",
        "reports.stance",
        "reports.background",
        "reports.chain",
        "reports.root",
        "reports.source",
        "reports.origin_id",
        "articles.published",
        "articles.title",
        "articles.seq",
        "outlets.name as outlet",
      ])
      .where("reports.claim_id", "in", ids)
      .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
      .orderBy("articles.published")
      .orderBy("articles.seq")
      .orderBy(reportIdOf)
      .execute(),
    db
      .selectFrom("origins")
      .selectAll()
      .where("claim_id", "in", ids)
      .orderBy((eb) => eb.case().when("first_seen", "is", null).then(1).else(0).end())
      .orderBy("first_seen")
      .orderBy("id")
      .execute(),
    db.selectFrom("claim_status").selectAll().where("claim_id", "in", ids).orderBy("claim_id").orderBy("seq").execute(),
  ]);
  const names = await entityNamesOf(db, [...[...participantsBy.values()].flat(), ...claims.map((c) => c.place).filter((p): p is string => !!p)]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const reportsBy = group(reports, (r) => r.claim_id);
  const originsBy = group(origins, (o) => o.claim_id);
  const historyBy = group(history, (h) => h.claim_id);
  return claims.map((c) => {
    const own = reportsBy.get(c.id) ?? [];
    const statusHistory = (historyBy.get(c.id) ?? [])
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
      .map((h) => ({ status: h.status as ClaimStatus, stage: (h.stage ?? c.stage) as Stage, at: h.at }));
    // Each origin sides with the stance of its latest report.
    const latest = new Map<string, string>();
    for (const r of own) if (r.origin_id) latest.set(r.origin_id, r.stance);
    const against = [...latest.values()].filter((s) => NEGATIVE_STANCES.has(s)).length;
    return {
      id: c.id,
      type: c.type,
      cameo: c.cameo,
      summary: c.summary,
      statement: c.statement || c.summary,
      participants: (participantsBy.get(c.id) ?? []).map((p) => ({ id: p, name: nameOf(p) })),
      place: c.place ? { id: c.place, name: nameOf(c.place) } : null,
      when: c.event_time,
      stage: c.stage as Stage,
      polarity: c.polarity as Polarity,
      status: c.status as ClaimStatus,
      status_history: statusHistory,
      first_reported: c.first_reported,
      last_reported: c.last_reported,
      event_time: c.event_time,
      historical: c.historical === 1,
      story: c.story_id,
      reports: own.map((r) => {
        const { chain, root } = unpackReportSources(r);
        return {
          id: r.id,
          article: r.article_id,
          title: r.title,
          outlet: r.outlet ?? null,
          published: r.published,
          sentence: r.sentence,
          trigger: r.trigger,
          factuality: r.factuality,
          stance: r.stance as Stance,
          background: r.background === 1,
          chain,
          origin: r.origin_id,
          root,
          event: r.event_id,
        };
      }),
      origins: (originsBy.get(c.id) ?? []).map((o) => ({
        id: o.id,
        root: o.root,
        reports: own.filter((r) => r.origin_id === o.id).map((r) => r.id),
        first_seen: o.first_seen,
      })),
      origin_sides: { for: latest.size - against, against },
    };
  });
}

/** A claim in brief: its row and how many reports and independent origins it has. */
export interface ClaimBriefRow {
  id: string;
  type: string;
  summary: string;
  status: ClaimStatus;
  stage: Stage;
  polarity: Polarity;
  historical: boolean;
  first_reported: string | null;
  last_reported: string | null;
  reports: number;
  origins: number;
  /** The claim as a sentence, and when it happens or happened, if known. */
  statement: string;
  when: string | null;
  /** Independent origins by the side of their latest report. */
  origin_sides: { for: number; against: number };
}

/**
 * Claims in brief, earliest reported first: those an entity takes part in, or one story's; at most `limit` (the most
 * recently reported, when there are more). Reads the claim rows and two counts, never the reports themselves.
 */
export async function claimBriefs(db: Executor, by: { participant: string } | { story: string }, limit = 500): Promise<ClaimBriefRow[]> {
  let q = db.selectFrom("claims").select(["id", "type", "summary", "statement", "event_time", "status", "stage", "polarity", "historical", "first_reported", "last_reported"]);
  q = "participant" in by
    ? q.where("id", "in", (eb) =>
        eb.selectFrom("claim_participants").innerJoin("entity_numbers", "entity_numbers.num", "claim_participants.entity").select("claim_participants.claim_id").where("entity_numbers.id", "=", by.participant),
      )
    : q.where("story_id", "=", by.story);
  const rows = await q.orderBy("last_reported", "desc").orderBy("id").limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const reports = new Map<string, number>();
  const origins = new Map<string, number>();
  // Each origin sides with the stance of its latest report, in the order `views` reads reports.
  const latest = new Map<string, Map<string, string>>();
  for (const slice of chunks(ids)) {
    const [r, o, sides] = await Promise.all([
      db.selectFrom("reports").select((eb) => ["claim_id", eb.fn.countAll<number>().as("n")]).where("claim_id", "in", slice).groupBy("claim_id").execute(),
      db.selectFrom("origins").select((eb) => ["claim_id", eb.fn.countAll<number>().as("n")]).where("claim_id", "in", slice).groupBy("claim_id").execute(),
      db
        .selectFrom("reports")
        .innerJoin("articles", "articles.seq", "reports.seq")
        .select(["reports.claim_id", "reports.origin_id", "reports.stance"])
        .where("reports.claim_id", "in", slice)
        .where("reports.origin_id", "is not", null)
        .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
        .orderBy("articles.published")
        .orderBy("articles.seq")
        .orderBy(reportIdOf)
        .execute(),
    ]);
    for (const x of r) reports.set(x.claim_id, Number(x.n));
    for (const x of o) origins.set(x.claim_id, Number(x.n));
    for (const x of sides) (latest.get(x.claim_id) ?? latest.set(x.claim_id, new Map()).get(x.claim_id)!).set(x.origin_id!, x.stance);
  }
  const earliest = (a: ClaimTable | (typeof rows)[number], b: typeof a) =>
    a.first_reported === b.first_reported ? (a.id < b.id ? -1 : 1) : a.first_reported === null ? 1 : b.first_reported === null ? -1 : a.first_reported < b.first_reported ? -1 : 1;
  return rows.sort(earliest).map(({ event_time, ...r }) => {
    const stances = [...(latest.get(r.id)?.values() ?? [])];
    const against = stances.filter((x) => NEGATIVE_STANCES.has(x)).length;
    return {
      ...r,
      statement: r.statement || r.summary,
      when: event_time,
      origin_sides: { for: stances.length - against, against },
      status: r.status as ClaimStatus,
      stage: r.stage as Stage,
      polarity: r.polarity as Polarity,
      historical: r.historical === 1,
      reports: reports.get(r.id) ?? 0,
      origins: origins.get(r.id) ?? 0,
    };
  });
}

/** All claims (or one story's, or the given ones), earliest reported first, as full contract objects. */
export async function listClaims(db: Executor, opts: { storyId?: string; ids?: readonly string[] } = {}): Promise<ClaimView[]> {
  const read = (ids?: string[]) => {
    let q = db.selectFrom("claims").selectAll();
    if (opts.storyId !== undefined) q = q.where("story_id", "=", opts.storyId);
    if (ids) q = q.where("id", "in", ids);
    return q
      .orderBy((eb) => eb.case().when("first_reported", "is", null).then(1).else(0).end())
      .orderBy("first_reported")
      .orderBy("id")
      .execute();
  };
  if (!opts.ids) return views(db, await read());
  const rows: ClaimTable[] = [];
  for (const slice of chunks([...new Set(opts.ids)])) rows.push(...(await read(slice)));
  const earliest = (a: ClaimTable, b: ClaimTable) =>
    a.first_reported === b.first_reported ? (a.id < b.id ? -1 : 1) : a.first_reported === null ? 1 : b.first_reported === null ? -1 : a.first_reported < b.first_reported ? -1 : 1;
  return views(db, rows.sort(earliest));
}

/** Ids of the claims reported in any of the given articles. */
export async function claimIdsReportedIn(db: Executor, articleIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const slice of chunks([...new Set(articleIds)])) {
    for (const r of await claimsReportedInSlice(db, slice)) out.add(r.claim_id);
  }
  return [...out];
}

/** The claims reported in the given articles (a chunk at most): their reports by the articles' numbers. */
export function claimsReportedInSlice(db: Executor, articleIds: readonly string[]): Promise<{ claim_id: string }[]> {
  return db
    .selectFrom("reports")
    .select("claim_id")
    .distinct()
    .where("seq", "in", (eb) => eb.selectFrom("articles").select("seq").where("id", "in", [...articleIds]))
    .execute();
}

/** One claim with participants, reports (joined to their articles), origins and history. */
export async function getClaim(db: Executor, id: string): Promise<ClaimView | undefined> {
  const row = await db.selectFrom("claims").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [view] = await views(db, [row]);
  return view;
}

/**
 * Writes one article's ledger changes, in the order the foreign keys need. `triggers` gives where each new report's
 * trigger sits in its article, by event id, for reads that point at it.
 */
export async function applyLedgerChanges(db: Executor, c: LedgerChanges, triggers?: ReadonlyMap<string, { start: number; end: number }>): Promise<void> {
  const before = new Map<string, { summary: string; statement: string }>();
  for (const ids of chunks(c.changedClaims.map((claim) => claim.id))) {
    for (const r of await db.selectFrom("claims").select(["id", "summary", "statement"]).where("id", "in", ids).execute()) before.set(r.id, r);
  }
  // Only claims whose words changed are indexed again; they leave the index while their rows still hold the old words.
  // Each once: the index takes a claim's words from its row, whichever record of it was written last.
  const reworded = new Map(c.changedClaims.filter((claim) => claim.summary !== before.get(claim.id)?.summary || claim.statement !== before.get(claim.id)?.statement).map((claim) => [claim.id, claim]));
  const parties = await partyNames(db, [...c.newClaims, ...reworded.values()]);
  // By the entities' numbers (store/entity-numbers), as the entity page's rows name them.
  const numbers = await entityNumbers(db, [...c.newClaims, ...c.changedClaims].flatMap((claim) => claim.participants));
  await insertRows(db, "claims", c.newClaims.map((claim) => ({ ...claimRow(claim, numbers), story_id: null, parties: parties.get(claim.id) ?? "" })));
  await insertRows(db, "claim_participants", c.newClaims.flatMap((claim) => [...new Set(claim.participants)].map((id) => ({ entity: numbers.get(id)!, claim_id: claim.id }))));
  await unindexClaims(db, [...reworded.keys()]);
  for (const claim of c.changedClaims) {
    const { id: _, ...row } = claimRow(claim, numbers);
    const named = parties.get(claim.id);
    await db.updateTable("claims").set(named === undefined ? row : { ...row, parties: named }).where("id", "=", claim.id).execute();
  }
  await indexClaims(db, [...c.newClaims.map((claim) => claim.id), ...reworded.keys()]);
  await insertRows(db, "origins", c.newOrigins);
  for (const o of c.changedOrigins) await db.updateTable("origins").set({ root: o.root, first_seen: o.first_seen, source_key: o.source_key }).where("id", "=", o.id).execute();
  // Reports name their article by number, and keep their id only when it is not the article's and the event's.
  const seqOf = new Map<string, number>();
  for (const ids of chunks([...new Set(c.newReports.map((r) => r.article_id))])) {
    for (const a of await db.selectFrom("articles").select(["id", "seq"]).where("id", "in", ids).execute()) seqOf.set(a.id, Number(a.seq));
  }
  await insertRows(
    db,
    "reports",
    c.newReports.map((r) => ({
      seq: seqOf.get(r.article_id) ?? missingArticle(r.article_id),
      id: keptReportId(r.id, r.article_id, r.event_id),
      claim_id: r.claim_id,
      event_id: r.event_id,
      sentence: r.sentence,
      trigger: r.trigger,
      factuality: r.factuality,
      ...packReportSources(r.chain, r.root, r.source),
      origin_id: r.origin_id,
      stance: r.stance,
      background: r.background ? 1 : 0,
      time: r.time,
      trigger_start: triggers?.get(r.event_id)?.start ?? null,
      trigger_end: triggers?.get(r.event_id)?.end ?? null,
      place: r.place ?? null,
    })),
  );
  for (const r of c.movedReports) await db.updateTable("reports").set({ origin_id: r.origin_id }).where((eb) => reportIdIs(eb, r.id)).execute();
  for (const ids of chunks(c.goneOrigins)) await db.deleteFrom("origins").where("id", "in", ids).execute();
  for (const ids of chunks(c.histories.map((h) => h.claimId))) await db.deleteFrom("claim_status").where("claim_id", "in", ids).execute();
  await insertRows(db, "claim_status", c.histories.flatMap((h) => h.history.map((s, i) => ({ claim_id: h.claimId, seq: i + 1, status: s.status, stage: s.stage, at: s.at }))));
}

// A report of an article the store does not hold is refused, as the foreign key on its article refused it before.
function missingArticle(id: string): never {
  throw new Error(`a report names article ${id}, which is not stored`);
}

/** What one page of the claim list asks for. */
export interface ClaimPageQuery {
  storyId?: string;
  /** The status as read: a claim counts as stale when its stored status says so or when `staleBefore` makes it so. */
  status?: ClaimStatus;
  /** Claims not yet over whose latest report is older than this day read as stale; null: none do. */
  staleBefore: string | null;
  limit: number;
  offset: number;
}

const OVER_STAGES = ["occurred", "called_off", "failed"];

/**
 * The ids of one page of the claim list, in its order (earliest reported first, undated last, then id), and how many
 * claims the list holds in all. Reads the page from the index on that order, never every claim.
 */
export async function claimPageIds(db: Executor, q: ClaimPageQuery): Promise<{ ids: string[]; total: number }> {
  let base = db.selectFrom("claims");
  if (q.storyId !== undefined) base = base.where("story_id", "=", q.storyId);
  if (q.status !== undefined) {
    const before = q.staleBefore;
    // Stale as read: the stored mark, or a plan no report has touched since `staleBefore` (as `readClaims` adds it).
    base = base.where((eb) => {
      const goneStale =
        before === null
          ? eb.val(false)
          : eb.and([eb("status", "<>", "stale"), eb("historical", "=", 0), eb("stage", "not in", OVER_STAGES), eb("last_reported", "is not", null), eb("last_reported", "<", before)]);
      return q.status === "stale" ? eb.or([eb("status", "=", "stale"), goneStale]) : eb.and([eb("status", "=", q.status!), eb.not(goneStale)]);
    });
  }
  const [rows, count] = await Promise.all([
    base
      .select("id")
      .orderBy((eb) => eb.case().when("first_reported", "is", null).then(1).else(0).end())
      .orderBy("first_reported")
      .orderBy("id")
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
