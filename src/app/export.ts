// Ways out of the ledger: claims, reports and questions as CSV or JSON, and claims as event rows in GDELT 2.0's event
// table layout (tab-separated, 61 columns, CAMEO codes) so existing GDELT tooling reads them.
import { createHash } from "node:crypto";
import { entityById, officeActive } from "../extract/gazetteer.js";
import { loadData } from "../extract/resources.js";
import type { ClaimView, Store } from "../store/index.js";
import { listArticles } from "../store/articles.js";
import { reportEvidence } from "./articles.js";
import { claimText } from "./claim-text.js";
import { readClaims } from "./ledger.js";
import { showQuestion, summarizeQuestions, today, type QuestionView } from "./questions.js";

/** What can be exported. */
export const EXPORTS = ["claims", "reports", "questions", "events"] as const;
export type ExportKind = (typeof EXPORTS)[number];
export type ExportFormat = "csv" | "json" | "gdelt";

/** The export asked for cannot be made in that format. */
export class ExportError extends Error {}

/** Rows with named columns. */
export interface Table {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

// Cells a spreadsheet would run as a formula are written with a leading quote.
function csvCell(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && s.length > 1 && /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(t: Table): string {
  return [t.columns, ...t.rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The claims, one row each. */
export async function claimsTable(store: Store, opts: { story?: string } = {}): Promise<{ table: Table; json: object[] }> {
  const claims = await readClaims(store.db, { storyId: opts.story });
  const columns = ["id", "statement", "type", "cameo", "polarity", "status", "participants", "reports", "origins", "roots", "first_reported", "last_reported", "event_time", "story"];
  const rows = claims.map((c) => [c.id, claimText(c), c.type, c.cameo, c.polarity, c.status, c.participants.map((p) => p.name).join("; "), c.reports.length, c.origins.length, [...new Set(c.origins.map((o) => o.root))].join("; "), c.first_reported, c.last_reported, c.event_time, c.story]);
  return { table: { columns, rows }, json: claims.map((c) => ({ ...c, statement: claimText(c) })) };
}

/** Every report of every claim, with its sentence. */
export async function reportsTable(store: Store, opts: { story?: string } = {}): Promise<{ table: Table; json: object[] }> {
  const claims = await readClaims(store.db, { storyId: opts.story });
  const evidence = await reportEvidence(store.db, claims.flatMap((c) => c.reports.map((r) => r.id)));
  const urls = new Map((await listArticles(store.db, { limit: 1_000_000 })).map((a) => [a.id, a.url]));
  const columns = ["id", "claim", "statement", "article", "title", "outlet", "published", "url", "sentence", "text", "trigger", "factuality", "chain", "root", "origin"];
  const json: object[] = [];
  const rows: Table["rows"] = [];
  for (const c of claims) {
    for (const r of c.reports) {
      const text = evidence.get(r.id)?.text ?? null;
      const url = urls.get(r.article) ?? null;
      rows.push([r.id, c.id, claimText(c), r.article, r.title, r.outlet, r.published, url, r.sentence, text, r.trigger, r.factuality, r.chain.join(" > "), r.root, r.origin]);
      json.push({ ...r, claim: c.id, statement: claimText(c), url, text });
    }
  }
  return { table: { columns, rows }, json };
}

/** Every question with its probability, status and scores; the JSON carries each update log. */
export async function questionsTable(store: Store, asOf = today()): Promise<{ table: Table; json: object[] }> {
  const summary = await summarizeQuestions(store, asOf);
  const views = (await Promise.all(summary.questions.map((q) => showQuestion(store, q.id, asOf)))).filter((q): q is QuestionView => q !== undefined);
  const columns = ["id", "title", "opens", "deadline", "prior", "probability", "status", "resolved_at", "brier", "log", "updates", "as_of"];
  const rows = summary.questions.map((q) => {
    const v = views.find((x) => x.id === q.id);
    return [q.id, q.title, v?.opens ?? null, q.deadline, v?.prior ?? null, Number(q.probability.toFixed(4)), q.status, q.resolved_at, q.brier === null ? null : Number(q.brier.toFixed(4)), q.log === null ? null : Number(q.log.toFixed(4)), v?.updates.length ?? 0, asOf];
  });
  return { table: { columns, rows }, json: views };
}

interface CameoData {
  countries: Record<string, string>;
  roles: Record<string, string>;
  organizations: Record<string, string>;
  goldstein: Record<string, number>;
  quad_class: Record<string, number>;
}

const CAMEO = loadData<CameoData>("lexicons/cameo.json");

/** GDELT 2.0 event table columns, in order. */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  ...["Actor1", "Actor2"].flatMap((a) => ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"].map((c) => a + c)),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...["Actor1Geo", "Actor2Geo", "ActionGeo"].flatMap((g) => ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map((c) => `${g}_${c}`)),
  "DATEADDED", "SOURCEURL",
];

/** An actor's CAMEO fields: code, name, country code and role, from the gazetteer. */
export function cameoActor(entityId: string | undefined, name: string | undefined, date: string): { code: string; name: string; country: string; type: string } {
  if (!entityId) return { code: "", name: "", country: "", type: "" };
  const e = entityById(entityId);
  const label = (name ?? e?.name ?? "").toUpperCase();
  if (!e) return { code: "", name: label, country: "", type: "" };
  if (e.type === "country") {
    const country = CAMEO.countries[entityId.replace(/^country:/, "")] ?? "";
    return { code: country, name: label, country, type: "" };
  }
  if (e.type === "person") {
    const office = (e.offices ?? []).find((o) => officeActive(o, date)) ?? null;
    if (!office) return { code: "", name: label, country: "", type: "" };
    // Offices name their body after the country code ("US", "US-WH" for the White House).
    const body = office.country.split("-")[0];
    const igo = CAMEO.organizations[body];
    if (igo) return { code: igo, name: label, country: "", type: "IGO" };
    const country = CAMEO.countries[body] ?? "";
    const role = CAMEO.roles[office.role] ?? CAMEO.roles.default;
    return { code: country + role, name: label, country, type: role };
  }
  if (e.type === "organization") {
    const igo = e.code ? CAMEO.organizations[e.code] : undefined;
    if (igo) return { code: igo, name: label, country: "", type: "IGO" };
    const country = e.country ? CAMEO.countries[e.country] ?? "" : "";
    return { code: country, name: label, country, type: "" };
  }
  return { code: "", name: label, country: "", type: "" };
}

function eventDay(c: ClaimView): string | null {
  if (c.event_time && /^\d{4}-\d{2}-\d{2}$/.test(c.event_time)) return c.event_time;
  return c.first_reported && /^\d{4}-\d{2}-\d{2}/.test(c.first_reported) ? c.first_reported.slice(0, 10) : null;
}

/** GDELT's numeric event id for a claim: stable across exports. */
export function gdeltEventId(claimId: string): number {
  return parseInt(createHash("sha256").update(claimId).digest("hex").slice(0, 12), 16);
}

/**
 * Claims as GDELT 2.0 event rows: only claims that assert a happening (polarity +) with a CAMEO code and a date, since a
 * GDELT row records an event, not its denial. One row per claim: mentions are its reports, sources its outlets,
 * articles its distinct articles; tone and places are left empty, which GDELT's tools read as unknown.
 */
export async function gdeltEvents(store: Store, opts: { story?: string } = {}): Promise<Table> {
  const claims = await readClaims(store.db, { storyId: opts.story });
  const urls = new Map((await listArticles(store.db, { limit: 1_000_000 })).map((a) => [a.id, a.url]));
  const rows: Table["rows"] = [];
  for (const c of claims) {
    const day = eventDay(c);
    if (c.polarity !== "+" || !c.cameo || !day) continue;
    const [y, m, d] = day.split("-").map(Number);
    const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000;
    const a1 = cameoActor(c.participants[0]?.id, c.participants[0]?.name, day);
    const a2 = cameoActor(c.participants[1]?.id, c.participants[1]?.name, day);
    const code = c.cameo;
    const root = code.slice(0, 2);
    const first = c.reports[0];
    const added = (c.first_reported ?? day).slice(0, 10).replace(/-/g, "") + "000000";
    const actor = (a: typeof a1) => [a.code, a.name, a.country, a.type === "IGO" ? a.code.slice(3) : "", "", "", "", a.type, "", ""];
    const geo = () => [0, "", "", "", "", "", "", ""];
    rows.push([
      gdeltEventId(c.id),
      day.replace(/-/g, ""),
      day.slice(0, 7).replace("-", ""),
      String(y),
      (y + dayOfYear / 365).toFixed(4),
      ...actor(a1),
      ...actor(a2),
      c.reports.some((r) => r.sentence === 0) ? 1 : 0,
      code,
      code.slice(0, 3),
      root,
      CAMEO.quad_class[root] ?? "",
      CAMEO.goldstein[code] ?? CAMEO.goldstein[code.slice(0, 3)] ?? "",
      c.reports.length,
      new Set(c.reports.map((r) => r.outlet ?? r.article)).size,
      new Set(c.reports.map((r) => r.article)).size,
      "",
      ...geo(),
      ...geo(),
      ...geo(),
      added,
      (first && urls.get(first.article)) ?? "",
    ]);
  }
  return { columns: GDELT_COLUMNS, rows };
}

/** GDELT's file form: tab-separated, no header, one event per line. */
export function toGdelt(t: Table): string {
  return t.rows.map((r) => r.map((v) => (v === null ? "" : String(v).replace(/[\t\r\n]+/g, " "))).join("\t")).join("\n") + (t.rows.length ? "\n" : "");
}

/** Runs an export and returns its text and media type. */
export async function runExport(store: Store, kind: ExportKind, format: ExportFormat, opts: { story?: string; asOf?: string } = {}): Promise<{ text: string; type: string }> {
  if (kind === "events") {
    if (format !== "gdelt" && format !== "csv" && format !== "json") throw new ExportError(`events export as gdelt, csv or json, not ${format}`);
    const t = await gdeltEvents(store, opts);
    if (format === "gdelt") return { text: toGdelt(t), type: "text/tab-separated-values; charset=utf-8" };
    if (format === "csv") return { text: toCsv(t), type: "text/csv; charset=utf-8" };
    return { text: JSON.stringify(t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))), null, 2) + "\n", type: "application/json" };
  }
  if (format === "gdelt") throw new ExportError("only events export in GDELT's layout");
  const made = kind === "claims" ? await claimsTable(store, opts) : kind === "reports" ? await reportsTable(store, opts) : await questionsTable(store, opts.asOf);
  if (format === "csv") return { text: toCsv(made.table), type: "text/csv; charset=utf-8" };
  return { text: JSON.stringify(made.json, null, 2) + "\n", type: "application/json" };
}
