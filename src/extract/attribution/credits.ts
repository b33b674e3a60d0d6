// Agency credits: the news agencies whose copy an article carries or whose reporting it credits, so linking can join
// agency copy to the agency's origin however many sites carry it. Credit lines are read as formulas (a lead, a list of
// agencies, a trail) wherever wire copy puts them: the dateline ("SEOUL, Oct. 18 (Yonhap) --", "MOSCOW, March 24.
// /TASS/."), a parenthesis or a dash at a line's end ("(with agencies)", "— IANS"), a line or sentence of its own
// ("Reuters contributed to this report", "Source: Xinhua", "By Jane Doe with AFP"). An agency named where the text's
// words come from is credited too: the first source of a report ("AP reported", "Reuters, citing two sources,
// reported"), the subject of a reporting verb ("TASS quoted"), or the one the words were given to ("told TASS", "in an
// interview with Reuters", "quoted by RIA Novosti") — the agency obtained them, and other sites carry them from it.
// An agency only mentioned is not credited ("a Reuters reporter asked", "a statement carried by KCNA", "Reuters
// denied"), nor one a title stands for ("Russian state media"). "Reuters could not verify …" is credited: an agency
// writes that of its own checking in its own copy, so the sentence shows the text is (or carries) the agency's report.
import type { Attribution, SourceRef } from "../../domain/extraction.js";
import type { EntityMatch, EntityReading } from "../02-entities.js";
import { entityById, resolveName } from "../gazetteer.js";
import { LEXICON as L } from "./lexicon.js";

/** Longest credit line, sentence or parenthesis read as a formula; longer stretches are prose. */
const MAX_FORMULA = 160;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
const VERIFY = new RegExp(`\\s+(?:${L.verifyTrails.map(escape).join("|")})\\b.*$`, "is");
/** "TASS quoted …", "Yonhap news agency reported …", "The AP also noted …". */
const VERB = new RegExp(`^(?:\\s+news\\s+agency|\\s+agency)?,?\\s+(?:also\\s+|later\\s+|earlier\\s+)?(?:${L.creditVerbs.map(escape).join("|")})\\b`, "i");
/** "told TASS", "in an interview with the state news agency RIA Novosti": a few words may stand between. */
const HEARER = new RegExp(`\\b(?:${L.creditHearers.map(escape).join("|")})\\s+(?:(?:the|a|an|state|news|agency|wire|service|[\\p{Lu}][\\p{L}]*['’]s)\\s+){0,4}$`, "iu");
const SEPARATORS = /\s*(?:,|\/|&|;|\band\b|\|)\s*/i;
/** One place of a dateline: capitalised words, maybe a region between slashes ("VOSTOCHNY COSMODROME /Amur Region/"). */
const PLACE = String.raw`[\p{Lu}][\p{L}'’.-]*(?:[\s\/-]+[\p{Lu}][\p{L}'’.-]*){0,3}(?:\s*\/[^\/\n]{1,30}\/)?`;
const DATE = String.raw`(?:[\p{L}]{3,9}\.?\s*\d{1,2}|\d{1,2}\s+\p{L}{3,10})(?:,?\s*\d{4})?`;
/** A dateline before "(Agency)": places, then an optional date ("SEOUL, Oct. 18 ", "JEDDAH, Saudi Arabia, March 11 "). */
const DATELINE = new RegExp(`^${PLACE}(?:,\\s*${PLACE}){0,2}(?:,\\s*${DATE})?\\.?\\s*$`, "u");
/** TASS's own dateline: "MOSCOW, March 24. /TASS/." */
const SLASHED = new RegExp(`^(${PLACE}(?:,\\s*${PLACE}){0,2}(?:,\\s*${DATE})?\\.?\\s*)\\/([^\\/\\n]{2,40})\\/`, "u");
const OPENING_PAREN = /^([^()\n]{0,80}?)\(([^()\n]{1,80})\)/;
const CLOSING_PAREN = /\(([^()\n]{1,80})\)\s*\.?\s*$/;
/** A dash that can open a credit: at the line start or after a space or closing punctuation ("… said. — IANS", "--IANS"). */
const DASH = /(?:^|[\s.!?"”’)])(?:—|–|-{1,2})(?=\s*\S)/g;
const BYLINE = /^By\s+\S/;
/** A sentence end inside a paragraph: ". ", "? " or "!\" " before a capital, a quote or a parenthesis. */
const SENTENCE_BREAK = /[.!?]["”’]?\s+(?=["“‘(\p{Lu}])/gu;
/** Lines that may credit unnamed agencies ("with agencies", "agency inputs", "wire services"). */
const GENERIC_HINT = /agenc|wire/i;

/** Collects credits once per agency (or once for unnamed agencies), in the order found. */
class Credits {
  readonly found: Array<SourceRef & { at: number }> = [];
  private readonly seen = new Set<string>();

  add(text: string, entity: string | null, at: number): void {
    const key = entity ?? "generic";
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ text, entity, at });
  }
}

/** The agencies the text credits, each once, in text order; unnamed agencies ("with agencies") have no entity. */
export function readCredits(text: string, entities: EntityReading, attributions: Attribution[] = []): SourceRef[] {
  const credits = new Credits();
  // only lines naming an agency (or agencies in general) can hold a credit formula
  const agencies = entities.matches.filter((m) => m.type === "outlet" && m.via !== "title" && isAgency(m.entity));
  let next = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const end = offset + line.length;
    while (next < agencies.length && agencies[next].start < offset) next++;
    const named = next < agencies.length && agencies[next].start < end;
    // unnamed agencies are credited on a short line or in a closing parenthesis ("(with agencies)")
    const generic = (line.length <= MAX_FORMULA || line.trimEnd().endsWith(")")) && GENERIC_HINT.test(line);
    if (named || generic) readLine(line, offset, credits);
    offset = end + 1;
  }
  readReports(entities, attributions, credits);
  readMentions(text, agencies, credits);
  return credits.found.sort((a, b) => a.at - b.at).map(({ text: t, entity }) => ({ text: t, entity }));
}

/** Every credit formula a line holds: dateline, closing parenthesis or dash, the whole line, a byline, a sentence. */
function readLine(raw: string, offset: number, credits: Credits): void {
  const line = raw.trim();
  if (line.length === 0) return;
  const at = offset + raw.indexOf(line);
  const opening = OPENING_PAREN.exec(line);
  // "SEOUL, Oct. 18 (Yonhap) --", but not an abbreviation after the full name ("Agence France-Presse (AFP)")
  if (opening && (opening[1].trim() === "" || (DATELINE.test(opening[1]) && !agencyNamed(opening[1])))) {
    formula(opening[2], at + opening[1].length + 1, credits);
  }
  const slashed = SLASHED.exec(line);
  if (slashed) formula(slashed[2], at + slashed[1].length + 1, credits);
  const paren = CLOSING_PAREN.exec(line);
  if (paren) formula(paren[1], at + paren.index + 1, credits);
  const dash = lastDash(line);
  if (dash > 0 && line.length - dash <= 80) formula(line.slice(dash), at + dash, credits);
  if (line.length <= MAX_FORMULA && formula(line, at, credits, true)) return;
  if (BYLINE.test(line) && line.length <= MAX_FORMULA) byline(line, at, credits);
  // a credit sentence at the end or the start of a paragraph ("… said. Reuters contributed to this report.")
  let firstEnd = -1;
  let lastStart = -1;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(line); m; m = SENTENCE_BREAK.exec(line)) {
    if (firstEnd < 0) firstEnd = m.index + 1;
    lastStart = m.index + m[0].length;
  }
  if (lastStart < 0) return;
  if (line.length - lastStart <= MAX_FORMULA) formula(line.slice(lastStart), at + lastStart, credits, true, true);
  if (firstEnd <= MAX_FORMULA) formula(line.slice(0, firstEnd), at, credits, true, true);
}

/**
 * Reads `stretch` as a credit: an optional lead, agencies (or "agencies") joined by commas, "and", "/" or "&", an
 * optional trail. A bare list counts only where the place already says credit (dateline, parenthesis, dash) or the
 * list is a whole line; `needsWords` asks for a lead or a trail (a sentence inside a paragraph).
 */
function formula(stretch: string, at: number, credits: Credits, whole = false, needsWords = false): boolean {
  let body = stretch.trim().replace(/[.]$/, "").trim();
  let worded = false;
  const lead = leadLength(body);
  if (lead > 0) {
    body = body.slice(lead);
    worded = true;
  }
  const trail = trailStart(body);
  if (trail >= 0) {
    body = body.slice(0, trail);
    worded = true;
  }
  if (needsWords && !worded) return false;
  if (body.length === 0 || body.length > 80 || (whole && !worded && body.split(/\s+/).length > 4)) return false;
  const names = body.split(SEPARATORS).filter((n) => n.length > 0);
  const refs: Array<SourceRef | null> = names.map(agencyNamed);
  if (refs.length === 0 || refs.some((r) => r === null)) return false;
  for (const r of refs as SourceRef[]) credits.add(r.text, r.entity, at + Math.max(0, stretch.indexOf(r.text)));
  return true;
}

/** Length of the credit lead opening `body` with the space or colon after it ("Additional reporting by "), or 0. */
function leadLength(body: string): number {
  const lower = body.toLowerCase();
  for (const lead of L.creditLeads) {
    if (!lower.startsWith(lead)) continue;
    const rest = /^\s*:\s*|^\s+/.exec(body.slice(lead.length));
    if (rest) return lead.length + rest[0].length;
  }
  return 0;
}

/** Where the credit trail closing `body` begins ("… contributed to this report"), or -1. */
function trailStart(body: string): number {
  const lower = body.toLowerCase().replace(/\s+/g, " ");
  if (lower.length !== body.length) return -1;
  for (const trail of L.creditTrails) {
    if (lower.endsWith(` ${trail}`)) return body.length - trail.length - 1;
  }
  return -1;
}

/** Position after the last dash that can open a credit, or -1. */
function lastDash(line: string): number {
  let after = -1;
  DASH.lastIndex = 0;
  for (let m = DASH.exec(line); m; m = DASH.exec(line)) after = m.index + m[0].length;
  return after;
}

/** "By Jane Doe, Reuters", "By Jane Doe with AFP": a byline names the agency beside the writers. */
function byline(line: string, at: number, credits: Credits): void {
  const parts = line.slice(3).split(/\s*(?:,|\||;|\bwith\b|\band\b)\s*/);
  // a byline is names only: a lower-case word other than the joiners means prose ("By Tuesday, the talks had …")
  if (parts.some((p) => /(?:^|\s)\p{Ll}/u.test(p.replace(/\b(?:of|de|al|von|van|the)\b/g, "")))) return;
  for (const p of parts) {
    const ref = agencyNamed(p);
    if (ref?.entity) credits.add(ref.text, ref.entity, at + line.indexOf(p));
  }
}

/** The agency a name stands for ("Yonhap", "the Associated Press", "AFP"), a generic credit ("agencies"), or null. */
function agencyNamed(name: string): SourceRef | null {
  const text = name.trim().replace(/^the\s+/i, "");
  if (L.genericCredits.has(text.toLowerCase())) return { text, entity: null };
  if (!/^[\p{Lu}\d]/u.test(text)) return null;
  const hit = resolveName(text);
  return hit && hit.type === "outlet" && hit.kind === "agency" ? { text, entity: hit.id } : null;
}

/** "AP reported", "Reuters, citing two sources, reported", "TASS quoted Peskov as saying": the first source is an agency. */
function readReports(entities: EntityReading, attributions: Attribution[], credits: Credits): void {
  for (const a of attributions) {
    const first = a.chain[0];
    if (!first?.entity || !isAgency(first.entity)) continue;
    const cue = a.cue.text.toLowerCase().match(/^[a-z]+/)?.[0] ?? "";
    if (!L.creditCues.has(cue)) continue;
    const span = first as SourceRef & { start?: number; end?: number };
    const start = span.start ?? a.source.start;
    const end = span.end ?? a.source.end;
    // the agency must be named: "Russian state media" stands for TASS, but does not credit it
    const m = entities.matches.find((x) => x.entity === first.entity && x.start >= start && x.end <= end && x.via !== "title");
    if (m) credits.add(m.text, m.entity, m.start);
  }
}

/**
 * Agencies named where the words of the text come from: the subject of a reporting verb ("TASS quoted", "The AP
 * noted"), the one the words were given to ("told TASS", "in an interview with Reuters", "quoted by RIA Novosti and
 * TASS"), or one speaking of its own checking at a sentence start ("Reuters could not independently verify …").
 */
function readMentions(text: string, agencies: EntityMatch[], credits: Credits): void {
  let previous: { end: number; credited: boolean } = { end: -1, credited: false };
  for (const m of agencies) {
    const after = text.slice(m.end, m.end + 48);
    const before = text.slice(Math.max(0, m.start - 48), m.start);
    // a list goes with its first member: "quoted by TASS and RIA Novosti"
    const listed = previous.credited && /^\s*(?:,|&|\/|and)\s*(?:the\s+)?$/.test(text.slice(previous.end, m.start));
    const credited = listed || VERB.test(after) || HEARER.test(before) || (VERIFY.test(after) && opensSentence(text, m.start));
    if (credited) credits.add(m.text, m.entity, m.start);
    previous = { end: m.end, credited };
  }
}

/** True when only "the" and spaces stand between a sentence end or line break and `at`. */
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).replace(/(?:the|The)\s+$/, "").trimEnd();
  return before.length === 0 || /[.!?\n"”’]$/.test(before);
}

function isAgency(entity: string): boolean {
  return entityById(entity)?.kind === "agency";
}
