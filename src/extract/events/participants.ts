// Who takes part in a happening: the trigger's own phrase, its subject and its complements, and a speaker who speaks
// of themselves.
import type { Attribution } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import type { EntityMatch } from "../02-entities.js";
import { GERUND_ADJUNCT, LOCATIVE, NAMED_MEETINGS, PARTICIPANT_STOP, RELATIVE_SUBJECTS } from "./lexicon.js";

/** The known one-off meeting whose name holds the trigger, if any. */
export function namedMeeting(t: Token, matches: EntityMatch[]): { participants: string[]; date: string | null } | null {
  for (const m of matches) if (m.type === "event" && m.start <= t.start && m.end >= t.end && NAMED_MEETINGS.has(m.entity)) return NAMED_MEETINGS.get(m.entity)!;
  return null;
}

/** Entities that take part: the trigger's own phrase, its subject to the left and its complements to the right. */
export function participants(ts: Token[], k: number, matches: EntityMatch[]): string[] {
  if (matches.length === 0) return [];
  const t = ts[k];
  // A trigger inside a named event ("the APEC summit") names a gathering whose members the sentence does not list,
  // unless the gazetteer knows them ("the Hanoi summit").
  const named = namedMeeting(t, matches);
  if (named) return [...named.participants];
  if (matches.some((m) => m.type === "event" && m.start <= t.start && m.end >= t.end)) return [];
  // "Trump left Seoul without meeting Kim": a gerund adjunct shares the subject of the verb it hangs on.
  // "Trump agreed to meet Kim": the subject of a verb taking an infinitive is also the subject of the infinitive.
  const gerundAdjunct = t.pos === "VERB" && t.lower.endsWith("ing") && k > 0 && GERUND_ADJUNCT.has(ts[k - 1].lower);
  const controlled = t.pos === "VERB" && k > 1 && ts[k - 1].lower === "to" && ts[k - 2].pos === "VERB";
  let verbsToCross = gerundAdjunct || controlled ? 1 : 0;
  let left = k;
  let relative = false;
  for (let j = k - 1; j >= 0 && j >= k - 12; j--) {
    // "Chung and Suh, who both met Kim": the subject of a relative clause's verb is the phrase the clause hangs on.
    if (!relative && t.pos === "VERB" && RELATIVE_SUBJECTS.has(ts[j].lower)) {
      // Only a name right before the clause is its subject ("Suh Hoon, who"), not a modifier's ("the party, who").
      const head = j > 0 && ts[j - 1].lower === "," ? j - 2 : j - 1;
      if (head < 0 || ts[head].pos !== "PROPN") break;
      relative = true;
      j = head + 1;
      left = j;
      continue;
    }
    if (PARTICIPANT_STOP.has(ts[j].lower)) break;
    if (ts[j].pos === "VERB" && t.pos === "VERB" && verbsToCross-- <= 0) break;
    left = j;
  }
  let right = k;
  for (let j = k + 1; j < ts.length && j <= k + 14; j++) {
    // "refused to accept a letter from Trump": a verb's infinitive complement carries its object along.
    if (t.pos === "VERB" && j === k + 2 && ts[k + 1].lower === "to" && ts[j].pos === "VERB") {
      right = j;
      continue;
    }
    if (PARTICIPANT_STOP.has(ts[j].lower) || ts[j].pos === "VERB") break;
    right = j;
  }
  const from = ts[left].start;
  const to = ts[right].end;
  const out: string[] = [];
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    if (m.start <= t.start && m.end >= t.end) continue;
    // "a summit in Singapore", "talks at Panmunjom": the place where it happens does not take part in it.
    const at = ts.findIndex((x) => x.i === m.first);
    if (at > 0 && LOCATIVE.has(ts[at - 1].lower) && (m.type === "country" || m.type === "place")) continue;
    if (!out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

const SPEAKER_PRONOUNS = new Set(["he", "she", "it", "they", "we", "i"]);

/**
 * "North Korea said it had tested a missile", "Trump said he would meet Kim": a pronoun subject of reported content
 * usually stands for the speaker, who then takes part in the event.
 */
export function withSpeaker(found: string[], ts: Token[], k: number, attr: Attribution | null, matches: EntityMatch[]): string[] {
  if (!attr) return withSubjectReferent(found, ts, k, matches);
  // the speaker is the deepest source: "Yonhap reported that Kim said he would …" has Kim, not Yonhap, saying it
  const speaker = attr.chain[attr.chain.length - 1]?.entity;
  if (!speaker || found.includes(speaker) || speaker.startsWith("outlet:")) return found;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    if (t.start < attr!.content.start) break;
    if (SPEAKER_PRONOUNS.has(t.lower) && t.pos === "PRON") return [speaker, ...found];
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.lower === ",") break;
  }
  return found;
}

const PERSON_PRONOUNS = new Set(["he", "she"]);

/**
 * "President Moon said on Sunday that he had met Kim": where no attribution was read, a "he" or "she" just before the
 * trigger stands for the first person the sentence names before it, who then takes part in the event.
 */
export function withSubjectReferent(found: string[], ts: Token[], k: number, matches: EntityMatch[]): string[] {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    if (PERSON_PRONOUNS.has(t.lower) && t.pos === "PRON") {
      const referent = matches.find((m) => m.entity.startsWith("person:") && m.end <= t.start);
      return referent && !found.includes(referent.entity) ? [referent.entity, ...found] : found;
    }
    if (t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART") break;
  }
  return found;
}

