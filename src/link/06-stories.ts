// Stories: groups articles about one developing real-world happening, apart from similar happenings of the same kind.
import { tokenize, type Doc, type Sentence, type Token } from "../extract/01-tokens.js";
import { loadData } from "../extract/resources.js";

/** The parts of an article the story grouping reads. */
export interface StoryDocument {
  id: string;
  text: string;
  title?: string | null;
  /** Publication time (ISO 8601), when known. */
  published?: string | null;
}

/** Kinds of evidence, each with its own weight: names and dates tell stories apart, common words only topics. */
export type TermKind = "word" | "verb" | "name" | "phrase" | "number" | "year" | "date";

/** Weighted sparse evidence of one article, before corpus weighting (idf) is applied. */
export interface StoryFeatures {
  /** Term key ("kind:value") → kind weight × sublinear term frequency × position boost. */
  terms: Map<string, number>;
  /** Publication time in ms since the epoch, or null. */
  published: number | null;
}

/** Tuning of feature weights, the join threshold and time decay. */
export interface StoryOptions {
  /** Minimum similarity for an article to join a story: topical and identity cosines, each averaged over its members. */
  threshold?: number;
  /** Days within which publication distance costs nothing. */
  graceDays?: number;
  /** Half-life, in days beyond the grace period, of the similarity between articles far apart in time. */
  halfLifeDays?: number;
  /** Weight per term kind. */
  weights?: Partial<Record<TermKind, number>>;
  /** Multiplier for terms in the title and the opening sentences. */
  leadBoost?: number;
  /** A group splits in two when the similarity between its halves is below this share of their own cohesion (0: never). */
  splitRatio?: number;
  /** Smallest half a split may leave. */
  minPart?: number;
  /** Unrelated articles assumed already seen when learning term frequencies (keeps small corpora comparable). */
  backgroundDocs?: number;
  /** Share (0–1) of the similarity decided by names, numbers and dates alone, in a weighted geometric mean. */
  identityShare?: number;
  /** Number of opening sentences treated as the lead, the title's among them. */
  leadSentences?: number;
}

interface Settings {
  threshold: number;
  graceDays: number;
  halfLifeDays: number;
  weights: Record<TermKind, number>;
  leadBoost: number;
  leadSentences: number;
  identityShare: number;
  splitRatio: number;
  minPart: number;
  backgroundDocs: number;
}

const DEFAULT_WEIGHTS: Record<TermKind, number> = {
  word: 1,
  verb: 0.6,
  name: 2,
  phrase: 2,
  number: 1.5,
  year: 1.5,
  date: 2,
};

const DEFAULTS: Omit<Settings, "weights"> = {
  threshold: 0.12,
  graceDays: 7,
  halfLifeDays: 30,
  leadBoost: 1.5,
  leadSentences: 2,
  identityShare: 0.5,
  splitRatio: 0.6,
  minPart: 3,
  backgroundDocs: 10,
};

function settings(opts: StoryOptions | undefined): Settings {
  return {
    threshold: opts?.threshold ?? DEFAULTS.threshold,
    graceDays: opts?.graceDays ?? DEFAULTS.graceDays,
    halfLifeDays: opts?.halfLifeDays ?? DEFAULTS.halfLifeDays,
    leadBoost: opts?.leadBoost ?? DEFAULTS.leadBoost,
    leadSentences: opts?.leadSentences ?? DEFAULTS.leadSentences,
    identityShare: opts?.identityShare ?? DEFAULTS.identityShare,
    splitRatio: opts?.splitRatio ?? DEFAULTS.splitRatio,
    minPart: opts?.minPart ?? DEFAULTS.minPart,
    backgroundDocs: opts?.backgroundDocs ?? DEFAULTS.backgroundDocs,
    weights: { ...DEFAULT_WEIGHTS, ...(opts?.weights ?? {}) },
  };
}

interface StoryLexicon {
  words: string[];
  months: Record<string, number>;
}

let lexicon: { stop: Set<string>; months: Map<string, number> } | null = null;

function words(): { stop: Set<string>; months: Map<string, number> } {
  if (!lexicon) {
    const raw = loadData<StoryLexicon>("lexicons/stopwords.json");
    lexicon = { stop: new Set(raw.words), months: new Map(Object.entries(raw.months)) };
  }
  return lexicon;
}

// A line that is only a web address (as web-collected texts often begin), or an inline address.
const URLS = /^[ \t]*(?:https?:|www\.)[^\n]*$|\bhttps?:\/\/\S+/gim;
const YEAR = /^(?:1[89]\d\d|20\d\d)$/;
const NUMBER = /^[$€£]?\d[\d,.]*(?:%|st|nd|rd|th|s)?$/i;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPELLED_OUT_OK = /^\p{L}[\p{L}\p{N}'.&-]*$/u;
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);

/** Milliseconds of a date string, or null when absent or unreadable. */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function normaliseNumber(text: string): string | null {
  const digits = text.replace(/^[$€£]/, "").replace(/,/g, "").replace(/(?:st|nd|rd|th|s)$/i, "");
  if (!/\d/.test(digits)) return null;
  // Small counts ("2 people", "3rd round") recur across unrelated stories; they carry little.
  const n = Number(digits.replace(/%$/, ""));
  if (Number.isFinite(n) && Number.isInteger(n) && n >= 0 && n < 10 && !text.includes("%")) return null;
  return digits;
}

function isCapitalised(t: Token): boolean {
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

function monthOf(tokens: Token[], i: number, months: Map<string, number>): number | null {
  const t = tokens[i];
  if (!isCapitalised(t)) return null;
  const m = months.get(t.lower.replace(/\.$/, ""));
  return m ?? null;
}

/** Reads an article into weighted terms: content lemmas, proper names and their phrases, numbers, years, dates. */
export function storyFeatures(doc: StoryDocument, opts?: StoryOptions): StoryFeatures {
  return storyFeaturesFromTokens(doc, tokenize(doc.text), opts);
}

/**
 * The same features from `body`, the tokens of `doc.text` already read (by extraction), so the text is not tokenized
 * a second time; only the short title is. Both entry points go through here, so stored features never depend on
 * which one ran.
 */
export function storyFeaturesFromTokens(doc: StoryDocument, body: Doc, opts?: StoryOptions): StoryFeatures {
  if (body.text !== doc.text) throw new Error(`storyFeaturesFromTokens: the tokens of ${doc.id} are of another text`);
  const s = settings(opts);
  const { stop, months } = words();
  const counts = new Map<string, { kind: TermKind; n: number; lead: boolean }>();
  const note = (key: string, kind: TermKind, lead: boolean) => {
    const c = counts.get(key);
    if (c) {
      c.n++;
      c.lead ||= lead;
    } else counts.set(key, { kind, n: 1, lead });
  };

  // Title and body are separate token streams, so no phrase or date runs from the headline into the first line.
  const read = (parsed: Doc, skip: Uint8Array, leadEnd: number) => {
    const tokens = parsed.tokens;
    let phrase: string[] = [];
    let phraseLead = false;
    const closePhrase = () => {
      if (phrase.length > 1) note("phrase:" + phrase.join(" "), "phrase", phraseLead);
      phrase = [];
      phraseLead = false;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (skip[i]) {
        // Names on either side of a web address are not one name.
        closePhrase();
        continue;
      }
      const lead = t.end <= leadEnd;
      const month = monthOf(tokens, i, months);
      if (month !== null) {
        closePhrase();
        // "May 3, 2013", "May 2013", "3 May 2013": a month paired with a year within three tokens.
        for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
          if (YEAR.test(tokens[j].text)) {
            note(`date:${tokens[j].text}-${String(month).padStart(2, "0")}`, "date", lead);
            break;
          }
          if (tokens[j].text.includes("\n")) break;
        }
        continue;
      }
      if (YEAR.test(t.text)) {
        closePhrase();
        note("year:" + t.text, "year", lead);
        continue;
      }
      if (!CONTENT_POS.has(t.pos) && !(t.pos === "X" && isCapitalised(t))) {
        closePhrase();
        continue;
      }
      if (t.pos === "NUM" || NUMBER.test(t.text)) {
        closePhrase();
        const n = normaliseNumber(t.lower);
        if (n !== null) note("number:" + n, "number", lead);
        continue;
      }
      const lemma = t.lemma;
      if (!HAS_LETTER_OR_DIGIT.test(lemma) || lemma.length < 2 || stop.has(lemma) || stop.has(t.lower)) {
        closePhrase();
        continue;
      }
      if (!SPELLED_OUT_OK.test(lemma)) {
        closePhrase();
        continue;
      }
      if (t.pos === "PROPN" || (t.pos === "X" && isCapitalised(t))) {
        note("name:" + t.lower, "name", lead);
        phrase.push(t.lower);
        phraseLead ||= lead;
        continue;
      }
      closePhrase();
      note((t.pos === "VERB" ? "verb:" : "word:") + lemma, t.pos === "VERB" ? "verb" : "word", lead);
    }
    closePhrase();
  };

  // The lead is the opening `leadSentences` sentences of title and body together: the whole title, then as many body
  // sentences as the title leaves. A sentence that is only a web address says nothing and does not take a place.
  let leadLeft = s.leadSentences;
  if (doc.title) {
    const title = tokenize(doc.title);
    const skip = inAddress(title);
    leadLeft -= keptSentences(title, skip).length;
    read(title, skip, Infinity);
  }
  const skip = inAddress(body);
  const lead = leadLeft > 0 ? keptSentences(body, skip).slice(0, leadLeft) : [];
  read(body, skip, lead.at(-1)?.end ?? -1);

  const terms = new Map<string, number>();
  for (const [key, c] of counts) {
    const w = s.weights[c.kind] * (1 + Math.log(c.n)) * (c.lead ? s.leadBoost : 1);
    if (w > 0) terms.set(key, w);
  }
  return { terms, published: parseTime(doc.published) };
}

/** Marks the tokens that overlap a web address, which tell nothing about the happening. */
function inAddress(parsed: Doc): Uint8Array {
  const skip = new Uint8Array(parsed.tokens.length);
  // Matches come in text order without overlapping, so one pass over tokens and addresses together suffices.
  const spans = [...parsed.text.matchAll(URLS)].map((m) => [m.index, m.index + m[0].length] as const);
  let k = 0;
  for (let i = 0; i < parsed.tokens.length && k < spans.length; i++) {
    const t = parsed.tokens[i];
    while (k < spans.length && spans[k][1] <= t.start) k++;
    if (k < spans.length && spans[k][0] < t.end) skip[i] = 1;
  }
  return skip;
}

/** The sentences holding something besides web addresses. */
function keptSentences(parsed: Doc, skip: Uint8Array): Sentence[] {
  return parsed.sentences.filter((sentence) => {
    for (let t = sentence.first; t < sentence.last; t++) if (!skip[t]) return true;
    return false;
  });
}

// Bump when storyFeatures or its default weights change: stored features of another version are read again from the text.
const FEATURES_VERSION = 2;

/** Story features as stored with an article (default options only; terms and weights, not the date). */
export function encodeStoryFeatures(f: StoryFeatures): string {
  return JSON.stringify({ v: FEATURES_VERSION, terms: [...f.terms] });
}

/** Whether stored story features were made by this version (cheaply, without reading them). */
export function storyFeaturesCurrent(stored: string | null): boolean {
  return stored !== null && stored.startsWith(`{"v":${FEATURES_VERSION},`);
}

/** Stored story features, or null when they were made by another version and must be computed afresh. */
export function decodeStoryFeatures(stored: string, published: string | null): StoryFeatures | null {
  const parsed = JSON.parse(stored) as { v?: number; terms?: [string, number][] };
  if (parsed.v !== FEATURES_VERSION || !Array.isArray(parsed.terms)) return null;
  return { terms: new Map(parsed.terms), published: parseTime(published) };
}

/** Document frequencies learned from the articles seen so far. */
export class TermStats {
  private df = new Map<string, number>();
  private n = 0;

  /** `background`: articles assumed seen that share none of the terms, so a small one-story corpus keeps its shared words. */
  constructor(private readonly background = 1) {}

  /** Counts one article's distinct terms. */
  observe(f: StoryFeatures): void {
    this.n++;
    for (const key of f.terms.keys()) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  /** Inverse document frequency, above zero even for a term in every article so a small corpus still compares. */
  idf(key: string): number {
    return Math.log((this.n + this.background) / Math.max(this.df.get(key) ?? 0, 0.5));
  }

  /** Unit-length TF-IDF vectors of an article under the current frequencies: all terms, and identity terms only. */
  vector(f: StoryFeatures): StoryVector {
    return { all: this.unit(f, null), identity: this.unit(f, IDENTITY_KINDS) };
  }

  private unit(f: StoryFeatures, kinds: Set<string> | null): Map<string, number> {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [key, w] of f.terms) {
      if (kinds && !kinds.has(key.slice(0, key.indexOf(":")))) continue;
      const x = w * this.idf(key);
      if (x > 0) {
        v.set(key, x);
        norm += x * x;
      }
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [key, x] of v) v.set(key, x / norm);
    return v;
  }
}

/** Kinds that name *which* happening this is (who, where, how many, when), as opposed to what kind it is. */
const IDENTITY_KINDS = new Set<string>(["name", "phrase", "number", "year", "date"]);

/** An article's unit vectors: over all terms (topic) and over identity terms (which happening). */
export interface StoryVector {
  all: Map<string, number>;
  identity: Map<string, number>;
}

/** Story similarity from the topical and the identity similarity; the identity part falls back to the topical one when absent. */
function combine(topical: number, identity: number | null, share: number): number {
  if (topical <= 0) return 0;
  const id = identity === null ? topical : identity;
  if (id <= 0) return 0;
  return Math.pow(topical, 1 - share) * Math.pow(id, share);
}

const DAY_MS = 86_400_000;

/** Multiplier in (0, 1] for two articles `gapMs` apart: 1 within the grace period, then halving every half-life. */
export function timeDecay(gapMs: number | null, opts?: StoryOptions): number {
  return decay(gapMs, settings(opts));
}

function decay(gapMs: number | null, s: Settings): number {
  if (gapMs === null) return 1;
  const days = Math.abs(gapMs) / DAY_MS - s.graceDays;
  if (days <= 0) return 1;
  return Math.pow(0.5, days / s.halfLifeDays);
}

/** Distance in ms from a time to a story's publication span, or null when either is unknown. */
function gapToSpan(t: number | null, lo: number | null, hi: number | null): number | null {
  if (t === null || lo === null || hi === null) return null;
  if (t < lo) return lo - t;
  if (t > hi) return t - hi;
  return 0;
}

interface Member {
  id: string;
  features: StoryFeatures;
  when: number | null;
  /** The vectors as first computed, which the story sums hold. */
  vector: StoryVector;
}

/** What a story's members add up to for one term. */
interface Posting {
  /** Sum of the members' unit-vector weights for the term. */
  sum: number;
  /** Sum of the members' identity-vector weights for the term (0 when it is not an identity term). */
  identity: number;
}

interface Story {
  id: string;
  /** Dense number of the story, for the scoring scratch arrays. */
  slot: number;
  members: Member[];
  /**
   * Per term, the sum of the members' unit vectors (the dot product with it, over the size, is the average cosine) and
   * of their identity vectors (over `withIdentity` members that have any). The same objects sit in the term index.
   */
  terms: Map<string, Posting>;
  withIdentity: number;
  first: number | null;
  last: number | null;
  /** Size at which the story is next checked for holding two happenings. */
  nextCheck: number;
}

export class StoryClusterer {
  private readonly s: Settings;
  private readonly stats: TermStats;
  private readonly list: Story[] = [];
  private started = 0;
  /** Term → the stories whose members use it, with their sums for it, so only stories sharing a term are scored. */
  private readonly index = new Map<string, Map<Story, Posting>>();
  // Scoring scratch, indexed by story slot and zeroed again after each article.
  private topical = new Float64Array(64);
  private identityDots = new Float64Array(64);

  constructor(opts?: StoryOptions) {
    this.s = settings(opts);
    this.stats = new TermStats(this.s.backgroundDocs);
  }

  /** Assigns an article to the most similar story above the threshold, or starts one; returns its story id (a grown story may later divide, so read `stories()` for current membership). */
  add(id: string, f: StoryFeatures, published?: string | null): string {
    const when = published !== undefined && published !== null ? parseTime(published) : f.published;
    this.stats.observe(f);
    const vector = this.stats.vector(f);
    const { all: v, identity } = vector;
    if (this.topical.length < this.started) {
      this.topical = new Float64Array(this.started * 2);
      this.identityDots = new Float64Array(this.started * 2);
    }
    const topical = this.topical;
    const identityDots = this.identityDots;
    // One pass over the postings of the article's terms scores every story that shares any of them. Weights and sums
    // are positive, so a slot still at zero marks a story not yet met.
    const touched: Story[] = [];
    for (const [key, x] of v) {
      const postings = this.index.get(key);
      if (!postings) continue;
      const y = identity.get(key);
      for (const [story, p] of postings) {
        const i = story.slot;
        if (topical[i] === 0) touched.push(story);
        topical[i] += x * p.sum;
        if (y !== undefined) identityDots[i] += y * p.identity;
      }
    }
    let best: Story | null = null;
    let bestScore = this.s.threshold;
    for (const story of touched) {
      const i = story.slot;
      const idDot = identity.size > 0 && story.withIdentity > 0 ? identityDots[i] / story.withIdentity : null;
      const k = decay(gapToSpan(when, story.first, story.last), this.s);
      const score = combine(topical[i] / story.members.length, idDot, this.s.identityShare) * k;
      if (score > bestScore || (score === bestScore && best !== null && story.id < best.id)) {
        best = story;
        bestScore = score;
      }
      topical[i] = 0;
      identityDots[i] = 0;
    }
    const member: Member = { id, features: f, when, vector };
    if (!best) {
      best = this.open([]);
      this.list.push(best);
    }
    this.place(best, member);
    if (this.s.splitRatio > 0 && best.members.length >= best.nextCheck) {
      best.nextCheck = Math.ceil(best.members.length * 1.5);
      this.trySplit(best);
      if (!best.members.includes(member)) return this.list.find((st) => st.members.includes(member))!.id;
    }
    return best.id;
  }

  /** Story id → member article ids, in the order stories were started. */
  stories(): Map<string, string[]> {
    return new Map(this.list.map((st) => [st.id, st.members.map((m) => m.id)]));
  }

  private open(members: Member[]): Story {
    const story: Story = {
      slot: this.started,
      id: `story-${++this.started}`,
      members: [],
      terms: new Map(),
      withIdentity: 0,
      first: null,
      last: null,
      nextCheck: 2 * this.s.minPart,
    };
    for (const m of members) this.place(story, m);
    return story;
  }

  private place(story: Story, m: Member): void {
    story.members.push(m);
    for (const [key, x] of m.vector.all) {
      let p = story.terms.get(key);
      if (!p) {
        story.terms.set(key, (p = { sum: 0, identity: 0 }));
        let postings = this.index.get(key);
        if (!postings) this.index.set(key, (postings = new Map()));
        postings.set(story, p);
      }
      p.sum += x;
    }
    if (m.vector.identity.size > 0) {
      story.withIdentity++;
      // Identity terms are a subset of all terms, so each already has its posting.
      for (const [key, x] of m.vector.identity) story.terms.get(key)!.identity += x;
    }
    if (m.when !== null) {
      story.first = story.first === null ? m.when : Math.min(story.first, m.when);
      story.last = story.last === null ? m.when : Math.max(story.last, m.when);
    }
  }

  /** Re-reads a grown story as the batch second pass does, and divides it when it holds two happenings. */
  private trySplit(story: Story): void {
    const features = story.members.map((m) => m.features);
    const vectors = features.map((f) => this.stats.vector(f));
    const group = story.members.map((_, i) => i);
    const sim = (a: number, b: number) =>
      pairSimilarity(vectors[a], vectors[b], story.members[a].when, story.members[b].when, this.s);
    const parts = bisect(group, features, this.s, sim);
    if (!parts) return;
    for (const key of story.terms.keys()) this.index.get(key)?.delete(story);
    const [keep, move] = parts[0].length >= parts[1].length ? parts : [parts[1], parts[0]];
    const members = story.members;
    Object.assign(story, { members: [], terms: new Map(), withIdentity: 0, first: null, last: null });
    for (const i of keep) this.place(story, members[i]);
    const other = this.open(move.map((i) => members[i]));
    this.list.push(other);
  }
}

/** Decayed, combined similarity of two articles, as every pass of both forms measures it. */
function pairSimilarity(a: StoryVector, b: StoryVector, ta: number | null, tb: number | null, s: Settings): number {
  const k = decay(ta !== null && tb !== null ? ta - tb : null, s);
  const hasIdentity = a.identity.size > 0 && b.identity.size > 0;
  return combine(dot(a.all, b.all) * k, hasIdentity ? dot(a.identity, b.identity) * k : null, s.identityShare);
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let sum = 0;
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/** Batch form: average-link clustering cut at the threshold, then a pass that splits groups holding two happenings. */
export function clusterStories(docs: StoryDocument[], opts?: StoryOptions): string[][] {
  const features = docs.map((d) => storyFeatures(d, opts));
  return clusterFeatures(
    docs.map((d) => d.id),
    features,
    opts,
  );
}

/** The batch clustering over precomputed features (ids and features in the same order). */
export function clusterFeatures(ids: string[], features: StoryFeatures[], opts?: StoryOptions): string[][] {
  const s = settings(opts);
  const all = ids.map((_, i) => i);
  const { topical, identity, vectors } = similarities(all, features, s, s.backgroundDocs);
  const topics = agglomerate(all, topical, identity, s);
  const when = features.map((f) => f.published);
  const sim = (a: number, b: number) => pairSimilarity(vectors[a], vectors[b], when[a], when[b], s);
  const done: number[][] = [];
  // Second pass: a topic-level group splits when it holds two well-separated happenings of the same kind.
  while (topics.length > 0) {
    const group = topics.pop()!;
    const parts = s.splitRatio > 0 ? bisect(group, features, s, sim) : null;
    if (parts) topics.push(parts[0], parts[1]);
    else done.push(group);
  }
  for (const g of done) g.sort((a, b) => a - b);
  done.sort((a, b) => a[0] - b[0]);
  return done.map((g) => g.map((i) => ids[i]));
}

/** Decayed topical and identity similarity matrices of some articles, under frequencies learned from those articles. */
function similarities(members: number[], features: StoryFeatures[], s: Settings, background: number) {
  const n = members.length;
  const stats = new TermStats(background);
  for (const i of members) stats.observe(features[i]);
  const vectors = members.map((i) => stats.vector(features[i]));
  const topical = pairwiseDots(vectors.map((v) => v.all));
  const identity = pairwiseDots(vectors.map((v) => v.identity));
  const hasIdentity = vectors.map((v) => v.identity.size > 0);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const ta = features[members[a]].published;
      const tb = features[members[b]].published;
      const k = decay(ta !== null && tb !== null ? ta - tb : null, s);
      topical[a * n + b] *= k;
      // Without identity terms on one side the pair is judged on its topic alone.
      identity[a * n + b] = hasIdentity[a] && hasIdentity[b] ? identity[a * n + b] * k : topical[a * n + b];
    }
  }
  return { topical, identity, vectors };
}

/** Average-link clusters of `members` cut at the join threshold (indices into `features`). */
function agglomerate(members: number[], topical: Float64Array, identity: Float64Array, s: Settings): number[][] {
  const n = members.length;
  if (n === 0) return [];
  const merges = averageLinkMerges(topical, identity, n, s.identityShare);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const m of merges) {
    if (m.sim < s.threshold) continue;
    const a = find(m.a);
    const b = find(m.b);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(members[i]);
  }
  return [...groups.values()];
}

interface Node {
  members: number[];
  children: [Node, Node] | null;
}

/**
 * Splits a group in two when its main dendrogram division (ignoring stray articles) is clearly weaker than the
 * cohesion of both sides, judged with frequencies learned inside the group so that shared topic names fade.
 */
function bisect(
  group: number[],
  features: StoryFeatures[],
  s: Settings,
  globalSim: (a: number, b: number) => number,
): [number[], number[]] | null {
  const n = group.length;
  if (n < 2 * s.minPart) return null;
  // No background here: within the group, names every member shares should fade and the differences stand out.
  const { topical, identity } = similarities(group, features, s, 1);
  // Replayed in the order performed, each merge names the current representatives of its two clusters.
  const merges = averageLinkMerges(topical, identity, n, s.identityShare);
  const nodes: Node[] = Array.from({ length: n }, (_, i) => ({ members: [i], children: null }));
  for (const m of merges) {
    nodes[m.a] = { members: [...nodes[m.a].members, ...nodes[m.b].members], children: [nodes[m.a], nodes[m.b]] };
  }
  let node = nodes[merges.length > 0 ? merges[merges.length - 1].a : 0];
  const strays: number[] = [];
  // Walk down past divisions that only shed a few stray articles.
  while (node.children) {
    const [l, r] = node.children;
    if (l.members.length >= s.minPart && r.members.length >= s.minPart) break;
    const small = l.members.length < r.members.length ? l : r;
    strays.push(...small.members);
    node = small === l ? r : l;
  }
  if (!node.children) return null;
  const [left, right] = node.children.map((c) => c.members);
  const mean = (xs: number[], ys: number[]) => {
    let sum = 0;
    let count = 0;
    for (const x of xs)
      for (const y of ys)
        if (x !== y) {
          sum += globalSim(group[x], group[y]);
          count++;
        }
    return count > 0 ? sum / count : 0;
  };
  const between = mean(left, right);
  const within = Math.min(mean(left, left), mean(right, right));
  if (between >= s.splitRatio * within) return null;
  for (const x of strays) (mean([x], left) >= mean([x], right) ? left : right).push(x);
  return [left.map((i) => group[i]), right.map((i) => group[i])];
}

/** Dense symmetric matrix of dot products of unit vectors, filled through an inverted index so unrelated pairs cost nothing. */
function pairwiseDots(vectors: Map<string, number>[]): Float64Array {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  const postings = new Map<string, { doc: number; x: number }[]>();
  vectors.forEach((v, doc) => {
    for (const [key, x] of v) {
      let p = postings.get(key);
      if (!p) postings.set(key, (p = []));
      p.push({ doc, x });
    }
  });
  for (const p of postings.values()) {
    for (let a = 0; a < p.length; a++) {
      for (let b = a + 1; b < p.length; b++) {
        const w = p[a].x * p[b].x;
        sim[p[a].doc * n + p[b].doc] += w;
        sim[p[b].doc * n + p[a].doc] += w;
      }
    }
  }
  return sim;
}

interface Merge {
  a: number;
  b: number;
  sim: number;
}

/**
 * Average-link dendrogram by the nearest-neighbour chain, O(n²): both similarities are averaged over member pairs
 * (Lance–Williams) and combined only when comparing, exactly as the online clusterer scores a story.
 */
function averageLinkMerges(topical: Float64Array, identity: Float64Array, n: number, share: number): Merge[] {
  const size = new Array<number>(n).fill(1);
  const active = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) {
      for (let i = 0; i < n; i++)
        if (active[i]) {
          chain.push(i);
          break;
        }
    }
    const top = chain[chain.length - 1];
    const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === top || !active[j]) continue;
      const x = combine(topical[top * n + j], identity[top * n + j], share);
      // Ties prefer the previous chain element, which guarantees the chain ends in a reciprocal pair.
      if (x > bestSim || (x === bestSim && j === prev)) {
        best = j;
        bestSim = x;
      }
    }
    if (best === prev) {
      chain.pop();
      chain.pop();
      const a = Math.min(top, prev);
      const b = Math.max(top, prev);
      merges.push({ a, b, sim: bestSim });
      for (let k = 0; k < n; k++) {
        if (!active[k] || k === a || k === b) continue;
        for (const m of [topical, identity]) {
          const x = (size[a] * m[a * n + k] + size[b] * m[b * n + k]) / (size[a] + size[b]);
          m[a * n + k] = x;
          m[k * n + a] = x;
        }
      }
      size[a] += size[b];
      active[b] = false;
      remaining--;
    } else chain.push(best);
  }
  return merges;
}
