// The front page: the stories and the questions with their current probability.
import { api, type QuestionsSummary, type StoryView } from "../api.js";
import { PageTitle, QuestionBadge, Show, pct, useApi } from "../components/common.js";
import { Link, paths } from "../router.js";

/** Story cards, newest last, as the home and stories pages show them. */
export function StoryList({ stories }: { stories: StoryView[] }) {
  if (stories.length === 0) return <p className="muted">No stories yet: ingest some articles, or start the server with --demo.</p>;
  return (
    <ul className="cards" data-testid="story-list">
      {stories.map((s) => (
        <li key={s.id} className="card">
          <Link to={paths.story(s.id)} className="card-title">
            {s.title}
          </Link>
          <div className="muted small">
            {s.first_published ?? "?"} – {s.last_published ?? "?"} · {s.articles.length} articles · {s.claims.length} claims
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Questions with their probability bar. */
export function QuestionList({ summary }: { summary: QuestionsSummary }) {
  if (summary.questions.length === 0) return <p className="muted">No questions yet.</p>;
  return (
    <ul className="cards" data-testid="question-list">
      {summary.questions.map((q) => (
        <li key={q.id} className="card question-card">
          <Link to={paths.question(q.id)} className="card-title">
            {q.title}
          </Link>
          <div className="prob-row">
            <div className="prob-bar" aria-hidden="true">
              <div style={{ width: `${Math.round(q.probability * 100)}%` }} />
            </div>
            <strong className="prob" data-probability={q.probability}>{pct(q.probability)}</strong>
            <QuestionBadge status={q.status} />
          </div>
          <div className="muted small">
            deadline {q.deadline}
            {q.brier !== null ? ` · Brier ${q.brier.toFixed(3)}` : ""}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The front page. */
export function Home() {
  const stories = useApi("stories", api.stories);
  const questions = useApi("questions", api.questions);
  return (
    <>
      <PageTitle sub="Who claims what about a developing story, citing whom, how firmly; how many independent origins stand behind each claim; and what it says about the questions that matter.">
        The ledger
      </PageTitle>
      <div className="grid-2 home">
        <section>
          <h2>Stories</h2>
          <Show value={stories}>{(s) => <StoryList stories={s} />}</Show>
        </section>
        <section>
          <h2>Questions</h2>
          <Show value={questions}>{(q) => <QuestionList summary={q} />}</Show>
        </section>
      </div>
    </>
  );
}

/** All stories. */
export function Stories() {
  const stories = useApi("stories", api.stories);
  return (
    <>
      <PageTitle sub="Groups of articles about one developing happening.">Stories</PageTitle>
      <Show value={stories}>{(s) => <StoryList stories={s} />}</Show>
    </>
  );
}
