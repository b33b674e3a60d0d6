// The glossary: every word of the ledger and the odds engine, grouped, each with its own anchor so inline definitions
// can link to it.
import { api } from "../api.js";
import { PageTitle, ScrollToHash, Show, useApi } from "../components/common.js";

/** The glossary page. */
export function GlossaryPage() {
  const g = useApi("glossary", api.glossary);
  return (
    <>
      <PageTitle sub={<p>What bellwether's words mean. Any term shown with a dotted underline opens its definition where it stands.</p>}>Glossary</PageTitle>
      <Show value={g}>
        {(glossary) => (
          <>
            <nav aria-label="Glossary sections" className="toc">
              <ul>
                {glossary.groups.map((grp) => (
                  <li key={grp.id}>
                    <a href={`#group-${grp.id}`}>{grp.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {glossary.groups.map((grp) => (
              <section key={grp.id} aria-labelledby={`group-${grp.id}`}>
                <h2 id={`group-${grp.id}`} tabIndex={-1}>
                  {grp.label}
                </h2>
                <p className="muted">{grp.intro}</p>
                <dl className="glossary" data-testid="glossary">
                  {glossary.terms
                    .filter((t) => t.group === grp.id)
                    .map((t) => (
                      <div key={t.id} id={t.id} tabIndex={-1} className="entry">
                        <dt>{t.term}</dt>
                        <dd>
                          {t.short}
                          {t.long ? <p>{t.long}</p> : null}
                        </dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))}
            <ScrollToHash />
          </>
        )}
      </Show>
    </>
  );
}
