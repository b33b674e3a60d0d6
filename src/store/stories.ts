// Stories: groups of articles (and, through claims, of claims) about one developing event.
import { articleText } from "./articles.js";
import type { Executor } from "./index.js";
import type { StoryGroupTable } from "./schema.js";
import { chunks } from "./rows.js";
import { claimsReportedInSlice } from "./ledger.js";
import { unpackContentHash } from "./content-hash.js";

/** A story as it is regrouped and written. */
export interface StoryInput {
  id: string;
  title: string;
  first_published: string | null;
  last_published: string | null;
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


/** One story with its article ids (publication order) and claim ids, or undefined. */
export async function getStory(db: Executor, id: string): Promise<StoryView | undefined> {
  const story = await db.selectFrom("stories").selectAll().where("id", "=", id).executeTakeFirst();
  if (!story) return undefined;
  const [articles, claims] = await Promise.all([
    db
      .selectFrom("story_articles")
      .innerJoin("articles", "articles.id", "story_articles.article_id")
      .select("story_articles.article_id")
      .where("story_articles.story_id", "=", id)
      .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
      .orderBy("articles.published")
      .orderBy("articles.seq")
      .execute(),
    db
      .selectFrom("claims")
      .select("id")
      .where("story_id", "=", id)
      .orderBy((eb) => eb.case().when("first_reported", "is", null).then(1).else(0).end())
      .orderBy("first_reported")
      .orderBy("id")
      .execute(),
  ]);
  return { ...story, articles: articles.map((a) => a.article_id), claims: claims.map((c) => c.id) };
}

/** The stories an article belongs to, earliest first. */
export async function storiesOfArticle(db: Executor, articleId: string): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom("story_articles")
    .innerJoin("stories", "stories.id", "story_articles.story_id")
    .select(["stories.id", "stories.title"])
    .where("story_articles.article_id", "=", articleId)
    .orderBy((eb) => eb.case().when("stories.first_published", "is", null).then(1).else(0).end())
    .orderBy("stories.first_published")
    .orderBy("stories.id")
    .execute();
}

/**
 * Each story's reach in brief, without reading any claim whole: how many outlets its articles come from, and per claim
 * its articles report, how many of its reports they hold, with the claim's statement, independent origins and latest
 * report.
 */
export async function storyReach(db: Executor): Promise<{
  outlets: Map<string, number>;
  reported: Map<string, { id: string; statement: string; origins: number; last_reported: string | null; here: number }[]>;
}> {
  const [outlets, here, origins] = await Promise.all([
    db
      .selectFrom("story_articles")
      .innerJoin("articles", "articles.id", "story_articles.article_id")
      .select((eb) => ["story_articles.story_id", eb.fn.count<number>(eb.fn.coalesce("articles.outlet_id", eb.val(""))).distinct().as("n")])
      .groupBy("story_articles.story_id")
      .execute(),
    db
      .selectFrom("story_articles")
      .innerJoin("articles", "articles.id", "story_articles.article_id")
      .innerJoin("reports", "reports.seq", "articles.seq")
      .innerJoin("claims", "claims.id", "reports.claim_id")
      .select((eb) => ["story_articles.story_id", "claims.id", "claims.statement", "claims.summary", "claims.last_reported", eb.fn.countAll<number>().as("n")])
      .groupBy(["story_articles.story_id", "claims.id", "claims.statement", "claims.summary", "claims.last_reported"])
      .execute(),
    db.selectFrom("origins").select((eb) => ["claim_id", eb.fn.countAll<number>().as("n")]).groupBy("claim_id").execute(),
  ]);
  const originsOf = new Map(origins.map((o) => [o.claim_id, Number(o.n)]));
  const reported = new Map<string, { id: string; statement: string; origins: number; last_reported: string | null; here: number }[]>();
  for (const r of here) {
    const list = reported.get(r.story_id) ?? reported.set(r.story_id, []).get(r.story_id)!;
    list.push({ id: r.id, statement: r.statement || r.summary, origins: originsOf.get(r.id) ?? 0, last_reported: r.last_reported, here: Number(r.n) });
  }
  return { outlets: new Map(outlets.map((o) => [o.story_id, Number(o.n)])), reported };
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

/** The titles of the given stories, by id; ids that name no story are left out. */
export async function storyTitles(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const slice of chunks([...new Set(ids)])) {
    for (const r of await db.selectFrom("stories").select(["id", "title"]).where("id", "in", slice).execute()) out.set(r.id, r.title);
  }
  return out;
}

/** What a story takes from the given articles: order, dates, and the title (or, untitled, the text) it is named after. */
export async function storyHeads(
  db: Executor,
  ids: string[],
): Promise<Map<string, { id: string; seq: number; title: string | null; published: string | null; text: string | null }>> {
  const out = new Map<string, { id: string; seq: number; title: string | null; published: string | null; text: string | null }>();
  for (const slice of chunks([...new Set(ids)])) {
    for (const [id, head] of await headsOf(db, slice)) out.set(id, head);
  }
  return out;
}

async function headsOf(db: Executor, ids: string[]) {
  const rows = await db
    .selectFrom("articles")
    .where("id", "in", ids)
    .select((eb) => [
      "id",
      "seq",
      "title",
      "published",
      eb.case().when("title", "is", null).then(eb.ref("text")).else(null).end().as("text"),
      eb.case().when("title", "is", null).then(eb.ref("body")).else(null).end().as("body"),
    ])
    .execute();
  return new Map(rows.map(({ body, ...r }) => [r.id, { ...r, text: r.text === null ? null : articleText({ text: r.text, body }) }]));
}

/**
 * Writes changed stories: the stories any of `articles` were in are replaced by `stories`, and each claim reported in
 * those articles points at the story of its earliest report.
 */
export async function updateStories(db: Executor, stories: (StoryInput & { articles: string[] })[], articles: string[]): Promise<void> {
  const before = new Set<string>();
  for (const slice of chunks(articles)) {
    for (const r of await db.selectFrom("story_articles").select("story_id").distinct().where("article_id", "in", slice).execute()) before.add(r.story_id);
  }
  for (const ids of chunks([...before, ...stories.map((s) => s.id)])) {
    await db.deleteFrom("story_articles").where("story_id", "in", ids).execute();
    await db.updateTable("claims").set({ story_id: null }).where("story_id", "in", ids).execute();
    await db.deleteFrom("stories").where("id", "in", ids).execute();
  }
  for (const { articles: members, ...row } of stories) {
    await db.insertInto("stories").values(row).execute();
    for (const slice of chunks(members)) await db.insertInto("story_articles").values(slice.map((article_id) => ({ story_id: row.id, article_id }))).execute();
  }
  const claims = new Set<string>();
  for (const slice of chunks(articles)) {
    for (const r of await claimsReportedInSlice(db, slice)) claims.add(r.claim_id);
  }
  for (const ids of chunks([...claims])) await pointClaimsAtStories(db, ids);
}

// Each given claim takes the story of its earliest report (by publication, then ingest order).
async function pointClaimsAtStories(db: Executor, claimIds: string[] | null): Promise<void> {
  let q = db
    .selectFrom("reports")
    .innerJoin("articles", "articles.seq", "reports.seq")
    .innerJoin("story_articles", "story_articles.article_id", "articles.id")
    .select(["reports.claim_id", "story_articles.story_id", "articles.published", "articles.seq"]);
  if (claimIds) q = q.where("reports.claim_id", "in", claimIds);
  const firsts = await q.orderBy("reports.claim_id").orderBy("articles.seq").execute();
  const storyOf = new Map<string, { story: string; published: string | null; seq: number }>();
  for (const r of firsts) {
    const cur = storyOf.get(r.claim_id);
    const earlier = !cur || (r.published ?? "9999") < (cur.published ?? "9999") || ((r.published ?? "9999") === (cur.published ?? "9999") && r.seq < cur.seq);
    if (earlier) storyOf.set(r.claim_id, { story: r.story_id, published: r.published, seq: r.seq });
  }
  for (const [claim, { story }] of storyOf) await db.updateTable("claims").set({ story_id: story }).where("id", "=", claim).execute();
}

/** Replaces all stories and their article lists, then sets each claim's story to that of its earliest report. */
export async function replaceStories(
  db: Executor,
  stories: (StoryInput & { articles: string[] })[],
): Promise<void> {
  await db.deleteFrom("story_articles").execute();
  await db.deleteFrom("stories").execute();
  for (const { articles, ...row } of stories) {
    await db.insertInto("stories").values(row).execute();
    for (let i = 0; i < articles.length; i += 200) {
      await db
        .insertInto("story_articles")
        .values(articles.slice(i, i + 200).map((article_id) => ({ story_id: row.id, article_id })))
        .execute();
    }
  }
  await db.updateTable("claims").set({ story_id: null }).execute();
  await pointClaimsAtStories(db, null);
}

/** A story's running sums as stored: the grouping's fields, with the terms' sums still encoded. */
export type StoredGroup = StoryGroupTable;

/** Keys of the grouped stories whose publication span reaches into [from, to], and of those with no dates. */
export async function groupKeysReaching(db: Executor, from: number, to: number): Promise<number[]> {
  const rows = await db
    .selectFrom("story_groups")
    .select("key")
    .where((eb) => eb.or([eb.and([eb("last_ms", ">=", from), eb("first_ms", "<=", to)]), eb("first_ms", "is", null)]))
    .execute();
  return rows.map((r) => r.key);
}

/** Every grouped story's publication span (null bounds: no dated article), keyed by story number. */
export async function groupSpans(db: Executor): Promise<Map<number, { first: number | null; last: number | null }>> {
  const rows = await db.selectFrom("story_groups").select(["key", "first_ms", "last_ms"]).execute();
  return new Map(rows.map((r) => [r.key, { first: r.first_ms, last: r.last_ms }]));
}

/** Keys of every grouped story (an undated article may join any). */
export async function allGroupKeys(db: Executor): Promise<number[]> {
  return (await db.selectFrom("story_groups").select("key").execute()).map((r) => r.key);
}

/** The stored sums of some grouped stories. */
export async function loadGroups(db: Executor, keys: number[]): Promise<StoredGroup[]> {
  const out: StoredGroup[] = [];
  for (const slice of chunks(keys)) out.push(...(await db.selectFrom("story_groups").selectAll().where("key", "in", slice).execute()));
  return out;
}

/** Writes grouped stories' sums, replacing earlier ones. */
export async function saveGroups(db: Executor, groups: StoredGroup[]): Promise<void> {
  for (const slice of chunks(groups)) {
    await db
      .insertInto("story_groups")
      .values(slice)
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({
          story_id: eb.ref("excluded.story_id"),
          size: eb.ref("excluded.size"),
          with_identity: eb.ref("excluded.with_identity"),
          first_ms: eb.ref("excluded.first_ms"),
          last_ms: eb.ref("excluded.last_ms"),
          next_check: eb.ref("excluded.next_check"),
          terms: eb.ref("excluded.terms"),
        })),
      )
      .execute();
  }
}

/** How many grouped articles use each of some terms (terms none uses are left out). */
export async function termFrequencies(db: Executor, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const slice of chunks(terms)) {
    for (const r of await db.selectFrom("story_terms").select(["term", "df"]).where("term", "in", slice).execute()) out.set(r.term, r.df);
  }
  return out;
}

/** Writes term frequencies, replacing earlier ones. */
export async function saveTermFrequencies(db: Executor, frequencies: [string, number][]): Promise<void> {
  for (const slice of chunks(frequencies)) {
    await db
      .insertInto("story_terms")
      .values(slice.map(([term, df]) => ({ term, df })))
      .onConflict((oc) => oc.column("term").doUpdateSet((eb) => ({ df: eb.ref("excluded.df") })))
      .execute();
  }
}

/** Puts articles in a grouped story (moving them from any other). */
export async function setGroupMembers(db: Executor, key: number, articleIds: string[]): Promise<void> {
  for (const slice of chunks(articleIds)) {
    await db
      .insertInto("story_members")
      .values(slice.map((article_id) => ({ article_id, story_key: key })))
      .onConflict((oc) => oc.column("article_id").doUpdateSet({ story_key: key }))
      .execute();
  }
}

/** A grouped story's article ids in ingest order. */
export async function groupMemberIds(db: Executor, key: number): Promise<string[]> {
  const rows = await db
    .selectFrom("story_members")
    .innerJoin("articles", "articles.id", "story_members.article_id")
    .select("articles.id")
    .where("story_members.story_key", "=", key)
    .orderBy("articles.seq")
    .execute();
  return rows.map((r) => r.id);
}

/** What the grouping reads of a stored article: its story features are worked out again from these (see app/stories). */
export interface GroupedArticle {
  id: string;
  seq: number;
  published: string | null;
  title: string | null;
  /** The body. */
  text: string;
  language: string;
  content_hash: string;
}

const groupedColumns = ["articles.id", "articles.seq", "articles.published", "articles.title", "articles.text", "articles.body", "articles.language", "articles.content_hash"] as const;

const groupedArticle = (r: { id: string; seq: number; published: string | null; title: string | null; text: string; body: Uint8Array | null; language: string; content_hash: Uint8Array }): GroupedArticle => ({
  id: r.id,
  seq: r.seq,
  published: r.published,
  title: r.title,
  text: articleText(r),
  language: r.language,
  content_hash: unpackContentHash(r.content_hash),
});

/** A grouped story's articles in ingest order, with what their story features are made from. */
export async function groupMembers(db: Executor, key: number): Promise<GroupedArticle[]> {
  const rows = await db
    .selectFrom("story_members")
    .innerJoin("articles", "articles.id", "story_members.article_id")
    .select(groupedColumns)
    .where("story_members.story_key", "=", key)
    .orderBy("articles.seq")
    .execute();
  return rows.map(groupedArticle);
}

/** Stored articles after number `seq`, in ingest order (at most `limit`), with what the grouping reads of them. */
export async function articlesAfter(db: Executor, seq: number, limit: number): Promise<GroupedArticle[]> {
  const rows = await db.selectFrom("articles").select(groupedColumns).where("articles.seq", ">", seq).orderBy("articles.seq").limit(limit).execute();
  return rows.map(groupedArticle);
}

/**
 * Adds articles to a written story: its article list, its span of dates, and the claims reported in them, which take
 * the story of their earliest report.
 */
export async function addToStory(db: Executor, storyId: string, articles: { id: string; published: string | null }[]): Promise<void> {
  for (const slice of chunks(articles)) {
    await db
      .insertInto("story_articles")
      .values(slice.map((a) => ({ story_id: storyId, article_id: a.id })))
      .execute();
  }
  const dates = articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  if (dates.length > 0) {
    const story = await db.selectFrom("stories").select(["first_published", "last_published"]).where("id", "=", storyId).executeTakeFirstOrThrow();
    const first = story.first_published === null || dates[0] < story.first_published ? dates[0] : story.first_published;
    const last = story.last_published === null || dates.at(-1)! > story.last_published ? dates.at(-1)! : story.last_published;
    await db.updateTable("stories").set({ first_published: first, last_published: last }).where("id", "=", storyId).execute();
  }
  const claims = new Set<string>();
  for (const slice of chunks(articles.map((a) => a.id))) {
    for (const r of await claimsReportedInSlice(db, slice)) claims.add(r.claim_id);
  }
  for (const ids of chunks([...claims])) await pointClaimsAtStories(db, ids);
}

/** Forgets every story and the grouping's state, so the grouping starts again from the first stored article. */
export async function clearStories(db: Executor): Promise<void> {
  await db.deleteFrom("story_groups").execute();
  await db.deleteFrom("story_members").execute();
  await db.deleteFrom("story_terms").execute();
  await db.deleteFrom("story_articles").execute();
  await db.deleteFrom("stories").execute();
  await db.updateTable("claims").set({ story_id: null }).where("story_id", "is not", null).execute();
}
