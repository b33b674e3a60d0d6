// How the ledger's values read in words on the pages: TIMEX3 times, date spans, signed points, ordinals, certainty.
import { describe, expect, it } from "vitest";
import { certaintyWords, humanDay, humanSpan, humanTime, ordinal, plural, signedPoints } from "../src/app/words.js";

describe("TIMEX3 values in words", () => {
  const table: Array<[string | null, string | null]> = [
    ["2018-04-18TMO", "18 Apr 2018, morning"],
    ["2019-06-30TAF", "30 Jun 2019, afternoon"],
    ["2018-03-08TEV", "8 Mar 2018, evening"],
    ["2018-06-12T09:00", "12 Jun 2018, 09:00"],
    ["2018-06-12", "12 Jun 2018"],
    ["2025-10", "Oct 2025"],
    ["2018", "2018"],
    ["2025-W44", "week of 27 Oct 2025"],
    ["2025-W43-WE", "weekend of 25 Oct 2025"],
    ["2022-W09-WE", "weekend of 5 Mar 2022"],
    ["2025-FA", "autumn 2025"],
    ["2026-SP", "spring 2026"],
    ["2025-Q4", "Q4 2025"],
    ["2025-H1", "first half of 2025"],
    ["201X", "the 2010s"],
    ["PAST_REF", "in the past"],
    ["FUTURE_REF", "in the future"],
    ["PRESENT_REF", "now"],
    ["P3D", "P3D"],
    [null, null],
  ];
  for (const [value, words] of table) it(`${value} → ${words}`, () => expect(humanTime(value)).toBe(words));
});

describe("dates and spans", () => {
  const days: Array<[string | null, string | null]> = [
    ["2018-06-12", "12 Jun 2018"],
    ["2026-01-01T08:30:00Z", "1 Jan 2026"],
    [null, null],
  ];
  for (const [iso, words] of days) it(`${iso} → ${words}`, () => expect(humanDay(iso)).toBe(words));
  const spans: Array<[string | null, string | null, string]> = [
    ["2018-03-08", "2018-03-11", "8–11 Mar 2018"],
    ["2018-04-30", "2018-05-02", "30 Apr – 2 May 2018"],
    ["2018-12-12", "2019-01-03", "12 Dec 2018 – 3 Jan 2019"],
    ["2025-09-22", "2025-09-22", "22 Sep 2025"],
    ["2025-09-22", null, "22 Sep 2025"],
    [null, null, "undated"],
  ];
  for (const [from, to, words] of spans) it(`${from} – ${to} → ${words}`, () => expect(humanSpan(from, to)).toBe(words));
});

describe("points, ordinals, plurals and certainty", () => {
  const points: Array<[number, string]> = [
    [0.24, "+24 pts"],
    [-0.15, "−15 pts"],
    [0.033, "+3.3 pts"],
    [-0.0004, "−0.04 pts"],
    [0, "±0 pts"],
  ];
  for (const [delta, words] of points) it(`${delta} → ${words}`, () => expect(signedPoints(delta)).toBe(words));
  const ordinals: Array<[number, string]> = [
    [1, "first"],
    [2, "second"],
    [10, "tenth"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [111, "111th"],
  ];
  for (const [n, words] of ordinals) it(`${n} → ${words}`, () => expect(ordinal(n)).toBe(words));
  it("writes one and many", () => {
    expect(plural(1, "article")).toBe("1 article");
    expect(plural(3, "article")).toBe("3 articles");
    expect(plural(2, "wire copy", "wire copies")).toBe("2 wire copies");
  });
  const certainty: Array<[string, string]> = [
    ["CT+", "certain"],
    ["CT-", "certain"],
    ["PR+", "probable"],
    ["PS-", "possible"],
    ["Uu", "uncommitted"],
  ];
  for (const [f, words] of certainty) it(`${f} → ${words}`, () => expect(certaintyWords(f)).toBe(words));
});
