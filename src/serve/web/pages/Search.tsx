// Search: one ranked list — people, countries and places first, then claims, then articles — with the total, pages of
// 25, and the query's words highlighted in each snippet. The query and page live in the URL, so results can be linked.
import { useEffect, useState } from "react";
import { humanDay, plural } from "../../../app/words.js";
import { api, type SearchHit, type SearchPage } from "../api.js";
import { PageTitle, Show, StageStatus, useApi } from "../components/common.js";
import { Highlighted } from "../components/Highlighted.js";
import { Link, navigate, paths, useLocation } from "../router.js";

const PAGE = 25;
const KIND_WORDS: Record<SearchHit["kind"], string> = { entity: "People, places and organizations", claim: "Claims", article: "Articles" };

function Hit({ h }: { h: SearchHit }) {
  const marks = h.highlights.map(([start, end]) => ({ start, end, kind: "query", label: "" }));
  if (h.kind === "entity")
    return (
      <li className="hit entity" data-kind="entity">
        <Link to={paths.actor(h.id)} className="hit-title">
          <Highlighted text={h.title} marks={marks} />
        </Link>{" "}
        <span className="muted">{h.type}</span>
      </li>
    );
  if (h.kind === "claim")
    return (
      <li className="hit claim" data-kind="claim">
        <Link to={paths.claim(h.id)} className="hit-title">
          {h.snippet === h.title ? <Highlighted text={h.title} marks={marks} /> : h.title}
        </Link>
        <div className="claim-meta">
          {h.stage && h.status ? <StageStatus stage={h.stage} status={h.status} /> : null}
          <span className="muted">
            {plural(h.origins ?? 0, "independent origin")} · {plural(h.reports ?? 0, "report")}
          </span>
          {h.found_as ? <span className="muted small">found as a kind of happening: “{h.found_as}”</span> : null}
        </div>
        {h.snippet !== h.title ? (
          <p className="snippet">
            <Highlighted text={h.snippet} marks={marks} />
          </p>
        ) : null}
      </li>
    );
  return (
    <li className="hit article" data-kind="article">
      <Link to={paths.article(h.id)} className="hit-title">
        {h.title}
      </Link>
      <div className="muted small">
        {h.outlet ?? "unknown outlet"} · {humanDay(h.published) ?? "undated"}
      </div>
      <p className="snippet">
        <Highlighted text={h.snippet} marks={marks} />
      </p>
    </li>
  );
}

function Results({ r }: { r: SearchPage }) {
  if (r.total === 0) return <p role="status">Nothing matches “{r.query}”.</p>;
  const from = r.offset + 1;
  const to = r.offset + r.results.length;
  const groups: Array<[SearchHit["kind"], SearchHit[]]> = (["entity", "claim", "article"] as const).map((k) => [k, r.results.filter((h) => h.kind === k)]);
  return (
    <div data-testid="search-results">
      <p role="status" className="search-total" data-total={r.total}>
        {from}–{to} of {plural(r.total, "result")} for “{r.query}”: {plural(r.counts.entity, "person, place or organization", "people, places and organizations")}, {plural(r.counts.claim, "claim")}, {plural(r.counts.article, "article")}.
      </p>
      {groups.map(([kind, hits]) =>
        hits.length ? (
          <section key={kind} aria-labelledby={`h-${kind}`}>
            <h2 id={`h-${kind}`}>{KIND_WORDS[kind]}</h2>
            <ol className="hits" start={r.results.indexOf(hits[0]) + from}>
              {hits.map((h) => (
                <Hit key={`${h.kind}:${h.id}`} h={h} />
              ))}
            </ol>
          </section>
        ) : null,
      )}
      <nav className="pager" aria-label="Pages of results">
        {r.offset > 0 ? (
          <Link to={paths.search(r.query, Math.max(0, r.offset - r.limit))} rel="prev">
            ← Previous {r.limit}
          </Link>
        ) : null}
        <span>
          Page {Math.floor(r.offset / r.limit) + 1} of {Math.max(1, Math.ceil(r.total / r.limit))}
        </span>
        {to < r.total ? (
          <Link to={paths.search(r.query, r.offset + r.limit)} rel="next">
            Next {Math.min(r.limit, r.total - to)} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

/** The search page. */
export function Search() {
  const loc = useLocation();
  const q = loc.search.get("q")?.trim() ?? "";
  const offset = Math.max(0, Number.parseInt(loc.search.get("offset") ?? "0", 10) || 0);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const results = useApi(`search:${q}:${offset}`, () => (q ? api.search(q, offset, PAGE) : Promise.resolve(null)));
  return (
    <>
      <PageTitle title={q ? `Search: ${q}` : "Search"} sub={<p>People, places and organizations; claims, also by everyday words (“summit”, “drills”); and the text of every article.</p>}>
        Search
      </PageTitle>
      <form
        className="search-form"
        role="search"
        aria-label="New search"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) navigate(paths.search(draft.trim()));
        }}
      >
        <label htmlFor="search-q" className="visually-hidden">
          Search for
        </label>
        <input id="search-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="letter, Singapore, sanctions…" />
        <button type="submit">Search</button>
      </form>
      <Show value={results}>{(r) => (r ? <Results r={r} /> : null)}</Show>
    </>
  );
}
