// What the ledger needs to know of gazetteer entities: the country each speaks for on a date, and who is on the record
// for a claim's participants.
import { entityById, resolveName } from "./gazetteer.js";
import { loadData } from "./resources.js";
import type { SourceRef } from "../domain/extraction.js";

/** What the linker knows about entities: used to compare participants at the level of their countries. */
export interface EntityFacts {
  /** The country an entity stands for or belongs to at `date` (a leader's, a ministry's, the country itself), or null. */
  countryOf(entityId: string, date: string | null): string | null;
}

interface Office {
  role?: string;
  country: string;
  from: string | null;
  to: string | null;
}
interface PersonEntry {
  id: string;
  offices?: Office[];
}
interface BodyEntry {
  id: string;
  country?: string;
  code?: string;
  state_media?: boolean;
}

let index: { people: Map<string, Office[]>; bodies: Map<string, string>; stateMedia: Map<string, string>; codes: Map<string, string>; bodyByCode: Map<string, string> } | null = null;

function load() {
  if (index) return index;
  const people = new Map<string, Office[]>();
  for (const p of loadData<PersonEntry[]>("gazetteer/people.json")) if (p.offices?.length) people.set(p.id, p.offices);
  const bodies = new Map<string, string>();
  // An office held in a national body ("US-WH", the White House) is held for that body's country.
  const codes = new Map<string, string>();
  const bodyByCode = new Map<string, string>();
  for (const o of loadData<BodyEntry[]>("gazetteer/organizations.json")) {
    if (o.country) bodies.set(o.id, `country:${o.country}`);
    if (o.country && o.code) codes.set(o.code, o.country);
    if (o.code) bodyByCode.set(o.code, o.id);
  }
  const stateMedia = new Map<string, string>();
  for (const o of loadData<BodyEntry[]>("gazetteer/outlets.json")) if (o.country && o.state_media) stateMedia.set(o.id, `country:${o.country}`);
  index = { people, bodies, stateMedia, codes, bodyByCode };
  return index;
}

/**
 * The country a person held office for on `date` (else their latest office; an office in a national body counts for
 * the body's country), a body's country, or a country itself.
 */
export function countryOf(entityId: string, date: string | null): string | null {
  if (entityId.startsWith("country:")) return entityId;
  const { people, bodies, stateMedia, codes } = load();
  const offices = people.get(entityId);
  if (offices) {
    const day = date ?? "9999-12-31";
    const held = (offices.find((o) => (!o.from || o.from <= day) && (!o.to || day < o.to)) ?? offices[offices.length - 1]).country;
    return `country:${codes.get(held) ?? held}`;
  }
  return bodies.get(entityId) ?? stateMedia.get(entityId) ?? null;
}

/**
 * The parties without a country, or a body of it, beside a person who stands for it ("a China-U.S. summit with Biden",
 * once Xi goes; "Trump, the United States and Kim" are Trump and Kim): the country is there in its leader.
 */
/** The country a place lies in (or a capital or body stands for), for telling two places of one country apart. */
export function placeCountry(place: string | null): string | null {
  if (!place) return null;
  if (place.startsWith("country:")) return place;
  const c = entityById(place)?.country;
  return c ? `country:${c}` : countryOf(place, null);
}

export function withoutRepresented(parties: string[], date: string | null): string[] {
  const represented = new Set(parties.filter((p) => p.startsWith("person:")).map((p) => countryOf(p, date)).filter((c): c is string => c !== null));
  return represented.size === 0 ? parties : parties.filter((p) => p.startsWith("person:") || !represented.has(countryOf(p, date) ?? p));
}

/** Gazetteer-backed entity facts for claim coreference. */
export const gazetteerFacts: EntityFacts = { countryOf };

let sourceWords: { anonymous: Set<string>; media: Set<string>; own: Set<string> } | null = null;

/**
 * The gazetteer entity a source stands for: the one it was linked to, else the one its whole text names on that date
 * ("the White House press secretary" → the press secretary of the day), else null.
 */
export function sourceEntity(ref: SourceRef | undefined, date: string | null): string | null {
  if (!ref) return null;
  if (ref.entity && !ref.entity.startsWith("local:")) return ref.entity;
  return entityNamed(ref.text, date);
}

// The ledger asks after the sources of all of a claim's reports each time the claim is touched, and those name the
// same few people and bodies over and over: each text is looked up once per date (the cache starts afresh when large).
const NAMED_CACHE_LIMIT = 50_000;
const named = new Map<string | null, Map<string, string | null>>();
let namedSize = 0;

function entityNamed(text: string, date: string | null): string | null {
  let byText = named.get(date);
  let id = byText?.get(text);
  if (id !== undefined) return id;
  if (namedSize >= NAMED_CACHE_LIMIT) {
    named.clear();
    namedSize = 0;
    byText = undefined;
  }
  if (!byText) named.set(date, (byText = new Map()));
  const hit = resolveName(text, date);
  id = hit && hit.type !== "place" && hit.type !== "event" ? hit.id : null;
  byText.set(text, id);
  namedSize++;
  return id;
}

/** A source named as a person or a body ("the White House", "Pompeo", "KCNA"), not an unnamed group ("U.S. officials"). */
export function isOnRecordSource(ref: SourceRef | undefined): ref is SourceRef & { entity: string } {
  if (!ref?.entity || ref.entity.startsWith("local:")) return false;
  sourceWords ??= (() => {
    const d = loadData<{ anonymous_heads: string[]; media_heads: string[]; own_media: string[] }>("lexicons/sources.json");
    return { anonymous: new Set(d.anonymous_heads), media: new Set(d.media_heads), own: new Set(d.own_media) };
  })();
  const words = ref.text.trim().toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z-]/g, ""));
  const head = words.at(-1)?.replace(/-/g, "") ?? "";
  // "Russian media reported": a country's press is not its government; its state media is.
  if (sourceWords.media.has(head) && !ref.entity.startsWith("outlet:")) return words.slice(0, -1).some((w) => sourceWords!.own.has(w));
  return !sourceWords.anonymous.has(head);
}

/**
 * True when a source speaks on the record for one of the participants: the participant itself, or its government —
 * its country, a body or officeholder of that country, or its state media.
 */
export function speaksFor(given: SourceRef | undefined, participants: string[], date: string | null): boolean {
  const linked = sourceEntity(given, date);
  const source = given && linked ? { ...given, entity: linked } : given;
  if (!isOnRecordSource(source)) return false;
  const entity = source.entity;
  if (participants.includes(entity)) return true;
  const country = countryOf(entity, date);
  if (!country) return false;
  // A news outlet speaks for a government only when it is that government's own media.
  if (entity.startsWith("outlet:") && !load().stateMedia.has(entity)) return false;
  return participants.some((p) => countryOf(p, date) === country);
}

/** The gazetteer id of a publishing outlet ("CNN" → outlet:cnn), so its own reporting and citations of it meet. */
export function outletEntityOf(name: string | null): string | null {
  if (!name) return null;
  const hit = resolveName(name);
  return hit?.type === "outlet" ? hit.id : null;
}

/**
 * Whose voice a source is: a spokesperson speaking in office is the body they speak for ("the White House press
 * secretary" is the White House); anyone else is themselves.
 */
export function voiceOf(entityId: string, date: string | null): string {
  const { people, bodyByCode } = load();
  const offices = people.get(entityId);
  if (!offices) return entityId;
  const day = date ?? "9999-12-31";
  const held = offices.find((o) => o.role === "spokesperson" && (!o.from || o.from <= day) && (!o.to || day < o.to));
  return (held && bodyByCode.get(held.country)) ?? entityId;
}
