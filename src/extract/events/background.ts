// Recaps: a mention that recalls a happening well before the article ("who met Kim three times in his first term",
// "the 2018 summit", "Kim recalled their meetings") is background, never news. Told by its time when the time is a
// calendar value that ends well before the article, else by the marks of a recap in its own clause.
import type { Stance } from "../../domain/extraction.js";
import { addDays, dayRange } from "../../domain/calendar.js";
import type { Token } from "../01-tokens.js";
import { loadData } from "../resources.js";

interface BackgroundLexicon {
  background: { markers: string[]; recallVerbs: string[]; days: number; };
  clauseStops: string[];
}

const LEX = loadData<BackgroundLexicon>("lexicons/stance.json");
const MARKERS = LEX.background.markers.map((m) => m.split(" "));
const RECALL = new Set(LEX.background.recallVerbs);
const STOPS = new Set([...LEX.clauseStops, ";"]);
// How far a recap's mark may stand from the trigger, either side, inside its clause.
const MARK_REACH = 10;
// Stances that tell of a happening that is over: only these are recaps by their marks alone.
const OVER: ReadonlySet<Stance> = new Set(["occurred", "failed", "called_off", "refused"]);
// Stances of a plan that may still stand: an old date in the sentence does not make them history.
const STILL_AHEAD: ReadonlySet<Stance> = new Set(["scheduled", "discussed", "unknown"]);

/** What the background reader needs to know about one mention. */
export interface BackgroundInput {
  ts: Token[];
  k: number;
  time: string | null;
  dct: string | null;
  stance: Stance;
  /** Calendar values of the time expressions the sentence states before the trigger (not those bounding a stretch). */
  earlier?: string[];
}

/** True when the mention recalls a happening well before the article. */
export function readBackground(inp: BackgroundInput): boolean {
  const r = dayRange(inp.time);
  if (r && inp.dct) {
    if (r.to < addDays(inp.dct, -LEX.background.days)) return true;
    // A calendar time that reaches the article's days is current, whatever the words around it say.
    if (r.to >= addDays(inp.dct, -LEX.background.days)) return false;
  }
  // "In March, Biden said he would not invite him", "Ten months ago in Bali, the two shook hands": an undated
  // happening in a sentence set well before the article is history, unless it is still told as a plan.
  if (!r && inp.dct && !STILL_AHEAD.has(inp.stance) && (inp.earlier ?? []).some((v) => {
    const t = dayRange(v);
    return !!t && t.to < addDays(inp.dct!, -LEX.background.days);
  })) return true;
  if (!OVER.has(inp.stance)) return false;
  return markedAsRecap(inp.ts, inp.k);
}

/** A recap's mark in the trigger's clause, or a verb of remembering governing it. */
function markedAsRecap(ts: Token[], k: number): boolean {
  let from = k;
  while (from > 0 && k - from < MARK_REACH && !STOPS.has(ts[from - 1].lower)) from--;
  let to = k;
  while (to < ts.length - 1 && to - k < MARK_REACH && !STOPS.has(ts[to + 1].lower)) to++;
  for (let j = from; j < k; j++) if (RECALL.has(ts[j].lower) || RECALL.has(ts[j].lemma)) return true;
  for (let j = from; j <= to; j++) {
    for (const m of MARKERS) {
      if (m.every((w, i) => ts[j + i]?.lower === w) && j + m.length - 1 <= to) return true;
    }
  }
  return false;
}
