// What the ledger needs to know of gazetteer entities: the country each speaks for on a date, and who is on the record
// for a claim's participants.
import { resolveName } from "../extract/gazetteer.js";
import { loadData } from "../extract/resources.js";
import type { SourceRef } from "../domain/extraction.js";
import type { EntityFacts } from "./claims.js";

interface Office {
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
  state_media?: boolean;
}

let index: { people: Map<string, Office[]>; bodies: Map<string, string>; stateMedia: Map<string, string> } | null = null;

function load() {
  if (index) return index;
  const people = new Map<string, Office[]>();
  for (const p of loadData<PersonEntry[]>("gazetteer/people.json")) if (p.offices?.length) people.set(p.id, p.offices);
  const bodies = new Map<string, string>();
  for (const o of loadData<BodyEntry[]>("gazetteer/organizations.json")) if (o.country) bodies.set(o.id, `country:${o.country}`);
  const stateMedia = new Map<string, string>();
  for (const o of loadData<BodyEntry[]>("gazetteer/outlets.json")) if (o.country && o.state_media) stateMedia.set(o.id, `country:${o.country}`);
  index = { people, bodies, stateMedia };
  return index;
}

/** The country a person held office for on `date` (else their latest office), a body's country, or a country itself. */
export function countryOf(entityId: string, date: string | null): string | null {
  if (entityId.startsWith("country:")) return entityId;
  const { people, bodies, stateMedia } = load();
  const offices = people.get(entityId);
  if (offices) {
    const day = date ?? "9999-12-31";
    const held = offices.find((o) => (!o.from || o.from <= day) && (!o.to || day < o.to));
    return `country:${(held ?? offices[offices.length - 1]).country}`;
  }
  return bodies.get(entityId) ?? stateMedia.get(entityId) ?? null;
}

/** Gazetteer-backed entity facts for claim coreference. */
export const gazetteerFacts: EntityFacts = { countryOf };

let anonymousHeads: Set<string> | null = null;

/** A source named as a person or a body ("the White House", "Pompeo", "KCNA"), not an unnamed group ("U.S. officials"). */
export function isOnRecordSource(ref: SourceRef | undefined): ref is SourceRef & { entity: string } {
  if (!ref?.entity || ref.entity.startsWith("local:")) return false;
  anonymousHeads ??= new Set(loadData<{ anonymous_heads: string[] }>("lexicons/sources.json").anonymous_heads);
  const head = ref.text.trim().split(/\s+/).at(-1)?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  return !anonymousHeads.has(head);
}

/**
 * True when a source speaks on the record for one of the participants: the participant itself, or its government —
 * its country, a body or officeholder of that country, or its state media.
 */
export function speaksFor(source: SourceRef | undefined, participants: string[], date: string | null): boolean {
  if (!isOnRecordSource(source)) return false;
  const sourceEntity = source.entity;
  if (participants.includes(sourceEntity)) return true;
  const country = countryOf(sourceEntity, date);
  if (!country) return false;
  // A news outlet speaks for a government only when it is that government's own media.
  if (sourceEntity.startsWith("outlet:") && !load().stateMedia.has(sourceEntity)) return false;
  return participants.some((p) => countryOf(p, date) === country);
}

/** The gazetteer id of a publishing outlet ("CNN" → outlet:cnn), so its own reporting and citations of it meet. */
export function outletEntityOf(name: string | null): string | null {
  if (!name) return null;
  const hit = resolveName(name);
  return hit?.type === "outlet" ? hit.id : null;
}
