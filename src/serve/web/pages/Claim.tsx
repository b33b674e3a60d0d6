// One claim: status and its history, every report with its sentence in context, source chains, and the provenance graph.
import { useState } from "react";
import { api, type ClaimDetail, type ClaimView } from "../api.js";
import { Factuality, PageTitle, Show, StatusBadge, useApi } from "../components/common.js";
import { Highlighted } from "../components/Highlighted.js";
import { ProvenanceGraph } from "../components/ProvenanceGraph.js";
import { Link, paths } from "../router.js";
import { ClaimRow } from "./Story.js";

type Report = ClaimDetail["reports"][number];

/** The sentence of a report between its neighbours, the trigger marked. */
export function Evidence({ ev }: { ev: NonNullable<Report["evidence"]> }) {
  return (
    <blockquote className="evidence" data-testid="evidence">
      {ev.before ? <span className="context">{ev.before} </span> : null}
      <Highlighted className="sentence" text={ev.text} marks={ev.trigger ? [{ ...ev.trigger, kind: "trigger", label: "trigger" }] : []} />
      {ev.after ? <span className="context"> {ev.after}</span> : null}
    </blockquote>
  );
}

function ReportCard({ r, origin }: { r: Report; origin: string | null }) {
  const chain = [r.outlet ?? "unknown outlet", ...r.chain];
  return (
    <li className="report" data-testid="report" id={`report-${r.id}`}>
      <div className="report-head">
        <span className="date">{r.published ?? "undated"}</span>
        <span className="outlet">{r.outlet ?? "unknown outlet"}</span>
        <Link to={paths.article(r.article)}>{r.title ?? r.article}</Link>
        <Factuality value={r.factuality} />
        {r.evidence?.near_duplicate_of ? <span className="tag-inline">wire copy</span> : null}
      </div>
      {r.evidence ? <Evidence ev={r.evidence} /> : <p className="muted">(sentence {r.sentence}, trigger “{r.trigger}”)</p>}
      <div className="chain small">
        <span className="muted">source chain:</span>{" "}
        {chain.map((c, i) => (
          <span key={i}>
            {i ? <span className="arrow"> ← </span> : null}
            <span className="chain-link">{c}</span>
          </span>
        ))}
        {origin ? <span className="muted"> · origin: {origin}</span> : null}
      </div>
    </li>
  );
}

function ClaimPage({ c }: { c: ClaimDetail }) {
  const [byOrigin, setByOrigin] = useState(false);
  const roots = new Map(c.origins.map((o) => [o.id, o.root]));
  const groups = byOrigin
    ? c.origins.map((o) => ({ key: o.id, title: `${o.root} (${o.reports.length})`, reports: c.reports.filter((r) => r.origin === o.id) }))
    : [{ key: "all", title: "", reports: c.reports }];
  return (
    <>
      <PageTitle
        sub={
          <>
            {c.type}
            {c.cameo ? ` · CAMEO ${c.cameo}` : ""} · reported {c.first_reported ?? "?"} – {c.last_reported ?? "?"}
          </>
        }
      >
        {c.polarity === "-" ? <span className="neg">Not: </span> : null}
        {c.summary}
      </PageTitle>
      <div className="claim-facts">
        <StatusBadge status={c.status} />
        <span className="big-count">
          <strong data-testid="report-count">{c.reports.length}</strong> reports
        </span>
        <span className="big-count">
          <strong data-testid="origin-count">{c.origins.length}</strong> independent {c.origins.length === 1 ? "origin" : "origins"}
        </span>
        <span>
          {c.participants.map((p, i) => (
            <span key={p.id}>
              {i ? ", " : ""}
              <Link to={paths.actor(p.id)}>{p.name}</Link>
            </span>
          ))}
        </span>
      </div>
      <ol className="status-history" aria-label="Status history">
        {c.status_history.map((h, i) => (
          <li key={i}>
            <StatusBadge status={h.status} /> <span className="muted small">{h.at.slice(0, 10)}</span>
          </li>
        ))}
      </ol>
      <section>
        <h2>Provenance</h2>
        <ProvenanceGraph claim={c} />
      </section>
      <section>
        <h2>
          Reports{" "}
          <label className="small toggle">
            <input type="checkbox" checked={byOrigin} onChange={(e) => setByOrigin(e.target.checked)} /> group by origin
          </label>
        </h2>
        {groups.map((g) => (
          <div key={g.key}>
            {g.title ? <h3>{g.title}</h3> : null}
            <ol className="reports">
              {g.reports.map((r) => (
                <ReportCard key={r.id} r={r} origin={r.origin ? roots.get(r.origin) ?? null : null} />
              ))}
            </ol>
          </div>
        ))}
      </section>
    </>
  );
}

/** One claim page. */
export function Claim({ id }: { id: string }) {
  const claim = useApi(`claim:${id}`, () => api.claim(id));
  return <Show value={claim}>{(c) => <ClaimPage c={c} />}</Show>;
}

const STATUSES = ["all", "reported", "corroborated", "confirmed", "denied", "contradicted", "stale"] as const;

/** Brief of a full claim for the lists. */
export const brief = (c: ClaimView) => ({ ...c, reports: c.reports.length, origins: c.origins.length });

/** All claims, filtered by status and ordered by origins or date. */
export function Claims() {
  const claims = useApi("claims", () => api.claims());
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("all");
  const [order, setOrder] = useState<"date" | "origins">("origins");
  return (
    <>
      <PageTitle sub="Every claim in the ledger, with how many reports and how many independent origins stand behind it.">Claims</PageTitle>
      <div className="filters">
        <label>
          Status{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Order{" "}
          <select value={order} onChange={(e) => setOrder(e.target.value as "date" | "origins")}>
            <option value="origins">most origins first</option>
            <option value="date">first reported</option>
          </select>
        </label>
      </div>
      <Show value={claims}>
        {(all) => {
          const shown = all
            .filter((c) => status === "all" || c.status === status)
            .sort((a, b) => (order === "origins" ? b.origins.length - a.origins.length || b.reports.length - a.reports.length : (a.first_reported ?? "").localeCompare(b.first_reported ?? "")));
          return (
            <>
              <p className="muted small">{shown.length} claims</p>
              <ul className="claims">
                {shown.map((c) => (
                  <ClaimRow key={c.id} c={brief(c)} />
                ))}
              </ul>
            </>
          );
        }}
      </Show>
    </>
  );
}
