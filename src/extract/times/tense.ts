// The tense of the verb group nearest to a time expression, read from the tokens' POS tags and lemmas.
import type { Doc, Token } from "../01-tokens.js";
import { sentenceAt, tokenAtOrAfter } from "../01-tokens.js";
import { loadData } from "../resources.js";
import { alt } from "./lexicon.js";

/** past: already happened; future: will/would/could/scheduled; present: plain present; none: no verb found. */
export type Tense = "past" | "present" | "future" | "none";

interface TenseLexicon {
  futureAux: string[];
  pastAux: string[];
  presentAux: string[];
  futureCues: string[];
  scheduleCues: string[];
  possessionVerbs: string[];
  samePastForms: string[];
  forwardCues: string[];
  scheduledParticiples: string[];
  temporalConjunctions: string[];
  clauseOpeners: string[];
  talkedOf: { verbs: string[]; prepositions: string[] };
}

interface VerbGroup {
  first: number;
  last: number;
  tense: Tense;
}

const lex = loadData<{ tense: TenseLexicon }>("lexicons/times.json").tense;
const FUTURE_AUX = new Set(lex.futureAux);
const PAST_AUX = new Set(lex.pastAux);
const PRESENT_AUX = new Set(lex.presentAux);
const FUTURE_CUES = new Set(lex.futureCues);
const PLANNING = new Set(lex.futureCues.filter((w) => w.endsWith("ing") && w !== "going"));
const POSSESSION = new Set(lex.possessionVerbs);
const TALKED_OF_VERBS: ReadonlySet<string> = new Set(lex.talkedOf.verbs);
const TALKED_OF_PREPOSITIONS: ReadonlySet<string> = new Set(lex.talkedOf.prepositions);
const SAME_PAST_FORMS = new Set(lex.samePastForms);
const SCHEDULE_CUES = new Set(lex.scheduleCues);
// The ASCII look-behind in front only lets the engine skip positions inside words fast; the Unicode one decides.
const FORWARD_CUE = new RegExp(`(?<![A-Za-z])(?<![\\p{L}])(?:${alt(lex.forwardCues)})\\s+(?:the\\s+|this\\s+|next\\s+)?$`, "iu");
const FORWARD_START = new RegExp(`^(?:${alt(lex.forwardCues)})\\s`, "iu");
// "the summit, set for Nov. 22-23": a participle of scheduling with no auxiliary before it dates what lies ahead ("had
// been set for Feb. 20" tells of a plan gone by, and its tense decides).
const SCHEDULED_PARTICIPLE = new RegExp(`(?<![\\p{L}])(?<aux>\\p{L}+)?[\\s,]+(?:${alt(lex.scheduledParticiples)})\\s+(?:the\\s+)?$`, "iu");
const AUXILIARIES = new Set([...lex.pastAux, ...lex.presentAux, ...lex.futureAux, "be", "been", "being"]);
const SINCE_CUE = /(?<![\p{L}])since\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|last\s+)?$/iu;
/** Extra distance for each comma between a time expression and a verb: a clause boundary. */
const COMMA_PENALTY = 4;
/** Extra distance for a verb in a clause opened after the time expression by a comma and a word that opens a clause. */
const OPENED_CLAUSE_PENALTY = 12;
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(lex.clauseOpeners);

function isVerbal(t: Token): boolean {
  return t.pos === "VERB" || t.pos === "AUX";
}

/** A verb with no auxiliary: past unless it is the base, -s or -ing form ("set", "cut" read as past, as news tells them). */
function formTense(t: Token): Tense | null {
  if (t.lower.endsWith("ing")) return null;
  if (SAME_PAST_FORMS.has(t.lower)) return "past";
  if (t.lower === t.lemma || t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es`) return "present";
  if (t.lemma.endsWith("y") && t.lower === `${t.lemma.slice(0, -1)}ies`) return "present";
  return "past";
}

function groupTense(tokens: Token[], first: number, last: number): Tense | null {
  let tense: Tense | null = null;
  let sawAux = false;
  let sawVerb = false;
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.pos === "AUX" || (t.pos === "VERB" && (PAST_AUX.has(t.lower) || PRESENT_AUX.has(t.lower)) && i + 1 < last)) {
      if (FUTURE_AUX.has(t.lower)) return "future";
      if (!sawAux) {
        if (PAST_AUX.has(t.lower)) tense = "past";
        else if (PRESENT_AUX.has(t.lower)) tense = "present";
      }
      sawAux = true;
      continue;
    }
    // "scheduled for", "expected on": a timetable, whatever the auxiliary.
    // "went ahead as planned on Friday": "as planned" tells how, not when; the verb before it keeps the tense.
    if (t.pos === "VERB" && SCHEDULE_CUES.has(t.lower) && i === first && tokens[i - 1]?.lower === "as") return null;
    // "had been planned for February": a plan gone by is for a time near it, on either side of the article's date.
    if (t.pos === "VERB" && SCHEDULE_CUES.has(t.lower)) return tense === "past" && tokens.slice(first, i).some((x) => x.lower === "had") ? "none" : "future";
    if (t.pos === "VERB") {
      sawVerb = true;
      // "is going to", "is expected to", "plans to": an intention or schedule points forward.
      const next = tokens[i + 1];
      if (FUTURE_CUES.has(t.lower) && next && next.lower === "to") return "future";
      if (FUTURE_CUES.has(t.lower) && tense === "present") return "future";
      if (!sawAux && tense === null) tense = formTense(t);
    }
  }
  // "has" or "have" with no verb after it is possession, not a perfect.
  if (tense === "past" && !sawVerb && (first + 1 === last) && POSSESSION.has(tokens[first].lower)) return "present";
  return tense;
}

const TEMPORAL = new Set(lex.temporalConjunctions);

/** A plural-looking noun right after a name or subject pronoun that opens a temporal clause ("before Russia votes"). */
function presentInTemporalClause(tokens: Token[], i: number, first: number): boolean {
  const t = tokens[i];
  if (t.pos !== "NOUN" || !t.lower.endsWith("s") || t.lower.endsWith("ss") || i - 2 < first) return false;
  const subject = tokens[i - 1];
  if (!(subject.pos === "PROPN" || subject.pos === "PRON")) return false;
  const next = tokens[i + 1];
  return TEMPORAL.has(tokens[i - 2].lower) && (!next || next.pos === "ADP" || next.pos === "DET" || next.pos === "PUNCT");
}

/** Verb groups per sentence, computed on first use. */
export class TenseReader {
  private readonly groups = new Map<number, VerbGroup[]>();

  constructor(private readonly doc: Doc) {}

  private sentenceGroups(s: number): VerbGroup[] {
    let found = this.groups.get(s);
    if (found) return found;
    found = [];
    const sentence = this.doc.sentences[s];
    const tokens = this.doc.tokens;
    let i = sentence.first;
    while (i < sentence.last) {
      // "before Russia votes in March": a present verb the tagger took for a plural noun, in a temporal clause whose
      // present tells what is still ahead.
      if (presentInTemporalClause(tokens, i, sentence.first)) {
        found.push({ first: i, last: i + 1, tense: "future" });
        i++;
        continue;
      }
      if (!isVerbal(tokens[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j < sentence.last &&
        (isVerbal(tokens[j]) || ((tokens[j].pos === "ADV" || tokens[j].pos === "PART") && j + 1 < sentence.last && isVerbal(tokens[j + 1])))
      )
        j++;
      let tense = groupTense(tokens, i, j);
      // "was due in Pyongyang on Wednesday", "is due to arrive": a copula and a schedule word point forward, but
      // "was due to weak demand" gives a cause and "had been due on Thursday" a date already gone by.
      if (
        tense && tense !== "future" && j < sentence.last && SCHEDULE_CUES.has(tokens[j].lower) && tokens[j].pos !== "VERB" &&
        !tokens.slice(i, j).some((t) => t.lower === "been" || t.lower === "had")
      ) {
        const next = tokens[j + 1];
        if (!next || next.lower !== "to" || tokens[j + 2]?.pos === "VERB") tense = "future";
      }
      // "had begun planning for talks in November": a plan told in the past is for a time after it, which may lie on
      // either side of the article's date; the nearest reading is taken.
      if (tense === "past" && ((j < sentence.last && PLANNING.has(tokens[j].lower)) || tokens.slice(i, j).some((t) => PLANNING.has(t.lower)))) tense = "none";
      // "have since spoken of a visit in the spring": what is only talked of lies on either side too.
      if (tense === "past" && j < sentence.last && TALKED_OF_PREPOSITIONS.has(tokens[j].lower) && TALKED_OF_VERBS.has(tokens[j - 1].lemma)) tense = "none";
      if (tense) found.push({ first: i, last: j, tense });
      i = j;
    }
    this.groups.set(s, found);
    return found;
  }

  /** Tense of the verb group closest to the character range [start, end). */
  at(start: number, end: number): Tense {
    if (this.doc.sentences.length === 0) return "none";
    const s = sentenceAt(this.doc, start);
    const groups = this.sentenceGroups(s);
    if (groups.length === 0) return "none";
    // "until Friday", "as soon as Friday", "by May": the phrase itself points forward.
    const text = this.doc.text;
    if (FORWARD_CUE.test(text.slice(Math.max(0, start - 24), start)) || FORWARD_START.test(text.slice(start, end))) return "future";
    const participle = SCHEDULED_PARTICIPLE.exec(text.slice(Math.max(0, start - 40), start));
    if (participle && !AUXILIARIES.has(participle.groups?.aux?.toLowerCase() ?? "")) return "future";
    // "agreed to meet Kim by May" sets a deadline ahead; "by Friday, the funds had run out" looks back from a past perfect.
    const sentenceStart = this.doc.sentences[s].start;
    // "By late February, a framework was ready": a fronted "by" sets the scene of its clause, which tells the tense.
    const fronted = /^\W*by\s+$/i.test(text.slice(sentenceStart, start));
    if (!fronted && /\bby\s+$/i.test(text.slice(Math.max(0, start - 4), start)) && !/\bhad\b/i.test(text.slice(sentenceStart, this.doc.sentences[s].end))) return "future";
    // "the first result since the Feb. 28 meeting": what a stretch runs from lies behind, whatever the verb.
    if (SINCE_CUE.test(text.slice(Math.max(0, start - 24), start))) return "past";
    const a = tokenAtOrAfter(this.doc, start);
    const b = Math.max(a, tokenAtOrAfter(this.doc, end) - 1);
    const tokens = this.doc.tokens;
    let best: VerbGroup | null = null;
    let bestDistance = Infinity;
    for (const g of groups) {
      let distance = g.last <= a ? a - g.last + 1 : g.first > b ? g.first - b : 0;
      const [from, to] = g.last <= a ? [g.last, a] : [b + 1, g.first];
      for (let i = from; i < to; i++) {
        if (tokens[i].text !== ",") continue;
        distance += COMMA_PENALTY;
        // "could meet Kim on Sunday, after he used Twitter": a clause of its own begins after the time.
        if (g.first > b && i + 1 < to && CLAUSE_OPENERS.has(tokens[i + 1].lower)) distance += OPENED_CLAUSE_PENALTY;
      }
      // Ties go to the verb on the left: "said on Monday" over a later clause.
      if (distance < bestDistance) {
        best = g;
        bestDistance = distance;
      }
    }
    return best ? best.tense : "none";
  }

  /** Tense of the whole sentence: future if any group is future, else past if any is past. */
  sentence(start: number): Tense {
    if (this.doc.sentences.length === 0) return "none";
    const groups = this.sentenceGroups(sentenceAt(this.doc, start));
    if (groups.some((g) => g.tense === "future")) return "future";
    if (groups.some((g) => g.tense === "past")) return "past";
    return groups.length ? "present" : "none";
  }
}
