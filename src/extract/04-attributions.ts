// Attributions: who says what, citing whom — one reading per cue, with the chain of sources behind it.
import type { Attribution, EntityType, SourceRef, Span } from "../domain/extraction.js";
import { sentenceAt, tokenAtOrAfter, type Doc } from "./01-tokens.js";
import type { EntityReading } from "./02-entities.js";
import { EntityIndex } from "./attribution/entities.js";
import { holdsRole, roleOfTitle } from "./gazetteer.js";
import { LEXICON as L, type Frame } from "./attribution/lexicon.js";
import { nestChains, type Draft } from "./attribution/nesting.js";
import { authorAsides, readPresenters } from "./attribution/presenters.js";
import {
  afterDateline,
  appositiveAfter,
  asSayingAfter,
  beforeTimeAdjunct,
  clauseBefore,
  clauseStart,
  climbAppositive,
  complementAt,
  contentBefore,
  contentFrom,
  coordinatedSubject,
  mainSubject,
  namesSource,
  parentheticalBefore,
  predicativeAt,
  takesObject,
  type Complement,
  type Range,
} from "./attribution/clauses.js";
import {
  isBoundary,
  isComma,
  isHead,
  isHeadAt,
  isNominal,
  isPersonalPronoun,
  lastContentToken,
  npBackward,
  npForward,
  onlyAdjunctsUntilBreak,
  shapeOf,
  verbGroup,
  viewOf,
  type SentenceView,
} from "./attribution/phrases.js";

/** A chain element: a source with its position, so the events stage can place it. */
export interface ChainLink extends SourceRef {
  start: number;
  end: number;
}

/** The last source linked to an entity: a pronoun source in the next sentences most often refers back to it. */
interface Speaker {
  entity: string | null;
  type: EntityType | null;
  sentence: number;
}

/** How many sentences back a pronoun source still prefers the previous speaker over the nearest mention. */
const SPEAKER_REACH = 2;

/** Per-sentence working state. */
interface SentenceState {
  v: SentenceView;
  /** Tokens already used by a source phrase or a chain link. */
  used: Uint8Array;
  /** Tokens inside a chain-linker phrase ("citing", "that cited"), never cues themselves. */
  linker: Uint8Array;
  drafts: Draft[];
}

/** A stretch of a sentence that no reported content holds, presented by a source ("Beijing has not said whether …"). */
export interface Presentation {
  sentence: number;
  span: Span;
  chain: ChainLink[];
}

/** What the attribution stage reads: the attributions, and the stretches their sources (or others) present. */
export interface AttributionReading {
  attributions: Attribution[];
  presentations: Presentation[];
  /** The author's asides inside reported content (", who travelled …"): what they name is not the source's. */
  asides: Span[];
}

/** Reads every attribution in the document, in text order. */
export function readAttributions(doc: Doc, entities: EntityReading): Attribution[] {
  return readAttributionReading(doc, entities).attributions;
}

/** Reads every attribution in the document, in text order, and the stretches presented outside their contents. */
export function readAttributionReading(doc: Doc, entities: EntityReading): AttributionReading {
  const index = new EntityIndex(entities.matches);
  // which tokens are quoted is only asked of "I" and "we" sources, so it is worked out on the first such question
  let quoted: Uint8Array | null = null;
  const out: Attribution[] = [];
  const presentations: Presentation[] = [];
  const asides: Span[] = [];
  const speaker: Speaker = { entity: null, type: null, sentence: -10 };
  doc.sentences.forEach((sentence, si) => {
    const v = viewOf(doc.tokens, sentence.first, sentence.last);
    if (v.ts.length < 2) return;
    // "“I think it will work,” he said": the quoted speaker's own "I think" is part of the quote
    const drafts = readSentence(v).drafts.filter((d) => {
      const head = v.ts[d.source[1]];
      if (d.source[0] !== d.source[1] || !L.speakerPronouns.has(head.lower)) return true;
      quoted ??= quotedTokens(doc);
      return !quoted[head.i];
    });
    const nested = nestChains(v, drafts);
    const read = new Map<Draft, Attribution>();
    for (const d of nested) {
      const a = finish(doc, v, si, d, index, speaker);
      out.push(a);
      read.set(d, a);
      // the one who spoke is the deepest source ("TASS quoted Peskov as saying …. He added …")
      const deepest = (a.chain as ChainLink[]).findLast((c) => c.entity !== null);
      if (deepest?.entity) {
        speaker.entity = deepest.entity;
        // Named by an office ("the president") rather than a name, a person is still a person.
        speaker.type = index.typeAt(deepest.entity, deepest.start, deepest.end) ?? (deepest.entity.startsWith("person:") ? "person" : null);
        speaker.sentence = si;
      }
    }
    asides.push(...authorAsides(v, nested));
    for (const p of readPresenters(v, nested)) {
      const chain = p.via ? (read.get(p.via)?.chain as ChainLink[] | undefined) : p.source ? [link(doc, v, si, p.source, index, speaker)] : undefined;
      if (chain && chain.length > 0) presentations.push({ sentence: si, span: p.span, chain });
    }
  });
  if (out.length > 0) {
    extendOverQuotes(doc, (quoted ??= quotedTokens(doc)), out);
    extendAfterQuotes(doc, quoted, out);
  }
  return { attributions: out, presentations, asides };
}

/**
 * "“At the end of the talks I called Putin. After that meeting takes place, we will have a Trilat,” Trump wrote": a
 * quotation running over several sentences before its cue is all the source's, so a content that opens inside a
 * quotation begun in an earlier sentence starts where the quotation does.
 */
function extendOverQuotes(doc: Doc, quoted: Uint8Array, attributions: Attribution[]): void {
  const { tokens } = doc;
  let i = 0;
  for (const a of [...attributions].sort((x, y) => x.content.start - y.content.start)) {
    if (a.cue.start < a.content.end) continue;
    while (i < tokens.length && tokens[i].start < a.content.start) i++;
    if (i >= tokens.length || !quoted[i]) continue;
    let j = i - 1;
    while (j >= 0 && (quoted[j] || tokens[j].pos === "SPACE" || (tokens[j].pos === "PUNCT" && !L.openQuotes.has(tokens[j].text) && tokens[j].text !== "\"")) && !tokens[j].text.includes("\n")) j--;
    const opened = j >= 0 && (L.openQuotes.has(tokens[j].text) || tokens[j].text === "\"");
    if (opened && tokens[j].sentence < tokens[i].sentence) a.content = { start: tokens[j + 1].start, end: a.content.end };
  }
}

/**
 * '"It just didn't feel right to me," Trump said at the White House. "It didn't feel like we were going to get there, so
 * I cancelled it. But we'll do it in the future."': a quotation that goes on in the sentences after its cue's, with no
 * cue of its own, is still the source's, up to where it stops opening or going on inside quotation marks. A quotation
 * whose own cue follows right after it ('"Why would he go?" Trump said.') is left to that cue.
 */
function extendAfterQuotes(doc: Doc, quoted: Uint8Array, attributions: Attribution[]): void {
  const { tokens, sentences } = doc;
  const cued = new Set(attributions.map((a) => sentenceAt(doc, a.cue.start)));
  const goesOn: Attribution[] = [];
  for (const a of attributions) {
    let inside = false;
    for (let t = tokenAtOrAfter(doc, a.content.start); t < tokens.length && tokens[t].end <= a.content.end && !inside; t++) inside = quoted[t] === 1;
    if (!inside) continue;
    const from = Math.max(sentenceAt(doc, a.cue.start), sentenceAt(doc, a.content.end - 1));
    let s = from;
    while (s >= 0 && s + 1 < sentences.length && !cued.has(s + 1)) {
      // A sentence starts at its first word (tokenize trims the spaces around it).
      const i = sentences[s + 1].first;
      if (!(L.openQuotes.has(tokens[i].text) || tokens[i].text === "\"" || quoted[i])) break;
      const after = s + 2 < sentences.length ? doc.text.slice(sentences[s + 1].end, sentences[s + 2].start) : "\n";
      if (cued.has(s + 2) && !after.includes("\n")) break;
      s++;
    }
    // The quotation's going on is a content of its own: the source's cue and what stands around it are not in it.
    if (s > from) goesOn.push({ ...a, content: { start: sentences[from + 1].start, end: sentences[s].end } });
  }
  attributions.push(...goesOn);
}

/** Marks tokens inside quotation marks; an unclosed quote ends at the paragraph break. */
export function quotedTokens(doc: Doc): Uint8Array {
  const inside = new Uint8Array(doc.tokens.length);
  let open = false;
  for (const t of doc.tokens) {
    if (t.text.includes("\n")) open = false;
    // a straight double quote both opens and closes; a lone straight single quote only closes ('' style)
    if (t.text === "\"") open = !open;
    else if (L.openQuotes.has(t.text) && t.text !== "'") open = true;
    else if (L.closeQuotes.has(t.text) && t.pos === "PUNCT") open = false;
    else if (open) inside[t.i] = 1;
  }
  return inside;
}

/** Finds the cues of one sentence and reads source, content and chain for each. */
function readSentence(v: SentenceView): SentenceState {
  const { ts, words } = v;
  const st: SentenceState = {
    v,
    used: new Uint8Array(ts.length),
    linker: new Uint8Array(ts.length),
    drafts: [],
  };
  const blocked = new Uint8Array(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const n = L.nonCue.matchAt(words, i);
    for (let k = 0; k < n; k++) blocked[i + k] = 1;
    const m = L.linkers.matchAt(words, i);
    for (let k = 0; k < m; k++) st.linker[i + k] = 1;
  }
  for (let i = 0; i < ts.length; i++) {
    if (st.used[i] || blocked[i]) continue;
    const phrase = L.sourceAfter.matchAt(words, i);
    if (phrase > 0) {
      readSourceAfter(st, i, phrase);
      i += phrase - 1;
      continue;
    }
    if (!st.linker[i] && isCueVerb(v, i)) readCueVerb(st, i);
  }
  readStatementPhrases(st);
  attachTrailingLinks(st);
  st.drafts.sort((a, b) => a.cue[0] - b.cue[0]);
  return st;
}

/** A token that acts as a cue verb: its lemma is in the lexicon and the tagger (or its form) says verb. */
function isCueVerb(v: SentenceView, i: number): boolean {
  const t = v.ts[i];
  if (!L.verbFrame.has(t.lemma)) return false;
  if (t.pos === "VERB") return true;
  if (t.pos !== "NOUN" && t.pos !== "ADJ" && t.pos !== "PROPN") return false;
  // Tagging slips ("CNN reports that …", a past tense read as an adjective) count only after a subject-like word.
  const pastForm = t.lower.endsWith("ed") || L.irregularPast.has(t.lower);
  return (pastForm || v.words[i + 1] === "that") && i > 0 && isHead(v.ts[i - 1]) && v.ts[i - 1].pos !== "NUM";
}

/** "according to [source]" before or after the content. */
function readSourceAfter(st: SentenceState, at: number, len: number): void {
  const { v } = st;
  const first = at + len;
  let last = npForward(v, first);
  // a plural noun the tagger read as a verb ("according to figures released …"), or a modifier ("state media")
  if (last < 0 && v.ts[first]?.pos === "VERB" && isNominal(v.ts[first + 1])) last = npForward(v, first + 1);
  if (last < 0 && v.ts[first]?.pos === "VERB" && v.words[first].endsWith("s")) last = first;
  if (last < 0) return;
  const deeper = followChain(st, last + 1);
  markUsed(st, at, last);
  const end = deeper.length ? deeper[deeper.length - 1][1] : last;
  let content: Span;
  const next = v.ts[end + 2];
  if (at > 1 && isComma(v.ts[at - 1]) && isComma(v.ts[end + 1]) && next && (next.pos === "VERB" || next.pos === "AUX") &&
      !clauseBefore(v, at - 1)) {
    // "The president, according to his office, spoke with Erdogan": the aside interrupts the content
    content = { start: v.ts[afterDateline(v, at)].start, end: v.ts[lastContentToken(v)].end };
  } else if (at > 0) {
    content = contentBefore(v, at - 1);
  } else {
    let k = end + 1;
    while (k < v.ts.length && !isComma(v.ts[k])) k++;
    content = contentFrom(v, k + 1);
  }
  st.drafts.push({ source: [first, last], cue: [at, at + len - 1], content, deeper, after: true });
}

/** A cue verb: finite ("X said …", "…, X said", "…, said X") or participial ("…, saying …", "with X suggesting …"). */
function readCueVerb(st: SentenceState, c: number): void {
  const { v } = st;
  const { ts, words } = v;
  const t = ts[c];
  const frame = L.verbFrame.get(t.lemma)!;
  let cueFirst = c;
  const isIng = t.lower.endsWith("ing");
  let quoted = false;
  if (isIng && c >= 2 && words[c - 1] === "as") {
    // "quoted as saying", also with an agent between: "quoted by state media as saying"
    for (let k = c - 2; k >= 0 && k >= c - 8; k--) {
      if (L.quotedAs.matchAt(words, k, c + 1) === 3 || (k < c - 2 && L.quotedAs.has(words[k], words[c]))) {
        cueFirst = k;
        quoted = true;
        break;
      }
    }
  }
  // "cited unnamed officials as saying": the participle carries the whole cue
  if (!isIng && asSayingAfter(v, c) > 0) return;
  const g = verbGroup(v, cueFirst);
  if (g.negated || g.infinitive || g.modal) return;
  if (g.passive && !quoted && !isIng) return;
  // "a report that cited X" links sources; it is read as part of a chain, not as a cue of its own.
  if (t.lemma === "cite" && g.start > 0 && L.relative.has(words[g.start - 1])) return;
  const comp = complementAt(v, c);
  // "described the talks as constructive", "called the meeting productive": the verb needs its object and predicate
  const predicative = frame === "as" || frame === "predicative";
  const predicate = predicative ? predicativeAt(v, c, frame) : null;
  if (predicative && !predicate && !quoted) return;
  if (isIng && !quoted && !(g.start < c && ts[g.start].pos === "AUX")) {
    readParticiple(st, c, g.start, frame, comp, predicate);
    return;
  }

  // "the changes announced by X" is a passive participle, not X speaking
  if (words[c + 1] === "by" && !isIng && (ts[c + 2]?.pos === "DET" || ts[c + 2]?.pos === "PROPN")) return;
  let p = g.start - 1;
  // "an official speaking on condition of anonymity said": skip the aside to reach the source
  const aside0 = p >= 0 ? L.asides.matchEndingAt(words, p) : -1;
  if (aside0 > 0 && !isComma(ts[aside0 - 1])) p = aside0 - 1;
  p = beforeTimeAdjunct(v, p);
  const found = sourceOfCue(st, c, p);
  if (!found) return;
  const { source, inverted, relative, parenthetical } = found;
  // "what they say" reports no claim of its own
  if (!inverted && source[0] > 0 && L.whObjects.has(words[source[0] - 1])) return;
  // "Nothing in the document suggests …": the phrase sits inside a negative subject
  if (!inverted && source[0] > 1 && ts[source[0] - 1].pos === "ADP" && (L.negativeSubjects.has(words[source[0] - 2]) ||
      (words[source[0] - 2] === "one" && words[source[0] - 3] === "no"))) return;

  // "The deal, officials said, could be signed next month": the source and cue interrupt the content, which may itself
  // be reported ("Yonhap reported that the talks, an official said, would resume")
  const from = clauseStart(v, source[0] - 1);
  const interrupting = !predicate && !inverted && !relative && source[0] > 0 && isComma(ts[source[0] - 1]) &&
    isComma(ts[c + 1]) && !clauseBefore(v, source[0] - 1, from);
  const contentFirst = !predicate &&
    (interrupting || inverted || (!comp.clause && !relative && source[0] > 0 && isBoundary(ts[source[0] - 1]) &&
      onlyAdjunctsUntilBreak(v, c + 1) && (frame === "any" || !takesObject(v, c + 1)) && clauseBefore(v, source[0] - 1)));
  if (frame === "clause" && !comp.clause && !contentFirst && !quoted) return;
  if (frame === "that" && !comp.explicit && !contentFirst && !quoted) return;
  let content: Span;
  if (predicate) content = predicate;
  else if (interrupting) content = { start: ts[from].start, end: ts[lastContentToken(v)].end };
  else if (inverted) content = contentBefore(v, p);
  else if (contentFirst) content = contentBefore(v, source[0] - 1);
  else content = contentFrom(v, comp.start);
  // "Biden, who says he will see Xi, left India": what a relative clause set off by commas reports ends where the
  // main clause's verb resumes
  if (relative && !predicate && L.relative.has(words[p]) && isComma(ts[p - 1])) {
    const close = relativeClose(v, comp.start);
    if (close > comp.start) content = { start: content.start, end: ts[close - 1].end };
  }
  const deeper = parenthetical
    ? followChain(st, parenthetical[0])
    : followChain(st, source[1] + 1);
  const outer = quoted ? quotedLinks(v, cueFirst, c, deeper) : undefined;
  markUsed(st, source[0], source[1]);
  st.drafts.push({ source, cue: [cueFirst, c], content, deeper, ...(outer ? { outer } : {}), ...hearerOf(v, c) });
}

/** The one told ("told Vedomosti", "confirmed to TASS"): an outlet there relays the words, which `finish` checks. */
function hearerOf(v: SentenceView, c: number): { hearer: Range } | Record<string, never> {
  const k = L.hearerObject.has(v.ts[c].lemma) ? c + 1 : v.words[c + 1] === "to" ? c + 2 : -1;
  if (k < 0) return {};
  const last = npForward(v, k);
  const outletNoun = last >= 0 && v.words[k] === "the" && L.outletAnaphors.has(v.words[last]);
  return last >= 0 && (v.ts[last].pos === "PROPN" || outletNoun) ? { hearer: [k, last] } : {};
}

/** The comma after `k` that closes a relative clause, where a finite verb of the main clause follows; -1 if none. */
function relativeClose(v: SentenceView, k: number): number {
  const { ts } = v;
  const last = lastContentToken(v);
  for (let j = k; j < last; j++) if (isComma(ts[j]) && ts[j + 1].pos === "VERB" && !ts[j + 1].lower.endsWith("ing")) return j;
  return -1;
}

/** The source a cue verb has, and how: before it, inverted after it ("…, said X"), behind an aside, or shared. */
interface FoundSource {
  source: Range;
  inverted: boolean;
  /** Found through a relative pronoun or a coordinated verb: the content cannot come first. */
  relative: boolean;
  /** The aside between source and cue ("X, citing Y, said"), where a chain may start. */
  parenthetical: Range | null;
}

/** Finds the source of the cue verb at `c`, whose verb group (with any aside and time adjunct) ends after `p`. */
function sourceOfCue(st: SentenceState, c: number, p: number): FoundSource | null {
  const { v } = st;
  const { ts, words } = v;
  const lemma = ts[c].lemma;
  let source: Range | null = null;
  let inverted = false;
  let relative = false;
  let parenthetical: Range | null = null;
  if (p >= 0 && isHeadAt(v, p) && !st.used[p]) {
    source = [npBackward(v, p), p];
    // "Tom LaSorda, the president of Chrysler announced …", but not "The deal, officials said, could …"
    if (!isPersonalPronoun(ts[p]) && !isBoundary(ts[c + 1])) source = climbAppositive(v, source, true);
  } else if (p >= 1 && L.relative.has(words[p]) && ts[p].pos !== "DET") {
    // "a North Korean radio report on Sunday, which said …": the time after the noun is not the antecedent
    const a = beforeTimeAdjunct(v, isComma(ts[p - 1]) ? p - 2 : p - 1);
    if (a >= 0 && isHead(ts[a])) source = climbAppositive(v, [npBackward(v, a), a]);
    relative = true;
  }
  // "X, in a statement, said" / "X, which …, said" against the inverted "…, said X"
  const aside = source ? null : parentheticalBefore(v, p);
  if (aside && aside.appositive && !aside.strong) {
    // "The Kremlin's spokesman, Dmitry Peskov, told": the aside renames the source and belongs to its phrase
    source = [aside.source[0], aside.inside[1]];
  } else if (aside && (aside.strong || aside.appositive)) {
    source = aside.source;
    parenthetical = aside.inside;
  }
  if (!source && p >= 0 && isBoundary(ts[p]) && L.invertible.has(lemma)) {
    const last = npForward(v, c + 1);
    if (last >= 0 && onlyAdjunctsUntilBreak(v, last + 1) && namesSource(v, c + 1, last)) {
      source = [c + 1, appositiveAfter(v, last)];
      inverted = true;
    }
  }
  if (!source && aside) {
    source = aside.source;
    parenthetical = aside.inside;
  }
  // "Jobs welcomed everyone and announced that …": a coordinated verb shares its clause's subject
  if (!source && p >= 1 && ts[p].pos === "CCONJ" && (words[p] === "and" || words[p] === "but")) {
    // the subject the verbs share; where the main clause has none in reach ("The Kremlin, in its own account,
    // stressed … and confirmed …"), the source of the report before
    const earlier = st.drafts.filter((d) => d.cue[1] < p).at(-1);
    source = coordinatedSubject(v, p) ?? (earlier ? [earlier.source[0], earlier.source[1]] : null);
    if (source) relative = true;
  }
  return source ? { source, inverted, relative, parenthetical } : null;
}

/**
 * "Tass quoted Peskov as saying": the one quoted is a deeper source (pushed to `deeper`); "Peskov was quoted by Tass as
 * saying": the agent relays the subject and comes first in the chain (returned).
 */
function quotedLinks(v: SentenceView, cueFirst: number, c: number, deeper: Range[]): Range[] | undefined {
  if (cueFirst + 1 > c - 2) return undefined;
  const by = v.words[cueFirst + 1] === "by";
  const first = by ? cueFirst + 2 : cueFirst + 1;
  const last = npForward(v, first, c - 1);
  if (last < 0) return undefined;
  if (!by) deeper.push([first, last]);
  return by && namesSource(v, first, last) ? [[first, last]] : undefined;
}

/** "…, (recently) saying …" continues the main clause; "with X suggesting …" names its own source. */
function readParticiple(
  st: SentenceState,
  c: number,
  groupStart: number,
  frame: Frame,
  comp: Complement,
  predicate: Span | null,
): void {
  const { v } = st;
  const { ts, words } = v;
  if ((frame === "clause" && !comp.clause) || (frame === "that" && !comp.explicit)) return;
  const content = predicate ?? contentFrom(v, comp.start);
  const p = groupStart - 1;
  if (p < 0) return;
  if (isHead(ts[p])) {
    const s = npBackward(v, p);
    // Only the absolute construction gives a participle its own subject; "officials saying" is a modifier.
    if (s > 0 && words[s - 1] === "with") {
      markUsed(st, s, p);
      st.drafts.push({ source: [s, p], cue: [c, c], content, deeper: [] });
    }
    return;
  }
  if (!isComma(ts[p])) return;
  // A participle after a cue of the same clause elaborates that statement ("told lawmakers, adding that …").
  let prev: Draft | null = null;
  for (const d of st.drafts) if (d.cue[1] < p) prev = d;
  if (prev) {
    if (prev.content.start > v.ts[prev.cue[1]].start) prev.content.end = Math.max(prev.content.end, content.end);
    return;
  }
  const subject = mainSubject(v, p);
  if (!subject) return;
  st.drafts.push({ source: subject, cue: [c, c], content, deeper: [] });
}

/** "X said in a statement" widens the cue; a statement phrase alone is a cue with the main subject as source. */
function readStatementPhrases(st: SentenceState): void {
  const { v } = st;
  const { ts, words } = v;
  for (let i = 0; i < ts.length; i++) {
    if (st.used[i]) continue;
    const n = L.statement.matchAt(words, i);
    if (n === 0) continue;
    const last = i + n - 1;
    let widened = false;
    for (const d of st.drafts) {
      if (gapIsShort(v, d.cue[1] + 1, i)) {
        d.cue[1] = last;
        widened = true;
      } else if (gapIsShort(v, last + 1, d.cue[0])) {
        d.cue[0] = i;
        widened = true;
      }
      if (widened) break;
    }
    if (!widened && st.drafts.length === 0) {
      const subject = mainSubject(v, ts.length);
      if (subject && (subject[1] < i || subject[0] > last)) {
        markUsed(st, subject[0], subject[1]);
        st.drafts.push({ source: subject, cue: [i, last], content: contentFrom(v, Math.max(subject[1], last) + 1), deeper: [] });
      }
    }
    i = last;
  }
}

/** True when [from, to) holds at most three tokens, none of them a verb or part of a noun phrase. */
function gapIsShort(v: SentenceView, from: number, to: number): boolean {
  if (to < from || to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const t = v.ts[k];
    if (t.pos === "VERB" || t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "DET" || t.pos === "PRON") return false;
  }
  return true;
}

/**
 * ", citing Y" after a statement adds Y to the chain of the nearest attribution before it; with no attribution before
 * it, the author is citing Y for the statement itself, and Y becomes its source.
 */
function attachTrailingLinks(st: SentenceState): void {
  const { v } = st;
  attachLeadingLinks(st);
  for (let i = 1; i < v.ts.length; i++) {
    if (st.used[i] || !st.linker[i] || !isBoundary(v.ts[i - 1])) continue;
    let best: Draft | null = null;
    let bestAnchor = -1;
    for (const d of st.drafts) {
      const anchor = Math.max(d.source[1] < i ? d.source[1] : -1, d.cue[1] < i ? d.cue[1] : -1);
      if (anchor > bestAnchor) {
        best = d;
        bestAnchor = anchor;
      }
    }
    if (!best) {
      const cueLength = L.linkers.matchAt(v.words, i);
      const links = followChain(st, i);
      if (links.length === 0 || i < 2) continue;
      st.drafts.push({ source: links[0], cue: [i, i + cueLength - 1], content: { start: v.ts[0].start, end: v.ts[i - 2].end }, deeper: links.slice(1) });
      continue;
    }
    const deeper = followChain(st, i);
    if (deeper.length === 0) continue;
    best.deeper.push(...deeper);
    // the content stops where the cited source is introduced
    if (best.content.end > v.ts[i].start && best.content.start < v.ts[i].start) best.content.end = v.ts[i - 2].end;
  }
}

/** "Citing an unnamed official, Yonhap said …": a cited source opening the sentence goes under the first report after it. */
function attachLeadingLinks(st: SentenceState): void {
  const { v } = st;
  if (!st.linker[0] || st.used[0]) return;
  const links = followChain(st, 0);
  if (links.length === 0) return;
  const end = links[links.length - 1][1];
  const first = st.drafts.filter((d) => d.source[0] > end).sort((a, b) => a.source[0] - b.source[0])[0];
  if (first) first.deeper.unshift(...links);
}

/** Reads "citing/referencing/that cited Y (quoting Z …)" from `at` (after an optional comma). */
function followChain(st: SentenceState, at: number): Range[] {
  const { v } = st;
  const links: Range[] = [];
  let k = at;
  for (let guard = 0; guard < 6; guard++) {
    if (isComma(v.ts[k])) k++;
    if (k >= v.ts.length || !st.linker[k]) break;
    const n = L.linkers.matchAt(v.words, k);
    if (n === 0) break;
    const last = npForward(v, k + n);
    if (last < 0 || !namesSource(v, k + n, last)) break;
    markUsed(st, k, last);
    links.push([k + n, last]);
    k = last + 1;
  }
  return links;
}

function markUsed(st: SentenceState, first: number, last: number): void {
  for (let k = first; k <= last; k++) st.used[k] = 1;
}

/** Turns a draft into the output shape, linking every source to an entity where one fits. */
function finish(doc: Doc, v: SentenceView, sentence: number, d: Draft, index: EntityIndex, speaker: Speaker): Attribution {
  const first = link(doc, v, sentence, d.source, index, speaker, d.content);
  // "Israeli diplomatic sources told The Times of Israel": the outlet told relays what unnamed sources say; a named
  // person telling an outlet ("Peskov told TASS") speaks on the record, and the outlet is only credited
  const named = first.entity !== null && (first.entity.startsWith("person:") || first.entity.startsWith("local:"));
  const told = d.hearer && !named ? link(doc, v, sentence, d.hearer, index, speaker) : null;
  const relay = told?.entity?.startsWith("outlet:") ? [told] : [];
  const cueStart = v.ts[d.cue[0]].start;
  const cueEnd = v.ts[d.cue[1]].end;
  return {
    sentence,
    source: { start: first.start, end: first.end, text: first.text, entity: first.entity },
    cue: { start: cueStart, end: cueEnd, text: doc.text.slice(cueStart, cueEnd) },
    content: d.content,
    chain: distinctLinks([
      ...(d.outer ?? []).map((r) => link(doc, v, sentence, r, index, speaker)),
      ...relay,
      first,
      ...d.deeper.map((r) => link(doc, v, sentence, r, index, speaker)),
    ]),
  };
}

/** How far into a sentence a name may open it as its subject ("In Kyiv, Zelensky struck a guarded tone"). */
const OPENING_CHARS = 40;

/**
 * "Trump said … In Kyiv, Zelensky struck a more guarded tone. He told reporters …": someone else who opens a sentence
 * between the last speaker and a pronoun, in a sentence that does not name the speaker again ("Zelensky, Trump wrote,
 * had …"), is whom the pronoun stands for; the latest such, or null.
 */
function openedSince(doc: Doc, index: EntityIndex, pronoun: string, speaker: Speaker, sentence: number): string | null {
  const types = (["person", "country", "organization", "outlet"] as const).filter((t) => index.fits(pronoun, t));
  let found: string | null = null;
  for (let s = speaker.sentence + 1; s < sentence; s++) {
    const { start, end } = doc.sentences[s];
    const first = index.firstWithin(types, start, Math.min(end, start + OPENING_CHARS));
    if (first && first !== speaker.entity && !index.names(speaker.entity!, start, end)) found = first;
  }
  return found;
}

/** "citing a post by Zelensky" then "Ukraine's president says": one person named twice in a row is one link. */
function distinctLinks(chain: ChainLink[]): ChainLink[] {
  return chain.filter((c, i) => i === 0 || !c.entity?.startsWith("person:") || c.entity !== chain[i - 1].entity);
}

/**
 * A source or chain phrase with the entity it names: a pronoun goes to the recent speaker or the nearest fit outside
 * what it is said to say ("'… until Putin and I get together,' he said" is not Putin).
 */
function link(doc: Doc, v: SentenceView, sentence: number, whole: Range, index: EntityIndex, speaker: Speaker, says: Span | null = null): ChainLink {
  const r = withoutLeadingTime(v, whole);
  const start = v.ts[r[0]].start;
  const end = v.ts[r[1]].end;
  const head = v.ts[r[1]];
  let entity: string | null;
  if (r[0] === r[1] && isPersonalPronoun(head)) {
    const recent = speaker.entity !== null && speaker.type !== null && sentence - speaker.sentence <= SPEAKER_REACH &&
      index.fits(head.lower, speaker.type);
    entity = recent ? (openedSince(doc, index, head.lower, speaker, sentence) ?? speaker.entity) : index.resolvePronoun(head.lower, start, says);
  } else {
    entity = index.linkSpan(start, end, shapeOf(v, r[0], r[1]));
    // "The newspaper said": a definite outlet noun names again the outlet mentioned last
    if (entity === null && r[1] - r[0] <= 2 && v.words[r[0]] === "the" && L.outletAnaphors.has(head.lower)) {
      entity = index.nearestBefore(OUTLET, start);
    }
    // "the president said": the office names again the nearest one named before who holds it.
    if (entity === null && v.words[r[0]] === "the" && r[1] > r[0]) {
      const role = roleOfTitle(v.words.slice(r[0] + 1, r[1] + 1).join(" "));
      if (role) entity = index.nearestPerson(start, (id) => holdsRole(id, role, null));
    }
    // "The statement said": the words of the one who spoke last, within reach
    if (entity === null && r[1] - r[0] === 1 && v.words[r[0]] === "the" && L.statementAnaphors.has(head.lower) &&
        speaker.entity !== null && sentence - speaker.sentence <= SPEAKER_REACH) {
      entity = speaker.entity;
    }
  }
  return { text: doc.text.slice(start, end), entity, start, end };
}

const OUTLET: readonly EntityType[] = ["outlet"];

/**
 * A source phrase without a time phrase the reading swept into it: "Last Saturday, Peskov", "May 11 Zelensky", "the day
 * South Africa's presidency". Only a stretch that is plainly a time (opened by a time word and ended by a comma, or a
 * month with its day, or a lead such as "on"/"the" with a time noun) is trimmed; "Sunday Times" stays a name.
 */
function withoutLeadingTime(v: SentenceView, r: Range): Range {
  const { ts, words } = v;
  let k = r[0];
  let timely = false;
  while (k < r[1] && (L.leadingTime.has(words[k]) || L.timeWords.has(words[k]) || L.timeHeads.has(words[k]) || isComma(ts[k]) ||
      (ts[k].pos === "NUM" && timely))) {
    if (L.timeWords.has(words[k]) || L.timeHeads.has(words[k]) || words[k] === "overnight" || words[k] === "day" || words[k] === "date") timely = true;
    else if (words[k] === "may" && ts[k + 1]?.pos === "NUM") timely = true;
    k++;
    // the comma closes the time phrase: "Overnight, the Elysee" keeps its article
    if (isComma(ts[k - 1])) break;
  }
  if (k === r[0] || !timely) return r;
  const commaEnded = isComma(ts[k - 1]);
  const led = L.leadingTime.has(words[r[0]]) && !L.timeWords.has(words[r[0]]);
  const dated = ts[k - 1].pos === "NUM";
  return commaEnded || led || dated ? [k, r[1]] : r;
}
