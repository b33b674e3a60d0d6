// The provenance graph of one claim: its reports on the left collapsing into independent origins on the right.
import type { ClaimDetail } from "../api.js";

const ROW = 30;
const WIDTH = 860;
const LEFT_W = 330;
const RIGHT_X = 560;
const RIGHT_W = 290;
const PAD = 16;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Draws reports → origins; wire copies (near-duplicate articles) are dashed and tagged. */
export function ProvenanceGraph({ claim }: { claim: ClaimDetail }) {
  const originIndex = new Map(claim.origins.map((o, i) => [o.id, i]));
  // Reports are ordered by the origin they collapse into, so the edges barely cross.
  const reports = [...claim.reports].sort((a, b) => (originIndex.get(a.origin ?? "") ?? 1e9) - (originIndex.get(b.origin ?? "") ?? 1e9));
  const rowsY = new Map(reports.map((r, i) => [r.id, PAD + i * ROW + ROW / 2]));
  const height = PAD * 2 + Math.max(reports.length, claim.origins.length) * ROW;
  const originY = claim.origins.map((o, i) => {
    const ys = o.reports.map((id) => rowsY.get(id)).filter((y): y is number => y !== undefined);
    const mean = ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : PAD + i * ROW + ROW / 2;
    return { o, y: mean };
  });
  // Centroids can collide; push origins apart to at least one row.
  originY.sort((a, b) => a.y - b.y);
  for (let i = 1; i < originY.length; i++) if (originY[i].y - originY[i - 1].y < ROW) originY[i].y = originY[i - 1].y + ROW;
  const yOfOrigin = new Map(originY.map((x) => [x.o.id, x.y]));
  const svgHeight = Math.max(height, (originY.at(-1)?.y ?? 0) + ROW / 2 + PAD);
  return (
    <figure className="provenance">
      <svg
        viewBox={`0 0 ${WIDTH} ${svgHeight}`}
        width="100%"
        role="img"
        aria-label={`${claim.reports.length} reports collapsing into ${claim.origins.length} independent origins`}
        data-testid="provenance-graph"
      >
        <text x={4} y={11} className="axis-label">reports</text>
        <text x={RIGHT_X} y={11} className="axis-label">independent origins</text>
        {reports.map((r) => {
          const y1 = rowsY.get(r.id)!;
          const y2 = r.origin ? yOfOrigin.get(r.origin) : undefined;
          const copy = !!r.evidence?.near_duplicate_of;
          return y2 === undefined ? null : (
            <path
              key={`e-${r.id}`}
              d={`M ${LEFT_W} ${y1} C ${(LEFT_W + RIGHT_X) / 2} ${y1}, ${(LEFT_W + RIGHT_X) / 2} ${y2}, ${RIGHT_X} ${y2}`}
              className={copy ? "edge edge-copy" : "edge"}
            />
          );
        })}
        {reports.map((r) => {
          const y = rowsY.get(r.id)!;
          const copy = !!r.evidence?.near_duplicate_of;
          return (
            <g key={r.id} className={copy ? "node report copy" : "node report"} data-testid="graph-report">
              <title>{`${r.outlet ?? "unknown outlet"}, ${r.published ?? "undated"}: ${r.title ?? ""}${copy ? " (near-duplicate of an earlier article)" : ""}\nchain: ${r.chain.join(" ← ") || "outlet's own reporting"}`}</title>
              <rect x={0} y={y - 11} width={LEFT_W} height={22} rx={5} />
              <text x={8} y={y + 4}>
                {clip(`${r.published ?? "—"}  ${r.outlet ?? "unknown outlet"}`, 34)}
              </text>
              {copy ? (
                <text x={LEFT_W - 8} y={y + 4} textAnchor="end" className="tag">
                  wire copy
                </text>
              ) : (
                <text x={LEFT_W - 8} y={y + 4} textAnchor="end" className="fact-tag">
                  {r.factuality}
                </text>
              )}
            </g>
          );
        })}
        {originY.map(({ o, y }) => (
          <g key={o.id} className="node origin" data-testid="graph-origin">
            <title>{`${o.root}: ${o.reports.length} report(s), first seen ${o.first_seen ?? "?"}`}</title>
            <rect x={RIGHT_X} y={y - 11} width={RIGHT_W} height={22} rx={11} />
            <text x={RIGHT_X + 12} y={y + 4}>
              {clip(o.root, 30)}
            </text>
            <text x={RIGHT_X + RIGHT_W - 10} y={y + 4} textAnchor="end" className="count">
              ×{o.reports.length}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted">
        Reports whose source chains end at the same root, that copy each other's text, or that credit an outlet which reported the claim first collapse into one origin.
        Dashed lines are wire copies (near-duplicate articles).
      </figcaption>
    </figure>
  );
}
