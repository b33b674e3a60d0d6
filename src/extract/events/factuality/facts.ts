// FactBank values as certainty and polarity, and the two ways markers meet: combine (weaker certainty, multiplied
// polarity) and flip (polarity only).
import type { Factuality } from "../../../domain/extraction.js";

/** Certainty (3 = CT, 2 = PR, 1 = PS, 0 = Uu) and polarity. */
export interface Fact {
  c: number;
  pos: boolean;
}

/** Certainly so: the reading of an asserted predicate with no marker. */
export const CT_POS: Fact = { c: 3, pos: true };
/** Certainly not: a negation as a marker. */
export const NEG: Fact = { c: 3, pos: false };
/** Not committed either way. */
export const UU: Fact = { c: 0, pos: true };

/** Parses a FactBank label into certainty and polarity. */
export function parseFact(label: string): Fact {
  const pos = !label.endsWith("-");
  if (label.startsWith("CT")) return { c: 3, pos };
  if (label.startsWith("PR")) return { c: 2, pos };
  if (label.startsWith("PS")) return { c: 1, pos };
  return UU;
}

/** Probably so: what an expectation verb lends its complement. */
export const PR_POS: Fact = parseFact("PR+");
/** Possibly so: what "has not ruled out" leaves of its object. */
export const PS_POS: Fact = parseFact("PS+");

/** Prints certainty and polarity as a FactBank label. */
export function factLabel(f: Fact): Factuality {
  if (f.c <= 0) return "Uu";
  const p = f.pos ? "+" : "-";
  return ((f.c === 3 ? "CT" : f.c === 2 ? "PR" : "PS") + p) as Factuality;
}

/** Combines a context with a marker: the weaker certainty wins, negations multiply. */
export function combine(a: Fact, b: Fact): Fact {
  const c = Math.min(a.c, b.c);
  return c === 0 ? UU : { c, pos: a.pos === b.pos };
}

/** The same certainty with the other polarity; Uu stays Uu. */
export function flip(f: Fact): Fact {
  return f.c === 0 ? UU : { c: f.c, pos: !f.pos };
}

/** What a cancelling or denying word leaves of what it acts on: the opposite, or Uu when its own standing is not positive. */
export function undone(governor: Fact): Fact {
  return governor.c === 0 || !governor.pos ? UU : flip(governor);
}
