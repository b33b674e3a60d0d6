// Text with spans highlighted in place, built from React text nodes only (the text is never parsed as HTML).
import type { ReactNode } from "react";

/** One span to mark: offsets into the text, a kind (its style) and a label (its tooltip). */
export interface Mark {
  start: number;
  end: number;
  kind: string;
  label: string;
}

/** Splits text at every span boundary; each piece carries the kinds and labels of the spans covering it. */
export function segments(text: string, marks: Mark[]): Array<{ text: string; kinds: string[]; labels: string[] }> {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<{ text: string; kinds: string[]; labels: string[] }> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = valid.filter((m) => m.start <= a && m.end >= b);
    out.push({ text: text.slice(a, b), kinds: [...new Set(covering.map((m) => m.kind))], labels: covering.map((m) => m.label) });
  }
  return out;
}

/** Renders text with its marks; unmarked pieces are plain text. */
export function Highlighted({ text, marks, className }: { text: string; marks: Mark[]; className?: string }): ReactNode {
  return (
    <span className={className}>
      {segments(text, marks).map((s, i) =>
        s.kinds.length === 0 ? (
          s.text
        ) : (
          <mark key={i} className={s.kinds.map((k) => `hl-${k}`).join(" ")} title={s.labels.join("\n")}>
            {s.text}
          </mark>
        ),
      )}
    </span>
  );
}
