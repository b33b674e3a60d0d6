// Words that call an event off: cancel verbs ("cancelled the summit"), cancel nouns ("the suspension of the
// exercises") and phrases ("called off", "ruled out", "pulled out of"), and what they leave of it.
import { type Reading, type SentenceContext, lent } from "./context.js";
import { type Fact, PS_POS, undone } from "./facts.js";
import { governorAt } from "./governor.js";
import { CANCEL_PHRASES, OPENING_CANCELS } from "./lexicon.js";

/** The standing of what a cancelling word at g acts on; "has not ruled out a visit" leaves the visit possible. */
function cancelled(s: SentenceContext, g: number, phrase: string[]): Fact {
  const gv = s.valueAt(g).f;
  if (!gv.pos && OPENING_CANCELS.some((o) => o.join(" ") === phrase.join(" "))) return PS_POS;
  return undone(gv);
}

/** What a cancel noun at g ("the cancellation of") leaves of its object. */
export function cancelledByNoun(s: SentenceContext, g: number, base: Reading): Reading {
  return lent(base, cancelled(s, g, []), governorAt(s, g, "cancel"));
}

/** A cancel phrase ending at p ("called off", "ruled out"), or null when none ends there. */
export function cancelPhraseAt(s: SentenceContext, p: number): string[] | null {
  return s.phraseEndingAt(p, CANCEL_PHRASES);
}

/** What the cancel phrase `ph` ending at p leaves of its object. */
export function cancelledByPhrase(s: SentenceContext, p: number, ph: string[], base: Reading): Reading {
  const g = p - ph.length + 1;
  return lent(base, cancelled(s, g, ph), governorAt(s, g, "cancel"));
}
