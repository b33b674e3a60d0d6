import { describe, expect, it } from "vitest";
import { extract } from "../src/extract/index.js";
import { sourceName } from "../src/domain/extraction.js";

/** The source chain an event mention shows, by name, for the n-th event whose trigger is `trigger`. */
function chainOf(text: string, trigger: string, n = 1, date = "2024-05-20"): string[] {
  const x = extract({ text, date });
  const hits = x.events.filter((e) => e.trigger.text === trigger);
  expect(hits.length, `no event "${trigger}" in: ${text}`).toBeGreaterThanOrEqual(n);
  return hits[n - 1].source.map(sourceName);
}

type Case = [text: string, trigger: string, chain: string[], n?: number];

function table(cases: Case[]): void {
  for (const [text, trigger, chain, n] of cases) {
    it(`${trigger} ← [${chain.join(" > ")}]: ${text}`, () => {
      expect(chainOf(text, trigger, n ?? 1)).toEqual(chain);
    });
  }
}

describe("withheld speech presents the happening it leaves open", () => {
  table([
    ["Beijing has not said whether Wang Yi will make the trip to Washington.", "trip", ["Beijing"]],
    ["The Kremlin would not say when the Russian leader would travel to Pyongyang.", "travel", ["The Kremlin"]],
    ["Karine Jean-Pierre declined on Tuesday to speculate about the summit.", "summit", ["Karine Jean-Pierre"]],
    ["The White House has repeatedly declined to confirm that the prime minister will be received in the Oval Office.", "received", ["The White House"]],
    ["China has yet to confirm that Xi Jinping will attend the gathering.", "attend", ["China"]],
    ["Dmitry Peskov did not rule out a summit later in the year.", "summit", ["Dmitry Peskov"]],
    ["The State Department did not say where the talks would be held.", "talks", ["The State Department"]],
  ]);
});

describe("verbs that put a happening forward without saying", () => {
  table([
    ["Sergei Lavrov himself floated an autumn trip to Pyongyang.", "trip", ["Sergei Lavrov"]],
    ["Vladimir Putin had called for the negotiations to resume in Istanbul.", "negotiations", ["Vladimir Putin"]],
    ["Diplomats had pencilled in Jakarta as the setting for talks between the two leaders.", "talks", ["Diplomats"]],
    ["Farm groups hope the summit will calm the trade dispute.", "summit", ["Farm groups"]],
    ["Ukrainian officials expect Volodymyr Zelensky to travel to Washington on Friday.", "travel", ["Ukrainian officials"]],
    ["The White House has ruled out a joint news conference after the summit.", "summit", ["The White House"]],
  ]);
});

describe("a presenting verb keeps the author's circumstances to the author", () => {
  table([
    ["Joe Biden floated a summit in a neutral country during a phone call with Putin.", "summit", ["Joe Biden"]],
    ["Joe Biden floated a summit in a neutral country during a phone call with Putin.", "call", []],
  ]);
});

describe("a fronted question clause is presented by the one who answers", () => {
  table([
    ["Asked whether the president would meet Xi Jinping in Lima, Karine Jean-Pierre said: \"It's happening.\"", "meet", ["Karine Jean-Pierre"]],
    ["Pressed on whether Biden could sit down with Putin, Jen Psaki said she could not make that assessment.", "sit", ["Jen Psaki"]],
    ["Questioned about preparations for such a visit, Dmitry Peskov would not confirm them.", "visit", ["Dmitry Peskov"]],
  ]);
});

describe("what follows a trailing report goes on in its source's voice", () => {
  table([
    ["The leaders will meet in Geneva, the Kremlin said on Monday, adding that the talks could last a day.", "talks", ["the Kremlin"]],
    ["The leaders will meet in Geneva, his office said, without saying where the meeting would be held.", "meeting", ["his office"]],
    ["The timing could come up, Peskov said, when Sergei Lavrov visits Pyongyang this month.", "visits", ["Peskov"]],
    ["Preparations are under way, the ministry said, and the visit is being prepared.", "visit", ["the ministry"]],
    ["The two men will meet on Sunday, the White House said, two days after the talks in Malta.", "talks", []],
  ]);
});

describe("asides, topics and relative clauses of a report", () => {
  table([
    ["The Kremlin, confirming the talks, said the presidents would discuss strategic stability.", "talks", ["The Kremlin"]],
    ["\"That's now confirmed,\" Donald Trump said of the visit on Wednesday.", "visit", ["Donald Trump"]],
    ["The call followed a conversation between Trump and Putin that the Kremlin said lasted an hour.", "conversation", ["the Kremlin"]],
  ]);
});

describe("a source written as a pronoun or description shows the name it stands for", () => {
  table([
    ["Dmitry Peskov spoke to reporters on Monday. He said the summit was possible.", "summit", ["Dmitry Peskov"]],
    ["The Washington Post reported the plans on Friday. One official described the meeting as fairly certain, the newspaper said.", "meeting", ["The Washington Post", "One official"]],
    ["Russian drones struck the region hours after the proposal, the AP reported.", "proposal", ["Associated Press"]],
    // a country named by its capital or a demonym stays as written
    ["U.S. officials said the meeting would take place in November.", "meeting", ["U.S. officials"]],
    // a pronoun after a quote stands for someone outside what the quote says
    ['Donald Trump was asked about the delegation in Abu Dhabi. "Nothing will happen until Vladimir Putin and I get together," he said.', "get", ["Donald Trump"]],
    // an office names again the one named before who holds it, and a pronoun after it stands for that speaker
    ["President Donald Trump spoke to reporters on Friday. The Associated Press reports that the president said he would meet Putin next week.", "meet", ["The Associated Press", "Donald Trump"]],
    ["President Donald Trump spoke on Friday. The Associated Press reports that the president said he would meet Putin. The meeting will be in Alaska, he noted, the state news agency TASS reported.", "meeting", ["the state news agency TASS", "Donald Trump"]],
  ]);
});

describe("a pronoun source", () => {
  it("keeps its text as written, with the name of the one it stands for beside it", () => {
    const x = extract({ text: "Dmitry Peskov spoke to reporters on Monday. He said the summit was possible.", date: "2024-05-20" });
    const summit = x.events.find((e) => e.trigger.text === "summit")!;
    expect(summit.source).toEqual([{ text: "He", entity: "person:dmitry-peskov", name: "Dmitry Peskov" }]);
  });

  it("found for no one keeps no name", () => {
    const x = extract({ text: "She said the summit was possible.", date: "2024-05-20" });
    const summit = x.events.find((e) => e.trigger.text === "summit")!;
    expect(summit.source.map((s) => [s.text, s.name])).toEqual([["She", undefined]]);
  });
});

describe("a source phrase keeps out the time before it", () => {
  table([
    ["Last Saturday, Peskov said preparations were proceeding at their own pace.", "preparations", ["Peskov"]],
    ["Overnight, the Elysee had said both leaders accepted a summit in principle.", "summit", ["the Elysee"]],
  ]);
});

describe("a source that names no one presents nothing", () => {
  table([
    ["Neither side announced a date for the return visit.", "visit", []],
    ["Neither government has confirmed a meeting there.", "meeting", []],
  ]);
});

describe("an aside on a person inside reported content is the author's recap", () => {
  table([
    ["The announcement said the visit was at the invitation of Kim Jong Un, who travelled to Russia last September for talks with Putin.", "talks", []],
    ["The Kremlin said it was too early to discuss a meeting with Joe Biden, who proposed a summit during a phone call.", "summit", ["Joe Biden"]],
    ["The Kremlin said it was too early to discuss a meeting with Joe Biden, who proposed a summit during a phone call.", "call", []],
  ]);
});

describe("narration stays the author's", () => {
  table([
    ["The two leaders held talks in Pyongyang on Wednesday.", "talks", []],
    ["Many in Israel expect a sit-down in New York rather than in the Oval Office.", "sit", []],
  ]);
});

describe("a quotation over several sentences is all its source's", () => {
  table([
    ['"At the end of the talks I called Putin. After that meeting takes place, we will have a summit," Trump wrote on Monday.', "called", ["Trump"]],
    ['"At the end of the talks I called Putin. After that meeting takes place, we will have a summit," Trump wrote on Monday.', "summit", ["Trump"]],
    // A quotation that opens in its own sentence is read as before.
    ['Trump spoke to Putin on Monday. "We will have a summit," he wrote.', "spoke", []],
  ]);
});

describe("a quotation that goes on past its cue's sentence is still the source's", () => {
  const text =
    'Donald Trump said on Wednesday that he had cancelled his meeting with Vladimir Putin.\n\n"It just didn\'t feel right to me," Trump said at the White House. "It didn\'t feel like we were going to get there, so I cancelled it. But we\'ll do it in the future."';
  it("the sentences after the cue, inside the same quotation, are Trump's", () => {
    expect(chainOf(text, "cancelled", 2, "2025-10-22")).toEqual(["Trump"]);
    expect(chainOf(text, "do", 1, "2025-10-22")).toEqual(["Trump"]);
  });
  it("the cue's own clause is not inside the quotation that goes on", () => {
    const kishida =
      '"We offered China to become a partner," Zelensky told a news conference with Fumio Kishida, who made an unannounced visit to Kyiv the same day. "We are waiting for an answer."';
    expect(chainOf(kishida, "visit", 1, "2023-03-21")).toEqual([]);
    expect(chainOf(kishida, "waiting", 1, "2023-03-21")).toEqual(["Volodymyr Zelenskyy"]);
  });
  it("a quotation whose own cue follows it is left to that cue", () => {
    const next = 'Trump said he was not surprised that Putin had stayed away. "Why would he go if I\'m not going?" Peskov asked.';
    expect(chainOf(next, "go", 1, "2025-05-15")).not.toEqual(["Trump"]);
  });
});
