// The probability of a question over time, drawn in screen pixels: the replayed path, the path time alone would have
// taken (dashed), a marker for every day something moved it (reports ● up or down, time passing ◆, resolution ■), day
// ticks, and a scale that zooms to the data, shows 0–100%, or shows log-odds. A crosshair follows the pointer or the
// arrow keys with the date and both values; Enter or a click chooses a day, which stays marked apart from the focus.
import { useState, type KeyboardEvent, type PointerEvent } from "react";
import { humanDay } from "../../../app/words.js";
import type { QuestionUpdate, ReplayPoint } from "../api.js";
import { pct } from "./common.js";
import { useWidth } from "./useWidth.js";

export type Scale = "zoom" | "full" | "logodds";

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const t = (d: string) => Date.parse(d.slice(0, 10));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const logit = (p: number) => {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
};

/** One marked day: its updates, the probability before and after them, and what moved it. */
export interface MarkedDay {
  day: string;
  updates: QuestionUpdate[];
  from: number;
  to: number;
  kind: "evidence" | "time" | "resolution";
}

/** Days on which the log moved the probability, in order; time passing alone marks a day once it moved 0.1 point. */
export function markedDays(updates: QuestionUpdate[]): MarkedDay[] {
  const days = new Map<string, QuestionUpdate[]>();
  for (const u of updates) {
    const day = u.at.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), u]);
  }
  const out: MarkedDay[] = [];
  for (const [day, list] of [...days.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const from = list[0].previous;
    const to = list.at(-1)!.probability;
    const evidence = list.some((u) => u.kind === "evidence");
    const resolution = list.some((u) => u.kind === "resolution" || u.kind === "deadline" || u.kind === "manual");
    if (!evidence && !resolution && Math.abs(to - from) < 0.001) continue;
    out.push({ day, updates: list, from, to, kind: resolution ? "resolution" : evidence ? "evidence" : "time" });
  }
  return out;
}

// Day ticks: the smallest step (in days, then in months) that leaves at least `px` pixels between labels.
function dayTicks(t0: number, t1: number, plotW: number): { ticks: number[]; monthly: boolean } {
  const days = Math.max(1, (t1 - t0) / DAY);
  const most = Math.max(2, Math.floor(plotW / 64));
  for (const step of [1, 2, 3, 7, 14]) {
    if (days / step <= most) {
      const ticks: number[] = [];
      for (let x = t0; x <= t1 + 1; x += step * DAY) ticks.push(x);
      return { ticks, monthly: false };
    }
  }
  for (const months of [1, 2, 3, 6, 12, 24]) {
    if (days / (30.4 * months) <= most) {
      const ticks: number[] = [];
      const d = new Date(t0);
      let y = d.getUTCFullYear();
      let m = d.getUTCMonth() + 1;
      if (d.getUTCDate() === 1) m -= 1;
      for (;;) {
        m += 1;
        if (m > 12) (m = 1), y++;
        if ((m - 1) % months !== 0) continue;
        const at = Date.UTC(y, m - 1, 1);
        if (at > t1) break;
        ticks.push(at);
      }
      return { ticks, monthly: true };
    }
  }
  return { ticks: [t0, t1], monthly: false };
}

// Probability ticks for a linear scale between lo and hi.
function linearTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = [0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25].find((s) => span / s <= 5) ?? 0.25;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

const LOG_TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999];

const tickLabel = (p: number) => {
  const x = p * 100;
  return `${x < 1 ? x.toFixed(1).replace(/\.0$/, "") : x > 99 && x < 100 ? x.toFixed(1) : Math.round(x * 10) / 10}%`;
};

interface Props {
  points: ReplayPoint[];
  alone: ReplayPoint[];
  updates: QuestionUpdate[];
  scale: Scale;
  /** The chosen day, or null. */
  selected: string | null;
  onSelect: (day: string) => void;
}

/** The chart with its crosshair; the legend and the scale switch are drawn by the page beside it. */
export function ProbabilityChart({ points, alone, updates, scale, selected, onSelect }: Props) {
  const [box, width] = useWidth<HTMLDivElement>(900);
  const [cross, setCross] = useState<string | null>(null);
  if (points.length === 0) return <p className="muted">No days to chart yet.</p>;
  const narrow = width < 560;
  const H = narrow ? 260 : 340;
  const M = { top: 18, right: narrow ? 12 : 20, bottom: 44, left: narrow ? 48 : 56 };
  const plotW = width - M.left - M.right;
  const t0 = t(points[0].date);
  const t1 = Math.max(t(points.at(-1)!.date), t0 + DAY);
  const x = (ms: number) => M.left + ((ms - t0) / (t1 - t0)) * plotW;
  const aloneIn = alone.filter((p) => t(p.date) >= t0 && t(p.date) <= t1);
  const values = [...points, ...aloneIn].map((p) => p.probability);

  // The vertical scale.
  let f: (p: number) => number = (p) => p;
  let lo = 0;
  let hi = 1;
  let yTicks = [0, 0.25, 0.5, 0.75, 1];
  if (scale === "zoom") {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = Math.max((max - min) * 0.08, 0.01);
    lo = Math.max(0, min - pad);
    hi = Math.min(1, max + pad);
    yTicks = linearTicks(lo, hi);
  } else if (scale === "logodds") {
    f = logit;
    lo = Math.min(...values.map(logit)) - 0.2;
    hi = Math.max(...values.map(logit)) + 0.2;
    const inside = LOG_TICKS.filter((p) => logit(p) >= lo && logit(p) <= hi);
    const every = Math.ceil(inside.length / 7);
    yTicks = inside.filter((_, i) => i % every === 0);
  }
  const flo = scale === "logodds" ? lo : f(lo);
  const fhi = scale === "logodds" ? hi : f(hi);
  const y = (p: number) => M.top + (1 - (f(p) - flo) / (fhi - flo || 1)) * (H - M.top - M.bottom);

  const pathOf = (list: ReplayPoint[]) => list.map((p, i) => `${i ? "L" : "M"} ${x(t(p.date)).toFixed(1)} ${y(p.probability).toFixed(1)}`).join(" ");
  const line = pathOf(points);
  const last = points.at(-1)!;
  const days = markedDays(updates).filter((d) => t(d.day) >= t0 && t(d.day) <= t1);
  const { ticks, monthly } = dayTicks(t0, t1, plotW);
  const byDate = new Map(points.map((p) => [p.date, p.probability]));
  const aloneBy = new Map(aloneIn.map((p) => [p.date, p.probability]));

  const nearestDay = (px: number): string => {
    const ms = t0 + ((px - M.left) / plotW) * (t1 - t0);
    const clamped = Math.min(t1, Math.max(t0, Math.round((ms - t0) / DAY) * DAY + t0));
    return iso(clamped);
  };
  const nearestMarked = (day: string): MarkedDay | null => {
    let best: MarkedDay | null = null;
    for (const d of days) if (!best || Math.abs(t(d.day) - t(day)) < Math.abs(t(best.day) - t(day))) best = d;
    return best && Math.abs(x(t(best.day)) - x(t(day))) <= 14 ? best : null;
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    setCross(nearestDay(e.clientX - rect.left));
  };
  const onClick = (e: { clientX: number; currentTarget: HTMLDivElement }) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = nearestMarked(nearestDay(e.clientX - rect.left));
    if (hit) onSelect(hit.day);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (days.length === 0) return;
    const at = days.findIndex((d) => d.day === (cross ?? selected));
    let next: number | null = null;
    if (e.key === "ArrowRight") next = at < 0 ? 0 : Math.min(days.length - 1, at + 1);
    else if (e.key === "ArrowLeft") next = at < 0 ? days.length - 1 : Math.max(0, at - 1);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = days.length - 1;
    else if ((e.key === "Enter" || e.key === " ") && (cross ?? selected)) {
      e.preventDefault();
      const d = days[at];
      if (d) onSelect(d.day);
      return;
    }
    if (next !== null) {
      e.preventDefault();
      setCross(days[next].day);
    }
  };

  const crossP = cross ? (byDate.get(cross) ?? null) : null;
  const crossAlone = cross ? (aloneBy.get(cross) ?? null) : null;
  const crossDay = cross ? days.find((d) => d.day === cross) : undefined;
  const readout = cross && crossP !== null ? `${humanDay(cross)}: ${pct(crossP)}${crossAlone !== null ? ` · time alone ${pct(crossAlone)}` : ""}${crossDay ? ` · ${crossDay.updates.length} update${crossDay.updates.length === 1 ? "" : "s"}${crossDay.day === selected ? " (shown below)" : ", press Enter to show"}` : ""}` : "";
  const label = cross && crossP !== null ? `${humanDay(cross)} · ${pct(crossP)}` : "";
  const labelW = label.length * 6.8 + 16;
  const cx = cross ? x(t(cross)) : 0;

  return (
    <div className="chart-block">
      <div
        ref={box}
        className="chart-surface"
        tabIndex={0}
        role="group"
        aria-roledescription="chart"
        aria-label={`Probability from ${humanDay(points[0].date)} to ${humanDay(last.date)}, now ${pct(last.probability)}. Left and right arrows move between the ${days.length} days it moved; Enter shows that day's updates.`}
        aria-describedby="chart-readout"
        data-testid="chart-surface"
        onPointerMove={onMove}
        onPointerLeave={() => setCross(null)}
        onBlur={() => setCross(null)}
        onClick={onClick}
        onKeyDown={onKey}
      >
        <svg width={width} height={H} viewBox={`0 0 ${width} ${H}`} className="chart" aria-hidden="true" data-testid="probability-chart" data-scale={scale}>
          {yTicks.map((p) => (
            <g key={p}>
              <line x1={M.left} x2={width - M.right} y1={y(p)} y2={y(p)} className="grid" />
              <text x={M.left - 6} y={y(p) + 4} textAnchor="end" className="tick" data-testid="y-tick">
                {tickLabel(p)}
              </text>
            </g>
          ))}
          {ticks.map((ms, i) => {
            const d = new Date(ms);
            const yearChange = i === 0 || new Date(ticks[i - 1]).getUTCFullYear() !== d.getUTCFullYear();
            // A label at the right edge is set to end there, so it is not cut off.
            const anchor = x(ms) > width - 24 ? "end" : "middle";
            return (
              <g key={ms}>
                <line x1={x(ms)} x2={x(ms)} y1={H - M.bottom} y2={H - M.bottom + 4} className="axis" />
                <text x={x(ms)} y={H - M.bottom + 17} textAnchor={anchor} className="tick" data-testid="x-tick">
                  {monthly ? MONTHS[d.getUTCMonth()] : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`}
                </text>
                {yearChange ? (
                  <text x={x(ms)} y={H - M.bottom + 32} textAnchor={anchor} className="tick year">
                    {d.getUTCFullYear()}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line x1={M.left} x2={width - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
          {selected ? <rect x={x(t(selected)) - 7} y={M.top} width={14} height={H - M.top - M.bottom} className="selected-band" /> : null}
          {aloneIn.length ? <path d={pathOf(aloneIn)} className="alone" data-testid="time-alone-line" /> : null}
          <path d={line} className="line" data-testid="probability-line" />
          {days.map((d) => {
            const cxm = x(t(d.day));
            const up = d.to >= d.from;
            const chosen = d.day === selected;
            return (
              <g key={d.day} className={`marker ${d.kind} ${up ? "up" : "down"}${chosen ? " selected" : ""}`} data-testid="update-marker" data-day={d.day} data-kind={d.kind}>
                <line x1={cxm} x2={cxm} y1={y(d.from)} y2={y(d.to)} />
                {chosen ? <circle cx={cxm} cy={y(d.to)} r={10} className="halo" /> : null}
                {d.kind === "evidence" ? (
                  <circle cx={cxm} cy={y(d.to)} r={5} />
                ) : d.kind === "time" ? (
                  <rect x={cxm - 4} y={y(d.to) - 4} width={8} height={8} transform={`rotate(45 ${cxm} ${y(d.to)})`} />
                ) : (
                  <rect x={cxm - 5} y={y(d.to) - 5} width={10} height={10} />
                )}
              </g>
            );
          })}
          <circle cx={x(t(last.date))} cy={y(last.probability)} r={4} className="last-point" data-testid="last-point" data-date={last.date} data-probability={String(last.probability)} />
          {cross && crossP !== null ? (
            <g className="crosshair" data-testid="crosshair">
              <line x1={cx} x2={cx} y1={M.top} y2={H - M.bottom} />
              <line x1={M.left} x2={width - M.right} y1={y(crossP)} y2={y(crossP)} />
              <circle cx={cx} cy={y(crossP)} r={4} />
              <rect x={Math.min(Math.max(M.left, cx - labelW / 2), width - M.right - labelW)} y={2} width={labelW} height={16} rx={3} className="crosshair-label-bg" />
              <text x={Math.min(Math.max(M.left, cx - labelW / 2), width - M.right - labelW) + 8} y={14} className="crosshair-label">
                {label}
              </text>
            </g>
          ) : null}
        </svg>
      </div>
      <p id="chart-readout" className="chart-readout" aria-live="polite" data-testid="chart-readout">
        {readout || "Point at the chart, or focus it and use the arrow keys, to read a day."}
      </p>
    </div>
  );
}
