// The front page: what the product does in two sentences, the questions with their probability and last move, and the
// stories, newest activity first, each with its leading claim.
import { humanSpan, plural } from "../../../app/words.js";
import { api, type ListPage, type QuestionsSummary, type StoryOverview } from "../api.js";
import { PageTitle, Show, pct, useApi } from "../components/common.js";
import { Term } from "../components/Term.js";
import { Link, paths, useLocation } from "../router.js";

/** Stories a page shows at once, the front page and each page of the story list alike. */
const STORY_PAGE = 20;

/** Stories as the server orders them: newest activity first. */
export function StoryList({ stories }: { stories: StoryOverview[] }) {
  if (stories.length === 0) return <p className="muted">No stories yet: ingest some articles, or start the server with --demo.</p>;
  return (
    <ul className="cards" data-testid="story-list">
      {stories.map((s) => (
        <li key={s.id} className="card story-card" data-story={s.id}>
          <Link to={paths.story(s.id)} className="card-title">
            {s.title}
          </Link>
          <p className="card-meta">
            <span className="date">{humanSpan(s.first_published, s.last_published)}</span> ·{" "}
            <Link to={paths.story(s.id, "articles")} data-number="articles">
              {plural(s.articles.length, "article")}
            </Link>{" "}
            from{" "}
            <Link to={paths.story(s.id, "articles")} data-number="outlets">
              {plural(s.outlets, "outlet")}
            </Link>{" "}
            ·{" "}
            <Link to={paths.story(s.id, "claims")} data-number="claims">
              {plural(s.reported_claims.length, "claim")}
            </Link>
          </p>
          {s.lead ? (
            <p className="card-lead">
              <span className="muted">Leading claim:</span> <Link to={paths.claim(s.lead.id)}>{s.lead.statement}</Link>{" "}
              <span className="muted">({plural(s.lead.origins, "independent origin")})</span>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Questions with their probability bar: open ones first, then the latest deadline first. */
export function QuestionList({ summary }: { summary: QuestionsSummary }) {
  if (summary.questions.length === 0) return <p className="muted">No questions yet.</p>;
  return (
    <ul className="cards" data-testid="question-list">
      {[...summary.questions]
        .sort((a, b) => Number(b.status === "open") - Number(a.status === "open") || b.deadline.localeCompare(a.deadline))
        .map((q) => (
        <li key={q.id} className="card question-card">
          <Link to={paths.question(q.id)} className="card-title">
            {q.title}
          </Link>
          <div className="prob-row">
            <div className="prob-bar" aria-hidden="true">
              <div style={{ width: `${Math.round(q.probability * 100)}%` }} />
            </div>
            <Link to={paths.question(q.id, "why")} className="prob" data-probability={q.probability} data-number="probability">
              {pct(q.probability)}
            </Link>
          </div>
          <p className="card-meta">
            {q.status === "open" ? <>open · deadline {humanSpan(q.deadline, q.deadline)}</> : <>resolved {q.status}{q.resolved_at ? ` on ${humanSpan(q.resolved_at, q.resolved_at)}` : ""}</>}
            {q.brier !== null ? (
              <>
                {" "}
                · <Term id="brier">Brier</Term>{" "}
                <Link to={paths.question(q.id, "scores")} data-number="brier">
                  {q.brier.toFixed(3)}
                </Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The front page. */
export function Home() {
  const stories = useApi("stories:0", () => api.stories(0, STORY_PAGE));
  const questions = useApi("questions", api.questions);
  return (
    <>
      <PageTitle
        title="The ledger"
        sub={
          <>
            <p>
              Who claims what about a developing story, citing whom, and how firmly. Forty outlets repeating one source count as one <Term id="origin">independent origin</Term>, not forty; each{" "}
              <Term id="claim">claim</Term> moves from discussed to scheduled to occurred (or is called off), and each <Term id="question">question</Term>'s probability follows the reports — every number links to the sentences behind it.
            </p>
            <p>
              New here? Start with a question below, or read <Link to={paths.glossary()}>what the words mean</Link>.
            </p>
          </>
        }
      >
        The ledger
      </PageTitle>
      <div className="grid-2 home">
        <section aria-labelledby="h-questions">
          <h2 id="h-questions">Questions</h2>
          <Show value={questions}>{(q) => <QuestionList summary={q} />}</Show>
        </section>
        <section aria-labelledby="h-stories">
          <h2 id="h-stories">Stories, newest first</h2>
          <Show value={stories}>
            {(page) => (
              <>
                <StoryList stories={page.items} />
                {page.total > page.items.length ? (
                  <p>
                    <Link to={paths.stories()} data-number="stories">
                      All {plural(page.total, "story", "stories")} →
                    </Link>
                  </p>
                ) : null}
              </>
            )}
          </Show>
        </section>
      </div>
    </>
  );
}

/** Previous and next pages of the story list. */
function StoryPager({ page }: { page: ListPage<StoryOverview> }) {
  const to = page.offset + page.items.length;
  if (page.offset === 0 && to >= page.total) return null;
  return (
    <nav className="pager" aria-label="Pages of stories">
      {page.offset > 0 ? (
        <Link to={paths.stories(Math.max(0, page.offset - page.limit))} rel="prev">
          ← Newer {page.limit}
        </Link>
      ) : null}
      <span>
        Page {Math.floor(page.offset / page.limit) + 1} of {Math.max(1, Math.ceil(page.total / page.limit))}
      </span>
      {to < page.total ? (
        <Link to={paths.stories(to)} rel="next">
          Older {Math.min(page.limit, page.total - to)} →
        </Link>
      ) : null}
    </nav>
  );
}

/** All stories, a page at a time. */
export function Stories() {
  const loc = useLocation();
  const offset = Math.max(0, Number.parseInt(loc.search.get("offset") ?? "0", 10) || 0);
  const stories = useApi(`stories:${offset}`, () => api.stories(offset, STORY_PAGE));
  return (
    <>
      <PageTitle sub="Articles about the same developing news, grouped by their words and dates; newest activity first.">Stories</PageTitle>
      <Show value={stories}>
        {(page) => (
          <>
            {page.total > 0 ? (
              <p role="status" className="list-total" data-total={page.total}>
                {page.items.length ? `${page.offset + 1}–${page.offset + page.items.length} of ` : "None of "}
                {plural(page.total, "story", "stories")}
              </p>
            ) : null}
            <StoryList stories={page.items} />
            <StoryPager page={page} />
          </>
        )}
      </Show>
    </>
  );
}
