// A question page a forecaster can check: the probability and why it moved — every update a signed contribution in
// points, in plain words, one click from its sentences — the chart with time alone drawn beside it, the indicators, the
// scores beside the prior-only baseline, and the full log. Every number is a link to the updates it counts.
import { useCallback, useEffect, useState } from "react";
import { humanDay, plural, signedPoints } from "../../../app/words.js";
import { api, type QuestionDetail, type QuestionsSummary, type QuestionUpdate, type ReplayPoint } from "../api.js";
import { PageTitle, ScrollBox, Show, pct, useApi } from "../components/common.js";
import { ProbabilityChart, markedDays, type Scale } from "../components/ProbabilityChart.js";
import { Term } from "../components/Term.js";
import { Link, paths, useLocation } from "../router.js";
import { Evidence } from "./Claim.js";
import { QuestionList } from "./Home.js";

/** The explanation without its leading points ("+3.3 pts: "), which the page shows apart. */
const withoutPoints = (words: string) => words.replace(/^[+−±][\d.]+ pts: /, "");
const direction = (u: { points: number }) => (u.points > 0 ? "up" : u.points < 0 ? "down" : "flat");

// The glossary entry of each kind of update that is not a report.
const KIND_TERMS: Partial<Record<QuestionUpdate["kind"], string>> = { time: "time-passing", date: "set-date-passed", resolution: "resolving-event-confirmed", deadline: "deadline-passed", manual: "manual-resolution", evidence: "indicator" };

type Filter = { kind: "indicator"; value: string } | { kind: "evidence" } | { kind: "time" } | null;

function matches(f: Filter, u: QuestionUpdate): boolean {
  if (!f) return true;
  if (f.kind === "indicator") return u.indicator === f.value;
  if (f.kind === "evidence") return u.kind === "evidence";
  return u.kind === "time" || u.kind === "date";
}

function filterName(f: Filter): string {
  if (!f) return "every update";
  if (f.kind === "indicator") return `“${f.value}”`;
  return f.kind === "evidence" ? "reports" : "time passing";
}

/** The sentences behind one update, each with its outlet, article and claim. */
function UpdateEvidence({ u }: { u: QuestionUpdate }) {
  if (u.evidence.length === 0) return <p className="muted small">No sentence: this update comes from the calendar, not from a report.</p>;
  return (
    <>
      {u.evidence.map((ev) => (
        <div key={ev.report} className="update-evidence">
          <p className="small">
            <span className="outlet">{ev.outlet ?? "unknown outlet"}</span> · {humanDay(ev.published) ?? "undated"} · <Link to={paths.article(ev.article, `s${ev.sentence}`)}>{ev.title ?? "the article"}</Link> ·{" "}
            <Link to={paths.claim(ev.claim, `report-${ev.report}`)}>the claim and its other reports</Link>
          </p>
          <Evidence ev={ev} />
        </div>
      ))}
    </>
  );
}

function Scores({ q, open }: { q: QuestionDetail; open: (i: number) => void }) {
  if (!q.scores) return <p className="muted">Scores appear once the question resolves.</p>;
  const s = q.scores;
  const b = q.baseline_scores;
  const last = q.updates.length - 1;
  const link = (value: string, name: string) => (
    <a href={`#update-${last}`} data-number={name} data-update={last} onClick={(e) => (e.preventDefault(), open(last))}>
      {value}
    </a>
  );
  const verdict = (mine: number, base: number | undefined, lowerBetter: boolean) => (base === undefined ? "" : Math.abs(mine - base) < 1e-9 ? "the same" : (lowerBetter ? mine < base : mine > base) ? "better than the baseline" : "worse than the baseline");
  return (
    <>
      <ScrollBox label="Scores table">
        <table className="table" data-testid="scores">
          <caption className="visually-hidden">Scores of this forecast and of the prior-only baseline</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">This forecast</th>
              <th scope="col">
                <Term id="baseline">Prior-only baseline</Term>
              </th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <Term id="brier">Brier</Term> <span className="muted">(lower is better)</span>
              </th>
              <td>{link(s.brier.toFixed(4), "brier")}</td>
              <td>{b ? link(b.brier.toFixed(4), "baseline-brier") : "—"}</td>
              <td>{verdict(s.brier, b?.brier, true)}</td>
            </tr>
            <tr>
              <th scope="row">
                <Term id="log-score">Log score</Term> <span className="muted">(closer to 0 is better)</span>
              </th>
              <td>{link(s.log.toFixed(4), "log")}</td>
              <td>{b ? link(b.log.toFixed(4), "baseline-log") : "—"}</td>
              <td>{verdict(s.log, b?.log, false)}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <p className="small muted">
        Averaged over the {plural(s.days, "day")} the question was open, as forecasting sites do; it resolved <strong>{q.status}</strong>
        {q.resolved_at ? ` on ${humanDay(q.resolved_at)}` : ""}.
      </p>
    </>
  );
}

function describeMatch(m: QuestionDetail["indicators"][number]["match"]): string {
  const who = m.participants.map((p) => p.replace(/^[a-z]+:/, "").replace(/-/g, " ")).join(m.participants_mode === "all" ? " and " : " or ");
  const stances = m.stance.length ? ` told as ${m.stance.map((s) => s.replace("_", " ").replace("unplanned", "not planned")).join(" or ")}` : "";
  const kind = m.counterpart ? "a preparatory step between the two sides" : m.type.join(" or ");
  return `${kind}${who && !m.counterpart ? ` involving ${who}` : ""}${stances}${m.on_record ? ", on the record" : ""}`;
}

function QuestionView({ q, points, alone }: { q: QuestionDetail; points: ReplayPoint[]; alone: ReplayPoint[] }) {
  const days = markedDays(q.updates);
  const biggest = [...days].sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from))[0];
  const [selected, setSelected] = useState<string | null>(biggest?.day ?? null);
  const [scale, setScale] = useState<Scale>("zoom");
  const [filter, setFilter] = useState<Filter>(null);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const { hash } = useLocation();
  const chosen = days.find((d) => d.day === selected) ?? null;

  /** Opens one update of the log, shows its sentences and brings it into view. */
  const open = useCallback(
    (index: number) => {
      const u = q.updates[index];
      if (!u) return;
      setFilter((f) => (matches(f, u) ? f : null));
      setExpanded((s) => new Set(s).add(index));
      setSelected(u.at.slice(0, 10));
      window.history.replaceState(null, "", `#update-${index}`);
      requestAnimationFrame(() => {
        const el = document.getElementById(`update-${index}`);
        el?.scrollIntoView({ block: "center" });
        el?.focus({ preventScroll: true });
      });
    },
    [q.updates],
  );
  const showLog = (f: Filter) => {
    setFilter(f);
    requestAnimationFrame(() => {
      const el = document.getElementById("log");
      el?.scrollIntoView({ block: "start" });
      el?.focus({ preventScroll: true });
    });
  };
  useEffect(() => {
    const m = /^update-(\d+)$/.exec(hash);
    if (m) open(Number(m[1]));
    else if (hash) document.getElementById(hash)?.scrollIntoView({ block: "start" });
  }, [hash, open]);

  const last = q.updates.length - 1;
  const c = q.contributions;
  const top = [...q.updates].filter((u) => Math.abs(u.points) >= 0.05).sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, 6);
  const shown = q.updates.filter((u) => matches(filter, u));
  const numberLink = (index: number, text: string, name: string, className = "") => (
    <a href={`#update-${index}`} data-number={name} data-update={index} className={className} onClick={(e) => (e.preventDefault(), open(index))}>
      {text}
    </a>
  );

  return (
    <>
      <PageTitle title={`Question: ${q.title}`} sub={<p>{q.criteria}</p>}>
        {q.title}
      </PageTitle>
      <div className="q-head">
        {last >= 0 ? numberLink(last, pct(q.probability), "probability", "big-prob") : <span className="big-prob">{pct(q.probability)}</span>}
        <span className="q-state" data-testid="question-probability" data-probability={q.probability}>
          {q.status === "open" ? (
            <>
              open until <strong>{humanDay(q.deadline)}</strong>
            </>
          ) : (
            <>
              resolved <strong>{q.status}</strong>
              {q.resolved_at ? ` on ${humanDay(q.resolved_at)}` : ""}
            </>
          )}
        </span>
        <span>
          <Term id="prior">prior</Term> {q.updates.length ? numberLink(0, pct(q.prior), "prior") : pct(q.prior)} on {humanDay(q.opens)}
        </span>
      </div>

      <section aria-labelledby="why">
        <h2 id="why" tabIndex={-1}>
          Why it moved
        </h2>
        <p>
          From its <Term id="prior">prior</Term> of {pct(q.prior)}, reports moved it{" "}
          <a href="#log" data-number="evidence-points" onClick={(e) => (e.preventDefault(), showLog({ kind: "evidence" }))}>
            {signedPoints(c.evidence / 100)}
          </a>{" "}
          in all and <Term id="time-passing">time passing</Term>{" "}
          <a href="#log" data-number="time-points" onClick={(e) => (e.preventDefault(), showLog({ kind: "time" }))}>
            {signedPoints(c.time / 100)}
          </a>
          {Math.abs(c.resolution) > 0.001 ? (
            <>
              ; its resolution moved it {numberLink(last, signedPoints(c.resolution / 100), "resolution-points")}
            </>
          ) : null}
          , in percentage <Term id="points">points</Term>. The biggest moves (a second <Term id="origin">independent origin</Term> of the same kind <Term id="origin-weight">counts less</Term> than the first):
        </p>
        <ol className="contributions" data-testid="contributions">
          {top.map((u) => (
            <li key={u.index} className={direction(u)}>
              {numberLink(u.index, signedPoints(u.points / 100), "contribution", `pts ${direction(u)}`)} <span>{withoutPoints(u.words)}</span> <span className="date">{humanDay(u.at)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="h-chart">
        <h2 id="h-chart">Probability over time</h2>
        <div className="chart-tools">
          <ul className="legend" aria-label="Legend">
            <li>
              <span className="swatch line probability-line" aria-hidden="true" /> probability
            </li>
            <li>
              <span className="swatch line alone" aria-hidden="true" /> <Term id="time-alone">time alone</Term>
            </li>
            <li>
              <span className="swatch dot up" aria-hidden="true" /> a report raised it
            </li>
            <li>
              <span className="swatch dot down" aria-hidden="true" /> a report lowered it
            </li>
            <li>
              <span className="swatch diamond" aria-hidden="true" /> time passing
            </li>
            <li>
              <span className="swatch square" aria-hidden="true" /> resolution
            </li>
          </ul>
          <fieldset className="scale">
            <legend>Scale</legend>
            {(
              [
                ["zoom", "Zoom to the data"],
                ["full", "0–100%"],
                ["logodds", "Log-odds"],
              ] as const
            ).map(([value, text]) => (
              <label key={value}>
                <input type="radio" name="scale" value={value} checked={scale === value} onChange={() => setScale(value)} /> {value === "logodds" ? <Term id="log-odds">{text}</Term> : text}
              </label>
            ))}
          </fieldset>
        </div>
        <ProbabilityChart points={points} alone={alone} updates={q.updates} scale={scale} selected={selected} onSelect={setSelected} />
        {chosen ? (
          <div className="update-panel" data-testid="update-panel" data-day={chosen.day}>
            <h3>
              {humanDay(chosen.day)}: {pct(chosen.from)} → {pct(chosen.to)}
            </h3>
            <ol className="plain">
              {chosen.updates.map((u) => (
                <li key={u.index} className="update">
                  <p>
                    {numberLink(u.index, signedPoints(u.points / 100), "day-update", `pts ${direction(u)}`)} {withoutPoints(u.words)}
                  </p>
                  <UpdateEvidence u={u} />
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="scores">
        <h2 id="scores" tabIndex={-1}>
          Scores
        </h2>
        <Scores q={q} open={open} />
      </section>

      <section aria-labelledby="indicators">
        <h2 id="indicators" tabIndex={-1}>
          <Term id="indicator">Indicators</Term>
        </h2>
        <ScrollBox label="Indicators table">
          <table className="table" data-testid="indicators">
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Counts reports of</th>
                <th scope="col">
                  <Term id="likelihood-ratio">Likelihood ratio</Term>
                </th>
                <th scope="col">Updates</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            <tbody>
              {q.indicators.map((ind) => {
                const n = c.by_indicator.find((b) => b.indicator === ind.name);
                return (
                  <tr key={ind.name}>
                    <th scope="row">{ind.name}</th>
                    <td>{describeMatch(ind.match)}</td>
                    <td>×{ind.lr} odds</td>
                    <td>
                      <a href="#log" data-number="indicator-updates" data-indicator={ind.name} onClick={(e) => (e.preventDefault(), showLog({ kind: "indicator", value: ind.name }))}>
                        {n?.updates ?? 0}
                      </a>
                    </td>
                    <td>
                      <a href="#log" data-number="indicator-points" onClick={(e) => (e.preventDefault(), showLog({ kind: "indicator", value: ind.name }))}>
                        {signedPoints((n?.points ?? 0) / 100)}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="log">
        <h2 id="log" tabIndex={-1}>
          Update log
        </h2>
        <div className="filters" role="group" aria-label="Show">
          <span>
            Showing {filterName(filter)}: {plural(shown.length, "update")}
          </span>
          {filter ? (
            <button type="button" className="secondary" onClick={() => setFilter(null)}>
              Show every update
            </button>
          ) : (
            <>
              <button type="button" className="secondary" onClick={() => setFilter({ kind: "evidence" })}>
                Reports only
              </button>
              <button type="button" className="secondary" onClick={() => setFilter({ kind: "time" })}>
                Time passing only
              </button>
            </>
          )}
        </div>
        <ol className="log" data-testid="update-log">
          {shown.map((u) => {
            const isOpen = expanded.has(u.index);
            return (
              <li key={u.index} id={`update-${u.index}`} tabIndex={-1} className={`log-row ${u.kind}${isOpen ? " open" : ""}${selected === u.at.slice(0, 10) ? " in-day" : ""}`} data-testid="log-row" data-index={u.index}>
                <div className="log-line">
                  <span className="date">{humanDay(u.at)}</span> <span className={`pts ${direction(u)}`}>{signedPoints(u.points / 100)}</span>{" "}
                  <span className="muted">
                    {pct(u.previous)} → {pct(u.probability)}
                  </span>
                  <span className="tag-inline">{KIND_TERMS[u.kind] ? <Term id={KIND_TERMS[u.kind]!}>{u.indicator}</Term> : u.indicator}</span>
                </div>
                <p className="log-words">{withoutPoints(u.words)}</p>
                {u.evidence.length ? (
                  <button type="button" className="secondary small" aria-expanded={isOpen} data-testid="show-evidence" onClick={() => setExpanded((s) => (s.has(u.index) ? new Set([...s].filter((x) => x !== u.index)) : new Set(s).add(u.index)))}>
                    {isOpen ? "Hide" : "Show"} {u.evidence.length === 1 ? "the sentence" : `the ${u.evidence.length} sentences`}
                  </button>
                ) : null}
                {isOpen ? (
                  <div className="log-evidence" data-testid="log-evidence">
                    <UpdateEvidence u={u} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

/** One question page: its detail, its replayed path and the path of time alone. */
export function Question({ id }: { id: string }) {
  const data = useApi(`question:${id}`, async () => {
    const [q, points, alone] = await Promise.all([api.question(id), api.replay(id), api.timeAlone(id)]);
    return { q, points, alone };
  });
  return <Show value={data}>{({ q, points, alone }) => <QuestionView q={q} points={points} alone={alone} />}</Show>;
}

function Calibration({ s }: { s: QuestionsSummary }) {
  const bins = s.calibration.filter((b) => b.forecasts > 0);
  if (bins.length === 0) return null;
  const titles = new Map(s.questions.map((q) => [q.id, q.title]));
  return (
    <section aria-labelledby="calibration">
      <h2 id="calibration">
        <Term id="calibration">Calibration</Term> of resolved questions
      </h2>
      <p className="small muted">Each day a resolved question was open counts once, in the band of that day's probability.</p>
      <ScrollBox label="Calibration table">
        <table className="table" data-testid="calibration">
          <thead>
            <tr>
              <th scope="col">Forecast band</th>
              <th scope="col">Days</th>
              <th scope="col">Mean forecast</th>
              <th scope="col">Came true</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={b.from}>
                <th scope="row">
                  {pct(b.from)}–{pct(b.to)}
                </th>
                <td>
                  <a href={`#bin-${i}`} data-number="calibration-days">
                    {b.forecasts}
                  </a>
                </td>
                <td>
                  <a href={`#bin-${i}`} data-number="calibration-mean">
                    {pct(b.mean_probability)}
                  </a>
                </td>
                <td>
                  <a href={`#bin-${i}`} data-number="calibration-observed">
                    {pct(b.observed_frequency)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <h3>The days in each band</h3>
      <ul className="plain bins">
        {bins.map((b, i) => (
          <li key={b.from} id={`bin-${i}`} tabIndex={-1}>
            <strong>
              {pct(b.from)}–{pct(b.to)}:
            </strong>{" "}
            {b.by_question.map((x, j) => (
              <span key={x.id}>
                {j ? "; " : ""}
                <Link to={paths.question(x.id, "h-chart")}>{titles.get(x.id) ?? x.id}</Link> ({plural(x.forecasts, "day")})
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** All questions, with the calibration of resolved ones. */
export function Questions() {
  const summary = useApi("questions", api.questions);
  return (
    <>
      <PageTitle sub={<p>Yes/no questions whose odds follow the ledger, each change traceable to its sentences.</p>}>Questions</PageTitle>
      <Show value={summary}>
        {(s) => (
          <>
            <QuestionList summary={s} />
            <Calibration s={s} />
          </>
        )}
      </Show>
    </>
  );
}
