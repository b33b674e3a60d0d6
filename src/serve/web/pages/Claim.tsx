// One claim: its statement, where it stands and why, when and where it happens and who takes part, its history with the
// report behind each step, the stories and questions it touches, its provenance, and every report with its sentence.
import { useEffect, useState } from "react";
import { humanDay, humanTime, plural } from "../../../app/words.js";
import { api, type ClaimPage, type ClaimView } from "../api.js";
import { ClaimItem } from "../components/ClaimItem.js";
import { Factuality, PageTitle, ScrollToHash, Show, Stance, StageStatus, useApi } from "../components/common.js";
import { CoverageBar } from "../components/CoverageBar.js";
import { Highlighted } from "../components/Highlighted.js";
import { ProvenanceGraph } from "../components/ProvenanceGraph.js";
import { QuestionsMoved } from "../components/QuestionsMoved.js";
import { Term } from "../components/Term.js";
import { Link, paths } from "../router.js";

type Report = ClaimPage["reports"][number];

/** The sentence of a report between its neighbours, the trigger marked. */
export function Evidence({ ev }: { ev: NonNullable<Report["evidence"]> }) {
  return (
    <blockquote className="evidence" data-testid="evidence">
      {ev.before ? <span className="context">{ev.before} </span> : null}
      <Highlighted className="sentence" text={ev.text} marks={ev.trigger ? [{ ...ev.trigger, kind: "trigger", label: "the word naming the happening" }] : []} />
      {ev.after ? <span className="context"> {ev.after}</span> : null}
    </blockquote>
  );
}

function ReportCard({ r, root, lit }: { r: Report; root: string | null; lit: boolean }) {
  return (
    <li className={`report${lit ? " lit" : ""}`} data-testid="report" id={`report-${r.id}`} tabIndex={-1}>
      <div className="report-head">
        <span className="date">{humanDay(r.published) ?? "undated"}</span>
        <span className="outlet">{r.outlet ?? "unknown outlet"}</span>
        <Stance stance={r.stance} />
        <Factuality value={r.factuality} />
        {r.evidence?.near_duplicate_of ? (
          <span className="tag-inline">
            <Term id="wire-copy">wire copy</Term>
          </span>
        ) : null}
        {r.background ? (
          <span className="tag-inline">
            <Term id="recap">recap</Term>
          </span>
        ) : null}
      </div>
      {r.evidence ? <Evidence ev={r.evidence} /> : <p className="muted">(sentence {r.sentence + 1}, “{r.trigger}”)</p>}
      <p className="chain small">
        <Link to={paths.article(r.article, `s${r.sentence}`)}>{r.title ?? "the article"}</Link> · <Term id="chain">source chain</Term>: {[r.outlet ?? "unknown outlet", ...r.chain].join(" ← ")}
        {root ? (
          <>
            {" "}
            · <Term id="origin">origin</Term>: {root}
          </>
        ) : null}
      </p>
    </li>
  );
}

function ClaimView({ c }: { c: ClaimPage }) {
  const [lit, setLit] = useState<string | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [byOrigin, setByOrigin] = useState(false);
  const roots = new Map(c.origins.map((o) => [o.id, o.root]));
  const now = c.status_history.at(-1);
  const when = humanTime(c.when);
  const open = (id: string) => {
    setOrigin((o) => (o && c.reports.find((r) => r.id === id)?.origin !== o ? null : o));
    window.history.replaceState(null, "", `#report-${id}`);
    requestAnimationFrame(() => {
      const el = document.getElementById(`report-${id}`);
      el?.scrollIntoView({ block: "center" });
      el?.focus({ preventScroll: true });
      setLit(id);
    });
  };
  const shown = c.reports.filter((r) => !origin || r.origin === origin);
  const groups = byOrigin ? c.origins.filter((o) => !origin || o.id === origin).map((o) => ({ key: o.id, title: `${o.root} (${plural(o.reports.length, "report")})`, reports: shown.filter((r) => r.origin === o.id) })) : [{ key: "all", title: "", reports: shown }];
  return (
    <>
      <PageTitle
        title={`Claim: ${c.statement}`}
        sub={
          <p className="claim-sub">
            <StageStatus stage={c.stage} status={c.status} />
            {when ? <span>{when}</span> : null}
            {c.place ? (
              <span>
                in <Link to={paths.actor(c.place.id)}>{c.place.name}</Link>
              </span>
            ) : null}
          </p>
        }
      >
        {c.statement}
      </PageTitle>
      {now ? (
        <p className="standing" data-testid="status-why">
          <strong>Why {now.status}:</strong> {now.why}{" "}
          {now.report ? (
            <a href={`#report-${now.report}`} onClick={(e) => (e.preventDefault(), open(now.report!))}>
              Read the report
            </a>
          ) : null}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>
            <Term id="party">Parties</Term>
          </dt>
          <dd>
            {c.participants.map((p, i) => (
              <span key={p.id}>
                {i ? ", " : ""}
                <Link to={paths.actor(p.id)}>{p.name}</Link>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{when ?? "not said"}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{c.place ? <Link to={paths.actor(c.place.id)}>{c.place.name}</Link> : "not said"}</dd>
        </div>
        <div>
          <dt>Reported</dt>
          <dd>
            {humanDay(c.first_reported) ?? "?"} to {humanDay(c.last_reported) ?? "?"} in{" "}
            <a href="#reports" data-number="reports">
              {plural(c.reports.length, "report")}
            </a>
          </dd>
        </div>
        <div className="secondary">
          <dt>
            <Term id="label">Label</Term>
          </dt>
          <dd>
            <code>{c.summary}</code>
            {c.cameo ? (
              <>
                {" "}
                · <Term id="cameo">CAMEO</Term> <code>{c.cameo}</code>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <CoverageBar
        origins={c.origins.length}
        sides={c.origin_sides}
        originsLink={(n) => (
          <a href="#provenance" data-number="origins" data-testid="origin-count">
            {n}
          </a>
        )}
        extra={
          <>
            <a href="#reports" data-testid="report-count" data-number="reports">
              {c.reports.length}
            </a>{" "}
            {c.reports.length === 1 ? "report" : "reports"}
          </>
        }
      />
      <section aria-labelledby="history">
        <h2 id="history" tabIndex={-1}>
          How it got here
        </h2>
        <ol className="status-history" data-testid="status-history">
          {c.status_history.map((h, i) => (
            <li key={i} data-status={h.status}>
              <span className="date">{humanDay(h.at)}</span> <StageStatus stage={h.stage} status={h.status} />
              <p className="why">
                {h.why}{" "}
                {h.report ? (
                  <a href={`#report-${h.report}`} data-number="status-change" onClick={(e) => (e.preventDefault(), open(h.report!))}>
                    The report
                  </a>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      </section>
      {c.stories.length || c.questions.length ? (
        <div className="grid-2">
          <section aria-labelledby="h-stories">
            <h2 id="h-stories">Stories that report it</h2>
            <ul className="plain" data-testid="claim-stories">
              {c.stories.map((s) => (
                <li key={s.id}>
                  <Link to={paths.story(s.id)}>{s.title}</Link> (
                  <Link to={paths.story(s.id, "claims")} data-number="story-reports">
                    {plural(s.reports, "report")}
                  </Link>
                  )
                </li>
              ))}
            </ul>
          </section>
          <QuestionsMoved questions={c.questions} testid="claim-questions" />
        </div>
      ) : null}
      <section aria-labelledby="provenance">
        <h2 id="provenance" tabIndex={-1}>
          Provenance
        </h2>
        <ProvenanceGraph claim={c} highlighted={lit} onHighlight={setLit} origin={origin} onOrigin={setOrigin} onOpen={open} />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports" tabIndex={-1}>
          Reports ({shown.length === c.reports.length ? c.reports.length : `${shown.length} of ${c.reports.length}`})
        </h2>
        <label className="toggle">
          <input type="checkbox" checked={byOrigin} onChange={(e) => setByOrigin(e.target.checked)} /> Group by origin
        </label>
        {groups.map((g) => (
          <div key={g.key}>
            {g.title ? <h3>{g.title}</h3> : null}
            <ol className="reports">
              {g.reports.map((r) => (
                <ReportCard key={r.id} r={r} root={r.origin ? (roots.get(r.origin) ?? null) : null} lit={lit === r.id} />
              ))}
            </ol>
          </div>
        ))}
      </section>
      <ScrollToHash />
    </>
  );
}

/** One claim page. */
export function Claim({ id }: { id: string }) {
  const claim = useApi(`claim:${id}`, () => api.claim(id));
  return <Show value={claim}>{(c) => <ClaimView c={c} />}</Show>;
}

const STATUSES = ["all", "reported", "corroborated", "confirmed", "denied", "contradicted", "stale"] as const;
const STAGES = ["all", "discussed", "scheduled", "occurred", "called_off", "failed"] as const;

/** A full claim as the lists show it. */
export const brief = (c: ClaimView) => ({ ...c, reports: c.reports.length, origins: c.origins.length });

/** All claims, filtered by stage and status and ordered by origins or date. */
export function Claims() {
  const claims = useApi("claims", () => api.claims());
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("all");
  const [stage, setStage] = useState<(typeof STAGES)[number]>("all");
  const [order, setOrder] = useState<"origins" | "recent" | "first">("origins");
  useEffect(() => {
    const s = new URLSearchParams(window.location.search).get("status");
    if (s && (STATUSES as readonly string[]).includes(s)) setStatus(s as (typeof STATUSES)[number]);
  }, []);
  return (
    <>
      <PageTitle sub={<p>Every claim in the ledger, with how many independent origins and reports stand behind it.</p>}>Claims</PageTitle>
      <div className="filters">
        <label>
          <Term id="stage">Stage</Term>{" "}
          <select value={stage} onChange={(e) => setStage(e.target.value as (typeof STAGES)[number])}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          <Term id="status">Status</Term>{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Order{" "}
          <select value={order} onChange={(e) => setOrder(e.target.value as "origins" | "recent" | "first")}>
            <option value="origins">most independent origins first</option>
            <option value="recent">newest activity first</option>
            <option value="first">first reported first</option>
          </select>
        </label>
      </div>
      <Show value={claims}>
        {(all) => {
          const list = all
            .filter((c) => (status === "all" || c.status === status) && (stage === "all" || c.stage === stage))
            .sort((a, b) =>
              order === "origins"
                ? b.origins.length - a.origins.length || b.reports.length - a.reports.length
                : order === "recent"
                  ? (b.last_reported ?? "").localeCompare(a.last_reported ?? "")
                  : (a.first_reported ?? "").localeCompare(b.first_reported ?? ""),
            );
          return (
            <>
              <p className="muted small" role="status">
                {plural(list.length, "claim")}
                {list.length !== all.length ? ` of ${all.length}` : ""}
              </p>
              <ol className="claim-list">
                {list.map((c) => (
                  <ClaimItem key={c.id} c={brief(c)} />
                ))}
              </ol>
            </>
          );
        }}
      </Show>
    </>
  );
}
