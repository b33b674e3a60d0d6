// Plain-text tables for terminal output: columns padded to their widest cell, long cells cut with an ellipsis.

/** Renders rows under a header; `max` caps each column's width. */
export function table(header: string[], rows: string[][], max = 60): string {
  const cut = (s: string) => (s.length > max ? s.slice(0, max - 1) + "…" : s);
  const cells = [header, ...rows].map((r) => r.map((c) => cut(c.replace(/\s+/g, " "))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(cells[0]), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n") + "\n";
}
