// A story's timeline: articles and the claims first reported on each day, with status and report/origin counts.
import { api, type ArticleSummary, type ClaimBrief, type StoryDetail } from "../api.js";
import { PageTitle, Show, StatusBadge, useApi } from "../components/common.js";
import { Link, paths } from "../router.js";

/** One claim line: status, summary, how many reports and how many independent origins. */
export function ClaimRow({ c }: { c: ClaimBrief }) {
  return (
    <li className="claim-row" data-testid="claim-row" data-claim={c.id} data-reports={c.reports} data-origins={c.origins}>
      <StatusBadge status={c.status} />
      <Link to={paths.claim(c.id)} className="claim-summary">
        {c.polarity === "-" ? <span className="neg">not </span> : null}
        {c.summary}
      </Link>
      <span className="counts" title={`${c.reports} reports from ${c.origins} independent origins`}>
        {c.reports} {c.reports === 1 ? "report" : "reports"} · <strong>{c.origins}</strong> {c.origins === 1 ? "origin" : "origins"}
      </span>
    </li>
  );
}

function timeline(story: StoryDetail) {
  const days = new Map<string, { articles: ArticleSummary[]; claims: ClaimBrief[] }>();
  const day = (d: string | null) => {
    const k = d ? d.slice(0, 10) : "undated";
    let v = days.get(k);
    if (!v) days.set(k, (v = { articles: [], claims: [] }));
    return v;
  };
  for (const a of story.article_list) day(a.published).articles.push(a);
  for (const c of story.claim_list) day(c.first_reported).claims.push(c);
  return [...days.entries()].sort(([a], [b]) => (a === "undated" ? 1 : b === "undated" ? -1 : a.localeCompare(b)));
}

/** One story page. */
export function Story({ id }: { id: string }) {
  const story = useApi(`story:${id}`, () => api.story(id));
  return (
    <Show value={story}>
      {(s) => (
        <>
          <PageTitle sub={`${s.first_published ?? "?"} – ${s.last_published ?? "?"} · ${s.articles.length} articles · ${s.claims.length} claims`}>{s.title}</PageTitle>
          <ol className="timeline" data-testid="story-timeline">
            {timeline(s).map(([date, v]) => (
              <li key={date} className="day">
                <div className="day-date">{date}</div>
                <div className="day-body">
                  {v.articles.length ? (
                    <ul className="articles">
                      {v.articles.map((a) => (
                        <li key={a.id}>
                          <span className="outlet">{a.outlet ?? "unknown outlet"}</span>{" "}
                          <Link to={paths.article(a.id)}>{a.title ?? a.id}</Link>
                          {a.near_duplicate_of ? <span className="tag-inline" title="near-duplicate of an earlier article">wire copy</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {v.claims.length ? (
                    <ul className="claims">
                      {v.claims.map((c) => (
                        <ClaimRow key={c.id} c={c} />
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </Show>
  );
}
