import { describe, expect, it } from "vitest";
import type { SourceRef, Stance } from "../src/domain/extraction.js";
import type { ClaimKey, Stage } from "../src/domain/ledger.js";
import { bestReport, humanWhen, nextStage, originSides, statementOf, statusHistory, type StatusReport } from "../src/link/05-status.js";
import { countryOf, sourceEntity, speaksFor } from "../src/extract/entity-facts.js";
import { shortName } from "../src/link/index.js";

const TRUMP = "person:donald-trump";
const KIM = "person:kim-jong-un";
const PUTIN = "person:vladimir-putin";

function rep(id: string, published: string | null, stance: Stance, origin: string, onRecord = false, time: string | null = null): StatusReport {
  return {
    id,
    claim_id: "c1",
    article_id: `a-${id}`,
    outlet: "Harbor City Ledger",
    published,
    near_duplicate_of: null,
    credits: [],
    factuality: "CT+",
    stance,
    background: false,
    source: [],
    time,
    origin_id: origin,
    origin,
    onRecord,
  };
}

/** The history as "stage status at" lines, easier to read in a table than objects. */
const lines = (reports: StatusReport[]) => statusHistory(reports).map((h) => `${h.stage} ${h.status} ${h.at}`);

describe("the stage after a report", () => {
  it("moves discussed → scheduled → occurred, to called off or failed, and back on; an occurrence stands", () => {
    const cases: [Stage | null, Stance, string | null, Stage | null][] = [
      [null, "discussed", null, "discussed"],
      [null, "wanted", null, "discussed"],
      [null, "scheduled", null, "scheduled"],
      [null, "occurred", null, "occurred"],
      [null, "occurred", "2025-10-15", "occurred"],
      [null, "occurred", "2025-10", "occurred"],
      // Told as held on a day still ahead: it is set, not held.
      [null, "occurred", "2025-10-30", "scheduled"],
      [null, "unplanned", null, "discussed"],
      [null, "refused", null, "discussed"],
      [null, "called_off", null, "called_off"],
      [null, "failed", null, "failed"],
      [null, "unknown", null, null],
      ["discussed", "scheduled", null, "scheduled"],
      ["discussed", "unplanned", null, "discussed"],
      ["scheduled", "discussed", null, "scheduled"],
      ["scheduled", "unplanned", null, "called_off"],
      ["scheduled", "refused", null, "called_off"],
      ["scheduled", "unknown", null, "scheduled"],
      ["called_off", "scheduled", null, "scheduled"],
      ["called_off", "discussed", null, "called_off"],
      ["called_off", "refused", null, "called_off"],
      ["failed", "occurred", null, "occurred"],
      ["occurred", "called_off", null, "occurred"],
      ["occurred", "failed", null, "occurred"],
      ["occurred", "scheduled", null, "occurred"],
    ];
    for (const [stage, stance, time, next] of cases) expect(nextStage(stage, rep("1", "2025-10-20", stance, "a", false, time)), `${stage} + ${stance} ${time ?? ""}`).toBe(next);
  });
});

describe("a claim's stage and status history", () => {
  const cases: { name: string; reports: StatusReport[]; history: string[] }[] = [
    {
      name: "discussed, then scheduled, then held",
      reports: [rep("1", "2025-10-01", "discussed", "a"), rep("2", "2025-10-05", "scheduled", "b"), rep("3", "2025-10-30", "occurred", "c", false, "2025-10-30")],
      history: ["discussed reported 2025-10-01", "scheduled reported 2025-10-05", "occurred reported 2025-10-30"],
    },
    {
      name: "corroborated by a second origin, not by the same one again",
      reports: [rep("1", "2025-10-01", "discussed", "a"), rep("2", "2025-10-02", "wanted", "a"), rep("3", "2025-10-03", "discussed", "b")],
      history: ["discussed reported 2025-10-01", "discussed corroborated 2025-10-03"],
    },
    {
      name: "called off and back on",
      reports: [rep("1", "2018-05-10", "scheduled", "a"), rep("2", "2018-05-24", "called_off", "b"), rep("3", "2018-06-01", "scheduled", "c")],
      history: ["scheduled reported 2018-05-10", "called_off reported 2018-05-24", "scheduled reported 2018-06-01"],
    },
    {
      name: "a party saying no meeting is planned calls off a scheduled one, on the record",
      reports: [rep("1", "2025-10-16", "scheduled", "gov:US", true), rep("2", "2025-10-21", "unplanned", "gov:RU", true)],
      history: ["scheduled confirmed 2025-10-16", "called_off confirmed 2025-10-21"],
    },
    {
      name: "an outlet's word that one side refuses calls it off, as reported",
      reports: [rep("1", "2025-10-16", "scheduled", "a"), rep("2", "2025-10-21", "refused", "b")],
      history: ["scheduled reported 2025-10-16", "called_off reported 2025-10-21"],
    },
    {
      name: "a plan confirmed on the record does not confirm its occurrence",
      reports: [rep("1", "2025-09-20", "scheduled", "gov:US", true), rep("2", "2025-10-30", "occurred", "outlet:cnn", false, "2025-10-30"), rep("3", "2025-10-31", "occurred", "gov:US", true, "2025-10-30")],
      history: ["scheduled confirmed 2025-09-20", "occurred reported 2025-10-30", "occurred confirmed 2025-10-31"],
    },
    {
      name: "a party talking of a meeting on the record does not confirm that it is set",
      reports: [rep("1", "2025-10-01", "scheduled", "a"), rep("2", "2025-10-02", "discussed", "gov:US", true), rep("3", "2025-10-03", "wanted", "gov:KP", true)],
      history: ["scheduled reported 2025-10-01"],
    },
    {
      name: "denied by a party on the record",
      reports: [rep("1", "2025-10-18", "discussed", "outlet:cnn"), rep("2", "2025-10-24", "refused", "gov:KP", true)],
      history: ["discussed reported 2025-10-18", "discussed denied 2025-10-24"],
    },
    {
      name: "an occurrence a party says did not happen stands, denied",
      reports: [rep("1", "2025-10-18", "occurred", "a"), rep("2", "2025-10-19", "failed", "gov:KP", true)],
      history: ["occurred reported 2025-10-18", "occurred denied 2025-10-19"],
    },
    {
      name: "contradicted by another origin off the record",
      reports: [rep("1", "2025-10-18", "discussed", "outlet:cnn"), rep("2", "2025-10-20", "unplanned", "name:meridian-post")],
      history: ["discussed reported 2025-10-18", "discussed contradicted 2025-10-20"],
    },
    {
      name: "one origin telling both ways contradicts no one",
      reports: [rep("1", "2025-10-19", "occurred", "a", false, "2019"), rep("2", "2025-10-19", "failed", "a", false, "2019")],
      history: ["occurred reported 2025-10-19"],
    },
    {
      name: "reports with no day are left out",
      reports: [rep("1", null, "occurred", "a"), rep("2", "2025-10-18", "discussed", "b")],
      history: ["discussed reported 2025-10-18"],
    },
    {
      name: "reports of one day count together: only the day's end shows",
      reports: [rep("1", "2025-10-18", "discussed", "a"), rep("2", "2025-10-18", "scheduled", "b"), rep("3", "2025-10-18", "scheduled", "c")],
      history: ["scheduled corroborated 2025-10-18"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(lines(c.reports)).toEqual(c.history);
      expect(lines([...c.reports].reverse())).toEqual(c.history);
    });
  }
});

describe("a claim in plain words", () => {
  const names = new Map([["local:pak-chol-su", "Pak Chol Su"]]);
  const nameOf = (id: string) => shortName(id, names);
  const claim = (type: string, participants: string[], place: string | null = null, eventTime: string | null = null): ClaimKey => ({ id: "c1", type, participants, place, eventTime, firstReported: null, lastReported: null, historical: false });

  it("writes when a reader would: a day, a month, a week, or nothing for vaguer times", () => {
    const cases: [string | null, string][] = [
      ["2025-08-15", " on Aug. 15, 2025"],
      ["2018-06-12", " on June 12, 2018"],
      ["2025-05-01", " on May 1, 2025"],
      ["2025-10-18TMO", " on Oct. 18, 2025"],
      ["2021-06", " in June 2021"],
      ["2025-03", " in March 2025"],
      ["2025-09", " in September 2025"],
      ["2019-02", " in February 2019"],
      ["2025-W42", " in the week of Oct. 13, 2025"],
      ["2025-FA", ""],
      ["2025-Q4", ""],
      ["2025", ""],
      ["FUTURE_REF", ""],
      ["PAST_REF", ""],
      [null, ""],
    ];
    for (const [time, words] of cases) expect(humanWhen(time), String(time)).toBe(words);
  });

  it("says each stage of each kind of happening, with its place, day and voice", () => {
    const cases: [ClaimKey, Stage, string | null, string][] = [
      [claim("meet", [TRUMP, PUTIN], "country:HU"), "scheduled", "Trump says", "Trump and Putin to meet in Hungary, Trump says"],
      [claim("meet", [TRUMP, PUTIN], "place:alaska", "2025-08-15"), "occurred", null, "Trump and Putin met in Alaska on Aug. 15, 2025"],
      [claim("meet", [TRUMP, KIM]), "discussed", "CNN reports", "Trump and Kim may meet, CNN reports"],
      [claim("meet", [TRUMP, KIM], "country:SG", "2018-06-12"), "called_off", null, "Trump and Kim meeting in Singapore on June 12, 2018 called off"],
      [claim("meet", [TRUMP, PUTIN, "person:volodymyr-zelenskyy"]), "failed", null, "Trump, Putin and Zelenskyy did not meet"],
      [claim("meet", ["org:white-house", "local:pak-chol-su"]), "discussed", null, "Pak Chol Su and the White House may meet"],
      [claim("communicate", [TRUMP, "person:xi-jinping"], null, "2025-09-19"), "occurred", null, "Trump and Xi spoke on Sept. 19, 2025"],
      [claim("sign", [TRUMP, KIM], "country:SG", "2018-06-12"), "occurred", null, "Trump and Kim signed an agreement in Singapore on June 12, 2018"],
      [claim("visit", ["person:lee-jae-myung", "country:US"], null, "2025-08"), "scheduled", null, "Lee to visit United States in August 2025"],
      [claim("missile_test", ["country:KP"], null, "2025-10-22"), "occurred", "KCNA reports", "Missile test: North Korea on Oct. 22, 2025, KCNA reports"],
      [claim("military_exercise", ["country:US", "country:KR"]), "called_off", null, "Military exercises called off: United States and South Korea"],
    ];
    for (const [c, stage, voice, words] of cases) expect(statementOf(c, stage, nameOf, voice), words).toBe(words);
  });

  it("names the visitor first, whatever order the parties are kept in", () => {
    const cases: [string[], string][] = [
      [["country:US", "person:lee-jae-myung"], "Lee to visit United States"],
      [["country:CN", TRUMP], "Trump to visit China"],
      [["country:KP", "person:xi-jinping"], "Xi to visit North Korea"],
    ];
    for (const [participants, words] of cases) expect(statementOf(claim("visit", participants), "scheduled", nameOf, null)).toBe(words);
  });
});

describe("the report a statement is told from, and the origins on each side", () => {
  it("takes a report of the current stage, on the record first, then the earliest", () => {
    const reports = [rep("1", "2025-10-01", "discussed", "a"), rep("2", "2025-10-05", "scheduled", "b"), rep("3", "2025-10-06", "scheduled", "gov:US", true), rep("4", "2025-10-04", "scheduled", "c")];
    const cases: [StatusReport[], Stage, string | null][] = [
      [reports, "scheduled", "3"],
      [reports.filter((r) => r.id !== "3"), "scheduled", "4"],
      [reports, "discussed", "1"],
      // No report tells the stage: the best of all of them.
      [reports, "called_off", "3"],
      [[], "scheduled", null],
    ];
    for (const [rs, stage, id] of cases) expect(bestReport(rs, stage)?.id ?? null, `${stage} of ${rs.map((r) => r.id)}`).toBe(id);
  });

  it("sides each origin with its latest report", () => {
    const cases: [StatusReport[], { for: number; against: number }][] = [
      [[rep("1", "2025-10-01", "scheduled", "a"), rep("2", "2025-10-02", "discussed", "b")], { for: 2, against: 0 }],
      [[rep("1", "2025-10-01", "scheduled", "a"), rep("2", "2025-10-05", "called_off", "a"), rep("3", "2025-10-02", "discussed", "b"), rep("4", "2025-10-03", "refused", "c")], { for: 1, against: 2 }],
      [[rep("2", "2025-10-05", "scheduled", "a"), rep("1", "2025-10-01", "unplanned", "a")], { for: 1, against: 0 }],
      [[rep("1", "2025-10-01", "failed", "a"), rep("2", "2025-10-01", "occurred", "b")], { for: 1, against: 1 }],
      [[], { for: 0, against: 0 }],
    ];
    for (const [rs, sides] of cases) expect(originSides(rs)).toEqual(sides);
  });
});

describe("on the record", () => {
  const trumpKim = [TRUMP, KIM];

  it("counts a party, its government's bodies and officeholders, and its state media", () => {
    const cases: [SourceRef, boolean][] = [
      [{ text: "Trump", entity: TRUMP }, true],
      [{ text: "the White House", entity: "org:white-house" }, true],
      [{ text: "Pyongyang", entity: "country:KP" }, true],
      [{ text: "Secretary of State Mike Pompeo", entity: "person:mike-pompeo" }, true],
      [{ text: "KCNA", entity: "outlet:kcna" }, true],
      [{ text: "North Korean state media", entity: "country:KP" }, true],
      [{ text: "The White House press secretary", entity: null }, true],
      // Unnamed officials, other outlets, other governments, no one.
      [{ text: "U.S. officials", entity: "country:US" }, false],
      // A country's press is not its government.
      [{ text: "North Korean media", entity: "country:KP" }, false],
      [{ text: "American newspapers", entity: "country:US" }, false],
      [{ text: "a senior White House official", entity: null }, false],
      [{ text: "CNN", entity: "outlet:cnn" }, false],
      [{ text: "Moon Jae-in", entity: "person:moon-jae-in" }, false],
    ];
    for (const [ref, on] of cases) expect(speaksFor(ref, trumpKim, "2018-06-12"), ref.text).toBe(on);
    expect(speaksFor(undefined, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor({ text: "two Turkish sources", entity: "country:TR" }, ["country:TR"], "2024-07-08")).toBe(false);
  });

  it("counts a spokesperson by the office of the day, and a source named by a title alone by whoever held it", () => {
    const cases: [string, string, string | null][] = [
      ["person:sarah-huckabee-sanders", "2019-02-28", "country:US"],
      ["person:dmitry-peskov", "2022-03-01", "country:RU"],
    ];
    for (const [id, date, country] of cases) expect(countryOf(id, date)).toBe(country);
    const secretary = (date: string | null) => sourceEntity({ text: "The White House press secretary", entity: null }, date);
    expect([secretary("2025-10-24"), secretary("2019-02-28"), secretary(null), secretary("2025-10-24")]).toEqual(["person:karoline-leavitt", "person:sarah-huckabee-sanders", null, "person:karoline-leavitt"]);
    expect(sourceEntity({ text: "a senior White House official", entity: null }, "2025-10-24")).toBeNull();
  });
});
