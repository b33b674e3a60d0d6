// Presenters: who a sentence presents a happening through when no reported content holds it. "Beijing has not said
// whether Xi will make the trip", "declined to speculate about Xi's attendance", "Biden first floated a summit", "Asked
// whether he would meet Xi, Biden said …", "…, the Kremlin said, breaking its silence about the trip": the happening is
// not what the source says, yet the reader has it from that source, and the ledger keys its origin on it.
import type { Span } from "../../domain/extraction.js";
import { loadData } from "../resources.js";
import { beforeTimeAdjunct, contentFrom, coordinatedSubject, namesSource, type Range } from "./clauses.js";
import { LEXICON as L, PhraseTable } from "./lexicon.js";
import type { Draft } from "./nesting.js";
import { isComma, isHeadAt, lastContentToken, npBackward, npForward, verbGroup, type SentenceView } from "./phrases.js";

interface RawPresenters {
  askedLeads: string[];
  withheldSpeech: string[];
  withholders: string[];
  presentingVerbs: string[];
  negativeDeterminers: string[];
  tailLeads: string[];
  spanStops: string[];
  topicPrepositions: string[];
}

const RAW = loadData<RawPresenters>("lexicons/presenters.json");
const ASKED = new PhraseTable(RAW.askedLeads);
const WITHHELD = new PhraseTable(RAW.withheldSpeech);
const WITHHOLDERS = new Set(RAW.withholders);
const PRESENTING = new PhraseTable(RAW.presentingVerbs);
const NEGATIVE = new Set(RAW.negativeDeterminers);
const TAIL_LEADS = new Set(RAW.tailLeads);
const SPAN_STOPS = new Set(RAW.spanStops);
const TOPICS = new Set(RAW.topicPrepositions);
const REFLEXIVES = new Set(["himself", "herself", "itself", "themselves"]);
const CLAUSE_BREAKS = new Set([",", ";", ":", "(", ")"]);

/** A stretch of a sentence presented by a source: its own phrase, or the chain of an attribution of the sentence. */
export interface PresenterDraft {
  span: Span;
  source?: Range;
  /** The attribution whose chain presents the stretch. */
  via?: Draft;
}

/** The presented stretches of one sentence, given the attributions read in it (after nesting). */
export function readPresenters(v: SentenceView, drafts: Draft[]): PresenterDraft[] {
  const out: PresenterDraft[] = [];
  askedLead(v, drafts, out);
  for (const d of drafts) {
    trailingTail(v, d, drafts, out);
    asideAndTopic(v, d, out);
    relativeAntecedent(v, d, out);
  }
  verbPresenters(v, drafts, out);
  return out;
}

/**
 * The author's asides inside reported content: a relative clause on a person set off by a comma (", who travelled to
 * Russia last September for talks"), up to the next comma or the end. A recap there is the author's.
 */
export function authorAsides(v: SentenceView, drafts: Draft[]): Span[] {
  const { ts, words } = v;
  const out: Span[] = [];
  for (let k = 1; k < ts.length - 1; k++) {
    if (!isComma(ts[k - 1]) || words[k] !== "who") continue;
    if (!drafts.some((d) => d.content.start < ts[k].start && d.content.end > ts[k].end)) continue;
    let e = k + 1;
    while (e < ts.length && !isComma(ts[e]) && ts[e].text !== ";") e++;
    out.push({ start: ts[k].start, end: ts[Math.min(e, ts.length) - 1].end });
  }
  return out;
}

/** True when an attribution's source starts with a word that names no one ("Neither side announced …"). */
export function namesNoOne(text: string): boolean {
  const first = text.trimStart().split(/\s+/, 1)[0]?.toLowerCase() ?? "";
  return NEGATIVE.has(first);
}

/** "Asked whether he would meet Xi, Biden said …": the question clause is presented by the one who answers it. */
function askedLead(v: SentenceView, drafts: Draft[], out: PresenterDraft[]): void {
  const { ts, words } = v;
  if (ASKED.matchAt(words, 0) === 0 && !(words[0] === "when" && ASKED.matchAt(words, 1) > 0)) return;
  let comma = 1;
  while (comma < ts.length && !isComma(ts[comma])) comma++;
  if (comma >= ts.length - 1) return;
  const span = { start: ts[0].start, end: ts[comma - 1].end };
  const answer = drafts.find((d) => d.source[0] > comma && !d.after);
  if (answer && answer.source[0] <= comma + 3) {
    out.push({ span, via: answer });
    return;
  }
  const last = npForward(v, comma + 1);
  const next = ts[last + 1];
  if (last < 0 || !next || !(next.pos === "VERB" || next.pos === "AUX") || !namesSource(v, comma + 1, last)) return;
  out.push({ span: { start: ts[0].start, end: ts[lastContentToken(v)].end }, source: [comma + 1, last] });
}

/**
 * "…, the Kremlin said on Monday, breaking its silence about the trip" / "…, he said, adding that …" / "…, Peskov told
 * reporters, and the visit is being prepared": what follows a trailing report goes on in its source's voice.
 */
function trailingTail(v: SentenceView, d: Draft, drafts: Draft[], out: PresenterDraft[]): void {
  const { ts } = v;
  const sourceStart = ts[d.source[0]].start;
  if (d.after || d.content.end > sourceStart || d.content.end <= d.content.start) return;
  const end = Math.max(d.source[1], d.cue[1]);
  let k = end + 1;
  while (k < ts.length && !isComma(ts[k])) {
    if (ts[k].pos === "VERB" || ts[k].pos === "AUX") return;
    k++;
  }
  const last = lastContentToken(v);
  if (k >= last || !continuesVoice(v, k + 1)) return;
  // a later report of its own governs what follows it
  const later = drafts.filter((o) => o !== d && o.cue[0] > k).map((o) => o.source[0]);
  const stop = later.length ? Math.min(...later) - 1 : last;
  if (stop <= k) return;
  out.push({ span: { start: ts[k + 1].start, end: ts[stop].end }, via: d });
}

/**
 * "The Kremlin, confirming the talks, said …": an aside led by a participle of saying between source and cue; "Trump
 * said of the visit", "spoke about the summit": what the words were about. Both are presented by the report's source.
 */
function asideAndTopic(v: SentenceView, d: Draft, out: PresenterDraft[]): void {
  const { ts, words } = v;
  const a = d.source[1] + 1;
  if (!d.after && isComma(ts[a]) && a + 1 < d.cue[0] && continuesVoice(v, a + 1) && TAIL_LEADS.has(words[a + 1]) === false) {
    let e = a + 2;
    while (e < d.cue[0] && !isComma(ts[e])) e++;
    if (e > a + 2) out.push({ span: { start: ts[a + 1].start, end: ts[e - 1].end }, via: d });
  }
  const k = d.cue[1] + 1;
  if (!d.after && TOPICS.has(words[k]) && k + 1 < ts.length) {
    const last = npForward(v, k + 1);
    if (last > k) out.push({ span: { start: ts[k + 1].start, end: ts[last].end }, via: d });
  }
}

/** "a conversation … that the Kremlin said lasted an hour": the noun the reported relative clause is about. */
function relativeAntecedent(v: SentenceView, d: Draft, out: PresenterDraft[]): void {
  const { ts, words } = v;
  const r = d.source[0] - 1;
  if (d.after || r < 2 || !(words[r] === "that" || words[r] === "which") || !(ts[r - 1].pos === "NOUN" || ts[r - 1].pos === "PROPN")) return;
  let s = r - 1;
  while (s > 0 && !isComma(ts[s - 1]) && ts[s - 1].pos !== "VERB" && ts[s - 1].pos !== "AUX") s--;
  out.push({ span: { start: ts[s].start, end: ts[r - 1].end }, via: d });
}

/** Whether the words after a trailing report's comma go on in the source's voice (see `tailLeads`). */
function continuesVoice(v: SentenceView, k: number): boolean {
  const t = v.ts[k];
  if (TAIL_LEADS.has(v.words[k])) return true;
  if (!t.lower.endsWith("ing")) return false;
  const lemma = t.lemma.toLowerCase();
  return L.verbFrame.has(lemma) || PRESENTING.matchAt([lemma], 0) > 0 || WITHHELD.matchAt([lemma], 0) > 0;
}

/** "Beijing has not said whether …", "declined to speculate about …", "floated a trip", "called for the talks …". */
function verbPresenters(v: SentenceView, drafts: Draft[], out: PresenterDraft[]): void {
  const { ts, words } = v;
  const cues = new Set(drafts.map((d) => d.cue[1]));
  let lemmaWords: string[] | null = null;
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i];
    // "had pencilled in": a participle after "have" that the tagger read as an adjective
    const participle = t.pos === "ADJ" && ts[i - 1].pos === "AUX" && ts[i - 1].lemma === "have";
    if ((t.pos !== "VERB" && !participle) || cues.has(i)) continue;
    lemmaWords ??= ts.map((x) => x.lemma.toLowerCase());
    const present = PRESENTING.matchAt(words, i) || PRESENTING.matchAt(lemmaWords, i);
    const withheld = present ? 0 : WITHHELD.matchAt(words, i) || WITHHELD.matchAt(lemmaWords, i);
    if (!present && !withheld) continue;
    let g = verbGroup(v, i);
    if (g.passive) continue;
    if (withheld) {
      let held = g.negated || words.slice(g.start, i).some((w) => WITHHOLDERS.has(w));
      // "declined to say", "was not able to confirm": the withholding verb governs the infinitive
      // "declined on Friday to speculate": a time between the two verbs
      const w = g.infinitive ? beforeTimeAdjunct(v, g.start - 1) : -1;
      if (!held && w >= 0 && WITHHOLDERS.has(words[w])) {
        held = true;
        g = verbGroup(v, w);
      }
      if (!held) continue;
    } else if (g.infinitive) {
      continue;
    }
    const source = subjectBefore(v, g.start);
    if (!source) continue;
    const from = i + (present || withheld);
    if (from > lastContentToken(v)) continue;
    const span = present ? objectSpan(v, from) : contentFrom(v, from);
    if (span.end > span.start) out.push({ span, source });
  }
}

/** What a presenting verb puts forward: from `from` up to a clause break or, past its first noun, a circumstance. */
function objectSpan(v: SentenceView, from: number): Span {
  const { ts, words } = v;
  const last = lastContentToken(v);
  let e = from;
  let noun = false;
  for (let k = from; k <= last; k++) {
    const t = ts[k];
    if (CLAUSE_BREAKS.has(t.text) || (L.dashes.has(t.text) && t.start > ts[k - 1].end)) break;
    if (noun && SPAN_STOPS.has(words[k])) break;
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON") noun = true;
    e = k;
  }
  return { start: ts[from].start, end: ts[e].end };
}

/** The subject of a verb group starting at `g`: a source-like noun phrase, or the shared subject after "and". */
function subjectBefore(v: SentenceView, g: number): Range | null {
  const { ts, words } = v;
  let p = beforeTimeAdjunct(v, g - 1);
  // "Lavrov himself floated …"
  if (p > 0 && REFLEXIVES.has(words[p])) p--;
  if (p < 0) return null;
  let source: Range | null = null;
  if (isHeadAt(v, p)) {
    const s = npBackward(v, p);
    if (s >= 0) source = [s, p];
  } else if (p >= 2 && words[p] === "who" && isComma(ts[p - 1]) && isHeadAt(v, p - 2)) {
    // "Joe Biden, who proposed a summit": the relative pronoun's antecedent
    const s = npBackward(v, p - 2);
    if (s >= 0) return namesSource(v, s, p - 2) ? [s, p - 2] : null;
  } else if (p >= 1 && (words[p] === "and" || words[p] === "but") && ts[p].pos === "CCONJ") {
    source = coordinatedSubject(v, p);
  }
  if (!source || !namesSource(v, source[0], source[1])) return null;
  // the phrase must open its clause: "Many in Israel expect …" has no source in "Israel"
  const before = ts[source[0] - 1];
  if (before && !(before.pos === "PUNCT" || before.pos === "CCONJ" || before.pos === "SCONJ" || words[source[0] - 1] === "that")) {
    if (!L.timeHeads.has(words[source[0] - 1]) && !L.timeLeads.has(words[source[0] - 1])) return null;
  }
  if (NEGATIVE.has(words[source[0]]) || (source[0] >= 2 && words[source[0] - 1] === "of" && NEGATIVE.has(words[source[0] - 2]))) return null;
  return source;
}
