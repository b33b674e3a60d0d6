// Step 2 of linking: an article's event mentions as the ledger reads them. Each mention of a happening of a claim
// family becomes a reading: the family's type, its parties (no places, gatherings or outlets, and no country beside a
// person who stands for it), its place, its time with the year supplied, its stance and whether it is a recap.
import type { EventMention, Stance } from "../domain/extraction.js";
import { anchorYear, dayRange } from "../domain/calendar.js";
import { countryOf, placeCountry, withoutRepresented } from "../extract/entity-facts.js";
import { loadData } from "../extract/resources.js";
import { nameSlug } from "./names.js";

interface ClaimLexicon {
  families: Record<string, string[]>;
  minParties: Record<string, number>;
  defaultMinParties: number;
  genericMarkers: string[];
  addressedTypes: string[];
}

const LEX = loadData<ClaimLexicon>("lexicons/claims.json");
/** The claim family of each event type that makes claims. */
const FAMILY = new Map<string, string>(Object.entries(LEX.families).flatMap(([family, types]) => types.map((t) => [t, family] as const)));
const GENERIC = LEX.genericMarkers.map((m) => m.split(" "));
const ADDRESSED = new Set(LEX.addressedTypes);

/** The claim families, each with the event types it gathers. */
export const CLAIM_FAMILIES: ReadonlyMap<string, string> = FAMILY;

/** The family an event type's claims belong to, or null when the type makes no claims. */
export function claimFamily(type: string): string | null {
  return FAMILY.get(type) ?? null;
}

/** How many parties a mention must name to start a claim of the family. */
export function minParties(family: string): number {
  return LEX.minParties[family] ?? LEX.defaultMinParties;
}

/** One mention as the ledger reads it. */
export interface Reading {
  mention: EventMention;
  /** The claim family. */
  type: string;
  parties: string[];
  place: string | null;
  /** TIMEX3 value, with a year supplied for a bare month or day. */
  time: string | null;
  stance: Stance;
  background: boolean;
  /** Every person and country its sentence names: a reading naming only some parties may join only a claim whose
   * parties its sentence names all. */
  named: string[];
}

/** What reading an article's mentions needs to know of the article. */
export interface ReadableArticle {
  text: string;
  outlet: string | null;
  published: string | null;
  sentences: { start: number; end: number }[];
  events: EventMention[];
  /** The entities named, with the sentence of each mention (when at hand). */
  entities?: { id: string; mentions: { sentence?: number }[] }[];
}

/** Places, named gatherings and news outlets are where and at what something happens and who tells it: no party. */
export function isParty(entityId: string): boolean {
  return !entityId.startsWith("place:") && !entityId.startsWith("event:") && !entityId.startsWith("outlet:");
}

/**
 * The parties a claim records: those that take part, not the publishing outlet, and no country or body beside a
 * person who stands for it ("Trump, the United States and Kim" are Trump and Kim).
 */
export function claimParties(participants: string[], outlet: string | null, date: string | null): string[] {
  const own = outlet ? `local:${nameSlug(outlet)}` : null;
  return withoutRepresented([...new Set(participants)].filter((p) => isParty(p) && p !== own), date);
}

const wordsOf = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z']+/g) ?? [];

/** True when the words just before a trigger make the mention about a whole stretch of history ("has ever met"). */
export function isGenericMention(before: string): boolean {
  const tail = wordsOf(before).slice(-3);
  return GENERIC.some((m) => tail.length >= m.length && m.every((w, i) => tail[tail.length - m.length + i] === w));
}

/**
 * "Trump said North Korea had demanded that sanctions be lifted": a demand or refusal told by someone of another
 * country than its one named party is addressed to the teller's country.
 */
function addressee(e: EventMention, date: string | null): string | null {
  if (!ADDRESSED.has(e.type)) return null;
  const parties = e.participants.filter(isParty);
  const teller = e.source.at(-1)?.entity;
  if (parties.length !== 1 || !teller || teller.startsWith("outlet:") || teller.startsWith("local:")) return null;
  const own = countryOf(parties[0], date);
  const theirs = countryOf(teller, date);
  return own && theirs && own !== theirs && !e.participants.includes(theirs) ? theirs : null;
}

/**
 * "Putin arrived in Pyongyang": a visit's place, in another country than the visitor's, makes that country its host,
 * so a visit reads alike whether the sentence names the country or its capital or a venue in it.
 */
function host(e: EventMention, type: string, date: string | null): string | null {
  if (type !== "visit" || !e.place) return null;
  const country = placeCountry(e.place);
  if (!country || e.participants.includes(country)) return null;
  const visitors = e.participants.filter(isParty);
  return visitors.length > 0 && visitors.every((p) => countryOf(p, date) !== country) ? country : null;
}

/**
 * Stances whose time, when past, is that of their telling (the invitation, the offer, the proposal under study, the
 * "no plans", the refusal).
 * The recap reader's list (extract/events/background.ts) leaves refusals out on purpose: an old refusal is history
 * there, while here its day is still no day of the happening refused.
 */
const DATED_BY_TELLING: ReadonlySet<Stance> = new Set(["wanted", "discussed", "unplanned", "refused"]);

/**
 * "Kim invited Putin to Pyongyang in September": a wish, a refusal or a "no plans" told of a happening still ahead is
 * dated by its telling, which does not date the happening. Such a past time is no time of the happening; a recap keeps
 * it, as it dates the history it tells.
 */
function toldAhead(m: EventMention, time: string | null, published: string | null): string | null {
  if (m.background || !DATED_BY_TELLING.has(m.stance) || !published) return time;
  const range = dayRange(time);
  return range && range.to < published ? null : time;
}

const isDay = (time: string | null) => !!time && /^\d{4}-\d{2}-\d{2}$/.test(time);

/** The article's mentions of happenings, in text order, read for the ledger. */
export function readingsOf(article: ReadableArticle): Reading[] {
  const out: Reading[] = [];
  const named = new Map<number, string[]>();
  for (const e of article.entities ?? []) {
    if (!e.id.startsWith("person:") && !e.id.startsWith("country:")) continue;
    for (const m of e.mentions) if (m.sentence !== undefined) named.set(m.sentence, [...new Set([...(named.get(m.sentence) ?? []), e.id])]);
  }
  for (const m of article.events) {
    const type = FAMILY.get(m.type);
    if (!type || m.stance === "unknown") continue;
    const sentence = article.sentences[m.sentence];
    if (isGenericMention(article.text.slice(sentence?.start ?? m.trigger.start, m.trigger.start))) continue;
    const to = addressee(m, article.published) ?? host(m, type, article.published);
    const parties = claimParties(to ? [...m.participants, to] : m.participants, article.outlet, article.published);
    const time = toldAhead(m, anchorYear(m.time, article.published), article.published);
    const inSentence = named.get(m.sentence) ?? [];
    // "The June 12 summit in Singapore" names no party, but its sentence, its day and its place may tell which
    // happening it is: such a mention is read when it has a place or a day and its sentence names someone.
    if (parties.length === 0 && !(inSentence.length > 0 && (m.place || isDay(time)))) continue;
    out.push({ mention: m, type, parties, place: m.place, time, stance: m.stance, background: m.background, named: inSentence });
  }
  return out;
}
