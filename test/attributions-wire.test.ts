import { describe, expect, it } from "vitest";
import type { Attribution } from "../src/domain/extraction.js";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readAttributions } from "../src/extract/04-attributions.js";

// Attribution as wire copy writes it: reports nested inside reports, cues that evaluate ("described … as"), source
// phrases with titles, appositives and whom they serve, and the adjuncts wire verbs carry ("said late Wednesday").

/** What a case expects of one attribution; content, chain and entities are checked only when given. */
interface Expected {
  source: string;
  cue: string;
  content?: string;
  chain?: string[];
  /** Entity of each chain element, in order. */
  entities?: Array<string | null>;
}

function read(text: string): Attribution[] {
  const doc = tokenize(text);
  return readAttributions(doc, readEntities(doc, "2025-10-20"));
}

function check(text: string, expected: Expected[]): void {
  const got = read(text).map((a, i) => {
    const e = expected[i] ?? { source: "", cue: "" };
    return {
      source: a.source.text,
      cue: a.cue.text,
      ...(e.content !== undefined ? { content: text.slice(a.content.start, a.content.end) } : {}),
      ...(e.chain !== undefined ? { chain: a.chain.map((c) => c.text) } : {}),
      ...(e.entities !== undefined ? { entities: a.chain.map((c) => c.entity) } : {}),
    };
  });
  expect(got).toEqual(expected);
}

const NESTED: Array<[string, string, Expected[]]> = [
  ["an agency reports what a leader said", "Kyodo News reported that Prime Minister Ishiba had told aides the visit was premature.",
    [{ source: "Kyodo News", cue: "reported", content: "the visit was premature", chain: ["Kyodo News", "Prime Minister Ishiba"],
      entities: ["outlet:kyodo", "person:shigeru-ishiba"] }]],
  ["a newspaper reports an official's words", "The Guardian reports that the foreign secretary said sanctions would be tightened.",
    [{ source: "The Guardian", cue: "reports", content: "sanctions would be tightened", chain: ["The Guardian", "the foreign secretary"] }]],
  ["content, speaker, then the agency", "The exchange could happen this week, he noted, the state news agency RIA Novosti reported.",
    [{ source: "the state news agency RIA Novosti", cue: "reported", content: "The exchange could happen this week",
      chain: ["the state news agency RIA Novosti", "he"] }]],
  ["the pronoun is the person named before", "Lavrov spoke after the meeting in Riyadh. The talks were useful, he told reporters, Interfax reported.",
    [{ source: "Interfax", cue: "reported", content: "The talks were useful", chain: ["Interfax", "he"],
      entities: ["outlet:interfax", "person:sergei-lavrov"] }]],
  ["a report framing a statement that ends the sentence", "The Kremlin said Putin would not travel to Johannesburg, TASS reported.",
    [{ source: "TASS", cue: "reported", content: "Putin would not travel to Johannesburg", chain: ["TASS", "The Kremlin"] }]],
  ["an agency citing sources between commas", "Bloomberg, citing three people familiar with the plans, reported that the visit had been postponed.",
    [{ source: "Bloomberg", cue: "reported", content: "the visit had been postponed",
      chain: ["Bloomberg", "three people familiar with the plans"] }]],
  ["a citation that opens the sentence", "Citing two government sources, the Nikkei said Tokyo would delay the trip.",
    [{ source: "the Nikkei", cue: "said", content: "Tokyo would delay the trip", chain: ["the Nikkei", "two government sources"] }]],
  ["a report quoting officials", "The ceasefire talks have stalled, according to an Axios report quoting two Israeli officials.",
    [{ source: "an Axios report", cue: "according to", chain: ["an Axios report", "two Israeli officials"] }]],
  ["an agency quoting someone as saying", "Xinhua quoted Foreign Minister Wang Yi as saying that China backed dialogue.",
    [{ source: "Xinhua", cue: "quoted Foreign Minister Wang Yi as saying", content: "China backed dialogue",
      chain: ["Xinhua", "Foreign Minister Wang Yi"], entities: ["outlet:xinhua", "person:wang-yi"] }]],
  ["someone quoted by an agency: the agency relays", "Lavrov was quoted by RIA Novosti as saying Moscow saw no point in new talks.",
    [{ source: "Lavrov", cue: "quoted by RIA Novosti as saying", content: "Moscow saw no point in new talks",
      chain: ["RIA Novosti", "Lavrov"] }]],
  ["a speaker's words by way of an agency, both after the content", "Japan will stay away from the parade, a government spokesman said, according to Jiji Press.",
    [{ source: "Jiji Press", cue: "according to", content: "Japan will stay away from the parade",
      chain: ["Jiji Press", "a government spokesman"] }]],
  ["a report on what one leader told another", "The Wall Street Journal reported Friday that Trump told Putin he was ready to meet.",
    [{ source: "The Wall Street Journal", cue: "reported", content: "he was ready to meet", chain: ["The Wall Street Journal", "Trump"] }]],
  ["an interrupting speaker inside a report", "Yonhap reported that the talks, a ministry official said, would resume in March.",
    [{ source: "Yonhap", cue: "reported", content: "the talks, a ministry official said, would resume in March",
      chain: ["Yonhap", "a ministry official"] }]],
  ["a transcript between the cue and its clause", "Peskov said on Monday, according to a transcript, that no date had been agreed.",
    [{ source: "a transcript", cue: "according to", content: "no date had been agreed", chain: ["a transcript", "Peskov"] }]],
  ["quoted speech reported by state media", "“We will respond firmly,” the ministry said, according to state media.",
    [{ source: "state media", cue: "according to", chain: ["state media", "the ministry"] }]],
  // a report inside the content, but not all of it, stays its own and is relayed by the outer source
  ["a statement inside a reported clause", "Reuters reported that oil prices rose after Trump said he would impose tariffs.",
    [{ source: "Reuters", cue: "reported", chain: ["Reuters"] }, { source: "Trump", cue: "said", chain: ["Reuters", "Trump"] }]],
  ["a participle inside content framed by 'according to'",
    "Blinken broke the news to Netanyahu in a phone call, telling him that the schedule had no room for a visit, according to the officials.",
    [{ source: "Blinken", cue: "telling", content: "the schedule had no room for a visit", chain: ["the officials", "Blinken"] },
      { source: "the officials", cue: "according to", chain: ["the officials"] }]],
  // not nested
  ["a time adjunct framing the report", "The Kremlin said Russia had not agreed on a venue, a day after a senior aide said a summit could come in June.",
    [{ source: "The Kremlin", cue: "said", content: "Russia had not agreed on a venue", chain: ["The Kremlin"] },
      { source: "a senior aide", cue: "said", chain: ["a senior aide"] }]],
  ["a report inside a leading clause", "A day after Biden said he would not host Netanyahu soon, U.S. officials stressed that no date had been set.",
    [{ source: "Biden", cue: "said", content: "he would not host Netanyahu soon", chain: ["Biden"] },
      { source: "U.S. officials", cue: "stressed", chain: ["U.S. officials"] }]],
  ["a relative clause of the author's", "He said nothing about the post, in which the Ukrainian leader wrote that he would wait in Ankara.",
    [{ source: "He", cue: "said", chain: ["He"] }, { source: "the Ukrainian leader", cue: "wrote", chain: ["the Ukrainian leader"] }]],
  ["two reports joined by 'and'", "AP reported the talks had ended, and Zelensky said he was disappointed.",
    [{ source: "AP", cue: "reported", chain: ["AP"] }, { source: "Zelensky", cue: "said", content: "he was disappointed", chain: ["Zelensky"] }]],
  ["a relative clause inside the content", "Yonhap said the North's statement, which accused Seoul of provocation, was issued on Sunday.",
    [{ source: "Yonhap", cue: "said", chain: ["Yonhap"] }, { source: "the North's statement", cue: "accused" }]],
  ["a named speaker telling an agency speaks on the record", "Putin told TASS that a meeting was possible.",
    [{ source: "Putin", cue: "told", content: "a meeting was possible", chain: ["Putin"] }]],
  ["unnamed sources telling an outlet: the outlet relays", "The meeting is set for Sept. 21, Israeli diplomatic sources told The Times of Israel.",
    [{ source: "Israeli diplomatic sources", cue: "told", chain: ["The Times of Israel", "Israeli diplomatic sources"] }]],
  ["an agency quoting someone as calling", "The AP quoted a senior White House official as calling the refusal short-sighted.",
    [{ source: "The AP", cue: "quoted a senior White House official as calling", content: "the refusal short-sighted",
      chain: ["The AP", "a senior White House official"] }]],
  ["a relative clause after a dated report", "The remarks followed a radio report on Sunday, which said Putin wanted to come soon.",
    [{ source: "a radio report", cue: "said", content: "Putin wanted to come soon" }]],
  ["'as reported by' vouches for a relative clause too", "He was answering Nicolaou, who said all five leaders would attend, as reported by Eyewitness News.",
    [{ source: "Nicolaou", cue: "said", chain: ["Eyewitness News", "Nicolaou"] }, { source: "Eyewitness News", cue: "as reported by" }]],
];

const SUBJECTS: Array<[string, string, Expected[]]> = [
  ["a second cue shares the first one's source", "The official said the format was still being finalised but confirmed plans for two sessions.",
    [{ source: "The official", cue: "said", content: "the format was still being finalised" },
      { source: "The official", cue: "confirmed", content: "plans for two sessions" }]],
  ["a coordinated cue after a comma", "Putin said the new round should start where the old one stopped, and argued that Kyiv had walked away.",
    [{ source: "Putin", cue: "said", content: "the new round should start where the old one stopped" },
      { source: "Putin", cue: "argued", content: "Kyiv had walked away" }]],
  ["a coordinated cue inside a relative clause", "The push came from Macron, who spent Sunday on the phone and announced that both leaders had agreed.",
    [{ source: "Macron", cue: "announced", content: "both leaders had agreed" }]],
  ["a participle after a time between subject and verb", "The Kremlin on Monday poured cold water on the idea, saying no plans existed.",
    [{ source: "The Kremlin", cue: "saying" }]],
  ["a coordinated cue after a report in a time adjunct",
    "Abe spoke with Trump on Friday, hours after the White House said Trump would meet Kim, and afterwards told reporters that Japan welcomed it.",
    [{ source: "the White House", cue: "said", content: "Trump would meet Kim" },
      { source: "Abe", cue: "told", content: "Japan welcomed it" }]],
  ["a wh-phrase before the source is no appositive", "Whatever the venue, officials caution that the logistics could take weeks.",
    [{ source: "officials", cue: "caution" }]],
  ["a participle clause between the object and a second 'that'",
    "Trump confirmed the encounter on Twitter, writing that Pompeo had met Kim, that the meeting went smoothly.",
    [{ source: "Trump", cue: "confirmed", content: "the encounter on Twitter, writing that Pompeo had met Kim, that the meeting went smoothly" }]],
  ["a negative subject reports nothing", "Nothing in the document suggests the president intends to travel.", []],
];

const CUES: Array<[string, string, Expected[]]> = [
  ["described as", "Officials in Kyiv described the atmosphere as tense.",
    [{ source: "Officials in Kyiv", cue: "described", content: "the atmosphere as tense" }]],
  ["characterised as", "Seoul's unification ministry characterised the North's statement as a rejection of dialogue.",
    [{ source: "Seoul's unification ministry", cue: "characterised", content: "the North's statement as a rejection of dialogue" }]],
  ["called with an adjective", "Trump called the two-hour call productive.",
    [{ source: "Trump", cue: "called", content: "the two-hour call productive" }]],
  ["called with a quotation", "Sybiha called the proposal “a step in the right direction.”",
    [{ source: "Sybiha", cue: "called" }]],
  ["called with a noun phrase", "He called it a good meeting.", [{ source: "He", cue: "called", content: "it a good meeting" }]],
  ["termed", "The Chinese side termed the visit historic.", [{ source: "The Chinese side", cue: "termed", content: "the visit historic" }]],
  ["hailed as", "Erdogan hailed the prisoner swap as proof that diplomacy works.",
    [{ source: "Erdogan", cue: "hailed", content: "the prisoner swap as proof that diplomacy works" }]],
  ["dismissed as", "Kim Yo Jong dismissed the offer as wishful thinking.",
    [{ source: "Kim Yo Jong", cue: "dismissed", content: "the offer as wishful thinking" }]],
  ["a described-as cue framed by an agency", "Kim Yo Jong dismissed the offer as wishful thinking, KCNA reported.",
    [{ source: "KCNA", cue: "reported", content: "the offer as wishful thinking", chain: ["KCNA", "Kim Yo Jong"] }]],
  ["posted on a platform that", "Trump posted on Truth Social that the meeting in Budapest was off.",
    [{ source: "Trump", cue: "posted", content: "the meeting in Budapest was off" }]],
  ["wrote on X that", "Sybiha wrote on X that Kyiv was ready for a full ceasefire.",
    [{ source: "Sybiha", cue: "wrote", content: "Kyiv was ready for a full ceasefire" }]],
  ["said in a post on a platform", "Medvedev said in a post on Telegram that Europe would regret the decision.",
    [{ source: "Medvedev", cue: "said in a post", content: "Europe would regret the decision" }]],
  ["an interview opening the sentence", "In an interview with CBS on Sunday, Rubio said the talks had stalled.",
    [{ source: "Rubio", cue: "said", content: "the talks had stalled" }]],
  ["someone's office", "Zelensky's office said the delegation had landed in Istanbul.",
    [{ source: "Zelensky's office", cue: "said", content: "the delegation had landed in Istanbul" }]],
  ["a readout", "A readout from the Kremlin said the two leaders spoke for more than two hours.",
    [{ source: "A readout from the Kremlin", cue: "said", content: "the two leaders spoke for more than two hours" }]],
  ["the statement said", "The joint statement said both sides would keep working on a prisoner exchange.",
    [{ source: "The joint statement", cue: "said", content: "both sides would keep working on a prisoner exchange" }]],
  ["described with an adjunct before 'as'", "Officials on both sides describe a meeting there as possible.",
    [{ source: "Officials on both sides", cue: "describe", content: "a meeting there as possible" }]],
  ["a floating quantifier and a quotation described whole",
    "Washington and Beijing each described the discussions on Sept. 16 as “candid, substantive and constructive”.",
    [{ source: "Washington and Beijing", cue: "described", content: "the discussions on Sept. 16 as “candid, substantive and constructive”" }]],
  ["called with an adverb before the adjective", "Putin called the conversation very useful.",
    [{ source: "Putin", cue: "called", content: "the conversation very useful" }]],
  ["proposed that", "Russia proposed on Wednesday that the negotiators meet again in Istanbul.",
    [{ source: "Russia", cue: "proposed", content: "the negotiators meet again in Istanbul" }]],
  ["indicated with a bare clause", "His administration has indicated it would like the summit to fit into the trip.",
    [{ source: "His administration", cue: "indicated", content: "it would like the summit to fit into the trip" }]],
  // not cues
  ["proposed with an object only", "Russia proposed a ceasefire.", []],
  ["called someone on a day", "Trump called Putin on Tuesday.", []],
  ["called for", "The bloc called for an immediate ceasefire.", []],
  ["called off", "Trump called off the summit.", []],
  ["a name after 'called'", "A group called the Popular Front claimed the attack.", []],
  ["passive description", "The talks were described as constructive.", []],
];

const SPANS: Array<[string, string, Expected[]]> = [
  ["a briefing aside with a day", "Leavitt, in a briefing on Thursday, said the president was open to a meeting.",
    [{ source: "Leavitt", cue: "said", content: "the president was open to a meeting" }]],
  ["a bare day inside the aside", "Leavitt, speaking at a briefing Thursday, said the president would travel.",
    [{ source: "Leavitt", cue: "said", content: "the president would travel" }]],
  ["an envoy to a country", "South Korea's envoy to the United States said the tariff talks would resume.",
    [{ source: "South Korea's envoy to the United States", cue: "said", entities: ["country:KR"] }]],
  ["an ambassador to a body", "Ukraine's ambassador to the United Nations told the Security Council that Russia had escalated.",
    [{ source: "Ukraine's ambassador to the United Nations", cue: "told", content: "Russia had escalated", entities: ["country:UA"] }]],
  ["an adviser to someone is not that person", "An adviser to the president said the offer remained open.",
    [{ source: "An adviser to the president", cue: "said", entities: [null] }]],
  ["title, then name", "The Kremlin's spokesman, Dmitry Peskov, told reporters that Putin had no plans to travel.",
    [{ source: "The Kremlin's spokesman, Dmitry Peskov", cue: "told", content: "Putin had no plans to travel",
      entities: ["person:dmitry-peskov"] }]],
  ["a long title, then name", "The Kremlin's foreign policy aide, Yuri Ushakov, said the date had not been fixed.",
    [{ source: "The Kremlin's foreign policy aide, Yuri Ushakov", cue: "said", entities: ["person:yuri-ushakov"] }]],
  ["name, then title, after an inverted cue", "The date has not been fixed, said Yuri Ushakov, the Kremlin's foreign policy aide.",
    [{ source: "Yuri Ushakov, the Kremlin's foreign policy aide", cue: "said", content: "The date has not been fixed",
      entities: ["person:yuri-ushakov"] }]],
  ["an aside of anonymity after a role", "A senior aide to Erdogan, speaking on condition of anonymity, said Ankara was ready.",
    [{ source: "A senior aide to Erdogan", cue: "said", content: "Ankara was ready" }]],
  ["an according-to aside after the subject", "The president, according to his office, spoke with Erdogan on Sunday.",
    [{ source: "his office", cue: "according to", content: "The president, according to his office, spoke with Erdogan on Sunday" }]],
  ["a dateline in parentheses is not content", "PARIS (AFP) - France will send more instructors, the defence minister said.",
    [{ source: "the defence minister", cue: "said", content: "France will send more instructors" }]],
];

const WIRE_VERBS: Array<[string, string, Expected[]]> = [
  ["said on a day", "Putin said on Thursday that Russia was ready for talks.",
    [{ source: "Putin", cue: "said", content: "Russia was ready for talks" }]],
  ["said late on a day", "The minister said late Friday that he knew of no invitation.",
    [{ source: "The minister", cue: "said", content: "he knew of no invitation" }]],
  ["told a news conference in a city", "Erdogan told a news conference in Ankara that Turkey would host the next round.",
    [{ source: "Erdogan", cue: "told", content: "Turkey would host the next round" }]],
  ["told reporters aboard a plane", "Trump told reporters aboard Air Force One that he would meet Kim if Kim wanted.",
    [{ source: "Trump", cue: "told", content: "he would meet Kim if Kim wanted" }]],
  ["told reporters travelling with him", "Rubio told reporters traveling with him in Kuala Lumpur that the meeting was still on.",
    [{ source: "Rubio", cue: "told", content: "the meeting was still on" }]],
  ["said in a statement, bare clause", "The president's spokesperson said in a statement the meeting was cancelled.",
    [{ source: "The president's spokesperson", cue: "said in a statement", content: "the meeting was cancelled" }]],
  ["said in a statement carried by state media", "Pyongyang has no interest in talks, Kim Yo Jong said in a statement carried by KCNA.",
    [{ source: "Kim Yo Jong", cue: "said in a statement", content: "Pyongyang has no interest in talks" }]],
  ["according to a transcript", "According to a transcript, Putin said the war would end soon.",
    [{ source: "a transcript", cue: "According to", content: "the war would end soon", chain: ["a transcript", "Putin"] }]],
  ["confirmed to reporters", "Umerov confirmed to journalists on Tuesday that the delegation had landed.",
    [{ source: "Umerov", cue: "confirmed", content: "the delegation had landed" }]],
  ["said in a nightly address", "Zelenskiy said in his nightly video address that Russia was stalling.",
    [{ source: "Zelenskiy", cue: "said", content: "Russia was stalling" }]],
  ["an aside that closes inside quotation marks", "Peskov, describing the contacts as “working,” said no summit was planned.",
    [{ source: "Peskov", cue: "said", content: "no summit was planned" }]],
];

describe("readAttributions: nested reports", () => {
  for (const [name, text, expected] of NESTED) it(name, () => check(text, expected));
});

describe("readAttributions: whose cue it is", () => {
  for (const [name, text, expected] of SUBJECTS) it(name, () => check(text, expected));
});

describe("readAttributions: evaluative and platform cues", () => {
  for (const [name, text, expected] of CUES) it(name, () => check(text, expected));
});

describe("readAttributions: source spans as written", () => {
  for (const [name, text, expected] of SPANS) it(name, () => check(text, expected));
});

describe("readAttributions: wire-copy speech verbs", () => {
  for (const [name, text, expected] of WIRE_VERBS) it(name, () => check(text, expected));
});

describe("readAttributions: an outlet named again", () => {
  it("links 'the newspaper' to the outlet mentioned last, also as the one told", () => {
    const text = "The Washington Post reported on Tuesday that planning had begun. One official told the newspaper the meeting " +
      "could come in November. The newspaper said the White House declined to comment.";
    const atts = read(text);
    expect(atts.map((a) => a.chain.map((c) => [c.text, c.entity]))).toEqual([
      [["The Washington Post", "outlet:washington-post"]],
      [["the newspaper", "outlet:washington-post"], ["One official", null]],
      [["The newspaper", "outlet:washington-post"]],
    ]);
  });
});

describe("readAttributions: the speaker after a nested report", () => {
  it("resolves a later pronoun to the one quoted, not to the agency", () => {
    const text = "TASS quoted Peskov as saying that no meeting was planned. He said contacts would continue.";
    const atts = read(text);
    expect(atts.map((a) => [a.source.text, a.source.entity])).toEqual([
      ["TASS", "outlet:tass"],
      ["He", "person:dmitry-peskov"],
    ]);
  });
});
