// Recaps: which mentions recall a happening well before the article (docs/stance.md, Background), and the dates a
// recap is told by. Sentences modelled on real coverage of summits, calls and visits, each with the trigger read.
import { describe, expect, it } from "vitest";
import { extract } from "../src/extract/index.js";

function mention(text: string, trigger: string, date: string, nth = 1) {
  const r = extract({ text, date });
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(trigger, at + 1);
  const e = r.events.find((x) => x.trigger.start <= at && x.trigger.end > at);
  if (!e) throw new Error(`no event at "${trigger}" in: ${text}`);
  return e;
}

const D = "2024-10-09";
// [text, trigger, background, nth occurrence of the trigger]
const rows: [string, string, boolean, number?][] = [
  // a "since" or "after" phrase dates what it names, not the happening it is set against
  ["It was the leaders' first face-to-face meeting since Lima in November 2022.", "meeting", false],
  ["The call was the third between the two men since the president took office in January 2023.", "call", false],
  ["The ministers met again, their first talks since a session in Vienna in March 2021.", "talks", false],
  ["A visit would be his first to Seoul since his trip there in June 2019.", "visit", false],
  ["A visit would be his first to Seoul since his June 2019 trip there.", "trip", true],
  ["It is the first time they have met since their meeting on the sidelines of the summit on Aug. 20.", "met", false],
  ["It is the first time they have met since their meeting on the sidelines of the summit on Aug. 20.", "meeting", true],
  ["The envoy flew to Tokyo on Tuesday after the storm of Sept. 2, shaking hands with the premier at the airport.", "shaking", false],
  // a "when" or "where" clause takes the time it hangs on
  ["A meeting would be the pair's first since March 2023, when they held talks in Hanoi.", "held talks", true],
  ["Their last summit was in Lima in November 2022, where the two men talked for three hours.", "talked", true],
  ["He has not been to the capital since 2001, when he flew there to see the late king.", "flew", true],
  // an absence counted from well back recaps the history; one counted from days ago is news
  ["Modi has not visited Canada since 2015.", "visited", true],
  ["The two ministers have not met since Oct. 5, aides said.", "met", false],
  // a calendar stretch wholly before the article: "last month" told in October is a recap, "last week" not yet
  ["The foreign minister met his counterpart in Oslo last month.", "met", true],
  ["The president skipped last month's regional summit, sending his deputy instead.", "skipped", true],
  ["The envoy met the prime minister in Rome last week.", "met", false],
  ["The two leaders spoke by phone on Monday.", "spoke", false],
  // a wish or a no-plan statement is dated by its telling: the happening wished for lies ahead, unless it was closed
  ["The king invited the president to visit Madrid when they met last November.", "invited", false],
  ["The premier offered talks in Geneva in July 2023 and was rebuffed.", "talks", true],
  ["In April 2022 the minister asked for a meeting with the envoy and was turned down.", "meeting", true],
  // a plan ahead is never a recap, whatever old date the sentence names
  ["The statement said the new talks would pick up where the Lima meeting of November 2022 left off.", "talks", false],
  ["She described the summit as a follow-up to their November 2022 meeting in Lima.", "summit", false],
  ["The president said the next round should resume where the two sides stopped three years ago.", "round", false],
  ["Trump and Kim first met in Singapore in June 2018, and the next summit, in Hanoi the following year, collapsed.", "summit", true],
  // another happening still to come is no recap, whatever old date the sentence names
  ["He recalled his 2019 talks with the president and said he was open to a new meeting.", "meeting", false],
  ["He recalled his 2019 talks with the president and said he was open to a new meeting.", "talks", true],
  // a span before "after" puts what follows it that long back
  ["The deal comes two months after it was supposed to be signed during the premier's visit to the capital.", "visit", true],
  ["More than a month after the shouting match in the Oval Office, no agreement has been signed.", "match", true],
  ["The summit will be held two weeks after the election.", "summit", false],
  // a pointer back at a recap just told
  ["In July 2000 the president flew to the capital for a two-day visit. That visit produced a short declaration.", "visit", true, 2],
  ["Lima, in November 2022, was the last time the two sat together. The goodwill from those talks was squandered in a row over fishing rights.", "talks", true],
  ["In 2019 the president used a phone call to press his counterpart. He later insisted the call was perfect.", "call", true, 2],
  ["It was their first meeting since 2019, when they held talks in Hanoi. The meeting lasted three hours.", "meeting", false, 2],
  ["The summit was set for March 2022. That meeting never took place.", "meeting", false],
  // a recap goes on in the next sentence when its subject points back at the people just told of, and no date is named
  ["They met once, in Paris on Dec. 9, 2019. The two men talked about prisoner swaps and agreed on little.", "talked", true],
  ["The delegations met in Istanbul on March 29, 2022. The talks faltered within weeks.", "talks", true],
  ["The two leaders met in Paris in December 2019. The envoys talked in Geneva, aides said.", "talked", false],
  ["The two leaders met in Paris in December 2019. They talked again by phone on Monday.", "talked", false],
  // "first" is no recap mark by itself; a recap's mark is read in its own clause
  ["The first summit between the two presidents produced no breakthroughs, but both called it a start.", "summit", false],
  ["The two men talked for hours and famously avoided a handshake.", "avoided", true],
  ["The president, who previously met the premier in Lima, will travel on Friday.", "met", true],
];

describe("background", () => {
  for (const [text, trigger, background, nth] of rows) {
    it(`${background ? "recap" : "news"}: ${trigger} in ${text}`, () => expect(mention(text, trigger, D, nth ?? 1).background).toBe(background));
  }
});

// [text, date, expression, value]: the dates a recap is told by
const dates: [string, string, string, string][] = [
  // a month between a possessive and a noun dates that noun
  ["The plan grew out of the defence minister's July visit to the capital.", "2023-09-05", "July", "2023-07"],
  ["The envoy's March trip to Hanoi ended without a deal.", "2024-10-09", "March", "2024-03"],
  // what a stretch runs from lies behind, whatever the verb
  ["That would be the first result since the Feb. 28 meeting at the White House.", "2025-04-18", "the Feb. 28", "2025-02-28"],
  ["A summit would be their first since the Dec. 9 talks in Paris.", "2025-05-11", "the Dec. 9", "2024-12-09"],
  // a fronted "By …," sets the scene of a clause told in the past; a deadline ahead still points forward
  ["By late February, with that demand dropped, the framework was ready.", "2025-05-01", "late February", "2025-02"],
  ["The two sides agreed to sign the text by May.", "2025-03-12", "May", "2025-05"],
  // "within weeks" counts from the time its clause tells: ahead of a plan, behind a happening told as over
  ["The talks faltered within weeks.", "2025-05-15", "within weeks", "PAST_REF"],
  ["A deal could be signed within weeks.", "2025-05-15", "within weeks", "FUTURE_REF"],
];

describe("dates of recaps", () => {
  for (const [text, date, expr, value] of dates) {
    it(`${expr} in ${text}`, () => {
      const t = extract({ text, date }).times.find((x) => x.text === expr);
      expect(t?.value).toBe(value);
    });
  }
});
