// One stored article: where it sits in the ledger (the claims it reports, its stories, the questions it moved), then
// its text, read in place. A link to "#s3" marks the fourth sentence, the one a report cites.
import { useEffect } from "react";
import { humanDay, plural } from "../../../app/words.js";
import { api, type ArticlePage } from "../api.js";
import { PageTitle, Show, Stance, StageStatus, useApi } from "../components/common.js";
import { Reading } from "../components/Reading.js";
import { QuestionsMoved } from "../components/QuestionsMoved.js";
import { Term } from "../components/Term.js";
import { Link, paths, useLocation } from "../router.js";

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function ArticleView({ a }: { a: ArticlePage }) {
  const { hash } = useLocation();
  const m = /^s(\d+)$/.exec(hash);
  const focus = m ? Number(m[1]) : null;
  const l = a.ledger;
  useEffect(() => {
    if (focus !== null) document.querySelector("mark.hl-focus")?.scrollIntoView({ block: "center" });
    else if (hash) document.getElementById(hash)?.scrollIntoView({ block: "start" });
  }, [focus, hash]);
  return (
    <>
      <PageTitle
        title={`Article: ${a.article.title ?? a.article.id}`}
        sub={
          <p>
            <span className="outlet">{a.article.outlet ?? "unknown outlet"}</span> · {humanDay(a.article.published) ?? "undated"}
            {a.article.byline ? ` · ${a.article.byline}` : ""}
          </p>
        }
      >
        {a.article.title ?? a.article.id}
      </PageTitle>
      {a.near_duplicate_of ? (
        <p className="notice">
          A <Term id="wire-copy">wire copy</Term> (near-duplicate) of <Link to={paths.article(a.near_duplicate_of)}>an earlier article</Link>: its reports join that article's origins.
        </p>
      ) : null}
      <div className="grid-3 article-ledger">
        <section aria-labelledby="h-claims">
          <h2 id="h-claims">Claims it reports ({l.claims.length})</h2>
          {l.claims.length === 0 ? <p className="muted">None: the article tells of no happening the ledger keeps.</p> : null}
          <ul className="plain" data-testid="article-claims">
            {l.claims.map((c) => (
              <li key={c.id} className="article-claim">
                <Link to={paths.claim(c.id)}>{c.statement}</Link>
                <div className="claim-meta">
                  <StageStatus stage={c.stage} status={c.status} />
                  <Link to={paths.claim(c.id, "provenance")} data-number="origins">
                    {plural(c.origins, "independent origin")}
                  </Link>
                </div>
                <ul className="plain small">
                  {c.reports.map((r) => (
                    <li key={r.id}>
                      <Stance stance={r.stance} />{" "}
                      <a href={`#s${r.sentence}`} data-number="sentence">
                        sentence {r.sentence + 1}
                      </a>{" "}
                      (“{r.trigger}”){r.background ? <span className="muted"> — a <Term id="recap">recap</Term></span> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="h-stories">
          <h2 id="h-stories">Story</h2>
          <ul className="plain" data-testid="article-stories">
            {l.stories.map((s) => (
              <li key={s.id}>
                <Link to={paths.story(s.id)}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
        <QuestionsMoved questions={l.questions} testid="article-questions" />
      </div>
      {a.article.url ? (
        <p className="small">
          <a href={a.article.url} rel="noopener noreferrer nofollow" target="_blank">
            The original at {hostOf(a.article.url)}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="h-text">
        <h2 id="h-text">The text</h2>
        <Reading extraction={a} focusSentence={focus} />
      </section>
    </>
  );
}

/** One stored article. */
export function Article({ id }: { id: string }) {
  const article = useApi(`article:${id}`, () => api.article(id));
  return <Show value={article}>{(a) => <ArticleView a={a} />}</Show>;
}
