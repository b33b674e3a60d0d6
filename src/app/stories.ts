// Stories are a grouping derived from all stored articles: rebuilt after each ingest run in ingest order, so the result
// depends only on what is stored and never on where an interrupted run stopped.
import { createHash } from "node:crypto";
import { StoryClusterer, decodeStoryFeatures, storyFeatures } from "../link/stories.js";
import { getMeta, setMeta, type Store } from "../store/index.js";
import { latestSeq } from "../store/linking.js";
import { articlesForStories, replaceStories } from "../store/stories.js";

const BUILT_AT = "stories.built_at_seq";

/**
 * Regroups stories when articles were stored since the last grouping (also after a run that was killed before it got
 * here); returns whether it did.
 */
export async function rebuildStoriesIfStale(store: Store): Promise<boolean> {
  const seq = String(await latestSeq(store.db));
  if ((await getMeta(store.db, BUILT_AT)) === seq) return false;
  await rebuildStories(store);
  await setMeta(store.db, BUILT_AT, seq);
  return true;
}

/** Re-clusters every stored article into stories and points each claim at the story of its earliest report. */
export async function rebuildStories(store: Store): Promise<number> {
  const articles = await articlesForStories(store.db);
  const clusterer = new StoryClusterer();
  for (const a of articles) {
    const kept = a.story_terms ? decodeStoryFeatures(a.story_terms, a.published) : null;
    clusterer.add(a.id, kept ?? storyFeatures({ id: a.id, text: a.text, title: a.title, published: a.published }), a.published);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = [...clusterer.stories().values()]
    .filter((members) => members.length > 0)
    .map((members) => {
      const ordered = members.map((id) => byId.get(id)!).sort((x, y) => x.seq - y.seq);
      const dates = ordered.map((a) => a.published).filter((d): d is string => !!d).sort();
      const first = ordered[0];
      return {
        id: `s-${createHash("sha256").update(first.id).digest("hex").slice(0, 12)}`,
        title: first.title ?? first.text.slice(0, 80),
        first_published: dates[0] ?? null,
        last_published: dates.at(-1) ?? null,
        articles: ordered.map((a) => a.id),
      };
    });
  await store.transaction((tx) => replaceStories(tx, stories));
  return stories.length;
}
