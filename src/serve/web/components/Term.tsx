// Inline definitions: a term of the ledger or the engine shown as a button that opens its one-line definition (and a
// link to the glossary) in a small card placed inside the screen — on a phone as on a laptop, by touch, mouse or key.
import { createContext, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { api, type GlossaryTerm } from "../api.js";
import { Link, paths } from "../router.js";

const GlossaryContext = createContext<Map<string, GlossaryTerm> | null>(null);

/** Loads the glossary once for every inline definition below it. */
export function GlossaryProvider({ children }: { children: ReactNode }) {
  const [terms, setTerms] = useState<Map<string, GlossaryTerm> | null>(null);
  useEffect(() => {
    api.glossary().then(
      (g) => setTerms(new Map(g.terms.map((t) => [t.id, t]))),
      () => setTerms(new Map()),
    );
  }, []);
  return <GlossaryContext.Provider value={terms}>{children}</GlossaryContext.Provider>;
}

/** The definition of a term, once the glossary has loaded. */
export function useTerm(id: string): GlossaryTerm | undefined {
  return useContext(GlossaryContext)?.get(id);
}

// Only one definition is open at a time.
let closeOpen: (() => void) | null = null;

/** A term whose definition opens in place; `children` is the word as the sentence uses it. */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const term = useTerm(id);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLSpanElement>(null);
  const cardId = useId();

  useLayoutEffect(() => {
    if (!open || !button.current || !card.current) return;
    const b = button.current.getBoundingClientRect();
    const width = card.current.offsetWidth;
    const left = Math.max(8, Math.min(b.left, window.innerWidth - width - 8));
    const below = b.bottom + 6;
    const top = below + card.current.offsetHeight > window.innerHeight - 8 ? Math.max(8, b.top - card.current.offsetHeight - 6) : below;
    setPlace({ top, left });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    closeOpen?.();
    closeOpen = close;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        close();
        button.current?.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      if (!button.current?.contains(e.target as Node) && !card.current?.contains(e.target as Node)) close();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onDown);
    window.addEventListener("scroll", close, { passive: true });
    window.addEventListener("resize", close);
    return () => {
      if (closeOpen === close) closeOpen = null;
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onDown);
      window.removeEventListener("scroll", close);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  return (
    <span className="term-wrap">
      <button
        ref={button}
        type="button"
        className="term"
        aria-expanded={open}
        aria-controls={open ? cardId : undefined}
        data-term={id}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setPlace(null);
          setOpen((o) => !o);
        }}
      >
        {children}
      </button>
      {open ? (
        <span ref={card} id={cardId} className="term-card" role="note" data-testid="term-card" style={place ? { top: place.top, left: place.left } : { visibility: "hidden", top: 0, left: 0 }}>
          <strong>{term?.term ?? String(children)}</strong>: {term?.short ?? "see the glossary."}{" "}
          <Link to={paths.glossary(id)} onClick={() => setOpen(false)}>
            Glossary
          </Link>
        </span>
      ) : null}
    </span>
  );
}
