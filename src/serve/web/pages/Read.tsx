// Reading pages: a stored article's reading, the paste-an-article box, and search.
import { useState, type FormEvent } from "react";
import { api, type Extraction, type SearchResults } from "../api.js";
import { PageTitle, Show, StatusBadge, useApi } from "../components/common.js";
import { Reading } from "../components/Reading.js";
import { Link, navigate, paths, useLocation } from "../router.js";

/** One stored article, read in place. */
export function Article({ id }: { id: string }) {
  const article = useApi(`article:${id}`, () => api.article(id));
  return (
    <Show value={article}>
      {(a) => (
        <>
          <PageTitle sub={`${a.article.outlet ?? "unknown outlet"} · ${a.article.published ?? "undated"}${a.article.byline ? ` · ${a.article.byline}` : ""}`}>{a.article.title ?? a.article.id}</PageTitle>
          {a.near_duplicate_of ? (
            <p className="notice">
              A near-duplicate (wire copy or light rewrite) of <Link to={paths.article(a.near_duplicate_of)}>an earlier article</Link>.
            </p>
          ) : null}
          {a.article.url ? (
            <p className="small muted">
              <a href={a.article.url} rel="noopener noreferrer nofollow" target="_blank">
                {a.article.url}
              </a>
            </p>
          ) : null}
          <Reading extraction={a} />
        </>
      )}
    </Show>
  );
}

/** The paste-an-article box. */
export function Read() {
  const [text, setText] = useState("");
  const [date, setDate] = useState("");
  const [result, setResult] = useState<{ x?: Extraction; error?: string; busy?: boolean }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setResult({ busy: true });
    try {
      setResult({ x: await api.extract(text, date || undefined) });
    } catch (err) {
      setResult({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <>
      <PageTitle sub="Paste one article to see how bellwether reads it: entities, dates, who is quoted saying what, and how firmly each event is presented. Nothing is stored.">Read an article</PageTitle>
      <form className="read-form" onSubmit={submit}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={10} placeholder="SEOUL, Oct 18 - U.S. officials said on Saturday that a meeting between Donald Trump and Kim Jong Un was under discussion…" aria-label="Article text" />
        <div className="row">
          <label>
            Published <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <button type="submit" disabled={result.busy || !text.trim()}>
            {result.busy ? "Reading…" : "Read it"}
          </button>
        </div>
      </form>
      {result.error ? <div className="error" role="alert">{result.error}</div> : null}
      {result.x ? <Reading extraction={result.x} /> : null}
    </>
  );
}

type Result<K extends SearchResults["results"][number]["kind"]> = Extract<SearchResults["results"][number], { kind: K }>;

function Results({ r: page }: { r: SearchResults }) {
  const of = <K extends SearchResults["results"][number]["kind"]>(kind: K) => page.results.filter((x): x is Result<K> => x.kind === kind);
  const r = { claims: of("claim").map((c) => ({ ...c, summary: c.title })), entities: of("entity").map((e) => ({ ...e, name: e.title })), articles: of("article") };
  if (page.total === 0) return <p className="muted">Nothing matches “{page.query}”.</p>;
  return (
    <div className="grid-2" data-testid="search-results">
      <section>
        <h2>Claims ({r.claims.length})</h2>
        <ul className="claims">
          {r.claims.map((c) => (
            <li key={c.id} className="claim-row">
              <StatusBadge status={c.status} />
              <Link to={paths.claim(c.id)} className="claim-summary">
                {c.summary}
              </Link>
              <span className="counts">
                {c.reports} {c.reports === 1 ? "report" : "reports"} · <strong>{c.origins}</strong> {c.origins === 1 ? "origin" : "origins"}
              </span>
            </li>
          ))}
        </ul>
        {r.entities.length ? (
          <>
            <h2>Actors ({r.entities.length})</h2>
            <ul className="chips">
              {r.entities.map((e) => (
                <li key={e.id}>
                  <Link to={paths.actor(e.id)} className={`chip entity-${e.type}`}>
                    {e.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section>
        <h2>Articles ({r.articles.length})</h2>
        <ul className="results">
          {r.articles.map((a) => (
            <li key={a.id}>
              <Link to={paths.article(a.id)}>{a.title ?? a.id}</Link>
              <div className="muted small">
                {a.outlet ?? ""} · {a.published ?? "undated"}
              </div>
              <p className="snippet">{a.snippet}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Search page; the query lives in the URL so results can be linked and reloaded. */
export function Search() {
  const loc = useLocation();
  const q = loc.search.get("q")?.trim() ?? "";
  const [draft, setDraft] = useState(q);
  const results = useApi(`search:${q}`, () => (q ? api.search(q) : Promise.resolve(null)));
  return (
    <>
      <PageTitle sub="Across article text, claims and actors.">Search</PageTitle>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) navigate(paths.search(draft.trim()));
        }}
      >
        <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="letter, Singapore, sanctions…" aria-label="Search" />
        <button type="submit">Search</button>
      </form>
      <Show value={results}>{(r) => (r ? <Results r={r} /> : null)}</Show>
    </>
  );
}
