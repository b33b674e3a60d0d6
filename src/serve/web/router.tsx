// A small client-side router over the History API: paths map to pages, links navigate without reloading, and after a
// navigation the next page heading to appear takes the focus (so a screen reader announces the new page).
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";

interface Location {
  path: string;
  search: URLSearchParams;
  hash: string;
}

const read = (): Location => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search), hash: window.location.hash.slice(1) });
const LocationContext = createContext<Location>(read());

// Set by a navigation, taken by the next page heading that mounts.
let focusPending = false;
// True while navigate() announces its own change, so it is not taken for the browser's back or forward.
let dispatching = false;

/** True once after a navigation: the page heading that asks takes the focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** Goes to a path inside the app and scrolls to the top (or to the path's #fragment). */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search + window.location.hash) return;
  window.history.pushState(null, "", to);
  focusPending = !to.includes("#");
  dispatching = true;
  window.dispatchEvent(new PopStateEvent("popstate"));
  dispatching = false;
  if (!to.includes("#")) window.scrollTo(0, 0);
}

/** Provides the current location and re-renders on navigation. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = (e: Event) => {
      if (e.type === "popstate" && !dispatching) focusPending = !window.location.hash;
      setLoc(read());
    };
    window.addEventListener("popstate", on);
    window.addEventListener("hashchange", on);
    return () => {
      window.removeEventListener("popstate", on);
      window.removeEventListener("hashchange", on);
    };
  }, []);
  return <LocationContext.Provider value={loc}>{children}</LocationContext.Provider>;
}

/** The current path, query and fragment. */
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
    if (p[i].startsWith(":")) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An in-app link: plain clicks navigate in place, modified clicks open as the browser would. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} {...rest} onClick={onClick}>
      {children}
    </a>
  );
}

const enc = encodeURIComponent;

/** Paths of the app's pages. */
export const paths = {
  stories: (offset = 0) => `/stories${offset ? `?offset=${offset}` : ""}`,
  story: (id: string, part?: string) => `/stories/${enc(id)}${part ? `#${part}` : ""}`,
  claim: (id: string, part?: string) => `/claims/${enc(id)}${part ? `#${part}` : ""}`,
  question: (id: string, part?: string) => `/questions/${enc(id)}${part ? `#${part}` : ""}`,
  actor: (id: string, query?: string) => `/actors/${enc(id)}${query ?? ""}`,
  article: (id: string, part?: string) => `/articles/${enc(id)}${part ? `#${part}` : ""}`,
  search: (q: string, offset = 0) => `/search?q=${enc(q)}${offset ? `&offset=${offset}` : ""}`,
  glossary: (term?: string) => `/glossary${term ? `#${term}` : ""}`,
};
