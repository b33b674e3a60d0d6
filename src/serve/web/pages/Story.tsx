// A story page leads with what matters: its coverage, then every claim its articles report — ranked by independent
// origins, newest activity first — and only then the articles, day by day.
import { useState } from "react";
import { humanDay, humanSpan, plural } from "../../../app/words.js";
import { api, type StoryPage } from "../api.js";
import { ClaimItem } from "../components/ClaimItem.js";
import { PageTitle, ScrollToHash, Show, useApi } from "../components/common.js";
import { CoverageBar } from "../components/CoverageBar.js";
import { Term } from "../components/Term.js";
import { Link, paths } from "../router.js";

function byDay(s: StoryPage, outlet: string | null) {
  const days = new Map<string, StoryPage["article_list"]>();
  for (const a of s.article_list) {
    if (outlet && (a.outlet ?? "unknown outlet") !== outlet) continue;
    const k = a.published ? a.published.slice(0, 10) : "undated";
    days.set(k, [...(days.get(k) ?? []), a]);
  }
  return [...days.entries()].sort(([a], [b]) => (a === "undated" ? 1 : b === "undated" ? -1 : b.localeCompare(a)));
}

function StoryView({ s }: { s: StoryPage }) {
  const c = s.coverage;
  const [outlet, setOutlet] = useState<string | null>(null);
  return (
    <>
      <PageTitle
        title={`Story: ${s.title}`}
        sub={
          <p>
            <span className="date">{humanSpan(s.first_published, s.last_published)}</span> ·{" "}
            <a href="#articles" data-number="articles">
              {plural(c.articles, "article")}
            </a>{" "}
            from{" "}
            <a href="#outlets" data-number="outlets">
              {plural(c.outlets.length, "outlet")}
            </a>{" "}
            ·{" "}
            <a href="#claims" data-number="claims">
              {plural(s.reported_claim_list.length, "claim")}
            </a>
          </p>
        }
      >
        {s.title}
      </PageTitle>
      <section aria-labelledby="h-coverage">
        <h2 id="h-coverage">
          <Term id="coverage">Coverage</Term>
        </h2>
        <CoverageBar
          origins={c.origins}
          sides={{ for: c.for, against: c.against }}
          originsLink={(n) => (
            <a href="#claims" data-number="origins">
              {n}
            </a>
          )}
          extra={
            <>
              {plural(c.outlets.length, "outlet")}
              {c.wire_copies ? (
                <>
                  , {plural(c.wire_copies, "wire copy", "wire copies")} (<Term id="wire-copy">what is that?</Term>)
                </>
              ) : null}
            </>
          }
        />
        <ul className="chips outlets" id="outlets" aria-label="Outlets: choose one to list its articles">
          {c.outlets.map((o) => (
            <li key={o.name}>
              <button
                type="button"
                className="chip"
                aria-pressed={outlet === o.name}
                data-number="outlet-articles"
                onClick={() => {
                  setOutlet(outlet === o.name ? null : o.name);
                  document.getElementById("articles")?.scrollIntoView({ block: "start" });
                }}
              >
                {o.name} <span className="count">{plural(o.articles, "article")}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="claims">
        <h2 id="claims" tabIndex={-1}>
          What is claimed <span className="muted small">— most independent origins first</span>
        </h2>
        {s.reported_claim_list.length === 0 ? <p className="muted">No claim is reported in this story's articles.</p> : null}
        <ol className="claim-list" data-testid="story-claims">
          {s.reported_claim_list.map((claim) => (
            <ClaimItem key={claim.id} c={claim} storyLabel={(id) => s.home_titles[id] ?? "another story"} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="articles">
        <h2 id="articles" tabIndex={-1}>
          Articles, newest first{outlet ? <> — {outlet} only</> : null}
        </h2>
        {outlet ? (
          <button type="button" className="secondary small" onClick={() => setOutlet(null)}>
            Show every outlet
          </button>
        ) : null}
        <ol className="timeline" data-testid="story-timeline">
          {byDay(s, outlet).map(([day, articles]) => (
            <li key={day} className="day">
              <h3 className="day-date">{day === "undated" ? "Undated" : humanDay(day)}</h3>
              <ul className="articles">
                {articles.map((a) => (
                  <li key={a.id}>
                    <span className="outlet">{a.outlet ?? "unknown outlet"}</span> <Link to={paths.article(a.id)}>{a.title ?? a.id}</Link>
                    {a.near_duplicate_of ? (
                      <span className="tag-inline">
                        <Term id="wire-copy">wire copy</Term>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <ScrollToHash />
    </>
  );
}

/** One story page. */
export function Story({ id }: { id: string }) {
  const story = useApi(`story:${id}`, () => api.story(id));
  return <Show value={story}>{(s) => <StoryView s={s} />}</Show>;
}
