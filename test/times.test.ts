import { describe, expect, it } from "vitest";
import type { TimeExpr } from "../src/domain/extraction.js";
import { tokenize } from "../src/extract/01-tokens.js";
import { readTimes } from "../src/extract/03-times.js";

function times(text: string, dct: string | null): TimeExpr[] {
  return readTimes(tokenize(text), dct);
}

interface Case {
  text: string;
  dct: string | null;
  /** The expression's exact surface text. */
  span: string;
  value: string;
  type?: TimeExpr["type"];
}

const cases: Case[] = [
  // Absolute dates in every written form.
  { text: "The meeting took place on October 18, 2025 in Seoul.", dct: "2025-10-20", span: "October 18, 2025", value: "2025-10-18", type: "DATE" },
  { text: "Officials met on Oct. 18 in Seoul.", dct: "2025-10-20", span: "Oct. 18", value: "2025-10-18" },
  { text: "The accord was signed 18 October 2025 in Geneva.", dct: "2025-11-01", span: "18 October 2025", value: "2025-10-18" },
  { text: "The file is dated 2025-10-18 in the registry.", dct: null, span: "2025-10-18", value: "2025-10-18" },
  { text: "The record was stamped 2025-10-18T09:30:00Z by the server.", dct: null, span: "2025-10-18T09:30:00Z", value: "2025-10-18T09:30Z", type: "TIME" },
  { text: "The form was filed on 10/18/2025 by the company.", dct: null, span: "10/18/2025", value: "2025-10-18" },
  { text: "The summit is set for Monday, March 12, 2018 in Singapore.", dct: "2018-03-01", span: "Monday, March 12, 2018", value: "2018-03-12" },
  { text: "Apple announced the handset on April 2nd at an event.", dct: "2008-04-09", span: "April 2nd", value: "2008-04-02" },
  { text: "The European court ruled on 11 December that the fine stands.", dct: "2010-01-25", span: "11 December", value: "2009-12-11" },
  { text: "The summit will be held on January 15 in Hanoi.", dct: "2025-11-20", span: "January 15", value: "2026-01-15" },
  // Months and years.
  { text: "In August, Trump said he looked forward to meeting Kim.", dct: "2025-10-18", span: "August", value: "2025-08" },
  { text: "The talks collapsed last August after a week.", dct: "2025-03-10", span: "last August", value: "2024-08" },
  { text: "North Korea sent troops to Russia in October, the agency said.", dct: "2024-11-20", span: "October", value: "2024-10" },
  { text: "The president accepted an invitation to meet Kim by May.", dct: "2018-03-09", span: "May", value: "2018-05" },
  { text: "President Trump has agreed to meet Kim Jong Un by May, an adviser said.", dct: "2018-03-09", span: "May", value: "2018-05" },
  { text: "By Friday, the funds had run out.", dct: "2018-03-09", span: "Friday", value: "2018-03-09" },
  { text: "Dealers whose franchises won't be renewed after October of next year will get letters.", dct: "2009-05-15", span: "October", value: "2010-10" },
  { text: "Production began in November 2006 at the plant.", dct: "2008-01-10", span: "November 2006", value: "2006-11" },
  { text: "He recalled his 2018 talks with Trump.", dct: "2025-10-18", span: "2018", value: "2018" },
  { text: "The plant opened in 2019 after delays.", dct: "2025-10-18", span: "2019", value: "2019" },
  { text: "He took six months off in early 2009 for treatment.", dct: "2011-01-17", span: "early 2009", value: "2009" },
  { text: "Unemployment peaked in the 1990s across the region.", dct: "2025-10-18", span: "the 1990s", value: "199" },
  { text: "In the late 1980's the company added audio recording.", dct: "2006-03-28", span: "the late 1980's", value: "198" },
  // Weekdays and parts of the day, by tense and modifier.
  { text: "The ministers met on Monday in Brussels.", dct: "2025-10-29", span: "Monday", value: "2025-10-27" },
  { text: "The ministers will meet on Monday in Brussels.", dct: "2025-10-29", span: "Monday", value: "2025-11-03" },
  { text: "The talks resume next Monday, diplomats said.", dct: "2025-10-29", span: "next Monday", value: "2025-11-03" },
  { text: "Parliament voted on Wednesday to approve the budget.", dct: "2025-10-29", span: "Wednesday", value: "2025-10-29" },
  { text: "The minister will travel to Damascus on Thursday, two sources said on Monday.", dct: "2024-07-08", span: "Thursday", value: "2024-07-11" },
  { text: "Delegations could meet in Istanbul as soon as Friday, Turkish officials said.", dct: "2025-05-15", span: "Friday", value: "2025-05-16" },
  // A clause opened after the time by a comma and "after", "because" … is not the time's: the clause before it is.
  { text: "Trump could meet Kim at the border on Sunday, after he used Twitter to invite him.", dct: "2019-06-29", span: "Sunday", value: "2019-06-30" },
  { text: "The envoys met in Geneva on Monday, because the talks had stalled.", dct: "2025-10-29", span: "Monday", value: "2025-10-27" },
  { text: "The board meets Thursday to decide on the merger.", dct: "2025-10-29", span: "Thursday", value: "2025-10-30" },
  { text: "The company set a record on Monday.", dct: "2025-10-29", span: "Monday", value: "2025-10-27" },
  { text: "The results, expected on Friday, could show a drop.", dct: "2025-10-29", span: "Friday", value: "2025-10-31" },
  { text: "The trial is set to begin on Wednesday in London.", dct: "2006-03-28", span: "Wednesday", value: "2006-03-29" },
  { text: "The adviser announced on Thursday evening that Kim had agreed.", dct: "2018-03-09", span: "Thursday evening", value: "2018-03-08TEV", type: "TIME" },
  { text: "Apple announced the recall Friday morning.", dct: "2010-07-17", span: "Friday morning", value: "2010-07-16TMO", type: "TIME" },
  { text: "GM admitted Thursday night that the loss was larger.", dct: "2006-01-27", span: "Thursday night", value: "2006-01-26TNI", type: "TIME" },
  { text: "The company said this morning that sales had fallen.", dct: "2008-01-09", span: "this morning", value: "2008-01-09TMO", type: "TIME" },
  // Deictic days.
  { text: "Apple today unveiled a new phone.", dct: "2025-10-18", span: "today", value: "2025-10-18", type: "DATE" },
  { text: "Shares fell yesterday in Tokyo.", dct: "2025-10-18", span: "yesterday", value: "2025-10-17" },
  { text: "The vote is expected tomorrow.", dct: "2025-10-18", span: "tomorrow", value: "2025-10-19" },
  { text: "The president will speak tonight.", dct: "2025-10-18", span: "tonight", value: "2025-10-18TNI", type: "TIME" },
  { text: "The figures were released earlier today by the ministry.", dct: "2009-06-04", span: "earlier today", value: "2009-06-04" },
  // Weeks, weekends, months, years.
  { text: "A joint statement is expected later this week, an official said.", dct: "2025-08-25", span: "later this week", value: "2025-W35" },
  { text: "The Kremlin said last week that it wanted direct talks.", dct: "2025-05-15", span: "last week", value: "2025-W19" },
  { text: "Negotiators will return next week.", dct: "2025-08-25", span: "next week", value: "2025-W36" },
  { text: "Diplomats said a fourth round was unlikely before the weekend.", dct: "2022-03-02", span: "the weekend", value: "2022-W09-WE" },
  { text: "Protesters gathered last weekend outside parliament.", dct: "2022-03-02", span: "last weekend", value: "2022-W08-WE" },
  { text: "The bank raised rates this month.", dct: "2025-10-18", span: "this month", value: "2025-10" },
  { text: "Exports dropped last month, data showed.", dct: "2025-01-10", span: "last month", value: "2024-12" },
  { text: "The plane arrives in Tokyo next month.", dct: "2011-08-08", span: "next month", value: "2011-09" },
  { text: "Another A380 was bought earlier this month.", dct: "2005-04-27", span: "earlier this month", value: "2005-04" },
  { text: "Two major disasters occurred this year.", dct: "2007-12-20", span: "this year", value: "2007" },
  { text: "Sales dropped 18% last year.", dct: "2009-02-03", span: "last year", value: "2008" },
  { text: "The company expects to return to profit early next year.", dct: "2025-10-18", span: "early next year", value: "2026" },
  { text: "Ford posted an annual profit for the last year of US$ 2.7 billion.", dct: "2010-01-28", span: "the last year", value: "2009" },
  // Seasons and quarters.
  { text: "The APEC summit later this fall is seen as the most likely forum.", dct: "2025-10-18", span: "later this fall", value: "2025-FA" },
  { text: "The launch slipped from this spring.", dct: "2025-10-18", span: "this spring", value: "2025-SP" },
  { text: "The deal collapsed last summer.", dct: "2025-03-01", span: "last summer", value: "2024-SU" },
  { text: "The service will launch in the fall of 2011.", dct: "2011-06-07", span: "the fall of 2011", value: "2011-FA" },
  { text: "Growth slowed in the third quarter, the ministry said.", dct: "2025-10-18", span: "the third quarter", value: "2025-Q3" },
  { text: "Profit rose in the first quarter of 2009.", dct: "2009-05-07", span: "the first quarter of 2009", value: "2009-Q1" },
  { text: "Profits rose during the last quarter, which ended December 30.", dct: "2007-01-18", span: "the last quarter", value: "2006-Q4" },
  { text: "Car sales rebounded in the last week of March.", dct: "2009-04-01", span: "the last week of March", value: "2009-W13" },
  // Offsets from the DCT or from a date just named.
  { text: "The envoy had arrived a day earlier.", dct: "2025-10-18", span: "a day earlier", value: "2025-10-17" },
  { text: "Talks were suspended three weeks ago.", dct: "2025-10-18", span: "three weeks ago", value: "2025-W39" },
  { text: "The ban was lifted a year ago.", dct: "2025-10-18", span: "a year ago", value: "2024" },
  { text: "Deliveries start in 2011 and end two years later.", dct: "2009-06-18", span: "two years later", value: "2013" },
  { text: "The iPod arrived in 2001 and the following year the new system was released.", dct: "2011-10-06", span: "the following year", value: "2002" },
  { text: "The rebels withdrew the previous day.", dct: "2025-10-18", span: "the previous day", value: "2025-10-17" },
  // Clock times.
  { text: "The vote closes at 3 p.m. in the capital.", dct: "2025-10-18", span: "3 p.m.", value: "2025-10-18T15:00", type: "TIME" },
  { text: "The 787 made its first flight Tuesday in Everett at 18:00 UTC.", dct: "2009-12-16", span: "18:00 UTC", value: "2009-12-15T18:00Z", type: "TIME" },
  { text: "Trading was halted at 1430 GMT on Friday.", dct: "2025-10-18", span: "1430 GMT on Friday", value: "2025-10-17T14:30Z", type: "TIME" },
  // Vague references.
  { text: "Kim recently said he holds fond memories of the talks.", dct: "2025-10-18", span: "recently", value: "PAST_REF" },
  { text: "The iPod nano is now smaller and squarer.", dct: "2007-09-05", span: "now", value: "PRESENT_REF" },
  { text: "Two models are currently under review.", dct: "2006-06-20", span: "currently", value: "PRESENT_REF" },
  { text: "A decision is expected very soon.", dct: "2009-11-05", span: "very soon", value: "FUTURE_REF" },
  { text: "Prices may rise in the coming weeks.", dct: "2025-10-18", span: "in the coming weeks", value: "FUTURE_REF" },
  { text: "EADS had previously announced plans to move production.", dct: "2008-03-01", span: "previously", value: "PAST_REF" },
  { text: "Manufacturers were hit hard in the recent downturn.", dct: "2009-02-03", span: "recent", value: "PAST_REF" },
  // Durations and sets.
  { text: "The meeting lasted more than three hours.", dct: "2025-10-18", span: "more than three hours", value: "PT3H", type: "DURATION" },
  { text: "The talks come after months of missile tests.", dct: "2025-10-18", span: "months", value: "PXM", type: "DURATION" },
  { text: "The project will take two years.", dct: "2025-10-18", span: "two years", value: "P2Y", type: "DURATION" },
  { text: "It was the first visit in more than a decade.", dct: "2025-10-18", span: "more than a decade", value: "P10Y", type: "DURATION" },
  { text: "Inspectors visit every week.", dct: "2025-10-18", span: "every week", value: "P1W", type: "SET" },
  { text: "The report is published annually.", dct: "2025-10-18", span: "annually", value: "P1Y", type: "SET" },
  // Without a DCT, relative weekdays and months stay underspecified.
  { text: "The envoys met on Monday.", dct: null, span: "Monday", value: "XXXX-WXX-1" },
  { text: "The envoys met in August.", dct: null, span: "August", value: "XXXX-08" },
];

describe("readTimes", () => {
  it.each(cases)("$span in “$text” ($dct)", ({ text, dct, span, value, type }) => {
    const found = times(text, dct);
    const hit = found.find((t) => t.text === span);
    expect(hit, `found: ${found.map((t) => `${t.text}=${t.value}`).join(", ")}`).toBeDefined();
    expect(hit!.value).toBe(value);
    if (type) expect(hit!.type).toBe(type);
    expect(text.slice(hit!.start, hit!.end)).toBe(span);
  });

  it("has at least forty table cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it("reads the seed article's dates and leaves its durations out of the scored types", () => {
    const text =
      "October 18, 2025 | Washington, D.C.\nIn August, after a White House meeting, Trump stated he looked forward to meeting Kim. " +
      "Kim recalled his 2018 talks with Trump. The potential meeting coincides with months of missile tests. " +
      "The APEC summit later this fall is seen as the most likely forum.";
    const dated = times(text, "2025-10-18").filter((t) => t.type === "DATE" || t.type === "TIME");
    expect(dated.map((t) => [t.text, t.value])).toEqual([
      ["October 18, 2025", "2025-10-18"],
      ["August", "2025-08"],
      ["2018", "2018"],
      ["later this fall", "2025-FA"],
    ]);
  });

  it.each([
    ["The company paid $2018 in fees.", "2018"],
    ["Some 2,018 troops were deployed.", "018"],
    ["The army sent 2018 troops to the border.", "2018"],
    ["Officials may meet again next month.", "may"],
    ["Prime Minister Theresa May said the vote would go ahead.", "May"],
    ["Shoppers crowded stores on Black Friday.", "Friday"],
    ["Prices will fall in the short run.", "fall"],
    ["She is in her 80s and still works.", "80s"],
    ["Earnings rose 2.5 percent, he said at 3:16.", "3:16"],
    ["Entertainment Weekly confirmed the casting.", "Weekly"],
    ["In the seventh, Weeks called a halt to the fight.", "Weeks"],
    ["A second A380 is also flying to the U.S.", "second"],
    ["The Dow fell 120 points to 1875 by the close.", "1875"],
  ])("does not read a time in “%s”", (text, word) => {
    const found = times(text, "2025-10-18");
    expect(found.filter((t) => t.text.includes(word))).toEqual([]);
  });

  it("keeps the preposition out of the span and never overlaps expressions", () => {
    const text = "The minister said on Monday that talks would resume on Thursday, October 23, after three days of pauses.";
    const found = times(text, "2025-10-21");
    expect(found.find((t) => t.value === "2025-10-20")?.text).toBe("Monday");
    expect(found.find((t) => t.value === "2025-10-23")?.text).toBe("Thursday, October 23");
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
  });

  it("gives no calendar value to DCT-relative words when the DCT is unknown", () => {
    const found = times("Shares fell yesterday after the report last week.", null);
    expect(found).toEqual([]);
  });
});
