// The probability of a question over time: a line from the replay, with a marker for every logged update.
import type { QuestionDetail, ReplayPoint } from "../api.js";
import { pct } from "./common.js";

const W = 900;
const H = 300;
const M = { top: 16, right: 24, bottom: 34, left: 48 };
const DAY = 86_400_000;

const t = (d: string) => Date.parse(d.slice(0, 10));

/** Evidence updates grouped by day, in time order: one marker each, from the day's first odds to its last. */
export function updateDays(updates: QuestionDetail["updates"]): Array<{ day: string; updates: QuestionDetail["updates"] }> {
  const days = new Map<string, QuestionDetail["updates"]>();
  for (const u of updates) {
    if (u.claim === null) continue;
    const day = u.at.slice(0, 10);
    const list = days.get(day) ?? [];
    list.push(u);
    days.set(day, list);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, updates: list }));
}

/** The chart; `selected` is the chosen day of updates, `onSelect` chooses one. */
export function ProbabilityChart({ points, updates, selected, onSelect }: { points: ReplayPoint[]; updates: QuestionDetail["updates"]; selected: string | null; onSelect: (day: string) => void }) {
  if (points.length === 0) return <p className="muted">No days to chart yet.</p>;
  const t0 = t(points[0].date);
  const t1 = Math.max(t(points.at(-1)!.date), t0 + DAY);
  const x = (d: string) => M.left + ((t(d) - t0) / (t1 - t0)) * (W - M.left - M.right);
  const y = (p: number) => M.top + (1 - p) * (H - M.top - M.bottom);
  const line = points.map((p, i) => `${i ? "L" : "M"} ${x(p.date).toFixed(1)} ${y(p.probability).toFixed(1)}`).join(" ");
  const area = `${line} L ${x(points.at(-1)!.date).toFixed(1)} ${y(0)} L ${x(points[0].date).toFixed(1)} ${y(0)} Z`;
  const last = points.at(-1)!;
  // Month ticks, thinned to at most eight.
  const months: string[] = [];
  for (const p of points) if (p.date.endsWith("-01") || p === points[0]) months.push(p.date);
  const every = Math.ceil(months.length / 8);
  const ticks = months.filter((_, i) => i % every === 0);
  // Evidence updates are markers, one per day so none hides another; the slow decay of time passing is left to the line.
  const markers = updateDays(updates).filter(({ day }) => t(day) >= t0 && t(day) <= t1);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" className="chart" role="img" aria-label="Probability over time" data-testid="probability-chart">
      {[0, 0.25, 0.5, 0.75, 1].map((p) => (
        <g key={p}>
          <line x1={M.left} x2={W - M.right} y1={y(p)} y2={y(p)} className="grid" />
          <text x={M.left - 8} y={y(p) + 4} textAnchor="end" className="tick">
            {`${p * 100}%`}
          </text>
        </g>
      ))}
      {ticks.map((d) => (
        <text key={d} x={x(d)} y={H - 10} textAnchor="middle" className="tick">
          {d.slice(0, 7)}
        </text>
      ))}
      <path d={area} className="area" />
      <path d={line} className="line" data-testid="probability-line" />
      {markers.map(({ day, updates: list }) => {
        const from = list[0].previous;
        const to = list.at(-1)!.probability;
        return (
          <g
            key={day}
            className={`marker ${selected === day ? "selected" : ""} ${to >= from ? "up" : "down"}`}
            onClick={() => onSelect(day)}
            role="button"
            tabIndex={0}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(day)}
            data-testid="update-marker"
            data-day={day}
          >
            <title>{`${day}: ${pct(from)} → ${pct(to)} (${list.map((u) => u.indicator).join("; ")})`}</title>
            <line x1={x(day)} x2={x(day)} y1={y(from)} y2={y(to)} />
            <circle cx={x(day)} cy={y(to)} r={6} />
          </g>
        );
      })}
      <circle cx={x(last.date)} cy={y(last.probability)} r={5} className="last-point" data-testid="last-point" data-date={last.date} data-probability={String(last.probability)}>
        <title>{`${last.date}: ${pct(last.probability)}`}</title>
      </circle>
    </svg>
  );
}
