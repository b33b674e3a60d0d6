// Coverage at a glance, as news readers know it from coverage bars: independent origins telling a happening as coming
// about (▲ for) against those telling it as not (▼ against), with the counts written out so colour is never needed.
import type { ReactNode } from "react";
import { Term } from "./Term.js";

/** "▲ 5 for · ▼ 2 against", compact. */
export function Sides({ sides }: { sides: { for: number; against: number } }) {
  return (
    <span className="sides" data-for={sides.for} data-against={sides.against}>
      <span className="for">▲ {sides.for} for</span> · <span className="against">▼ {sides.against} against</span>
    </span>
  );
}

/** The bar and its legend; `originsLink` turns the count of origins into a link to them. */
export function CoverageBar({ origins, sides, extra, originsLink }: { origins: number; sides: { for: number; against: number }; extra?: ReactNode; originsLink?: (text: string) => ReactNode }) {
  const total = Math.max(1, sides.for + sides.against);
  const number = String(origins);
  return (
    <div className="coverage" data-testid="coverage">
      <div className="coverage-bar" aria-hidden="true">
        <span className="seg for" style={{ width: `${(100 * sides.for) / total}%` }} />
        <span className="seg against" style={{ width: `${(100 * sides.against) / total}%` }} />
      </div>
      <p className="coverage-text">
        {originsLink ? originsLink(number) : number} <Term id="origin">{origins === 1 ? "independent origin" : "independent origins"}</Term>: <Sides sides={sides} /> (<Term id="for-against">for and against</Term>)
        {extra ? <> · {extra}</> : null}
      </p>
    </div>
  );
}
