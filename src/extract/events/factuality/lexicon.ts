// The factuality lexicon (data/lexicons/factuality.json) as lookup sets, and the window sizes the reader scans within.
import { loadData } from "../../resources.js";
import { type Fact, parseFact } from "./facts.js";

interface FactualityLexicon {
  negators: string[];
  nounNegators: string[];
  modals: Record<string, string>;
  abilityModals: string[];
  hedgeAdverbs: Record<string, string>;
  predicateHedges: Record<string, string>;
  nounModifiers: Record<string, string>;
  possibilityNouns: Record<string, [string, string]>;
  intensional: string[];
  intensionalNouns: string[];
  intensionalPrepositions: Record<string, string>;
  prepositionValues: Record<string, string>;
  negImplicative: string[];
  posImplicative: string[];
  cancel: string[];
  cancelPhrases: string[][];
  cancelNouns: string[];
  preventFrom: string[];
  reportVerbs: string[];
  reportNouns: string[];
  denyVerbs: string[];
  doubtVerbs: string[];
  uncertainPredicates: string[];
  factiveHedges: Record<string, string>;
  conditionals: string[];
  conditionalPhrases: string[][];
  invertedConditionals: string[];
  purposePhrases: string[][];
  questionWords: string[];
  hypotheticalTemporal: string[];
  complementizers: string[];
  backshiftContextVerbs: string[];
  occurrencePredicates: string[];
  schedulePredicates: string[];
  grammar: Record<string, string[]>;
  tense: Record<string, string[]>;
  kinds: Record<string, string[]>;
  expectationVerbs: string[];
  commitmentVerbs: string[];
  objectTransparent: string[];
  reportPassives: string[];
  knowledgeVerbs: string[];
  openingCancels: string[][];
  existencePredicates: string[];
}

const L = loadData<FactualityLexicon>("lexicons/factuality.json");
const set = (xs: string[]) => new Set(xs);
const facts = (o: Record<string, string>) => new Map(Object.entries(o).map(([k, v]) => [k, parseFact(v)]));

export const NEGATORS = set(L.negators);
export const NOUN_NEGATORS = set(L.nounNegators);
/** Modal → its FactBank label, or "WOULD" for the modal that is a back-shifted "will" or a conditional. */
export const MODALS = new Map(Object.entries(L.modals));
export const ABILITY = set(L.abilityModals);
export const HEDGE_ADV = facts(L.hedgeAdverbs);
export const PRED_HEDGE = facts(L.predicateHedges);
export const NOUN_MOD = new Map(Object.entries(L.nounModifiers));
/** Possibility noun → [its value, its value under a negator] ("a prospect of", "no prospect of"). */
export const POSSIBILITY = new Map(Object.entries(L.possibilityNouns).map(([k, v]) => [k, [parseFact(v[0]), parseFact(v[1])] as const]));
export const INTENSIONAL = set(L.intensional);
export const INTENSIONAL_NOUN = set(L.intensionalNouns);
/** Governor word → the preposition that introduces its intended event ("hope for", "open to"). */
export const INT_PREP = new Map(Object.entries(L.intensionalPrepositions));
export const PREP_VALUE: Map<string, Fact> = facts(L.prepositionValues);
export const NEG_IMPL = set(L.negImplicative);
export const POS_IMPL = set(L.posImplicative);
export const CANCEL = set(L.cancel);
export const CANCEL_NOUNS = set(L.cancelNouns);
export const CANCEL_PHRASES = L.cancelPhrases;
export const OPENING_CANCELS = L.openingCancels;
export const PREVENT = set(L.preventFrom);
export const REPORT = set(L.reportVerbs);
export const REPORT_NOUN = set(L.reportNouns);
export const REPORT_PASSIVE = set(L.reportPassives);
export const DENY = set(L.denyVerbs);
export const DOUBT = set(L.doubtVerbs);
export const KNOW = set(L.knowledgeVerbs);
export const UNCERTAIN = set(L.uncertainPredicates);
export const FACTIVE_HEDGE = facts(L.factiveHedges);
export const EXPECT = set(L.expectationVerbs);
export const COMMIT = set(L.commitmentVerbs);
export const OBJECT_TRANSPARENT = set(L.objectTransparent);
export const CONDITIONALS = set(L.conditionals);
export const CONDITIONAL_PHRASES = L.conditionalPhrases;
export const INVERTED = set(L.invertedConditionals);
export const PURPOSE_PHRASES = L.purposePhrases;
export const QUESTION = set(L.questionWords);
export const HYPO_TEMPORAL = set(L.hypotheticalTemporal);
export const COMPLEMENTIZERS = set(L.complementizers);
export const BACKSHIFT = set(L.backshiftContextVerbs);
export const OCCURRENCE = set(L.occurrencePredicates);
export const EXISTENCE = set(L.existencePredicates);
export const SCHEDULE_PREDICATES = L.schedulePredicates.map((p) => p.split(" "));

const G = L.grammar;
export const NP_PUNCT = set(G.npPunctuation);
export const POSSESSIVE = set(G.possessives);
export const ORDINAL = set(G.ordinals);
export const DEFINITE = set(G.definites);
export const FUTURE_SUB = set(G.futureSubordinators);
export const GENERIC_SUB = set(G.genericSubordinators);
export const COPULAR = set(G.copulas);
export const APPROX = set(G.approximators);
export const RELATIVE = set(G.relativePronouns);
export const CLAUSE_PUNCT = set(G.clausePunctuation);

const T = L.tense;
/** Modals that mark a future tense, not a modality ("will", "'ll"). */
export const FUTURE_MODALS = set(T.futureModals);
/** Words between a form of "be" and "to" that make a future ("is going to", "are set to", "is due to"). */
export const FUTURE_FRAMES = set(T.futureFrames);
export const PAST_AUX = set(T.pastAuxiliaries);
export const PRESENT_AUX = set(T.presentAuxiliaries);

/**
 * What kind of word governs a trigger. Stance words: want, intend, propose, agree, expect, possible, schedule,
 * possibility-noun; words that undo it: cancel, fail, refuse, deny, negation; words that suspend it: condition,
 * purpose, question; modal (may, could, would, must …, with the modal as lemma); report (say, tell, reportedly …);
 * other (a governing word of no listed kind, e.g. "consider", "threaten"). The words of each kind are data.
 */
export const GOVERNOR_KINDS = [
  "want", "intend", "propose", "agree", "expect", "possible", "modal", "report", "deny", "cancel", "fail", "refuse",
  "condition", "purpose", "question", "negation", "schedule", "possibility-noun", "other",
] as const;
export type GovernorKind = (typeof GOVERNOR_KINDS)[number];
/** The lexicon's pseudo-kind for words that only lend time or aspect ("going to", "managed to"): they hand on their own governor. */
export const TRANSPARENT = "transparent";

/** Word, lemma or two-word phrase → the kind of governor it is, or TRANSPARENT. */
export const KINDS = new Map<string, GovernorKind | typeof TRANSPARENT>();
for (const [kind, words] of Object.entries(L.kinds)) {
  if (kind === "__doc") continue;
  if (kind !== TRANSPARENT && !(GOVERNOR_KINDS as readonly string[]).includes(kind)) throw new Error(`lexicons/factuality.json: unknown governor kind "${kind}"`);
  for (const w of words) KINDS.set(w, kind as GovernorKind);
}

// Windows, in tokens. Governors lie close to what they govern; each window bounds a scan on odd or run-on input.
/** How far left a coordinated predicate is sought ("neither confirmed nor denied"): one short conjunct. */
export const COORDINATION_WINDOW = 10;
/** How far left a prepositional phrase looks for the predicate it attaches to: a clause of ordinary length. */
export const ATTACHMENT_WINDOW = 14;
/** How far left a finite verb's subject may reach before whatever introduces its clause: long names and titles. */
export const SUBJECT_WINDOW = 20;
/** How far right of a subject noun its predicate is sought, parentheticals included. */
export const PREDICATE_WINDOW = 14;
/** How far right of a noun after a verb of saying its own predicate must come for it to be a reported subject. */
export const REPORTED_SUBJECT_WINDOW = 6;
/** How far left of a question word a doubt ("unclear who", "did not say when") is sought: a short verb group. */
export const DOUBT_WINDOW = 4;
/** How far left of a report noun its denial verb may stand ("denied the latest reports"): a short noun phrase. */
export const DENIAL_WINDOW = 5;
/** How long a possessor may be inside a schedule phrase ("on the president's schedule"). */
export const POSSESSOR_WINDOW = 5;
/** How long an object may be between a verb and the "to" of its infinitive ("urged the United States to"). */
export const OBJECT_WINDOW = 5;
/** How long a chain of governors may grow before it is cut; real sentences stay far below it. */
export const MAX_DEPTH = 64;
