// Stories are a grouping of all stored articles as if grown one article at a time in ingest order from the first, so
// the result depends only on what is stored and never on where an interrupted run stopped. The grouping's state (each
// story's term sums and span, each article's story, term frequencies) is kept in the store with the number of the
// last article it took in; a run groups the articles stored after that number, each against the stories its
// publication time lets it join, and writes only the stories that changed.
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import {
  StoryGrouper,
  storyTermStats,
  decodeStoryFeatures,
  parseTime,
  storyFeatures,
  type Posting,
  type StoryFeatures,
  type StoryMember,
  type StorySums,
} from "../link/06-stories.js";
import { getMeta, setMeta, type Executor, type Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import {
  addToStory,
  allGroupKeys,
  articleTexts,
  articlesAfter,
  clearStories,
  groupKeysReaching,
  groupMembers,
  loadGroups,
  saveGroups,
  saveTermFrequencies,
  setGroupMembers,
  storyHeads,
  termFrequencies,
  updateStories,
  type StoredGroup,
} from "../store/stories.js";

// The number of the last article the grouping took in, how many it took in, and the next story number.
const GROUPED_TO = "stories.grouped_to_seq";
const GROUPED = "stories.grouped_articles";
const NEXT_KEY = "stories.next_key";
// Articles grouped per transaction: a long catch-up (or a rebuild) commits as it goes and resumes where it stopped.
const CHUNK = 500;

/** One stored article as the grouping takes it in. */
interface Arrival {
  id: string;
  seq: number;
  published: string | null;
  features: StoryFeatures;
}

/** A story's sums as loaded for one chunk, with the written story it stands for. */
interface Loaded {
  sums: StorySums;
  storyId: string | null;
}

/**
 * Groups the articles stored since the grouping last ran (all of them on a store that was never grouped); returns
 * whether any were. Runs in transactions of its own, one writer at a time.
 */
export async function groupNewArticles(store: Store): Promise<boolean> {
  let any = false;
  for (;;) {
    const n = await store.transaction((tx) => groupChunk(tx));
    if (n === 0) return any;
    any = true;
  }
}

/** True when stored articles wait to be grouped (a store grouped before the grouping kept its state counts as one). */
export async function storiesBehind(db: Executor): Promise<boolean> {
  const latest = await latestSeq(db);
  return latest > 0 && Number((await getMeta(db, GROUPED_TO)) ?? -1) < latest;
}

/** Forgets the grouping and groups every stored article afresh, in ingest order; returns the number of stories. */
export async function rebuildStories(store: Store): Promise<number> {
  await store.transaction(async (tx) => {
    await clearStories(tx);
    for (const key of [GROUPED_TO, GROUPED, NEXT_KEY]) await setMeta(tx, key, "0");
  });
  await groupNewArticles(store);
  const { count } = await store.db.selectFrom("stories").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return Number(count);
}

async function groupChunk(tx: Executor): Promise<number> {
  const groupedTo = Number((await getMeta(tx, GROUPED_TO)) ?? -1);
  // A store grouped before the grouping kept its state has stories but no state: it is grouped afresh.
  if (groupedTo < 0) {
    await clearStories(tx);
    for (const key of [GROUPED_TO, GROUPED, NEXT_KEY]) await setMeta(tx, key, "0");
  }
  const arrivals = await readArrivals(tx, Math.max(groupedTo, 0));
  if (arrivals.length === 0) return 0;
  const chunk = new Chunk(tx, Number((await getMeta(tx, GROUPED)) ?? 0), Number((await getMeta(tx, NEXT_KEY)) ?? 0));
  await chunk.start(arrivals);
  for (const a of arrivals) await chunk.add(a);
  await chunk.save();
  await setMeta(tx, GROUPED_TO, String(arrivals.at(-1)!.seq));
  return arrivals.length;
}

async function readArrivals(tx: Executor, after: number): Promise<Arrival[]> {
  const rows = await articlesAfter(tx, after, CHUNK);
  const features = new Map<string, StoryFeatures>();
  for (const r of rows) {
    const kept = r.story_terms ? decodeStoryFeatures(r.story_terms, r.published) : null;
    if (kept) features.set(r.id, kept);
  }
  const stale = rows.filter((r) => !features.has(r.id)).map((r) => r.id);
  for (const [id, { title, text }] of await articleTexts(tx, stale)) {
    const published = rows.find((r) => r.id === id)!.published;
    features.set(id, storyFeatures({ id, text, title, published }));
  }
  return rows.map((r) => ({ id: r.id, seq: r.seq, published: r.published, features: features.get(r.id)! }));
}

/** One transaction's worth of grouping: the stories it touched, kept in memory until written. */
class Chunk {
  private readonly stats = storyTermStats();
  private readonly grouper = new StoryGrouper(undefined, this.stats);
  private readonly loaded = new Map<number, Loaded>();
  private readonly observed = new Set<string>();
  /** Stories whose membership was remade (new, or split): written whole. */
  private readonly remade = new Set<number>();
  /** Articles added to stories that are otherwise as written. */
  private readonly joined = new Map<number, { id: string; published: string | null }[]>();

  constructor(
    private readonly tx: Executor,
    grouped: number,
    private nextKey: number,
  ) {
    this.stats.restore(grouped, []);
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
    const keys = reach ? await groupKeysReaching(this.tx, reach.from, reach.to) : await allGroupKeys(this.tx);
    await this.load(keys);
    // Every story already in hand is a candidate too: one started or grown in this chunk has its span only here.
    let best = this.grouper.best(vector, when, [...this.loaded.values()].map((c) => c.sums));
    if (!best) {
      best = this.grouper.open(++this.nextKey);
      this.loaded.set(best.key, { sums: best, storyId: null });
      this.remade.add(best.key);
    }
    this.grouper.place(best, vector, when);
    await setGroupMembers(this.tx, best.key, [a.id]);
    if (!this.remade.has(best.key)) (this.joined.get(best.key) ?? this.joined.set(best.key, []).get(best.key)!).push({ id: a.id, published: a.published });
    if (this.grouper.due(best)) await this.trySplit(best);
  }

  private async load(keys: number[]): Promise<void> {
    const missing = keys.filter((k) => !this.loaded.has(k));
    for (const g of await loadGroups(this.tx, missing)) this.loaded.set(g.key, { sums: decodeGroup(g), storyId: g.story_id });
  }

  private async trySplit(story: StorySums): Promise<void> {
    const rows = await groupMembers(this.tx, story.key);
    const stale = rows.filter((r) => !r.story_terms || !decodeStoryFeatures(r.story_terms, r.published)).map((r) => r.id);
    const texts = await articleTexts(this.tx, stale);
    const members: StoryMember[] = rows.map((r) => {
      const text = texts.get(r.id);
      const features = text ? storyFeatures({ id: r.id, ...text, published: r.published }) : decodeStoryFeatures(r.story_terms!, r.published)!;
      return { id: r.id, features, when: parseTime(r.published) };
    });
    // Frequencies of terms the chunk has not read yet are as stored.
    const unknown = new Set<string>();
    for (const m of members) for (const key of m.features.terms.keys()) if (!this.stats.knows(key)) unknown.add(key);
    this.stats.restore(this.stats.articles, await termFrequencies(this.tx, [...unknown]));
    const parts = this.grouper.split(story, members, this.nextKey + 1);
    if (!parts) return;
    this.nextKey++;
    this.loaded.set(parts.other.key, { sums: parts.other, storyId: null });
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
      for (const key of remade) members.set(key, (await groupMembers(this.tx, key)).map((m) => m.id));
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
      await addToStory(this.tx, this.loaded.get(key)!.storyId!, articles);
    }
    const touched = new Set([...remade, ...this.joined.keys()]);
    await saveGroups(
      this.tx,
      [...touched].map((key) => {
        const { sums, storyId: id } = this.loaded.get(key)!;
        return encodeGroup(sums, written.get(key) ?? id);
      }),
    );
    await saveTermFrequencies(this.tx, [...this.observed].map((key) => [key, this.stats.frequency(key)] as [string, number]).filter(([, df]) => df > 0));
    await setMeta(this.tx, GROUPED, String(this.stats.articles));
    await setMeta(this.tx, NEXT_KEY, String(this.nextKey));
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

