import { describe, expect, it } from "vitest";
import type { Evidence, Question } from "../src/domain/forecast.js";
import { DEFAULT_ENGINE_OPTIONS, forecast, matchIndicator, replay } from "../src/forecast/engine.js";
import { defaultIndicators, parseQuestion, QuestionError } from "../src/forecast/question.js";
import { calibration, timeAveragedScores } from "../src/forecast/scores.js";

const A = "person:leader-a";
const B = "person:leader-b";
const question: Question = {
  id: "q",
  title: "Will A and B meet?",
  criteria: "",
  opens: "2025-01-01",
  deadline: "2025-12-31",
  prior: 0.2,
  event: { type: "meet", participants: [A, B], place: null },
  indicators: defaultIndicators("meet", [A, B]),
  default_indicators: true,
};

let n = 0;
function ev(over: Partial<Evidence>): Evidence {
  n++;
  return { report: `r${String(n).padStart(3, "0")}`, claim: "c1", article: `a${n}`, type: "meet", participants: [A, B], mentionParticipants: [A, B], published: "2025-03-01", factuality: "PR+", origin: "outlet:x", onRecord: false, eventTime: null, ...over };
}

describe("forecast engine", () => {
  it("counts re-reports of one origin once and a second independent origin less than the first", () => {
    const one = forecast(question, [ev({})], "2025-03-01").probability;
    const ten = forecast(question, Array.from({ length: 10 }, () => ev({})), "2025-03-01").probability;
    expect(ten).toBe(one);
    const two = forecast(question, [ev({}), ev({ origin: "outlet:y" })], "2025-03-01").probability;
    expect(two).toBeGreaterThan(one);
    const base = forecast(question, [], "2025-03-01").probability;
    const logit = (p: number) => Math.log(p / (1 - p));
    // The second origin adds originDecay times what the first did, in log-odds.
    expect(logit(two) - logit(one)).toBeCloseTo((logit(one) - logit(base)) * DEFAULT_ENGINE_OPTIONS.originDecay, 9);
  });

  it("lets a firmer report of the same origin add only the difference", () => {
    const hedged = forecast(question, [ev({ factuality: "PS+" })], "2025-03-01").probability;
    const firm = forecast(question, [ev({ factuality: "CT+" })], "2025-03-01").probability;
    const both = forecast(question, [ev({ factuality: "PS+" }), ev({ factuality: "CT+", published: "2025-03-01" })], "2025-03-01").probability;
    expect(hedged).toBeLessThan(firm);
    expect(both).toBeCloseTo(firm, 12);
  });

  it("lowers the odds on denials and on time passing without a date, and keeps them while a date stands", () => {
    const start = forecast(question, [], "2025-01-01").probability;
    const later = forecast(question, [], "2025-07-01").probability;
    expect(later).toBeLessThan(start);
    const denied = forecast(question, [ev({ factuality: "CT-", onRecord: true, published: "2025-02-01" })], "2025-02-01").probability;
    expect(denied).toBeLessThan(forecast(question, [], "2025-02-01").probability);
    const dated = [ev({ factuality: "CT+", eventTime: "2025-09-15", published: "2025-05-01" })];
    expect(forecast(question, dated, "2025-09-01").probability).toBeCloseTo(forecast(question, dated, "2025-05-01").probability, 12);
  });

  it("resolves YES on a confirmed past meeting inside the window and NO when the deadline passes", () => {
    const met = [ev({ factuality: "CT+", eventTime: "2025-06-12", published: "2025-06-12", onRecord: true })];
    const f = forecast(question, met, "2025-06-30");
    expect(f.status).toBe("yes");
    expect(f.probability).toBe(1);
    expect(f.resolved_at).toBe("2025-06-12");
    const two = [ev({ factuality: "CT+", eventTime: "2025-06-12", published: "2025-06-13" }), ev({ factuality: "CT+", eventTime: "2025-06-12", published: "2025-06-13", origin: "outlet:y" })];
    expect(forecast(question, two, "2025-06-30").status).toBe("yes");
    expect(forecast(question, [two[0]], "2025-06-30").status).toBe("open");
    const none = forecast(question, [], "2026-01-02");
    expect(none.status).toBe("no");
    expect(none.probability).toBe(0);
  });

  it("resolves only on a report whose own sentence names every participant", () => {
    const aide = [ev({ factuality: "CT+", eventTime: "2025-06-12", published: "2025-06-12", onRecord: true, mentionParticipants: [B] })];
    expect(forecast(question, aide, "2025-06-30").status).toBe("open");
  });

  it("does not resolve YES from a meeting that happened before the question opened", () => {
    const late: Question = { ...question, opens: "2025-07-01" };
    const before = [ev({ factuality: "CT+", eventTime: "2025-06-12", published: "2025-07-02", onRecord: true })];
    expect(forecast(late, before, "2025-07-10").status).toBe("open");
  });

  it("replays with no look-ahead", () => {
    const evidence = [ev({ published: "2025-02-10", factuality: "CT+" }), ev({ published: "2025-04-10", factuality: "CT-", onRecord: true, origin: "outlet:z" })];
    const path = replay(question, evidence, "2025-02-01", "2025-04-30", 7);
    for (const point of path) {
      const visible = evidence.filter((e) => e.published <= point.date);
      expect(point.probability).toBe(forecast(question, visible, point.date).probability);
    }
    expect(path.map((p) => p.date).slice(0, 3)).toEqual(["2025-02-01", "2025-02-08", "2025-02-15"]);
  });

  it("ignores old news: a report of a happening that was over well before publication", () => {
    const fresh = forecast(question, [ev({ type: "meet", factuality: "CT-", eventTime: "2025-02-01", published: "2025-02-02", onRecord: true })], "2025-02-10").probability;
    const stale = forecast(question, [ev({ type: "meet", factuality: "CT-", eventTime: "2025-02-01", published: "2025-02-09", onRecord: true })], "2025-02-10").probability;
    expect(fresh).toBeLessThan(stale);
    expect(stale).toBeCloseTo(forecast(question, [], "2025-02-10").probability, 12);
  });

  it("matches a negated report to the inverse indicator when no indicator fits it as written", () => {
    const custom = [{ name: "letter", lr: 2, match: { type: ["communicate"], participants: [A, B], participants_mode: "all" as const, polarity: "+" as const, on_record: false, scheduled: false } }];
    expect(matchIndicator(custom, ev({ type: "communicate", factuality: "CT-" }))).toMatchObject({ sign: -1 });
    expect(matchIndicator(custom, ev({ type: "communicate", factuality: "CT+" }))).toMatchObject({ sign: 1 });
    expect(matchIndicator(custom, ev({ type: "meet" }))).toBeNull();
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
    const cal = calibration([{ path, outcome: 1 }], 2);
    expect(cal).toEqual([
      { from: 0, to: 0.5, forecasts: 1, mean_probability: 0.2, observed_frequency: 1 },
      { from: 0.5, to: 1, forecasts: 2, mean_probability: 0.7, observed_frequency: 1 },
    ]);
  });
});

describe("question files", () => {
  const names: Record<string, string> = { "vladimir putin": "person:vladimir-putin", "volodymyr zelensky": "person:volodymyr-zelensky" };
  const resolve = (name: string) => (names[name.toLowerCase()] ? { id: names[name.toLowerCase()], name } : null);
  it("derives default indicators for any pair and any event type", () => {
    const q = parseQuestion("id: putin-zelensky\ntitle: Will they meet?\nopens: 2025-05-01\ndeadline: 2025-12-31\nprior: 0.1\nevent: { type: meet, participants: [Vladimir Putin, Volodymyr Zelensky] }\n", "q.yaml", resolve);
    expect(q.event.participants).toEqual(["person:vladimir-putin", "person:volodymyr-zelensky"]);
    expect(q.default_indicators).toBe(true);
    expect(q.indicators.map((i) => i.match.polarity)).toContain("-");
  });
  it("names every bad field", () => {
    try {
      parseQuestion("id: Bad Id\ntitle: x\nopens: 2025-13-01\ndeadline: 2025-12-31\nprior: 1.5\nevent: { type: meet, participants: [Nobody Known] }\nindicators:\n  - { name: x, match: {}, lr: 0 }\n", "q.yaml", resolve);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QuestionError);
      const msg = (err as Error).message;
      for (const field of ["id:", "opens:", "prior:", "event.participants[0]", "indicators[0].lr", "indicators[0].match.type"]) expect(msg).toContain(field);
    }
  });
});

describe("old news", () => {
  it("does not count a negated undated past report ('has never met') against a meeting to come", () => {
    const never = ev({ factuality: "CT-", eventTime: "PAST_REF", published: "2025-03-01" });
    expect(forecast(question, [never], "2025-03-01").probability).toBeCloseTo(forecast(question, [], "2025-03-01").probability, 12);
  });
});
