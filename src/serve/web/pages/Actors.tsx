// Actors: who speaks most in the ledger, the actor × issue table of stated positions (each cell a link to the
// statements it counts), and one actor's page: what they said, optionally on one issue, and the claims about them.
import { humanDay, plural } from "../../../app/words.js";
import { api, type EntityView, type PositionsView } from "../api.js";
import { ClaimItem } from "../components/ClaimItem.js";
import { PageTitle, ScrollBox, ScrollToHash, Show, useApi } from "../components/common.js";
import { Highlighted } from "../components/Highlighted.js";
import { Link, paths, useLocation } from "../router.js";

function PositionsTable({ p }: { p: PositionsView }) {
  if (p.actors.length === 0) return <p className="muted">No attributed statements yet.</p>;
  return (
    <ScrollBox label="Positions by issue">
      <table className="table positions" data-testid="positions">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            {p.issues.map((i) => (
              <th key={i.id} scope="col">
                {i.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.actors.slice(0, 25).map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={paths.actor(a.id)}>{a.name}</Link>
                <div className="small">
                  <Link to={paths.actor(a.id, "#said")} data-number="statements">
                    {plural(a.statements, "statement")}
                  </Link>
                </div>
              </th>
              {p.issues.map((i) => {
                const cell = a.positions[i.id];
                if (!cell) return <td key={i.id} className="empty" />;
                const lean = cell.against > cell.for ? "against" : cell.for > cell.against ? "for" : "stated";
                return (
                  <td key={i.id} className={`pos pos-${lean}`}>
                    <Link to={paths.actor(a.id, `?issue=${encodeURIComponent(i.id)}#said`)} data-number="position">
                      <span className="visually-hidden">
                        {a.name} on {i.label} (▲ for, ▼ against, ● no lean):{" "}
                      </span>
                      {cell.for ? <span className="for">▲{cell.for}</span> : null}
                      {cell.against ? <span className="against">▼{cell.against}</span> : null}
                      {cell.stated ? <span className="stated">●{cell.stated}</span> : null}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The positions table and the most mentioned entities. */
export function Actors() {
  const positions = useApi("positions", api.positions);
  const entities = useApi("entities", () => api.entities(80));
  return (
    <>
      <PageTitle sub={<p>Stated positions by issue: ▲ leaning for, ▼ against, ● stated without a clear lean. Issues come from keywords and claim types in the attributed sentences; each cell links to the statements it counts.</p>}>Actors</PageTitle>
      <section aria-labelledby="h-positions">
        <h2 id="h-positions">Positions</h2>
        <Show value={positions}>{(p) => <PositionsTable p={p} />}</Show>
      </section>
      <section aria-labelledby="h-mentioned">
        <h2 id="h-mentioned">Most mentioned</h2>
        <Show value={entities}>
          {(list) => (
            <ul className="chips">
              {list.map((e) => (
                <li key={e.id}>
                  <Link to={paths.actor(e.id, "#mentions")} className={`chip entity-${e.type}`} data-number="mentions">
                    {e.name} <span className="count">{e.mentions}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Show>
      </section>
    </>
  );
}

function ActorPage({ e, issue }: { e: EntityView; issue: string | null }) {
  const said = issue ? e.said.filter((s) => s.issues.includes(issue)) : e.said;
  const aliases = e.aliases.filter((a) => a !== e.name).slice(0, 8);
  return (
    <>
      <PageTitle title={`${e.name} (${e.type})`} sub={<p>{e.type}{aliases.length ? ` · also written ${aliases.join(", ")}` : ""}</p>}>
        {e.name}
      </PageTitle>
      <p>
        <a href="#mentions" data-number="mentions">
          {plural(e.mentions, "mention")}
        </a>{" "}
        in{" "}
        <a href="#mentions" data-number="mention-articles">
          {plural(e.articles.length, "article")}
        </a>{" "}
        ·{" "}
        <a href="#said" data-number="said">
          {plural(e.said.length, "statement")}
        </a>{" "}
        ·{" "}
        <a href="#said-about" data-number="said-about">
          {plural(e.said_about.length, "claim")}
        </a>{" "}
        about them
      </p>
      <div className="grid-2">
        <section aria-labelledby="said">
          <h2 id="said" tabIndex={-1}>
            What {e.name} said {issue ? <>on {issue}</> : null} ({said.length})
          </h2>
          {issue ? (
            <p className="small">
              Only statements on {issue}. <Link to={paths.actor(e.id, "#said")}>Show every statement</Link>.
            </p>
          ) : null}
          {said.length === 0 ? <p className="muted">No statements attributed to {e.name}.</p> : null}
          <ol className="statements" data-testid="said">
            {said.map((s, i) => (
              <li key={i} className="statement">
                <p className="small">
                  <span className="date">{humanDay(s.published) ?? "undated"}</span> <span className="outlet">{s.outlet ?? ""}</span> · <Link to={paths.article(s.article, `s${s.sentence}`)}>{s.title ?? "the article"}</Link>
                </p>
                <blockquote className="evidence">
                  <Highlighted text={s.text} marks={[{ ...s.content, kind: "content", label: `attributed (${s.cue})` }]} />
                </blockquote>
                <p className="small">
                  <span className={`stance stance-${s.stance}`}>{s.stance === "for" ? "▲ for" : s.stance === "against" ? "▼ against" : "● stated"}</span>
                  {s.issues.map((i) => (
                    <span key={i} className="tag-inline">
                      {i}
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="said-about">
          <h2 id="said-about" tabIndex={-1}>
            Claims about {e.name} ({e.said_about.length}), most independent origins first
          </h2>
          <ol className="claim-list" data-testid="said-about">
            {[...e.said_about].sort((a, b) => b.origins - a.origins || (b.last_reported ?? "").localeCompare(a.last_reported ?? "")).map((c) => (
              <ClaimItem key={c.id} c={c} />
            ))}
          </ol>
        </section>
      </div>
      <section aria-labelledby="mentions">
        <h2 id="mentions" tabIndex={-1}>
          Articles mentioning {e.name} ({e.articles.length})
        </h2>
        <ul className="plain" data-testid="mention-articles">
          {e.articles.map((a) => (
            <li key={a.id}>
              <span className="date">{humanDay(a.published) ?? "undated"}</span> <Link to={paths.article(a.id)}>{a.title ?? "untitled"}</Link> <span className="muted">({plural(a.mentions, "mention")})</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** One actor page. */
export function Actor({ id }: { id: string }) {
  const { search } = useLocation();
  const issue = search.get("issue");
  const entity = useApi(`entity:${id}`, () => api.entity(id));
  return (
    <Show value={entity}>
      {(e) => (
        <>
          <ActorPage e={e} issue={issue} />
          <ScrollToHash />
        </>
      )}
    </Show>
  );
}
