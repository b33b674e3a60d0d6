// Shared pieces of every page: loading data, showing errors, status badges, percentages.
import { useEffect, useState, type ReactNode } from "react";

/** The state of one API call. */
export type Loaded<T> = { state: "loading" } | { state: "error"; message: string; status?: number } | { state: "ready"; data: T };

/** Runs an API call when its key changes and returns its state. */
export function useApi<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    load().then(
      (data) => live && setResult({ state: "ready", data }),
      (err: unknown) => live && setResult({ state: "error", message: err instanceof Error ? err.message : String(err), status: (err as { status?: number }).status }),
    );
    return () => {
      live = false;
    };
    // The key names the request; the loader closes over the same inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}

/** Renders a loaded value, or a loading line, or the error. */
export function Show<T>({ value, children }: { value: Loaded<T>; children: (data: T) => ReactNode }) {
  if (value.state === "loading") return <p className="muted loading">Loading…</p>;
  if (value.state === "error")
    return (
      <div className="error" role="alert">
        {value.status === 404 ? "Not found: " : "Could not load: "}
        {value.message}
      </div>
    );
  return <>{children(value.data)}</>;
}

/** A probability as a percentage with one decimal. */
export const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** A claim status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

/** A question status as a badge. */
export function QuestionBadge({ status }: { status: string }) {
  return <span className={`badge q-${status}`}>{status === "open" ? "open" : `resolved ${status}`}</span>;
}

// FactBank factuality values and a readable gloss of each.
const FACTUALITY: Record<string, string> = {
  "CT+": "certain: happened",
  "CT-": "certain: did not happen",
  "PR+": "probable",
  "PR-": "probably not",
  "PS+": "possible",
  "PS-": "possibly not",
  Uu: "uncommitted",
};

/** A factuality value as a small tag with its gloss on hover. */
export function Factuality({ value }: { value: string }) {
  return (
    <span className={`fact fact-${value.replace(/[+]/, "p").replace(/-/, "m")}`} title={FACTUALITY[value] ?? value}>
      {value}
    </span>
  );
}

/** Page heading with an optional line under it. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <header className="page-title">
      <h1>{children}</h1>
      {sub ? <p className="sub">{sub}</p> : null}
    </header>
  );
}
