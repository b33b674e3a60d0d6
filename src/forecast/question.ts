// Questions as YAML: validation with errors that name the field, participant resolution, and default indicators.
import { parse as parseYaml } from "yaml";
import type { Indicator, IndicatorMatch, Question } from "../domain/forecast.js";

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Happenings that someone can be said to want: a stated wish to meet speaks for them.
const INTENT_TYPES = new Set(["meet", "negotiate", "visit", "consult"]);
const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

function isValidDate(s: string): boolean {
  return DATE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString().startsWith(s);
}

const asDate = (v: unknown): string | null => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === "string" && isValidDate(v) ? v : null;
};

/**
 * The default indicators for a resolving event: evidence that it is planned, dated, confirmed or prepared for raises
 * the odds; denials, cancellations and rejections lower them. They name no country: any pair of entities and any event
 * type with a code work alike.
 */
export function defaultIndicators(type: string, participants: string[]): Indicator[] {
  const base = (over: Partial<IndicatorMatch>): IndicatorMatch => ({
    type: [type],
    participants,
    participants_mode: "all",
    polarity: "+",
    on_record: false,
    scheduled: false,
    ...over,
  });
  return [
    { name: `${type} planned or under discussion`, match: base({}), lr: 1.6 },
    { name: `${type} date or venue announced`, match: base({ scheduled: true }), lr: 3 },
    { name: `${type} confirmed on the record by a participant`, match: base({ on_record: true }), lr: 3 },
    { name: "preparatory steps (envoys, letters, visits, talks)", match: base({ type: ["visit", "communicate", "negotiate"], participants_mode: "any" }), lr: 1.4 },
    { name: `${type} denied, not planned or called off`, match: base({ polarity: "-" }), lr: 0.35 },
    { name: `talks rejected by a participant`, match: base({ type: ["reject"], participants_mode: "any" }), lr: 0.5 },
    ...(INTENT_TYPES.has(type) ? [{ name: "a participant states the wish to meet", match: base({ type: ["intend_meet"] }), lr: 1.5 }] : []),
  ];
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
  const opens = asDate(q.opens);
  if (!opens) problems.push(`opens: expected a date YYYY-MM-DD, got ${JSON.stringify(q.opens ?? null)}`);
  const deadline = asDate(q.deadline);
  if (!deadline) problems.push(`deadline: expected a date YYYY-MM-DD, got ${JSON.stringify(q.deadline ?? null)}`);
  if (opens && deadline && deadline < opens) problems.push(`deadline: ${deadline} is before opens ${opens}`);
  const prior = q.prior;
  if (typeof prior !== "number" || !(prior > 0 && prior < 1)) problems.push(`prior: expected a probability strictly between 0 and 1, got ${JSON.stringify(prior ?? null)}`);
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
      else place = ev.place;
    }
    event = { type: typeof ev.type === "string" ? ev.type.trim() : "", participants, place };
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
        const polarity = m.polarity === undefined ? "+" : m.polarity;
        if (polarity !== "+" && polarity !== "-") problems.push(`${f}.match.polarity: expected "+" or "-"`);
        const participants = m.participants === undefined ? event.participants : resolveAll(m.participants, `${f}.match.participants`);
        const mode = m.participants_mode === "any" ? "any" : "all";
        indicators.push({
          name: String(o.name ?? ""),
          lr: Number(o.lr),
          match: { type: types, participants, participants_mode: mode, polarity: polarity as "+" | "-", on_record: m.on_record === true, scheduled: m.scheduled === true },
        });
      });
  }
  if (problems.length) throw new QuestionError(source, problems);
  const defaults = indicators.length === 0;
  if (defaults) indicators = defaultIndicators(event.type, event.participants);
  return { id, title, criteria, opens: opens!, deadline: deadline!, prior: prior as number, event, indicators, default_indicators: defaults };
}
