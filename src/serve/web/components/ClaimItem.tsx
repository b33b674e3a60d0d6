// A claim in a list: its plain-words statement first, then its stage and status, when it happens, how many independent
// origins and reports stand behind it (each count a link to them), and its structured label last, as metadata.
import { humanTime, plural } from "../../../app/words.js";
import { Link, paths } from "../router.js";
import { StageStatus } from "./common.js";
import { Sides } from "./CoverageBar.js";
import { Term } from "./Term.js";

/** What a list needs of a claim. */
export interface ClaimBrief {
  id: string;
  statement: string;
  summary: string;
  stage: string;
  status: string;
  when?: string | null;
  reports: number;
  origins: number;
  origin_sides?: { for: number; against: number };
  first_reported?: string | null;
  last_reported?: string | null;
  /** Reports of it in the story being shown, and the story it is filed under when that is another. */
  reports_here?: number;
  home?: string | null;
}

/** One claim line of a list. */
export function ClaimItem({ c, storyLabel }: { c: ClaimBrief; storyLabel?: (id: string) => string }) {
  const when = humanTime(c.when ?? null);
  return (
    <li className="claim-item" data-testid="claim-row" data-claim={c.id} data-reports={c.reports} data-origins={c.origins}>
      <Link to={paths.claim(c.id)} className="claim-statement">
        {c.statement}
      </Link>
      <div className="claim-meta">
        <StageStatus stage={c.stage} status={c.status} />
        {when ? <span className="when">{when}</span> : null}
        <span className="counts">
          <Link to={paths.claim(c.id, "provenance")} data-number="origins">
            {plural(c.origins, "independent origin")}
          </Link>
          {" · "}
          <Link to={paths.claim(c.id, "reports")} data-number="reports">
            {plural(c.reports, "report")}
          </Link>
          {c.reports_here !== undefined && c.reports_here !== c.reports ? (
            <>
              {" "}
              (
              <Link to={paths.claim(c.id, "reports")} data-number="reports-here">
                {c.reports_here} in this story
              </Link>
              )
            </>
          ) : null}
        </span>
        {c.origin_sides && c.origin_sides.against > 0 ? <Sides sides={c.origin_sides} /> : null}
        {c.home ? (
          <span className="muted small">
            filed under <Link to={paths.story(c.home)}>{storyLabel?.(c.home) ?? "another story"}</Link>
          </span>
        ) : null}
      </div>
      <div className="claim-label">
        <Term id="label">label</Term>: <code>{c.summary}</code>
      </div>
    </li>
  );
}
