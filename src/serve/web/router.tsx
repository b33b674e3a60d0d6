// A small client-side router over the History API: paths map to pages, links navigate without reloading.
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";

interface Location {
  path: string;
  search: URLSearchParams;
}

const read = (): Location => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search) });
const LocationContext = createContext<Location>(read());

/** Goes to a path inside the app and scrolls to the top. */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

/** Provides the current location and re-renders on navigation. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener("popstate", on);
    return () => window.removeEventListener("popstate", on);
  }, []);
  return <LocationContext.Provider value={loc}>{children}</LocationContext.Provider>;
}

/** The current path and query. */
export function useLocation(): Location {
  return useContext(LocationContext);
}

/** Matches a path against a pattern like "/claims/:id"; returns decoded parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An in-app link: plain clicks navigate in place, modified clicks open as the browser would. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

/** Paths of the app's pages. */
export const paths = {
  story: (id: string) => `/stories/${encodeURIComponent(id)}`,
  claim: (id: string) => `/claims/${encodeURIComponent(id)}`,
  question: (id: string) => `/questions/${encodeURIComponent(id)}`,
  actor: (id: string) => `/actors/${encodeURIComponent(id)}`,
  article: (id: string) => `/articles/${encodeURIComponent(id)}`,
  search: (q: string) => `/search?q=${encodeURIComponent(q)}`,
};
