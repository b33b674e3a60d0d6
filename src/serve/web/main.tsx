// The web UI: a header with navigation and one page per path, rendered into #root.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { Actor, Actors } from "./pages/Actors.js";
import { Claim, Claims } from "./pages/Claim.js";
import { Home, Stories } from "./pages/Home.js";
import { Question, Questions } from "./pages/Question.js";
import { Article, Read, Search } from "./pages/Read.js";
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
  return (
    <div className="error" role="alert">
      No page at {path}. <Link to="/">Go to the front page.</Link>
    </div>
  );
}

function Header() {
  const { path } = useLocation();
  const [q, setQ] = useState("");
  const section = path.split("/")[1] ?? "";
  return (
    <header className="site-header">
      <div className="inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">◆</span> bellwether
        </Link>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <Link key={n.to} to={n.to} className={section === n.section || (n.section === "actors" && section === "actors") ? "active" : ""}>
              {n.label}
            </Link>
          ))}
        </nav>
        <form
          className="header-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) navigate(paths.search(q.trim()));
          }}
        >
          <input type="search" placeholder="Search…" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search the ledger" />
        </form>
      </div>
    </header>
  );
}

function App() {
  const { path } = useLocation();
  return (
    <>
      <Header />
      <main className="content">
        <Page path={path} />
      </main>
      <footer className="site-footer muted small">
        bellwether · every number links to the sentences behind it · <a href="/api/openapi.json">API</a>
      </footer>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <RouterProvider>
      <App />
    </RouterProvider>
  </StrictMode>,
);
