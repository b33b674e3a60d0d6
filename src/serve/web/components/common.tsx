// Shared pieces of every page: loading data, errors and the not-found page, the page heading (which names the tab and
// takes the focus after a navigation), stage and status badges, certainty tags, and boxes that scroll on their own.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link, takeFocusRequest, useLocation } from "../router.js";
import { Term } from "./Term.js";

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

/** The page for a path or id that names nothing. */
export function NotFound({ what }: { what?: string }) {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>{what ?? "There is no page at this address."}</p>
      <p>
        <Link to="/">Go to the front page</Link>, or <Link to="/search">search the ledger</Link>.
      </p>
    </>
  );
}

/** Renders a loaded value, or a loading line, or the error (a 404 as the not-found page). */
export function Show<T>({ value, children }: { value: Loaded<T>; children: (data: T) => ReactNode }) {
  if (value.state === "loading") return <p className="muted loading" role="status">Loading…</p>;
  if (value.state === "error") {
    if (value.status === 404) return <NotFound what={`Not found: ${value.message}.`} />;
    return (
      <>
        <PageTitle>Something went wrong</PageTitle>
        <div className="error" role="alert">
          Could not load this page: {value.message}
        </div>
      </>
    );
  }
  return <>{children(value.data)}</>;
}

/** A probability as a percentage: one decimal, more for very small or very large ones. */
export const pct = (p: number) => {
  const x = p * 100;
  if (x > 0 && x < 1) return `${x.toFixed(2)}%`;
  if (x > 99 && x < 100) return `${x.toFixed(2)}%`;
  return `${x.toFixed(1)}%`;
};

/** Page heading with an optional line under it; names the browser tab and takes the focus after a navigation. */
export function PageTitle({ children, sub, title }: { children: ReactNode; sub?: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = title ?? ref.current?.textContent ?? "";
    document.title = text ? `${text} · bellwether` : "bellwether";
    if (takeFocusRequest()) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header className="page-title">
      <h1 ref={ref} tabIndex={-1} id="page-heading">
        {children}
      </h1>
      {sub ? <div className="sub">{sub}</div> : null}
    </header>
  );
}

const STAGE_WORDS: Record<string, string> = { discussed: "discussed", scheduled: "scheduled", occurred: "occurred", called_off: "called off", failed: "failed" };

/** A claim status as a badge whose word opens its definition. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status status-${status}`} data-status={status}>
      <Term id={`status-${status}`}>{status}</Term>
    </span>
  );
}

/** A claim stage as an outlined badge whose word opens its definition. */
export function StageBadge({ stage }: { stage: string }) {
  return (
    <span className={`badge stage stage-${stage}`} data-stage={stage}>
      <Term id={`stage-${stage}`}>{STAGE_WORDS[stage] ?? stage}</Term>
    </span>
  );
}

/** Stage then status, as a claim reads: "scheduled, corroborated". */
export function StageStatus({ stage, status }: { stage: string; status: string }) {
  return (
    <span className="stage-status">
      <StageBadge stage={stage} />
      <span className="visually-hidden">, </span>
      <StatusBadge status={status} />
    </span>
  );
}

const FACT_WORDS: Record<string, string> = { "CT+": "certain", "CT-": "certainly not", "PR+": "probable", "PR-": "probably not", "PS+": "possible", "PS-": "possibly not", Uu: "uncommitted" };

/** A report's certainty as a tag, the FactBank code beside its words, with its definition. */
export function Factuality({ value }: { value: string }) {
  return (
    <span className={`fact fact-${value.replace("+", "p").replace("-", "m")}`}>
      <Term id={`fact-${value}`}>{FACT_WORDS[value] ?? value}</Term>
    </span>
  );
}

const STANCE_WORDS: Record<string, string> = { occurred: "occurred", scheduled: "scheduled", discussed: "discussed", wanted: "wanted", unplanned: "not planned", called_off: "called off", failed: "failed", refused: "refused", unknown: "unclear" };
const AGAINST = new Set(["unplanned", "called_off", "failed", "refused"]);

/** A report's stance with a for/against mark that does not rely on colour. */
export function Stance({ stance }: { stance: string }) {
  const against = AGAINST.has(stance);
  return (
    <span className={`stance-tag ${against ? "against" : "for"}`} data-side={against ? "against" : "for"}>
      <span aria-hidden="true">{against ? "▼ " : "▲ "}</span>
      <Term id={`stance-${stance}`}>{STANCE_WORDS[stance] ?? stance}</Term>
    </span>
  );
}

/** A box that scrolls sideways on its own when its content (a wide table) does not fit, reachable by keyboard. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-x" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Once a page's content is drawn, brings the element its #fragment names into view (and the focus to it). */
export function ScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const el = document.getElementById(decodeURIComponent(hash));
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    if (el.tabIndex >= -1 && el.hasAttribute("tabindex")) el.focus({ preventScroll: true });
  }, [hash]);
  return null;
}
