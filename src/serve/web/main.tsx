// The web UI: a skip link, a header whose menu folds away on a phone, one page per path, and a footer.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { NotFound } from "./components/common.js";
import { GlossaryProvider } from "./components/Term.js";
import { Actor, Actors } from "./pages/Actors.js";
import { Article } from "./pages/Article.js";
import { Claim, Claims } from "./pages/Claim.js";
import { GlossaryPage } from "./pages/Glossary.js";
import { Home, Stories } from "./pages/Home.js";
import { Question, Questions } from "./pages/Question.js";
import { Read } from "./pages/Read.js";
import { Search } from "./pages/Search.js";
import { Story } from "./pages/Story.js";
import { Link, RouterProvider, match, navigate, paths, useLocation } from "./router.js";
import "./styles.css";

const NAV: Array<{ to: string; label: string; section: string }> = [
  { to: "/stories", label: "Stories", section: "stories" },
  { to: "/claims", label: "Claims", section: "claims" },
  { to: "/questions", label: "Questions", section: "questions" },
  { to: "/actors", label: "Actors", section: "actors" },
  { to: "/search", label: "Search", section: "search" },
  { to: "/read", label: "Read an article", section: "read" },
  { to: "/glossary", label: "Glossary", section: "glossary" },
];

function Page({ path }: { path: string }) {
  let m: Record<string, string> | null;
  if (path === "/" || path === "") return <Home />;
  if (match("/stories", path)) return <Stories />;
  if ((m = match("/stories/:id", path))) return <Story key={m.id} id={m.id} />;
  if (match("/claims", path)) return <Claims />;
  if ((m = match("/claims/:id", path))) return <Claim key={m.id} id={m.id} />;
  if (match("/questions", path)) return <Questions />;
  if ((m = match("/questions/:id", path))) return <Question key={m.id} id={m.id} />;
  if (match("/actors", path)) return <Actors />;
  if ((m = match("/actors/:id", path))) return <Actor key={m.id} id={m.id} />;
  if ((m = match("/articles/:id", path))) return <Article key={m.id} id={m.id} />;
  if (match("/search", path)) return <Search />;
  if (match("/read", path)) return <Read />;
  if (match("/glossary", path)) return <GlossaryPage />;
  return <NotFound />;
}

function Header() {
  const { path } = useLocation();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const section = path.split("/")[1] ?? "";
  // The folded menu closes whenever the page changes.
  useEffect(() => setOpen(false), [path]);
  return (
    <header className="site-header">
      <div className="inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{" "}
          bellwether
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((o) => !o)}>
          {open ? "Close menu" : "Menu"}
        </button>
        <div id="site-menu" className={open ? "menu open" : "menu"}>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={section === n.section ? "page" : undefined}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form
            className="header-search"
            role="search"
            aria-label="Site search"
            onSubmit={(e) => {
              e.preventDefault();
              if (q.trim()) navigate(paths.search(q.trim()));
            }}
          >
            <label htmlFor="header-q" className="visually-hidden">
              Search the ledger
            </label>
            <input id="header-q" type="search" placeholder="Search claims, people, articles" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit">Search</button>
          </form>
        </div>
      </div>
    </header>
  );
}

function App() {
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="content" tabIndex={-1}>
        <Page path={path} />
      </main>
      <footer className="site-footer">
        <p>
          bellwether · every number links to what it counts · <Link to="/glossary">what the words mean</Link> · <a href="/api/openapi.json">API</a>
        </p>
      </footer>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <RouterProvider>
      <GlossaryProvider>
        <App />
      </GlossaryProvider>
    </RouterProvider>
  </StrictMode>,
);
