// Stories as their pages show them: every claim any of the story's articles reports (not only the claims filed under
// it), ranked by independent origins and then by newest activity, and the story's coverage: outlets, origins, for
// and against.
import type { ArticleSummary, ClaimView, Executor, StoryView } from "../store/index.js";
import { claimIdsReportedIn, getStory, listArticles, listStories, storyReach, storyTitles } from "../store/index.js";
import { readClaims } from "./ledger.js";
import { side } from "./words.js";

/** A claim as a story lists it: the claim in brief, and how much of it this story's articles report. */
export interface StoryClaim {
  id: string;
  type: string;
  summary: string;
  statement: string;
  stage: ClaimView["stage"];
  status: ClaimView["status"];
  polarity: ClaimView["polarity"];
  when: string | null;
  place: ClaimView["place"];
  participants: ClaimView["participants"];
  first_reported: string | null;
  last_reported: string | null;
  /** All the claim's reports and independent origins, in every story. */
  reports: number;
  origins: number;
  origin_sides: ClaimView["origin_sides"];
  /** Reports of the claim in this story's articles. */
  reports_here: number;
  /** The story the claim is filed under, when it is another one. */
  home: string | null;
}

/** How widely a story is covered. */
export interface Coverage {
  articles: number;
  /** Articles that copy an earlier one's text. */
  wire_copies: number;
  outlets: Array<{ name: string; articles: number }>;
  /** Independent origins behind the claims reported in the story, counted once per claim. */
  origins: number;
  /** Of those, how many tell their claim as coming about, and how many as not. */
  for: number;
  against: number;
}

/** A story page: the story, its articles, its claims, every claim it reports and its coverage. */
export interface StoryPage extends StoryView {
  article_list: ArticleSummary[];
  /** The claims filed under the story, earliest reported first. */
  claim_list: StoryClaim[];
  /** Every claim the story's articles report, wherever it is filed: ids, and in brief, most independent origins first, then newest activity. */
  reported_claims: string[];
  reported_claim_list: StoryClaim[];
  coverage: Coverage;
  /** The titles of the other stories its claims are filed under (each claim's `home`), by id. */
  home_titles: Record<string, string>;
}

/** A story in the list: the story and its coverage in brief. */
export interface StoryOverview extends StoryView {
  /** Every claim the story's articles report. */
  reported_claims: string[];
  outlets: number;
  /** The statement of the claim with the most independent origins, if any. */
  lead: { id: string; statement: string; origins: number } | null;
}

/** The claims reported in a set of articles, ranked: most independent origins, then newest activity. */
export function claimsReportedIn(articleIds: Set<string>, claims: ClaimView[], storyId: string | null): StoryClaim[] {
  const out: StoryClaim[] = [];
  for (const c of claims) {
    const here = c.reports.filter((r) => articleIds.has(r.article)).length;
    if (here === 0) continue;
    out.push({
      id: c.id,
      type: c.type,
      summary: c.summary,
      statement: c.statement,
      stage: c.stage,
      status: c.status,
      polarity: c.polarity,
      when: c.when,
      place: c.place,
      participants: c.participants,
      first_reported: c.first_reported,
      last_reported: c.last_reported,
      reports: c.reports.length,
      origins: c.origins.length,
      origin_sides: c.origin_sides,
      reports_here: here,
      home: c.story !== storyId ? c.story : null,
    });
  }
  return out.sort((a, b) => b.origins - a.origins || (b.last_reported ?? "").localeCompare(a.last_reported ?? "") || b.reports_here - a.reports_here || a.id.localeCompare(b.id));
}

/** Coverage of a story from its articles and the reports of its claims in them. */
export function coverageOf(articles: ArticleSummary[], claims: ClaimView[]): Coverage {
  const ids = new Set(articles.map((a) => a.id));
  const outlets = new Map<string, number>();
  for (const a of articles) outlets.set(a.outlet ?? "unknown outlet", (outlets.get(a.outlet ?? "unknown outlet") ?? 0) + 1);
  // Each origin sides with the stance of its latest report in the story.
  const latest = new Map<string, string>();
  for (const c of claims) for (const r of c.reports) if (ids.has(r.article) && r.origin && !r.background) latest.set(`${c.id}\u0000${r.origin}`, r.stance);
  const against = [...latest.values()].filter((s) => side(s) === "against").length;
  return {
    articles: articles.length,
    wire_copies: articles.filter((a) => a.near_duplicate_of).length,
    outlets: [...outlets.entries()].map(([name, n]) => ({ name, articles: n })).sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)),
    origins: latest.size,
    for: latest.size - against,
    against,
  };
}

/** One story page, or undefined: reads the story's articles and only the claims they report or the story files. */
export async function readStoryPage(db: Executor, id: string): Promise<StoryPage | undefined> {
  const story = await getStory(db, id);
  if (!story) return undefined;
  const articles = await listArticles(db, { storyId: id });
  const claims = await readClaims(db, { ids: [...new Set([...(await claimIdsReportedIn(db, story.articles)), ...story.claims])] });
  const ids = new Set(articles.map((a) => a.id));
  const ranked = claimsReportedIn(ids, claims, id);
  const reported = new Set(ranked.map((c) => c.id));
  const byId = new Map(ranked.map((c) => [c.id, c]));
  const own = claims.filter((c) => c.story === id).map((c) => byId.get(c.id) ?? claimsReportedIn(new Set(c.reports.map((r) => r.article)), [c], id)[0]);
  const homes = await storyTitles(db, ranked.flatMap((c) => (c.home ? [c.home] : [])));
  return {
    ...story,
    article_list: articles,
    claim_list: own.filter((c) => c !== undefined),
    reported_claims: ranked.map((c) => c.id),
    reported_claim_list: ranked,
    coverage: coverageOf(articles, claims.filter((c) => reported.has(c.id))),
    home_titles: Object.fromEntries([...homes].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Newest activity first: the latest article's date, then the first one's, then the title and id (undated last). */
export function newestFirst(a: StoryView, b: StoryView): number {
  const by = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y.localeCompare(x));
  return by(a.last_published, b.last_published) || by(a.first_published, b.first_published) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/**
 * Every story with the claims its articles report and how many outlets cover it, from counts rather than whole claims;
 * newest activity first, as the story list shows them.
 */
export async function readStoriesOverview(db: Executor): Promise<StoryOverview[]> {
  const [stories, reach] = await Promise.all([listStories(db), storyReach(db)]);
  return stories.sort(newestFirst).map((s) => {
    // Ranked as `claimsReportedIn` ranks: most independent origins, then newest activity, then most reports here.
    const list = (reach.reported.get(s.id) ?? []).sort(
      (a, b) => b.origins - a.origins || (b.last_reported ?? "").localeCompare(a.last_reported ?? "") || b.here - a.here || a.id.localeCompare(b.id),
    );
    return {
      ...s,
      reported_claims: list.map((c) => c.id),
      outlets: reach.outlets.get(s.id) ?? 0,
      lead: list[0] ? { id: list[0].id, statement: list[0].statement, origins: list[0].origins } : null,
    };
  });
}
