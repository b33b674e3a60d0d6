import { describe, expect, it } from "vitest";
import { extract } from "../src/extract/index.js";

interface Case {
  text: string;
  date: string;
  /** The trigger as written; the first event with this text is checked. */
  trigger: string;
  time: string;
}

// The time an event gets from its own clause: an appositive date restating a relative one is one time, valued by the date.
const cases: Case[] = [
  { text: "The vote will be held next Sunday, Nov. 2, the commission said.", date: "2025-10-22", trigger: "vote", time: "2025-11-02" },
  { text: "The talks, scheduled for Oct. 30 in Busan, will be the first in six years.", date: "2025-10-20", trigger: "talks", time: "2025-10-30" },
  { text: "Trump said the meeting with Xi would take place on Thursday, Oct. 30, in South Korea.", date: "2025-10-20", trigger: "meeting", time: "2025-10-30" },
  { text: "The signing ceremony takes place tomorrow, Oct. 21, in the capital.", date: "2025-10-20", trigger: "ceremony", time: "2025-10-21" },
  { text: "On Friday, Aug. 15, the two presidents met at a base in Anchorage.", date: "2025-08-16", trigger: "met", time: "2025-08-15" },
  { text: "The summit will open on Monday, Sept. 1, officials in Tianjin said.", date: "2025-08-28", trigger: "summit", time: "2025-09-01" },
  { text: "The leaders first met in June 2018; their second summit, in Hanoi the following year, collapsed.", date: "2025-10-20", trigger: "summit", time: "2019" },
  // a time in a clause of time after the trigger dates the clause, not what comes before or after it
  { text: "The signing was scrapped after the Oval Office quarrel on Feb. 28.", date: "2025-03-12", trigger: "signing", time: "2025-02-28" },
  { text: "Their last meeting before Busan was in Osaka in June 2019.", date: "2025-10-31", trigger: "meeting", time: "2019-06" },
  // a time in an aside a participle opens dates the participle, unless it sets or moves the happening
  { text: "The talks, scheduled for June 16, will take place in Geneva.", date: "2022-02-24", trigger: "talks", time: "2022-06-16" },
  // "as planned" tells how, not when: the verb before it keeps the tense
  { text: "The meeting went ahead as planned on Friday.", date: "2025-10-20", trigger: "meeting", time: "2025-10-17" },
  // "pencilled in for" looks ahead, as "set for" does
  { text: "Blinken said his meeting with Lavrov, pencilled in for Thursday in Geneva, was still on.", date: "2022-02-20", trigger: "meeting", time: "2022-02-24" },
  // a plan told in the past is for a time after it: its month is the nearest one, not the last gone by
  { text: "U.S. media reported that his aides had begun planning for talks with Xi in November.", date: "2023-10-06", trigger: "talks", time: "2023-11" },
  { text: "Officials said the visit had been planned for February, but it never took place.", date: "2023-03-20", trigger: "visit", time: "2023-02" },
  // a visit made to attend a gathering takes the day of the visitor's attendance told elsewhere in the article
  { text: "Kim Jong Un will travel to Beijing to attend China's military parade, KCNA said. An official said Putin and Kim would attend the Sept. 3 event.", date: "2025-08-28", trigger: "travel", time: "2025-09-03" },
  // so is a happening only talked of: "in the spring", told in February, is the spring ahead; the talk stays past
  { text: "Russian officials have since spoken of a visit in the spring without saying when.", date: "2023-02-22", trigger: "visit", time: "2023-SP" },
  // a day named beats a vague "recently" beside it
  { text: "The two leaders met face to face most recently in Samarkand last September.", date: "2023-02-22", trigger: "met", time: "2022-09" },
];

describe("what comes before or after a dated happening", () => {
  it.each([
    ["Xi Jinping is planning to speak with Volodymyr Zelensky, most likely after he travels to Moscow next week.", "speak", "travels"],
    ["Officials declined to confirm that Xi would visit Moscow next week or speak to Zelensky afterwards.", "speak", "visit"],
  ])("%s", (text, undated, dated) => {
    const x = extract({ text, date: "2023-03-13" });
    expect(x.events.find((e) => e.trigger.text === undated)?.time ?? null).toBeNull();
    expect(x.events.find((e) => e.trigger.text === dated)?.time).toBe("2023-W12");
  });
});

describe("a time in an aside a participle opens", () => {
  it("dates the participle, not the happening before it", () => {
    const x = extract({ text: "The summit itself, agreed in principle on Sunday night, is now a dead letter.", date: "2022-02-24" });
    expect(x.events.find((e) => e.trigger.text === "summit")?.time ?? null).toBeNull();
  });
});

describe("event times", () => {
  it.each(cases)("$trigger in “$text”", ({ text, date, trigger, time }) => {
    const x = extract({ text, date });
    const event = x.events.find((e) => e.trigger.text === trigger);
    expect(event, x.events.map((e) => e.trigger.text).join(", ")).toBeDefined();
    expect(event!.time).toBe(time);
  });

  it("measures the distance to the near edge of a long date: the proposal's day does not win over the meeting's", () => {
    const text = "Russia proposed on Wednesday that its negotiators meet Ukraine's again in Istanbul on Monday, June 2, to hand over a memorandum.";
    const x = extract({ text, date: "2025-05-28" });
    expect(x.events.find((e) => e.trigger.text === "proposed")?.time).toBe("2025-05-28");
    expect(x.events.find((e) => e.trigger.text === "meet")?.time).toBe("2025-06-02");
  });

  it("does not merge a list of weekdays into one time", () => {
    const x = extract({ text: "The delegations met Monday, Tuesday and Wednesday in Geneva.", date: "2025-10-23" });
    expect(x.times.map((t) => t.value)).toEqual(["2025-10-20", "2025-10-21", "2025-10-22"]);
  });
});
