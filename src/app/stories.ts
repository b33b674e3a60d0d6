// Stories are a grouping of all stored articles as if grown one article at a time in ingest order from the first, so
// the result depends only on what is stored and never on where an interrupted run stopped. The grouping's state (each
// story's term sums and span, each article's story, term frequencies) is kept in the store with the number of the
// last article it took in; a run groups the articles stored after that number, each against the stories its
// publication time lets it join, and writes only the stories that changed.
//
// A process keeps what it read and wrote of that state from one run to the next (every story's span, the decoded sums
// of the stories lately in reach), so a single new article costs what it touches, not a decoding of every story within
// its reach. The state carries a stamp that names the articles grouped, in order (a hash chained over their ids); since
// the state is a function of that sequence, kept state is used only while the stamp and counters in the store are the
// ones it was kept with, so another writer's grouping is always seen. The stamp does not depend on how the articles
// were split into runs, so a grown store and a rebuilt one hold the same.
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import {
  StoryGrouper,
  storyTermStats,
  decodeStoryFeatures,
  encodeStoryFeatures,
  parseTime,
  storyFeatures,
  type Posting,
  type StoryFeatures,
  type StoryMember,
  type StorySums,
} from "../link/06-stories.js";
import { isReadable } from "../ingest/language.js";
import { getMeta, setMeta, type Executor, type Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import {
  addToStory,
  articlesAfter,
  clearStories,
  groupMemberIds,
  groupMembers,
  groupSpans,
  loadGroups,
  saveGroups,
  saveTermFrequencies,
  setGroupMembers,
  storyHeads,
  termFrequencies,
  updateStories,
  type GroupedArticle,
  type StoredGroup,
} from "../store/stories.js";

// The number of the last article the grouping took in, how many it took in, and the next story number.
const GROUPED_TO = "stories.grouped_to_seq";
const GROUPED = "stories.grouped_articles";
const NEXT_KEY = "stories.next_key";
// The hash chained over the ids of the articles grouped, in order: state a process kept is good only with its stamp.
const STAMP = "stories.stamp";
// Articles grouped per transaction: a long catch-up (or a rebuild) commits as it goes and resumes where it stopped.
const CHUNK = 500;
// Term sums kept decoded between runs at most (some 100 bytes each); past this only the latest article's reach is kept.
const KEPT_POSTINGS = 2_000_000;

/** One stored article as the grouping takes it in. */
interface Arrival {
  id: string;
  seq: number;
  published: string | null;
  features: StoryFeatures;
}

/** A story's sums as decoded, with the written story it stands for. */
interface Loaded {
  sums: StorySums;
  storyId: string | null;
}

/** A story's publication span. */
interface Span {
  first: number | null;
  last: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Every grouped story's span, filed by the day its latest article was published, so the stories an article can reach
 * are found without looking at all of them. A decoded story is filed under its sums themselves; after they change,
 * `file` is called again to move it.
 */
class Spans {
  private readonly spans = new Map<number, Span>();
  private readonly filedUnder = new Map<number, number | null>();
  private readonly byDay = new Map<number, Set<number>>();
  /** Days that have (or had) stories filed under them, ascending. */
  private readonly days: number[] = [];
  private readonly undated = new Set<number>();

  constructor(spans: Iterable<[number, Span]> = []) {
    for (const [key, span] of spans) this.file(key, span);
  }

  get size(): number {
    return this.spans.size;
  }

  /** Files a story's span (again, when it changed). */
  file(key: number, span: Span): void {
    this.spans.set(key, span);
    const day = span.last === null ? null : Math.floor(span.last / DAY_MS);
    const was = this.filedUnder.get(key);
    if (was === day && this.filedUnder.has(key)) return;
    if (was === null) this.undated.delete(key);
    else if (was !== undefined) this.byDay.get(was)!.delete(key);
    this.filedUnder.set(key, day);
    if (day === null) {
      this.undated.add(key);
      return;
    }
    let set = this.byDay.get(day);
    if (!set) {
      this.byDay.set(day, (set = new Set()));
      this.days.splice(firstAtLeast(this.days, day), 0, day);
    }
    set.add(key);
  }

  /**
   * Keys of the stories whose span reaches into [from, to], and of those with no dated article; every story when no
   * bounds are given.
   */
  reaching(reach: { from: number; to: number } | null): number[] {
    if (!reach) return [...this.spans.keys()];
    const out = [...this.undated];
    for (let i = firstAtLeast(this.days, Math.floor(reach.from / DAY_MS)); i < this.days.length; i++) {
      for (const key of this.byDay.get(this.days[i])!) {
        const span = this.spans.get(key)!;
        if (span.first === null || (span.last !== null && span.last >= reach.from && span.first <= reach.to)) out.push(key);
      }
    }
    return out;
  }
}

/** Index of the first element of an ascending list that is at least `x`. */
function firstAtLeast(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The grouping's state as a process keeps it between runs, good while the store's stamp and counters are these. */
interface Kept {
  stamp: string;
  groupedTo: number;
  grouped: number;
  nextKey: number;
  /** Every grouped story's span; a decoded story's entry is its sums themselves, refiled whenever they change. */
  spans: Spans;
  /** Decoded sums of the stories lately in reach (a subset of `spans`). */
  sums: Map<number, Loaded>;
}

const kept = new WeakMap<Store, Kept>();

/**
 * Groups the articles stored since the grouping last ran (all of them on a store that was never grouped); returns
 * whether any were. Runs in transactions of its own, one writer at a time. `handed` gives the features of articles the
 * caller stored (each taken out as it is used); the others' are worked out from their text.
 */
export async function groupNewArticles(store: Store, handed?: HandedFeatures): Promise<boolean> {
  let any = false;
  for (;;) {
    // Taken out while the transaction runs: sums changed by one that then fails are never used again.
    const before = kept.get(store);
    kept.delete(store);
    const { n, state } = await store.transaction((tx) => groupChunk(tx, before, handed));
    if (state) kept.set(store, state);
    if (n === 0) return any;
    any = true;
  }
}

/**
 * Reads the grouping's state (every story's span) into the process's memory ahead of the first run, so that run costs
 * what the later ones do. Writes nothing; state kept already and still current is left as it is.
 */
export async function keepGrouping(store: Store): Promise<void> {
  const before = kept.get(store);
  const groupedTo = Number((await getMeta(store.db, GROUPED_TO)) ?? -1);
  if (groupedTo < 0) return;
  const stamp = (await getMeta(store.db, STAMP)) ?? "";
  const grouped = Number((await getMeta(store.db, GROUPED)) ?? 0);
  const nextKey = Number((await getMeta(store.db, NEXT_KEY)) ?? 0);
  if (before && before.stamp === stamp && before.groupedTo === groupedTo && before.grouped === grouped && before.nextKey === nextKey) return;
  const spans = new Spans(await groupSpans(store.db));
  // Kept only if no writer grouped meanwhile (the counters read again after the spans); else the next run reads afresh.
  const after = [await getMeta(store.db, STAMP), await getMeta(store.db, GROUPED_TO), await getMeta(store.db, GROUPED), await getMeta(store.db, NEXT_KEY)];
  if (after.join("\u0000") === [stamp, groupedTo, grouped, nextKey].join("\u0000")) kept.set(store, { stamp, groupedTo, grouped, nextKey, spans, sums: new Map() });
}

/** True when stored articles wait to be grouped (a store grouped before the grouping kept its state counts as one). */
export async function storiesBehind(db: Executor): Promise<boolean> {
  const latest = await latestSeq(db);
  return latest > 0 && Number((await getMeta(db, GROUPED_TO)) ?? -1) < latest;
}

/** Empties the grouping's state and its stories, and its stamp with them. */
async function resetGrouping(tx: Executor): Promise<void> {
  await clearStories(tx);
  for (const key of [GROUPED_TO, GROUPED, NEXT_KEY]) await setMeta(tx, key, "0");
  await setMeta(tx, STAMP, "");
}

/** Forgets the grouping and groups every stored article afresh, in ingest order; returns the number of stories. */
export async function rebuildStories(store: Store): Promise<number> {
  kept.delete(store);
  await store.transaction(resetGrouping);
  await groupNewArticles(store);
  const { count } = await store.db.selectFrom("stories").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return Number(count);
}

async function groupChunk(tx: Executor, before: Kept | undefined, handed: HandedFeatures | undefined): Promise<{ n: number; state: Kept | undefined }> {
  let groupedTo = Number((await getMeta(tx, GROUPED_TO)) ?? -1);
  // A store grouped before the grouping kept its state has stories but no state: it is grouped afresh.
  if (groupedTo < 0) {
    await resetGrouping(tx);
    groupedTo = 0;
  }
  const stamp = (await getMeta(tx, STAMP)) ?? "";
  const grouped = Number((await getMeta(tx, GROUPED)) ?? 0);
  const nextKey = Number((await getMeta(tx, NEXT_KEY)) ?? 0);
  const current = before !== undefined && before.stamp === stamp && before.groupedTo === groupedTo && before.grouped === grouped && before.nextKey === nextKey;
  let state = current ? before : undefined;
  const arrivals = await readArrivals(tx, groupedTo, handed);
  if (arrivals.length === 0) return { n: 0, state };
  state ??= { stamp, groupedTo, grouped, nextKey, spans: new Spans(await groupSpans(tx)), sums: new Map() };
  const chunk = new Chunk(tx, state);
  await chunk.start(arrivals);
  for (const a of arrivals) await chunk.add(a);
  await chunk.save();
  const last = arrivals.at(-1)!;
  for (const a of arrivals) state.stamp = createHash("sha256").update(`${state.stamp}\n${a.id}`).digest("hex").slice(0, 32);
  state.groupedTo = last.seq;
  await setMeta(tx, GROUPED_TO, String(state.groupedTo));
  await setMeta(tx, STAMP, state.stamp);
  trim(state, chunk.lastReach);
  return { n: arrivals.length, state };
}

/** Keeps the decoded sums within bounds: past them, only the stories the last article could reach stay decoded. */
function trim(state: Kept, reach: Set<number>): void {
  let postings = 0;
  for (const { sums } of state.sums.values()) postings += sums.terms.size;
  if (postings <= KEPT_POSTINGS) return;
  for (const [key, { sums }] of state.sums) {
    if (reach.has(key)) continue;
    state.sums.delete(key);
    state.spans.file(key, { first: sums.first, last: sums.last });
  }
  postings = 0;
  for (const { sums } of state.sums.values()) postings += sums.terms.size;
  if (postings > KEPT_POSTINGS) {
    for (const [key, { sums }] of state.sums) state.spans.file(key, { first: sums.first, last: sums.last });
    state.sums.clear();
  }
}

/**
 * Story features handed over by the run that stored the articles, by article id, with the content hash of the text
 * they were read from: the grouping takes them instead of reading each new article's text again. What is not handed
 * over is worked out from the stored text (`featuresOf`), which gives the same features.
 */
export type HandedFeatures = Map<string, { contentHash: string; terms: string }>;

/**
 * An article's story features, worked out from its stored title and text as ingest worked them out when it read the
 * article; an article in a language the reading core cannot read was never read, and its features are those of an
 * empty text, as ingest gave it. Not stored: the store keeps the text they are made from.
 */
export function featuresOf(a: GroupedArticle): StoryFeatures {
  return isReadable(a.language) ? storyFeatures({ id: a.id, text: a.text, title: a.title, published: a.published }) : storyFeatures({ id: a.id, text: "", title: null, published: a.published });
}

/** The features ingest read for an article, as it encodes them (what `featuresOf` gives, encoded). */
export function encodedFeaturesOf(a: GroupedArticle): string {
  return encodeStoryFeatures(featuresOf(a));
}

async function readArrivals(tx: Executor, after: number, handed: HandedFeatures | undefined): Promise<Arrival[]> {
  const rows = await articlesAfter(tx, after, CHUNK);
  return rows.map((r) => {
    const given = handed?.get(r.id);
    // Taken once: an article is grouped once.
    handed?.delete(r.id);
    const features = (given?.contentHash === r.content_hash ? decodeStoryFeatures(given.terms, r.published) : null) ?? featuresOf(r);
    return { id: r.id, seq: r.seq, published: r.published, features };
  });
}

/** One transaction's worth of grouping over the kept state, which it brings up to date as it goes. */
class Chunk {
  private readonly stats = storyTermStats();
  private readonly grouper = new StoryGrouper(undefined, this.stats);
  private readonly observed = new Set<string>();
  /** Stories whose membership was remade (new, or split): written whole. */
  private readonly remade = new Set<number>();
  /** Articles added to stories that are otherwise as written. */
  private readonly joined = new Map<number, { id: string; published: string | null }[]>();
  /** The stories the last article could reach. */
  lastReach = new Set<number>();

  constructor(
    private readonly tx: Executor,
    private readonly state: Kept,
  ) {
    this.stats.restore(state.grouped, []);
  }

  /** Takes up the stored frequencies of every term the chunk's articles use. */
  async start(arrivals: Arrival[]): Promise<void> {
    const terms = new Set<string>();
    for (const a of arrivals) for (const key of a.features.terms.keys()) terms.add(key);
    this.stats.restore(this.stats.articles, await termFrequencies(this.tx, [...terms]));
    for (const key of terms) this.observed.add(key);
  }

  async add(a: Arrival): Promise<void> {
    const when = parseTime(a.published);
    const vector = this.grouper.observe(a.features);
    const reach = this.grouper.reach(when);
    // The stories whose span reaches the article's (all, for an undated one), and those with no dated article.
    const keys = this.state.spans.reaching(reach);
    const candidates = await this.load(keys);
    this.lastReach = new Set(keys);
    let best = this.grouper.best(vector, when, candidates);
    if (!best) {
      best = this.grouper.open(++this.state.nextKey);
      this.state.sums.set(best.key, { sums: best, storyId: null });
      this.remade.add(best.key);
    }
    this.grouper.place(best, vector, when);
    this.state.spans.file(best.key, best);
    await setGroupMembers(this.tx, best.key, [a.id]);
    if (!this.remade.has(best.key)) (this.joined.get(best.key) ?? this.joined.set(best.key, []).get(best.key)!).push({ id: a.id, published: a.published });
    if (this.grouper.due(best)) await this.trySplit(best);
  }

  /** The sums of some stories, decoding those not kept. */
  private async load(keys: number[]): Promise<StorySums[]> {
    const missing = keys.filter((k) => !this.state.sums.has(k));
    for (const g of await loadGroups(this.tx, missing)) {
      const sums = decodeGroup(g);
      this.state.sums.set(g.key, { sums, storyId: g.story_id });
      this.state.spans.file(g.key, sums);
    }
    return keys.map((k) => this.state.sums.get(k)!.sums);
  }

  private async trySplit(story: StorySums): Promise<void> {
    const rows = await groupMembers(this.tx, story.key);
    const members: StoryMember[] = rows.map((r) => ({ id: r.id, features: featuresOf(r), when: parseTime(r.published) }));
    // Frequencies of terms the chunk has not read yet are as stored.
    const unknown = new Set<string>();
    for (const m of members) for (const key of m.features.terms.keys()) if (!this.stats.knows(key)) unknown.add(key);
    this.stats.restore(this.stats.articles, await termFrequencies(this.tx, [...unknown]));
    const parts = this.grouper.split(story, members, this.state.nextKey + 1);
    if (!parts) return;
    this.state.nextKey++;
    this.state.sums.set(parts.other.key, { sums: parts.other, storyId: null });
    this.state.spans.file(story.key, story);
    this.state.spans.file(parts.other.key, parts.other);
    await setGroupMembers(this.tx, parts.other.key, parts.move.map((m) => m.id));
    this.remade.add(story.key);
    this.remade.add(parts.other.key);
    this.joined.delete(story.key);
  }

  /** Writes the touched stories' sums, the term frequencies, and the stories as read. */
  async save(): Promise<void> {
    const written = new Map<number, string>();
    // Whole stories first: a split's two parts replace the story they were.
    const remade = [...this.remade];
    if (remade.length > 0) {
      const members = new Map<number, string[]>();
      for (const key of remade) members.set(key, await groupMemberIds(this.tx, key));
      const heads = await storyHeads(this.tx, [...members.values()].flat());
      const stories = [];
      for (const [key, ids] of members) {
        if (ids.length === 0) continue;
        const ordered = ids.map((id) => heads.get(id)!).sort((x, y) => x.seq - y.seq);
        const dates = ordered.map((a) => a.published).filter((d): d is string => !!d).sort();
        const first = ordered[0];
        const id = storyId(first.id);
        written.set(key, id);
        stories.push({ id, title: first.title ?? (first.text ?? "").slice(0, 80), first_published: dates[0] ?? null, last_published: dates.at(-1) ?? null, articles: ordered.map((a) => a.id) });
      }
      await updateStories(this.tx, stories, [...members.values()].flat());
    }
    for (const [key, articles] of this.joined) {
      if (this.remade.has(key)) continue;
      await addToStory(this.tx, this.state.sums.get(key)!.storyId!, articles);
    }
    const touched = new Set([...remade, ...this.joined.keys()]);
    await saveGroups(
      this.tx,
      [...touched].map((key) => {
        const loaded = this.state.sums.get(key)!;
        loaded.storyId = written.get(key) ?? loaded.storyId;
        return encodeGroup(loaded.sums, loaded.storyId);
      }),
    );
    await saveTermFrequencies(this.tx, [...this.observed].map((key) => [key, this.stats.frequency(key)] as [string, number]).filter(([, df]) => df > 0));
    this.state.grouped = this.stats.articles;
    await setMeta(this.tx, GROUPED, String(this.state.grouped));
    await setMeta(this.tx, NEXT_KEY, String(this.state.nextKey));
  }
}

function encodeGroup(s: StorySums, storyIdOf: string | null): StoredGroup {
  const terms = [...s.terms].map(([key, p]) => [key, p.sum, p.identity]);
  return {
    key: s.key,
    story_id: storyIdOf,
    size: s.size,
    with_identity: s.withIdentity,
    first_ms: s.first,
    last_ms: s.last,
    next_check: s.nextCheck,
    terms: deflateRawSync(JSON.stringify(terms)),
  };
}

function decodeGroup(g: StoredGroup): StorySums {
  const terms = new Map<string, Posting>();
  for (const [key, sum, identity] of JSON.parse(inflateRawSync(g.terms).toString("utf8")) as [string, number, number][]) terms.set(key, { sum, identity });
  return { key: g.key, size: g.size, withIdentity: g.with_identity, first: g.first_ms, last: g.last_ms, nextCheck: g.next_check, terms };
}

const storyId = (firstArticle: string) => `s-${createHash("sha256").update(firstArticle).digest("hex").slice(0, 12)}`;

