// Step 5 of linking: a claim's stage, status and plain-words statement, from its reports' stances and sources. The
// stage moves discussed → scheduled → occurred, or to called off or failed; the status says how firmly the stage
// stands (confirmed when a party states that stage on the record). Recomputed from all the claim's reports in
// publication order, so it does not depend on the order articles were ingested in.
import type { Stance } from "../domain/extraction.js";
import type { ClaimKey, ClaimReport, ClaimStatus, Stage, StatusChange } from "../domain/ledger.js";
import { dayRange, rangeWidth } from "../domain/calendar.js";
import { loadData } from "../extract/resources.js";

/** A report as status reads it: its origin and whether a party to the claim states it on the record. */
export interface StatusReport extends ClaimReport {
  origin: string;
  onRecord: boolean;
}

/** The stances that hold a stage up, and those that tell against it. */
const SUPPORT: Record<Stage, ReadonlySet<Stance>> = {
  discussed: new Set(["discussed", "wanted"]),
  scheduled: new Set(["scheduled"]),
  occurred: new Set(["occurred"]),
  called_off: new Set(["called_off", "unplanned", "refused"]),
  failed: new Set(["failed"]),
};
const AGAINST: Record<Stage, ReadonlySet<Stance>> = {
  discussed: new Set(["unplanned", "refused"]),
  scheduled: new Set(["unplanned", "refused"]),
  occurred: new Set(["failed"]),
  called_off: new Set(["discussed", "wanted"]),
  failed: new Set(["discussed", "wanted", "scheduled"]),
};

/** True when the report tells the happening as having taken place by its own day. */
function tellsOccurred(r: StatusReport): boolean {
  if (r.stance !== "occurred") return false;
  const range = dayRange(r.time);
  return !range || !r.published || range.from <= r.published;
}

/** The stage after a report, from the stage before it. An occurrence stands; later stances can move a plan. */
export function nextStage(stage: Stage | null, r: StatusReport): Stage | null {
  if (stage === "occurred") return stage;
  switch (r.stance) {
    case "occurred":
      return tellsOccurred(r) ? "occurred" : "scheduled";
    case "scheduled":
      return "scheduled";
    case "called_off":
      return "called_off";
    case "failed":
      return "failed";
    case "unplanned":
    case "refused":
      return stage === "scheduled" ? "called_off" : (stage ?? "discussed");
    case "discussed":
    case "wanted":
      return stage ?? "discussed";
    default:
      return stage;
  }
}

function statusOf(stage: Stage, since: StatusReport[]): ClaimStatus {
  const support = since.filter((r) => SUPPORT[stage].has(r.stance));
  const against = since.filter((r) => AGAINST[stage].has(r.stance));
  if (support.some((r) => r.onRecord)) return "confirmed";
  if (against.some((r) => r.onRecord)) return "denied";
  const origins = new Set(support.map((r) => r.origin));
  // Told both ways by independent origins; one origin telling both ("they met in 2019; the talks have been frozen")
  // contradicts no one.
  if (against.some((r) => !origins.has(r.origin)) && support.length > 0) return "contradicted";
  return origins.size >= 2 ? "corroborated" : "reported";
}

/**
 * The stage and status history of a claim, from all its reports. Reports of one day count together, so one day's
 * order does not show; the status reads the reports since the stage was last reached.
 */
export function statusHistory(reports: StatusReport[]): StatusChange[] {
  const dated = reports.filter((r) => r.published).sort((a, b) => a.published!.localeCompare(b.published!) || a.id.localeCompare(b.id));
  const history: StatusChange[] = [];
  let stage: Stage | null = null;
  let since: StatusReport[] = [];
  let i = 0;
  while (i < dated.length) {
    const day = dated[i].published!;
    const today: StatusReport[] = [];
    while (i < dated.length && dated[i].published === day) today.push(dated[i++]);
    for (const r of today) {
      const next = nextStage(stage, r);
      if (next !== stage) since = [];
      stage = next;
      since.push(r);
    }
    if (!stage) continue;
    const status = statusOf(stage, since);
    const last = history[history.length - 1];
    if (!last || last.stage !== stage || last.status !== status) history.push({ stage, status, at: day });
  }
  return history;
}

interface StatementLexicon {
  statements: Record<string, Record<Stage, string>>;
  typeNames: Record<string, string>;
}

const LEX = loadData<StatementLexicon>("lexicons/claims.json");
const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
// A month written alone or with its year only is spelled out ("in September 2025"), as news style writes it.
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A TIMEX3 value as a reader would write it in a statement: " on Aug. 15, 2025", " in June 2021", or nothing. */
export function humanWhen(time: string | null): string {
  const r = dayRange(time);
  if (!r || !time) return "";
  const [y, m, d] = r.from.split("-").map(Number);
  if (r.from === r.to) return ` on ${MONTHS[m - 1]} ${d}, ${y}`;
  if (/^\d{4}-\d{2}$/.test(time)) return ` in ${MONTH_NAMES[m - 1]} ${y}`;
  if (rangeWidth(r) <= 7) return ` in the week of ${MONTHS[m - 1]} ${d}, ${y}`;
  return "";
}

// Parties are kept sorted by id, which says nothing of their roles: a statement names people first, then bodies, then
// countries, so that a visitor comes before the country visited ("Lee to visit United States", not the other way round).
const RANK: Record<string, number> = { person: 0, local: 1, org: 2, country: 3 };
function speakingOrder(participants: string[]): string[] {
  const rank = (id: string) => RANK[id.slice(0, id.indexOf(":"))] ?? 2;
  return participants.map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id);
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The claim in plain words, from its best report: "Trump and Putin to meet in Budapest, Trump says". `nameOf` gives
 * the short name of an entity; `voice` is who tells it, as a reader would put it ("Trump says", "Reuters reports"), or
 * null when several independent origins tell it.
 */
export function statementOf(claim: ClaimKey, stage: Stage, nameOf: (id: string) => string, voice: string | null): string {
  const names = speakingOrder(claim.participants).map(nameOf);
  const templates = LEX.statements[claim.type] ?? LEX.statements.default;
  const text = templates[stage]
    .replace("{who}", joinNames(names))
    .replace("{first}", names[0] ?? "")
    .replace("{rest}", joinNames(names.slice(1)) || "")
    .replace("{place}", claim.place ? ` in ${nameOf(claim.place)}` : "")
    .replace("{when}", humanWhen(claim.eventTime))
    .replace("{type}", LEX.typeNames[claim.type] ?? claim.type.replace(/_/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return voice ? `${sentence}, ${voice}` : sentence;
}

/** The report a claim's statement is told from: one of its current stage, on the record first, then the earliest. */
export function bestReport(reports: StatusReport[], stage: Stage): StatusReport | null {
  const support = reports.filter((r) => SUPPORT[stage].has(r.stance));
  const pool = support.length ? support : reports;
  return [...pool].sort((a, b) => Number(b.onRecord) - Number(a.onRecord) || (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id))[0] ?? null;
}

/** How many independent origins tell for the happening (its stage reached) and how many against. */
export function originSides(reports: StatusReport[]): { for: number; against: number } {
  const latest = new Map<string, StatusReport>();
  for (const r of [...reports].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id))) latest.set(r.origin, r);
  let pro = 0;
  let con = 0;
  for (const r of latest.values()) {
    if (r.stance === "unplanned" || r.stance === "refused" || r.stance === "called_off" || r.stance === "failed") con++;
    else pro++;
  }
  return { for: pro, against: con };
}
