import { describe, expect, it } from "vitest";
import type { TimeExpr } from "../src/domain/extraction.js";
import { tokenize } from "../src/extract/01-tokens.js";
import { readTimes } from "../src/extract/03-times.js";
import { parseYmd } from "../src/extract/times/calendar.js";
import { recapMonth, resolveReferences, shiftAnaphor, type Referable } from "../src/extract/times/reference.js";

function times(text: string, dct: string | null): TimeExpr[] {
  return readTimes(tokenize(text), dct);
}

interface Case {
  text: string;
  dct: string | null;
  span: string;
  value: string;
}

// Anaphoric expressions count from the most recent date named before them, not from the article's date.
const anaphoric: Case[] = [
  { text: "The two leaders first met in Singapore in June 2018, and a second summit followed in Hanoi the following year.", dct: "2025-10-20", span: "the following year", value: "2019" },
  { text: "Russia annexed Crimea in March 2014; the year before, protests had filled the Maidan.", dct: "2025-10-20", span: "the year before", value: "2013" },
  { text: "The pipeline deal was signed on Jan. 9, 2020. Three weeks later, the first gas flowed.", dct: "2025-10-20", span: "Three weeks later", value: "2020-W05" },
  { text: "Talks opened in Doha on Sept. 12, 2020, and two days later the delegations exchanged prisoner lists.", dct: "2025-10-20", span: "two days later", value: "2020-09-14" },
  { text: "The embassy reopened in May 2015. A month later, the ambassador presented her credentials.", dct: "2025-10-20", span: "A month later", value: "2015-06" },
  { text: "The ceasefire collapsed in 2016 and that autumn the siege of the city began.", dct: "2025-10-20", span: "that autumn", value: "2016-FA" },
  { text: "The accord was initialled in Vienna in July 2015. That month, the Security Council also endorsed it.", dct: "2025-10-20", span: "That month", value: "2015-07" },
  { text: "The envoy arrived in Pyongyang on Oct. 7, 2018. The next day he was received by the leader.", dct: "2025-10-20", span: "The next day", value: "2018-10-08" },
  { text: "The lender collapsed in 2008. Later that year, the government took it over.", dct: "2025-10-20", span: "Later that year", value: "2008" },
  { text: "The reactor was completed in 1986 and the same year a fire shut it down.", dct: "2025-10-20", span: "the same year", value: "1986" },
  { text: "The first round was held in Istanbul on May 16, 2025, and a second followed the following month.", dct: "2025-10-20", span: "the following month", value: "2025-06" },
  { text: "The company went public in 2012. The previous year it had raised $1 billion from investors.", dct: "2025-10-20", span: "The previous year", value: "2011" },
  { text: "The first reactor was finished in 2009 and the second in October of the following year.", dct: "2025-10-20", span: "October", value: "2010-10" },
  { text: "The blockade began on June 5, 2017. The month after, mediators from Kuwait arrived.", dct: "2025-10-20", span: "The month after", value: "2017-07" },
  { text: "Sales fell 12% in January compared with the same month a year earlier.", dct: "2025-02-05", span: "the same month a year earlier", value: "2024-01" },
  { text: "Profit rose in the third quarter from the same quarter last year.", dct: "2025-10-20", span: "the same quarter last year", value: "2024-Q3" },
  { text: "In March, the court set a hearing for the 15th.", dct: "2025-10-20", span: "the 15th", value: "2025-03-15" },
  { text: "The two leaders met three times in 2018 and again the next year at the border.", dct: "2025-10-20", span: "the next year", value: "2019" },
  { text: "The company expects sales to double over the next year.", dct: "2025-10-20", span: "the next year", value: "2026" },
  { text: "A framework was initialled on March 6, and the leaders promised to sign it the following Tuesday.", dct: "2025-03-20", span: "following Tuesday", value: "2025-03-11" },
  { text: "The envoys first met in Oslo in May 2016. That October they met again in Vienna.", dct: "2025-10-20", span: "October", value: "2016-10" },
  // The reference time persists over sentences that name no time it could count from.
  { text: "The rally began on Tuesday. Brokers were cautious. Shares rose in morning trading.", dct: "2025-10-22", span: "morning", value: "2025-10-21TMO" },
];

// A bare month or yearless date told in the past takes the year of a written past year that dates its clause.
const recaps: Case[] = [
  { text: "In 2017, North Korea tested its largest bomb in September.", dct: "2025-10-20", span: "September", value: "2017-09" },
  { text: "Back in 2014, rebels seized the airport in May.", dct: "2025-10-20", span: "May", value: "2014-05" },
  { text: "The two sides met in 2021 in Geneva in June.", dct: "2025-10-20", span: "June", value: "2021-06" },
  { text: "In 2018, the president flew to Singapore on June 11 for the summit.", dct: "2025-10-20", span: "June 11", value: "2018-06-11" },
  { text: "In 2020, the virus had reached every country in Europe by the spring.", dct: "2025-10-20", span: "the spring", value: "2020-SP" },
  { text: "In 2019, Trump became the first sitting president to step into North Korea, meeting Kim at the border in June.", dct: "2025-10-20", span: "June", value: "2019-06" },
  { text: "In the summer of 2020 the talks stalled, and in the autumn the mediators gave up.", dct: "2025-10-20", span: "the autumn", value: "2020-FA" },
  // A month opening its sentence goes on from the year that opened the sentence before.
  { text: "In 2019 the two met in Hanoi. In February, the talks collapsed.", dct: "2025-10-20", span: "February", value: "2019-02" },
  // A recap tells its story forward: after December 2019, March is 2020's.
  { text: "The outbreak began in December 2019 and by March the borders had closed.", dct: "2025-10-20", span: "March", value: "2020-03" },
  { text: "The trial opened on Dec. 30, 2019 and ended on Jan. 3 with a conviction.", dct: "2025-10-20", span: "Jan. 3", value: "2020-01-03" },
  // Without a DCT, the recap still gives the month its year.
  { text: "In 2016 the two sides met in Minsk in February.", dct: null, span: "February", value: "2016-02" },
  { text: "The deal was signed in June 2016; a month later it collapsed.", dct: null, span: "a month later", value: "2016-07" },
];

// Deictic expressions, and calendar names outside the recap's clause, keep the article's date.
const deictic: Case[] = [
  { text: "The treaty was signed in 2019. In March, the minister declared it dead.", dct: "2025-10-20", span: "March", value: "2025-03" },
  { text: "The minister, who took office in 2019, resigned in March.", dct: "2025-10-20", span: "March", value: "2025-03" },
  { text: "Exports grew in 2023, but in January they fell sharply.", dct: "2025-03-10", span: "January", value: "2025-01" },
  { text: "In 2019 the two leaders met in Hanoi; last year they did not meet at all.", dct: "2025-10-20", span: "last year", value: "2024" },
  { text: "Putin last visited Beijing in 2019. Yesterday he arrived in Pyongyang.", dct: "2025-10-20", span: "Yesterday", value: "2025-10-19" },
  { text: "The summit in Helsinki took place in July 2018. Next week the two will meet again.", dct: "2025-10-20", span: "Next week", value: "2025-W44" },
  { text: "The accord was signed in 2015. This month, the parties returned to the table.", dct: "2025-10-20", span: "This month", value: "2025-10" },
  { text: "The talks began in 2022 and will resume in March.", dct: "2025-10-20", span: "March", value: "2026-03" },
  { text: "The two spoke in 2019. On Monday, they spoke again by phone.", dct: "2025-10-22", span: "Monday", value: "2025-10-20" },
  { text: "The firm was founded in 2011. It reported record sales last month.", dct: "2025-10-20", span: "last month", value: "2025-09" },
  { text: "Sales in 2019 were strong, and in April the company hired 300 people.", dct: "2025-10-20", span: "April", value: "2025-04" },
  // Four sentences on, a year is out of reach: the following year counts from the DCT.
  {
    text: "The plant opened in 2001. Workers came from across the region. Many stayed for decades. Some still live nearby. The following year, a second line opened.",
    dct: "2025-10-20",
    span: "The following year",
    value: "2026",
  },
];

describe("reference times", () => {
  it.each([...anaphoric, ...recaps, ...deictic])("$span in “$text” ($dct)", ({ text, dct, span, value }) => {
    const found = times(text, dct);
    const hit = found.find((t) => t.text === span);
    expect(hit, `found: ${found.map((t) => `${t.text}=${t.value}`).join(", ")}`).toBeDefined();
    expect(hit!.value).toBe(value);
  });

  it.each([
    ["Later that year, the plant closed.", "that year"],
    ["On the same day, protesters gathered outside parliament.", "same day"],
    ["Prices that month rose by 2 percent, the bureau said.", "that month"],
  ])("drops an anaphoric expression with no time to count from: “%s”", (text, word) => {
    const found = times(text, "2025-10-20");
    expect(found.filter((t) => t.text.includes(word))).toEqual([]);
  });
});

describe("resolveReferences", () => {
  const dct = parseYmd("2025-10-20")!;
  const item = (over: Partial<Referable> & { value: string; start: number }): Referable => ({ end: over.start + 4, sentence: 0, ...over });

  it("counts a shift from the latest point fine enough for it, skipping a coarser one", () => {
    const items = [
      item({ start: 0, value: "2018-06-12", written: true }),
      item({ start: 20, value: "2019", written: true }),
      item({ start: 40, value: "2025-10-21", anaphor: shiftAnaphor({ unit: "day", n: 1 }) }),
    ];
    resolveReferences(items, " ".repeat(60), dct.y);
    expect(items[2].value).toBe("2018-06-13");
    expect(items[2].written).toBe(true);
  });

  it("chains: a value counted from a written date is the reference of the next recap", () => {
    const text = "In June 2018 they met; in Hanoi the following year talks collapsed in February.";
    const at = (s: string) => text.indexOf(s);
    const items: Referable[] = [
      { start: at("June 2018"), end: at("June 2018") + 9, sentence: 0, value: "2018-06", written: true, fronted: true },
      { start: at("the following"), end: at("the following") + 18, sentence: 0, value: "2026", anaphor: shiftAnaphor({ unit: "year", n: 1 }) },
      { start: at("February"), end: at("February") + 8, sentence: 0, value: "2025-02", anaphor: recapMonth(2, null, true), sentencePast: true },
    ];
    resolveReferences(items, text, dct.y);
    expect(items.map((i) => i.value)).toEqual(["2018-06", "2019", "2019-02"]);
  });

  it("leaves a recap alone when the year is the article's own, or the month lies in another sentence", () => {
    const thisYear: Referable[] = [
      item({ start: 0, value: "2025", written: true, fronted: true }),
      item({ start: 10, value: "2025-02", anaphor: recapMonth(2, null, true), sentencePast: true }),
    ];
    resolveReferences(thisYear, " ".repeat(20), dct.y);
    expect(thisYear[1].value).toBe("2025-02");
    const otherSentence: Referable[] = [
      item({ start: 0, value: "2019", written: true, fronted: true }),
      item({ start: 10, sentence: 1, value: "2025-02", anaphor: recapMonth(2, null, true), sentencePast: true }),
    ];
    resolveReferences(otherSentence, " ".repeat(20), dct.y);
    expect(otherSentence[1].value).toBe("2025-02");
  });

  it("empties a bound anaphor that finds nothing", () => {
    const items = [item({ start: 0, value: "", anaphor: shiftAnaphor({ unit: "year", n: 0 }, true) })];
    resolveReferences(items, "    ", dct.y);
    expect(items[0].value).toBe("");
  });
});
