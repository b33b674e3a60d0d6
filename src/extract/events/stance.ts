// A report's stance toward its happening (docs/stance.md): occurred, scheduled, discussed, wanted, unplanned, called
// off, failed, refused or unknown. Read from the whole sentence around the trigger, in this order:
//   1. a cue that governs the trigger from the left ("wants to meet", "called off the summit", "no plans to visit");
//   2. for a happening named as the subject, the predicate that follows it ("the summit was called off");
//   3. a modifier inside its own noun phrase ("a possible meeting", "the upcoming summit");
//   4. else its factuality and tense ("met" occurred, "will meet on Friday" scheduled, "could meet" discussed).
// A cue that is itself negated turns round ("does not want to meet" refused, "has not ruled out a meeting" discussed).
import type { Factuality, SourceRef, Stance } from "../../domain/extraction.js";
import type { Token } from "../01-tokens.js";
import { loadData } from "../resources.js";
import { dayRange } from "../../domain/calendar.js";
import { LEXICON } from "../attribution/lexicon.js";
import { esc, key, WEEKDAYS } from "../times/lexicon.js";
import { LEX as EVENT_LEX, GOING_VERBS, HAPPENING_TYPES, HELD_IN, PURPOSE_REACH, QUOTE_MARKS, TRIGGERS } from "./lexicon.js";
import { goingVerbBefore } from "./roles.js";

type CueStance = Exclude<Stance, "unknown">;

const SELF_STANCES: ReadonlySet<string> = new Set(["called_off", "failed", "refused", "wanted"]);

interface StanceLexicon {
  governing: Record<string, string[]>;
  /** Participles of scheduling that, set off by a comma after a happening's phrase, set it ("pencilled in for"). */
  apposedSchedule: string[];
  /** Phrases telling that the parties agreed a happening away ("by mutual agreement"). */
  agreedOff: string[];
  predicates: Record<string, string[]>;
  carriers: { nouns: string[]; prepositions: string[] };
  modifiers: Record<string, string[]>;
  negators: string[];
  futureAuxiliaries: string[];
  futurePhrases: string[];
  clauseStops: string[];
  conditionWords: string[];
  selfNouns: Record<string, string[]>;
  partyCues: string[];
  voices: { report: string[]; official: string[] };
  talkedAbout: { lemmas: string[] };
  another: string[];
  negatedAsDiscussed: { lemmas: string[] };
  openQuestion: { clauseWords: string[]; verbs: string[]; negators: string[] };
  judging: string[];
  clauseTense: { untelling: string[]; untellingNouns: string[] };
  gatheringOutcomes: { types: string[]; predicates: string[] };
  absenceAhead: { words: string[]; cues: string[] };
  undated: { nouns: string[]; joining: string[]; reach: number; attempts: string[] };
  hostingWishes: string[];
  proposingCues: string[];
  weighingVerbs: string[];
  openSetting: { whWords: string[]; verbs: string[]; disclosing: string[] };
  offVerbs: string[];
  containers: string[];
  pastForms: string[];
  unsettledClauses: string[];
  offeringModals: string[];
  beliefVerbs: string[];
  unwilled: string[];
  answers: { asking: string[]; phrases: Record<string, string[]> };
  thatClauseWishes: string[];
  thatClauseWishNouns: string[];
  hostingVerbs: string[];
  doneIn: { complementWords: string[] };
  cameAfter: { phrases: string[] };
  questionPredicates: { words: string[] };
  settingVerbs: { lemmas: string[] };
  historyCompounds: { words: string[] };
  rescheduled: { postponing: string[]; to: string[] };
  judgedAhead: { words: string[] };
}

/** One word slot of a cue phrase: its alternatives, and whether it may be left out. */
interface Slot {
  words: Set<string>;
  optional: boolean;
}

interface Cue {
  stance: CueStance;
  slots: Slot[];
  text: string;
}

const LEX = loadData<StanceLexicon>("lexicons/stance.json");

function compile(families: Record<string, string[]>): Cue[] {
  const out: Cue[] = [];
  for (const [stance, phrases] of Object.entries(families)) {
    for (const text of phrases) {
      const slots = text.split(" ").map((w) => ({ words: new Set(w.replace(/^\?/, "").split("|")), optional: w.startsWith("?") }));
      out.push({ stance: stance as CueStance, slots, text });
    }
  }
  // Longer phrases first: "not ruled out" is tried before "ruled out".
  return out.sort((a, b) => b.slots.length - a.slots.length);
}

const GOVERNING = compile(LEX.governing);
// Cues that, as triggers themselves, stand for the happening they act on.
const SELF = GOVERNING.filter((c) => SELF_STANCES.has(c.stance) && !c.slots[0].optional && !c.slots[0].words.has("no") && !c.slots[0].words.has("not"));
const PREDICATES = compile(LEX.predicates);
const MODIFIERS = new Map<string, CueStance>(Object.entries(LEX.modifiers).flatMap(([s, ws]) => ws.map((w) => [w, s as CueStance] as const)));
/** Words that deny what follows them ("not", "never", "n't" …). */
export const NEGATORS: ReadonlySet<string> = new Set(LEX.negators);
const FUTURE_AUX = new Set(LEX.futureAuxiliaries);
const FUTURE_PHRASES = LEX.futurePhrases.map((p) => p.split(" "));
const STOPS = new Set(LEX.clauseStops);
const CONDITIONS = new Set(LEX.conditionWords);
const SELF_NOUNS = new Map<string, CueStance>(Object.entries(LEX.selfNouns).flatMap(([st, ws]) => ws.map((w) => [w, st as CueStance] as const)));
// Stances that a cue lends only when its agent is a party to the happening: a wish or offer of anyone else makes the
// happening only discussed ("Zelensky wanted Trump to come to Istanbul").
const PARTY_CUES: ReadonlySet<string> = new Set(LEX.partyCues);
const TALKED_ABOUT: ReadonlySet<string> = new Set(LEX.talkedAbout.lemmas);
const FRESH: ReadonlySet<string> = new Set(LEX.another);
const OPEN_WHEN_NEGATED: ReadonlySet<string> = new Set(LEX.negatedAsDiscussed.lemmas);
const QUESTION_CLAUSE: ReadonlySet<string> = new Set(LEX.openQuestion.clauseWords);
const UNSAID_VERBS: ReadonlySet<string> = new Set(LEX.openQuestion.verbs);
const UNSAID_NEGATORS: ReadonlySet<string> = new Set(LEX.openQuestion.negators);
// Cues by the word they end on, so each position is tried against a handful of phrases only.
const GOVERNING_BY_LAST = byLastWord(GOVERNING);
// The governing cues ending on each word, also split by the word before their last (see `cuesEndingAt`).
const GOVERNING_ENDING = new Map([...GOVERNING_BY_LAST].map(([w, cues]) => [w, byWordBefore(cues)] as const));

function byLastWord(cues: Cue[]): Map<string, Cue[]> {
  const m = new Map<string, Cue[]>();
  for (const c of cues) {
    for (const w of c.slots[c.slots.length - 1].words) {
      const list = m.get(w);
      if (list) list.push(c);
      else m.set(w, [c]);
    }
  }
  return m;
}

/** Cues ending on one word, in the order they are tried, and the same cues by the word before their last. */
interface EndingCues {
  all: Cue[];
  /** Those that take no particular word before their last: one word long, or that word may be left out. */
  open: Cue[];
  /** For each word a next-to-last slot takes, the open cues and those taking it there, in the order of `all`. */
  before: Map<string, Cue[]>;
}

function byWordBefore(all: Cue[]): EndingCues {
  const takesBefore = (c: Cue) => c.slots.length >= 2 && !c.slots[c.slots.length - 2].optional;
  const before = new Map<string, Cue[]>();
  for (const c of all) if (takesBefore(c)) for (const w of c.slots[c.slots.length - 2].words) before.set(w, []);
  for (const [w, list] of before) for (const c of all) if (!takesBefore(c) || c.slots[c.slots.length - 2].words.has(w)) list.push(c);
  return { all, open: all.filter((c) => !takesBefore(c)), before };
}

const NO_CUES: Cue[] = [];

/**
 * The governing cues that may end at position e, in the order they are tried. Where the token before e is one
 * `matchEndingAt` cannot pass over, a cue can match only if it takes that very word before its last, or none.
 */
function cuesEndingAt(ts: Token[], e: number): Cue[] {
  const ending = GOVERNING_ENDING.get(lowerOf(ts[e])) ?? GOVERNING_ENDING.get(ts[e].lemma);
  if (!ending) return NO_CUES;
  if (e === 0) return ending.open;
  if (mayPassOver(ts, e, e - 1)) return ending.all;
  const t = ts[e - 1];
  const byLower = ending.before.get(lowerOf(t));
  const byLemma = t.lemma === lowerOf(t) ? undefined : ending.before.get(t.lemma);
  if (!byLemma) return byLower ?? ending.open;
  if (!byLower) return byLemma;
  return ending.all.filter((c) => byLower.includes(c) || byLemma.includes(c));
}

// How far a governing cue may stand from its trigger (in tokens, names counted once), and how far a subject's
// predicate may follow it.
const GOVERNING_GAP = 7;
const PREDICATE_REACH = 12;
// How many tokens before a cue may hold the negation that turns it round ("does not want to").
const NEGATION_REACH = 3;

/** What the stance reader needs to know about one mention. */
export interface StanceInput {
  ts: Token[];
  k: number;
  factuality: Factuality;
  /** TIMEX3 value of the happening, as read. */
  time: string | null;
  /** The document's date, YYYY-MM-DD, or null. */
  dct: string | null;
  /** True when the mention names where it takes place. */
  placed: boolean;
  /** True when a party to the happening (or its government) presents it. */
  byParty: boolean;
  /** Who presents it: nobody but the author, an official voice, or a report, medium or unnamed source. */
  voice: "author" | "official" | "report";
  /** True for tokens that are entity names. */
  named: boolean[];
  /** True when an attribution presents the mention. */
  reported: boolean;
  /** The cue of the innermost attribution presenting it ("said", "proposed"), if any. */
  cue: string | null;
  /** The factuality of another event of the sentence, by its position. */
  factualityAt: (k: number) => Factuality | undefined;
  /** The entity named at each token, if any. */
  entityAt: (k: number) => string | null;
  /** True when an entity takes part in the happening (itself, or its country for a person's government). */
  isParty: (id: string) => boolean;
  /** True when the mention names any party at all. */
  hasParties: boolean;
  /** The happening's event type. */
  type: string;
}

/** A cue found for a trigger, with whether it is negated. */
interface Found {
  stance: CueStance;
  negated: boolean;
  at: number;
  /** The cue holds its own negation ("did not go the way it was supposed to"): the sentence's negation is the cue's. */
  ownNegation?: boolean;
}

// Tokens carry their lower case with curly apostrophes already folded.
const lowerOf = (t: Token) => t.lower;

const REPORT_WORDS = new RegExp(`\\b(?:${LEX.voices.report.join("|")})\\b`, "i");
const OFFICIAL_WORDS = new RegExp(`\\b(?:${LEX.voices.official.join("|")})\\b`, "i");

/**
 * Who presents a happening, from its source chain: the author alone; an official voice (a named person or body, or an
 * unnamed official of a government); or a report (an outlet, a newspaper, unnamed sources, observers).
 */
export function voiceOf(chain: SourceRef[]): StanceInput["voice"] {
  const root = chain.at(-1);
  if (!root) return "author";
  if (root.entity?.startsWith("outlet:")) return "report";
  if (OFFICIAL_WORDS.test(root.text)) return "official";
  if (REPORT_WORDS.test(root.text)) return "report";
  return root.entity && !root.entity.startsWith("local:") ? "official" : "report";
}

function slotMatches(slot: Slot, t: Token): boolean {
  return slot.words.has(lowerOf(t)) || slot.words.has(t.lemma);
}

/** Matches a cue whose last word is at position e, right to left; returns its first position or -1. */
function matchEndingAt(ts: Token[], e: number, cue: Cue): number {
  let j = e;
  let adjunct = false;
  let opener = -1;
  for (let s = cue.slots.length - 1; s >= 0; s--) {
    const slot = cue.slots[s];
    // 'accepted the principle" of such a summit': quotation marks inside a cue are passed over, and so are adverbs and
    // a day between its words ("pushed back again on Wednesday against the idea"), and once a short phrase of a
    // preposition ("lobbied hard through his ambassador for").
    for (;;) {
      if (j < 0 || j >= e || slotMatches(slot, ts[j])) break;
      if (passedOver(ts[j])) j--;
      else if (dayAfterOn(ts, j)) j -= 2;
      else if (!adjunct && s === cue.slots.length - 2 && (opener = adjunctBefore(ts, e, j)) > 0) {
        j = opener - 1;
        adjunct = true;
      } else break;
    }
    if (j >= 0 && slotMatches(slot, ts[j])) {
      j--;
      continue;
    }
    if (slot.optional) continue;
    return -1;
  }
  return j + 1;
}

/** A quotation mark, or an adverb that is no negator: passed over between a cue's words. */
function passedOver(t: Token): boolean {
  return QUOTE_MARKS.has(t.text) || (t.pos === "ADV" && !NEGATORS.has(lowerOf(t)));
}

/** A day after "on" at j ("pushed back again on Wednesday against"): passed over with its "on". */
function dayAfterOn(ts: Token[], j: number): boolean {
  return WEEKDAYS.has(key(ts[j].text)) && lowerOf(ts[j - 1] ?? ts[j]) === "on";
}

/** Before a cue's last word at e that is a preposition, the one opening a short phrase ending at the noun j; or -1. */
function adjunctBefore(ts: Token[], e: number, j: number): number {
  return ts[e].pos === "ADP" && (ts[j].pos === "NOUN" || ts[j].pos === "PROPN") ? adjunctStart(ts, j) : -1;
}

/** Whether `matchEndingAt` passes over token j, just before a cue's last word at e, when j is not the word before. */
function mayPassOver(ts: Token[], e: number, j: number): boolean {
  return passedOver(ts[j]) || dayAfterOn(ts, j) || adjunctBefore(ts, e, j) > 0;
}

// How many words a phrase of a preposition inside a cue may hold after the preposition.
const ADJUNCT_WORDS = 3;
const ADJUNCT_POS: ReadonlySet<string> = new Set(["DET", "PRON", "ADJ", "NOUN", "PROPN"]);
/** The preposition opening a short phrase that ends with the noun at e ("through his ambassador"), or -1. */
function adjunctStart(ts: Token[], e: number): number {
  for (let q = e - 1; q >= 0 && q >= e - ADJUNCT_WORDS; q--) {
    if (ts[q].pos === "ADP") return q;
    if (!ADJUNCT_POS.has(ts[q].pos)) return -1;
  }
  return -1;
}

/**
 * Matches a cue starting at position b, left to right; returns its last position or -1. Quotation marks and adverbs
 * between its words are passed over ("was reportedly called off", "was \"certainly not in the plans\"").
 */
function matchStartingAt(ts: Token[], b: number, cue: Cue): number {
  let j = b;
  for (const slot of cue.slots) {
    while (j > b && j < ts.length && (QUOTE_MARKS.has(ts[j].text) || (ts[j].pos === "ADV" && !NEGATORS.has(lowerOf(ts[j])))) && !slotMatches(slot, ts[j])) j++;
    if (j < ts.length && slotMatches(slot, ts[j])) {
      j++;
      continue;
    }
    if (slot.optional) continue;
    return -1;
  }
  return j - 1;
}

const HISTORY_COMPOUNDS: ReadonlySet<string> = new Set(LEX.historyCompounds.words);

/** "the long-delayed agreement", "a much-postponed visit": the participle at k is the second half of such a compound. */
export function inHistoryCompound(ts: Token[], k: number): boolean {
  return k >= 2 && ts[k - 1].lower === "-" && HISTORY_COMPOUNDS.has(ts[k - 2].lower);
}

/** True when a negator stands just before position `at` (or the cue is headed by "no"/"not" itself, which counts once). */
function negatedBefore(ts: Token[], at: number, cue: Cue): boolean {
  const head = cue.slots[0].words;
  if (head.has("no") || head.has("not") || head.has("n't") || head.has("without")) return false;
  for (let j = at - 1; j >= 0 && j >= at - NEGATION_REACH; j--) {
    const w = lowerOf(ts[j]);
    if (STOPS.has(w) || w === ",") return false;
    if (NEGATORS.has(w)) return true;
    if (ts[j].pos === "VERB" && ts[j].lemma !== "be" && ts[j].lemma !== "have") return false;
  }
  return false;
}

// Tokens that may stand between a governing cue and its trigger: determiners, adjectives, numbers, names, objects,
// particles and the infinitive "to", "of", "for" and "with".
const BRIDGE_POS = new Set(["DET", "ADJ", "NUM", "PROPN", "PRON", "PART", "ADV", "AUX"]);
const BRIDGE_WORDS = new Set(["to", "of", "for", "with", "a", "an", "the", "'s", "-", "in-person", "face-to-face", "direct"]);

/**
 * "Putin stayed away", "Xi skipped the summit", "Blinken cancelled": a trigger that is itself a cue word tells the
 * stage of the happening it stands for.
 */
function selfCue(inp: StanceInput): Found | null {
  const { ts, k } = inp;
  const noun = SELF_NOUNS.get(lowerOf(ts[k])) ?? SELF_NOUNS.get(ts[k].lemma);
  if (noun === "wanted" && ts[k].pos !== "VERB") {
    // "This is a new proposal and it will be studied": an offer the other side weighs or answers is only talked of.
    if (ts.some((t) => t.pos === "VERB" && WEIGHING.has(t.lemma))) return { stance: "discussed", negated: false, at: k };
    // "there would be no invitation in the near term", Biden said: a speaker's own "no" refuses it; "neither leader
    // extended an invitation", "the long wait for an invitation": none given is no plan.
    const start = phraseStart(ts, k);
    const denied = inp.factuality.endsWith("-") && ts.slice(Math.max(0, start - 4), start + 1).some((t) => NEGATORS.has(lowerOf(t)) || lowerOf(t) === "neither");
    if (denied) return { stance: (inp.byParty || inp.reported) && ts.slice(0, k).some((t) => FUTURE_AUX.has(lowerOf(t)) || lowerOf(t) === "would") ? "refused" : "unplanned", negated: false, at: k };
    if (waitedFor(ts, k)) return { stance: "unplanned", negated: false, at: k };
  }
  if (noun && ts[k].pos !== "VERB") return { stance: noun, negated: false, at: k };
  // "Trump welcomed Putin to Alaska": a guest welcomed in the past was hosted, not wished for; the tense tells.
  if (ts[k].pos === "VERB" && HOSTING_WISHES.has(ts[k].lemma) && lowerOf(ts[k]).endsWith("ed") && inp.entityAt(k + 1) && !["would", "will", "'d", "to"].includes(lowerOf(ts[k - 1] ?? ts[k]))) return null;
  for (const cue of selfCuesFor(ts[k])) {
    if (matchStartingAt(ts, k, cue) < 0) continue;
    const negated = negatedBefore(ts, k, cue);
    // "Biden had not invited him to the White House": no invitation given is no plan; "would not invite" refuses.
    if (negated && cue.stance === "wanted" && ts[k].lemma === "invite" && lowerOf(ts[k]).endsWith("ed") && !ts.slice(Math.max(0, k - 4), k).some((t) => FUTURE_AUX.has(lowerOf(t)) || lowerOf(t) === "would")) return { stance: "unplanned", negated: false, at: k };
    return { stance: cue.stance, negated, at: k };
  }
  return null;
}

/**
 * "Putin was 'not yet going'", "Trump himself was not going": a progressive of a happening tells a plan, so told
 * negated it is none, whatever the tense of its telling.
 */
function progressivePlan(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "VERB" || !lowerOf(ts[k]).endsWith("ing")) return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = lowerOf(ts[j]);
    if (ts[j].lemma === "be") return true;
    if (!(NEGATORS.has(w) || ts[j].pos === "ADV" || ts[j].pos === "PART" || QUOTE_MARKS.has(ts[j].text))) return false;
  }
  return false;
}

const WH_SETTING: ReadonlySet<string> = new Set(LEX.openSetting.whWords);
const SETTING_VERBS: ReadonlySet<string> = new Set(LEX.openSetting.verbs);
const DISCLOSING_VERBS: ReadonlySet<string> = new Set([...LEX.openSetting.verbs, ...LEX.openSetting.disclosing]);
// How far back the "when" or "where" may stand, and how far the clause's predicate or the settling verb from it.
const WH_REACH = 8;
const SETTLE_REACH = 12;

/** A settling verb at j told as not done: negated just before, or still to be done ("yet to be decided"). */
function unsettled(ts: Token[], j: number, verbs: ReadonlySet<string>): boolean {
  if (ts[j].pos !== "VERB" || !verbs.has(ts[j].lemma)) return false;
  const before = ts.slice(Math.max(0, j - 4), j).map(lowerOf);
  return before.some((w) => NEGATORS.has(w)) || (before.includes("yet") && before.includes("to"));
}

/**
 * "had not yet agreed on when or where Putin and Biden would meet", "Where the two will sit down has not been
 * announced": a happening whose day or venue is an open question no one has settled is not planned.
 */
function openSetting(ts: Token[], k: number): boolean {
  let wh = -1;
  for (let j = k - 1; j >= 0 && k - j <= WH_REACH; j--) {
    if (WH_SETTING.has(lowerOf(ts[j]))) {
      wh = j;
      break;
    }
    if (STOPS.has(lowerOf(ts[j])) || lowerOf(ts[j]) === ",") return false;
  }
  if (wh < 0) return false;
  // The clause is the object of a settling verb before it ("not agreed on when or where …") …
  for (let j = wh - 1; j >= 0 && wh - j <= 5; j--) if (unsettled(ts, j, SETTING_VERBS)) return true;
  // … or the subject of a predicate after it ("Where the two will sit down has not been announced").
  const opensSentence = wh === 0 || ts[wh - 1].pos === "PUNCT";
  if (!opensSentence) return false;
  // A comma ends a clause of time instead ("When the two finally sat down, no agreement was announced").
  for (let j = k + 1; j < ts.length && j - k <= SETTLE_REACH && lowerOf(ts[j]) !== "," && !STOPS.has(lowerOf(ts[j])); j++) if (unsettled(ts, j, DISCLOSING_VERBS)) return true;
  return false;
}

/** "no meeting, engagement or phone conversation": a "no" opening the happening's phrase, or the list it heads. */
function noBefore(ts: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    const w = lowerOf(ts[j]);
    if (w === "no") return true;
    if (!(ts[j].pos === "NOUN" || ts[j].pos === "ADJ" || ts[j].pos === "PROPN" || w === "," || w === "or" || w === "and")) return false;
  }
  return false;
}

// Verbs that, with "off" after their object, call it off ("called the summit off", "put the talks off").
const OFF_VERBS: ReadonlySet<string> = new Set(LEX.offVerbs);
/** "called that meeting off": the happening is the object of "call" or "put", with "off" right after it. */
function calledOff(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB" || lowerOf(ts[k + 1] ?? ts[k]) !== "off") return false;
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (ts[j].pos === "VERB") return OFF_VERBS.has(ts[j].lemma) && !ts.slice(Math.max(0, j - 3), j).some((t) => NEGATORS.has(lowerOf(t)));
    // "that meeting": the tagger may take a demonstrative for a conjunction.
    if (!(determiner(ts[j]) || /^(?:that|this|these|those)$/.test(lowerOf(ts[j])) || ts[j].pos === "ADJ" || ts[j].pos === "NOUN" || ts[j].pos === "PROPN")) return false;
  }
  return false;
}

/** "waiting since December for the invitation", "the long wait for an Oval Office invitation": one still awaited. */
function waitedFor(ts: Token[], k: number): boolean {
  const p = phraseStart(ts, k) - 1;
  return p >= 1 && lowerOf(ts[p]) === "for" && ts.slice(Math.max(0, p - 5), p).some((t) => t.lemma === "wait");
}

// Lists a happening is on or off ("on the schedule", "off the agenda"): what is on them is the clause's subject.
const CONTAINERS: ReadonlySet<string> = new Set(LEX.containers);

// Verbs of belief whose clause holds a happening as a view ("believed they would be at the meeting").
const BELIEFS: ReadonlySet<string> = new Set(LEX.beliefVerbs);

/** The happening lies in the clause of a verb of belief ("he believed both would be at the Thursday meeting"). */
function believed(ts: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 15; j--) {
    const w = lowerOf(ts[j]);
    if (ts[j].pos === "VERB" && BELIEFS.has(ts[j].lemma)) return true;
    if (w === "," || (STOPS.has(w) && w !== "that")) return false;
  }
  return false;
}

// Modals by which a party urges or offers a happening rather than only allows for it.
const OFFERING_MODALS: ReadonlySet<string> = new Set(LEX.offeringModals);

// Irregular past forms a tagger may take for nouns ("the two shook hands").
const PAST_FORMS: ReadonlySet<string> = new Set(LEX.pastForms);

// Verbs of wishing that, with a guest for object, tell the guest received ("welcomed Putin to Alaska").
const HOSTING_WISHES: ReadonlySet<string> = new Set(LEX.hostingWishes);
const PROPOSING_CUES: ReadonlySet<string> = new Set(LEX.proposingCues);
const WEIGHING: ReadonlySet<string> = new Set(LEX.weighingVerbs);



// The self cues by the words their first slot takes, in the cues' order (SELF never starts with an optional slot).
const SELF_BY_FIRST = new Map<string, Cue[]>();
for (const c of SELF) for (const w of c.slots[0].words) SELF_BY_FIRST.set(w, [...(SELF_BY_FIRST.get(w) ?? []), c]);

/** The self cues whose first word a token is, by its lower case or its lemma. */
function selfCuesFor(t: Token): Cue[] {
  const byLower = SELF_BY_FIRST.get(t.lower);
  const byLemma = t.lemma === t.lower ? undefined : SELF_BY_FIRST.get(t.lemma);
  if (!byLemma) return byLower ?? [];
  if (!byLower) return byLemma;
  return SELF.filter((c) => byLower.includes(c) || byLemma.includes(c));
}

/** The nearest cue that governs the trigger from its left, within the clause, and the cue that governs that one. */
function governingCue(inp: StanceInput): Found | null {
  const accepted = acceptedOffer(inp.ts, inp.k);
  if (accepted >= 0) return { stance: "scheduled", negated: negatedBefore(inp.ts, accepted, ACCEPT_CUE), at: accepted };
  const inner = governorOf(inp, inp.k, GOVERNING_GAP, true);
  if (!inner) return null;
  // "It is not on the schedule for this trip": what is on a schedule is its subject; the happening after "for" is
  // the one the schedule belongs to.
  const onList = [1, 2].some((n) => ["on", "in", "off"].includes(lowerOf(inp.ts[inner.at - n] ?? inp.ts[inner.at])));
  if (CONTAINERS.has(inp.ts[inner.at].lemma) && inp.ts[inner.at].pos === "NOUN" && onList) return null;
  // "We expect this meeting to be candid": what is expected is how it goes, not whether it takes place.
  if (inp.ts[inner.at].lemma === "expect" && lowerOf(inp.ts[inp.k + 1] ?? inp.ts[inp.k]) === "to" && lowerOf(inp.ts[inp.k + 2] ?? inp.ts[inp.k]) === "be") return null;
  // "weren't able to work out a meeting", "refused to discuss talks", "wants to arrange a visit": a cue of its own
  // right before the cue speaks for the whole.
  // "seven countries are ready to host a meeting between them": who wants to host a happening only discusses it.
  if (inner.stance === "wanted" && !inner.negated && inp.ts.slice(inner.at + 1, inp.k).some((t) => t.pos === "VERB" && HOSTING_VERBS.has(t.lemma))) return { ...inner, stance: "discussed" };
  const outer = governorOf(inp, inner.at, 2);
  if (!outer) return inner;
  const o = turned(outer);
  if (o === "failed" || o === "refused" || o === "called_off" || o === "unplanned" || o === "wanted") return { ...outer, stance: o, negated: false };
  if (o === "discussed" && turned(inner) === "scheduled") return { ...outer, stance: o, negated: false };
  return inner;
}

/**
 * The nearest cue ending before position k that governs it, at most `reach` tokens away (names counted once); with
 * `wishes`, also a verb of wishing whose "that" clause holds it.
 */
function governorOf(inp: StanceInput, k: number, reach: number, wishes = false): Found | null {
  const { ts, named } = inp;
  let gap = 0;
  for (let e = k - 1; e >= 0; e--) {
    const t = ts[e];
    const w = lowerOf(t);
    for (const cue of cuesEndingAt(ts, e)) {
      const b = matchEndingAt(ts, e, cue);
      // "as soon as possible", "as quickly as possible": a manner, not a possibility.
      if (b >= 0 && lowerOf(ts[b]) === "possible" && lowerOf(ts[b - 1] ?? ts[b]) === "as") continue;
      // "setting preconditions for a meeting", "set the stage for talks": a verb of setting whose object is not the
      // happening's date or venue sets that object, not the happening.
      // "agreed to hold a second round of talks": a measure of the happening is no other object.
      if (b >= 0 && cue.stance === "scheduled" && ts.slice(e + 1, k).some((x, i) => x.pos === "NOUN" && !named[e + 1 + i] && !SETTINGS.has(lowerOf(x)) && !(MEASURES.has(lowerOf(x)) && lowerOf(ts[e + 2 + i] ?? x) === "of"))) return null;
      if (b >= 0 && !inHistoryCompound(ts, b)) return { stance: cue.stance, negated: negatedBefore(ts, b, cue), at: b };
    }
    if (QUOTE_MARKS.has(t.text)) continue;
    // "Biden proposed on Tuesday that he and Putin hold a summit": a wish whose "that" clause holds the trigger.
    if (w === "that" && wishes) {
      const v = wishBefore(ts, e);
      if (v >= 0) return { stance: "wanted", negated: negatedBefore(ts, v, WISH_CUE), at: v };
    }
    // "that meeting": a demonstrative, whatever the tagger says, when a noun follows it.
    const determiner = t.pos === "DET" || (w === "that" && (ts[e + 1]?.pos === "NOUN" || ts[e + 1]?.pos === "ADJ"));
    if ((STOPS.has(w) && !determiner) || CONDITIONS.has(w)) return null;
    if (w === ",") return null;
    // A verb between a cue and the trigger heads a clause of its own ("wanted to say the meeting …"), unless the
    // trigger is its infinitive or object ("invited him to visit").
    if (t.pos === "VERB" && e !== k - 1 && !(ts[e + 1] && (lowerOf(ts[e + 1]) === "to" || BRIDGE_POS.has(ts[e + 1].pos)))) return null;
    if (!named[e]) gap++;
    if (gap > reach) return null;
    // "that he and Putin hold a summit": a pair of names or pronouns is one phrase.
    const nameLike = (i: number) => !!ts[i] && (named[i] || ts[i].pos === "PRON" || ts[i].pos === "PROPN");
    const pair = w === "and" && nameLike(e - 1) && nameLike(e + 1);
    if (!(BRIDGE_POS.has(t.pos) || BRIDGE_WORDS.has(w) || named[e] || determiner || pair || t.pos === "VERB" || t.pos === "NOUN")) return null;
  }
  return null;
}

const WISHES = new Set(LEX.thatClauseWishes);
const WISH_NOUNS: ReadonlySet<string> = new Set(LEX.thatClauseWishNouns);
const SETTINGS: ReadonlySet<string> = new Set(LEX.undated.nouns);
// Measures of a happening ("a second round of talks", "three hours of talks").
const MEASURES: ReadonlySet<string> = new Set(loadData<{ measures: string[] }>("lexicons/roles.json").measures);
const HOSTING_VERBS: ReadonlySet<string> = new Set(LEX.hostingVerbs);
const WISH_CUE: Cue = { stance: "wanted", slots: [{ words: WISHES, optional: false }], text: "proposed that" };

/**
 * The verb of wishing just before a "that" (past a time phrase: "proposed on Tuesday that"), or a noun of one right
 * before it ("Putin's suggestion that Zelensky travel to Moscow"), else -1.
 */
function wishBefore(ts: Token[], that: number): number {
  if (that > 0 && ts[that - 1].pos === "NOUN" && WISH_NOUNS.has(ts[that - 1].lemma)) return that - 1;
  for (let j = that - 1; j >= 0 && j >= that - 4; j--) {
    if (ts[j].pos === "VERB") return WISHES.has(ts[j].lemma) ? j : -1;
    if (!(ts[j].pos === "ADP" || ts[j].pos === "PROPN" || ts[j].pos === "NOUN" || ts[j].pos === "ADV" || ts[j].pos === "NUM")) return -1;
  }
  return -1;
}

/** True when the trigger's noun phrase is the subject of what follows: it opens its clause. */
/** A determiner or a possessive: "the", "a", "their", "his". */
/** A verb form in -ed, as the tagger gives a past participle ("planned", "agreed"). */
const pastParticiple = (t: Token) => t.pos === "VERB" && /ed$/.test(lowerOf(t));

function determiner(t: Token | undefined): boolean {
  return !!t && (t.pos === "DET" || (t.pos === "PRON" && /^(?:his|her|its|their|our|my|your)$/.test(t.lower)));
}

const CARRIERS: ReadonlySet<string> = new Set(LEX.carriers.nouns);
const CARRIER_PREPOSITIONS: ReadonlySet<string> = new Set(LEX.carriers.prepositions);

function isSubject(ts: Token[], k: number, named: boolean[], depth = 0): boolean {
  let j = k - 1;
  // "the hoped-for meeting", "a long-awaited summit": the words of a hyphened compound belong to the phrase.
  const hyphened = (i: number) => ts[i].lower === "-" || ts[i + 1]?.lower === "-" || (ts[i - 1]?.lower === "-" && ts[i - 1].end === ts[i].start);
  // "A planned signing": so does a participle between a determiner and the noun.
  const participle = (i: number) => pastParticiple(ts[i]) && i > 0 && determiner(ts[i - 1]);
  // "a long and meaningful phone call": adjectives joined by "and" or a comma.
  const coordinated = (i: number) => (ts[i].lower === "and" || ts[i].lower === ",") && ts[i - 1]?.pos === "ADJ" && ts[i + 1]?.pos === "ADJ";
  while (j >= 0 && (coordinated(j) || ts[j].pos === "DET" || ts[j].pos === "ADJ" || ts[j].pos === "NUM" || named[j] || ts[j].pos === "PROPN" || (ts[j].pos === "NOUN" && j < k) || ts[j].lower === "'s" || hyphened(j) || determiner(ts[j]) || participle(j) || (ts[j].pos === "ADV" && determiner(ts[j - 1])) || (ts[j].pos === "ADV" && ts[j + 1]?.pos === "ADJ"))) j--;
  // A quotation opening the phrase ('had "a long meeting scheduled"') belongs to it.
  if (j >= 0 && QUOTE_MARKS.has(ts[j].text) && j > 0 && ts[j - 1].pos !== "PUNCT") j--;
  if (j < 0) return true;
  const w = lowerOf(ts[j]);
  // "Trump's promise of a signing … went unmet": the subject may be a noun that carries the happening.
  if (CARRIER_PREPOSITIONS.has(w) && j > 0 && CARRIERS.has(lowerOf(ts[j - 1])) && depth === 0) return isSubject(ts, j - 1, named, 1);
  // "the reply meant the trip was unlikely": a verb's object that an auxiliary follows opens a clause of its own.
  const clauseAfter = ts[j].pos === "VERB" && ts[k + 1]?.pos === "AUX";
  return STOPS.has(w) || w === "," || w === "that" || ts[j].pos === "SCONJ" || ts[j].pos === "CCONJ" || clauseAfter || (ts[j].pos === "VERB" && ["say", "tell", "add", "note", "insist", "announce", "confirm", "report"].includes(ts[j].lemma));
}

// "his meeting with Lavrov, pencilled in for later this week, …": a participle of scheduling set off by a comma after
// the happening's phrase sets it, as "set for" does before a date.
const APPOSED_SCHEDULE = LEX.apposedSchedule.map((p) => p.split(" "));

function apposedSchedule(inp: StanceInput): Found | null {
  const { ts, k, named } = inp;
  if (ts[k].pos === "VERB") return null;
  let reach = k + PREDICATE_REACH;
  for (let b = k + 1; b < ts.length && b <= reach; b++) {
    if (named[b] && named[b - 1]) reach++;
    const w = lowerOf(ts[b]);
    if (w === ",") {
      const hit = APPOSED_SCHEDULE.find((words) => words.every((x, i) => lowerOf(ts[b + 1 + i] ?? ts[k]) === x));
      return hit ? { stance: "scheduled", negated: false, at: b + 1 } : null;
    }
    if (STOPS.has(w) || ts[b].pos === "VERB" || ts[b].pos === "AUX") return null;
  }
  return null;
}

const INTENTIONS: ReadonlySet<string> = new Set(["plan", "intend"]);
const FIRST_PERSON: ReadonlySet<string> = new Set(["i", "we"]);

/** "a summit 'in principle'": the happening's phrase is followed by "in principle", quotation marks aside. */
function principleAfter(ts: Token[], k: number): boolean {
  let j = k + 1;
  while (j < ts.length && QUOTE_MARKS.has(ts[j].text)) j++;
  return lowerOf(ts[j] ?? ts[k]) === "in" && lowerOf(ts[j + 1] ?? ts[k]) === "principle";
}

/** For a happening named as a subject, the predicate cue that follows its phrase ("the summit was called off"). */
function predicateCue(inp: StanceInput): Found | null {
  const { ts, k, named } = inp;
  // "A planned signing … was scrapped": a gerund after its determiner is a noun.
  const gerund = ts[k].pos === "VERB" && lowerOf(ts[k]).endsWith("ing") && k > 0 && (determiner(ts[k - 1]) || (pastParticiple(ts[k - 1]) && k > 1 && determiner(ts[k - 2])));
  if ((ts[k].pos === "VERB" && !gerund) || !isSubject(ts, k, named)) return null;
  let relativeSkipped = false;
  let reach = k + PREDICATE_REACH;
  for (let b = k + 1; b < ts.length && b <= reach; b++) {
    const w = lowerOf(ts[b]);
    // A name counts once, however many words it has ("the Asia-Pacific Economic Cooperation summit").
    if (named[b] && named[b - 1]) reach++;
    // "the agreement whose signing was scrapped": what follows "whose" is said of its own subject, not of the noun.
    if (w === "whose") return null;
    // "The summit that was to follow was called off": a relative clause is passed over to its end.
    if ((w === "that" || w === "which") && ts[b].pos !== "DET") {
      while (b + 1 < ts.length && !(ts[b].pos === "VERB") && b <= k + PREDICATE_REACH) b++;
      continue;
    }
    if (STOPS.has(w)) return null;
    for (const cue of predicatesAt(w)) {
      const end = matchStartingAt(ts, b, cue);
      if (end < 0) continue;
      const ownNegation = cue.slots.some((s) => [...s.words].some((w) => NEGATORS.has(w) || w.endsWith("n't")));
      const negated = ts.slice(b, end + 1).some((t) => NEGATORS.has(lowerOf(t))) && !ownNegation;
      if (GATHERING_OUTCOMES.has(cue.text) && GATHERINGS.has(inp.type)) return { stance: "occurred", negated: false, at: b, ownNegation: true };
      return { stance: cue.stance, negated, at: b, ownNegation };
    }
    // "The summit itself, agreed in principle on Sunday night …, is now a dead letter": a participial phrase set off by
    // commas is passed over to its closing comma.
    if (w === "," && b <= k + 2 && ts[b + 1] && pastParticiple(ts[b + 1])) {
      const close = ts.findIndex((x, n) => n > b + 1 && n <= b + PREDICATE_REACH + 8 && x.text === ",");
      if (close > 0) {
        reach += close - b;
        b = close;
        relativeSkipped = true;
        continue;
      }
    }
    // "The meeting scheduled for Thursday was called off": a participle right after the noun, with its phrase, is a
    // relative clause without "that"; the predicate follows it.
    if (b === k + 1 && ts[b].pos === "VERB" && /ed$/.test(lowerOf(ts[b])) && ts[b + 1]?.pos === "ADP") {
      relativeSkipped = true;
      continue;
    }
    // The predicate is the first verb group: a cue further on belongs to another clause, unless that group is a
    // relative clause without "that" ("the meeting Zelensky had demanded did not take place").
    if (ts[b].pos === "VERB" && !ts[b].lower.endsWith("ing")) {
      let s = b - 1;
      while (s > k && ts[s].pos === "AUX") s--;
      // The relative clause's subject stands right after the noun: "a meeting with Putin and Zelensky could follow"
      // has its names inside a phrase of its own.
      const rightAfter = ts.slice(k + 1, s + 1).every((t, i) => named[k + 1 + i] || t.pos === "PRON");
      if (s > k && (named[s] || ts[s].pos === "PRON") && rightAfter && !relativeSkipped) {
        relativeSkipped = true;
        continue;
      }
      return null;
    }
  }
  return null;
}

// The predicate cues that may start at a word: those holding it in a required slot or first, and those whose first
// slot may be left out, in the cues' order. A word no cue names gets the last kind only.
const PREDICATES_OPEN = PREDICATES.filter((c) => c.slots[0].optional);
const PREDICATES_AT = new Map<string, Cue[]>();
for (const c of PREDICATES) {
  for (const [i, slot] of c.slots.entries()) {
    if (slot.optional && i > 0) continue;
    for (const w of slot.words) if (!PREDICATES_AT.has(w)) PREDICATES_AT.set(w, PREDICATES.filter((d) => d.slots.some((s) => !s.optional && s.words.has(w)) || d.slots[0].words.has(w) || d.slots[0].optional));
  }
}
const predicatesAt = (w: string): Cue[] => PREDICATES_AT.get(w) ?? PREDICATES_OPEN;

/** A modifier inside the trigger's own noun phrase ("a possible meeting", "the postponed summit"). */
function modifierCue(inp: StanceInput): Found | null {
  const { ts, k } = inp;
  if (ts[k].pos === "VERB") return null;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    if (!(t.pos === "ADJ" || t.pos === "VERB" || t.pos === "DET" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || t.lower === "-")) return null;
    const s = MODIFIERS.get(lowerOf(t));
    // "last-minute talks": the first word of a compound modifies the compound, not the happening.
    if (s && !inHistoryCompound(ts, j) && ts[j + 1]?.lower !== "-") return { stance: s, negated: false, at: j };
  }
  return null;
}

const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$/;
const POINTING_SUBJECTS: ReadonlySet<string> = new Set(["it", "this"]);

/**
 * A noun counted by an ordinal after a possessive or "the" ("his fifth trip", "the second round"), said of what is
 * under way ("It is …", "This is …") or as the frame of it ("on his fifth trip"): the happening is held now. "It would
 * be their first meeting" looks ahead and is not this.
 */
function countedNow(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  let s = k;
  let ordinal = false;
  while (s > 0 && (["ADJ", "NUM", "NOUN", "PROPN", "DET"].includes(ts[s - 1].pos) || determiner(ts[s - 1]) || lowerOf(ts[s - 1]) === "'s" || ORDINAL.test(lowerOf(ts[s - 1])))) {
    if (ORDINAL.test(lowerOf(ts[s - 1]))) ordinal = true;
    s--;
  }
  if (!ordinal || s === 0) return false;
  const before = lowerOf(ts[s - 1]);
  if (before === "on") return true;
  return (before === "is" || before === "was") && s >= 2 && POINTING_SUBJECTS.has(lowerOf(ts[s - 2])) && (s === 2 || STOPS.has(lowerOf(ts[s - 3])) || lowerOf(ts[s - 3]) === ",");
}

/** "had a pretty long meeting scheduled": a participle right after a noun that is no subject tells what it is. */
function participleAfter(inp: StanceInput): Found | null {
  const { ts, k, named } = inp;
  if (ts[k].pos === "VERB" || isSubject(ts, k, named)) return null;
  const next = QUOTE_MARKS.has(ts[k + 1]?.text ?? "") ? k + 2 : k + 1;
  const after = ts[next];
  const s = after && after.pos === "VERB" && /ed$/.test(lowerOf(after)) ? MODIFIERS.get(lowerOf(after)) : undefined;
  return s ? { stance: s, negated: false, at: next } : null;
}

const AFTER_WORDS: string[][] = LEX.cameAfter.phrases.map((p) => p.split(" "));
const AFTER_FIRST: ReadonlySet<string> = new Set(AFTER_WORDS.map((w) => w[0]));
// How many tokens of its own phrase ("several hours of", "President Donald Trump's") may stand between the word of
// sequence and the happening.
const AFTER_REACH = 6;

/** The trigger's phrase follows a word of sequence ("after", "following", "at the end of") and nothing ahead is told. */
function cameAfter(inp: StanceInput): boolean {
  const { ts, k } = inp;
  if (ts[k].pos === "VERB" || timeSide(inp.time, inp.dct) === "after") return false;
  const endsAt = (j: number) => AFTER_WORDS.some((words) => words.every((w, i) => { const t = ts[j - words.length + 1 + i]; return !!t && lowerOf(t) === w; }));
  for (let j = k - 1; j >= 0 && k - j <= AFTER_REACH; j--) {
    if (endsAt(j)) return !aheadInClause(ts, j, k);
    const t = ts[j];
    if (!(determiner(t) || inp.named[j] || ["ADJ", "NUM", "NOUN", "PROPN", "ADV"].includes(t.pos) || ["of", "'s", "-", "than"].includes(lowerOf(t)))) return false;
  }
  return false;
}

/** "will sign after the talks next week", "could meet after the talks": a sequence still ahead in its own clause. */
function aheadInClause(ts: Token[], from: number, to: number): boolean {
  const ahead = (t: Token) => FUTURE_AUX.has(lowerOf(t)) || POSSIBILITY_MODALS.has(lowerOf(t)) || lowerOf(t) === "would";
  const bound = (t: Token) => lowerOf(t) === "," || (STOPS.has(lowerOf(t)) && !AFTER_FIRST.has(lowerOf(t)));
  for (let i = from - 1; i >= 0; i--) {
    // "consequences if Putin did not agree to stop the war after the meeting": a condition is still ahead.
    if (CONDITIONS.has(lowerOf(ts[i]))) return true;
    if (bound(ts[i])) break;
    if (ahead(ts[i])) return true;
  }
  for (let i = to + 1; i < ts.length && !bound(ts[i]); i++) if (ahead(ts[i])) return true;
  return false;
}

const QUESTION_PREDICATES: ReadonlySet<string> = new Set(LEX.questionPredicates.words);
const SETTING: ReadonlySet<string> = new Set(LEX.settingVerbs.lemmas);
/**
 * The trigger is the present-tense verb of a "when" or "once" clause ("when they meet on Thursday"), and the clause
 * is not an open question put by the word before it ("did not say when they meet", "unclear when"); after other words
 * it is a clause of time ("will be discussed when Lavrov visits").
 */
function presupposedWhen(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "VERB" || /(?:ed|en)$/.test(lowerOf(ts[k]))) return false;
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    const w = lowerOf(ts[j]);
    if (w === "when" || w === "once") {
      const before = ts[j - 1];
      if (!before) return true;
      if (before.pos === "AUX") return false;
      return !["VERB", "ADJ", "PART"].includes(before.pos) || !(QUESTION_PREDICATES.has(lowerOf(before)) || QUESTION_PREDICATES.has(before.lemma));
    }
    if (w === "," || STOPS.has(w) || ts[j].pos === "VERB" || ts[j].pos === "AUX") return false;
  }
  return false;
}

const PAST_AUXILIARIES: ReadonlySet<string> = new Set(["was", "were", "had", "did"]);
const TIME_CLAUSES: ReadonlySet<string> = new Set(["after", "once", "when", "before", "until", "if", "unless"]);

/** A verb form that is not past: "takes place", "begins", not "took place", "was held", "broke down". */
function presentForm(t: Token): boolean {
  const w = lowerOf(t);
  if (PAST_FORMS.has(w) || PAST_AUXILIARIES.has(w) || /ed$/.test(w)) return false;
  return w === t.lemma || w.endsWith("s") || w.endsWith("ing");
}

/** The trigger's phrase opens a clause of time or condition: "after that meeting …", "once the talks …". */
function subordinateSubject(ts: Token[], k: number): boolean {
  let start = phraseStart(ts, k);
  if (lowerOf(ts[start - 1] ?? ts[k]) === "that" && start > 0) start--;
  return start > 0 && TIME_CLAUSES.has(lowerOf(ts[start - 1]));
}

/** A negated cue turns round: "does not want" refuses, "has not ruled out" leaves it open, "did not cancel" keeps it. */
function turned(found: Found): CueStance {
  if (!found.negated) return found.stance;
  switch (found.stance) {
    case "wanted":
      return "refused";
    case "refused":
    case "called_off":
      return "discussed";
    case "discussed":
    case "scheduled":
      return "unplanned";
    case "failed":
      return "occurred";
    case "occurred":
      return "failed";
    default:
      return found.stance;
  }
}

type Tense = "past" | "present" | "future" | "none";

/** The verb group that carries a trigger's tense: its own for a verb, else the clause's verb before or after it. */
interface Group {
  /** Position of the group's head verb, or -1 when none was found. */
  verb: number;
  tense: Tense;
  /** A modal of possibility in the group ("could", "may", "might", "can", "should"), or null. */
  modal: string | null;
  /** "would": a future in reported speech, a hypothesis otherwise. */
  would: boolean;
  /** A present perfect ("has not been scheduled", "have not met"): what has not happened so far may still. */
  perfect?: boolean;
}

const POSSIBILITY_MODALS = new Set(["could", "may", "might", "can", "should", "ca"]);

function headVerb(ts: Token[], k: number, subject: boolean): number {
  if (ts[k].pos === "VERB") return k;
  // A happening named as the subject takes the tense of its predicate ("the talks would take place"); one named as an
  // object or after a preposition, that of the verb before it ("held talks", "after the talks").
  if (!subject) {
    // The verb whose object the noun's phrase is, straight before it or through one preposition ("held talks",
    // "arrived for the talks"); a noun hanging on another noun takes no verb's tense ("his position on a meeting").
    let j = k - 1;
    // "their only summit": an adverb after a determiner belongs to the phrase.
    // 'held a "long and meaningful" phone call': quoted and coordinated adjectives too.
    const inPhrase = (i: number) =>
      ts[i].pos === "ADJ" || ts[i].pos === "NUM" || ts[i].pos === "PROPN" || lowerOf(ts[i]) === "'s" || ts[i].lower === "-" || determiner(ts[i]) || (ts[i].pos === "ADV" && determiner(ts[i - 1])) ||
      (ts[i].pos === "NOUN" && ts[i + 1]?.pos === "NOUN" && i + 1 <= k) || QUOTE_MARKS.has(ts[i].text) || ((ts[i].lower === "and" || ts[i].lower === ",") && ts[i - 1]?.pos === "ADJ" && ts[i + 1]?.pos === "ADJ");
    while (j >= 0 && inPhrase(j)) j--;
    const through = j >= 0 && (ts[j].pos === "ADP" || ts[j].pos === "PART") && !STOPS.has(lowerOf(ts[j]));
    if (through) j--;
    while (j >= 0 && ts[j].pos === "ADV") j--;
    // "declined to comment on the talks", "was asked about a summit": a happening talked about takes no tense.
    if (through && j >= 0 && TALKED_ABOUT.has(ts[j].lemma)) return -1;
    // "During the call, Biden urged …", "After the talks, Lavrov said …": a fronted phrase takes the main clause's tense.
    if (through && j < 0) {
      const comma = ts.findIndex((t, i) => i > k && t.lower === ",");
      if (comma > 0 && comma - k <= PREDICATE_REACH) for (let i = comma + 1; i < ts.length && i <= comma + 8; i++) if (ts[i].pos === "VERB" || ts[i].pos === "AUX") return i;
      return -1;
    }
    return j >= 0 && (ts[j].pos === "VERB" || ts[j].pos === "AUX") ? j : -1;
  }
  let commas = 0;
  for (let j = k + 1; j < ts.length && j <= k + PREDICATE_REACH; j++) {
    const w = lowerOf(ts[j]);
    // "The meeting, on the margins of the summit, will be their first": a parenthetical is passed over.
    if (w === "," && subject && commas++ < 2) continue;
    // "their only meeting as presidents so far was …": a preposition opens no clause.
    if (STOPS.has(w) && w !== "that" && !(ts[j].pos === "ADP" && ts[j + 1] && ts[j + 1].pos !== "PRON" && ts[j + 1].pos !== "DET" && ts[j + 1].pos !== "PROPN")) break;
    if (w === ",") break;
    if (ts[j].pos === "VERB" || ts[j].pos === "AUX") {
      // The group's head is its last verb: "would be", "has been held".
      let h = j;
      while (h + 1 < ts.length && (ts[h + 1].pos === "VERB" || ts[h + 1].pos === "AUX" || ts[h + 1].pos === "PART" || ts[h + 1].pos === "ADV") && h - j < 4) h++;
      while (h > j && ts[h].pos !== "VERB" && ts[h].pos !== "AUX") h--;
      return h;
    }
  }
  return -1;
}

function groupAt(ts: Token[], k: number, named: boolean[]): Group {
  const v = headVerb(ts, k, ts[k].pos !== "VERB" && isSubject(ts, k, named));
  if (v < 0) return { verb: -1, tense: "none", modal: null, would: false };
  // "Kim would meet Putin and hold talks": a bare verb coordinated with one before it shares that one's auxiliaries.
  if (v > 0 && (ts[v - 1].pos === "CCONJ" || ts[v - 1].lower === "and")) {
    for (let j = v - 2; j >= 0 && j >= v - 10; j--) {
      if (STOPS.has(lowerOf(ts[j]))) break;
      if (ts[j].pos === "VERB") return groupAt(ts, j, named);
    }
  }
  let modal: string | null = null;
  let would = false;
  let perfect = false;
  let tense: Tense | null = null;
  for (let j = v; j >= 0 && j >= v - 4; j--) {
    const w = lowerOf(ts[j]);
    if (j < v && !(ts[j].pos === "AUX" || ts[j].pos === "ADV" || ts[j].pos === "PART" || ts[j].pos === "VERB" && ts[j + 1]?.lower === "to" || w === "to")) break;
    if (POSSIBILITY_MODALS.has(w) && ts[j].pos === "AUX") modal ??= w;
    if (w === "would" || w === "'d") would = true;
    if (FUTURE_AUX.has(w)) tense ??= "future";
    if (FUTURE_PHRASES.some((p) => p.every((x, i) => ts[j + i] !== undefined && lowerOf(ts[j + i]) === x) && j + p.length - 1 <= v)) tense ??= "future";
    if (ts[j].pos === "AUX" && ["was", "were", "had", "did", "has", "have"].includes(w)) tense ??= "past";
    if (ts[j].pos === "AUX" && (w === "has" || w === "have" || w === "'ve")) perfect = true;
  }
  const h = ts[v];
  // "…, the Russian leader said, crowning his first visit": a bare participle takes the tense of the clause it hangs on.
  if (!tense && h.lower.endsWith("ing") && (v === 0 || ts[v - 1].pos !== "AUX")) {
    for (let j = v - 1; j >= 0 && j >= v - 20; j--) {
      if (ts[j].pos === "VERB" && !ts[j].lower.endsWith("ing")) return { ...groupAt(ts, j, named), verb: v };
    }
  }
  // "would be organised within two weeks": a "would" before a participle looks ahead like its bare verb does.
  if (!tense) tense = would ? "future" : h.pos === "VERB" && h.lower !== h.lemma && !h.lower.endsWith("ing") && !h.lower.endsWith("s") ? "past" : "present";
  return { verb: v, tense, modal, would, perfect };
}
/** Where the happening's own time lies against the document date, when it can be told. */
function timeSide(time: string | null, dct: string | null): "before" | "after" | null {
  if (!dct) return null;
  if (time === "PAST_REF") return "before";
  if (time === "FUTURE_REF") return "after";
  const r = dayRange(time);
  if (!r) return null;
  if (r.to < dct) return "before";
  if (r.from > dct) return "after";
  return null;
}

/** A definite date, week or month: the happening is set for it. */
function datedAhead(time: string | null, dct: string | null): boolean {
  const r = dayRange(time);
  return !!r && !!dct && r.from >= dct && daysWide(r) <= 31;
}

/** A definite date, week or month not yet gone by ("when Lavrov visits Pyongyang this month"). */
function datedFrom(time: string | null, dct: string | null): boolean {
  const r = dayRange(time);
  return !!r && !!dct && r.to >= dct && daysWide(r) <= 31;
}

function daysWide(r: { from: string; to: string }): number {
  return (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000;
}

/** The stance of one mention (see the file's head for the order of the rules). */
export function readStance(inp: StanceInput): Stance {
  return readStanceOf(inp).stance;
}

/**
 * The stance of one mention, and whether it was left at "discussed" only for want of anything to go on: a definite
 * noun with no cue and no tense of its own ("the meeting", "their talks", "Thursday's session"), whose stage is that
 * of the happening it refers back to.
 */
export function readStanceOf(inp: StanceInput): { stance: Stance; bare: boolean; pastOnly?: boolean } {
  const told = stanceOf(inp);
  // "The Kremlin described the trip as a friendly state visit": a happening's noun told held only by the past of the
  // clause it stands in; the article may tell it still ahead.
  if (told === "pastOnly") return { stance: "occurred", bare: false, pastOnly: true };
  // "Netanyahu could be invited to Washington", "an invitation could come after Passover": an offer only possible is
  // talked of, not made.
  const read = told === "wanted" && offerOnlyPossible(inp) ? "discussed" : told;
  // "Putin proposed that Russia and Ukraine resume direct negotiations": a happening in what a party proposes is one
  // it wants, whether the clause tells it as set or only talked of.
  const proposed = inp.byParty && inp.cue !== null && PROPOSING_CUES.has(inp.cue.toLowerCase()) && (read === "scheduled" || read === "discussed" || read === "bare");
  const stance = proposed ? "wanted" : read;
  // "If Zelensky is ready, let him come to Moscow, and the meeting will take place": what hangs on a condition put
  // before it is only possible, however firmly it is told.
  if (stance === "scheduled" && afterCondition(inp.ts, inp.k)) return { stance: "discussed", bare: false };
  // "The sixth round, which had been scheduled for Sunday, will not take place": a plan told as set that will not now
  // happen is called off.
  if (stance === "unplanned" && wasSet(inp.ts, inp.k)) return { stance: "called_off", bare: false };
  // "while the president expects to see Xi, nothing has been confirmed": a clause leaving everything open makes a
  // happening told as set, or told nothing of, only discussed (and it takes no stage from elsewhere in the article).
  if ((stance === "scheduled" || stance === "bare") && clausesOf(inp.ts).unsettled) return { stance: "discussed", bare: false };
  // 'Putin would not attend the summit "by mutual agreement"': an absence or a plan denied, agreed between the
  // parties, is a plan called off.
  if ((stance === "unplanned" || stance === "refused" || stance === "failed") && clausesOf(inp.ts).agreedOff) return { stance: "called_off", bare: false };
  if (stance !== "bare") return { stance, bare: false };
  return { stance: "discussed", bare: definitePhrase(inp.ts, inp.k) };
}

const AGREED_OFF = new RegExp(`(?:^| )(?:${LEX.agreedOff.map(esc).join("|")})(?= |$)`);
const UNSETTLED = new RegExp(`(?:^| )(?:${LEX.unsettledClauses.map(esc).join("|")})(?= |$)`);
// Whether a sentence holds a clause leaving everything open, and one agreeing a happening away: kept for its tokens,
// as every trigger of the sentence asks.
const CLAUSES = new WeakMap<Token[], { unsettled: boolean; agreedOff: boolean }>();

function clausesOf(ts: Token[]): { unsettled: boolean; agreedOff: boolean } {
  let clauses = CLAUSES.get(ts);
  if (!clauses) {
    const sentence = ts.map((t) => t.lower).join(" ");
    CLAUSES.set(ts, (clauses = { unsettled: UNSETTLED.test(sentence), agreedOff: AGREED_OFF.test(sentence) }));
  }
  return clauses;
}

const SET_PARTICIPLES: ReadonlySet<string> = new Set(["scheduled", "planned", "set", "slated", "due"]);
// How far after a happening's noun a relative clause telling it set may stand.
const SET_REACH = 6;

/** A relative clause right after the happening's noun tells it was set ("the round of talks, which had been scheduled for Sunday"). */
function wasSet(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  let j = k + 1;
  // "the sixth round of talks, which …"
  if (lowerOf(ts[j] ?? ts[k]) === "of" && ts[j + 1]?.pos === "NOUN") j += 2;
  if (lowerOf(ts[j] ?? ts[k]) === ",") j++;
  if (!["which", "that"].includes(lowerOf(ts[j] ?? ts[k]))) return false;
  for (let i = j + 1; i < ts.length && i <= j + SET_REACH; i++) {
    const w = lowerOf(ts[i]);
    if (SET_PARTICIPLES.has(w)) return ["been", "was", "were", "had"].includes(lowerOf(ts[i - 1]));
    if (!(ts[i].pos === "AUX" || ts[i].pos === "ADV")) return false;
  }
  return false;
}

/** "the meeting", "their talks", "Putin's visit", "Thursday's session", and no word marking another one ("the next summit"). */
function definitePhrase(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = ts[j];
    const w = lowerOf(t);
    if (FRESH.has(w)) return false;
    if (w === "the" || w === "this" || w === "that" || w === "'s" || determiner(t) && t.pos === "PRON") return true;
    if (!(t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || t.pos === "ADV" || w === "-")) return false;
  }
  return false;
}

/** A party's offer ("invite", "invitation", "offer") that a "could", "may" or "might" of its own clause only allows for. */
function offerOnlyPossible(inp: StanceInput): boolean {
  const { ts, k } = inp;
  const offer = SELF_NOUNS.get(lowerOf(ts[k])) === "wanted" || SELF_NOUNS.get(ts[k].lemma) === "wanted" || ts[k].lemma === "invite";
  if (!offer) return false;
  const modal = groupAt(ts, k, inp.named).modal;
  return modal === "could" || modal === "may" || modal === "might";
}

/** The stance, or "bare" when nothing in the sentence tells one and the mention is only talked about. */
/** A happening a verb of judging takes as its object, followed by the judgement ("called the meeting a missed opportunity"). */
const JUDGED_AHEAD: ReadonlySet<string> = new Set(LEX.judgedAhead.words);
// How far after the happening its description is read for words that tell it still ahead.
const JUDGED_REACH = 8;

function judged(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  let j = k - 1;
  while (j >= 0 && (determiner(ts[j]) || ts[j].pos === "ADJ" || ts[j].lower === "-" || ts[j].pos === "NOUN" || QUOTE_MARKS.has(ts[j].text) || (ts[j].pos === "ADV" && ts[j + 1]?.pos === "ADJ"))) j--;
  // "called it a good meeting": the happening named as what "it" is judged to be.
  const complement = j >= 1 && j < k - 1 && ["it", "them", "this", "that"].includes(lowerOf(ts[j])) && ts[j - 1].pos === "VERB" && JUDGING.has(ts[j - 1].lemma);
  if (complement) {
    for (let i = j - 2; i >= 0 && i >= j - 4; i--) if (FUTURE_AUX.has(lowerOf(ts[i])) || POSSIBILITY_MODALS.has(lowerOf(ts[i]))) return false;
    return ts.slice(j + 1, k).some((t) => t.pos === "ADJ");
  }
  // "described the encounter as 'a very meaningful meeting'": the happening named as what another is judged to be.
  if (j >= 1 && lowerOf(ts[j]) === "as") {
    for (let i = j - 1; i >= 0 && j - i <= 6; i--) {
      if (ts[i].pos === "VERB") return JUDGING.has(ts[i].lemma) && !ts.slice(Math.max(0, i - 3), i).some((t) => FUTURE_AUX.has(lowerOf(t)) || POSSIBILITY_MODALS.has(lowerOf(t))) && !ts.slice(j + 1, k + 1 + JUDGED_REACH).some((t) => JUDGED_AHEAD.has(t.lemma) || JUDGED_AHEAD.has(lowerOf(t)));
      if (STOPS.has(lowerOf(ts[i])) || lowerOf(ts[i]) === ",") return false;
    }
    return false;
  }
  if (j < 0 || j === k - 1 || ts[j].pos !== "VERB" || !JUDGING.has(ts[j].lemma)) return false;
  // A judgement of what is still ahead ("would call the summit a success") tells nothing held.
  for (let i = j - 1; i >= 0 && i >= j - 3; i--) if (FUTURE_AUX.has(lowerOf(ts[i])) || POSSIBILITY_MODALS.has(lowerOf(ts[i]))) return false;
  const next = ts.slice(k + 1, k + 4).filter((t) => !QUOTE_MARKS.has(t.text));
  // "describing the trip as part of more long-term plans": described as still ahead, not judged as held.
  if (ts.slice(k + 1, k + 1 + JUDGED_REACH).some((t) => JUDGED_AHEAD.has(t.lemma) || JUDGED_AHEAD.has(lowerOf(t)))) return false;
  return next.length > 0 && (next[0].lower === "as" || next[0].pos === "ADJ" || next[0].pos === "ADV" || next[0].lower === "a" || next[0].lower === "an");
}

/**
 * True when the sentence leaves the happening an open question: it stands in a "whether" clause, in a direct
 * question, or in what a source does not say or confirm ("has yet to confirm that Xi will come", "declined to
 * comment on the talks").
 */
function openQuestion(ts: Token[], k: number): boolean {
  const last = ts[ts.length - 1];
  if (last && last.lower === "?" && !ts.some((t) => QUOTE_MARKS.has(t.text))) return true;
  let that = false;
  let nouns = 0;
  for (let j = k - 1; j >= 0; j--) {
    const w = lowerOf(ts[j]);
    if (w === ";" || w === ":" || w === "." || w === "but") return false;
    // "asked whether they would meet": the question put is open unless a set reply answers it (see answerTo).
    if (QUESTION_CLAUSE.has(w)) return true;
    // "would not say where the talks will be held": the happening itself is taken for granted.
    if (WH_WORDS.has(w) || (ts[j].pos === "PRON" && (w === "who" || w === "which"))) return false;
    if (w === "that") {
      that = true;
      nouns = 0;
      continue;
    }
    if (ts[j].pos === "NOUN") nouns++;
    // The nearest verb of saying before it, negated just before it, with the happening its object or inside its
    // "that" clause ("declined to comment on the talks", "has yet to confirm that Xi will come"), not hanging on a
    // noun of its own ("declined to comment on a report that Kim may travel").
    if (ts[j].pos === "VERB" && UNSAID_VERBS.has(ts[j].lemma)) {
      if (nouns > 0 || (!that && j < k - 1 && ts.slice(j + 1, k).some((t) => t.pos === "NOUN"))) return false;
      return negatedWithin(ts, j);
    }
  }
  return false;
}

/**
 * True when the noun at k is what a journey made or under way is for: "arrived … for talks", "reached Istanbul in the
 * morning for the talks", after the verb's adjuncts. One only planned ("will travel to X for talks") is left to its
 * own cues.
 */
function purposeOfJourney(ts: Token[], k: number): boolean {
  const f = forBefore(ts, k);
  if (f < 0) return false;
  const b = goingVerbBefore(ts, f - 1, f);
  if (b < 0 || !/(?:ed|ew|ent|ame|ing)$/.test(lowerOf(ts[b]))) return false;
  // "would arrive for talks", "will fly in for the summit": still a plan.
  for (let a = b - 1; a >= 0 && a >= b - 3; a--) if (FUTURE_AUX.has(lowerOf(ts[a])) || POSSIBILITY_MODALS.has(lowerOf(ts[a])) || lowerOf(ts[a]) === "would") return false;
  return true;
}

/** The "for" that opens the phrase of the noun at k ("for the talks", "for a summit"), else -1. */
function forBefore(ts: Token[], k: number): number {
  if (ts[k].pos === "VERB") return -1;
  let f = k - 1;
  while (f >= 0 && (determiner(ts[f]) || ts[f].pos === "ADJ" || ts[f].pos === "PROPN" || ts[f].pos === "NOUN" || ts[f].lower === "-")) f--;
  return f >= 0 && lowerOf(ts[f]) === "for" ? f : -1;
}

/**
 * The trigger is the alternative passed over ("instead of hosting him", "rather than a summit", "Instead of Netanyahu
 * flying to Washington"): "ahead" when its sentence looks ahead, "past" when it tells what was done instead; else null.
 */
function insteadOf(ts: Token[], k: number): "ahead" | "past" | null {
  let j = k - 1;
  // Over the alternative's own subject or determiner: "instead of Netanyahu flying", "rather than a summit".
  while (j >= 0 && k - j <= 4 && (ts[j].pos === "PROPN" || determiner(ts[j]) || ts[j].pos === "ADJ")) j--;
  const opens = (lowerOf(ts[j] ?? ts[k]) === "of" && lowerOf(ts[j - 1] ?? ts[k]) === "instead") || (lowerOf(ts[j] ?? ts[k]) === "than" && lowerOf(ts[j - 1] ?? ts[k]) === "rather");
  if (!opens || j < 0) return null;
  if (!(ts[k].pos === "NOUN" || lowerOf(ts[k]).endsWith("ing"))) return null;
  return ts.some((t) => FUTURE_AUX.has(lowerOf(t)) || lowerOf(t) === "would") ? "ahead" : ts.some((t, i) => i !== k && t.pos === "VERB" && /ed$|ew$|ent$|ame$/.test(lowerOf(t))) ? "past" : "ahead";
}

const GATHERING_VERBS: ReadonlySet<string> = new Set(["meet", "sit", "gather"]);
const ADJUNCT_TAGS: ReadonlySet<string> = new Set(["ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV", "PART", "PUNCT"]);
/**
 * True when the noun at k is what people who met were together for: "met Wednesday at Russia's most modern space
 * launch centre for a summit", "sat down in the library for talks". The meeting told as held is that happening.
 */
function metFor(ts: Token[], k: number): boolean {
  const f = forBefore(ts, k);
  if (f < 0) return false;
  for (let b = f - 1; b >= 0 && f - b <= 2 * PURPOSE_REACH; b--) {
    const x = ts[b];
    // "the space launch centre": a verb the tagger found inside a compound noun is part of the adjunct.
    const inCompound = x.pos === "VERB" && ts[b - 1]?.pos === "NOUN" && ts[b + 1]?.pos === "NOUN";
    if (x.pos === "VERB" && !inCompound) return GATHERING_VERBS.has(x.lemma) && ["met", "sat", "gathered"].includes(lowerOf(x)) && !ts.slice(Math.max(0, b - 3), b).some((t) => FUTURE_AUX.has(lowerOf(t)) || POSSIBILITY_MODALS.has(lowerOf(t)) || lowerOf(t) === "would");
    if (!(ADJUNCT_TAGS.has(x.pos) || inCompound) || STOPS.has(lowerOf(x))) return false;
  }
  return false;
}

const DONE_IN_COMPLEMENTS: ReadonlySet<string> = new Set(LEX.doneIn.complementWords);
const OWNERS = /^(?:his|her|their|its|the)$/;
// How far before "in" the verb whose act was done in the happening may stand (over its object or an aside's comma).
const DONE_IN_REACH = 6;
/**
 * "Biden raised the issue in his call with Netanyahu", "Putin had agreed, in his call with Trump, to meet Zelensky":
 * a meeting or call that a past act of its clause was done in took place. The happening's own phrase, opened by a
 * possessive or "the", follows "in" or "during" after the verb, over its object or a comma; the verb is told in the
 * past, for certain.
 */
function doneIn(inp: StanceInput): boolean {
  const { ts, k } = inp;
  if (ts[k].pos === "VERB" || !HAPPENING_TYPES.has(inp.type)) return false;
  const start = phraseStart(ts, k);
  const p = start - 1;
  if (p < 1 || !HELD_IN.has(lowerOf(ts[p])) || !(OWNERS.test(lowerOf(ts[start])) || ts.slice(start, k).some((t) => lowerOf(t) === "'s"))) return false;
  if (ts[p - 1].pos === "ADJ" || DONE_IN_COMPLEMENTS.has(lowerOf(ts[p - 1]))) return false;
  for (let j = p - 1; j >= 0 && p - j <= DONE_IN_REACH; j--) {
    const t = ts[j];
    if (t.pos === "VERB") {
      if (t.lemma === "be" || inp.factualityAt(j) !== "CT+") return false;
      const g = groupAt(ts, j, inp.named);
      return g.tense === "past" && !g.modal && !g.would;
    }
    // "planned a meeting during his visit": the phrase may hang on a happening the verb takes, not on the verb.
    const happening = t.pos === "NOUN" && HAPPENING_TYPES.has(TRIGGERS.get(t.lemma)?.type ?? "");
    if (t.pos === "AUX" || (STOPS.has(lowerOf(t)) && t.pos !== "ADP") || QUOTE_MARKS.has(t.text) || happening) return false;
  }
  return false;
}

/** True when the trigger stands in a clause of condition ("if", "unless"; a "whether" clause is a question, not a supposition): the word opens it with no comma between. */
function insideCondition(ts: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const w = lowerOf(ts[j]);
    if (w === "," || w === ";" || w === ":" || QUOTE_MARKS.has(ts[j].text)) return false;
    if (CONDITIONS.has(w) && !QUESTION_CLAUSE.has(w)) return true;
  }
  return false;
}

/**
 * The trigger stands in an "until" clause after a negated one: a wish ("nothing will happen until he and Putin get
 * together"), or an expectation ("did not expect a breakthrough until Trump and Putin met"); else null.
 */
function awaitedByNothing(ts: Token[], k: number): "wish" | "expectation" | null {
  let until = -1;
  for (let j = k - 1; j >= 0 && k - j <= 8 && until < 0; j--) {
    const w = lowerOf(ts[j]);
    if (w === "until" || w === "till") until = j;
    else if (STOPS.has(w) || w === "," || QUOTE_MARKS.has(ts[j].text)) return null;
  }
  let expectation = false;
  for (let j = until - 1; j >= 0 && until - j <= 8; j--) {
    const w = lowerOf(ts[j]);
    if (w === "," || w === ";" || QUOTE_MARKS.has(ts[j].text)) return null;
    if (ts[j].lemma === "expect") expectation = true;
    if (NEGATORS.has(w) || w === "nothing" || w.endsWith("n't")) return expectation ? "expectation" : "wish";
  }
  return null;
}

/**
 * The trigger stands in the main clause of a condition put before it in its sentence ("if X, Y will …"): an "if" or
 * "unless" opening its clause, which a comma closes before the trigger. "Even if", "as if" and "asked if" open no
 * such clause.
 */
function afterCondition(ts: Token[], k: number): boolean {
  let comma = -1;
  for (let j = k - 1; j >= 0; j--) {
    const w = lowerOf(ts[j]);
    if (w === ";" || w === ":" || QUOTE_MARKS.has(ts[j].text)) return false;
    if (w === "," && comma < 0) comma = j;
    if (CONDITIONS.has(w) && !QUESTION_CLAUSE.has(w)) {
      // Only a condition that opens its clause ("If X, …", "…, if X, …") is put before what follows it.
      const before = j > 0 ? lowerOf(ts[j - 1]) : null;
      const opens = before === null || before === "," || before === "and" || before === "but" || before === "that" || QUOTE_MARKS.has(ts[j - 1].text);
      return opens && comma > j;
    }
  }
  return false;
}

const ANSWERS: Array<[string, Stance]> = Object.entries(LEX.answers.phrases).flatMap(([st, ps]) => ps.map((p) => [` ${p} `, st as Stance] as [string, Stance]));
const ASKING: ReadonlySet<string> = new Set(LEX.answers.asking);

/**
 * "Asked whether the president might fly in later, Peskov said there were no such plans": a happening in the question
 * put takes the stance of the answer that follows it, when the answer is one of the set replies.
 */
function answerTo(ts: Token[], k: number): Stance | null {
  let asked = -1;
  for (let j = k - 1; j >= 0 && j >= k - 15; j--) {
    if (ASKING.has(ts[j].lemma) || ASKING.has(lowerOf(ts[j]))) {
      asked = j;
      break;
    }
    if (lowerOf(ts[j]) === "," || lowerOf(ts[j]) === ";") return null;
  }
  if (asked < 0) return null;
  // "'That is certainly not in the plans,' Psaki said when asked whether a meeting could still happen": the answer
  // told before the question.
  const answered = (words: Token[]) => {
    const said = ` ${words.map((t) => lowerOf(t)).join(" ")} `.replace(/ n't /g, " not ");
    for (const [p, st] of ANSWERS) if (said.includes(p)) return st;
    return null;
  };
  if (asked > 0 && lowerOf(ts[asked - 1]) === "when") return answered(ts.slice(0, asked - 1));
  const comma = ts.findIndex((t, i) => i > k && lowerOf(t) === ",");
  if (comma < 0) return null;
  return answered(ts.slice(comma + 1));
}

const WH_WORDS: ReadonlySet<string> = new Set(["where", "when", "what", "how", "why"]);
const JUDGING: ReadonlySet<string> = new Set(LEX.judging);

function negatedWithin(ts: Token[], j: number): boolean {
  for (let i = j - 1; i >= 0 && i >= j - 4; i--) {
    if (UNSAID_NEGATORS.has(lowerOf(ts[i])) || UNSAID_NEGATORS.has(ts[i].lemma)) return true;
    if (ts[i].pos === "NOUN" || ts[i].pos === "PROPN" || lowerOf(ts[i]) === ",") break;
  }
  return false;
}

function stanceOf(inp: StanceInput): Stance | "bare" | "pastOnly" {
  const answer = answerTo(inp.ts, inp.k);
  if (answer) return answer;
  if (openQuestion(inp.ts, inp.k)) return "unknown";
  // "If Putin does make the trip and the two presidents meet, it would be their first encounter": what a condition
  // supposes is only possible.
  if (insideCondition(inp.ts, inp.k)) return "discussed";
  // "nothing will happen until Putin and I get together": what nothing waits on, as a party tells it, is wished for;
  // "did not expect a breakthrough until Trump and Putin met": what an expectation waits on is only talked of.
  const awaited = awaitedByNothing(inp.ts, inp.k);
  if (awaited) return awaited === "wish" && inp.byParty ? "wanted" : "discussed";
  // "Zelensky arrived in the Turkish capital on Thursday for talks with Erdogan": what a journey made is for is set.
  if (purposeOfJourney(inp.ts, inp.k)) return "scheduled";
  if (metFor(inp.ts, inp.k) || doneIn(inp)) return "occurred";
  // "will see the Israeli leader in New York instead of hosting him in Washington": the alternative passed over is
  // refused by a party who says so, else not planned; told of the past, it did not happen.
  const passedOver = insteadOf(inp.ts, inp.k);
  if (passedOver) return passedOver === "past" ? "failed" : inp.byParty ? "refused" : "unplanned";
  if (undated(inp.ts, inp.k) || openSetting(inp.ts, inp.k)) return "unplanned";
  // "Blinken called that meeting off the next day": a phrasal verb split by its object.
  if (calledOff(inp.ts, inp.k)) return "called_off";
  // "Putin called the conversation very useful", "described the talks as constructive": judged, so held.
  if (judged(inp.ts, inp.k)) return "occurred";
  // "their first encounter since a summit in Paris", "since the Feb. 28 meeting": what is counted from took place.
  if (inp.ts[inp.k].pos !== "VERB" && !SELF_NOUNS.has(inp.ts[inp.k].lemma) && lowerOf(inp.ts[phraseStart(inp.ts, inp.k) - 1] ?? inp.ts[inp.k]) === "since") return "occurred";
  // "It is Herzog's second visit to the White House", "on his fifth trip to Russia this year": the happening counted
  // as the one now under way is held.
  if (countedNow(inp.ts, inp.k)) return "occurred";
  // "had a meeting scheduled": the participle, not the verb that only holds the happening, tells its stance.
  const after = participleAfter(inp);
  const held = governingCue(inp);
  const governing = after && (!held || held.stance === "occurred") ? null : held;
  const described = governing ? null : (after ?? predicateCue(inp) ?? modifierCue(inp) ?? apposedSchedule(inp));
  // "after several hours of meetings", "at the end of two days of talks", "days after his clash with …": what a
  // clause is told to come after took place, unless the sentence is still ahead of it.
  if (!governing && !described && inp.factuality === "CT+" && cameAfter(inp)) return "occurred";
  // A negated happening ("no hurry to fix a date for a first summit") is never told as held or set by how it is
  // described: its own negation decides.
  const weak = !!described && !described.ownNegation && inp.factuality.endsWith("-") && (described.stance === "occurred" || described.stance === "scheduled");
  // "No meeting has been announced", "a visit has not been scheduled": a plan denied is no plan, not a failure; so is
  // one denied to be talked of ("no meeting … was in the works").
  if (!governing && weak && described!.stance === "scheduled") return "unplanned";
  if (!governing && described && !described.ownNegation && inp.factuality.endsWith("-") && described.stance === "discussed" && noBefore(inp.ts, inp.k)) return "unplanned";
  // "announced the Russian leader would not travel": a cue that sets or tells held says nothing against the
  // trigger's own negation, which then decides.
  const overruled = !!governing && !governing.negated && (governing.stance === "scheduled" || governing.stance === "occurred") && inp.factuality.endsWith("-") && inp.ts.slice(governing.at + 1, inp.k).some((t) => NEGATORS.has(lowerOf(t)));
  const cue = (overruled ? null : governing) ?? (weak ? null : described) ?? selfCue(inp);
  const f = inp.factuality;
  const group = groupAt(inp.ts, inp.k, inp.named);
  // "He described the trip", "mentioned the talks": a verb that only talks of or plans its object lends it no tense.
  // "have spoken of a visit", "asked about a summit": so does one whose phrase hangs on it by a preposition.
  const talkedOf = (inp.ts[inp.k].pos !== "VERB" && group.verb >= 0 && group.verb < inp.k && (UNTELLING.has(inp.ts[group.verb].lemma) || TALKED_ABOUT.has(inp.ts[group.verb].lemma)) &&
    inp.ts.slice(group.verb + 1, inp.k).every((t) => determiner(t) || ["ADJ", "NOUN", "PROPN", "NUM"].includes(t.pos) || t.lower === "-")) || talkedThrough(inp.ts, inp.k);
  const tense = talkedOf ? "none" : group.tense;
  const side = timeSide(inp.time, inp.dct);
  // "have since spoken of a visit in the spring": a verb told in the past is not moved ahead by a time its object took.
  const ahead = (side === "after" && !(inp.ts[inp.k].pos === "VERB" && tense === "past" && talkedOfObject(inp.ts, inp.k))) || tense === "future";
  if (cue) {
    // "neither government has confirmed a meeting": not yet set is still open.
    const open = cue.negated && OPEN_WHEN_NEGATED.has(inp.ts[cue.at].lemma);
    const s = open || (PARTY_CUES.has(cue.stance) && !cue.negated && agentIsOutsider(inp, cue.at)) ? "discussed" : turned(cue);
    // "both presidents had accepted a summit 'in principle'": agreed only in principle after its object, as before
    // it ("accepted in principle a summit"), is wished for, not set.
    if (s === "scheduled" && cue === governing && principleAfter(inp.ts, inp.k)) return "wanted";
    // '"I plan to meet with Xi Jinping," Zelensky said': a party's own intention, in the first person, is its wish.
    if (s === "discussed" && !cue.negated && inp.byParty && INTENTIONS.has(lowerOf(inp.ts[cue.at])) && FIRST_PERSON.has(lowerOf(inp.ts[cue.at - 1] ?? inp.ts[cue.at]))) return "wanted";
    // "agreed to meet" told by a report or an unnamed source is reported as planned.
    if (s === "scheduled" && !inp.byParty && inp.voice === "report" && !datedAhead(inp.time, inp.dct)) return "discussed";
    // "Trump said he expected to meet Putin in Budapest": what a party expects to do, with its day or venue named, is
    // set; "Biden and Xi are expected to meet in November, according to officials" stays talked of.
    if (s === "discussed" && !cue.negated && lowerOf(inp.ts[cue.at]).startsWith("expect") && lowerOf(inp.ts[cue.at + 1] ?? inp.ts[cue.at]) === "to" && inp.byParty && (datedAhead(inp.time, inp.dct) || inp.placed)) return "scheduled";
    if (s === "occurred" && ahead) return "scheduled";
    // "Ushakov confirmed the call", "Chinese state media confirmed the conversation": a call confirmed with no day
    // ahead is one that took place; calls are told once held.
    if (s === "scheduled" && !cue.negated && inp.type === "communicate" && !ahead && inp.ts[cue.at].lemma === "confirm" && inp.ts[inp.k].pos !== "VERB") return "occurred";
    // "After that meeting takes place, we will have a Trilat", "once the talks begin": a present predicate in a clause
    // of time or condition takes the happening as still to come.
    if (s === "occurred" && cue === described && presentForm(inp.ts[cue.at]) && subordinateSubject(inp.ts, inp.k)) return "discussed";
    // "the talks had been put off until Friday": put off to a day still ahead is set again for it.
    if (s === "called_off" && !cue.negated && datedAhead(inp.time, inp.dct) && putOffTo(inp.ts, cue.at)) return "scheduled";
    // "will probably miss next week's summit", "is likely to stay away", "Xi's decision to stay home": an absence told
    // ahead of the happening is no plan to be there, not a failure yet.
    // "will skip the G20 summit": the same of the gathering the absence takes as its object.
    const absentFrom = cue.at === inp.k || inp.ts.slice(cue.at + 1, inp.k).every((t) => t.pos !== "VERB" && t.pos !== "AUX");
    if (s === "failed" && !cue.negated && absentFrom && ABSENCES.has(lowerOf(inp.ts[cue.at])) && side !== "before" && (side === "after" || absenceAhead(inp.ts, cue.at, inp.named))) return "unplanned";
    return s;
  }
  // "It is not the agreement itself", "this was not a summit": what something is said not to be tells no stage of it.
  if (f.endsWith("-") && deniedIdentity(inp.ts, inp.k)) return "unknown";
  const negative = f.endsWith("-");
  // "Biden said he would not host Netanyahu", "Putin will not be travelling": a party's own "will not" refuses.
  if (negative && inp.byParty && inp.ts[inp.k].pos === "VERB" && !UNWILLED.has(inp.ts[inp.k].lemma) && willNot(inp.ts, inp.k)) return "refused";
  if (negative && progressivePlan(inp.ts, inp.k)) return "unplanned";
  // "but none has been scheduled": a setting that has not been done leaves the happening unplanned.
  if (negative && inp.ts[inp.k].pos === "VERB" && SETTING.has(inp.ts[inp.k].lemma)) return "unplanned";
  if (negative) return ahead || ((tense === "present" || group.perfect || inp.ts[inp.k].pos !== "VERB") && side !== "before") || (inp.ts[inp.k].pos !== "VERB" && tense !== "past") ? "unplanned" : "failed";
  // "flew to Ankara to meet Erdogan", "will travel on Thursday to sign": a purpose shares the stage of the travel.
  const purpose = purposeHead(inp.ts, inp.k);
  if (f === "Uu" && purpose >= 0) return readStance({ ...inp, k: purpose, factuality: inp.factualityAt(purpose) ?? "CT+" });
  // "shook hands before sitting down across a long table": a gerund of sequence in a clause told as past took place.
  if (inp.ts[inp.k].pos === "VERB" && lowerOf(inp.ts[inp.k]).endsWith("ing") && ["before", "after"].includes(lowerOf(inp.ts[inp.k - 1] ?? inp.ts[inp.k])) && sequencePast(inp)) return "occurred";
  // "when the presidents meet in San Francisco", "when Biden sits down with Putin in Geneva on Wednesday": a temporal
  // clause in the present takes the happening for granted; with its date ahead or its venue named it is set.
  if (!group.modal && side !== "before" && presupposedWhen(inp.ts, inp.k)) return datedFrom(inp.time, inp.dct) || inp.placed ? "scheduled" : "discussed";
  // Uncommitted, only possible, or a hypothesis the author puts ("a summit would be their first since 2019").
  // "Kyiv should sign the deal", "he can come back when he is ready": a party's "should" or "can" urges or offers it.
  // "He can come back when he is ready for Peace": coming is toward the one who tells of it, whose "can" invites it.
  const hostSpeaks = inp.reported && inp.type === "visit" && GOING_VERBS.has(inp.ts[inp.k].lemma);
  if (group.modal && OFFERING_MODALS.has(group.modal) && (inp.byParty || hostSpeaks) && !f.endsWith("-") && side !== "before") return "wanted";
  if (f === "Uu" || group.modal || (group.would && !inp.reported)) return side === "before" && !group.modal && f !== "Uu" ? "occurred" : "discussed";
  if (ahead) {
    // "officials have spoken of a visit in the spring": a happening ahead that is only talked of is not set by it.
    if (believed(inp.ts, inp.k) || talkedOf) return "discussed";
    // "would come back to meet Kim at a later date": a future with no time to it is not set.
    // "will meet in the coming days, the Kremlin said": a party's own plain future is set, if not yet dated.
    // "Bessent said he would speak with He Lifeng in the coming days": a reported "would" is the party's "will".
    if (!f.startsWith("CT") || (inp.time === "FUTURE_REF" && !(inp.byParty && tense === "future" && (!group.would || saidWould(inp.ts, group.verb))))) return "discussed";
    // "will meet on June 16", "the talks will cover …, the press secretary said": set; "would meet, the Post
    // reported, citing officials": reported as planned.
    // "The two leaders would meet in mid-November, according to the Post": a report's "would" is a plan it tells of,
    // dated or not.
    if (group.would && inp.voice === "report" && !inp.byParty) return "discussed";
    return inp.byParty || inp.voice !== "report" || datedAhead(inp.time, inp.dct) ? "scheduled" : "discussed";
  }
  if (f.startsWith("PS")) return tense === "past" ? "occurred" : "discussed";
  // Told as held in the past ("met", "held talks", "after the talks on Friday"); a happening named with no tense of
  // its own, or as the subject of a present predicate ("the meeting depends on …"), is only talked about.
  if (side === "before") return "occurred";
  if (tense === "past") return inp.ts[inp.k].pos === "VERB" ? "occurred" : "pastOnly";
  if (tense === "present" && inp.ts[inp.k].pos === "VERB") return "occurred";
  return clausePast(inp) ? "occurred" : "bare";
}

/** "have spoken of a visit": a verb of talk with a preposition after it. */
const talkedOfObject = (ts: Token[], k: number) => TALKED_ABOUT.has(ts[k].lemma) && ts[k + 1]?.pos === "ADP";

/** "have spoken of a visit", "asked about a summit": the happening's phrase hangs on a verb of talk by its preposition. */
function talkedThrough(ts: Token[], k: number): boolean {
  if (ts[k].pos === "VERB") return false;
  const p = phraseStart(ts, k) - 1;
  return p >= 1 && ts[p].pos === "ADP" && ts[p - 1].pos === "VERB" && TALKED_ABOUT.has(ts[p - 1].lemma);
}

// Verbs whose past tells nothing held of a happening in their clause: plans, wishes and talk about it.
const UNTELLING: ReadonlySet<string> = new Set(LEX.clauseTense.untelling);
const AHEAD_WORDS: ReadonlySet<string> = new Set(LEX.absenceAhead.words);
const SETTING_NOUNS: ReadonlySet<string> = new Set(LEX.undated.nouns);
const SETTING_JOINS: ReadonlySet<string> = new Set(LEX.undated.joining);
const ATTEMPTS: ReadonlySet<string> = new Set(LEX.undated.attempts);

/**
 * "gave no date or venue for the meeting", "neither side announced a date for Putin's return visit", "the trip still
 * has no date": the happening's date or venue is said not to be set, so it is not planned.
 */
function undated(ts: Token[], k: number): boolean {
  // After it: "(still|yet) has|had no date".
  let j = k + 1;
  while (ts[j]?.pos === "ADV") j++;
  if (ts[j] && ["has", "have", "had"].includes(lowerOf(ts[j])) && lowerOf(ts[j + 1] ?? ts[j]) === "no") {
    for (let i = j + 2; i < ts.length && i <= j + 4; i++) if (SETTING_NOUNS.has(lowerOf(ts[i]))) return true;
  }
  // Before it: a negated "date or venue for" the happening's phrase.
  const p = phraseStart(ts, k) - 1;
  if (p < 1 || lowerOf(ts[p]) !== "for") return false;
  let g = p - 1;
  let noun = false;
  let negated = false;
  for (; g >= 0; g--) {
    const w = lowerOf(ts[g]);
    if (SETTING_NOUNS.has(w)) noun = true;
    else if (NEGATORS.has(w)) negated = true;
    else if (!SETTING_JOINS.has(w)) break;
  }
  if (!noun) return false;
  for (let i = g; !negated && i >= 0 && g - i < LEX.undated.reach; i--) {
    const w = lowerOf(ts[i]);
    if (ATTEMPTS.has(w)) return false;
    if (NEGATORS.has(w) || w === "nothing" || (w === "yet" && lowerOf(ts[i + 1] ?? ts[i]) === "to")) negated = true;
    else if (STOPS.has(w) && w !== "that") break;
  }
  return negated;
}
export const ABSENCES: ReadonlySet<string> = new Set(LEX.absenceAhead.cues);
const UNWILLED: ReadonlySet<string> = new Set(LEX.unwilled);
const GATHERINGS: ReadonlySet<string> = new Set(LEX.gatheringOutcomes.types);
const GATHERING_OUTCOMES: ReadonlySet<string> = new Set(LEX.gatheringOutcomes.predicates);
const UNTELLING_NOUNS: ReadonlySet<string> = new Set(LEX.clauseTense.untellingNouns);
const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(["on", "about", "over", "regarding", "concerning"]);

/**
 * A happening named with no tense of its own takes that of its clause's nearest verb when that verb tells a past,
 * realis event ("went to a hotel for talks", "their three hours of talks yielded a statement", "came after forty
 * minutes of conversation"); a plan, a wish or talk about it tells nothing held.
 */
function clausePast(inp: StanceInput): boolean {
  const { ts, k } = inp;
  if (ts[k].pos === "VERB") return false;
  let best = -1;
  for (let d = 1; d <= PREDICATE_REACH && best < 0; d++) {
    for (const j of [k - d, k + d]) {
      if (j < 0 || j >= ts.length) continue;
      const between = j < k ? ts.slice(j + 1, k) : ts.slice(k + 1, j);
      if (between.some((t) => STOPS.has(lowerOf(t)) && t.pos !== "ADP" && !QUOTE_MARKS.has(t.text) || lowerOf(t) === "," || t.pos === "CCONJ")) continue;
      if (ts[j].pos === "VERB") {
        best = j;
        break;
      }
    }
  }
  if (best < 0 || ts[best].lower.endsWith("ing") || UNTELLING.has(ts[best].lemma) || TALKED_ABOUT.has(ts[best].lemma)) return false;
  if (inp.factualityAt(best) !== "CT+") return false;
  // "arrived for talks" tells the travel, not the talks; "gave no date for the meeting", "the announcement of a
  // summit" tell nothing of it held.
  const between = best < k ? ts.slice(best + 1, k) : ts.slice(k + 1, best);
  const start = phraseStart(ts, k);
  if (best < k && start > 0 && lowerOf(ts[start - 1]) === "for") return false;
  // "signed a memorandum on the agreement": a happening that a noun is about is not what the verb did.
  if (best < k && start > 1 && TOPIC_PREPOSITIONS.has(lowerOf(ts[start - 1])) && ts[start - 2].pos === "NOUN") return false;
  if (between.some((t) => NEGATORS.has(lowerOf(t)) || UNTELLING_NOUNS.has(t.lemma))) return false;
  const g = groupAt(ts, best, inp.named);
  return g.tense === "past" && !g.modal && !g.would;
}

/**
 * The one who wishes, offers or proposes: the name just before the cue ("Biden proposed", "Putin's offer of"), or
 * just after a cue noun ("an offer by Putin"). True only when one is named and it is not a party.
 */
/** "said he would speak", "told reporters that she would travel": a "would" straight after a saying and its subject. */
function saidWould(ts: Token[], verb: number): boolean {
  let j = verb - 1;
  while (j >= 0 && (ts[j].pos === "ADV" || ts[j].pos === "PART")) j--;
  if (lowerOf(ts[j] ?? ts[verb]) !== "would") return false;
  j--;
  if (!(ts[j]?.pos === "PRON" || ts[j]?.pos === "PROPN")) return false;
  j--;
  if (lowerOf(ts[j] ?? ts[verb]) === "that") j--;
  return !!ts[j] && ts[j].pos === "VERB" && LEXICON.verbFrame.has(ts[j].lemma);
}

const OFFER_NOUNS: ReadonlySet<string> = new Set(["invitation", "offer", "proposal", "suggestion"]);
const ACCEPT_CUE: Cue = { stance: "scheduled", slots: [{ words: new Set(["accepted", "accepts", "accept"]), optional: false }], text: "accepted" };
// How far before the happening the offer's noun, and before that its verb of acceptance, may stand.
const OFFER_REACH = 12;

/**
 * "Netanyahu has accepted an invitation from Biden to meet soon": the happening an accepted invitation or offer asks
 * for is agreed. The index of the verb of acceptance, else -1.
 */
function acceptedOffer(ts: Token[], k: number): number {
  if (lowerOf(ts[k - 1] ?? ts[k]) !== "to") return -1;
  for (let j = k - 2; j >= 0 && j >= k - OFFER_REACH; j--) {
    const w = lowerOf(ts[j]);
    if (w === "," || w === ";" || STOPS.has(w) && w !== "from" && w !== "of") return -1;
    if (!OFFER_NOUNS.has(ts[j].lemma)) continue;
    for (let i = j - 1; i >= 0 && i >= j - 3; i--) if (ts[i].pos === "VERB" && ts[i].lemma === "accept") return i;
    return -1;
  }
  return -1;
}
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(EVENT_LEX.subjectPronouns);
function agentIsOutsider(inp: StanceInput, at: number): boolean {
  const { ts } = inp;
  for (let j = at - 1; j >= 0 && j >= at - 5; j--) {
    const w = lowerOf(ts[j]);
    const id = inp.entityAt(j);
    // With no parties known, no one can be told to be outside them.
    if (id) return inp.hasParties && !inp.isParty(id);
    // "Putin told Trump he was willing to meet Zelensky": a subject pronoun is the agent, not the name before it.
    if (ts[j].pos === "PRON" && SUBJECT_PRONOUNS.has(w)) return false;
    if (STOPS.has(w) || w === "," || ts[j].pos === "VERB") break;
    if (!(ts[j].pos === "AUX" || ts[j].pos === "ADV" || ts[j].pos === "PART" || w === "'s" || ts[j].pos === "DET" || ts[j].pos === "ADJ" || ts[j].pos === "PRON")) break;
  }
  return false;
}

/** Where a noun's phrase begins: back over determiners, adjectives, names, numbers and possessives ("the Feb. 28 White House meeting"). */
function phraseStart(ts: Token[], k: number): number {
  let start = k;
  while (start > 0) {
    const w = ts[start - 1];
    // 'held a "long and meaningful" phone call': quoted and coordinated adjectives stay in the noun's phrase.
    const coordinated = (lowerOf(w) === "and" || lowerOf(w) === ",") && ts[start]?.pos === "ADJ" && ts[start - 2]?.pos === "ADJ";
    if (!(determiner(w) || ["ADJ", "PROPN", "NUM", "NOUN"].includes(w.pos) || [".", "'s", "-", "'", "’", "’s", '"', "“", "”"].includes(lowerOf(w)) || coordinated)) break;
    start--;
  }
  return start;
}

/** The cue stands in a future, a possibility or a decision: "will probably miss", "likely to skip", "decision to stay home". */
function absenceAhead(ts: Token[], at: number, named: boolean[]): boolean {
  const g = groupAt(ts, at, named);
  if (g.tense === "future" || g.modal) return true;
  for (let j = at - 1; j >= 0 && j >= at - 3; j--) if (AHEAD_WORDS.has(lowerOf(ts[j]))) return true;
  return false;
}

const POSTPONING: ReadonlySet<string> = new Set(LEX.rescheduled.postponing);
const PUT_OFF_TO: ReadonlySet<string> = new Set(LEX.rescheduled.to);
// How far after a cue its word of postponement, and after that the preposition of the new date, may stand.
const PUT_OFF_REACH = 4;

/** A word of postponement at or just after the cue, followed closely by "until", "to" or "for": "put off until Friday". */
function putOffTo(ts: Token[], at: number): boolean {
  for (let i = at; i < ts.length && i <= at + PUT_OFF_REACH; i++) {
    if (!POSTPONING.has(lowerOf(ts[i])) && !POSTPONING.has(ts[i].lemma)) continue;
    for (let j = i + 1; j < ts.length && j <= i + PUT_OFF_REACH; j++) if (PUT_OFF_TO.has(lowerOf(ts[j]))) return true;
  }
  return false;
}

/** The noun is the complement of a negated copula whose subject is a pronoun: "it is not the agreement". */
function deniedIdentity(ts: Token[], k: number): boolean {
  if (ts[k].pos !== "NOUN") return false;
  let j = k - 1;
  while (j >= 0 && (ts[j].pos === "ADJ" || ts[j].pos === "NOUN" || ts[j].pos === "DET")) j--;
  if (j < 2 || j === k - 1 || !NEGATORS.has(lowerOf(ts[j]))) return false;
  const be = ts[j - 1];
  return be.lemma === "be" && ["it", "this", "that"].includes(lowerOf(ts[j - 2]));
}

/** "would not host", "won't be travelling", "will not sign": a future auxiliary negated just before the verb. */
function willNot(ts: Token[], k: number): boolean {
  let neg = false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = lowerOf(ts[j]);
    if (NEGATORS.has(w) || w === "n't") neg = true;
    else if (FUTURE_AUX.has(w) || w === "wo" || w === "would" || w === "'d") return neg;
    else if (!(ts[j].pos === "AUX" || ts[j].pos === "ADV" || ts[j].pos === "PART")) return false;
  }
  return false;
}

/** For an infinitive of purpose ("flew to Ankara to meet"), the verb it serves; else -1. */
/** The verb of the clause a gerund of sequence hangs on ("shook hands before sitting down") is told in the past, for certain. */
function sequencePast(inp: StanceInput): boolean {
  for (let j = inp.k - 2; j >= 0 && j >= inp.k - 12; j--) {
    const w = lowerOf(inp.ts[j]);
    if (STOPS.has(w) && inp.ts[j].pos !== "ADP") return false;
    // "The two shook hands": a past form the tagger took for a noun.
    if (PAST_FORMS.has(w)) return true;
    if (inp.ts[j].pos === "VERB") return !w.endsWith("ing") && inp.factualityAt(j) === "CT+" && groupAt(inp.ts, j, inp.named).tense === "past";
  }
  return false;
}

function purposeHead(ts: Token[], k: number): number {
  if (ts[k].pos !== "VERB" || k < 2 || lowerOf(ts[k - 1]) !== "to") return -1;
  for (let j = k - 2; j >= 0 && j >= k - PURPOSE_REACH; j--) {
    const w = lowerOf(ts[j]);
    if (STOPS.has(w) || w === ",") return -1;
    if (ts[j].pos === "VERB") {
      // A verb taking the infinitive as its complement ("want to", "agreed to") is a cue, not a purpose; being
      // somewhere to meet someone ("will be in Turkey on Thursday to meet Putin") sets the stay, not the meeting.
      if (j === k - 2 || ts[j].lemma === "be") return -1;
      return j;
    }
  }
  return -1;
}
