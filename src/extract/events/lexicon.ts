// The event lexicon (data/lexicons/events.json) and the word sets the event stage's steps share.
import { loadData } from "../resources.js";

export interface TriggerInfo {
  type: string;
  cameo: string | null;
}

/** A verb that names a happening only through whom it takes (see `frames` in the lexicon). */
export interface Frame extends TriggerInfo {
  /** Its direct object is a person ("received Zelensky"). */
  object?: boolean;
  /** A person follows one of these prepositions ("spoke with Putin"). */
  with?: string[];
  /** One of these words follows "by" ("spoke by phone"). */
  by?: string[];
  /** Its past participle after a form of be or get ("was received by Xi"). */
  passive?: boolean;
  /** The one who does it only offers the happening: "will wait there for Putin" is a wish until Putin comes. */
  offer?: boolean;
  /** A country, city or venue follows "to" ("invited Netanyahu to the White House", "an invitation to Moscow"). */
  destination?: boolean;
  /** Its object is a person and nothing tells to what ("Kim invited Putin"): the guest's visit to the host's country. */
  guest?: boolean;
  /** A gathering follows one of these prepositions ("would represent Russia at the summit"). */
  at?: string[];
  /** The verb's object is one of these nouns ("heads the Russian delegation"). */
  leads?: string[];
}

export interface EventLexicon {
  triggers: Record<string, TriggerInfo>;
  /** A trigger's class told by nearby words: one reading, or several tried in order ("fired missiles" before "fired shells"). */
  context: Record<string, (TriggerInfo & { near: string[] }) | (TriggerInfo & { near: string[] })[]>;
  phrasal: Record<string, TriggerInfo>;
  frames: Record<string, Frame>;
  lightVerbs: string[];
  pastFormLemmas: Record<string, string>;
  eventNouns: string[];
  nounSuffixes: string[];
  nounSuffixStop: string[];
  nonEventVerbs: string[];
  roleNouns: string[];
  participantStops: string[];
  locativePrepositions: string[];
  gerundAdjuncts: string[];
  placeHeads: string[];
  nonEventNouns: string[];
  talkOfNouns: string[];
  subjectPronouns: string[];
  subordinators: string[];
  futureMarkers: string[];
  /** Phrases of quantity whose noun names no happening ("a good deal of history"). */
  quantityPhrases: string[];
  satisfied: { verbs: string[]; objects: string[] };
  naming: { verbs: string[]; prepositions: string[]; spans: string[] };
  persuading: { verbs: string[]; particles: string[] };
  goingVerbs: { verbs: string[]; idioms: string[]; toIdioms: string[] };
}

export const LEX = loadData<EventLexicon>("lexicons/events.json");
interface GatheringRecord {
  id: string;
  participants?: string[];
  date?: string;
  /** A recurring gathering's editions: first and last day, and the city that hosts it. */
  editions?: { from: string; to: string; place?: string }[];
  /** The body whose name stands for the gathering after "at" or "on the sidelines of" ("at APEC"). */
  body?: string;
}
const GATHERING_RECORDS = loadData<GatheringRecord[]>("gazetteer/events.json");
/** One-off meetings of the gazetteer whose takers and date are known ("the Hanoi summit"). */
export const NAMED_MEETINGS = new Map(
  GATHERING_RECORDS.filter((e) => e.participants?.length).map((e) => [e.id, { participants: e.participants!, date: e.date ?? null }]),
);
/** The dated editions of recurring gatherings, by the gathering's id and by the id of the body that holds it. */
export const EDITIONS = new Map<string, { from: string; to: string; place?: string }[]>(
  GATHERING_RECORDS.filter((e) => e.editions?.length).flatMap((e) => [[e.id, e.editions!] as const, ...(e.body ? [[e.body, e.editions!] as const] : [])]),
);
export const TRIGGERS = new Map(Object.entries(LEX.triggers));
/** The CAMEO code a type's triggers carry (the first trigger of the type that has one). */
export const CAMEO_OF_TYPE = new Map<string, string>();
for (const info of TRIGGERS.values()) if (info.cameo && !CAMEO_OF_TYPE.has(info.type)) CAMEO_OF_TYPE.set(info.type, info.cameo);
export const CONTEXT = new Map(Object.entries(LEX.context).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map((c) => ({ ...c, near: new Set(c.near) }))]));
export const PHRASAL = new Map(Object.entries(LEX.phrasal));
export const FRAMES = new Map(Object.entries(LEX.frames));
export const LIGHT = new Set(LEX.lightVerbs);
export const PAST_FORM_LEMMAS = new Map(Object.entries(LEX.pastFormLemmas));
export const EVENT_NOUNS = new Set(LEX.eventNouns);
export const SUFFIX_STOP = new Set(LEX.nounSuffixStop);
export const SUFFIX_RE = new RegExp(`(?:${LEX.nounSuffixes.join("|")})s?$`);
export const NON_EVENT_VERBS = new Set(LEX.nonEventVerbs);
export const ROLE_NOUNS = new Set(LEX.roleNouns);
export const NON_EVENT_NOUNS = new Set(LEX.nonEventNouns);
export const TALK_OF_NOUNS: ReadonlySet<string> = new Set(LEX.talkOfNouns);
export const GENERIC: TriggerInfo = { type: "other", cameo: null };
export const PARTICIPANT_STOP = new Set(LEX.participantStops);
export const LOCATIVE = new Set(LEX.locativePrepositions);
export const GERUND_ADJUNCT = new Set(LEX.gerundAdjuncts);
export const PLACE_HEADS = new Set(LEX.placeHeads);
export const MAX_TIME_DISTANCE = 16;
export const QUANTITY_PHRASES = LEX.quantityPhrases.map((p) => p.split(" "));
export const GOING_VERBS: ReadonlySet<string> = new Set(LEX.goingVerbs.verbs);
export const GOING_IDIOMS: ReadonlySet<string> = new Set(LEX.goingVerbs.idioms);
export const GOING_TO_IDIOMS: ReadonlySet<string> = new Set(LEX.goingVerbs.toIdioms);
export const SATISFYING_VERBS: ReadonlySet<string> = new Set(LEX.satisfied.verbs);
export const SATISFIED_OBJECTS: ReadonlySet<string> = new Set(LEX.satisfied.objects);
export const PERSUADING = { verbs: new Set(LEX.persuading.verbs), particles: LEX.persuading.particles.map((p) => p.split(" ")) };
export const NAMING = { verbs: new Set(LEX.naming.verbs), prepositions: new Set(LEX.naming.prepositions), spans: new Set(LEX.naming.spans) };
export const FUTURE_MARKERS = LEX.futureMarkers.map((p) => p.split(" "));
export const RELATIVE_SUBJECTS = new Set(["who", "which"]);
export const BOUNDARY_PREPOSITIONS = new Set(["since"]);
export const CLAUSE_BREAKS = new Set([",", ";", ":", ".", "—", "–", "and", "but", "while", "although", "though", "after", "before", "because"]);

/**
 * How far back over a verb of going's adjuncts an infinitive of purpose may reach it, in tokens ("landed at the
 * Waterkloof air force base outside Pretoria on Tuesday to represent Russia"): the purpose shares the verb's subject
 * and its stage.
 */
export const PURPOSE_REACH = 14;

/** Happenings between parties that the ledger follows: meetings, calls, visits, negotiations and consultations. */
export const HAPPENING_TYPES: ReadonlySet<string> = new Set(["meet", "communicate", "visit", "negotiate", "consult"]);
/** Prepositions that put an act inside a meeting or call: "invited Xi during a video call", "raised it in his call". */
export const HELD_IN: ReadonlySet<string> = new Set(["in", "during"]);
/** Quotation marks, straight and curly, double and single. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "'", "‘", "’"]);
