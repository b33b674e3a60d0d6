// The words of the ledger and the odds engine in plain language, for the glossary page and the definitions shown
// inline beside each term. Figures in the definitions are read from the engine's own parameters, so they cannot drift.
import { forecastParameters } from "../forecast/question.js";
import { DEFAULT_STALE_OPTIONS } from "./ledger.js";

/** One term: its id (also its anchor on the glossary page), the word as shown, a one-line definition and more. */
export interface GlossaryTerm {
  id: string;
  term: string;
  group: string;
  /** One line, shown inline where the term appears. */
  short: string;
  /** A longer explanation for the glossary page, when one line is not enough. */
  long?: string;
}

/** The glossary: groups in reading order, and their terms. */
export interface Glossary {
  groups: Array<{ id: string; label: string; intro: string }>;
  terms: GlossaryTerm[];
}

const GROUPS: Glossary["groups"] = [
  { id: "ledger", label: "The ledger", intro: "What bellwether keeps: claims, the reports that tell them, and where each report comes from." },
  { id: "stage", label: "Stages of a claim", intro: "How far the happening has come, as its reports tell it." },
  { id: "status", label: "Statuses of a claim", intro: "How firmly the current stage stands. A claim reads stage then status: “scheduled, corroborated”." },
  { id: "stance", label: "Stances of a report", intro: "What one report says about the happening." },
  { id: "certainty", label: "Certainty of a report", intro: "How firmly the source presents the happening (FactBank values, the standard of factuality research)." },
  { id: "engine", label: "Questions and odds", intro: "How a question's probability follows the ledger." },
  { id: "scores", label: "Scores", intro: "How a resolved question's forecast is judged." },
  { id: "reading", label: "Reading an article", intro: "What bellwether finds in one text before it joins the ledger." },
];

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Every term, with the engine's current figures written in. */
export function glossary(): Glossary {
  const p = forecastParameters();
  const w = p.certaintyWeight;
  const stale = DEFAULT_STALE_OPTIONS.staleDays;
  const lr = (s: keyof typeof p.lr) => p.lr[s];
  const terms: GlossaryTerm[] = [
    // The ledger
    { id: "claim", term: "claim", group: "ledger", short: "One happening — a meeting, a visit, a test — with its parties, place and time, and every report that tells of it.", long: "Reports of every stance join the same claim: “may meet”, “will meet on the 12th” and “did not meet” are all reports of one meeting. A claim is shown as its statement; its stage and status say how far it has come and how firmly." },
    { id: "statement", term: "statement", group: "ledger", short: "The claim in plain words, from its best report: “Trump and Kim to meet in Singapore on June 12, 2018, Trump says”.", long: "When one origin alone tells the claim, the statement names who tells it." },
    { id: "label", term: "label", group: "ledger", short: "The structured form of a claim: its type, parties, place and time as codes (“meet — Trump, Kim · Singapore · 2018-06-12”)." },
    { id: "report", term: "report", group: "ledger", short: "One article's sentence telling of a claim, with its outlet, date, source chain, stance and certainty." },
    { id: "origin", term: "independent origin", group: "ledger", short: "Reports that trace back to one source count once: forty outlets citing one CNN piece are one origin, not forty.", long: "Reports whose source chains end at the same root, near-duplicate articles (wire copies), and reports crediting an outlet that reported the claim first are grouped into one origin. Counting origins instead of reports is what keeps repetition from looking like corroboration." },
    { id: "root", term: "root source", group: "ledger", short: "The deepest source a report names — “CNN” in “officials said, citing CNN” — or the outlet itself when it names none." },
    { id: "chain", term: "source chain", group: "ledger", short: "Who told whom, outermost first: outlet ← officials ← CNN. Each step is a hop toward the root source." },
    { id: "wire-copy", term: "wire copy", group: "ledger", short: "An article that copies another's text (a near-duplicate): it joins the original's origin and adds no independent voice." },
    { id: "story", term: "story", group: "ledger", short: "Articles about the same developing news, grouped by their words and dates; a claim appears on every story that reports it." },
    { id: "coverage", term: "coverage", group: "ledger", short: "How many outlets wrote about a story or claim and how many independent origins stand behind it, for and against." },
    { id: "for-against", term: "for / against", group: "ledger", short: "Whether an origin's latest report tells the happening as coming about (for) or as not planned, refused, called off or failed (against)." },
    { id: "on-the-record", term: "on the record", group: "ledger", short: "Said openly, by name, by a party to the happening or its government — not by unnamed officials or the press." },
    { id: "party", term: "party", group: "ledger", short: "Someone who takes part in the happening: the two leaders of a meeting, never the venue or the outlet reporting it." },
    { id: "recap", term: "recap", group: "ledger", short: "A report recalling a happening well before the article (“in 2018 they met in Singapore”): history, never news, so it moves no status and no odds." },
    // Stages
    { id: "stage", term: "stage", group: "stage", short: "How far the happening has come: discussed → scheduled → occurred, or called off, or failed." },
    { id: "stage-discussed", term: "discussed", group: "stage", short: "Proposed, wanted, expected or being arranged, with no date or place fixed." },
    { id: "stage-scheduled", term: "scheduled", group: "stage", short: "A date or venue is set, or a party states it will happen." },
    { id: "stage-occurred", term: "occurred", group: "stage", short: "Reported as having taken place." },
    { id: "stage-called_off", term: "called off", group: "stage", short: "Cancelled, shelved or postponed without a new date — or a plan that parties now say is not on." },
    { id: "stage-failed", term: "failed", group: "stage", short: "Reported as not having taken place, or as impossible to arrange." },
    // Statuses
    { id: "status", term: "status", group: "status", short: "How firmly the current stage stands: reported, corroborated, confirmed, denied, contradicted or stale." },
    { id: "status-reported", term: "reported", group: "status", short: "Told by one independent origin only." },
    { id: "status-corroborated", term: "corroborated", group: "status", short: "Told by two or more independent origins." },
    { id: "status-confirmed", term: "confirmed", group: "status", short: "A party to the happening, or its government, states this stage on the record." },
    { id: "status-denied", term: "denied", group: "status", short: "A party to the happening, or its government, says on the record that this stage does not hold." },
    { id: "status-contradicted", term: "contradicted", group: "status", short: "Independent origins tell this stage both ways, and no party has settled it on the record." },
    { id: "status-stale", term: "stale", group: "status", short: `A plan nobody has reported on for ${stale} days: not confirmed, not denied, gone quiet.`, long: `A claim that is over (it occurred, was called off or failed) never goes stale; one still discussed or scheduled does once ${stale} days pass without a new report, counted up to the newest article in the store.` },
    // Stances
    { id: "stance", term: "stance", group: "stance", short: "What one report says about the happening: occurred, scheduled, discussed, wanted, not planned, called off, failed or refused." },
    { id: "stance-occurred", term: "occurred", group: "stance", short: "The report says it happened or is happening." },
    { id: "stance-scheduled", term: "scheduled", group: "stance", short: "The report says a date or venue is set, or a party says it will happen." },
    { id: "stance-discussed", term: "discussed", group: "stance", short: "The report says it is being arranged, proposed, expected or possible." },
    { id: "stance-wanted", term: "wanted", group: "stance", short: "A party wishes for it, offers it or invites the other." },
    { id: "stance-unplanned", term: "not planned", group: "stance", short: "The report says there is no plan, date or place for it." },
    { id: "stance-called_off", term: "called off", group: "stance", short: "The report says it was cancelled or postponed indefinitely." },
    { id: "stance-failed", term: "failed", group: "stance", short: "The report says it did not happen or could not be arranged." },
    { id: "stance-refused", term: "refused", group: "stance", short: "A party rejects it." },
    { id: "stance-unknown", term: "unclear", group: "stance", short: "The sentence names the happening but says nothing about whether it is on." },
    // Certainty
    { id: "certainty", term: "certainty", group: "certainty", short: `How firmly the source presents it. In the odds a certain report counts fully, a probable one ${pct(w.PR)}, a possible one ${pct(w.PS)}, an uncommitted one ${pct(w.Uu)}.` },
    { id: "fact-CT+", term: "certain (CT+)", group: "certainty", short: "Presented as certainly so: “met”, “will hold a meeting”." },
    { id: "fact-CT-", term: "certainly not (CT−)", group: "certainty", short: "Presented as certainly not so: “did not meet”, “no letter was sent”." },
    { id: "fact-PR+", term: "probable (PR+)", group: "certainty", short: "Presented as likely: “expected to”, “reportedly”." },
    { id: "fact-PR-", term: "probably not (PR−)", group: "certainty", short: "Presented as unlikely: “no realistic prospect of”." },
    { id: "fact-PS+", term: "possible (PS+)", group: "certainty", short: "Presented as possible: “may”, “could”." },
    { id: "fact-PS-", term: "possibly not (PS−)", group: "certainty", short: "Presented as possibly not: “may not”." },
    { id: "fact-Uu", term: "uncommitted (Uu)", group: "certainty", short: "Neither way: wished, planned, conditional or asked about (“wants to meet”, “if they meet”)." },
    // Engine
    { id: "question", term: "question", group: "engine", short: "A yes/no question with a deadline and resolution criteria, whose probability follows the ledger." },
    { id: "probability", term: "probability", group: "engine", short: "The chance the question resolves yes, given the reports published so far." },
    { id: "prior", term: "prior", group: "engine", short: "The probability before any report is read: where the forecast starts on the day the question opens." },
    { id: "indicator", term: "indicator", group: "engine", short: "A kind of report that moves a question — “a date or venue is set”, “called off” — with the likelihood ratio it carries." },
    { id: "likelihood-ratio", term: "likelihood ratio", group: "engine", short: `How much more often such a report appears when the answer is yes than when it is no: ${lr("scheduled")} for a date set, ${lr("called_off")} for a cancellation.`, long: "A ratio above 1 raises the odds, below 1 lowers them. One certain report from a first independent origin multiplies the odds (probability ÷ (1 − probability)) by the ratio; less certain reports and further origins of the same kind multiply by less." },
    { id: "log-odds", term: "log-odds", group: "engine", short: "The logarithm of probability ÷ (1 − probability): the scale on which each report adds its weight, and on which 1% and 0.1% are far apart." },
    { id: "points", term: "points", group: "engine", short: "Percentage points: a move from 10% to 34% is +24 points." },
    { id: "origin-weight", term: "further origins", group: "engine", short: `The second independent origin of the same kind of report counts ${pct(p.originDecay)} as much as the first, the third ${pct(p.originDecay ** 2)}, and re-reports of one origin add nothing.` },
    { id: "time-passing", term: "time passing", group: "engine", short: "With no date set, each day that passes without the happening lowers the odds a little, so that the chance left runs out at the deadline." },
    { id: "time-alone", term: "time alone", group: "engine", short: "The path the probability would have taken with no news at all: the prior, lowered only by time passing. Everything above or below it is what the reports did." },
    { id: "set-date-passed", term: "set date passed", group: "engine", short: `A date set for the happening went by with no report that it took place: the odds are multiplied by ${p.datePassedLr}.` },
    { id: "resolving-event-confirmed", term: "resolving event confirmed", group: "engine", short: "The happening is reported as held, by a party on the record or by two independent origins: the question resolves yes." },
    { id: "deadline-passed", term: "deadline passed", group: "engine", short: "The deadline went by without the happening confirmed: the question resolves no." },
    { id: "manual-resolution", term: "resolved by hand", group: "engine", short: "Someone settled the question with `bellwether question resolve`, with a note." },
    // Scores
    { id: "brier", term: "Brier score", group: "scores", short: "The mean squared gap between the forecast and the outcome (1 or 0) over the days the question was open: 0 is perfect, 0.25 is a coin toss, lower is better." },
    { id: "log-score", term: "log score", group: "scores", short: "The mean natural log of the probability given to what happened: 0 is perfect, −0.69 is a coin toss, closer to 0 is better." },
    { id: "baseline", term: "prior-only baseline", group: "scores", short: "The same scores for a forecaster who read no reports and kept the prior, lowered only by time passing. A forecast worse than its baseline is worse than no product." },
    { id: "calibration", term: "calibration", group: "scores", short: "Across resolved questions: of the days forecast at 20–40%, how often did the answer turn out yes? Well calibrated forecasts come true as often as they say." },
    // Reading
    { id: "entity", term: "entity", group: "reading", short: "A person, country, organization, place, outlet or named event, linked to one record whatever name it goes by." },
    { id: "timex", term: "time (TIMEX3)", group: "reading", short: "A date or time in the text turned into a calendar value (“next Monday” → 2025-10-27), in the TIMEX3 standard." },
    { id: "attribution", term: "attribution", group: "reading", short: "Who is said to have said what: a source, a cue (“said”, “according to”) and the content." },
    { id: "cue", term: "cue", group: "reading", short: "The word that attributes: “said”, “told”, “according to”, “citing”." },
    { id: "event-mention", term: "event", group: "reading", short: "A word naming something that happens (“met”, “summit”, “launch”), with its type, parties, time and certainty." },
    { id: "trigger", term: "trigger", group: "reading", short: "The word in the sentence that names the happening, highlighted in each report's sentence." },
    { id: "cameo", term: "CAMEO code", group: "reading", short: "The event's code in CAMEO, the coding scheme of political event data (040 consult, 150 military force …), used in GDELT exports." },
  ];
  return { groups: GROUPS, terms };
}
