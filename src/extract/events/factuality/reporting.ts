// Clauses under verbs and nouns of saying, believing and denying: "said (that) …", "denied that …", "denied reports
// that …", "it is expected that …". The content is read from the perspective of the one who says, believes or denies.
import { type Reading, type SentenceContext, lent } from "./context.js";
import { purpose } from "./conditions.js";
import { UU, combine, undone } from "./facts.js";
import { governorAt } from "./governor.js";
import {
  CLAUSE_PUNCT, COMMIT, COMPLEMENTIZERS, DENIAL_WINDOW, DENY, FACTIVE_HEDGE, INTENSIONAL, INTENSIONAL_NOUN, POSSESSIVE,
  POSSIBILITY, PRED_HEDGE, REPORT, REPORT_NOUN, REPORT_PASSIVE, REPORTED_SUBJECT_WINDOW, UNCERTAIN,
} from "./lexicon.js";

/** A clause under a reporting, denial or intensional predicate at q. */
export function reportRelation(s: SentenceContext, q: number, base: Reading): Reading {
  const lemma = s.lem(q);
  const w = s.low(q);
  const gv = s.valueAt(q).f;
  const reported: Reading = { ...base, reported: true };
  // The content of a denial is denied from the denier's perspective.
  if (DENY.has(lemma)) return lent(reported, undone(gv), governorAt(s, q, "deny"));
  // "It is expected that …", "it is believed that …": a passive hedge over the clause.
  const passive = s.pos(q - 1) === "AUX" && s.lem(q - 1) === "be";
  const ph = passive ? (FACTIVE_HEDGE.get(w) ?? PRED_HEDGE.get(w)) : undefined;
  if (ph && !REPORT_PASSIVE.has(w)) return lent(reported, combine(gv, ph), governorAt(s, q, "other"));
  // "denied reports that …": what the reports say is denied.
  const denial = REPORT_NOUN.has(w) ? denialOf(s, q) : -1;
  if (denial >= 0) return lent(reported, undone(s.valueAt(denial).f), governorAt(s, denial, "deny"));
  if (REPORT.has(lemma) || REPORT_NOUN.has(w)) {
    const governor = governorAt(s, q, "report");
    // Promises and hopes commit to nothing having happened; a doubted or negated report commits to nothing either.
    if (COMMIT.has(lemma) || gv.c === 0 || !gv.pos) return lent(reported, UU, governor);
    return lent(reported, { c: gv.c, pos: true }, governor);
  }
  if (INTENSIONAL.has(lemma) || INTENSIONAL_NOUN.has(w)) return lent(base, UU, governorAt(s, q, "other"));
  const poss = POSSIBILITY.get(w);
  if (poss) return lent(base, poss[0], governorAt(s, q, "possibility-noun"));
  if (UNCERTAIN.has(w)) return lent(base, UU, governorAt(s, q, "question"));
  return base;
}

/** The head noun of the noun phrase right after position q. */
export function headAfter(s: SentenceContext, q: number): number {
  let j = q + 1;
  while (j < s.n && (s.pos(j) === "DET" || s.pos(j) === "ADJ" || s.pos(j) === "NUM" || POSSESSIVE.has(s.low(j)))) j++;
  while (j + 1 < s.n && s.pos(j + 1) === "NOUN") j++;
  return j;
}

/** The denial verb whose object is the report noun at q ("denied reports that …"), or -1. */
function denialOf(s: SentenceContext, q: number): number {
  for (let j = q - 1; j >= 0 && j >= q - DENIAL_WINDOW; j--) {
    if (s.pos(j) === "VERB") return DENY.has(s.lem(j)) && headAfter(s, j) === q ? j : -1;
    if (CLAUSE_PUNCT.has(s.low(j))) return -1;
  }
  return -1;
}

/** A noun phrase after a verb of saying that is followed by its own predicate is the subject of a reported clause. */
export function clauseSubject(s: SentenceContext, p: number, k: number): boolean {
  if (s.pos(p) !== "VERB" || !REPORT.has(s.lem(p))) return false;
  for (let j = k + 1; j < s.n && j <= k + REPORTED_SUBJECT_WINDOW; j++) {
    const ps = s.pos(j);
    if (s.low(j) === "to") return false;
    if (ps === "AUX") return true;
    if (ps === "VERB") return !s.ts[j].lower.endsWith("ing");
    if (CLAUSE_PUNCT.has(s.low(j)) || COMPLEMENTIZERS.has(s.low(j))) return false;
  }
  return false;
}

/** A clause introduced by "that" at j, or a bare clause right after the verb at j ("stated he looked forward"). */
export function complementClause(s: SentenceContext, w: string, j: number, base: Reading): Reading {
  let g = w === "that" ? j - 1 : j;
  if (w === "that" && s.low(g - 1) === "so") return purpose(base, "so that", j - 1, j + 1);
  // "told lawmakers that", "assured him that": skip the addressee.
  const addressee = s.pos(g) === "NOUN" || s.pos(g) === "PRON" || s.pos(g) === "PROPN";
  if (w === "that" && addressee && s.pos(g - 1) === "VERB" && REPORT.has(s.lem(g - 1))) g--;
  if (g < 0) return base;
  if (s.pos(g) !== "VERB" && s.pos(g) !== "NOUN" && s.pos(g) !== "ADJ") return base;
  // Only verbs of saying and believing take a bare clause; any other verb here belongs to a clause inside the subject.
  if (s.pos(j) === "VERB" && !(REPORT.has(s.lem(g)) || DENY.has(s.lem(g)))) return base;
  return reportRelation(s, g, base);
}
