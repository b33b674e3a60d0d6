// Actors: who speaks most in the ledger, the actor × issue table of stated positions, and one actor's page.
import { api, type EntityView, type PositionsView } from "../api.js";
import { PageTitle, Show, StatusBadge, useApi } from "../components/common.js";
import { Highlighted } from "../components/Highlighted.js";
import { Link, paths } from "../router.js";

function PositionsTable({ p }: { p: PositionsView }) {
  if (p.actors.length === 0) return <p className="muted">No attributed statements yet.</p>;
  return (
    <div className="scroll-x">
      <table className="table positions" data-testid="positions">
        <thead>
          <tr>
            <th>Actor</th>
            {p.issues.map((i) => (
              <th key={i.id}>{i.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.actors.slice(0, 25).map((a) => (
            <tr key={a.id}>
              <th>
                <Link to={paths.actor(a.id)}>{a.name}</Link>
                <div className="muted small">{a.statements} statements</div>
              </th>
              {p.issues.map((i) => {
                const cell = a.positions[i.id];
                if (!cell) return <td key={i.id} className="empty" />;
                const lean = cell.against > cell.for ? "against" : cell.for > cell.against ? "for" : "stated";
                return (
                  <td key={i.id} className={`pos pos-${lean}`} title={cell.statements.slice(0, 3).map((s) => `${s.published ?? ""} ${s.text}`).join("\n\n")}>
                    {cell.for ? <span className="for">▲{cell.for}</span> : null}
                    {cell.against ? <span className="against">▼{cell.against}</span> : null}
                    {cell.stated ? <span className="stated">●{cell.stated}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The positions table and the most mentioned entities. */
export function Actors() {
  const positions = useApi("positions", api.positions);
  const entities = useApi("entities", () => api.entities(80));
  return (
    <>
      <PageTitle sub="Stated positions by issue: ▲ leaning for, ▼ against, ● stated without a clear lean. Issues come from keywords and claim types in the attributed sentences.">Actors</PageTitle>
      <section>
        <h2>Positions</h2>
        <Show value={positions}>{(p) => <PositionsTable p={p} />}</Show>
      </section>
      <section>
        <h2>Most mentioned</h2>
        <Show value={entities}>
          {(list) => (
            <ul className="chips">
              {list.map((e) => (
                <li key={e.id}>
                  <Link to={paths.actor(e.id)} className={`chip entity-${e.type}`}>
                    {e.name} <span className="muted">{e.mentions}</span>
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

function ActorPage({ e }: { e: EntityView }) {
  return (
    <>
      <PageTitle sub={`${e.type} · ${e.mentions} mentions${e.aliases.length ? ` · also written ${e.aliases.filter((a) => a !== e.name).slice(0, 8).join(", ")}` : ""}`}>{e.name}</PageTitle>
      <div className="grid-2">
        <section>
          <h2>What {e.name} has said ({e.said.length})</h2>
          {e.said.length === 0 ? <p className="muted">No statements attributed to {e.name}.</p> : null}
          <ol className="statements" data-testid="said">
            {e.said.map((s, i) => (
              <li key={i} className="statement">
                <div className="small">
                  <span className="date">{s.published ?? "undated"}</span> <span className="outlet">{s.outlet ?? ""}</span> · <Link to={paths.article(s.article)}>{s.title ?? s.article}</Link>
                </div>
                <blockquote className="evidence">
                  <Highlighted text={s.text} marks={[{ ...s.content, kind: "content", label: `attributed (${s.cue})` }]} />
                </blockquote>
                <div className="small">
                  <span className={`stance stance-${s.stance}`}>{s.stance}</span>
                  {s.issues.map((i) => (
                    <span key={i} className="tag-inline">
                      {i}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h2>What has been said about {e.name} ({e.said_about.length})</h2>
          <ul className="claims" data-testid="said-about">
            {e.said_about.map((c) => (
              <li key={c.id} className="claim-row">
                <StatusBadge status={c.status} />
                <Link to={paths.claim(c.id)} className="claim-summary">
                  {c.polarity === "-" ? <span className="neg">not </span> : null}
                  {c.summary}
                </Link>
                <span className="counts">
                  {c.reports} {c.reports === 1 ? "report" : "reports"} · <strong>{c.origins}</strong> {c.origins === 1 ? "origin" : "origins"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

/** One actor page. */
export function Actor({ id }: { id: string }) {
  const entity = useApi(`entity:${id}`, () => api.entity(id));
  return <Show value={entity}>{(e) => <ActorPage e={e} />}</Show>;
}
