// The claim ledger: claims, their participants, reports, independent origins and status history.
import type { Updateable } from "kysely";
import type { Executor } from "./index.js";
import type { ClaimTable } from "./schema.js";

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

/** One article's report of a claim; `chain` names the sources, outermost first. */
export interface NewReport {
  id: string;
  claim_id: string;
  article_id: string;
  event_id: string | null;
  sentence: number;
  trigger: string;
  factuality: string;
  chain: string[];
  root: string | null;
  origin_id?: string | null;
  published: string | null;
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

/** Writes a new claim with its participants. */
export async function insertClaim(db: Executor, claim: NewClaim): Promise<void> {
  const { participants, ...row } = claim;
  await db
    .insertInto("claims")
    .values({ ...row, story_id: row.story_id ?? null })
    .execute();
  await setParticipants(db, claim.id, participants);
}

/** Changes the given columns of a claim (and its participants when given). */
export async function updateClaim(db: Executor, id: string, patch: ClaimPatch): Promise<void> {
  const { participants, ...cols } = patch;
  const set: Updateable<ClaimTable> = {};
  for (const [k, v] of Object.entries(cols)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
  if (Object.keys(set).length > 0) await db.updateTable("claims").set(set).where("id", "=", id).execute();
  if (participants) await setParticipants(db, id, participants);
}

/** Writes one report of a claim. */
export async function insertReport(db: Executor, report: NewReport): Promise<void> {
  await db
    .insertInto("reports")
    .values({ ...report, chain: JSON.stringify(report.chain), origin_id: report.origin_id ?? null })
    .execute();
}




/** Claims of one type that share a participant and whose reporting overlaps [from, to]; the linker's coreference pool. */
export async function candidateClaims(
  db: Executor,
  q: { type: string; participantIds: string[]; from?: string | null; to?: string | null; limit?: number },
): Promise<ClaimRow[]> {
  // One pass: each claim row comes back once per participant, already in claim order.
  let query = db
    .selectFrom("claims")
    .leftJoin("claim_participants as p", "p.claim_id", "claims.id")
    .selectAll("claims")
    .select("p.entity_id as participant")
    .where("claims.type", "=", q.type);
  if (q.participantIds.length > 0) {
    const ids = uniq(q.participantIds);
    query = query.where("claims.id", "in", (eb) =>
      eb.selectFrom("claim_participants").select("claim_id").where("entity_id", "in", ids),
    );
  }
  if (q.from) {
    const from = q.from;
    query = query.where((eb) => eb.or([eb("claims.last_reported", "is", null), eb("claims.last_reported", ">=", from)]));
  }
  if (q.to) {
    const to = q.to;
    query = query.where((eb) => eb.or([eb("claims.first_reported", "is", null), eb("claims.first_reported", "<=", to)]));
  }
  if (q.limit !== undefined) {
    // Only the most recently reported claims of the type that share a participant.
    const { type, limit } = q;
    const ids = uniq(q.participantIds);
    query = query.where("claims.id", "in", (eb) => {
      let inner = eb.selectFrom("claims as c").select("c.id").where("c.type", "=", type);
      if (ids.length > 0) inner = inner.where("c.id", "in", (e2) => e2.selectFrom("claim_participants").select("claim_id").where("entity_id", "in", ids));
      return inner.orderBy("c.last_reported", "desc").orderBy("c.id").limit(limit);
    });
  }
  const rows = await query
    .orderBy((eb) => eb.case().when("claims.first_reported", "is", null).then(1).else(0).end())
    .orderBy("claims.first_reported")
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

/**
 * Makes a claim's origins and its reports' origin links equal to the given ones, writing only what changed: a claim
 * gains reports one at a time, and rewriting all of them each time would make ingest quadratic in a claim's size.
 */
export async function replaceOrigins(db: Executor, claimId: string, origins: NewOrigin[], originOf: Map<string, string>): Promise<void> {
  const [oldOrigins, oldReports] = await Promise.all([
    db.selectFrom("origins").selectAll().where("claim_id", "=", claimId).execute(),
    db.selectFrom("reports").select(["id", "origin_id"]).where("claim_id", "=", claimId).execute(),
  ]);
  const wanted = new Map(origins.map((o) => [o.id, o]));
  const had = new Map(oldOrigins.map((o) => [o.id, o]));
  const fresh = origins.filter((o) => !had.has(o.id));
  if (fresh.length) await db.insertInto("origins").values(fresh).execute();
  for (const o of origins) {
    const h = had.get(o.id);
    if (h && (h.root !== o.root || h.first_seen !== o.first_seen)) await db.updateTable("origins").set({ root: o.root, first_seen: o.first_seen }).where("id", "=", o.id).execute();
  }
  for (const r of oldReports) {
    const want = originOf.get(r.id) ?? null;
    if (r.origin_id !== want) await db.updateTable("reports").set({ origin_id: want }).where("id", "=", r.id).execute();
  }
  const gone = oldOrigins.filter((o) => !wanted.has(o.id)).map((o) => o.id);
  if (gone.length) await db.deleteFrom("origins").where("id", "in", gone).execute();
}

/** Makes a claim's status history equal to the given one (rewriting it only when it differs) and sets its status. */
export async function replaceClaimStatus(db: Executor, claimId: string, history: { status: ClaimStatus; at: string }[]): Promise<void> {
  const old = await db.selectFrom("claim_status").select(["status", "at"]).where("claim_id", "=", claimId).orderBy("seq").execute();
  const same = old.length === history.length && old.every((h, i) => h.status === history[i].status && h.at === history[i].at);
  if (same) return;
  await db.deleteFrom("claim_status").where("claim_id", "=", claimId).execute();
  if (history.length) await db.insertInto("claim_status").values(history.map((h, i) => ({ claim_id: claimId, seq: i + 1, status: h.status, at: h.at }))).execute();
  const last = history.at(-1);
  if (last) await db.updateTable("claims").set({ status: last.status }).where("id", "=", claimId).execute();
}
