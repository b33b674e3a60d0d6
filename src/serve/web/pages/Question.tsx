// A question: the probability over time with its update markers, the evidence behind a chosen update, indicators, scores.
import { useState } from "react";
import { api, type QuestionDetail, type ReplayPoint } from "../api.js";
import { PageTitle, QuestionBadge, Show, pct, useApi } from "../components/common.js";
import { ProbabilityChart, updateDays } from "../components/ProbabilityChart.js";
import { Link, paths } from "../router.js";
import { Evidence } from "./Claim.js";
import { QuestionList } from "./Home.js";

function UpdatePanel({ u }: { u: QuestionDetail["updates"][number] }) {
  return (
    <div className="update" data-testid="update">
      <div className="update-head">
        <span className="date">{u.at.slice(0, 10)}</span>
        <strong>{u.indicator}</strong>
        <span>
          {pct(u.previous)} → <strong>{pct(u.probability)}</strong>
        </span>
        {u.claim ? <Link to={paths.claim(u.claim)}>open the claim</Link> : null}
      </div>
      <p className="muted small">{u.reason}</p>
      {u.evidence.map((ev) => (
        <div key={ev.report} className="update-evidence">
          <div className="small">
            <span className="outlet">{ev.outlet ?? "unknown outlet"}</span> · {ev.published ?? "undated"} · <Link to={paths.article(ev.article)}>{ev.title ?? ev.article}</Link>
          </div>
          <Evidence ev={ev} />
        </div>
      ))}
    </div>
  );
}

function QuestionPage({ q, points }: { q: QuestionDetail; points: ReplayPoint[] }) {
  const days = updateDays(q.updates);
  const [selected, setSelected] = useState<string | null>(days.at(-1)?.day ?? null);
  const chosen = days.find((d) => d.day === selected) ?? null;
  return (
    <>
      <PageTitle sub={q.criteria}>{q.title}</PageTitle>
      <div className="claim-facts">
        <span className="big-prob" data-testid="question-probability" data-probability={q.probability}>
          {pct(q.probability)}
        </span>
        <QuestionBadge status={q.status} />
        <span className="muted">
          opens {q.opens} · deadline {q.deadline} · prior {pct(q.prior)}
          {q.resolved_at ? ` · settled ${q.resolved_at}` : ""}
        </span>
      </div>
      <section>
        <h2>Probability over time</h2>
        <ProbabilityChart points={points} updates={q.updates} selected={selected} onSelect={setSelected} />
        <p className="muted small">Each marker is a report that moved the odds; click one to see the sentences behind it. Between markers the odds decay as the deadline nears without confirmation.</p>
        {chosen ? (
          <div className="update-panel" data-testid="update-panel" data-day={chosen.day}>
            {chosen.updates.map((u, i) => (
              <UpdatePanel key={i} u={u} />
            ))}
          </div>
        ) : null}
      </section>
      {q.scores ? (
        <section>
          <h2>Score</h2>
          <table className="table narrow" data-testid="scores">
            <tbody>
              {Object.entries(q.scores).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{typeof v === "number" ? v.toFixed(4) : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section>
        <h2>Indicators</h2>
        <table className="table" data-testid="indicators">
          <thead>
            <tr><th>Indicator</th><th>Claim types</th><th>Participants</th><th>Polarity</th><th>Likelihood ratio</th><th>Updates</th></tr>
          </thead>
          <tbody>
            {q.indicators.map((ind) => (
              <tr key={ind.name}>
                <td>{ind.name}</td>
                <td>{ind.match.type.join(", ")}</td>
                <td>
                  {ind.match.participants.map((p, i) => (
                    <span key={p}>
                      {i ? (ind.match.participants_mode === "all" ? " and " : " or ") : ""}
                      <Link to={paths.actor(p)}>{p.replace(/^[a-z]+:/, "")}</Link>
                    </span>
                  ))}
                  {ind.match.on_record ? <span className="muted"> (on the record)</span> : null}
                  {ind.match.scheduled ? <span className="muted"> (with a date)</span> : null}
                </td>
                <td>{ind.match.polarity}</td>
                <td>{ind.lr}</td>
                <td>{q.updates.filter((u) => u.indicator === ind.name).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Update log</h2>
        <table className="table small">
          <thead>
            <tr><th>Date</th><th>Indicator</th><th>Change</th><th>Why</th></tr>
          </thead>
          <tbody>
            {q.updates.map((u, i) => (
              <tr key={i} className={u.claim && selected === u.at.slice(0, 10) ? "selected" : ""}>
                <td>{u.at.slice(0, 10)}</td>
                <td>{u.claim ? <a href="#" onClick={(e) => (e.preventDefault(), setSelected(u.at.slice(0, 10)))}>{u.indicator}</a> : u.indicator}</td>
                <td>
                  {pct(u.previous)} → {pct(u.probability)}
                </td>
                <td className="muted">{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** One question page: its detail and its replayed path. */
export function Question({ id }: { id: string }) {
  const data = useApi(`question:${id}`, async () => {
    const [q, points] = await Promise.all([api.question(id), api.replay(id)]);
    return { q, points };
  });
  return <Show value={data}>{({ q, points }) => <QuestionPage q={q} points={points} />}</Show>;
}

/** All questions, with the calibration of resolved ones. */
export function Questions() {
  const summary = useApi("questions", api.questions);
  return (
    <>
      <PageTitle sub="Yes/no questions whose odds follow the ledger, each change traceable to its sentences.">Questions</PageTitle>
      <Show value={summary}>
        {(s) => (
          <>
            <QuestionList summary={s} />
            {s.calibration.some((b) => b.forecasts > 0) ? (
              <section>
                <h2>Calibration of resolved questions</h2>
                <table className="table narrow">
                  <thead>
                    <tr><th>Forecast</th><th>Days</th><th>Mean forecast</th><th>Observed</th></tr>
                  </thead>
                  <tbody>
                    {s.calibration
                      .filter((b) => b.forecasts > 0)
                      .map((b) => (
                        <tr key={b.from}>
                          <td>
                            {pct(b.from)}–{pct(b.to)}
                          </td>
                          <td>{b.forecasts}</td>
                          <td>{pct(b.mean_probability)}</td>
                          <td>{pct(b.observed_frequency)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </>
        )}
      </Show>
    </>
  );
}
