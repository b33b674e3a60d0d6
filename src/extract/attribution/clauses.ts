// Clause structure around a cue: where the source, the reported content and an aside begin and end in one sentence.
import type { Span } from "../../domain/extraction.js";
import { LEXICON as L } from "./lexicon.js";
import {
  bareClauseAt,
  isBoundary,
  isComma,
  isHead,
  isNominal,
  isPersonalPronoun,
  isReportNoun,
  isSourceNoun,
  lastContentToken,
  npBackward,
  npForward,
  verbGroup,
  type SentenceView,
} from "./phrases.js";

/** A token range [first, last] inside one sentence view (both inclusive). */
export type Range = [number, number];

/** A comma-delimited aside between a source and its cue. */
export interface Aside {
  source: Range;
  inside: Range;
  /** The aside is plainly not content: a relative clause, a participle, a chain link or a statement phrase. */
  strong: boolean;
  /** "Name, a noun phrase, said" at the start of a clause: the aside renames the source. */
  appositive: boolean;
}

/** "X, <aside>, said": the noun phrase before a comma-delimited aside that ends at comma `p`. */
export function parentheticalBefore(v: SentenceView, p: number): Aside | null {
  const { ts, words } = v;
  // a comma set inside closing quotation marks ("describing them as “working,” said") still closes the aside
  if (p >= 2 && L.closeQuotes.has(ts[p].text) && isComma(ts[p - 1])) p--;
  if (p < 1 || !isComma(ts[p])) return null;
  let q = p - 1;
  while (q > 0 && p - q < 30 && !isComma(ts[q])) q--;
  if (q <= 0 || !isComma(ts[q]) || !isHead(ts[q - 1])) return null;
  const source = climbAppositive(v, [npBackward(v, q - 1), q - 1]);
  const first = ts[q + 1];
  const strong = L.relative.has(words[q + 1]) || first.lower.endsWith("ing") && first.pos === "VERB" ||
    (first.pos === "VERB" && first.lower.endsWith("ed")) || L.linkers.matchAt(words, q + 1) > 0 ||
    L.statement.matchAt(words, q + 1) > 0 || first.pos === "ADP";
  let nominal = q + 1 <= p - 1;
  for (let k = q + 1; k < p && nominal; k++) nominal = isNominal(ts[k]) || ts[k].pos === "ADP" || isComma(ts[k]);
  const appositive = nominal && (source[0] === 0 || isBoundary(ts[source[0] - 1]));
  return { source, inside: [q + 1, p - 1], strong, appositive };
}

/** True when a noun phrase object follows the cue ("adds over 250 new features"), not just an adjunct or the end. */
export function takesObject(v: SentenceView, k: number): boolean {
  const t = v.ts[k];
  if (!t || t.pos === "PUNCT" || t.pos === "ADV" || L.timeHeads.has(t.lower)) return false;
  if (t.pos === "ADP" && t.lower !== "over" && t.lower !== "about") return false;
  return true;
}

/** True when a finite verb stands in [from, boundary) of the sentence: the stretch there can be reported content. */
export function clauseBefore(v: SentenceView, boundary: number, from = 0): boolean {
  for (let k = from; k < boundary; k++) {
    const t = v.ts[k];
    if ((t.pos === "VERB" || t.pos === "AUX") && t.lemma !== "accord") return true;
    if (L.closeQuotes.has(t.text) || L.openQuotes.has(t.text)) return true;
  }
  return false;
}

/** Where the clause holding position `at` begins: after the last "that" or colon before it ("reported that …"), else 0. */
export function clauseStart(v: SentenceView, at: number): number {
  for (let k = at - 1; k > 0; k--) {
    if ((v.words[k] === "that" && v.ts[k].pos === "SCONJ") || v.words[k] === ":") return k + 1;
  }
  return 0;
}

/**
 * An appositive names the same source again ("Laurence Mark, a co-producer of the show, said", "The Kremlin's
 * spokesman, Dmitry Peskov, told"): the source is the whole noun phrase as written, from the first name on.
 */
export function climbAppositive(v: SentenceView, source: Range, strict = false): Range {
  const { ts } = v;
  for (let guard = 0; guard < 3; guard++) {
    const b = source[0] - 1;
    if (b < 1 || !isComma(ts[b]) || !isHead(ts[b - 1])) break;
    const s0 = npBackward(v, b - 1);
    // "Whatever the venue, officials caution": a wh-phrase is no name
    if (s0 < 0 || (s0 !== 0 && !isBoundary(ts[s0 - 1])) || L.whObjects.has(v.words[s0])) break;
    // Without a closing comma the phrase may instead end reported content ("…, Seoul, officials said"):
    // climb only to a name that opens the sentence or follows an introductory phrase without a verb.
    if (strict && s0 !== 0 && clauseBefore(v, s0 - 1)) break;
    source = [s0, source[1]];
  }
  return source;
}

/** "…, said Lavrov, Russia's foreign minister.": the appositive after an inverted source, up to the sentence end. */
export function appositiveAfter(v: SentenceView, last: number): number {
  const { ts } = v;
  if (!isComma(ts[last + 1])) return last;
  const e = npForward(v, last + 2);
  if (e < 0 || L.timeWords.has(ts[e].lower) || isPersonalPronoun(ts[last + 2])) return last;
  const next = ts[e + 1];
  return next === undefined || e + 1 > lastContentToken(v) || isComma(next) ? e : last;
}

/** Position of the "saying" in "<cue> NP as saying", or -1. */
export function asSayingAfter(v: SentenceView, c: number): number {
  const last = npForward(v, c + 1);
  if (last < 0 || v.words[last + 1] !== "as") return -1;
  const k = last + 2;
  const t = v.ts[k];
  return t && t.lower.endsWith("ing") && L.quotedAs.has(v.words[c], t.lower) ? k : -1;
}

export interface Complement {
  /** First position of the reported content after the cue. */
  start: number;
  /** True when a reported clause follows: "that …", a colon or quote, or a bare clause. */
  clause: boolean;
  /** True when the clause is opened by "that", a colon or a quote. */
  explicit: boolean;
}

/** Where the reported content after cue `c` begins, past a hearer object ("told reporters") and short adjuncts. */
export function complementAt(v: SentenceView, c: number): Complement {
  const { ts, words } = v;
  let k = c + 1;
  let hearer = false;
  if (L.hearerObject.has(ts[c].lemma)) {
    // "told reporters that …", "told lawmakers the funds were spent": the hearer is not part of the content
    const e = npForward(v, k);
    if (e >= 0 && (!bareClauseAt(v, k) || bareClauseAt(v, e + 1))) {
      k = e + 1;
      hearer = true;
    }
  }
  for (let j = k; j < ts.length && j < k + 14; j++) {
    // "told reporters traveling with him that …": a participle describing the hearer does not end the scan
    if (hearer && j === k && ts[j].pos === "VERB" && /(?:ing|ed)$/.test(words[j])) continue;
    // "reported, citing the ministry, that …", "said on Thursday, according to a transcript, that …": step over an aside
    if (isComma(ts[j])) {
      const after = thatAfterAside(v, j, j === k);
      if (after > 0) return { start: after, clause: true, explicit: true };
    }
    // a colon opens reported content only before a quote or a clause, not a date ("Posted: Thursday")
    const next = ts[j + 1];
    const colonOk = words[j] !== ":" ||
      (next !== undefined && next.pos !== "NUM" && (L.openQuotes.has(next.text) || bareClauseAt(v, j + 1)));
    if (L.clauseIntroducers.has(words[j]) && colonOk) {
      return { start: j + 1, clause: true, explicit: true };
    }
    if (L.openQuotes.has(ts[j].text) && j === k) return { start: j, clause: true, explicit: true };
    // a verb-tagged noun inside an adjunct ("in his nightly video address that …") or a participle with its agent
    // ("in a statement carried by KCNA that …") does not end the scan
    const nounish = ts[j].pos === "VERB" && j > k && isNominal(ts[j - 1]) &&
      (ts[j - 1].pos !== "NOUN" && ts[j - 1].pos !== "PROPN" || (j - 2 >= k && ts[j - 2].pos === "ADJ") ||
        words[j + 1] === "by");
    if ((ts[j].pos === "VERB" && !nounish) || ts[j].pos === "AUX" || isComma(ts[j])) break;
  }
  // "said in a statement the meeting was cancelled": a statement phrase before a bare clause
  const phrase = L.statement.matchAt(words, k);
  if (phrase > 0) k += phrase;
  // "said Tuesday it would …", "said on Thursday it was …": a time adjunct before a bare clause
  let t = k;
  while (t < ts.length && t < k + 4 && (L.timeLeads.has(words[t]) || L.timeHeads.has(words[t]))) t++;
  if (t > k && L.timeHeads.has(words[t - 1]) && bareClauseAt(v, t)) return { start: t, clause: true, explicit: false };
  if (bareClauseAt(v, k)) return { start: k, clause: true, explicit: false };
  return { start: k, clause: false, explicit: false };
}

/**
 * Position after "that" when a comma-delimited aside opens at comma `j` and "that" follows its closing comma, else -1.
 * Further from the cue (`any` false) the aside must be a source or an adjunct ("according to a transcript", "citing
 * the ministry", "in a statement"), not a clause of its own ("…, writing that Pompeo had met Kim, that …").
 */
function thatAfterAside(v: SentenceView, j: number, any: boolean): number {
  const { ts, words } = v;
  let q = j + 1;
  while (q < ts.length && q < j + 10 && !isComma(ts[q])) q++;
  if (!isComma(ts[q]) || q <= j + 1 || words[q + 1] !== "that") return -1;
  if (!any) {
    const opens = L.sourceAfter.matchAt(words, j + 1) > 0 || L.linkers.matchAt(words, j + 1) > 0 || ts[j + 1].pos === "ADP";
    if (!opens || words.slice(j + 1, q).some((w) => L.clauseIntroducers.has(w))) return -1;
  }
  return q + 2;
}

/** Steps left over a time adjunct between a source and its cue ("the ministry on Monday said"). */
export function beforeTimeAdjunct(v: SentenceView, p: number): number {
  const { words } = v;
  if (p < 1 || !L.timeHeads.has(words[p])) return p;
  let k = p - 1;
  while (k >= 0 && L.timeLeads.has(words[k])) k--;
  // A bare day name right after the subject also counts ("Trump Monday said"), a bare "week" does not.
  if (k === p - 1 && !/day$/.test(words[p]) && words[p] !== "today" && words[p] !== "yesterday") return p;
  return k;
}

/** The subject of the sentence's main clause before `limit`, skipping leading subordinate clauses and adverbs. */
export function mainSubject(v: SentenceView, limit: number): Range | null {
  const { ts, words } = v;
  let from = 0;
  for (let guard = 0; guard < 6; guard++) {
    const t = ts[from];
    if (!t) return null;
    const leading = L.subordinators.has(words[from]) || t.pos === "ADP" || t.pos === "SCONJ" ||
      (t.pos === "ADV" && isComma(ts[from + 1]));
    if (!leading) break;
    let k = from;
    while (k < limit && !isComma(ts[k])) k++;
    if (k >= limit) break;
    from = k + 1;
  }
  for (let i = from; i < limit; i++) {
    const t = ts[i];
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    const g = verbGroup(v, i);
    // "The Kremlin on Monday poured cold water …": the time between subject and verb is not the subject
    const p = beforeTimeAdjunct(v, g.start - 1);
    if (p >= from && isHead(ts[p])) return [npBackward(v, p, from), p];
    if (p >= from + 1 && L.relative.has(words[p]) && isHead(ts[p - 1])) return [npBackward(v, p - 1, from), p - 1];
    return null;
  }
  return null;
}

/**
 * The subject of a verb coordinated after "and" at `p`: the antecedent of a relative clause just before ("…, Macron,
 * who spent Sunday on the telephone and announced …"), else the sentence's main subject ("Jobs welcomed … and announced").
 */
export function coordinatedSubject(v: SentenceView, p: number): Range | null {
  const { ts, words } = v;
  for (let k = p - 1; k >= 0; k--) {
    const t = ts[k];
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    // only a relative clause gives the coordinated verb another subject than the sentence's
    const q = beforeTimeAdjunct(v, verbGroup(v, k).start - 1);
    if (q >= 1 && (words[q] === "who" || words[q] === "which")) {
      const a = isComma(ts[q - 1]) ? q - 2 : q - 1;
      if (a >= 0 && isHead(ts[a])) return [npBackward(v, a), a];
    }
    break;
  }
  return mainSubject(v, p);
}

/** A chain element must name someone or something that informs: a name, a pronoun, a source or report noun. */
export function namesSource(v: SentenceView, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = v.ts[k];
    if (t.pos === "PROPN" || isPersonalPronoun(t) || isSourceNoun(t) || isReportNoun(t)) return true;
  }
  return false;
}

/** Content from the sentence start up to the boundary at `boundary` (exclusive), trimming punctuation. */
export function contentBefore(v: SentenceView, boundary: number): Span {
  const { ts } = v;
  let e = boundary;
  while (e > 0 && isBoundary(ts[e])) e--;
  if (isBoundary(ts[e])) e--;
  const s = afterDateline(v, e);
  if (e < s) return { start: ts[s].start, end: ts[s].start };
  return { start: ts[s].start, end: ts[e].end };
}

/** Last position of the content that starts at `k`: see `contentFrom`. */
function contentEnd(v: SentenceView, k: number): number {
  const { ts, words } = v;
  let last = lastContentToken(v);
  const leading = L.frameAdjuncts.matchAt(words, 0) > 0 || L.subordinators.has(words[0]);
  for (let j = k; j < last; j++) {
    if (!isComma(ts[j])) continue;
    // the comma closing a leading clause: a new clause (subject and verb) follows
    if (leading && bareClauseAt(v, j + 1)) return j - 1;
    const n = L.frameAdjuncts.matchAt(words, j + 1);
    if (n > 0 && (n > 1 || clauseBefore(v, Math.min(last + 1, j + n + 9), j + n + 1))) return j - 1;
  }
  return last;
}

/** Position after a dateline opening the sentence ("ANKARA, July 8 - ", "PARIS (AFP) - "), else 0. */
export function afterDateline(v: SentenceView, limit: number): number {
  const { ts } = v;
  let comma = false;
  for (let k = 0; k < Math.min(limit, 10); k++) {
    if (isComma(ts[k]) || (ts[k].text === ")" && k > 0)) comma = true;
    else if (L.dashes.has(ts[k].text) && comma && ts[k - 1].end < ts[k].start) return k + 1;
    else if (ts[k].pos === "VERB" || ts[k].pos === "AUX") return 0;
  }
  return 0;
}

/**
 * Content from position `k` to the end of the sentence (closing punctuation left out), or to a time adjunct that frames
 * the report ("…, a day after an aide said …"), or to the comma closing the leading clause `k` lies in ("A day after
 * Biden said he would not host him, officials stressed …").
 */
export function contentFrom(v: SentenceView, k: number): Span {
  const last = contentEnd(v, k);
  if (k > last) {
    const at = v.ts[Math.min(k, v.ts.length) - 1].end;
    return { start: at, end: at };
  }
  return { start: v.ts[k].start, end: v.ts[last].end };
}

/**
 * "described the talks as constructive", "called the meeting productive", "called it “a step forward”": the object and
 * what the source calls it, up to the end of the clause; null when the verb has no such complement ("called Putin on
 * Tuesday", "called for talks", "called off the summit").
 */
export function predicativeAt(v: SentenceView, c: number, frame: "as" | "predicative"): Span | null {
  const { ts, words } = v;
  const k = c + 1;
  const obj = npForward(v, k);
  if (obj < 0) return null;
  let j = obj + 1;
  // "describe a meeting there as possible", "described the discussions on Sept. 16 as candid": a short adjunct
  // may stand between the object and "as"; "called the conversation very useful": an adverb before the adjective
  if (frame === "as") {
    let a = j;
    while (a < ts.length && a < j + 6 && words[a] !== "as" && !isComma(ts[a]) && ts[a].pos !== "VERB" && ts[a].pos !== "AUX") a++;
    if (words[a] === "as") j = a;
  } else {
    while (j < ts.length && ts[j].pos === "ADV" && j < obj + 3) j++;
  }
  const next = ts[j];
  if (!next) return null;
  const as = words[j] === "as";
  if (frame === "as" && !as) return null;
  if (frame === "predicative" && !as) {
    // what the object is called: an adjective, a quotation, or a noun phrase of its own ("a provocation")
    const described = next.pos === "ADJ" || L.openQuotes.has(next.text) ||
      (next.pos === "DET" && !L.relative.has(next.lower) && npForward(v, j) >= 0);
    if (!described) return null;
  }
  if (as) j++;
  if (j > lastContentToken(v) || isBoundary(ts[j]) && !L.openQuotes.has(ts[j].text)) return null;
  // the complement runs to the end of its clause: a comma or semicolon, or "and" before a new verb
  let e = j;
  // "as “candid, substantive and constructive”": a quotation is described whole
  let quoted = L.openQuotes.has(ts[j].text);
  while (e + 1 <= lastContentToken(v)) {
    const t = ts[e + 1];
    if (quoted && L.closeQuotes.has(t.text)) quoted = false;
    else if (!quoted && (t.text === "," || t.text === ";")) break;
    if (t.pos === "CCONJ" && (ts[e + 2]?.pos === "VERB" || ts[e + 2]?.pos === "AUX")) break;
    e++;
  }
  return { start: ts[k].start, end: ts[e].end };
}
