import { describe, expect, it } from "vitest";
import { findDateline } from "../src/extract/03-times.js";

const cases: Array<[string, string, string | null, string?]> = [
  ["a date line with the place after a bar", "October 18, 2025 | Washington, D.C.\nThe possibility of a meeting…", "2025-10-18", "October 18, 2025"],
  ["a city in capitals with a full date", "ISTANBUL, May 15, 2025 - Russian and Ukrainian delegations could meet.", "2025-05-15", "May 15, 2025"],
  ["a city with a date and an agency", "NEW YORK, Jan. 5, 2021 (AP) — Stocks rose on Tuesday.", "2021-01-05", "Jan. 5, 2021"],
  ["a title line, then the date line", "Boeing unveils new 787 Dreamliner\nMarch 06, 2008\nBoeing has unveiled its new aircraft.", "2008-03-06", "March 06, 2008"],
  ["a day-first date after a byline", "By Jane Doe | 18 October 2025\nMinisters met in Geneva.", "2025-10-18", "18 October 2025"],
  ["a weekday before the date", "Monday, June 1, 2009\nGeneral Motors filed for bankruptcy.", "2009-06-01", "Monday, June 1, 2009"],
  ["an ISO date after a label", "Published: 2024-07-08\nTurkey's foreign minister will travel to Damascus.", "2024-07-08", "2024-07-08"],
  ["an ISO timestamp line", "2025-10-18T09:30:00Z\nMinisters met in Geneva.", "2025-10-18", "2025-10-18"],
  ["a date with a clock time, a byte-order mark and CRLF", "\uFEFFOctober 18, 2025, 9:30 a.m.\r\nMinisters met.", "2025-10-18", "October 18, 2025"],
  ["a yearless dateline borrows the year from the title", "Summit hopes rise in 2018\nSEOUL, March 12 (Reuters) - North Korea said it was open to talks.", "2018-03-12", "March 12"],
  ["a yearless dateline with no year anywhere near", "SEOUL, March 12 (Reuters) - North Korea said it was open to talks.", null],
  ["an abbreviated yearless dateline", "WASHINGTON, Aug. 2 - The Senate passed the bill.", null],
  ["a date inside a running sentence", "The summit on March 12, 2018 was historic, officials said later.", null],
  ["a date further down than the first lines", "Title\nA first line of text.\nA second line of text.\nA third line.\nMarch 06, 2008\n", null],
  ["an impossible date", "February 30, 2021\nThe markets were closed.", null],
  ["a lower-case month in a fragment", "may 5, 2020 - it rained", null],
  ["no text at all", "", null],
];

describe("findDateline", () => {
  it.each(cases)("%s", (_label, text, value, span) => {
    const found = findDateline(text);
    if (value === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found).not.toBeNull();
    expect(found!.value).toBe(value);
    if (span) expect(text.slice(found!.start, found!.end)).toBe(span);
  });

  it("only looks at the head of a long document", () => {
    const text = `${"x".repeat(400)}\nOctober 18, 2025\n`;
    expect(findDateline(text)).toBeNull();
  });
});
