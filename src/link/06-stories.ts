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

  /** Articles counted so far. */
  get articles(): number {
    return this.n;
  }

  /** Articles counted so far that use a term. */
  frequency(key: string): number {
    return this.df.get(key) ?? 0;
  }

  /** Takes up counts kept elsewhere (the store's): the number of articles, and the frequencies of some terms. */
  restore(articles: number, frequencies: Iterable<[string, number]>): void {
    this.n = articles;
    for (const [key, df] of frequencies) this.df.set(key, df);
  }

  /** Whether the frequency of a term is known here (counted, or taken up). */
  knows(key: string): boolean {
    return this.df.has(key);
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

/** Term frequencies with the background the options (or the defaults) assume. */
export function storyTermStats(opts?: StoryOptions): TermStats {
  return new TermStats(settings(opts).backgroundDocs);
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

/** One grouped article, as a split re-reads it. */
export interface StoryMember {
  id: string;
  features: StoryFeatures;
  when: number | null;
}

/** What a story's members add up to for one term. */
export interface Posting {
  /** Sum of the members' unit-vector weights for the term. */
  sum: number;
  /** Sum of the members' identity-vector weights for the term (0 when it is not an identity term). */
  identity: number;
}

/**
 * A story's running sums, all the grouping needs to score a new article against it; the store keeps them between runs.
 * Per term, the sum of the members' unit vectors (the dot product with it, over the size, is the average cosine) and of
 * their identity vectors (over `withIdentity` members that have any).
 */
export interface StorySums {
  /** Number of the story, in the order stories were started (ties go to the lower). */
  key: number;
  size: number;
  withIdentity: number;
  first: number | null;
  last: number | null;
  /** Size at which the story is next checked for holding two happenings. */
  nextCheck: number;
  terms: Map<string, Posting>;
}

/** Members a split re-reads at most; the others follow the side they resemble more, so a split costs no more as a story grows. */
const SPLIT_SAMPLE = 240;

/**
 * The online grouping's rules over whatever stories are at hand: which stories an article can join (its publication
 * time bounds them), which it joins, and when and how a grown story divides. Both the in-memory `StoryClusterer` and
 * the store's incremental grouping drive it, so they give the same stories for the same arrivals.
 */
export class StoryGrouper {
  readonly s: Settings;

  constructor(
    opts: StoryOptions | undefined,
    readonly stats: TermStats,
  ) {
    this.s = settings(opts);
  }

  /**
   * Publication span a story must reach for an article published at `when` to join it (null: any). Beyond it time decay
   * alone keeps the similarity at or below the threshold, since both averaged cosines are at most 1.
   */
  reach(when: number | null): { from: number; to: number } | null {
    if (when === null || this.s.threshold <= 0) return null;
    const days = this.s.graceDays + this.s.halfLifeDays * Math.log2(1 / this.s.threshold);
    // A day's margin: the exact decay test below decides; this only has to keep every story that might pass it.
    const ms = (days + 1) * DAY_MS;
    return { from: when - ms, to: when + ms };
  }

  /** Counts the article into the term frequencies and returns its vectors under them (as the story sums keep them). */
  observe(f: StoryFeatures): StoryVector {
    this.stats.observe(f);
    return this.stats.vector(f);
  }

  /** The most similar of `candidates` above the threshold, or null: the article starts a story. */
  best(vector: StoryVector, when: number | null, candidates: Iterable<StorySums>): StorySums | null {
    const { all: v, identity } = vector;
    let best: StorySums | null = null;
    let bestScore = this.s.threshold;
    for (const story of candidates) {
      const k = decay(gapToSpan(when, story.first, story.last), this.s);
      if (k <= this.s.threshold) continue;
      let topical = 0;
      let identityDot = 0;
      for (const [key, x] of v) {
        const p = story.terms.get(key);
        if (!p) continue;
        topical += x * p.sum;
        const y = identity.get(key);
        if (y !== undefined) identityDot += y * p.identity;
      }
      if (topical === 0) continue;
      const idDot = identity.size > 0 && story.withIdentity > 0 ? identityDot / story.withIdentity : null;
      const score = combine(topical / story.size, idDot, this.s.identityShare) * k;
      if (score > bestScore || (score === bestScore && best !== null && story.key < best.key)) {
        best = story;
        bestScore = score;
      }
    }
    return best;
  }

  /** An empty story numbered `key`. */
  open(key: number): StorySums {
    return { key, size: 0, withIdentity: 0, first: null, last: null, nextCheck: 2 * this.s.minPart, terms: new Map() };
  }

  /** Adds an article's vectors to a story's sums. */
  place(story: StorySums, vector: StoryVector, when: number | null): void {
    story.size++;
    for (const [key, x] of vector.all) {
      const p = story.terms.get(key);
      if (p) p.sum += x;
      else story.terms.set(key, { sum: x, identity: 0 });
    }
    if (vector.identity.size > 0) {
      story.withIdentity++;
      // Identity terms are a subset of all terms, so each already has its sums.
      for (const [key, x] of vector.identity) story.terms.get(key)!.identity += x;
    }
    if (when !== null) {
      story.first = story.first === null ? when : Math.min(story.first, when);
      story.last = story.last === null ? when : Math.max(story.last, when);
    }
  }

  /** Whether a story that just grew is due a split check (and, if so, sets when the next one is due). */
  due(story: StorySums): boolean {
    if (this.s.splitRatio <= 0 || story.size < story.nextCheck) return false;
    story.nextCheck = Math.ceil(story.size * 1.5);
    return true;
  }

  /**
   * Re-reads a grown story under the current term frequencies, as the batch second pass does, and divides it when it
   * holds two happenings: `story` keeps the larger part, `other` (numbered `key`) takes the rest. Both parts' sums are
   * made afresh from the current vectors. `members` are the story's articles in the order they joined.
   */
  split(story: StorySums, members: StoryMember[], key: number): { keep: StoryMember[]; move: StoryMember[]; other: StorySums } | null {
    const vectors = members.map((m) => this.stats.vector(m.features));
    const sim = (a: number, b: number) => pairSimilarity(vectors[a], vectors[b], members[a].when, members[b].when, this.s);
    // A large story is judged on an even sample of its members; the rest go to the side each resembles more.
    const step = Math.max(1, members.length / SPLIT_SAMPLE);
    const sample: number[] = [];
    for (let x = 0; Math.floor(x) < members.length; x += step) sample.push(Math.floor(x));
    const parts = bisect(sample, members.map((m) => m.features), this.s, sim);
    if (!parts) return null;
    if (sample.length < members.length) {
      const inSample = new Set(sample);
      const [left, right] = [parts[0].slice(), parts[1].slice()];
      for (let i = 0; i < members.length; i++) {
        if (inSample.has(i)) continue;
        (meanTo(i, left, sim) >= meanTo(i, right, sim) ? parts[0] : parts[1]).push(i);
      }
      for (const p of parts) p.sort((a, b) => a - b);
    }
    const [keep, move] = parts[0].length >= parts[1].length ? parts : [parts[1], parts[0]];
    const nextCheck = story.nextCheck;
    Object.assign(story, this.open(story.key), { nextCheck });
    for (const i of keep) this.place(story, vectors[i], members[i].when);
    const other = this.open(key);
    for (const i of move) this.place(other, vectors[i], members[i].when);
    return { keep: keep.map((i) => members[i]), move: move.map((i) => members[i]), other };
  }
}

function meanTo(i: number, group: number[], sim: (a: number, b: number) => number): number {
  let sum = 0;
  for (const j of group) sum += sim(i, j);
  return group.length > 0 ? sum / group.length : 0;
}

/** The online form: each article, in arrival order, joins the most similar story above the threshold or starts one. */
export class StoryClusterer {
  private readonly grouper: StoryGrouper;
  private readonly list: StorySums[] = [];
  private readonly members = new Map<number, StoryMember[]>();

  constructor(opts?: StoryOptions) {
    this.grouper = new StoryGrouper(opts, storyTermStats(opts));
  }

  /** Assigns an article to the most similar story above the threshold, or starts one; returns its story id (a grown story may later divide, so read `stories()` for current membership). */
  add(id: string, f: StoryFeatures, published?: string | null): string {
    const when = published !== undefined && published !== null ? parseTime(published) : f.published;
    const g = this.grouper;
    const vector = g.observe(f);
    const member: StoryMember = { id, features: f, when };
    let best = g.best(vector, when, this.list);
    if (!best) {
      best = g.open(this.list.length + 1);
      this.list.push(best);
      this.members.set(best.key, []);
    }
    g.place(best, vector, when);
    const members = this.members.get(best.key)!;
    members.push(member);
    if (g.due(best)) {
      const parts = g.split(best, members, this.list.length + 1);
      if (parts) {
        this.members.set(best.key, parts.keep);
        this.members.set(parts.other.key, parts.move);
        this.list.push(parts.other);
        if (parts.move.includes(member)) return `story-${parts.other.key}`;
      }
    }
    return `story-${best.key}`;
  }

  /** Story id → member article ids, in the order stories were started. */
  stories(): Map<string, string[]> {
    return new Map(this.list.map((st) => [`story-${st.key}`, this.members.get(st.key)!.map((m) => m.id)]));
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
