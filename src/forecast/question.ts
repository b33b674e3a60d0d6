// Questions as YAML: validation with errors that name the field, participant resolution, and default indicators.
import { parse as parseYaml } from "yaml";
import { checkCalendarDate } from "../domain/calendar.js";
import { STANCES, type Stance } from "../domain/extraction.js";
import type { Indicator, IndicatorMatch, Question } from "../domain/forecast.js";
import { loadData } from "../extract/resources.js";

/** A question file that does not validate; `problems` name each bad field. */
export class QuestionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join("; ")}`);
    this.name = "QuestionError";
  }
}

/** Resolves a participant written as a name or alias to an entity, as of a date. */
export type NameResolver = (name: string, date: string) => { id: string; name: string } | null;

const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

// The ledger keeps a claim per happening under its family's type ("attend" under "visit"): a question or indicator
// asking for an event type reads the claims of its family, or it would never see a report.
const CLAIM_FAMILIES = loadData<{ families: Record<string, string[]> }>("lexicons/claims.json").families;
const FAMILY_OF = new Map(Object.entries(CLAIM_FAMILIES).flatMap(([family, types]) => types.map((t) => [t, family] as const)));
const familyOf = (type: string) => FAMILY_OF.get(type) ?? type;

// Longest a question may stay open, in days: every read of it walks its days, so a span of centuries is a denial of service.
const MAX_QUESTION_DAYS = 3660;

/** The date a field gives (YAML may read it as a Date), and why it is not one the ledger accepts. */
function asDate(v: unknown): { date: string | null; problem: string | null } {
  const s = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === "string" ? v : null;
  if (s === null) return { date: null, problem: `expected a date YYYY-MM-DD, got ${shown(v ?? null)}` };
  const problem = checkCalendarDate(s);
  return problem ? { date: null, problem } : { date: s, problem: null };
}

/** The fitted likelihood ratios and constants of the odds engine (data/forecast/parameters.json). */
export interface ForecastParameters {
  /** By stance; `counterpart` for preparatory steps; `set_on_record` for a date a party fixes on the record. */
  lr: Record<Exclude<Stance, "unknown"> | "counterpart" | "set_on_record", number>;
  datePassedLr: number;
  originDecay: number;
  certaintyWeight: Record<"CT" | "PR" | "PS" | "Uu", number>;
}

export function forecastParameters(): ForecastParameters {
  return loadData<ForecastParameters>("forecast/parameters.json");
}

const POSITIVE: Exclude<Stance, "unknown">[] = ["occurred", "scheduled", "discussed", "wanted"];
const NEGATIVE: Exclude<Stance, "unknown">[] = ["unplanned", "refused", "called_off", "failed"];
const PHRASES: Record<Exclude<Stance, "unknown">, string> = {
  occurred: "reported as held (not yet confirmed)",
  scheduled: "date or venue set",
  discussed: "discussed or expected",
  wanted: "a party wants it",
  unplanned: "not planned",
  refused: "refused by a party",
  called_off: "called off",
  failed: "did not take place",
};

/**
 * The default indicators of a resolving event: one per stance a report may take toward it (each with its fitted
 * likelihood ratio), and preparatory steps between the two sides. They name no country: any pair of entities and any
 * event type work alike.
 */
export function defaultIndicators(type: string, participants: string[], params: ForecastParameters = forecastParameters()): Indicator[] {
  const base = (over: Partial<IndicatorMatch>): IndicatorMatch => ({ type: [type], participants, participants_mode: "all", stance: [], on_record: false, counterpart: false, ...over });
  const out: Indicator[] = [...POSITIVE, ...NEGATIVE].map((stance) => ({ name: `${type}: ${PHRASES[stance]}`, match: base({ stance: [stance] }), lr: params.lr[stance] }));
  // A party fixing the date on the record is more than an outlet reporting it set, or a party naming a venue alone.
  out.splice(2, 0, { name: `${type}: date set by a party on the record`, match: base({ stance: ["scheduled"], on_record: true, dated: true }), lr: params.lr.set_on_record });
  if (participants.length >= 2) {
    out.push({ name: "preparatory step between the two sides (envoys, calls, visits, talks)", match: base({ type: ["meet", "communicate", "visit"], counterpart: true, stance: ["occurred", "scheduled"] }), lr: params.lr.counterpart });
  }
  return out;
}

/** The stances a hand-written indicator counts: its `stance` list, else those its `polarity` and `scheduled` say. */
function stancesOf(m: Record<string, unknown>, problems: string[], field: string): Stance[] {
  if (m.stance !== undefined) {
    const list = Array.isArray(m.stance) ? m.stance : [m.stance];
    const bad = list.filter((s) => !STANCES.includes(s as Stance) || s === "unknown");
    if (bad.length) problems.push(`${field}.match.stance: ${bad.map((b) => shown(b)).join(", ")} is not a stance (${STANCES.filter((s) => s !== "unknown").join(", ")})`);
    return list.filter((s): s is Stance => STANCES.includes(s as Stance));
  }
  if (m.scheduled === true) return ["scheduled"];
  const polarity = m.polarity === undefined ? "+" : m.polarity;
  if (polarity !== "+" && polarity !== "-") problems.push(`${field}.match.polarity: expected "+" or "-"`);
  return polarity === "-" ? NEGATIVE : POSITIVE;
}

/** Parses and validates a question file's text; throws QuestionError naming every bad field. */
export function parseQuestion(text: string, source: string, resolve: NameResolver): Question {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new QuestionError(source, [`not valid YAML: ${(err as Error).message.split("\n")[0]}`]);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new QuestionError(source, ["expected a mapping with id, title, opens, deadline, prior and event"]);
  const q = raw as Record<string, unknown>;
  const problems: string[] = [];
  const str = (field: string, required = true): string => {
    const v = q[field];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (required) problems.push(`${field}: required text`);
    return "";
  };
  const id = str("id");
  if (id && !ID.test(id)) problems.push(`id: "${id}" must be lower-case letters, digits, '.', '_' or '-'`);
  const title = str("title");
  const criteria = str("criteria", false);
  const { date: opens, problem: opensProblem } = asDate(q.opens);
  if (opensProblem) problems.push(`opens: ${opensProblem}`);
  const { date: deadline, problem: deadlineProblem } = asDate(q.deadline);
  if (deadlineProblem) problems.push(`deadline: ${deadlineProblem}`);
  if (opens && deadline && deadline < opens) problems.push(`deadline: ${deadline} is before opens ${opens}`);
  else if (opens && deadline && (Date.parse(deadline) - Date.parse(opens)) / 86_400_000 > MAX_QUESTION_DAYS) {
    problems.push(`deadline: ${deadline} is more than ${MAX_QUESTION_DAYS} days after opens ${opens}`);
  }
  const prior = q.prior;
  if (typeof prior !== "number" || !(prior > 0 && prior < 1)) problems.push(`prior: expected a probability strictly between 0 and 1, got ${shown(prior ?? null)}`);
  const date = opens ?? deadline ?? "1970-01-01";

  const resolveAll = (names: unknown, field: string): string[] => {
    if (!Array.isArray(names) || names.length === 0) {
      problems.push(`${field}: expected a list of names`);
      return [];
    }
    const ids: string[] = [];
    names.forEach((n, i) => {
      if (typeof n !== "string" || !n.trim()) {
        problems.push(`${field}[${i}]: expected a name`);
        return;
      }
      const hit = resolve(n, date);
      if (!hit) problems.push(`${field}[${i}]: "${n}" is not a known entity or alias`);
      else ids.push(hit.id);
    });
    return ids;
  };

  const ev = q.event as Record<string, unknown> | undefined;
  let event: Question["event"] = { type: "", participants: [], place: null };
  if (!ev || typeof ev !== "object") problems.push("event: required, with type and participants");
  else {
    if (typeof ev.type !== "string" || !ev.type.trim()) problems.push("event.type: required text (e.g. meet)");
    const participants = resolveAll(ev.participants, "event.participants");
    let place: string | null = null;
    if (ev.place !== undefined && ev.place !== null) {
      if (typeof ev.place !== "string") problems.push("event.place: expected a name");
      else {
        const hit = resolve(ev.place, date);
        if (!hit) problems.push(`event.place: "${ev.place}" is not a known place or alias`);
        else place = hit.id;
      }
    }
    event = { type: typeof ev.type === "string" ? familyOf(ev.type.trim()) : "", participants, place };
  }

  let indicators: Indicator[] = [];
  const given = q.indicators;
  if (given !== undefined && given !== null) {
    if (!Array.isArray(given)) problems.push("indicators: expected a list");
    else
      given.forEach((ind: unknown, i: number) => {
        const f = `indicators[${i}]`;
        if (!ind || typeof ind !== "object") {
          problems.push(`${f}: expected a mapping with name, match and lr`);
          return;
        }
        const o = ind as Record<string, unknown>;
        const m = (o.match ?? {}) as Record<string, unknown>;
        if (typeof o.name !== "string" || !o.name.trim()) problems.push(`${f}.name: required text`);
        if (typeof o.lr !== "number" || !(o.lr > 0) || o.lr === 1) problems.push(`${f}.lr: expected a positive number other than 1`);
        const types = typeof m.type === "string" ? [m.type] : Array.isArray(m.type) ? m.type.filter((t): t is string => typeof t === "string") : [];
        if (types.length === 0) problems.push(`${f}.match.type: required (an event type or a list of them)`);
        const stance = stancesOf(m, problems, f);
        const participants = m.participants === undefined ? event.participants : resolveAll(m.participants, `${f}.match.participants`);
        const mode = m.participants_mode === "any" ? "any" : "all";
        indicators.push({
          name: String(o.name ?? ""),
          lr: Number(o.lr),
          match: { type: [...new Set(types.map(familyOf))], participants, participants_mode: mode, stance, on_record: m.on_record === true, dated: m.dated === true, counterpart: m.counterpart === true },
        });
      });
  }
  if (problems.length) throw new QuestionError(source, problems);
  const defaults = indicators.length === 0;
  if (defaults) indicators = defaultIndicators(event.type, event.participants);
  return { id, title, criteria, opens: opens!, deadline: deadline!, prior: prior as number, event, indicators, default_indicators: defaults };
}

/** A value as a problem message shows it; one that refers to itself (a YAML alias of its own anchor) by its kind. */
function shown(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Array.isArray(v) ? "a list that contains itself" : "a value that contains itself";
  }
}
