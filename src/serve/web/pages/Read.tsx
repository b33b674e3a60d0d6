// The paste page. It leads with what the text would do to the ledger — the stored claims it supports or contradicts, the
// claims it would start, how it would move each question — and offers to add it; the text's reading follows, its
// layers off until chosen. Writes need the server's token when it has one (always, off this machine).
import { useEffect, useState, type FormEvent } from "react";
import { humanDay, plural, signedPoints } from "../../../app/words.js";
import { api, setWriteToken, writeToken, type Preview } from "../api.js";
import { Factuality, PageTitle, Stance, StageStatus, pct } from "../components/common.js";
import { Reading } from "../components/Reading.js";
import { Term } from "../components/Term.js";
import { Link, paths } from "../router.js";

type PreviewClaim = Preview["claims"][number];

const RELATIONS: Array<{ id: PreviewClaim["relation"]; title: string }> = [
  { id: "supports", title: "Supports" },
  { id: "contradicts", title: "Contradicts" },
  { id: "new", title: "Would start" },
];

function ClaimEffect({ c }: { c: PreviewClaim }) {
  const moved = c.before && (c.before.stage !== c.after.stage || c.before.status !== c.after.status);
  return (
    <li className="effect" data-testid="preview-claim" data-relation={c.relation}>
      {c.relation === "new" ? <span className="claim-statement">{c.statement}</span> : <Link to={paths.claim(c.id)}>{c.statement}</Link>}
      <div className="claim-meta">
        <Stance stance={c.stance} /> <Factuality value={c.factuality} />
        {c.background ? (
          <span className="tag-inline">
            <Term id="recap">recap</Term>
          </span>
        ) : null}
        {c.before ? (
          <span>
            now <StageStatus stage={c.before.stage} status={c.before.status} />
            {moved ? (
              <>
                {" "}
                → would be <StageStatus stage={c.after.stage} status={c.after.status} />
              </>
            ) : null}
            {c.after.origins !== c.before.origins ? <> · independent origins {c.before.origins} → {c.after.origins}</> : null}
          </span>
        ) : (
          <span>
            would be <StageStatus stage={c.after.stage} status={c.after.status} />
          </span>
        )}
      </div>
      <blockquote className="evidence">{c.sentence_text}</blockquote>
    </li>
  );
}

function Summary({ p, text, date, needsToken }: { p: Preview; text: string; date: string; needsToken: boolean }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string; id?: string; outcome?: string }>({});
  const count = (r: PreviewClaim["relation"]) => new Set(p.claims.filter((c) => c.relation === r).map((c) => c.id)).size;
  const add = async () => {
    setState({ busy: true });
    try {
      const r = await api.ingest(text, date || undefined);
      if (r.outcome === "failed" || !r.id) setState({ error: r.error ?? "the article could not be stored" });
      else setState({ id: r.id, outcome: r.outcome });
    } catch (err) {
      setState({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section aria-labelledby="h-summary" className="preview" data-testid="preview-summary">
      <h2 id="h-summary" tabIndex={-1}>
        What this text would do
      </h2>
      <p className="lead">
        Read as published on {humanDay(p.published)}, it supports {plural(count("supports"), "claim")} in the ledger, contradicts {count("contradicts")}, and would start {count("new")} new{" "}
        {count("new") === 1 ? "one" : "ones"}
        {p.questions.length ? `; it would move ${plural(p.questions.length, "question")}` : "; it would move no question"}.
      </p>
      {RELATIONS.map((rel) => {
        const list = p.claims.filter((c) => c.relation === rel.id);
        return list.length ? (
          <div key={rel.id}>
            <h3>
              {rel.title} ({list.length})
            </h3>
            <ul className="plain effects">
              {list.map((c, i) => (
                <ClaimEffect key={`${c.id}-${i}`} c={c} />
              ))}
            </ul>
          </div>
        ) : null;
      })}
      {p.questions.length ? (
        <>
          <h3>Questions it would move</h3>
          <ul className="plain" data-testid="preview-questions">
            {p.questions.map((q) => (
              <li key={q.id} className="effect" data-question={q.id}>
                <Link to={paths.question(q.id)}>{q.title}</Link>: {pct(q.now)} → <strong>{pct(q.after)}</strong> ({signedPoints(q.after - q.now)})
                {q.status_after !== q.status_now ? <> — would resolve {q.status_after}</> : null}
                <ul className="plain small">
                  {q.updates.map((u, i) => (
                    <li key={i}>{u.words}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="add-row">
        {state.id ? (
          <p role="status">
            {state.outcome === "duplicate" ? "Already in the ledger: " : "Added to the ledger: "}
            <Link to={paths.article(state.id)}>open the stored article</Link>.
          </p>
        ) : (
          <>
            <button type="button" onClick={add} disabled={state.busy} data-testid="add-to-ledger">
              {state.busy ? "Adding…" : "Add to the ledger"}
            </button>
            <span className="small muted">{needsToken ? "Uses the write token above." : "Stores the text as an article; claims and questions are brought up to date."}</span>
          </>
        )}
        {state.error ? (
          <p className="error" role="alert">
            {state.error}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** The paste-an-article page. */
export function Read() {
  const [text, setText] = useState("");
  const [date, setDate] = useState("");
  const [token, setToken] = useState(writeToken());
  const [needsToken, setNeedsToken] = useState(false);
  const [result, setResult] = useState<{ p?: Preview; error?: string; busy?: boolean; text?: string; date?: string }>({});
  useEffect(() => {
    api.access().then((a) => setNeedsToken(a.token_required), () => setNeedsToken(false));
  }, []);
  useEffect(() => {
    if (result.p) document.getElementById("h-summary")?.focus();
  }, [result.p]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setResult({ busy: true });
    try {
      setResult({ p: await api.preview(text, date || undefined), text, date });
    } catch (err) {
      setResult({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <>
      <PageTitle
        sub={
          <p>
            Paste one article to see which <Term id="claim">claims</Term> in the ledger it supports or contradicts and how it would move each <Term id="question">question</Term>. Nothing is stored until you choose to add it.
          </p>
        }
      >
        Read an article
      </PageTitle>
      <form className="read-form" onSubmit={submit}>
        <label htmlFor="article-text">Article text</label>
        <textarea id="article-text" value={text} onChange={(e) => setText(e.target.value)} rows={9} placeholder="SEOUL, Oct 18 - U.S. officials said on Saturday that a meeting between Donald Trump and Kim Jong Un was under discussion…" />
        <div className="row">
          <label>
            Published <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          {needsToken ? (
            <label>
              Write token{" "}
              <input
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => {
                  setToken(e.target.value);
                  setWriteToken(e.target.value);
                }}
              />
            </label>
          ) : null}
          <button type="submit" disabled={result.busy || !text.trim()}>
            {result.busy ? "Reading…" : "Read it"}
          </button>
        </div>
      </form>
      {result.error ? (
        <div className="error" role="alert">
          {result.error}
        </div>
      ) : null}
      {result.p ? (
        <>
          <Summary p={result.p} text={result.text ?? ""} date={result.date ?? ""} needsToken={needsToken} />
          <section aria-labelledby="h-reading">
            <h2 id="h-reading">How it was read</h2>
            <Reading extraction={result.p.extraction} />
          </section>
        </>
      ) : null}
    </>
  );
}
