import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readAttributions } from "../src/extract/04-attributions.js";
import { readCredits } from "../src/extract/attribution/credits.js";
import { extract } from "../src/extract/index.js";

function credits(text: string): Array<[string, string | null]> {
  const doc = tokenize(text);
  const entities = readEntities(doc, "2025-10-20");
  return readCredits(text, entities, readAttributions(doc, entities)).map((c) => [c.text, c.entity]);
}

const CREDITED: Array<[string, string, Array<[string, string | null]>]> = [
  // datelines
  ["dateline with a date and a double dash", "SEOUL, Oct. 20 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Monday.",
    [["Yonhap", "outlet:yonhap"]]],
  ["dateline without a date", "MOSCOW (Reuters) - The Kremlin said on Friday it saw no need for a new round of talks.",
    [["Reuters", "outlet:reuters"]]],
  ["two cities and a date", "WASHINGTON/KYIV, Oct 20 (Reuters) - Ukraine asked for more air defence systems.", [["Reuters", "outlet:reuters"]]],
  ["dateline with no dash", "Beijing, Oct 5 (IANS) The two sides met on the sidelines of the forum.", [["IANS", "outlet:ians"]]],
  ["state agency dateline", "HANOI (VNA) - Vietnam and Laos signed three cooperation agreements.", [["VNA", "outlet:vna"]]],
  ["a hyphenated agency", "KYIV (Interfax-Ukraine) - The foreign ministry summoned the Hungarian envoy.",
    [["Interfax-Ukraine", "outlet:interfax-ukraine"]]],
  ["a Portuguese agency", "LISBON (Lusa) - Portugal will back the new EU package, the prime minister said.", [["Lusa", "outlet:lusa"]]],
  // closing credits
  ["an em dash at the end", "India and China agreed to resume direct flights, officials said.\n\n— IANS", [["IANS", "outlet:ians"]]],
  ["a double hyphen glued to the name", "India and China agreed to resume direct flights.\n--IANS", [["IANS", "outlet:ians"]]],
  ["a dash after the last sentence", "The talks ended without a deal. — Agence France Presse", [["Agence France Presse", "outlet:afp"]]],
  ["a parenthesised agency ending the text", "Both sides said the talks would go on. (Reuters)", [["Reuters", "outlet:reuters"]]],
  ["with an agency on a line of its own", "Kyiv says talks are possible.\n\nwith AFP", [["AFP", "outlet:afp"]]],
  ["with agencies in parentheses", "The summit ended without a deal, officials said. (with agencies)", [["agencies", null]]],
  ["with inputs from an agency", "The minister arrived in Dhaka on Sunday.\n\n(With inputs from PTI)", [["PTI", "outlet:pti"]]],
  ["a byline with an agency", "By Anna Keller with Reuters\n\nThe summit ended without a deal.", [["Reuters", "outlet:reuters"]]],
  ["a byline naming the writer's agency", "By Min-ji Park, Yonhap\n\nThe drills will run for eleven days.", [["Yonhap", "outlet:yonhap"]]],
  ["contributed to this report", "The vote is due on Tuesday.\n\nReuters contributed to this report.", [["Reuters", "outlet:reuters"]]],
  ["contributed, at the end of a paragraph", "The vote is due on Tuesday. The Associated Press contributed to this report.",
    [["Associated Press", "outlet:ap"]]],
  ["additional reporting by two agencies", "The vote is due on Tuesday.\n\nAdditional reporting by Reuters and AFP.",
    [["Reuters", "outlet:reuters"], ["AFP", "outlet:afp"]]],
  ["provided by", "This story was provided by Reuters.\n\nThe summit ended.", [["Reuters", "outlet:reuters"]]],
  ["source line", "The port will reopen next week.\n\nSource: Xinhua", [["Xinhua", "outlet:xinhua"]]],
  // an agency as the reporting source of the news
  ["an agency reports after the content", "North Korea fired two missiles on Monday, AP reported.", [["AP", "outlet:ap"]]],
  ["an agency named with its kind", "North Korea fired two missiles, Yonhap news agency reported.",
    [["Yonhap news agency", "outlet:yonhap"]]],
  ["an agency citing sources", "Interfax, citing two regional sources, reported that the train had crossed the border.",
    [["Interfax", "outlet:interfax"]]],
  ["an agency quoting someone", "TASS quoted Peskov as saying that no meeting was planned.", [["TASS", "outlet:tass"]]],
  ["someone quoted by an agency", "Lavrov was quoted by RIA Novosti as saying Moscow saw no point in talks.",
    [["RIA Novosti", "outlet:ria-novosti"]]],
  ["according to an agency", "According to Kyodo, the prime minister will skip the ceremony.", [["Kyodo", "outlet:kyodo"]]],
  ["an agency framing a speaker", "The exchange could happen this week, he said, the state news agency TASS reported.", [["TASS", "outlet:tass"]]],
  ["an agency speaking of its own checking", "Reuters could not independently verify the footage.", [["Reuters", "outlet:reuters"]]],
  ["an agency as the subject of a reporting verb", "Overnight the army launched its smallest drone attack in months, The Associated Press noted.",
    [["Associated Press", "outlet:ap"]]],
  ["an agency quoting someone as calling", "The AP quoted a senior official as calling the refusal short-sighted.", [["AP", "outlet:ap"]]],
  // the agency the words were given to obtained them
  ["an agency as the hearer", "Putin told TASS that a meeting was possible.", [["TASS", "outlet:tass"]]],
  ["an agency as the hearer, content first", "The summit is off, two people familiar with the matter told Reuters.",
    [["Reuters", "outlet:reuters"]]],
  ["confirmed to an agency", "Peskov confirmed to RIA Novosti that the call was being prepared.", [["RIA Novosti", "outlet:ria-novosti"]]],
  ["an interview with an agency", "In an interview with Kyodo, the minister said Japan would not send troops.", [["Kyodo", "outlet:kyodo"]]],
  ["quoted by two agencies", "Peskov, quoted by TASS and RIA Novosti, said the position had not changed.",
    [["TASS", "outlet:tass"], ["RIA Novosti", "outlet:ria-novosti"]]],
  // datelines as agencies write them
  ["a state abbreviation in the dateline", "WOODSIDE, Calif. (AP) - The two presidents met for four hours.", [["AP", "outlet:ap"]]],
  ["a place and its country", "JEDDAH, Saudi Arabia, March 11 (Reuters) - Ukraine backed the truce plan.", [["Reuters", "outlet:reuters"]]],
  ["a date without a space", "WASHINGTON, Nov.8 (AFP) - The summit date was pencilled in.", [["AFP", "outlet:afp"]]],
  ["a region between slashes", "VOSTOCHNY COSMODROME /Amur Region/, September 13 (TASS) - The talks lasted five hours.",
    [["TASS", "outlet:tass"]]],
  ["TASS's own dateline", "MOSCOW, March 24. /TASS/. No decision has been taken yet, the spokesman said.", [["TASS", "outlet:tass"]]],
  ["each agency once, in text order", "SEOUL, Oct. 20 (Yonhap) -- The drills began, Yonhap said. AP reported the same.",
    [["Yonhap", "outlet:yonhap"], ["AP", "outlet:ap"]]],
];

const NOT_CREDITED: Array<[string, string]> = [
  ["an agency's reporter asking", "A Reuters reporter asked Trump whether he would meet Kim."],
  ["state media standing for an agency", "According to Russian state media, Lavrov passed on Putin's best wishes."],
  ["an agency's correspondent asking", "At the briefing, an AFP correspondent asked whether the date had been fixed."],
  ["a statement carried by state media", "Kim Yo Jong said in a statement carried by KCNA that talks were pointless."],
  ["an outlet that is no agency", "CNN reported that the talks had stalled."],
  ["a newspaper dateline is no credit", "LONDON (The Guardian) - The talks stalled."],
  ["a denial by an agency", "Reuters denied that its reporter had been detained."],
  ["a prose sentence opening with 'By'", "By Tuesday, Reuters and AFP had both left the city."],
  ["a closing marker that is no agency", "The two leaders first met in Vladivostok in April 2019. (END)"],
];

describe("readCredits: agencies the text credits", () => {
  for (const [name, text, expected] of CREDITED) it(name, () => expect(credits(text)).toEqual(expected));
});

describe("readCredits: agencies only mentioned", () => {
  for (const [name, text] of NOT_CREDITED) it(name, () => expect(credits(text)).toEqual([]));
});

describe("extract(): article credits", () => {
  it("fills article.credits from the text", () => {
    const out = extract({ text: "ANKARA (Anadolu) - Turkey offered to host the next round.\n\nwith AFP", date: "2025-10-20" });
    expect(out.article.credits).toEqual([
      { text: "Anadolu", entity: "outlet:anadolu" },
      { text: "AFP", entity: "outlet:afp" },
    ]);
  });
});
