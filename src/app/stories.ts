// Stories are a grouping derived from all stored articles, always as if built in ingest order from the first article,
// so the result depends only on what is stored and never on where an interrupted run stopped. An ingest run grows the
// grouping as it stores articles (on a thread of its own when it reads on several), so that it need not start over at
// the end; when anything else wrote in between, it is rebuilt from the store.
import { createHash } from "node:crypto";
import type { Worker } from "node:worker_threads";
import { StoryClusterer, decodeStoryFeatures, storyFeatures, storyFeaturesCurrent } from "../link/06-stories.js";
import { getMeta, setMeta, type Executor, type Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import { articlesForStories, storedStories, storyHeads, storyTermsBefore, updateStories } from "../store/stories.js";
import { spawnWorker } from "../workers.js";

const BUILT_AT = "stories.built_at_seq";
// Articles sent to the story thread at once.
const SEND_EVERY = 16;

/** One article as the story grouping takes it in: its stored features, or its text when they are missing or outdated. */
export interface StoryItem {
  id: string;
  published: string | null;
  terms: string | null;
  title?: string | null;
  text?: string;
}

/** Messages to the story thread, and its answer to `finish`. */
export type StoryRequest = { add: StoryItem[] } | { finish: true };
export type StoryReply = { stories: [string, string[]][] };

/** Adds articles, in ingest order, to a grouping. */
export function addToStories(clusterer: StoryClusterer, items: StoryItem[]): void {
  for (const item of items) {
    const kept = item.terms ? decodeStoryFeatures(item.terms, item.published) : null;
    const features = kept ?? storyFeatures({ id: item.id, text: item.text ?? "", title: item.title ?? null, published: item.published });
    clusterer.add(item.id, features, item.published);
  }
}

/**
 * Regroups stories when articles were stored since the last grouping (also after a run that was killed before it got
 * here); returns whether it did.
 */
export async function rebuildStoriesIfStale(store: Store): Promise<boolean> {
  const seq = await latestSeq(store.db);
  if ((await getMeta(store.db, BUILT_AT)) === String(seq)) return false;
  await rebuildStories(store);
  await setMeta(store.db, BUILT_AT, String(seq));
  return true;
}

/** Re-clusters every stored article into stories and points each claim at the story of its earliest report. */
export async function rebuildStories(store: Store): Promise<number> {
  const articles = await articlesForStories(store.db);
  const clusterer = new StoryClusterer();
  addToStories(
    clusterer,
    articles.map((a) => ({ id: a.id, published: a.published, terms: a.story_terms, title: a.title, text: a.text })),
  );
  return (await writeStories(store, [...clusterer.stories().values()])).size;
}

/** The stories as last written: each story's members (sorted, joined), by the same key. */
export type WrittenStories = Set<string>;

const membership = (ids: string[]) => [...ids].sort().join("\u0000");

/**
 * Writes groups of article ids as the stories, each named after its first stored article. Only groups whose members
 * changed since `written` (the stores's stories when not given) are written, with the claims that report in them.
 * Returns the groups as now written.
 */
async function writeStories(store: Store, groups: string[][], written?: WrittenStories): Promise<WrittenStories> {
  const before = written ?? new Set((await storedStories(store.db)).map(membership));
  const now = new Set<string>();
  const changed: string[][] = [];
  for (const members of groups) {
    if (members.length === 0) continue;
    const key = membership(members);
    now.add(key);
    if (!before.has(key)) changed.push(members);
  }
  const goneMembers = [...before].filter((key) => !now.has(key)).map((key) => key.split("\u0000"));
  if (changed.length === 0 && goneMembers.length === 0) return now;
  const heads = await storyHeads(store.db, changed.flat());
  const stories = changed.map((members) => {
    const ordered = members.map((id) => heads.get(id)!).sort((x, y) => x.seq - y.seq);
    const dates = ordered.map((a) => a.published).filter((d): d is string => !!d).sort();
    const first = ordered[0];
    return {
      id: storyId(first.id),
      title: first.title ?? (first.text ?? "").slice(0, 80),
      first_published: dates[0] ?? null,
      last_published: dates.at(-1) ?? null,
      articles: ordered.map((a) => a.id),
    };
  });
  // The stories any of these articles were in give way to the changed ones.
  await store.transaction((tx) => updateStories(tx, stories, [...new Set([...changed.flat(), ...goneMembers.flat()])]));
  return now;
}

const storyId = (firstArticle: string) => `s-${createHash("sha256").update(firstArticle).digest("hex").slice(0, 12)}`;

/**
 * The story grouping of one ingest run, grown article by article in ingest order. It takes in the articles stored
 * before the run when the run stores its first, and works on a thread of its own once a second arrives (a lone
 * article is grouped in-process at the end).
 */
export class RunStories {
  private clusterer: StoryClusterer | null = null;
  private worker: Worker | null = null;
  private workerFailed = false;
  private waiting: StoryItem[] = [];
  private lastSeq: number | null = null;
  /** Another writer stored articles between this run's: the grouping is rebuilt from the store instead. */
  private broken = false;
  /** The stories as this grouping last wrote them, so the next write is only what changed. */
  private written: WrittenStories | undefined;

  constructor(private readonly threaded: boolean) {}

  /** Takes in an article the run has just stored as number `seq`, inside the run's write transaction `tx`. */
  async add(tx: Executor, seq: number, item: StoryItem): Promise<void> {
    if (this.broken) return;
    if (this.lastSeq === null) {
      // Everything stored before this article comes first, as a rebuild would take it.
      this.waiting = await storyTermsBefore(tx, seq, storyFeaturesCurrent);
    } else if (seq !== this.lastSeq + 1) {
      this.broken = true;
      this.stop();
      return;
    }
    this.lastSeq = seq;
    this.waiting.push(item);
    if (this.worker === null && this.clusterer === null && this.threaded && !this.workerFailed && this.waiting.length > 1) this.startWorker();
    this.flush();
  }

  /**
   * Writes the stories: the run's grouping when it covers every stored article, else a rebuild from the store. Returns
   * whether stories were written (nothing was stored since the last grouping: nothing to do).
   */
  async finish(store: Store): Promise<boolean> {
    const written = await this.checkpoint(store);
    this.stop();
    return written;
  }

  /**
   * Writes the stories as `finish` does, and goes on grouping the articles added after (a long-running queue worker
   * writes them after each batch). After a rebuild, the next article starts the grouping afresh from the store.
   */
  async checkpoint(store: Store): Promise<boolean> {
    const seq = await latestSeq(store.db);
    let groups: string[][] | null = null;
    if (!this.broken && this.lastSeq !== null && this.lastSeq === seq) groups = await this.groups();
    if (groups) {
      this.written = await writeStories(store, groups, this.written);
      await setMeta(store.db, BUILT_AT, String(seq));
      return true;
    }
    this.stop();
    this.written = undefined;
    this.clusterer = null;
    this.waiting = [];
    this.lastSeq = null;
    this.broken = false;
    return rebuildStoriesIfStale(store);
  }

  /** Stops the story thread, if any. */
  stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private startWorker(): void {
    const worker = spawnWorker(import.meta.url, "story-worker", null);
    if (!worker) {
      this.workerFailed = true;
      return;
    }
    this.worker = worker;
    // A thread that fails leaves the grouping to a rebuild at the end.
    const fail = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.workerFailed = true;
      this.broken = true;
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  }

  private flush(): void {
    if (this.waiting.length === 0) return;
    if (this.worker) {
      // Sent in groups: every message wakes the thread, and a woken thread may preempt the ones doing the ingest.
      if (this.waiting.length < SEND_EVERY) return;
      const request: StoryRequest = { add: this.waiting };
      this.worker.postMessage(request);
    } else if (!this.threaded || this.workerFailed || this.clusterer) {
      this.clusterer ??= new StoryClusterer();
      addToStories(this.clusterer, this.waiting);
    } else {
      return; // Held until the thread starts (a second article) or the run ends.
    }
    this.waiting = [];
  }

  private async groups(): Promise<string[][] | null> {
    const worker = this.worker;
    if (worker) {
      if (this.waiting.length > 0) worker.postMessage({ add: this.waiting } satisfies StoryRequest);
      this.waiting = [];
      const reply = new Promise<StoryReply | null>((resolve) => {
        worker.once("message", resolve);
        worker.once("error", () => resolve(null));
        worker.once("exit", () => resolve(null));
      });
      const request: StoryRequest = { finish: true };
      worker.postMessage(request);
      const answer = await reply;
      return answer && !this.broken ? answer.stories.map(([, ids]) => ids) : null;
    }
    if (this.broken) return null;
    this.clusterer ??= new StoryClusterer();
    addToStories(this.clusterer, this.waiting);
    this.waiting = [];
    return [...this.clusterer.stories().values()];
  }
}
