// The claim ledger: claims, their participants, reports, independent origins and status history.
import type { Updateable } from "kysely";
import type { Executor } from "./index.js";
import type { ClaimTable, ReportTable } from "./schema.js";
import { chunks, insertRows } from "./rows.js";

/** Whether a claim asserts that the event happens (+) or that it does not (-). */
export type Polarity = "+" | "-";
/** A claim's place in the status rules of the product brief. */
export type ClaimStatus = "reported" | "corroborated" | "confirmed" | "denied" | "contradicted" | "stale";

/** A claim row as the linker writes it; `participants` are entity ids. */
export interface NewClaim {
  id: string;
  type: string;
  cameo: string | null;
  summary: string;
  polarity: Polarity;
  event_time: string | null;
  first_reported: string | null;
  last_reported: string | null;
  status: ClaimStatus;
  story_id?: string | null;
  participants: string[];
}

/** Columns of a claim that may change after it is first written; `participants` replaces the whole set. */
export type ClaimPatch = Partial<Omit<NewClaim, "id">>;

/** A claim with its participant ids, as coreference candidates are compared. */
export interface ClaimRow extends Omit<NewClaim, "story_id"> {
  story_id: string | null;
}

/** One article's report of a claim, as its row but with `chain` (the sources, outermost first) as a list. */
export interface NewReport extends Omit<ReportTable, "chain" | "origin_id"> {
  chain: string[];
  origin_id?: string | null;
}

/** An independent origin of a claim, named by its root source. */
export interface NewOrigin {
  id: string;
  claim_id: string;
  root: string;
  first_seen: string | null;
}

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
  summary: string;
  participants: { id: string; name: string }[];
  polarity: Polarity;
  status: ClaimStatus;
  status_history: { status: ClaimStatus; at: string }[];
  first_reported: string | null;
  last_reported: string | null;
  event_time: string | null;
  story: string | null;
  reports: ReportView[];
  origins: OriginView[];
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

async function setParticipants(db: Executor, claimId: string, participants: string[]): Promise<void> {
  await db.deleteFrom("claim_participants").where("claim_id", "=", claimId).execute();
  const ids = uniq(participants);
  if (ids.length === 0) return;
  await db
    .insertInto("claim_participants")
    .values(ids.map((entity_id) => ({ claim_id: claimId, entity_id })))
    .execute();
}

/** Changes the given columns of a claim (and its participants when given). */
export async function updateClaim(db: Executor, id: string, patch: ClaimPatch): Promise<void> {
  const { participants, ...cols } = patch;
  const set: Updateable<ClaimTable> = {};
  for (const [k, v] of Object.entries(cols)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
  if (Object.keys(set).length > 0) await db.updateTable("claims").set(set).where("id", "=", id).execute();
  if (participants) await setParticipants(db, id, participants);
}

/** Every claim of one type with its participant ids: what the linker's in-memory claim index is loaded from. */
export async function claimsOfType(db: Executor, type: string): Promise<ClaimRow[]> {
  // One pass: each claim row comes back once per participant, already in claim order.
  const rows = await db
    .selectFrom("claims")
    .leftJoin("claim_participants as p", "p.claim_id", "claims.id")
    .selectAll("claims")
    .select("p.entity_id as participant")
    .where("claims.type", "=", type)
    .orderBy("claims.id")
    .orderBy("p.entity_id")
    .execute();
  const out: ClaimRow[] = [];
  for (const { participant, ...row } of rows) {
    let last = out[out.length - 1];
    if (!last || last.id !== row.id) {
      last = { ...row, polarity: row.polarity as Polarity, status: row.status as ClaimStatus, participants: [] };
      out.push(last);
    }
    if (participant !== null) last.participants.push(participant);
  }
  return out;
}

async function participantsOf(db: Executor, claimIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (claimIds.length === 0) return out;
  const rows = await db
    .selectFrom("claim_participants")
    .leftJoin("entities", "entities.id", "claim_participants.entity_id")
    .select(["claim_participants.claim_id", "claim_participants.entity_id", "entities.name"])
    .where("claim_participants.claim_id", "in", claimIds)
    .orderBy("claim_participants.claim_id")
    .orderBy("claim_participants.entity_id")
    .execute();
  for (const r of rows) {
    const list = out.get(r.claim_id) ?? [];
    list.push({ id: r.entity_id, name: r.name ?? r.entity_id });
    out.set(r.claim_id, list);
  }
  return out;
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

// Builds full claim objects for a set of claim rows with one query per related table.
async function views(db: Executor, claims: ClaimTable[]): Promise<ClaimView[]> {
  if (claims.length === 0) return [];
  const ids = claims.map((c) => c.id);
  const [participants, reports, origins, history] = await Promise.all([
    participantsOf(db, ids),
    db
      .selectFrom("reports")
      .innerJoin("articles", "articles.id", "reports.article_id")
      .leftJoin("outlets", "outlets.id", "articles.outlet_id")
      .select([
        "reports.id",
        "reports.claim_id",
        "reports.article_id",
        "reports.event_id",
        "reports.sentence",
        "reports.trigger",
        "reports.factuality",
        "reports.chain",
        "reports.root",
        "reports.origin_id",
        "reports.published",
        "articles.title",
        "articles.seq",
        "outlets.name as outlet",
      ])
      .where("reports.claim_id", "in", ids)
      .orderBy((eb) => eb.case().when("reports.published", "is", null).then(1).else(0).end())
      .orderBy("reports.published")
      .orderBy("articles.seq")
      .orderBy("reports.id")
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
  const reportsBy = group(reports, (r) => r.claim_id);
  const originsBy = group(origins, (o) => o.claim_id);
  const historyBy = group(history, (h) => h.claim_id);
  return claims.map((c) => {
    const own = reportsBy.get(c.id) ?? [];
    const statusHistory = (historyBy.get(c.id) ?? [])
      .map((h) => ({ status: h.status as ClaimStatus, at: h.at, seq: h.seq }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
      .map(({ status, at }) => ({ status, at }));
    return {
      id: c.id,
      type: c.type,
      cameo: c.cameo,
      summary: c.summary,
      participants: participants.get(c.id) ?? [],
      polarity: c.polarity as Polarity,
      status: c.status as ClaimStatus,
      status_history: statusHistory,
      first_reported: c.first_reported,
      last_reported: c.last_reported,
      event_time: c.event_time,
      story: c.story_id,
      reports: own.map((r) => ({
        id: r.id,
        article: r.article_id,
        title: r.title,
        outlet: r.outlet ?? null,
        published: r.published,
        sentence: r.sentence,
        trigger: r.trigger,
        factuality: r.factuality,
        chain: JSON.parse(r.chain) as string[],
        origin: r.origin_id,
        root: r.root,
        event: r.event_id,
      })),
      origins: (originsBy.get(c.id) ?? []).map((o) => ({
        id: o.id,
        root: o.root,
        reports: own.filter((r) => r.origin_id === o.id).map((r) => r.id),
        first_seen: o.first_seen,
      })),
    };
  });
}

/** All claims (or one story's), earliest reported first, as full contract objects. */
export async function listClaims(db: Executor, opts: { storyId?: string } = {}): Promise<ClaimView[]> {
  let q = db.selectFrom("claims").selectAll();
  if (opts.storyId !== undefined) q = q.where("story_id", "=", opts.storyId);
  const rows = await q
    .orderBy((eb) => eb.case().when("first_reported", "is", null).then(1).else(0).end())
    .orderBy("first_reported")
    .orderBy("id")
    .execute();
  return views(db, rows);
}

/** One claim with participants, reports (joined to their articles), origins and status history. */
export async function getClaim(db: Executor, id: string): Promise<ClaimView | undefined> {
  const row = await db.selectFrom("claims").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [view] = await views(db, [row]);
  return view;
}

/** An origin whose root or first sighting changed, or a report whose origin changed. */
export interface OriginLink {
  id: string;
  origin_id: string | null;
}

/**
 * Everything linking one article changes in the ledger. Each list is written with one statement (or one per changed
 * claim), so an article costs a handful of statements however many claims it touches.
 */
export interface LedgerChanges {
  newClaims: NewClaim[];
  claimUpdates: { id: string; patch: ClaimPatch }[];
  newOrigins: NewOrigin[];
  changedOrigins: NewOrigin[];
  newReports: NewReport[];
  /** Stored reports that move to another origin. */
  movedReports: OriginLink[];
  /** Origins left without reports. */
  goneOrigins: string[];
  /** Claims whose status history is replaced by the given one. */
  histories: { claimId: string; history: { status: ClaimStatus; at: string }[] }[];
}

/** Writes one article's ledger changes, in the order the foreign keys need. */
export async function applyLedgerChanges(db: Executor, c: LedgerChanges): Promise<void> {
  await insertRows(db, "claims", c.newClaims.map(({ participants: _, ...row }) => ({ ...row, story_id: row.story_id ?? null })));
  await insertRows(db, "claim_participants", c.newClaims.flatMap((claim) => uniq(claim.participants).map((entity_id) => ({ claim_id: claim.id, entity_id }))));
  for (const u of c.claimUpdates) await updateClaim(db, u.id, u.patch);
  await insertRows(db, "origins", c.newOrigins);
  for (const o of c.changedOrigins) await db.updateTable("origins").set({ root: o.root, first_seen: o.first_seen }).where("id", "=", o.id).execute();
  await insertRows(db, "reports", c.newReports.map((r) => ({ ...r, chain: JSON.stringify(r.chain), origin_id: r.origin_id ?? null })));
  for (const r of c.movedReports) await db.updateTable("reports").set({ origin_id: r.origin_id }).where("id", "=", r.id).execute();
  for (const ids of chunks(c.goneOrigins)) await db.deleteFrom("origins").where("id", "in", ids).execute();
  for (const ids of chunks(c.histories.map((h) => h.claimId))) await db.deleteFrom("claim_status").where("claim_id", "in", ids).execute();
  await insertRows(db, "claim_status", c.histories.flatMap((h) => h.history.map((s, i) => ({ claim_id: h.claimId, seq: i + 1, status: s.status, at: s.at }))));
}
