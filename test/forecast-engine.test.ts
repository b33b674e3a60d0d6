import { describe, expect, it } from "vitest";
import type { Stance } from "../src/domain/extraction.js";
import type { Evidence, Question } from "../src/domain/forecast.js";
import { addDays } from "../src/domain/calendar.js";
import { DEFAULT_ENGINE_OPTIONS, aboutEvent, forecast, matchIndicator, placeFits, replay } from "../src/forecast/engine.js";
import { defaultIndicators, forecastParameters, parseQuestion, QuestionError } from "../src/forecast/question.js";
import { calibration, timeAveragedScores } from "../src/forecast/scores.js";
import { asEvidence, reportTime } from "../src/app/questions.js";
import type { EvidenceRow } from "../src/store/questions.js";

const TRUMP = "person:donald-trump";
const PUTIN = "person:vladimir-putin";
const WITKOFF = "person:steve-witkoff";
const ZELENSKY = "person:volodymyr-zelenskyy";
const LEE = "person:lee-jae-myung";

const PARAMS = forecastParameters();
const logit = (p: number) => Math.log(p / (1 - p));

function question(over: Partial<Question> = {}, place: string | null = null): Question {
  return {
    id: "q",
    title: "Will Trump and Putin meet?",
    criteria: "",
    opens: "2025-08-01",
    deadline: "2025-12-31",
    prior: 0.2,
    event: { type: "meet", participants: [TRUMP, PUTIN], place },
    indicators: defaultIndicators("meet", [TRUMP, PUTIN]),
    default_indicators: true,
    ...over,
  };
}
const Q = question();

let n = 0;
function ev(over: Partial<Evidence> = {}): Evidence {
  n++;
  return {
    report: `r${String(n).padStart(4, "0")}`,
    claim: "c1",
    article: `a${n}`,
    type: "meet",
    participants: [TRUMP, PUTIN],
    place: null,
    published: "2025-09-01",
    factuality: "CT+",
    stance: "discussed",
    background: false,
    origin: "outlet:x",
    onRecord: false,
    eventTime: null,
    ...over,
  };
}

const DAY = "2025-09-01";
/** Where a report sets the happening: a plan set with neither a day nor a place counts as no more than expected. */
const VENUE = "place:geneva";
/** The probability on `asOf` (DAY unless given) from the evidence. */
const p = (evidence: Evidence[], asOf = DAY, q = Q) => forecast(q, evidence, asOf).probability;
/** How far the evidence moves the log-odds against no evidence at all, on the same day. */
const shift = (evidence: Evidence[], asOf = DAY, q = Q) => logit(p(evidence, asOf, q)) - logit(p([], asOf, q));

describe("stances move the odds by their likelihood ratios", () => {
  it("raises the odds on a scheduled report more than on a discussed one, and on each by its ratio", () => {
    const cases: [Stance, number][] = [
      ["scheduled", PARAMS.lr.scheduled],
      ["discussed", PARAMS.lr.discussed],
      ["wanted", PARAMS.lr.wanted],
      ["occurred", PARAMS.lr.occurred],
      ["called_off", PARAMS.lr.called_off],
      ["unplanned", PARAMS.lr.unplanned],
      ["refused", PARAMS.lr.refused],
      ["failed", PARAMS.lr.failed],
    ];
    for (const [stance, lr] of cases) expect(shift([ev({ stance, place: VENUE, factuality: stance === "occurred" ? "PR+" : "CT+" })]), stance).toBeCloseTo(Math.log(lr) * (stance === "occurred" ? PARAMS.certaintyWeight.PR : 1), 9);
    expect(p([ev({ stance: "scheduled", place: VENUE })])).toBeGreaterThan(p([ev({ stance: "discussed" })]));
    expect(p([ev({ stance: "discussed" })])).toBeGreaterThan(p([]));
  });

  it("lowers the odds when the happening is called off, unplanned or refused", () => {
    for (const stance of ["called_off", "unplanned", "refused", "failed"] as Stance[]) expect(p([ev({ stance })]), stance).toBeLessThan(p([]));
  });

  it("moves nothing on a report whose stance is unknown, or of another type", () => {
    expect(shift([ev({ stance: "unknown" })])).toBeCloseTo(0, 12);
    expect(shift([ev({ type: "sign" })])).toBeCloseTo(0, 12);
  });

  it("weighs a hedged report less than a certain one", () => {
    const cases: ["CT+" | "PR+" | "PS+" | "Uu", number][] = [
      ["CT+", PARAMS.certaintyWeight.CT],
      ["PR+", PARAMS.certaintyWeight.PR],
      ["PS+", PARAMS.certaintyWeight.PS],
      ["Uu", PARAMS.certaintyWeight.Uu],
    ];
    for (const [factuality, w] of cases) expect(shift([ev({ stance: "scheduled", place: VENUE, factuality })]), factuality).toBeCloseTo(w * Math.log(PARAMS.lr.scheduled), 9);
  });
});

describe("independent origins", () => {
  it("counts a report once per origin per indicator", () => {
    const once = p([ev({ stance: "scheduled", place: VENUE })]);
    expect(p(Array.from({ length: 10 }, () => ev({ stance: "scheduled", place: VENUE })))).toBeCloseTo(once, 12);
    // Another stance of the same origin is another indicator.
    expect(shift([ev({ stance: "scheduled", place: VENUE }), ev({ stance: "discussed" })])).toBeCloseTo(Math.log(PARAMS.lr.scheduled) + Math.log(PARAMS.lr.discussed), 9);
  });

  it("does not count a plan again because a report of no date came between: only a call-off turns the story", () => {
    const wanted = ev({ stance: "wanted", origin: "a" });
    const noDate = ev({ stance: "unplanned", published: "2025-09-02", origin: "b" });
    const again = ev({ stance: "wanted", published: "2025-09-03", origin: "a" });
    expect(p([wanted, noDate, again], "2025-09-03")).toBeCloseTo(p([wanted, noDate], "2025-09-03"), 9);
    const off = ev({ stance: "called_off", published: "2025-09-02", origin: "b" });
    expect(p([wanted, off, again], "2025-09-03")).toBeGreaterThan(p([wanted, off], "2025-09-03"));
  });

  it("counts each further origin less than the one before", () => {
    const first = shift([ev({ stance: "scheduled", origin: "a" })]);
    const two = shift([ev({ stance: "scheduled", origin: "a" }), ev({ stance: "scheduled", origin: "b" })]);
    const three = shift([ev({ stance: "scheduled", origin: "a" }), ev({ stance: "scheduled", origin: "b" }), ev({ stance: "scheduled", origin: "c" })]);
    expect(two - first).toBeCloseTo(first * PARAMS.originDecay, 9);
    expect(three - two).toBeCloseTo(first * PARAMS.originDecay ** 2, 9);
    expect(two - first).toBeLessThan(first);
  });

  it("counts every report against the happening as one body of news: a second origin telling it off in other words weighs less", () => {
    const off = shift([ev({ stance: "called_off", origin: "a", article: "x" })]);
    const both = shift([ev({ stance: "called_off", origin: "a", article: "x" }), ev({ stance: "failed", origin: "b", article: "y" })]);
    expect(both - off).toBeCloseTo(Math.log(PARAMS.lr.failed) * PARAMS.originDecay, 9);
    // The same origin saying it again in weaker words adds nothing, in stronger words only the difference.
    expect(shift([ev({ stance: "called_off", origin: "a", article: "x" }), ev({ stance: "refused", origin: "a", article: "y" })])).toBeCloseTo(off, 9);
    expect(shift([ev({ stance: "refused", origin: "a", article: "y" }), ev({ stance: "called_off", origin: "a", article: "x" })])).toBeCloseTo(off, 9);
  });

  it("lets a firmer report of the same origin add only the difference", () => {
    const firm = p([ev({ stance: "scheduled", factuality: "CT+" })]);
    expect(p([ev({ stance: "scheduled", factuality: "PS+" }), ev({ stance: "scheduled", factuality: "CT+" })])).toBeCloseTo(firm, 12);
    expect(p([ev({ stance: "scheduled", factuality: "CT+" }), ev({ stance: "scheduled", factuality: "PS+" })])).toBeCloseTo(firm, 12);
  });
});

describe("what a report can and cannot say about the question", () => {
  it("counts one article as one voice, whatever claims and origins its reports joined", () => {
    const one = shift([ev({ stance: "scheduled", article: "same", origin: "a", claim: "c1" })]);
    expect(shift([ev({ stance: "scheduled", article: "same", origin: "a", claim: "c1" }), ev({ stance: "scheduled", article: "same", origin: "b", claim: "c2" })])).toBeCloseTo(one, 9);
  });

  it("takes an article's voice from the first report it tells, in the article's order (e2 before e14)", () => {
    // Two articles lead with a party's statement, then tell of the plan in their own words.
    const article = (a: string) => [
      ev({ stance: "wanted", article: a, report: `${a}:e2`, origin: "gov:US", onRecord: true }),
      ev({ stance: "discussed", article: a, report: `${a}:e14`, origin: `outlet:${a}` }),
    ];
    // Each one's own words count under the party it led with: once in all.
    expect(shift([...article("first"), ...article("second")])).toBeCloseTo(shift(article("first")), 9);
  });

  it("moves the odds by an outlet's article's strongest reading only: its news, not the talk it recalls", () => {
    // "No meeting is on the schedule, an official said; CNN had reported officials discussing one."
    const noPlan = ev({ stance: "unplanned", article: "news", origin: "outlet:ledger" });
    const recalled = ev({ stance: "discussed", article: "news", origin: "outlet:ledger" });
    expect(shift([noPlan, recalled])).toBeCloseTo(shift([noPlan]), 12);
    // A party on the record in the same article still speaks for itself.
    const party = ev({ stance: "wanted", article: "news", origin: "gov:US", onRecord: true });
    expect(shift([noPlan, recalled, party])).toBeGreaterThan(shift([noPlan]));
  });

  it("counts a party on the record once however many articles carry it, whatever origin each article began with", () => {
    // Each article first brings its own outlet's reporting, then quotes Zelensky's one post.
    const carried = (i: number) => [ev({ stance: "discussed", article: `art${i}`, origin: `outlet:${i}` }), ev({ stance: "wanted", article: `art${i}`, origin: "gov:UA", onRecord: true })];
    const once = shift(carried(1));
    const many = shift([1, 2, 3, 4, 5].flatMap(carried));
    const ownReporting = shift([1, 2, 3, 4, 5].map((i) => ev({ stance: "discussed", article: `art${i}`, origin: `outlet:${i}` })));
    // Five articles add their own reporting (the discussed indicator) but Zelensky's wish counts once.
    expect(many - ownReporting).toBeCloseTo(once - shift([carried(1)[0]]), 9);
  });

  it("takes officials of two countries holding or setting talks as the countries doing so, not their plans", () => {
    const q = question({ title: "Will the United States and Iran hold talks?", event: { type: "meet", participants: ["country:US", "country:IR"], place: null }, indicators: defaultIndicators("meet", ["country:US", "country:IR"]) });
    const officials = ["person:steve-witkoff", "person:abbas-araghchi"];
    const held = ev({ participants: officials, stance: "occurred", onRecord: true, origin: "gov:IR", eventTime: "2025-09-01" });
    expect(aboutEvent(q, held)).toBe(false);
    expect(aboutEvent(q, held, true)).toBe(true);
    expect(forecast(q, [held], DAY)).toMatchObject({ status: "yes", resolved_at: DAY });
    // Before Witkoff held office he acted for no one.
    expect(aboutEvent(q, { ...held, published: "2024-06-01" }, true)).toBe(false);
    // A plan of two officials is theirs: it does not move a question about their countries.
    expect(matchIndicator(q, ev({ participants: officials, stance: "discussed" }))).toBeNull();
    // The seat of a government is its country, at any stage: "the White House said no talks with Iran were planned".
    const seat = ev({ participants: ["org:white-house", "country:IR"], stance: "unplanned" });
    expect(aboutEvent(q, seat)).toBe(true);
    expect(matchIndicator(q, seat)?.name).toBe("meet: not planned");
    // A body that is no seat of government (a legislature) does not speak for its country's plans.
    expect(aboutEvent(q, ev({ participants: ["org:us-congress", "country:IR"], stance: "unplanned" }))).toBe(false);
  });

  it("counts a date a party sets on the record by its own ratio, above an outlet reporting it set", () => {
    const byOutlet = shift([ev({ stance: "scheduled", eventTime: "2025-09-15" })]);
    const byParty = shift([ev({ stance: "scheduled", eventTime: "2025-09-15", onRecord: true, origin: "gov:US" })]);
    expect(byOutlet).toBeCloseTo(Math.log(PARAMS.lr.scheduled), 9);
    expect(byParty).toBeCloseTo(Math.log(PARAMS.lr.set_on_record), 9);
    expect(byParty).toBeGreaterThan(byOutlet);
    // A party naming a venue with no day ("we agreed to meet in Budapest") is a plan set like any other.
    expect(shift([ev({ stance: "scheduled", place: "country:HU", onRecord: true, origin: "gov:US" })])).toBeCloseTo(Math.log(PARAMS.lr.scheduled), 9);
  });

  it("takes a day's news together: a plan for a date called off that day, or told later by an outlet, raises nothing", () => {
    const set = ev({ stance: "scheduled", eventTime: "2025-09-20", published: "2025-09-10", onRecord: true, origin: "gov:US" });
    const off = ev({ stance: "called_off", eventTime: "2025-09-20", published: "2025-09-12", onRecord: true, origin: "gov:US" });
    const sameDay = ev({ stance: "scheduled", eventTime: "2025-09-20", published: "2025-09-12", origin: "outlet:late" });
    const laterRecap = ev({ stance: "scheduled", eventTime: "2025-09-20", published: "2025-09-13", origin: "outlet:recap" });
    const backOn = ev({ stance: "scheduled", eventTime: "2025-09-20", published: "2025-09-14", onRecord: true, origin: "gov:RU" });
    const at = (evidence: Evidence[], day: string) => forecast(Q, evidence, day).probability;
    expect(at([set, off, sameDay], "2025-09-12")).toBeCloseTo(at([set, off], "2025-09-12"), 12);
    expect(at([set, off, sameDay, laterRecap], "2025-09-13")).toBeCloseTo(at([set, off], "2025-09-13"), 12);
    // A party putting the date back on is news.
    expect(at([set, off, backOn], "2025-09-14")).toBeGreaterThan(at([set, off], "2025-09-14"));
  });

  it("does not raise the odds on a happening looked for after the deadline, but still lowers them on a call-off", () => {
    const q = question({ deadline: "2025-09-30" });
    expect(shift([ev({ stance: "discussed", eventTime: "2025-11" })], DAY, q)).toBeCloseTo(0, 9);
    expect(shift([ev({ stance: "discussed", eventTime: "2025-09-20" })], DAY, q)).toBeGreaterThan(0);
    expect(shift([ev({ stance: "called_off", eventTime: "2025-11" })], DAY, q)).toBeLessThan(0);
  });

  it("counts a plan said to be set but given neither a day nor a place as only expected", () => {
    expect(shift([ev({ stance: "scheduled" })])).toBeCloseTo(Math.log(PARAMS.lr.discussed), 9);
    expect(shift([ev({ stance: "scheduled", place: VENUE })])).toBeCloseTo(Math.log(PARAMS.lr.scheduled), 9);
  });

  it("lowers the odds on a happening set for after the deadline as a set date passing would, and takes later undated plans as that plan", () => {
    const q = question({ deadline: "2025-09-30" });
    const late = ev({ stance: "scheduled", eventTime: "2025-10-16", onRecord: true, origin: "gov:US" });
    expect(shift([late], DAY, q)).toBeCloseTo(Math.log(PARAMS.datePassedLr), 9);
    // A month-wide plan past the deadline counts too; a plan within the window, or a recap, does not.
    expect(shift([ev({ stance: "scheduled", eventTime: "2025-10" })], DAY, q)).toBeLessThan(0);
    expect(shift([ev({ stance: "scheduled", eventTime: "2025-09-20" })], DAY, q)).toBeGreaterThan(0);
    expect(shift([ev({ stance: "scheduled", eventTime: "2025-10-16", background: true })], DAY, q)).toBeCloseTo(0, 9);
    // "the summit in Geneva", told the same day or later with no day of its own, raises nothing.
    const again = [ev({ stance: "scheduled", origin: "outlet:y" }), ev({ stance: "discussed", published: "2025-09-03", origin: "outlet:z" })];
    expect(p([late, ...again], "2025-09-03", q)).toBeCloseTo(p([late], "2025-09-03", q), 9);
  });

  it("once a happening is told as held in time, takes one set for after the deadline as the next, not this one put off", () => {
    const q = question({ deadline: "2025-10-31" });
    // "Trump and Xi met in Busan on Thursday … He said he would visit China in April."
    const held = ev({ stance: "occurred", eventTime: "2025-09-01", origin: "outlet:reuters" });
    const next = ev({ stance: "scheduled", eventTime: "2026-04", onRecord: true, origin: "gov:US" });
    expect(p([held, next], DAY, q)).toBeCloseTo(p([held], DAY, q), 12);
    // Before any report of it held, the same plan tells against it.
    expect(p([next], DAY, q)).toBeLessThan(p([], DAY, q));
  });

  it("never resolves a meeting from a visit to the other's country", () => {
    // "Xi arrived in San Francisco for the summit with Biden", told by his own state media.
    const arrived = ev({ type: "visit", participants: ["person:xi-jinping", "country:US"], stance: "occurred", onRecord: true, origin: "gov:CN", eventTime: DAY });
    const q = question({ event: { type: "meet", participants: ["person:joe-biden", "person:xi-jinping"], place: null }, indicators: defaultIndicators("meet", ["person:joe-biden", "person:xi-jinping"]) });
    expect(forecast(q, [arrived], DAY).status).toBe("open");
  });

  it("does not take a day only hoped for on the very day it is told as a looked-for day that passes", () => {
    // "Trump on Friday cast doubt on his planned meeting": the day is the telling's.
    const today = ev({ stance: "discussed", eventTime: "2025-09-01", published: "2025-09-01" });
    expect(p([today], "2025-09-05")).toBeCloseTo(p([ev({ stance: "discussed", published: "2025-09-01" })], "2025-09-05"), 9);
  });

  it("lets an article that tells a call-off lower the odds without the plan it recalls raising them", () => {
    const off = shift([ev({ stance: "called_off", article: "x" })]);
    expect(shift([ev({ stance: "called_off", article: "x" }), ev({ stance: "scheduled", article: "x" })])).toBeCloseTo(off, 9);
    // The plan told by another article still counts.
    expect(shift([ev({ stance: "called_off", article: "x" }), ev({ stance: "scheduled", article: "y", origin: "other" })])).not.toBeCloseTo(off, 3);
  });

  it("reads attending a gathering in a country as a visit to it", () => {
    const q = question({ event: { type: "visit", participants: ["person:kim-jong-un", "country:CN"], place: null }, indicators: defaultIndicators("visit", ["person:kim-jong-un", "country:CN"]) });
    expect(aboutEvent(q, ev({ type: "attend", participants: ["person:kim-jong-un"], place: "country:CN" }))).toBe(true);
    expect(aboutEvent(q, ev({ type: "attend", participants: ["person:kim-jong-un"], place: "country:RU" }))).toBe(false);
  });

  it("reads a visit that takes place in a country as a visit to that country", () => {
    const q = question({ event: { type: "visit", participants: [PUTIN, "country:KP"], place: null }, indicators: defaultIndicators("visit", [PUTIN, "country:KP"]) });
    expect(aboutEvent(q, ev({ type: "visit", participants: [PUTIN], place: "country:KP" }))).toBe(true);
    expect(aboutEvent(q, ev({ type: "visit", participants: [PUTIN], place: "country:CN" }))).toBe(false);
    expect(aboutEvent(q, ev({ type: "visit", participants: [PUTIN], place: null }))).toBe(false);
    // A visit to a country takes place in it, whatever place its claim took elsewhere.
    const atWhiteHouse = question({}, "org:white-house");
    expect(aboutEvent(atWhiteHouse, ev({ type: "visit", participants: [TRUMP, "country:RU"], place: "org:white-house" }))).toBe(false);
    expect(aboutEvent(atWhiteHouse, ev({ type: "visit", participants: [PUTIN, "country:US"], place: "org:white-house" }))).toBe(true);
    // "Putin and Kim held talks in Pyongyang": a meeting of the visitor inside the country tells the visit.
    const KIM = "person:kim-jong-un";
    expect(aboutEvent(q, ev({ type: "meet", participants: [PUTIN, KIM], place: "country:KP" }))).toBe(true);
    expect(aboutEvent(q, ev({ type: "meet", participants: [PUTIN, KIM], place: "place:vostochny-cosmodrome" }))).toBe(false);
    expect(aboutEvent(q, ev({ type: "meet", participants: [KIM], place: "country:KP" }))).toBe(false);
    expect(forecast(q, [ev({ type: "meet", participants: [PUTIN, KIM], place: "country:KP", stance: "occurred", onRecord: true })], DAY).status).toBe("yes");
  });

  it("takes the pair's own meeting at another place as no preparatory step toward one at the question's place", () => {
    const q = question({}, "org:white-house");
    expect(matchIndicator(q, ev({ stance: "scheduled", place: "place:new-york" }))).toBeNull();
    expect(matchIndicator(q, ev({ stance: "scheduled", type: "communicate" }))?.match.counterpart).toBe(true);
  });

  it("resolves on a visit told under way a day before the day set for what it is made for, but not a meeting", () => {
    const KIM = "person:kim-jong-un";
    const q = question({ event: { type: "visit", participants: [KIM, "country:CN"], place: null }, indicators: defaultIndicators("visit", [KIM, "country:CN"]) });
    const set = { stance: "scheduled" as Stance, eventTime: "2025-09-03", published: "2025-08-28", onRecord: true };
    const visit = [ev({ ...set, type: "visit", participants: [KIM, "country:CN"] }), ev({ type: "visit", participants: [KIM, "country:CN"], stance: "occurred", eventTime: "2025-09-02", published: "2025-09-02", onRecord: true })];
    expect(forecast(q, visit, "2025-09-02")).toMatchObject({ status: "yes", resolved_at: "2025-09-02" });
    const meeting = [ev({ ...set }), ev({ stance: "occurred", eventTime: "2025-09-02", published: "2025-09-02", onRecord: true })];
    expect(forecast(Q, meeting, "2025-09-02").status).toBe("open");
  });

  it("resolves on a meeting told as held once the week set for it has begun", () => {
    const evidence = [
      ev({ stance: "scheduled", eventTime: "2025-W44", published: "2025-10-20", onRecord: true }),
      ev({ stance: "occurred", eventTime: "2025-10-28", published: "2025-10-28", onRecord: true }),
    ];
    expect(forecast(Q, evidence, "2025-10-29")).toMatchObject({ status: "yes", resolved_at: "2025-10-28" });
  });
});

describe("old news", () => {
  it("moves nothing on a recap, or on a happening over well before the report", () => {
    const cases: [Partial<Evidence>, boolean][] = [
      [{ stance: "failed", background: true }, false],
      [{ stance: "scheduled", background: true }, false],
      [{ stance: "failed", eventTime: "2025-08-20" }, false],
      [{ stance: "failed", eventTime: addDays(DAY, -(DEFAULT_ENGINE_OPTIONS.retrospectiveDays + 1)) }, false],
      [{ stance: "failed", eventTime: addDays(DAY, -DEFAULT_ENGINE_OPTIONS.retrospectiveDays) }, true],
      [{ stance: "failed", eventTime: "2025-07" }, false],
      [{ stance: "failed", eventTime: "2025-08" }, true],
      [{ stance: "failed" }, true],
    ];
    for (const [over, moves] of cases) expect(Math.abs(shift([ev(over)])) > 1e-9, JSON.stringify(over)).toBe(moves);
  });

  it("reads nothing published before the question opens", () => {
    expect(p([ev({ stance: "scheduled", published: "2025-07-20" })], "2025-08-01")).toBe(p([], "2025-08-01"));
  });
});

describe("time", () => {
  it("lowers the odds as the days pass with no date set, toward the deadline", () => {
    const path = ["2025-08-01", "2025-09-01", "2025-11-01", "2025-12-31"].map((d) => p([], d));
    for (let i = 1; i < path.length; i++) expect(path[i]).toBeLessThan(path[i - 1]);
    expect(path[0]).toBeCloseTo(Q.prior, 12);
  });

  it("holds the odds while a set date lies ahead, and lowers them when it passes with no meeting", () => {
    const set = [ev({ stance: "scheduled", eventTime: "2025-09-15", published: DAY })];
    const held = p(set, DAY);
    expect(p(set, "2025-09-10")).toBeCloseTo(held, 12);
    expect(p(set, addDays("2025-09-15", DEFAULT_ENGINE_OPTIONS.graceDays))).toBeCloseTo(held, 12);
    const after = forecast(Q, set, "2025-09-20");
    const passed = after.updates.find((u) => u.indicator === "set date passed")!;
    expect(passed).toMatchObject({ at: addDays("2025-09-15", DEFAULT_ENGINE_OPTIONS.graceDays), reports: [set[0].report] });
    expect(logit(passed.probability) - logit(passed.previous)).toBeCloseTo(Math.log(PARAMS.datePassedLr), 9);
    expect(after.probability).toBeLessThan(held);
    // Without the date, the same report lets the odds fall with time.
    expect(p([ev({ stance: "scheduled", published: DAY })], "2025-09-10")).toBeLessThan(held);
  });

  it("lowers the odds by half as much when a day only looked for passes with no meeting, unless a date was set or it was held", () => {
    const sought = [ev({ stance: "discussed", eventTime: "2025-09-15", published: DAY })];
    const f = forecast(Q, sought, "2025-09-20");
    const passed = f.updates.find((u) => u.indicator === "looked-for date passed")!;
    expect(passed).toMatchObject({ at: addDays("2025-09-15", DEFAULT_ENGINE_OPTIONS.graceDays), reports: [sought[0].report] });
    expect(logit(passed.probability) - logit(passed.previous)).toBeCloseTo(0.5 * Math.log(PARAMS.datePassedLr), 9);
    const set = [...sought, ev({ stance: "scheduled", eventTime: "2025-09-15", origin: "b", article: "s" })];
    expect(forecast(Q, set, "2025-09-20").updates.map((u) => u.indicator)).not.toContain("looked-for date passed");
    const held = [...sought, ev({ stance: "occurred", eventTime: "2025-09-15", published: "2025-09-15", origin: "b", article: "h" })];
    expect(forecast(Q, held, "2025-09-20").updates.map((u) => u.indicator)).not.toContain("looked-for date passed");
  });

  it("keeps the latest date set, and forgets it when the happening is called off", () => {
    const moved = [ev({ stance: "scheduled", eventTime: "2025-09-15" }), ev({ stance: "scheduled", eventTime: "2025-09-25", published: "2025-09-05", origin: "b" })];
    expect(forecast(Q, moved, "2025-09-24").updates.some((u) => u.indicator === "set date passed")).toBe(false);
    const called = [ev({ stance: "scheduled", eventTime: "2025-09-15" }), ev({ stance: "called_off", published: "2025-09-05", origin: "b" })];
    const f = forecast(Q, called, "2025-09-20");
    expect(f.updates.some((u) => u.indicator === "set date passed")).toBe(false);
    expect(f.probability).toBeLessThan(p(called, "2025-09-05"));
  });

  it("takes back a call-off when a party sets the happening's date again on the record", () => {
    const set = ev({ stance: "scheduled", eventTime: "2025-09-15", onRecord: true, origin: "gov:US" });
    const off = ev({ stance: "called_off", eventTime: "2025-09-15", published: "2025-09-03", onRecord: true, origin: "gov:US" });
    const again = ev({ stance: "scheduled", eventTime: "2025-09-20", published: "2025-09-06", onRecord: true, origin: "gov:US" });
    const f = forecast(Q, [set, off, again], "2025-09-06");
    const back = f.updates.find((u) => u.indicator === "called off, then set again")!;
    expect(back.at).toBe("2025-09-06");
    // What the call-off took away comes back: the log-odds rise by what the call-off lowered them, besides the new date.
    const before = logit(back.previous);
    expect(logit(back.probability) - before).toBeGreaterThan(-Math.log(PARAMS.lr.called_off) * 0.9);
    // An outlet's report that it is back on, or a plan with no day, takes nothing back.
    expect(forecast(Q, [set, off, { ...again, onRecord: false, origin: "outlet:y" }], "2025-09-06").updates.map((u) => u.indicator)).not.toContain("called off, then set again");
  });

  it("takes no official of a country for a visit to it: a visit is to the country", () => {
    const q = question({ event: { type: "visit", participants: [PUTIN, "country:KP"], place: null }, indicators: defaultIndicators("visit", [PUTIN, "country:KP"]) });
    const tour = ev({ type: "visit", participants: [PUTIN, "person:kim-jong-un"], stance: "occurred", onRecord: true, origin: "gov:RU" });
    expect(forecast(q, [tour], DAY).status).toBe("open");
    expect(forecast(q, [{ ...tour, participants: [PUTIN, "country:KP"] }], DAY).status).toBe("yes");
  });

  it("holds no date beyond the deadline, nor one of a week, month or happening of other people", () => {
    const cases: [Partial<Evidence>, boolean][] = [
      [{ eventTime: "2025-09-15" }, true],
      [{ eventTime: "2025-W38" }, true],
      [{ eventTime: "2025-10" }, false],
      [{ eventTime: "2026-01-15" }, false],
      [{ eventTime: "2025-09-15", participants: [WITKOFF, PUTIN] }, false],
    ];
    for (const [over, holds] of cases) {
      const e = [ev({ stance: "scheduled", ...over })];
      expect(p(e, "2025-09-12") === p(e, DAY), JSON.stringify(over)).toBe(holds);
    }
  });

  it("does not count a set date as passed when a report says the meeting took place on it", () => {
    const passed = (evidence: Evidence[]) => forecast(Q, evidence, "2025-09-20").updates.some((u) => u.indicator === "set date passed");
    const set = ev({ stance: "scheduled", eventTime: "2025-09-15" });
    const cases: [string, Evidence[], boolean][] = [
      ["held on the day, one origin", [set, ev({ stance: "occurred", eventTime: "2025-09-15", published: "2025-09-15", origin: "b" })], false],
      ["held, reported the day after", [set, ev({ stance: "occurred", published: "2025-09-16", origin: "b" })], false],
      ["a report of its own day that sets it", [ev({ stance: "occurred", eventTime: "2025-09-10", published: "2025-09-10", origin: "b" })], false],
      // Told as held before the date was set, it says nothing of the date.
      ["told as held before", [ev({ stance: "occurred", published: "2025-08-20", origin: "b" }), set], true],
      ["no report of it", [set], true],
    ];
    for (const [name, evidence, penalty] of cases) {
      expect(passed(evidence), name).toBe(penalty);
      expect(forecast(Q, evidence, "2025-09-20").status, name).toBe("open");
    }
  });
});

describe("resolution", () => {
  const held = (over: Partial<Evidence> = {}) => ev({ stance: "occurred", eventTime: "2025-10-30", published: "2025-10-30", onRecord: true, ...over });
  const status = (evidence: Evidence[], asOf = "2025-11-05", q = Q) => forecast(q, evidence, asOf).status;

  it("resolves YES on a certain report of the meeting held, on the record or from two origins", () => {
    const f = forecast(Q, [held()], "2025-11-05");
    expect(f).toMatchObject({ status: "yes", probability: 1, resolved_at: "2025-10-30" });
    expect(f.updates.at(-1)?.indicator).toBe("resolving event confirmed");
    expect(status([held({ onRecord: false, origin: "a" }), held({ onRecord: false, origin: "b", published: "2025-10-31" })])).toBe("yes");
    expect(forecast(Q, [held({ onRecord: false, origin: "a" }), held({ onRecord: false, origin: "b", published: "2025-10-31" })], "2025-11-05").resolved_at).toBe("2025-10-31");
    expect(status([held({ onRecord: false, origin: "a" })])).toBe("open");
    expect(status([held({ onRecord: false, origin: "a" }), held({ onRecord: false, origin: "a", report: "again" })])).toBe("open");
  });

  it("resolves only on a happening of every participant, others joining, in the question's window and place", () => {
    const cases: [string, Partial<Evidence>, Question, "yes" | "open"][] = [
      ["a summit of three", { participants: [TRUMP, PUTIN, ZELENSKY] }, Q, "yes"],
      ["the envoy's meeting", { participants: [WITKOFF, PUTIN] }, Q, "open"],
      ["one participant", { participants: [PUTIN] }, Q, "open"],
      ["a meeting of two other leaders", { participants: [TRUMP, LEE] }, Q, "open"],
      ["hedged", { factuality: "PR+" }, Q, "open"],
      ["a plan", { stance: "scheduled" }, Q, "open"],
      ["a recap", { background: true }, Q, "open"],
      ["an undated recap", { background: true, eventTime: null }, Q, "open"],
      ["a call", { type: "communicate" }, Q, "open"],
      ["held before the question opened", { eventTime: "2025-07-20" }, Q, "open"],
      ["held on a day still ahead", { eventTime: "2025-11-02" }, Q, "open"],
      ["dated only to a season", { eventTime: "2025-FA" }, Q, "open"],
      ["in the question's place", { place: "country:HU" }, question({}, "country:HU"), "yes"],
      ["elsewhere", { place: "place:alaska" }, question({}, "country:HU"), "open"],
      ["with no place told", { place: null }, question({}, "country:HU"), "open"],
    ];
    for (const [name, over, q, want] of cases) expect(status([held(over)], "2025-11-05", q), name).toBe(want);
  });

  it("resolves NO once the deadline passes without the meeting", () => {
    const q = question({ deadline: "2025-10-31" });
    const f = forecast(q, [ev({ stance: "scheduled", eventTime: "2025-10-30", published: "2025-10-20" })], "2025-11-05");
    expect(f).toMatchObject({ status: "no", probability: 0, resolved_at: "2025-11-01" });
    expect(f.updates.at(-1)?.indicator).toBe("deadline passed");
    expect(forecast(q, [], "2025-10-31").status).toBe("open");
  });

  it("resolves YES on a meeting held by the deadline and reported just after it, and on nothing later", () => {
    const q = question({ deadline: "2025-10-31" });
    const cases: [Partial<Evidence>, "yes" | "no"][] = [
      [{ eventTime: "2025-10-31", published: "2025-11-01" }, "yes"],
      [{ eventTime: "2025-11-01", published: "2025-11-01" }, "no"],
      [{ eventTime: "2025-10-31", published: "2025-11-10" }, "no"],
      [{ stance: "scheduled", eventTime: "2025-11-05", published: "2025-11-01" }, "no"],
    ];
    for (const [over, want] of cases) expect(status([held(over)], "2025-11-12", q), JSON.stringify(over)).toBe(want);
    // What is published after the deadline moves nothing else.
    expect(p([ev({ stance: "called_off", published: "2025-11-01" })], "2025-10-31", q)).toBe(p([], "2025-10-31", q));
  });

  it("takes a resolution by hand over the evidence from its day on", () => {
    const f = forecast(Q, [held()], "2025-11-05", { outcome: "no", at: "2025-11-01", note: "the meeting was a phone call" });
    expect(f).toMatchObject({ status: "no", probability: 0, resolved_at: "2025-11-01" });
    expect(forecast(Q, [], "2025-10-15", { outcome: "yes", at: "2025-11-01" }).status).toBe("open");
  });
});

describe("preparatory steps", () => {
  it("count only when they join both sides of the question", () => {
    const cases: [string, Partial<Evidence>, number][] = [
      ["the envoy meets the counterpart", { participants: [WITKOFF, PUTIN], stance: "occurred" }, Math.log(PARAMS.lr.counterpart)],
      ["a call between the two sides is set", { type: "communicate", participants: [TRUMP, PUTIN], stance: "scheduled" }, Math.log(PARAMS.lr.counterpart)],
      ["the envoy meets someone else", { participants: [WITKOFF, ZELENSKY], stance: "occurred" }, 0],
      ["one leader meets a third", { participants: [TRUMP, LEE], stance: "occurred" }, 0],
      ["only talked about", { participants: [WITKOFF, PUTIN], stance: "discussed" }, 0],
      ["a signing is no step", { type: "sign", participants: [WITKOFF, PUTIN], stance: "occurred" }, 0],
    ];
    for (const [name, over, want] of cases) expect(shift([ev({ factuality: "CT+", ...over })]), name).toBeCloseTo(want, 9);
  });

  it("are not derived for a question of one participant", () => {
    expect(defaultIndicators("missile_test", ["country:KP"]).some((i) => i.match.counterpart)).toBe(false);
    expect(defaultIndicators("meet", [TRUMP, PUTIN]).filter((i) => i.match.counterpart)).toHaveLength(1);
  });
});

describe("matching a report to the question", () => {
  it("fits a place that is the question's or lies in it", () => {
    const cases: [string | null, string | null, boolean][] = [
      [null, null, true],
      [null, "place:alaska", true],
      ["country:HU", "country:HU", true],
      ["country:HU", "place:alaska", false],
      ["country:HU", null, false],
      ["country:US", "place:alaska", true],
      ["country:US", "org:white-house", true],
      ["country:RU", "place:alaska", false],
      ["place:alaska", "country:US", false],
      ["country:KR", "place:gyeongju", true],
      ["place:busan", "place:gyeongju", false],
      // the Oval Office is in the White House, which is in the United States
      ["org:white-house", "place:oval-office", true],
      ["country:US", "place:oval-office", true],
      ["place:oval-office", "org:white-house", false],
    ];
    for (const [q, place, fits] of cases) expect(placeFits(q, place), `${q} ⊇ ${place}`).toBe(fits);
  });

  it("takes the parties set to meet somewhere else as a plan in place of the one asked about", () => {
    const q = question({ event: { type: "meet", participants: [TRUMP, PUTIN], place: "org:white-house" } }, "org:white-house");
    const elsewhere = ev({ stance: "scheduled", place: "place:alaska", eventTime: "2025-09-15" });
    expect(matchIndicator(q, elsewhere)).toBeNull();
    expect(shift([elsewhere], DAY, q)).toBeLessThan(0);
    // A plan in the country that holds the venue says nothing against it; one with no place, nothing either way.
    expect(shift([ev({ stance: "scheduled", place: "country:US", eventTime: "2025-09-15" })], DAY, q)).toBe(0);
    // A plan elsewhere for a pair without one of the question's parties is no substitute.
    expect(shift([ev({ stance: "scheduled", place: "place:alaska", participants: [TRUMP, ZELENSKY] })], DAY, q)).toBe(0);
  });

  it("is about the question's happening when its type, every participant and its place fit", () => {
    const q = question({}, "country:HU");
    const cases: [Partial<Evidence>, boolean][] = [
      [{ place: "country:HU" }, true],
      [{ place: "country:HU", participants: [PUTIN, TRUMP, ZELENSKY] }, true],
      [{ place: "country:HU", participants: [PUTIN] }, false],
      // A visit by one side to the other's country is their meeting; a visit with no one of the other side is not.
      [{ place: "country:HU", type: "visit", participants: [TRUMP, "country:HU"] }, false],
      [{ place: "country:HU", type: "visit", participants: [TRUMP, PUTIN] }, true],
      [{ place: "place:alaska" }, false],
    ];
    for (const [over, about] of cases) expect(aboutEvent(q, ev(over)), JSON.stringify(over)).toBe(about);
    // "Zelensky heads to the White House": the visit of one party to the seat of the other's government.
    expect(aboutEvent(question({}), ev({ type: "visit", participants: [PUTIN, "country:US"], place: null }))).toBe(true);
    expect(aboutEvent(question({}), ev({ type: "visit", participants: [PUTIN, "country:CN"], place: null }))).toBe(false);
  });

  it("takes the default indicator of the report's stance, and only on-record reports for an on-record indicator", () => {
    for (const stance of ["scheduled", "discussed", "called_off", "refused"] as Stance[]) expect(matchIndicator(Q, ev({ stance }))?.match.stance).toEqual([stance]);
    expect(matchIndicator(Q, ev({ stance: "unknown" }))).toBeNull();
    const onRecord = question({ indicators: [{ name: "said by a party", lr: 3, match: { type: ["meet"], participants: [TRUMP, PUTIN], participants_mode: "all", stance: ["scheduled"], on_record: true, counterpart: false } }] });
    expect(matchIndicator(onRecord, ev({ stance: "scheduled" }))).toBeNull();
    expect(matchIndicator(onRecord, ev({ stance: "scheduled", onRecord: true }))?.name).toBe("said by a party");
    const any = question({ indicators: [{ name: "any leader", lr: 1.2, match: { type: ["communicate"], participants: [TRUMP, PUTIN], participants_mode: "any", stance: [], on_record: false, counterpart: false } }] });
    expect(matchIndicator(any, ev({ type: "communicate", participants: [PUTIN, ZELENSKY] }))?.name).toBe("any leader");
    expect(matchIndicator(any, ev({ type: "communicate", participants: [ZELENSKY, LEE] }))).toBeNull();
  });
});

describe("replay", () => {
  it("uses on each day only the evidence published by then", () => {
    const evidence = [
      ev({ stance: "discussed", published: "2025-08-10" }),
      ev({ stance: "scheduled", eventTime: "2025-09-15", published: "2025-09-01", origin: "b" }),
      ev({ stance: "called_off", published: "2025-09-10", origin: "c", onRecord: true }),
      ev({ stance: "occurred", eventTime: "2025-10-02", published: "2025-10-02", origin: "d", onRecord: true }),
    ];
    const path = replay(Q, evidence, "2025-08-01", "2025-10-05");
    expect(path).toHaveLength(66);
    for (const point of path) expect(point.probability, point.date).toBe(forecast(Q, evidence.filter((e) => e.published <= point.date), point.date).probability);
    expect(path.find((x) => x.date === "2025-10-01")!.probability).toBeLessThan(1);
    expect(path.find((x) => x.date === "2025-10-02")!.probability).toBe(1);
    expect(replay(Q, evidence, "2025-08-01", "2025-08-29", 7).map((x) => x.date)).toEqual(["2025-08-01", "2025-08-08", "2025-08-15", "2025-08-22", "2025-08-29"]);
  });
});

describe("scores", () => {
  it("matches hand-computed time-averaged Brier and log scores", () => {
    // Three days at 0.2, 0.5, 0.9 for a question that resolved YES:
    // Brier = (0.64 + 0.25 + 0.01) / 3 = 0.3; log = (ln 0.2 + ln 0.5 + ln 0.9) / 3.
    const path = [0.2, 0.5, 0.9].map((probability, i) => ({ date: `2025-01-0${i + 1}`, probability }));
    const s = timeAveragedScores({ path, outcome: 1 });
    expect(s.brier).toBeCloseTo(0.3, 12);
    expect(s.log).toBeCloseTo((Math.log(0.2) + Math.log(0.5) + Math.log(0.9)) / 3, 12);
    expect(timeAveragedScores({ path, outcome: 0 }).brier).toBeCloseTo((0.04 + 0.25 + 0.81) / 3, 12);
    expect(calibration([{ path, outcome: 1 }], 2)).toEqual([
      { from: 0, to: 0.5, forecasts: 1, mean_probability: 0.2, observed_frequency: 1 },
      { from: 0.5, to: 1, forecasts: 2, mean_probability: 0.7, observed_frequency: 1 },
    ]);
  });
});

describe("question files", () => {
  const names: Record<string, string> = { "vladimir putin": PUTIN, "volodymyr zelensky": ZELENSKY, budapest: "country:HU" };
  const resolve = (name: string) => (names[name.toLowerCase()] ? { id: names[name.toLowerCase()], name } : null);
  const head = "id: putin-zelensky\ntitle: Will they meet?\nopens: 2025-05-01\ndeadline: 2025-12-31\nprior: 0.1\n";

  it("derives one indicator per stance, each with its fitted ratio, and a preparatory step, for any pair and type", () => {
    const q = parseQuestion(`${head}event: { type: meet, participants: [Vladimir Putin, Volodymyr Zelensky], place: Budapest }\n`, "q.yaml", resolve);
    expect(q.event).toEqual({ type: "meet", participants: [PUTIN, ZELENSKY], place: "country:HU" });
    expect(q.default_indicators).toBe(true);
    const byStance = q.indicators.filter((i) => !i.match.counterpart && !i.match.on_record).map((i) => [i.match.stance.join(), i.lr]);
    expect(byStance).toEqual((["occurred", "scheduled", "discussed", "wanted", "unplanned", "refused", "called_off", "failed"] as const).map((s) => [s, PARAMS.lr[s]]));
    // And a date or venue a party sets on the record, with its own ratio.
    expect(q.indicators.filter((i) => i.match.on_record).map((i) => [i.match.stance.join(), i.lr])).toEqual([["scheduled", PARAMS.lr.set_on_record]]);
    expect(q.indicators.every((i) => i.match.participants_mode === "all" && i.match.participants.join() === [PUTIN, ZELENSKY].join())).toBe(true);
  });

  it("reads an event type through the claims of its family, as the ledger keeps them", () => {
    const q = parseQuestion(`${head}event: { type: attend, participants: [Vladimir Putin], place: Budapest }\nindicators:\n  - { name: x, lr: 2, match: { type: [attend, meet] } }\n`, "q.yaml", resolve);
    expect(q.event.type).toBe("visit");
    expect(q.indicators[0].match.type).toEqual(["visit", "meet"]);
  });

  it("reads a hand-written indicator's stances, or its polarity as the stances of that side", () => {
    const ind = (match: string) => parseQuestion(`${head}event: { type: meet, participants: [Vladimir Putin, Volodymyr Zelensky] }\nindicators:\n  - { name: x, lr: 2, match: ${match} }\n`, "q.yaml", resolve).indicators[0].match.stance;
    const cases: [string, Stance[]][] = [
      ["{ type: meet, stance: called_off }", ["called_off"]],
      ["{ type: meet, stance: [scheduled, occurred] }", ["scheduled", "occurred"]],
      ["{ type: meet, polarity: '-' }", ["unplanned", "refused", "called_off", "failed"]],
      ["{ type: meet }", ["occurred", "scheduled", "discussed", "wanted"]],
      ["{ type: meet, scheduled: true }", ["scheduled"]],
    ];
    for (const [match, stances] of cases) expect(ind(match), match).toEqual(stances);
  });

  it("refuses a value that refers to itself through a YAML alias with a message, not a crash", () => {
    const yaml = "id: c\ntitle: t\nopens: 2025-01-01\ndeadline: 2025-02-01\nprior: &a [*a, *a]\nevent:\n  type: visit\n  participants: [United States, China]\n";
    expect(() => parseQuestion(yaml, "q.yaml", (n) => `x:${n}`)).toThrow(QuestionError);
    expect(() => parseQuestion(yaml, "q.yaml", (n) => `x:${n}`)).toThrow(/prior: .*contains itself/);
  });

  it("names every bad field", () => {
    try {
      parseQuestion("id: Bad Id\ntitle: x\nopens: 2025-13-01\ndeadline: 2025-12-31\nprior: 1.5\nevent: { type: meet, participants: [Nobody Known], place: Atlantis }\nindicators:\n  - { name: x, match: { stance: maybe }, lr: 0 }\n", "q.yaml", resolve);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QuestionError);
      const msg = (err as Error).message;
      for (const field of ["id:", "opens:", "prior:", "event.participants[0]", "event.place", "indicators[0].lr", "indicators[0].match.type", "indicators[0].match.stance"]) expect(msg).toContain(field);
    }
  });
});

describe("what a question reads", () => {
  it("reads, for a country taking part, the people who held its offices while the question was open", async () => {
    const { questionScope } = await import("../src/app/questions.js");
    const q = question({ opens: "2025-04-01", deadline: "2025-06-30", event: { type: "sign", participants: ["country:US", "country:UA"], place: null }, indicators: defaultIndicators("sign", ["country:US", "country:UA"]) });
    const { entities } = questionScope(q);
    expect(entities).toEqual(expect.arrayContaining(["country:US", "country:UA", "person:scott-bessent", "person:yulia-svyrydenko", "person:steve-witkoff"]));
    // A question of people reads no one else's officials.
    expect(questionScope(Q).entities).not.toContain("person:steve-witkoff");
  });
});

describe("a party staying away from where the meeting was planned", () => {
  it("counts against the meeting once it was planned there, and not before or elsewhere", () => {
    const plan = ev({ stance: "wanted", place: "place:istanbul", origin: "ua", article: "p1", published: "2025-09-01" });
    const away = ev({ type: "visit", stance: "refused", participants: [PUTIN, "country:TR"], place: "place:istanbul", origin: "ru", article: "p2", published: "2025-09-03" });
    const withPlan = p([plan, away], "2025-09-03");
    expect(withPlan).toBeLessThan(p([plan], "2025-09-03"));
    // Without the plan there, a trip not made tells nothing of a meeting.
    expect(p([away], "2025-09-03")).toBeCloseTo(p([], "2025-09-03"), 9);
    const elsewhere = { ...away, report: "r-else", place: "place:geneva" };
    expect(p([plan, elsewhere], "2025-09-03")).toBeCloseTo(p([plan], "2025-09-03"), 9);
    // Someone else's trip not made, or a party "not coming" to its own country, is no party staying away.
    const other = { ...away, report: "r-other", participants: [PUTIN, WITKOFF] };
    expect(p([plan, other], "2025-09-03")).toBeCloseTo(p([plan], "2025-09-03"), 9);
    const home = { ...away, report: "r-home", participants: [TRUMP], place: "country:US" };
    const planHome = { ...plan, report: "r-plan-home", place: "country:US" };
    expect(p([planHome, home], "2025-09-03")).toBeCloseTo(p([planHome], "2025-09-03"), 9);
  });
});

describe("when a report puts its happening", () => {
  it("takes its own date, else its claim's, but a plan told undated does not take a date already past", () => {
    expect(reportTime("2021-06-16", "2021-04-13", "2021-05-20", "discussed")).toBe("2021-06-16");
    // An undated plan, its claim first dated by the April call in which it was proposed: no old news.
    expect(reportTime(null, "2021-04-13", "2021-05-20", "discussed")).toBeNull();
    // An undated plan of a claim dated ahead takes that date; an undated report of it held takes the past one.
    expect(reportTime(null, "2021-06-16", "2021-05-20", "scheduled")).toBe("2021-06-16");
    expect(reportTime(null, "2021-06-16", "2021-06-17", "occurred")).toBe("2021-06-16");
    expect(reportTime("PAST_REF", "2021-04-13", "2021-05-20", "discussed")).toBe("2021-04-13");
    expect(reportTime("FUTURE_REF", "2021-06-16", "2021-05-20", "discussed")).toBe("FUTURE_REF");
  });
});

describe("where a report puts its happening", () => {
  const row = (claim: string, place: string | null, claimPlace: string | null): EvidenceRow => {
    const { onRecord: _, ...e } = ev({ claim, place });
    return { ...e, source: [], claimTime: null, claimPlace };
  };
  it("a report naming no place takes its claim's when the claim's reports agree on where, and none when they do not", () => {
    const [agreeing, _geneva, placeless] = asEvidence([row("c1", null, "place:geneva"), row("c1", "place:geneva", "place:geneva"), row("c2", null, "org:white-house")]);
    expect(agreeing.place).toBe("place:geneva");
    // A city within the country named by another report still agrees.
    expect(asEvidence([row("c3", "country:CH", "place:geneva"), row("c3", "place:geneva", "place:geneva"), row("c3", null, "place:geneva")])[2].place).toBe("place:geneva");
    expect(placeless.place).toBe("org:white-house");
    // New York and the White House are two happenings merged: a report naming neither tells nothing of where.
    const merged = asEvidence([row("c4", "place:new-york", "org:white-house"), row("c4", "org:white-house", "org:white-house"), row("c4", null, "org:white-house")]);
    expect(merged[2].place).toBeNull();
    expect(merged.map((e) => e.place).slice(0, 2)).toEqual(["place:new-york", "org:white-house"]);
  });
  it("a plan told before its venue was named does not take the venue a later article gave it", () => {
    const dated = (published: string, place: string | null, stance: Evidence["stance"]): EvidenceRow => ({ ...row("c5", place, "place:moscow"), published, stance });
    const [plan, venue, later] = asEvidence([dated("2025-08-19", null, "scheduled"), dated("2025-09-03", "place:moscow", "wanted"), dated("2025-09-04", null, "discussed")]);
    expect(plan.place).toBeNull();
    expect(venue.place).toBe("place:moscow");
    expect(later.place).toBe("place:moscow");
    // What is told as held took place where its claim did.
    expect(asEvidence([dated("2025-08-19", null, "occurred"), dated("2025-09-03", "place:moscow", "wanted")])[0].place).toBe("place:moscow");
  });
});
