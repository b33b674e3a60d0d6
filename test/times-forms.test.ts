import { describe, expect, it } from "vitest";
import type { TimeExpr } from "../src/domain/extraction.js";
import { tokenize } from "../src/extract/01-tokens.js";
import { readTimes } from "../src/extract/03-times.js";

function times(text: string, dct: string | null): TimeExpr[] {
  return readTimes(tokenize(text), dct);
}

interface Case {
  text: string;
  dct: string;
  span: string;
  value: string;
  type?: TimeExpr["type"];
}

// Written forms of real reporting: a month with a deictic year, dates with no space, weekends, days of the month.
const cases: Case[] = [
  // A month and a year counted from the DCT read as one expression.
  { text: "Exports peaked in December last year, customs data showed.", dct: "2025-03-10", span: "December last year", value: "2024-12" },
  { text: "The ministry revised its forecast in March this year.", dct: "2025-10-20", span: "March this year", value: "2025-03" },
  { text: "The new tariffs take effect in January next year.", dct: "2025-10-20", span: "January next year", value: "2026-01" },
  { text: "The talks stalled in early September last year.", dct: "2025-10-20", span: "early September last year", value: "2024-09" },
  { text: "The army began its offensive in mid-June last year.", dct: "2025-10-20", span: "mid-June last year", value: "2024-06" },
  { text: "Elections are due by April next year, the commission said.", dct: "2025-10-20", span: "April next year", value: "2026-04" },
  { text: "The rouble slid sharply last December.", dct: "2025-02-01", span: "last December", value: "2024-12" },
  { text: "The regulator fined the bank in October this year.", dct: "2025-12-02", span: "October this year", value: "2025-10" },
  // A participle of scheduling with no auxiliary dates what lies ahead, whatever the tense of the clause it hangs on;
  // with one, the clause's tense decides.
  { text: "Trump had signalled in July that he would stay away from the summit, set for Nov. 22-23.", dct: "2025-09-06", span: "Nov. 22", value: "2025-11-22" },
  { text: "The envoy said the talks, scheduled for March 3, were postponed.", dct: "2025-01-20", span: "March 3", value: "2025-03-03" },
  { text: "The summit had been set for Feb. 20, but it never took place.", dct: "2025-09-06", span: "Feb. 20", value: "2025-02-20" },
  // Abbreviated months with no space before the day, and ranges.
  { text: "Kyiv and Moscow exchanged prisoners on Aug.24, officials said.", dct: "2025-08-26", span: "Aug.24", value: "2025-08-24" },
  { text: "The hearing is scheduled for Sept.9 in The Hague.", dct: "2025-08-26", span: "Sept.9", value: "2025-09-09" },
  { text: "Delegates met Oct.2 in Vienna.", dct: "2025-10-20", span: "Oct.2", value: "2025-10-02" },
  { text: "Voting runs Nov.3-4 across the country.", dct: "2025-10-20", span: "Nov.3", value: "2025-11-03" },
  { text: "Voting runs Nov.3-4 across the country.", dct: "2025-10-20", span: "4", value: "2025-11-04" },
  { text: "The forum ran Jan. 10-12, 2024, organisers said.", dct: "2025-10-20", span: "Jan. 10", value: "2024-01-10" },
  { text: "The forum ran Jan. 10-12, 2024, organisers said.", dct: "2025-10-20", span: "12, 2024", value: "2024-01-12" },
  // Weekends: told in the past, the last one; otherwise the one coming.
  { text: "Drone strikes hit the port over the weekend, the governor said.", dct: "2025-08-11", span: "the weekend", value: "2025-W32-WE" },
  { text: "Talks continued through the weekend in Riyadh.", dct: "2025-03-24", span: "the weekend", value: "2025-W12-WE" },
  { text: "More protests are planned over the weekend.", dct: "2025-08-13", span: "the weekend", value: "2025-W33-WE" },
  { text: "Rescuers worked through the weekend as the water rose.", dct: "2025-08-10", span: "the weekend", value: "2025-W32-WE" },
  // Parts of months, ends of periods and vague futures.
  { text: "Shelling resumed on Sunday night, the army said.", dct: "2025-10-20", span: "Sunday night", value: "2025-10-19TNI", type: "TIME" },
  { text: "Fuel prices climbed late last month.", dct: "2025-10-20", span: "late last month", value: "2025-09" },
  { text: "The deputy minister resigned earlier this month.", dct: "2025-10-20", span: "earlier this month", value: "2025-10" },
  { text: "The rebels withdrew from the town in mid-August.", dct: "2025-10-20", span: "mid-August", value: "2025-08" },
  { text: "Payments must be made by the end of the month.", dct: "2025-10-20", span: "by the end of the month", value: "2025-10" },
  { text: "The mission is expected to wind down by the end of the year.", dct: "2025-10-20", span: "by the end of the year", value: "2025" },
  { text: "A ruling is expected within weeks.", dct: "2025-10-20", span: "within weeks", value: "FUTURE_REF" },
  { text: "The deadline falls three weeks from now.", dct: "2025-10-20", span: "three weeks from now", value: "2025-W46" },
  // A day of the month, named by its ordinal.
  { text: "The ballots will be counted on the 23rd, officials said.", dct: "2025-10-20", span: "the 23rd", value: "2025-10-23" },
  { text: "Troops had left the city by the 3rd.", dct: "2025-10-20", span: "the 3rd", value: "2025-10-03" },
  { text: "The strike began on the 28th and is still going on.", dct: "2025-10-20", span: "the 28th", value: "2025-09-28" },
  { text: "Parliament reconvenes on the 2nd of next month.", dct: "2025-10-20", span: "the 2nd of next month", value: "2025-11-02" },
  { text: "The talks will resume on Tuesday the 28th.", dct: "2025-10-20", span: "Tuesday the 28th", value: "2025-10-28" },
  // A copula and a schedule word point forward; "due to" a noun gives a cause.
  { text: "The envoy was due in Pyongyang on Wednesday for talks.", dct: "2019-02-05", span: "Wednesday", value: "2019-02-06" },
  { text: "The drop in March was due to weak demand.", dct: "2019-02-05", span: "March", value: "2018-03" },
  // a temporal clause's present tells what is still ahead, whatever the reporting verb after the comma
  { text: "Putin will not make it to North Korea before Russia votes in March, the Kremlin indicated on Tuesday.", dct: "2024-01-23", span: "March", value: "2024-03" },
  // "this summer" is the current year's whatever the tense; a wish to act on a weekday looks forward.
  { text: "Asked whether a summit could take place this summer, the spokesman said it was premature.", dct: "2021-04-14", span: "this summer", value: "2021-SU" },
  { text: "Asked about the cold, officials said this winter had been mild.", dct: "2025-01-20", span: "this winter", value: "2024-WI" },
  { text: "The minister said he wanted to visit Kyiv on Friday.", dct: "2025-02-25", span: "Friday", value: "2025-02-28" },
  // A comma, or a possessive, keeps a deictic year apart from the month.
  { text: "In November, last year's winner returned to the race.", dct: "2025-10-20", span: "November", value: "2024-11" },
  // A weekday restated by its date is one expression, valued by the date.
  { text: "The vote will be held next Sunday, Nov. 2, the commission said.", dct: "2025-10-22", span: "next Sunday, Nov. 2", value: "2025-11-02" },
];

describe("readTimes: forms of real reporting", () => {
  it.each(cases)("$span in “$text” ($dct)", ({ text, dct, span, value, type }) => {
    const found = times(text, dct);
    const hit = found.find((t) => t.text === span);
    expect(hit, `found: ${found.map((t) => `${t.text}=${t.value}`).join(", ")}`).toBeDefined();
    expect(hit!.value).toBe(value);
    if (type) expect(hit!.type).toBe(type);
    expect(text.slice(hit!.start, hit!.end)).toBe(span);
  });

  it.each([
    ["It marked the 75th anniversary of the armistice.", "75th"],
    ["She lives on the 12th floor of the tower.", "12th"],
    ["He called it a challenge for the 21st-century economy.", "21st"],
    ["Officials said that day-long talks were planned.", "that day"],
    ["A same-day delivery service expanded to the north.", "same"],
    ["The hotel offers a 24-hour check-in on the 3rd level.", "3rd"],
  ])("does not read a time in “%s”", (text, word) => {
    const found = times(text, "2025-10-20");
    expect(found.filter((t) => t.text.includes(word)), found.map((t) => t.text).join(", ")).toEqual([]);
  });
});
