// Stories: groups of articles (and, through claims, of claims) about one developing event.
import type { Executor } from "./index.js";

/** A story as the linker writes it; `articles` are added to any it already has. */
export interface StoryInput {
  id: string;
  title: string;
  first_published: string | null;
  last_published: string | null;
  articles?: string[];
}

/** A story as `bellwether stories --json` prints it. */
export interface StoryView {
  id: string;
  title: string;
  first_published: string | null;
  last_published: string | null;
  articles: string[];
  claims: string[];
}

/** Creates a story or updates its title and dates; links the given articles to it. */
export async function upsertStory(db: Executor, story: StoryInput): Promise<void> {
  const { articles, ...row } = story;
  await db
    .insertInto("stories")
    .values(row)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        title: row.title,
        first_published: row.first_published,
        last_published: row.last_published,
      }),
    )
    .execute();
  const ids = [...new Set(articles ?? [])];
  if (ids.length === 0) return;
  await db
    .insertInto("story_articles")
    .values(ids.map((article_id) => ({ story_id: story.id, article_id })))
    .onConflict((oc) => oc.columns(["story_id", "article_id"]).doNothing())
    .execute();
}

/** All stories, earliest first, with their article ids (publication order) and claim ids. */
export async function listStories(db: Executor): Promise<StoryView[]> {
  const [stories, articles, claims] = await Promise.all([
    db
      .selectFrom("stories")
      .selectAll()
      .orderBy((eb) => eb.case().when("first_published", "is", null).then(1).else(0).end())
      .orderBy("first_published")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("story_articles")
      .innerJoin("articles", "articles.id", "story_articles.article_id")
      .select(["story_articles.story_id", "story_articles.article_id"])
      .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
      .orderBy("articles.published")
      .orderBy("articles.seq")
      .execute(),
    db
      .selectFrom("claims")
      .select(["id", "story_id"])
      .where("story_id", "is not", null)
      .orderBy((eb) => eb.case().when("first_reported", "is", null).then(1).else(0).end())
      .orderBy("first_reported")
      .orderBy("id")
      .execute(),
  ]);
  const articlesBy = new Map<string, string[]>();
  for (const a of articles) {
    const list = articlesBy.get(a.story_id) ?? [];
    list.push(a.article_id);
    articlesBy.set(a.story_id, list);
  }
  const claimsBy = new Map<string, string[]>();
  for (const c of claims) {
    if (c.story_id === null) continue;
    const list = claimsBy.get(c.story_id) ?? [];
    list.push(c.id);
    claimsBy.set(c.story_id, list);
  }
  return stories.map((s) => ({
    ...s,
    articles: articlesBy.get(s.id) ?? [],
    claims: claimsBy.get(s.id) ?? [],
  }));
}
