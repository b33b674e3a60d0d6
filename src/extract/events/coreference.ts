// Within one article, a mention of a happening that names fewer parties than it has ("the summit", "a meeting this
// summer", "the proposal", "Biden proposed meeting in a third country") takes them from the mention it refers back to:
// the nearest earlier mention of the same kind of happening that names its parties, agrees with it in time and is
// not a recap when it is news. A mention naming none may also refer forward within its own sentence ("a summit
// … the meeting between X and Y").
import type { EventMention } from "../../domain/extraction.js";
import { dayRange, overlaps } from "../../domain/calendar.js";
import { loadData } from "../resources.js";
import { CAMEO_OF_TYPE, GENERIC } from "./lexicon.js";
import { knownNonLeader, officeholder } from "../gazetteer.js";
import { countryOf, placeCountry } from "../entity-facts.js";

interface CoreferenceLexicon {
  coreference: {
    /** Event types whose mentions refer to one happening and can stand for one another ("talks" and "summit"). */
    families: string[][];
    /** Trigger words of a generic type that name a happening of a family, keyed by a type of that family. */
    kinds: Record<string, string[]>;
    /** Nouns that stand for a happening named before, whatever its type ("the proposal", "the invitation"). */
    pointers: string[];
    /** Words that weigh a happening without setting it ("possible venues for the talks"). */
    hedges: string[];
    /** Words that name a meeting of leaders only ("the summit"). */
    leaderLevel: string[];
    /** Plural nouns that name several happenings ("the meetings"). */
    severalHappenings: string[];
    /** Nouns of visiting, which name the country visited as a party ("the trip"). */
    visitNouns: string[];
    /** Verbs of speaking, which name a call only with whom or a pair as subject. */
    speechVerbs: string[];
    /** How many sentences back an antecedent may lie. */
    sentences: number;
    /** Words that name a pair without naming them ("their", "the two leaders"). */
    plural: { phrases: string[] };
  };
}

const ROLES = loadData<CoreferenceLexicon & { threeWay: string[]; soleActorTypes: string[] }>("lexicons/roles.json");
const LEX = ROLES.coreference;
const FAMILY = new Map<string, number>();
LEX.families.forEach((types, i) => types.forEach((t) => FAMILY.set(t, i)));
const KIND = new Map<string, number>();
const KIND_TYPE = new Map<string, string>();
for (const [type, words] of Object.entries(LEX.kinds)) {
  for (const w of words) {
    if (FAMILY.has(type)) KIND.set(w, FAMILY.get(type)!);
    KIND_TYPE.set(w, type);
  }
}

/** The family of happenings a mention names: by its type, else by its word ("spoke by phone" is a call). */
function kindOf(e: EventMention): number | undefined {
  return FAMILY.get(e.type) ?? KIND.get(e.trigger.text.toLowerCase());
}
const POINTERS = new Set(LEX.pointers);
const GENERIC_TYPE = GENERIC.type;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A plural naming of the pair, then at most three words up to the trigger: "their only meeting", "they would meet".
const PLURAL = new RegExp(`(?:^|[^\\w'’-])(?:${LEX.plural.phrases.map(escape).join("|")})(?:\\s+[\\w'’-]+){0,3}\\s*$`, "i");

// The pair named after the trigger ("the third summit between the two leaders", "a meeting of the two presidents").
// "a meeting of the two countries' presidents": the pair is the office its possessive names.
const PLURAL_AFTER = new RegExp(`^\\s+(?:between|of|among)\\s+((?:${LEX.plural.phrases.filter((p) => p.includes(" ")).sort((a, b) => b.length - a.length).map(escape).join("|")})(?:['’]\\s+(?:leaders|presidents|heads of state))?|them)\\b`, "i");

// "their foreign ministers to": a possessive plural before the infinitive's own subject.
const POSSESSED_SUBJECT = /\btheir\s+(?:[\w'’-]+\s+){1,2}to\s*$/i;

// Voices that are the pair itself ("the two sides said"), from the plural phrases that are not bare pronouns.
const PAIR_VOICES: ReadonlySet<string> = new Set(LEX.plural.phrases.filter((p) => p.includes(" ")));

// A determiner (and up to two modifiers) just before a trigger: "the talks", "this proposal", "the planned summit".
const DEFINITE = /\b(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}$/i;
const QUANTIFIED = /\b(?:every|any|each)\s+(?:[\w'’-]+\s+){0,2}$/i;
const SUCH = /\b(?:such\s+(?:an?\s+)?|the\s+same\s+)(?:[\w'’-]+\s+)?$/i;
// "that meeting", "this planned visit"; not the complementizer of "said that a meeting".
const DEMONSTRATIVE = /\b(?:this|that|these|those)\s+(?:(?!(?:a|an|the)\s)[\w'’-]+\s+)?$/i;

const isParty = (id: string) => !id.startsWith("place:") && !id.startsWith("event:") && !id.startsWith("outlet:");
const parties = (e: EventMention) => e.participants.filter(isParty);
/** A mention's party set as one comparable string; a visit's holds the country visited ("arrived in San Francisco"). */
function partyKey(e: EventMention): string {
  const country = visited(e);
  return [...new Set(country ? [...parties(e), country] : parties(e))].sort().join();
}

/** True when the mention names enough parties to stand on its own: two, or a visitor and where the visit goes. */
function complete(e: EventMention): boolean {
  return parties(e).length >= 2 || visited(e) !== null;
}

const VISIT_NOUNS: ReadonlySet<string> = new Set(LEX.visitNouns);
const SPEECH_VERBS: ReadonlySet<string> = new Set(LEX.speechVerbs);
/** "Speaking to reporters, Trump said": a verb of speaking that no frame made a call is nobody's call. */
const speechOnly = (m: EventMention) => m.type === GENERIC_TYPE && SPEECH_VERBS.has(m.trigger.text.toLowerCase());

/**
 * The country a visit goes to, for one that names one visitor and where he goes ("Xi arrived in San Francisco"): the
 * country among its parties, else its place's; null when there is none or it is the visitor's own.
 */
function visited(e: EventMention): string | null {
  if (FAMILY.get(e.type) !== FAMILY.get("visit")) return null;
  const ps = parties(e);
  const visitors = ps.filter((p) => p.startsWith("person:"));
  if (visitors.length !== 1 || ps.length > 2) return null;
  const country = ps.find((p) => p.startsWith("country:")) ?? placeCountry(e.place);
  const day = dayRange(e.time)?.from ?? null;
  return country && countryOf(visitors[0], day) !== country ? country : null;
}

/**
 * Gives a mention the parties of the happening it refers to. A noun of visiting names the country visited as a party
 * ("Xi arrived in San Francisco … the trip"); a verb of motion ("Putin would go", "Will he come?") names only who goes.
 */
function takeParties(m: EventMention, from: string[], a: EventMention): void {
  const word = m.trigger.text.toLowerCase();
  let taken = from;
  if (FAMILY.get(m.type) === FAMILY.get("visit")) {
    const country = visited(a);
    // "visit" itself, noun or verb ("the two visited"), names the country as "Xi's visit to Moscow" does.
    if (VISIT_NOUNS.has(word) || word.startsWith("visit")) taken = country && !from.includes(country) ? [...from, country] : from;
    else taken = from.filter((p) => p.startsWith("person:"));
  }
  m.participants = [...taken, ...m.participants.filter((p) => !taken.includes(p))];
}

const SEVERAL_HAPPENINGS: ReadonlySet<string> = new Set(LEX.severalHappenings);
/**
 * "At the conclusion of the meetings, I called Putin": a plural naming several happenings ("the meetings", "summits")
 * is none of them in particular; "talks" and "negotiations" name one.
 */
function severalHappenings(e: EventMention): boolean {
  return SEVERAL_HAPPENINGS.has(e.trigger.text.toLowerCase());
}

function sameKind(m: EventMention, a: EventMention): boolean {
  if (POINTERS.has(m.trigger.text.toLowerCase())) return kindOf(a) !== undefined;
  const f = kindOf(m);
  return f !== undefined && f === kindOf(a);
}

const LEADER_LEVEL = new Set(LEX.leaderLevel);
// A plural naming of the pair as two sides ("the two sides", "both countries").
const SIDES_PLURAL = /\b(?:sides|countries)\b/i;
// A plural naming of the pair as leaders ("the two leaders", "both presidents").
const LEADER_PLURAL = /\b(?:leaders|presidents|heads of state)\b/i;
// What may stand between the comma and an appositive happening: a determiner and up to four modifiers.
const APPOSITION = /^\s*(?:their|the|a|an|his|her|its)(?:\s+[\w'’-]+){0,4}\s*$/i;
// A phrase that names the happening of its clause again, and words that would open another clause before it.
const IN_PHRASE = /\b(?:in|for)\s+(?:their|the|its|his|her)(?:\s+[\w'’-]+){0,3}\s*$/i;
const CLAUSE_WORDS = /\b(?:who|which|that|and|but|or|said|says|to|after|before|while|when|since|until)\b/i;
const HEDGED = new RegExp(`\\b(?:${LEX.hedges.map(escape).join("|")})\\b`, "i");

/** "The summit" is not the envoys' talks: a leader-level word refers only to a happening of people who lead on its day. */
function levelAgrees(m: EventMention, a: EventMention, dct: string | null): boolean {
  if (!LEADER_LEVEL.has(m.trigger.text.toLowerCase())) return true;
  const day = dayRange(a.time)?.from ?? dct;
  return !parties(a).some((p) => p.startsWith("person:") && knownNonLeader(p, day));
}

/**
 * "Sullivan and Patrushev met in Geneva to prepare the summit": the leaders of the countries whose envoys or ministers
 * hold a happening, when each of two or more countries has one leader on the day; else null.
 */
function leadersOf(a: EventMention, dct: string | null): string[] | null {
  const day = dayRange(a.time)?.from ?? dct;
  if (!day) return null;
  const out = new Set<string>();
  for (const p of parties(a)) {
    const country = countryOf(p, day);
    const leader = country ? officeholder("leader", country.slice("country:".length), day) : undefined;
    if (!leader) return null;
    out.add(leader.id);
  }
  return out.size >= 2 ? [...out] : null;
}

/**
 * "a planned U.S.-Russia summit", "the two leaders would meet", "a meeting of the two countries' presidents": a
 * happening of leaders whose parties were read as their countries is a happening of those countries' leaders on its
 * day (or the article's), when each country has one.
 */
export function resolveLeaderLevel(text: string, events: EventMention[], dct: string | null): void {
  for (const m of events) {
    const ps = parties(m);
    if (ps.length < 2 || !ps.every((p) => p.startsWith("country:"))) continue;
    if (!LEADER_LEVEL.has(m.trigger.text.toLowerCase()) && !leadersNamed(text, m)) continue;
    const day = dayRange(m.time)?.from ?? dct;
    if (!day) continue;
    const leaders = ps.map((p) => officeholder("leader", p.slice("country:".length), day)?.id);
    if (leaders.some((l) => l === undefined)) continue;
    m.participants = [...(leaders as string[]), ...m.participants.filter((p) => !ps.includes(p))];
  }
}

/** The pair a mention names is leaders: "the two leaders would meet", "a meeting of the two countries' presidents". */
function leadersNamed(text: string, m: EventMention): boolean {
  const before = text.slice(Math.max(0, m.trigger.start - 60), m.trigger.start);
  const clause = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf(", "), before.lastIndexOf("\n")) + 1);
  const after = text.slice(m.trigger.end, m.trigger.end + 50);
  return (PLURAL.test(clause) && LEADER_PLURAL.test(clause)) || LEADERS_AFTER.test(after);
}
// "a meeting of the two countries' presidents", "talks between the heads of state".
const LEADERS_AFTER = /^\s+(?:between|of|among)\s+(?:the\s+|their\s+|both\s+)?(?:two\s+)?(?:(?:countries|nations)['’]\s+)?(?:leaders|presidents|heads of state)\b/i;

function timesAgree(m: EventMention, a: EventMention): boolean {
  const x = dayRange(m.time);
  const y = dayRange(a.time);
  return !x || !y || overlaps(x, y);
}

function fits(m: EventMention, a: EventMention, others: string[], dct: string | null, level = true, demonstrative = false): boolean {
  if (!complete(a) || !sameKind(m, a) || !timesAgree(m, a) || (level && !levelAgrees(m, a, dct))) return false;
  // "Officials are discussing a possible meeting … the White House did not comment on the talks": what is told as
  // held is not the happening only talked about before it.
  if (m.stance === "occurred" && !(a.stance === "occurred" || a.stance === "scheduled")) return false;
  if (others.filter((p) => p.startsWith("person:") && !a.participants.includes(p)).length >= 2) return false;
  // News does not refer back to a recap, nor a recap to news, unless their times say they are one happening or a
  // demonstrative points back ("… had accepted in principle a summit. That meeting never took place.").
  if (a.background !== m.background && !demonstrative && !(dayRange(m.time) && dayRange(a.time))) return false;
  // "Putin has flown back to Moscow" is not his visit to North Korea: a place of its own must agree.
  if (m.place && a.place && m.place !== a.place && !a.participants.includes(m.place)) return false;
  const own = parties(m);
  return own.every((p) => a.participants.includes(p));
}

/**
 * "A Sullivan-Wang Yi session", "a Russia-Ukraine session": a word of a kind of happening ("session", "sit-down") that
 * names two parties of its own is a happening of that kind, whether or not it refers to one told before.
 */
export function typeByKind(events: EventMention[]): void {
  for (const m of events) {
    if (m.type !== GENERIC_TYPE) continue;
    const type = KIND_TYPE.get(m.trigger.text.toLowerCase());
    // A signing needs its document: "a memorandum was signed" is not the deal signed.
    if (!type || FAMILY.get(type) === FAMILY.get("sign") || parties(m).filter((p) => p.startsWith("person:") || p.startsWith("country:")).length < 2) continue;
    m.type = type;
    m.cameo = CAMEO_OF_TYPE.get(type) ?? null;
  }
}

/** "The session", "the proposal": a word of no type of its own that refers to a happening is of that happening's type. */
function takeKind(m: EventMention, a: EventMention): void {
  if (m.type !== GENERIC_TYPE || a.type === GENERIC_TYPE) return;
  m.type = a.type;
  m.cameo = a.cameo;
}

/**
 * "Their only meeting was in Bali", "the two leaders will meet": a mention that names its pair only as a plural takes
 * the parties of the nearest earlier mention (of any kind but speaking, recap or news) that names two people, within the same reach as an
 * antecedent, else the last two people named before it. Runs before the antecedent pass, which may then find the happening these parties share.
 */
export function resolvePlural(text: string, events: EventMention[], people: { entity: string; start: number; sentence: number }[] = [], dct: string | null = null): void {
  for (let i = 0; i < events.length; i++) {
    const m = events[i];
    if (complete(m) || kindOf(m) === undefined) continue;
    const before = text.slice(Math.max(0, m.trigger.start - 60), m.trigger.start);
    const following = PLURAL_AFTER.exec(text.slice(m.trigger.end, m.trigger.end + 40));
    const clause = following ? ` ${following[1]}` : before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf(", "), before.lastIndexOf("\n")) + 1);
    // "the two sides said their presidents had agreed to conclude an agreement": what a pair says it will do together
    // is the pair's.
    const voice = m.source.at(-1)?.text.toLowerCase() ?? "";
    // "wanted their whole delegation to come", "instructed their foreign ministers to meet": what the pair's people are
    // to do is theirs, not the pair's
    if (!following && POSSESSED_SUBJECT.test(clause)) continue;
    const byVoice = !PLURAL.test(clause);
    if (byVoice && !(PAIR_VOICES.has(voice) && parties(m).length === 0)) continue;
    // "the two leaders", "both presidents": a pair of leaders, never their spokesman or envoys.
    const day = dayRange(m.time)?.from ?? dct;
    const fitsPair = (p: string) => !LEADER_PLURAL.test(clause) || !knownNonLeader(p, day);
    let pair: string[] | null = null;
    for (let j = i - 1; j >= 0 && m.sentence - events[j].sentence <= LEX.sentences; j--) {
      const a = events[j];
      // A pair that speaks may be two countries ("U.S. and Ukrainian officials met … the two sides said").
      const sides = parties(a).filter((p) => p.startsWith("person:") || (byVoice && p.startsWith("country:")));
      if (sides.length < 2 || a.type === "say" || !sides.every(fitsPair)) continue;
      // "the two sides", "both countries": two countries, not two ministers of one.
      if (SIDES_PLURAL.test(byVoice ? voice : clause) && new Set(sides.map((p) => countryOf(p, day) ?? p)).size < 2) continue;
      pair = parties(a);
      break;
    }
    // "I was clear with Putin …, Biden said, referring to their phone call": else the last two people named before it;
    // "Netanyahu's office said that at the start of their meeting, Biden had invited him": else the one named before
    // and the first named after it in its sentence.
    // "The two sides", "both countries" are never two people of one country ("Ushakov said the two sides might sign"):
    // they are the two countries the article's happenings join most often ("Putin will pay a state visit to North
    // Korea … the two sides might sign").
    if (!pair) {
      const last: string[] = [];
      for (let j = people.length - 1; j >= 0 && last.length < 2; j--) if (people[j].start < m.trigger.start && !last.includes(people[j].entity) && fitsPair(people[j].entity)) last.push(people[j].entity);
      if (last.length === 1) {
        const next = people.find((p) => p.start > m.trigger.start && p.sentence === m.sentence && p.entity !== last[0] && fitsPair(p.entity));
        if (next) last.unshift(next.entity);
      }
      const oneCountry = last.length === 2 && SIDES_PLURAL.test(clause) && countryOf(last[0], day) !== null && countryOf(last[0], day) === countryOf(last[1], day);
      if (last.length === 2 && !oneCountry) pair = last.reverse();
      else if (SIDES_PLURAL.test(clause)) pair = articleCountries(events, day);
    }
    if (pair) m.participants = [...pair, ...m.participants.filter((p) => !pair!.includes(p))];
  }
}

const THREE_WAY_WORDS = ROLES.threeWay;
const THREE_WAY: ReadonlySet<string> = new Set(THREE_WAY_WORDS);
const THREE_WAY_BEFORE = new RegExp(`\\b(?:${THREE_WAY_WORDS.map(escape).join("|")})\\s+(?:[\\w'’-]+\\s+)?$`, "i");

/**
 * "Trump said a three-way meeting was possible", "we will have a Trilat, which would be the two Presidents, plus
 * myself": a meeting of three that names fewer takes the people its sentence names, then whoever tells of it, then the
 * pair of a meeting told before it, up to three.
 */
export function resolveThreeWay(text: string, events: EventMention[], people: { entity: string; start: number; sentence: number }[]): void {
  for (let i = 0; i < events.length; i++) {
    const m = events[i];
    const threeWay = THREE_WAY.has(m.trigger.text.toLowerCase()) || THREE_WAY_BEFORE.test(text.slice(Math.max(0, m.trigger.start - 30), m.trigger.start));
    if (!threeWay || kindOf(m) !== FAMILY.get("meet")) continue;
    const have = () => parties(m).filter((p) => p.startsWith("person:"));
    const add = (p: string) => {
      if (have().length < 3 && p.startsWith("person:") && !m.participants.includes(p)) m.participants.push(p);
    };
    const voices = new Set(m.source.map((x) => x.entity));
    for (const p of people) if (p.sentence === m.sentence && !voices.has(p.entity)) add(p.entity);
    for (const x of m.source) if (x.entity) add(x.entity);
    for (let j = i - 1; j >= 0 && have().length < 3 && m.sentence - events[j].sentence <= LEX.sentences; j--) {
      const a = events[j];
      if (kindOf(a) === FAMILY.get("meet") && parties(a).filter((p) => p.startsWith("person:")).length === 2) parties(a).forEach(add);
    }
  }
}

const SOLE_ACTOR: ReadonlySet<string> = new Set(ROLES.soleActorTypes);

/**
 * "North Korea fired two missiles on Wednesday … The missiles were launched from the Pyongyang area": a happening one
 * party carries out alone, told naming no one, is the act of the one who carried out the nearest such happening told
 * before it within reach, a recap only of a recap.
 */
export function resolveSoleActor(events: EventMention[]): void {
  for (let i = 0; i < events.length; i++) {
    const m = events[i];
    if (!SOLE_ACTOR.has(m.type) || parties(m).length > 0) continue;
    for (let j = i - 1; j >= 0 && m.sentence - events[j].sentence <= LEX.sentences; j--) {
      const a = events[j];
      if (a.type !== m.type || a.background !== m.background) continue;
      const actors = parties(a);
      if (actors.length !== 1) continue;
      m.participants = [...actors, ...m.participants];
      break;
    }
  }
}

/**
 * "Kim Jong Un will travel to Beijing to attend China's military parade … Hong Lei said Putin and Kim would attend the
 * Sept. 3 event": a visit made to attend a gathering, told with no day, takes the day of the visitor's attendance told
 * elsewhere in the article, and so does the attendance it is made for.
 */
export function resolveAttendedDay(events: EventMention[]): void {
  const dated = events.filter((e) => e.type === "attend" && !e.background && dayRange(e.time));
  if (dated.length === 0) return;
  for (const v of events) {
    if (v.type !== "visit" || v.background || dayRange(v.time)) continue;
    const visitors = parties(v).filter((p) => p.startsWith("person:"));
    const purpose = events.find((a) => a.type === "attend" && a.sentence === v.sentence && a.trigger.start > v.trigger.end && !dayRange(a.time) && visitors.some((p) => a.participants.includes(p)));
    if (!purpose) continue;
    const day = dated.find((b) => b !== purpose && visitors.some((p) => b.participants.includes(p)));
    if (!day) continue;
    v.time = day.time;
    purpose.time = day.time;
  }
}

// "the trip would be Putin's first to North Korea", "the talks were his first with Xi": a copula, a possessor, an
// ordinal; then what the happening goes to or is with.
const BE_AFTER = /^\s+(?:would|will|could|might)?\s*(?:be|is|was|are|were|has been|had been)\s+$/i;
const ORDINAL_AFTER = /^['’]s\s+(?:first|second|third|fourth|fifth|last|latest|only|maiden)\b/i;
const TO_WITH = /^[\w\s-]{0,30}?\b(?:to|with)\s+(?:the\s+)?$/i;

/**
 * "The trip would be Putin's first to North Korea since 2000": a happening that names no one, said to be someone's
 * first (or last, or only) of its kind, is that person's; what it is "to" or "with" in that phrase is its other party.
 * ("The trip is his first" is left to the happening it refers back to.)
 */
export function resolveOrdinalOwner(text: string, events: EventMention[], named: { entity: string; type: string; start: number; end: number; sentence: number }[]): void {
  for (const m of events) {
    const f = kindOf(m);
    if (f === undefined || parties(m).length > 0 || severalHappenings(m)) continue;
    const owner = named.find((p) => p.type === "person" && p.sentence === m.sentence && p.start > m.trigger.end && BE_AFTER.test(text.slice(m.trigger.end, p.start)));
    const ordinal = owner ? ORDINAL_AFTER.exec(text.slice(owner.end, owner.end + 20)) : null;
    if (!owner || !ordinal) continue;
    const from = owner.end + ordinal[0].length;
    const other = named.find((p) => p.sentence === m.sentence && p.start > from && p.entity !== owner.entity && (p.type === "person" || p.type === "country") && TO_WITH.test(text.slice(from, p.start)));
    m.participants = other ? [owner.entity, other.entity, ...m.participants] : [owner.entity, ...m.participants];
  }
}

// A companion named right after a meeting or a call: "talks with Donald Trump", "an informal meeting with Putin".
const WITH_AFTER = /^\s+(?:by\s+phone\s+|by\s+video\s+)?with\s+$/i;

/**
 * "Kim's train left Beijing after talks with Xi Jinping", "The red carpet … gave Vladimir Putin a welcome on U.S. soil.
 * Friday's talks with Donald Trump produced no ceasefire": a meeting or call that, after the passes above, names only
 * its companion ("with X") is held with the person the sentence names before it, else the first person the sentence
 * before names: whom the text is following. Neither one who only tells of it nor a second companion.
 */
export function resolveCompanionPartner(text: string, events: EventMention[], people: { entity: string; start: number; end: number; sentence: number }[]): void {
  const MEET = FAMILY.get("meet");
  const CALL = FAMILY.get("communicate");
  for (const m of events) {
    const f = kindOf(m);
    const own = parties(m);
    if ((f !== MEET && f !== CALL) || own.length !== 1 || !own[0].startsWith("person:") || m.background) continue;
    const companion = people.find((p) => p.entity === own[0] && p.sentence === m.sentence && p.start > m.trigger.end && WITH_AFTER.test(text.slice(m.trigger.end, p.start)));
    if (!companion) continue;
    const voices = new Set(m.source.map((x) => x.entity));
    const fits = (p: { entity: string }) => p.entity !== own[0] && !voices.has(p.entity);
    // One who tells of it before it ("Blinken told reporters after talks with Kuleba …") leaves it open whom the text
    // follows: the sentence before is not looked at.
    const named = people.filter((p) => p.sentence === m.sentence && p.end <= m.trigger.start && p.entity !== own[0]);
    const before = named.filter(fits).at(-1);
    const previous = named.length > 0 ? null : people.find((p) => p.sentence === m.sentence - 1 && fits(p));
    const partner = before ?? previous;
    if (partner) m.participants = [partner.entity, ...m.participants];
  }
}

// "a three-way meeting that would include Zelensky", "a summit, which could also include Xi".
const INCLUDING = /^\s*,?\s*(?:that|which)\s+(?:(?:would|will|could|might|may|should|also|then)\s+){0,2}include[sd]?\s+$/i;

/**
 * "a three-way meeting that would include Volodymyr Zelensky": whom a relative clause says the happening includes
 * takes part beside the parties it has (read in its own right or from the happening it refers back to).
 */
export function resolveIncluded(text: string, events: EventMention[], people: { entity: string; start: number; sentence: number }[]): void {
  for (const m of events) {
    if (kindOf(m) === undefined) continue;
    const joined = people.filter((p) => p.sentence === m.sentence && p.start > m.trigger.end && p.start - m.trigger.end <= 40 && INCLUDING.test(text.slice(m.trigger.end, p.start)));
    for (const p of joined) if (!m.participants.includes(p.entity)) m.participants.push(p.entity);
  }
}

/** The two countries the article's happenings join most often (news only, speaking aside), else null. */
function articleCountries(events: EventMention[], day: string | null): string[] | null {
  const tally = new Map<string, number>();
  for (const a of events) {
    if (a.type === "say" || a.background) continue;
    const countries = [...new Set(parties(a).map((p) => countryOf(p, day)).filter((c): c is string => c !== null))].sort();
    if (countries.length === 2) tally.set(countries.join(), (tally.get(countries.join()) ?? 0) + 1);
  }
  const best = [...tally].sort((x, y) => y[1] - x[1])[0];
  return best ? best[0].split(",") : null;
}

/**
 * Fills in the parties and time of mentions that refer to a happening named elsewhere in the article. `named` holds
 * the parties each sentence names: a mention whose sentence names others ("Sullivan and Wang spent the weekend in
 * talks") is about them, not about the happening before it; `gatherings` are mentions that name a gathering.
 */
export function resolveEventCoreference(text: string, events: EventMention[], named: Map<number, Set<string>>, gatherings: ReadonlySet<EventMention>, dct: string | null = null): void {
  for (let i = 0; i < events.length; i++) {
    const m = events[i];
    const pointer = POINTERS.has(m.trigger.text.toLowerCase());
    if (complete(m) || !(kindOf(m) !== undefined || pointer) || severalHappenings(m) || speechOnly(m)) continue;
    // "Trump's trip", "Putin's proposal": a noun that names a party of its own is about that party's happening.
    if (pointer && kindOf(m) === undefined && parties(m).length > 0) continue;
    // "rejecting every sensible initiative", "any proposal": a quantified noun is no particular happening.
    if (pointer && kindOf(m) === undefined && QUANTIFIED.test(text.slice(Math.max(0, m.trigger.start - 30), m.trigger.start))) continue;
    // A named gathering ("the APEC summit") is no meeting of anyone's.
    if (gatherings.has(m)) continue;
    // "The Security Council was due to meet in an emergency session": the noun is the verb's own happening.
    const held = heldAs(text, events, i);
    if (held) {
      m.participants = [...new Set([...held.participants, ...m.participants])];
      takeKind(m, held);
      continue;
    }
    // "such a meeting", "the same talks": a word that points back refers to a happening told before, whoever else its
    // sentence names.
    const pointsBack = SUCH.test(text.slice(Math.max(0, m.trigger.start - 30), m.trigger.start));
    // "The session had been meant to prepare a summit between Biden and Putin": the parties of what it prepares are
    // not others it is about.
    const prepared = new Set(events.filter((a) => a.sentence === m.sentence && a.trigger.start > m.trigger.end && PREPARES.test(text.slice(m.trigger.end, a.trigger.start))).flatMap(parties));
    const others = pointsBack ? [] : [...(named.get(m.sentence) ?? [])].filter((p) => !prepared.has(p));
    // The nearest mention it fits; a definite one ("the talks") takes the nearest told as held or set over one only
    // talked about ("Moon met Kim, a meeting to rescue Kim's summit with Trump; Kim had asked for the talks").
    const definite = DEFINITE.test(text.slice(Math.max(0, m.trigger.start - 40), m.trigger.start));
    const demonstrative = DEMONSTRATIVE.test(text.slice(Math.max(0, m.trigger.start - 30), m.trigger.start));
    let antecedent: EventMention | null = null;
    // "the conversation": a pointer that also names a kind ("Putin called the conversation useful") means a happening
    // of that kind within reach before one of any other kind.
    const kinded = pointer && KIND.has(m.trigger.text.toLowerCase());
    let otherKind: EventMention | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const a = events[j];
      if (m.sentence - a.sentence > LEX.sentences) break;
      if (!fits(m, a, others, dct, true, demonstrative || pointsBack)) continue;
      if (kinded && kindOf(a) !== kindOf(m)) {
        otherKind ??= a;
        continue;
      }
      if (!antecedent) antecedent = a;
      // "Zelensky had invited Xi …; Beijing never answered the invitation": a word for a proposal points to the
      // nearest, whatever its stage.
      if (!definite || (pointer && kindOf(m) === undefined) || a.stance === "occurred" || a.stance === "scheduled") {
        antecedent = a;
        break;
      }
    }
    antecedent ??= otherKind;
    // "Blinken cancelled that meeting": of the happenings a demonstrative fits, the one whose parties include those
    // its sentence names is meant over a nearer one without them (the summit the meeting was to prepare).
    const people = others.filter((p) => p.startsWith("person:") && !m.source.some((x) => x.entity === p));
    if (antecedent && demonstrative && people.length > 0 && !people.every((p) => antecedent!.participants.includes(p))) {
      for (let j = events.indexOf(antecedent) - 1; j >= 0 && m.sentence - events[j].sentence <= LEX.sentences; j--) {
        const a = events[j];
        if (people.every((p) => a.participants.includes(p)) && fits(m, a, others, dct, true, demonstrative)) {
          antecedent = a;
          break;
        }
      }
    }
    if (!antecedent && parties(m).length === 0) {
      for (let j = i + 1; j < events.length && events[j].sentence === m.sentence; j++) {
        // "The session had been meant to prepare a summit between Biden and Putin": what a happening prepares or
        // precedes is another happening.
        if (PREPARES.test(text.slice(m.trigger.end, events[j].trigger.start))) break;
        if (fits(m, events[j], others, dct)) {
          antecedent = events[j];
          break;
        }
      }
    }
    // "The summit" after the envoys' talks is their leaders' meeting: the nearest happening of its kind that fits but
    // for its level lends the leaders of its countries.
    if (!antecedent && LEADER_LEVEL.has(m.trigger.text.toLowerCase())) {
      for (let j = i - 1; j >= 0 && m.sentence - events[j].sentence <= LEX.sentences; j--) {
        const a = events[j];
        // "Kim arrived in Russia … the summit": a leader's visit to a country is for a summit with its leader.
        const visit = FAMILY.get(a.type) === FAMILY.get("visit") && !a.background && timesAgree(m, a);
        if (!visit && (levelAgrees(m, a, dct) || !fits(m, a, others, dct, false))) continue;
        const leaders = leadersOf(a, dct);
        if (leaders && parties(m).every((p) => leaders.includes(p))) m.participants = [...leaders, ...m.participants.filter((p) => !leaders.includes(p))];
        break;
      }
      continue;
    }
    if (!antecedent) continue;
    takeParties(m, antecedent.participants, antecedent);
    // "the next meeting", "another summit": the same pair, but not the happening already dated.
    if (!dayRange(m.time) && dayRange(antecedent.time) && !another(text, m)) m.time = antecedent.time;
    takeKind(m, antecedent);
  }
}

// A verb and the noun of its happening: "meet in an emergency session", "met for talks", "spoke in a call".
const HELD_AS = /^\s+(?:in|for|at)\s+(?:(?:an?|the|their|his|her|its)\s+)?(?:[\w'’-]+\s+){0,2}$/i;

/** The mention of the same kind a few words before events[i] in its sentence whose verb the noun completes, if any. */
function heldAs(text: string, events: EventMention[], i: number): EventMention | null {
  const m = events[i];
  for (let j = i - 1; j >= 0 && events[j].sentence === m.sentence && m.trigger.start - events[j].trigger.end <= 40; j--) {
    const a = events[j];
    if (kindOf(a) === kindOf(m) && HELD_AS.test(text.slice(a.trigger.end, m.trigger.start))) return a;
  }
  return null;
}

const PREPARES = /\b(?:prepar\w*|ahead of|before|after|groundwork|pave|paving|lead up to|leading up to)\b/i;
const ANOTHER = /\b(?:next|another|second|third|new|further|follow-up|return)\s+(?:[\w'’-]+\s+)?$/i;
/** "the next meeting", "another summit": a mention of a happening after the one already told, not that one. */
const another = (text: string, m: EventMention) => ANOTHER.test(text.slice(Math.max(0, m.trigger.start - 30), m.trigger.start));

/**
 * What an article is about, per kind of happening: the party set its news mentions of that kind name most often. A
 * mention still short of parties after the nearest-antecedent pass ("the summit" ten sentences on, "the meeting"
 * before the pair is named, "the call" in a recap of it) is taken as that happening when its own parties are among the
 * topic's and, if it names any, its time agrees and its sentence names no one else but those who tell of it.
 */
export function resolveArticleTopic(text: string, events: EventMention[], named: Map<number, Set<string>>, gatherings: ReadonlySet<EventMention>, dct: string | null = null): void {
  type Topic = { parties: string[]; n: number; example: EventMention; held: boolean };
  const tally = new Map<string, Topic>();
  for (const e of events) {
    const f = kindOf(e);
    if (f === undefined || e.background || !complete(e) || gatherings.has(e)) continue;
    const ps = [...new Set(parties(e))].sort();
    const key = `${f}:${ps.join()}`;
    const held = e.stance === "occurred" || e.stance === "scheduled";
    const t = tally.get(key);
    if (t) {
      t.n++;
      t.held ||= held;
    } else tally.set(key, { parties: ps, n: 1, example: e, held });
  }
  const topics = new Map<number, Topic>();
  for (const t of tally.values()) {
    const f = kindOf(t.example)!;
    const best = topics.get(f);
    if (!best || t.n > best.n) topics.set(f, t);
  }
  // "Their phone call on Tuesday … the summit he had proposed": with no meeting of its own, a meeting only talked of
  // is between the pair the article's calls join, and a call talked of between the pair its meetings join. One told
  // as held is not: who met is never guessed from who spoke.
  const MEET = FAMILY.get("meet");
  const CALL = FAMILY.get("communicate");
  const pairOnly = (t: Topic | undefined) => (t && t.parties.length === 2 && t.parties.every((p) => p.startsWith("person:")) ? t : undefined);
  const borrowed = (m: EventMention, f: number) => (m.stance === "occurred" ? undefined : f === MEET ? pairOnly(topics.get(CALL!)) : f === CALL ? pairOnly(topics.get(MEET!)) : undefined);
  for (const m of events) {
    const f = kindOf(m);
    const ownTopic = f === undefined ? undefined : topics.get(f);
    const topic = f === undefined ? undefined : ownTopic ?? borrowed(m, f);
    if (!topic || complete(m) || gatherings.has(m) || severalHappenings(m) || speechOnly(m) || !levelAgrees(m, topic.example, dct)) continue;
    // What is told as held is not the happening only talked about (as with an antecedent); a mention naming no one
    // takes the topic whatever its time, one naming a party only when its time agrees.
    if ((!timesAgree(m, topic.example) && parties(m).length > 0) || (m.stance === "occurred" && !topic.held)) continue;
    const own = parties(m);
    if (!own.every((p) => topic.parties.includes(p))) continue;
    // Someone else named in the sentence is likely a party of a mention that names one, unless they only tell of it
    // ("Macron announced …"); a mention that names no one ("the talks") is still the article's happening, unless its
    // sentence names two others, who are likely its own pair ("Sullivan and Wang Yi spent the weekend in talks").
    const voices = new Set(m.source.map((x) => x.entity));
    const others = [...(named.get(m.sentence) ?? [])].filter((p) => p.startsWith("person:") && !topic.parties.includes(p) && !voices.has(p));
    if ((others.length > 0 && own.length > 0) || others.length >= 2) continue;
    takeParties(m, topic.parties, topic.example);
    // A pair borrowed from the other kind lends neither its time nor its type: only the same happening would.
    if (topic !== ownTopic) continue;
    if (!dayRange(m.time) && dayRange(topic.example.time) && !another(text, m)) m.time = topic.example.time;
    takeKind(m, topic.example);
  }
}

// How many people a sentence may name for a mention that names none to take them all as its parties.
const SENTENCE_PARTIES = 3;

/**
 * "A White House meeting … collapsed into a shouting match, with Trump and Vance berating Zelensky": a meeting or call
 * told as held that still names no one after the passes above, in a sentence naming two or three people other than
 * those who tell of it, is theirs. A plan is not: one party's proposal names the other without their meeting.
 */
export function resolveSentenceParties(events: EventMention[], named: Map<number, Set<string>>, gatherings: ReadonlySet<EventMention>): void {
  for (const m of events) {
    const f = kindOf(m);
    if (f === undefined || f === FAMILY.get("visit") || f === FAMILY.get("sign") || m.stance !== "occurred" || parties(m).length > 0 || gatherings.has(m) || severalHappenings(m) || speechOnly(m)) continue;
    const voices = new Set(m.source.map((x) => x.entity));
    const people = [...(named.get(m.sentence) ?? [])].filter((p) => p.startsWith("person:") && !voices.has(p));
    if (people.length >= 2 && people.length <= SENTENCE_PARTIES) m.participants = [...people, ...m.participants];
  }
}

/**
 * "Getting Xi Jinping and Joe Biden to a productive summit", "Biden and Putin had accepted in principle a summit": a
 * meeting or call still naming no one after the passes above, in a sentence that joins two people with "and", is
 * theirs. A visit or a signing is not (the pair may be host and guest, or the signatories of something else).
 */
export function resolveSentencePair(text: string, events: EventMention[], people: { entity: string; start: number; end: number; sentence: number }[], gatherings: ReadonlySet<EventMention>, dct: string | null = null): void {
  const pairs = new Map<number, string[] | null>();
  const pairStart = new Map<number, number>();
  for (let i = 0; i + 1 < people.length; i++) {
    const a = people[i];
    const b = people[i + 1];
    if (a.sentence !== b.sentence || a.entity === b.entity || !/^\s+and\s+$/.test(text.slice(a.end, b.start))) continue;
    // Two pairs in one sentence leave it open which one a mention means.
    pairs.set(a.sentence, pairs.has(a.sentence) ? null : [a.entity, b.entity]);
    pairStart.set(a.sentence, a.start);
  }
  for (const m of events) {
    const f = kindOf(m);
    if (f === undefined || f === FAMILY.get("visit") || f === FAMILY.get("sign") || parties(m).length > 0 || gatherings.has(m) || severalHappenings(m)) continue;
    // "The session had been meant to prepare a summit between Biden and Putin": the pair is the summit's.
    const start = pairStart.get(m.sentence) ?? 0;
    if (start > m.trigger.end && PREPARES.test(text.slice(m.trigger.end, start))) continue;
    const pair = pairs.get(m.sentence);
    if (pair && levelAgrees(m, { ...m, participants: pair }, dct)) m.participants = [...pair, ...m.participants];
  }
}

/**
 * A definite mention whose own sentence tells no stage ("the meeting", "their talks") takes the stage the article
 * gives the happening it names: held when another news mention of the same kind and the same parties tells it held,
 * else set when one tells it set. Recaps, and mentions dated after the article, keep their own reading.
 */
// Set means fixed: a plan with neither a day nor a place ("the leaders will meet first") lends no stage.
const fixed = (a: EventMention) => !!a.place || !!dayRange(a.time);

export function inheritStance(text: string, events: EventMention[], bare: ReadonlySet<EventMention>, dct: string | null, pastOnly: ReadonlySet<EventMention> = new Set()): void {
  // "Biden and Putin will meet in Geneva on June 16 … the talks would go deep into strategic questions": a happening
  // told firmly ahead of it, which the article tells set elsewhere, is that set happening.
  for (const m of events) {
    const f = FAMILY.get(m.type);
    if (f === undefined || bare.has(m) || m.background || m.stance !== "discussed" || m.factuality !== "CT+" || !complete(m)) continue;
    // "possible venues for the talks", "a potential summit": one only weighed is no set one.
    if (HEDGED.test(text.slice(Math.max(0, m.trigger.start - 40), m.trigger.start))) continue;
    const own = partyKey(m);
    const set = events.some((a) => a !== m && a.trigger.start < m.trigger.start && !a.background && a.stance === "scheduled" && fixed(a) && FAMILY.get(a.type) === f && timesAgree(m, a) && partyKey(a) === own && !(m.place && a.place && m.place !== a.place));
    if (set) m.stance = "scheduled";
  }
  // "Trump and Xi met in Busan on Thursday, their first face-to-face talks since 2019": a happening named again in
  // apposition is the one the clause before the comma tells, at its stage.
  for (let i = 1; i < events.length; i++) {
    const m = events[i];
    const f = FAMILY.get(m.type);
    if (f === undefined || m.background) continue;
    // The nearest mention of its kind before it in its sentence ("a comprehensive agreement on developing Ukraine's
    // mineral resources, the agreement whose signing was scrapped").
    let a: EventMention | undefined;
    for (let j = i - 1; j >= 0 && events[j].sentence === m.sentence && !a; j--) if (FAMILY.get(events[j].type) === f) a = events[j];
    // Its parties are the clause's, or some of them ("Putin will pay a state visit to North Korea …, his first trip
    // there in 24 years").
    if (!a || a.stance === m.stance || !(partyKey(m) === partyKey(a) || (parties(m).length > 0 && parties(m).every((p) => parties(a).includes(p))))) continue;
    const between = text.slice(a.trigger.end, m.trigger.start);
    const comma = between.lastIndexOf(",");
    // "met … at Dolmabahce Palace on Friday in their first direct talks": so is one named in a phrase of the same clause.
    const apposed = comma >= 0 && APPOSITION.test(between.slice(comma + 1));
    const inPhrase = comma < 0 && IN_PHRASE.test(between) && !CLAUSE_WORDS.test(between);
    if (!(apposed || inPhrase) || /[;:.!?]/.test(between)) continue;
    m.stance = a.stance;
    if (!dayRange(m.time) && dayRange(a.time)) m.time = a.time;
  }
  for (const m of bare) {
    const f = FAMILY.get(m.type);
    if (f === undefined || m.background || m.stance !== "discussed") continue;
    // "… will pay an official visit, the Kremlin said, breaking its silence on the trip": a mention naming no one is
    // the happening of its kind told just before it.
    if (parties(m).length === 0) {
      const a = events.filter((x) => x !== m && !bare.has(x) && !x.background && FAMILY.get(x.type) === f && x.sentence <= m.sentence && x.sentence >= m.sentence - 1 && x.trigger.start < m.trigger.start && timesAgree(m, x) && parties(x).length > 0).at(-1);
      if (a && (a.stance === "occurred" || a.stance === "scheduled")) m.stance = a.stance;
      continue;
    }
    if (!complete(m)) continue;
    const r = dayRange(m.time);
    const ahead = !!r && !!dct && r.from > dct;
    const own = partyKey(m);
    let best: "occurred" | "scheduled" | null = null;
    for (const a of events) {
      if (a === m || bare.has(a) || a.background || FAMILY.get(a.type) !== f || !timesAgree(m, a)) continue;
      if (partyKey(a) !== own) continue;
      if (m.place && a.place && m.place !== a.place) continue;
      if (a.stance === "occurred" && !ahead) best = "occurred";
      else if (a.stance === "scheduled" && best === null) best = "scheduled";
    }
    if (best) m.stance = best;
  }
  // "Putin will pay a state visit to North Korea on Tuesday … The Kremlin described the trip as friendly": a noun told
  // held only by its clause's past is the happening the article tells set for a day ahead, unless it tells it held.
  for (const m of pastOnly) {
    const f = FAMILY.get(m.type);
    if (f === undefined || m.background || m.stance !== "occurred") continue;
    const own = partyKey(m);
    const same = events.filter((a) => a !== m && !bare.has(a) && !pastOnly.has(a) && !a.background && FAMILY.get(a.type) === f && timesAgree(m, a) && !(m.place && a.place && m.place !== a.place) && (own === "" ? a.sentence >= m.sentence - 1 && a.trigger.start < m.trigger.start && parties(a).length > 0 : partyKey(a) === own));
    const datedAhead = (a: EventMention) => !!dct && (dayRange(a.time)?.from ?? "") > dct;
    if (same.length > 0 && !same.some((a) => a.stance === "occurred") && same.some((a) => a.stance === "scheduled" && datedAhead(a))) m.stance = "scheduled";
  }
}
