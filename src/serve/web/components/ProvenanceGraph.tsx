// The provenance of one claim: reports on the left, each hop of their source chains in the middle, and the independent
// origins they collapse into on the right. Focusing or hovering a report highlights its path and its report card;
// choosing a report jumps to its sentence; choosing an origin shows its reports alone. Edges are coloured and marked
// for (▲) or against (▼) the happening, dashed for wire copies. On a phone the same tree is shown as a list.
import type { KeyboardEvent } from "react";
import { humanDay, plural, shortDay } from "../../../app/words.js";
import type { ClaimPage } from "../api.js";
import { Term } from "./Term.js";
import { useWidth } from "./useWidth.js";

type Report = ClaimPage["reports"][number];

const ROW = 34;
const NODE_H = 26;
const PAD = 28;
const MAX_HOPS = 3;
const AGAINST = new Set(["unplanned", "called_off", "failed", "refused"]);

/**
 * The intermediate sources of a report's chain, outermost first: the sources between its outlet and its root source
 * (the chain's last, which its origin stands for, however the origin names it).
 */
export function hopsOf(r: Report, root: string): string[] {
  const skip = new Set([root.toLowerCase(), (r.outlet ?? "").toLowerCase()]);
  const hops: string[] = [];
  for (const h of r.chain.slice(0, -1)) if (!skip.has(h.toLowerCase()) && !hops.some((x) => x.toLowerCase() === h.toLowerCase())) hops.push(h);
  return hops.slice(0, MAX_HOPS);
}

const sideOf = (r: Report) => (AGAINST.has(r.stance) ? "against" : "for");
const clip = (s: string, chars: number) => (s.length > chars ? `${s.slice(0, Math.max(1, chars - 1))}…` : s);

interface Props {
  claim: ClaimPage;
  /** Report highlighted (focused or hovered), or null. */
  highlighted: string | null;
  onHighlight: (report: string | null) => void;
  /** Origin whose reports alone are shown, or null for all. */
  origin: string | null;
  onOrigin: (origin: string | null) => void;
  /** Jump to a report's card. */
  onOpen: (report: string) => void;
}

function activate(e: KeyboardEvent, run: () => void) {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    run();
  }
}

/** The graph (wide screens) and the list (phones) of one claim's provenance. */
export function ProvenanceGraph(p: Props) {
  const { claim } = p;
  const [box, width] = useWidth<HTMLDivElement>(900);
  const rootOf = new Map(claim.origins.map((o) => [o.id, o.root]));
  const originIndex = new Map(claim.origins.map((o, i) => [o.id, i]));
  const shownOrigins = claim.origins.filter((o) => !p.origin || o.id === p.origin);
  const reports = claim.reports
    .filter((r) => r.origin && (!p.origin || r.origin === p.origin))
    .sort((a, b) => (originIndex.get(a.origin!) ?? 0) - (originIndex.get(b.origin!) ?? 0) || (a.published ?? "").localeCompare(b.published ?? ""));
  const hops = new Map(reports.map((r) => [r.id, hopsOf(r, rootOf.get(r.origin!) ?? "")]));
  const depth = Math.max(0, ...[...hops.values()].map((h) => h.length));

  // Columns: reports, one per hop depth, origins.
  const reportW = Math.min(300, Math.floor(width * 0.34));
  const originW = Math.min(230, Math.floor(width * 0.24));
  const gap = 28;
  const originX = width - originW;
  // Hop columns share the space between the reports and the origins, centred in it.
  const hopSpace = originX - reportW - 2 * gap;
  const hopW = depth ? Math.min(180, Math.floor((hopSpace - (depth - 1) * gap) / depth)) : 0;
  const hopStart = reportW + gap + (hopSpace - depth * hopW - Math.max(0, depth - 1) * gap) / 2;
  const hopX = (d: number) => hopStart + d * (hopW + gap);

  const reportY = new Map(reports.map((r, i) => [r.id, PAD + i * ROW + ROW / 2]));
  const spread = (items: Array<{ key: string; y: number }>) => {
    items.sort((a, b) => a.y - b.y);
    for (let i = 1; i < items.length; i++) if (items[i].y - items[i - 1].y < ROW) items[i].y = items[i - 1].y + ROW;
    return new Map(items.map((x) => [x.key, x.y]));
  };
  const mean = (ys: number[]) => ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length);
  const hopKey = (r: Report, d: number) => `${r.origin}\u0000${d}\u0000${hops.get(r.id)![d].toLowerCase()}`;
  const hopNodes = new Map<string, { text: string; depth: number; reports: string[] }>();
  for (const r of reports)
    hops.get(r.id)!.forEach((h, d) => {
      const k = hopKey(r, d);
      const node = hopNodes.get(k) ?? { text: h, depth: d, reports: [] };
      node.reports.push(r.id);
      hopNodes.set(k, node);
    });
  const hopY = spread([...hopNodes.entries()].map(([key, n]) => ({ key, y: mean(n.reports.map((id) => reportY.get(id)!)) })));
  const originY = spread(shownOrigins.map((o) => ({ key: o.id, y: mean(o.reports.filter((id) => reportY.has(id)).map((id) => reportY.get(id)!)) || PAD + ROW / 2 })));
  const height = Math.max(PAD + reports.length * ROW, ...[...hopY.values(), ...originY.values()].map((y) => y + ROW / 2)) + 8;
  const chars = (w: number) => Math.floor((w - 16) / 7);

  const lit = p.highlighted;
  const edge = (r: Report, x1: number, y1: number, x2: number, y2: number, key: string) => {
    const mid = (x1 + x2) / 2;
    const copy = !!r.evidence?.near_duplicate_of;
    return <path key={key} d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`} className={`edge ${sideOf(r)}${copy ? " copy" : ""}${lit === r.id ? " lit" : lit ? " dim" : ""}`} data-report={r.id} />;
  };

  return (
    <figure className="provenance">
      <div className="provenance-tools">
        <label>
          Show reports from{" "}
          <select value={p.origin ?? ""} onChange={(e) => p.onOrigin(e.target.value || null)} data-testid="origin-filter">
            <option value="">all {plural(claim.origins.length, "independent origin")}</option>
            {claim.origins.map((o) => (
              <option key={o.id} value={o.id}>
                {o.root} ({plural(o.reports.length, "report")})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={box} className="provenance-graph">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={`${plural(reports.length, "report")} tracing back to ${plural(shownOrigins.length, "independent origin")}`} data-testid="provenance-graph">
          <text x={0} y={14} className="axis-label">
            Reports
          </text>
          {depth ? (
            <text x={hopX(0)} y={14} className="axis-label">
              Citing
            </text>
          ) : null}
          <text x={originX} y={14} className="axis-label">
            Independent origins
          </text>
          {reports.map((r) => {
            const chain = hops.get(r.id)!;
            const y0 = reportY.get(r.id)!;
            const points = [{ x: reportW, y: y0 }, ...chain.map((_, d) => ({ x: hopX(d), y: hopY.get(hopKey(r, d))!, end: hopX(d) + hopW })), { x: originX, y: originY.get(r.origin!)! }];
            const out = [];
            let from = { x: reportW, y: y0 };
            for (let i = 1; i < points.length; i++) {
              out.push(edge(r, from.x, from.y, points[i].x, points[i].y, `${r.id}-${i}`));
              from = { x: (points[i] as { end?: number }).end ?? points[i].x, y: points[i].y };
            }
            return out;
          })}
          {reports.map((r) => {
            const y = reportY.get(r.id)!;
            const copy = !!r.evidence?.near_duplicate_of;
            const side = sideOf(r);
            const label = `${r.published ? shortDay(r.published) : "undated"} ${r.outlet ?? "unknown outlet"}`;
            const shown = clip(label, chars(reportW) - (copy ? 11 : 3));
            const visible = `${side === "for" ? "▲" : "▼"} ${shown}${copy ? " wire copy" : ""}`;
            return (
              <g
                key={r.id}
                className={`node report ${side}${copy ? " copy" : ""}${lit === r.id ? " lit" : ""}`}
                data-testid="graph-report"
                data-report={r.id}
                role="button"
                tabIndex={0}
                aria-pressed={lit === r.id}
                aria-label={`${visible}: report of ${humanDay(r.published) ?? "unknown date"}, ${side === "for" ? "for" : "against"} the happening${chain(r)}; show its sentence`}
                onFocus={() => p.onHighlight(r.id)}
                onBlur={() => p.onHighlight(null)}
                onMouseEnter={() => p.onHighlight(r.id)}
                onMouseLeave={() => p.onHighlight(null)}
                onClick={() => p.onOpen(r.id)}
                onKeyDown={(e) => activate(e, () => p.onOpen(r.id))}
              >
                <rect x={1} y={y - NODE_H / 2} width={reportW - 2} height={NODE_H} rx={5} />
                <text x={10} y={y + 4} aria-hidden="true">
                  <tspan className="mark">{side === "for" ? "▲" : "▼"}</tspan> {shown}
                  {copy ? (
                    <tspan x={reportW - 8} textAnchor="end" className="tag">
                      {" wire copy"}
                    </tspan>
                  ) : null}
                </text>
              </g>
            );
          })}
          {[...hopNodes.entries()].map(([key, n]) => {
            const y = hopY.get(key)!;
            const on = lit !== null && n.reports.includes(lit);
            return (
              <g key={key} className={`node hop${on ? " lit" : ""}`} data-testid="graph-hop" aria-hidden="true">
                <rect x={hopX(n.depth)} y={y - NODE_H / 2} width={hopW} height={NODE_H} rx={4} />
                <text x={hopX(n.depth) + 8} y={y + 4}>
                  {clip(n.text, chars(hopW))}
                </text>
              </g>
            );
          })}
          {shownOrigins.map((o) => {
            const y = originY.get(o.id)!;
            const on = lit !== null && o.reports.includes(lit);
            return (
              <g
                key={o.id}
                className={`node origin${on ? " lit" : ""}${p.origin === o.id ? " chosen" : ""}`}
                data-testid="graph-origin"
                data-origin={o.id}
                role="button"
                tabIndex={0}
                aria-pressed={p.origin === o.id}
                aria-label={`${clip(o.root, chars(originW) - 4)} ×${o.reports.length}: independent origin of ${plural(o.reports.length, "report")}; ${p.origin === o.id ? "show every origin" : "show its reports alone"}`}
                onClick={() => p.onOrigin(p.origin === o.id ? null : o.id)}
                onKeyDown={(e) => activate(e, () => p.onOrigin(p.origin === o.id ? null : o.id))}
              >
                <rect x={originX + 1} y={y - NODE_H / 2} width={originW - 2} height={NODE_H} rx={NODE_H / 2} />
                <text x={originX + 12} y={y + 4} aria-hidden="true">
                  {clip(o.root, chars(originW) - 4)}
                </text>
                <text x={width - 10} y={y + 4} textAnchor="end" className="count" aria-hidden="true">
                  ×{o.reports.length}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ol className="provenance-list" data-testid="provenance-list" aria-label="Independent origins and their reports">
        {shownOrigins.map((o) => (
          <li key={o.id}>
            <button type="button" className="linkish" aria-pressed={p.origin === o.id} onClick={() => p.onOrigin(p.origin === o.id ? null : o.id)}>
              {o.root}
            </button>{" "}
            <span className="muted">({plural(o.reports.length, "report")})</span>
            <ul>
              {reports
                .filter((r) => r.origin === o.id)
                .map((r) => (
                  <li key={r.id} className={sideOf(r)}>
                    <span aria-hidden="true">{sideOf(r) === "for" ? "▲ " : "▼ "}</span>
                    <a
                      href={`#report-${r.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        p.onOpen(r.id);
                      }}
                    >
                      {humanDay(r.published) ?? "undated"}, {r.outlet ?? "unknown outlet"}
                    </a>
                    {hops.get(r.id)!.length ? <span className="muted"> citing {hops.get(r.id)!.join(" ← ")}</span> : null}
                    {r.evidence?.near_duplicate_of ? <span className="tag-inline">wire copy</span> : null}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      <figcaption>
        <span className="legend-item">
          <span className="swatch line for" aria-hidden="true" />▲ for the happening
        </span>
        <span className="legend-item">
          <span className="swatch line against" aria-hidden="true" />▼ against it
        </span>
        <span className="legend-item">
          <span className="swatch line copy" aria-hidden="true" />
          <Term id="wire-copy">wire copy</Term>
        </span>
        <span className="legend-item">
          Reports whose <Term id="chain">source chains</Term> end at one <Term id="root">root source</Term> are one <Term id="origin">independent origin</Term>.
        </span>
      </figcaption>
    </figure>
  );

  function chain(r: Report): string {
    const h = hops.get(r.id)!;
    return h.length ? `, citing ${h.join(", citing ")}` : "";
  }
}
