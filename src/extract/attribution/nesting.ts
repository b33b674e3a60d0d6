// Nested reports: "AP reports that the president said …", "…, he noted, TASS reported", "X said, according to Y, that
// …" are one attribution whose chain runs from the source the author names (the relay) to the one who spoke; a report
// inside only part of another's content stays its own, with the outer source first in its chain.
import type { Span } from "../../domain/extraction.js";
import type { Range } from "./clauses.js";
import { LEXICON as L } from "./lexicon.js";
import { isBoundary, isComma, verbGroup, type SentenceView } from "./phrases.js";

/** Words joining a second report to the first one's clause ("said …, and argued that …"). */
const COORDINATORS = new Set(["and", "but", "while", "whereas"]);

/** An attribution while its sentence is being read: positions are indices into the sentence view. */
export interface Draft {
  source: Range;
  cue: Range;
  /** Character span of the reported content. */
  content: Span;
  /** Deeper sources after the first one. */
  deeper: Range[];
  /** Sources that relay the first one ("was quoted by TASS as saying"): they come before it in the chain. */
  outer?: Range[];
  /** The one told ("told Vedomosti"): an outlet there relays the words and comes before the source. */
  hearer?: Range;
  /** The cue is a phrase before its source ("according to X", "as reported by X"), not a verb. */
  after?: boolean;
}

/**
 * Folds every report that is the whole content of another into it: the outer one keeps its source and cue, its chain
 * goes on with the inner one's, and its content becomes the inner content. Drafts are in cue order and stay so.
 */
export function nestChains(v: SentenceView, drafts: Draft[]): Draft[] {
  if (drafts.length < 2) return drafts;
  separateContents(v, drafts);
  let out = drafts;
  for (let guard = 0; guard < 4; guard++) {
    const pair = findNested(v, out);
    if (!pair) break;
    const [outer, inner, aside] = pair;
    outer.deeper.push(...(inner.outer ?? []), inner.source, ...inner.deeper);
    // an interrupting inner report has content on both sides of its cue: keep what lies inside the outer content
    outer.content = !aside
      ? { start: Math.max(inner.content.start, outer.content.start), end: Math.min(inner.content.end, outer.content.end) }
      : inner.content;
    out = out.filter((d) => d !== inner);
  }
  relayInner(v, out);
  return out;
}

/**
 * "Reuters reported that markets fell after Trump said …", "Blinken broke the news …, telling him that …, according
 * to the officials": a report inside another's content, but not all of it, stays its own attribution, and reached the
 * author through the outer source, which goes first in its chain. A relative clause is the author's own aside ("the
 * post, in which the leader wrote …") and is left alone.
 */
function relayInner(v: SentenceView, drafts: Draft[]): void {
  const byWidth = [...drafts].sort((a, b) => (b.content.end - b.content.start) - (a.content.end - a.content.start));
  for (const outer of byWidth) {
    for (const inner of drafts) {
      if (inner === outer || !holds(outer.content, chars(v, frame(inner))) || !holds(outer.content, inner.content)) continue;
      // an "according to" or "as reported by" vouches for the whole sentence, relative clauses included
      const opener = frame(inner)[0];
      const relativeClause = [1, 2].some((k) => opener - k >= 0 && RELATIVE_OPENERS.has(v.words[opener - k])) ||
        v.words.slice(inner.source[1] + 1, inner.cue[0]).some((w) => RELATIVE_OPENERS.has(w));
      if (relativeClause && !outer.after) continue;
      inner.outer = [...(outer.outer ?? []), outer.source, ...outer.deeper, ...(inner.outer ?? [])];
    }
  }
}

/** First and last character offsets of a token range. */
function chars(v: SentenceView, r: Range): Span {
  return { start: v.ts[r[0]].start, end: v.ts[r[1]].end };
}

function holds(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && inner.end > inner.start;
}

/** The stretch from a draft's source to its cue, whichever comes first ("the president said", "said Peskov"). */
function frame(d: Draft): Range {
  return [Math.min(d.source[0], d.cue[0]), Math.max(d.source[1], d.cue[1])];
}

/**
 * "The Kremlin said Putin would not attend, TASS reported": the first cue's content runs over the later report that
 * frames it, or over a report coordinated after it; it stops at the boundary before that report.
 */
function separateContents(v: SentenceView, drafts: Draft[]): void {
  for (const a of drafts) {
    for (const b of drafts) {
      if (a === b) continue;
      // "said the round should resume, and argued that …": the coordinated cue ends the first content
      const g = verbGroup(v, b.cue[0]).start;
      if (g >= 1 && b.cue[0] > a.cue[1] && holds(a.content, chars(v, b.cue)) && COORDINATORS.has(v.words[g - 1])) {
        let e = g - 2;
        while (e > 0 && isBoundary(v.ts[e])) e--;
        if (v.ts[e].end > a.content.start) a.content.end = Math.min(a.content.end, v.ts[e].end);
        continue;
      }
      const bFrame = chars(v, frame(b));
      if (!holds(a.content, bFrame) || b.cue[0] < a.cue[1]) continue;
      // "… as saying X, and the Walla news site reported that …": a report of its own, coordinated after the content
      const coordinated = frame(b)[0] >= 2 && isComma(v.ts[frame(b)[0] - 2]) && COORDINATORS.has(v.words[frame(b)[0] - 1]);
      if (!coordinated && !holds(b.content, chars(v, a.cue))) continue;
      let e = frame(b)[0] - (coordinated ? 2 : 1);
      while (e > 0 && isBoundary(v.ts[e])) e--;
      if (v.ts[e].end > a.content.start) a.content.end = Math.min(a.content.end, v.ts[e].end);
    }
  }
}

/** The first pair (outer, inner) where the inner report is all the outer one reports, and whether the outer is an aside. */
function findNested(v: SentenceView, drafts: Draft[]): [Draft, Draft, boolean] | null {
  for (const outer of drafts) {
    for (const inner of drafts) {
      if (outer === inner) continue;
      if (isWholeContent(v, outer, inner)) return [outer, inner, false];
      if (isAsideOf(v, outer, inner)) return [outer, inner, true];
    }
  }
  return null;
}

/**
 * "AP reports that the president said the talks were productive", "Putin is ready, he noted, TASS reported": the inner
 * source, cue and content fill the outer content, leaving no verb of another clause ("… that markets fell after
 * Trump said …" stays two reports).
 */
function isWholeContent(v: SentenceView, outer: Draft, inner: Draft): boolean {
  const oc = outer.content;
  if (!holds(oc, chars(v, frame(inner)))) return false;
  // "the North's statement, which accused Seoul …, was released": a relative clause is not what the outer one reports
  for (let k = inner.source[1] + 1; k < inner.cue[0]; k++) if (L.relative.has(v.words[k])) return false;
  // an interrupting report ("the talks, the president said, were productive") has content on both sides of its cue
  const ic = { start: Math.max(inner.content.start, oc.start), end: inner.content.end };
  if (!holds(oc, ic)) return false;
  // the inner source, its cue with the auxiliaries before it, and its chain; what lies between source and cue is an
  // aside ("the president, in a statement, said") that may hold a participle but no verb of its own
  const group = verbGroup(v, inner.cue[0]).start;
  const covered: Range[] = [inner.source, [Math.min(group, inner.cue[0]), inner.cue[1]], ...inner.deeper, ...(inner.outer ?? [])];
  for (let k = 0; k < v.ts.length; k++) {
    const t = v.ts[k];
    if (t.start < oc.start || t.end > oc.end) continue;
    if (t.start >= ic.start && t.end <= ic.end) continue;
    if (covered.some(([a, b]) => k >= a && k <= b)) continue;
    if (k > inner.source[1] && k < group && t.pos === "VERB" && /(?:ing|ed)$/.test(t.lower)) continue;
    // a verb of another clause, or a relative clause ("said nothing about the post, in which the leader wrote …")
    if (t.pos === "VERB" || t.pos === "AUX" || RELATIVE_OPENERS.has(t.lower)) return false;
  }
  return true;
}

/** Words that open a relative clause; "that" is left out, as it mostly opens the reported clause itself. */
const RELATIVE_OPENERS = new Set(["which", "who", "whom", "whose", "where"]);

/** "Peskov said on Thursday, according to a transcript, that …": the outer report sits between the inner cue and content. */
function isAsideOf(v: SentenceView, outer: Draft, inner: Draft): boolean {
  const gapStart = v.ts[Math.max(inner.cue[1], inner.source[1])].end;
  const gapEnd = inner.content.start;
  const of = chars(v, frame(outer));
  return of.start >= gapStart && of.end <= gapEnd && holds(outer.content, chars(v, inner.cue));
}
