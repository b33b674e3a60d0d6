import { describe, expect, it } from "vitest";
import { findDateline } from "../src/extract/03-times.js";
import { extract } from "../src/extract/index.js";

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

// A yearless dateline takes its year from the document's metadata date when there is one: the year that puts the
// month and day nearest it. Columns: label, text, metadata date, value, span.
const withMetadata: Array<[string, string, string, string | null, string?]> = [
  [
    "a year named in the title does not beat the metadata",
    "Putin and Trump meet for the first time since 2019\nANCHORAGE, Alaska, Aug. 15 (Reuters) - The two presidents met at a base.",
    "2025-08-15",
    "2025-08-15",
    "Aug. 15",
  ],
  ["a year-end dateline filed on New Year's Day", "WASHINGTON, Dec. 31 - Markets closed early.", "2026-01-01", "2025-12-31", "Dec. 31"],
  ["an early-January dateline in a file dated in late December", "TOKYO, Jan. 2 - Shares opened higher.", "2025-12-30", "2026-01-02", "Jan. 2"],
  ["no space between the month and the day", "WASHINGTON, Aug.2 - The Senate passed the bill.", "2025-08-03", "2025-08-02", "Aug.2"],
  ["a leap day takes the nearest year that has one", "KYIV, Feb. 29 - Air raid sirens sounded overnight.", "2025-03-01", "2024-02-29", "Feb. 29"],
  ["a year written in the dateline wins over the metadata", "SEOUL, March 12, 2018 (Yonhap) - North Korea said it was open to talks.", "2018-03-14", "2018-03-12", "March 12, 2018"],
  ["a dateline days after the metadata date", "GENEVA, Oct. 3 (AFP) - Talks resumed.", "2025-09-30", "2025-10-03", "Oct. 3"],
  ["metadata that is not a date is ignored", "SEOUL, March 12 (Reuters) - North Korea said it was open to talks.", "soon", null],
];

describe("findDateline with a metadata date", () => {
  it.each(withMetadata)("%s", (_label, text, meta, value, span) => {
    const found = findDateline(text, meta);
    if (value === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found?.value).toBe(value);
    if (span) expect(text.slice(found!.start, found!.end)).toBe(span);
  });

  it("gives extract() the dateline's day in the metadata's year, and values the body against it", () => {
    const text = "Putin and Trump meet for the first time since 2019\nANCHORAGE, Alaska, Aug. 15 (Reuters) - The two presidents met on Friday.";
    const x = extract({ text, metaDate: "2025-08-14" });
    expect(x.article.published).toBe("2025-08-15");
    expect(x.article.published_source).toBe("dateline");
    expect(x.times.find((t) => t.text === "Friday")?.value).toBe("2025-08-15");
  });
});

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
