import { describe, expect, it } from "vitest";
import type { Attribution, EntityType } from "../src/domain/extraction.js";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities, type EntityMatch, type EntityReading } from "../src/extract/02-entities.js";
import { readAttributions } from "../src/extract/04-attributions.js";

/** What a case expects of one attribution; content and chain are checked only when given. */
interface Expected {
  source: string;
  cue: string;
  content?: string;
  chain?: string[];
}

function read(text: string, date: string | null = null): Attribution[] {
  const doc = tokenize(text);
  return readAttributions(doc, readEntities(doc, date));
}

function shape(text: string, atts: Attribution[]): Expected[] {
  return atts.map((a) => ({
    source: a.source.text,
    cue: a.cue.text,
    content: text.slice(a.content.start, a.content.end),
    chain: a.chain.map((c) => c.text),
  }));
}

/** Compares only the fields each expectation names. */
function check(text: string, expected: Expected[]): void {
  const got = shape(text, read(text));
  const trimmed = got.map((g, i) => {
    const e = expected[i] ?? { source: "", cue: "" };
    return {
      source: g.source,
      cue: g.cue,
      ...(e.content !== undefined ? { content: g.content } : {}),
      ...(e.chain !== undefined ? { chain: g.chain } : {}),
    };
  });
  expect(trimmed).toEqual(expected);
}

const CASES: Array<[string, string, Expected[]]> = [
  // [source] said [content]
  ["said that", "The ministry said on Monday that talks would resume.",
    [{ source: "The ministry", cue: "said", content: "talks would resume", chain: ["The ministry"] }]],
  ["said with bare clause", "Beijing has said it opposes the sanctions.",
    [{ source: "Beijing", cue: "said", content: "it opposes the sanctions" }]],
  // according to, both orders
  ["according to first", "According to the Kremlin, the talks were productive.",
    [{ source: "the Kremlin", cue: "According to", content: "the talks were productive" }]],
  ["according to last, post-modified source", "The talks were productive, according to two diplomats familiar with the plans.",
    [{ source: "two diplomats familiar with the plans", cue: "according to", content: "The talks were productive" }]],
  // content first, source then cue; inversion
  ["content-first", "Talks will resume next week, the minister said.",
    [{ source: "the minister", cue: "said", content: "Talks will resume next week" }]],
  ["inversion", "The talks will resume in May, said South Korea's foreign minister.",
    [{ source: "South Korea's foreign minister", cue: "said", content: "The talks will resume in May" }]],
  ["quote then inversion with appositive", "“We are ready to talk,” said Kim Yo Jong, the leader's sister.",
    [{ source: "Kim Yo Jong, the leader's sister", cue: "said" }]],
  ["told reporters after content", "Prices will rise, the company told reporters on Tuesday.",
    [{ source: "the company", cue: "told", content: "Prices will rise" }]],
  ["told reporters that", "Trump told reporters at the White House that the summit would go ahead.",
    [{ source: "Trump", cue: "told", content: "the summit would go ahead" }]],
  ["told reporters, after a long adjunct, that", "Blinken told reporters after talks with Ukrainian Foreign Minister Dmytro Kuleba in Washington that he had written to Lavrov.",
    [{ source: "Blinken", cue: "told", content: "he had written to Lavrov" }]],
  ["relative clause set off by commas", "Biden, who says he is going to see Xi, left India having spoken with Li Qiang.",
    [{ source: "Biden", cue: "says", content: "he is going to see Xi" }]],
  // other cue verbs
  ["denied", "The Kremlin has denied that any contacts took place.",
    [{ source: "The Kremlin", cue: "denied", content: "any contacts took place" }]],
  ["warned that", "Analysts warned that the deal could collapse.",
    [{ source: "Analysts", cue: "warned", content: "the deal could collapse" }]],
  ["cautioned, possessive source", "Iran's foreign ministry spokesman cautioned that the deal could unravel.",
    [{ source: "Iran's foreign ministry spokesman", cue: "cautioned" }]],
  ["suggest that", "Experts suggest that sanctions are not working.",
    [{ source: "Experts", cue: "suggest", content: "sanctions are not working" }]],
  ["announced", "The White House announced a new round of sanctions.",
    [{ source: "The White House", cue: "announced" }]],
  ["confirmed", "Pentagon officials confirmed the deployment on Friday.",
    [{ source: "Pentagon officials", cue: "confirmed" }]],
  ["maintains with bare clause", "North Korea maintains its nuclear arsenal is irreversible.",
    [{ source: "North Korea", cue: "maintains", content: "its nuclear arsenal is irreversible" }]],
  ["believe", "Officials in Seoul believe the launch was a failure.",
    [{ source: "Officials in Seoul", cue: "believe", content: "the launch was a failure" }]],
  ["suspect", "U.S. intelligence officials suspect Russia supplied the parts.",
    [{ source: "U.S. intelligence officials", cue: "suspect" }]],
  ["has stated", "Lee has stated that dialogue is the only option.",
    [{ source: "Lee", cue: "stated", content: "dialogue is the only option" }]],
  // statements and quotations
  ["in a statement, parenthetical", "Kim, in a statement, said the drills were a provocation.",
    [{ source: "Kim", cue: "in a statement, said", content: "the drills were a provocation" }]],
  ["said in a statement", "China's foreign ministry said in a statement that it opposed the sanctions.",
    [{ source: "China's foreign ministry", cue: "said in a statement", content: "it opposed the sanctions" }]],
  ["quoted as saying", "The foreign minister was quoted as saying the door remained open.",
    [{ source: "The foreign minister", cue: "quoted as saying", content: "the door remained open" }]],
  // participles
  ["participle takes the main subject", "Trump has expressed interest, recently saying he would meet Kim.",
    [{ source: "Trump", cue: "saying", content: "he would meet Kim" }]],
  ["participle after a cue continues it", "Kim has stated the demand is a nonstarter, insisting that a deal must acknowledge his country's status.",
    [{ source: "Kim", cue: "stated" }]],
  ["with-absolute participle", "Seoul welcomed the move, with its defence minister suggesting that drills could be scaled back.",
    [{ source: "its defence minister", cue: "suggesting", content: "drills could be scaled back" }]],
  // anonymous and appositive sources
  ["aside between commas", "One official, speaking on condition of anonymity, said the delegations had not agreed on a venue.",
    [{ source: "One official", cue: "said", content: "the delegations had not agreed on a venue" }]],
  ["aside without commas", "An official speaking on condition of anonymity said the talks had stalled.",
    [{ source: "An official", cue: "said" }]],
  ["relative clause aside", "The envoy, who spoke on condition of anonymity, said no date had been set.",
    [{ source: "The envoy", cue: "said" }]],
  ["title with of", "The minister of defence said the troops would stay.",
    [{ source: "The minister of defence", cue: "said" }]],
  ["coordinated source", "U.S. and South Korean officials said the drills would go ahead.",
    [{ source: "U.S. and South Korean officials", cue: "said" }]],
  ["time adjunct between source and cue", "The ministry on Monday said the border would reopen.",
    [{ source: "The ministry", cue: "said" }]],
  // pronoun sources
  ["pronoun he", "“We are ready to talk,” he said.", [{ source: "he", cue: "said" }]],
  ["pronoun it", "It said the plan was unworkable.", [{ source: "It", cue: "said", content: "the plan was unworkable" }]],
  ["pronoun they", "They warned that prices would rise.", [{ source: "They", cue: "warned" }]],
  ["pronoun she with hearer", "She told lawmakers the funds had been spent.",
    [{ source: "She", cue: "told", content: "the funds had been spent" }]],
  // chains
  ["chain: referencing", "The meeting is under discussion, according to U.S. officials referencing CNN reports.",
    [{ source: "U.S. officials", cue: "according to", chain: ["U.S. officials", "CNN reports"] }]],
  ["chain: that cited", "Tariffs may be lifted, according to a Bloomberg report that cited people familiar with the discussions.",
    [{ source: "a Bloomberg report", cue: "according to", chain: ["a Bloomberg report", "people familiar with the discussions"] }]],
  ["chain: citing inside commas", "Yonhap, citing a government source, said the talks had stalled.",
    [{ source: "Yonhap", cue: "said", chain: ["Yonhap", "a government source"], content: "the talks had stalled" }]],
  ["chain: citing at the end", "The ceasefire will hold, Reuters reported, citing two senior officials.",
    [{ source: "Reuters", cue: "reported", chain: ["Reuters", "two senior officials"] }]],
  ["chain: which cited", "According to the Financial Times, which cited three people briefed on the matter, the bank will cut rates.",
    [{ source: "the Financial Times", cue: "According to", chain: ["the Financial Times", "three people briefed on the matter"], content: "the bank will cut rates" }]],
  ["a time before the source is not part of it", "Wednesday morning Trump said the meeting had gone well.",
    [{ source: "Trump", cue: "said", chain: ["Trump"] }]],
  ["a day in a name stays", "Sunday Times reported the deal.",
    [{ source: "Sunday Times", cue: "reported", chain: ["Sunday Times"] }]],
  ["citing as the author's own cue", "U.S. officials are discussing a possible meeting during the trip, citing CNN.",
    [{ source: "CNN", cue: "citing", chain: ["CNN"], content: "U.S. officials are discussing a possible meeting during the trip" }]],
  ["citing a reason is no chain", "The minister said the plan was delayed, citing security concerns.",
    [{ source: "The minister", cue: "said", chain: ["The minister"] }]],
  // two cues in one sentence
  ["two sources", "Some officials believe the summit might be delayed, while others suspect it will be cancelled.",
    [{ source: "Some officials", cue: "believe" }, { source: "others", cue: "suspect", content: "it will be cancelled" }]],
  // more source shapes
  ["indefinite pronoun with post-modifier", "Someone familiar with the situation said the deal was off.",
    [{ source: "Someone familiar with the situation", cue: "said" }]],
  ["quantifier of", "Some of the diplomats said privately that the plan was dead.",
    [{ source: "Some of the diplomats", cue: "said", content: "the plan was dead" }]],
  ["with knowledge of", "Two people with knowledge of the matter said the deal was close.",
    [{ source: "Two people with knowledge of the matter", cue: "said" }]],
  ["noun after a preposition stays in the source", "Executives from several auto firms said sales had stabilised.",
    [{ source: "Executives from several auto firms", cue: "said" }]],
  ["nominal adjective head", "Ukraine's military said its air defences shot down 30 drones.",
    [{ source: "Ukraine's military", cue: "said", content: "its air defences shot down 30 drones" }]],
  ["appositive without a closing comma", "As part of the plan, Tom LaSorda, the president of Chrysler announced that plants would close.",
    [{ source: "Tom LaSorda, the president of Chrysler", cue: "announced", content: "plants would close" }]],
  ["source and cue interrupt the content", "The deal, officials said, could be signed next month.",
    [{ source: "officials", cue: "said", content: "The deal, officials said, could be signed next month" }]],
  ["coordinated verb shares the subject", "Jobs welcomed everyone to the event and announced that there were 3,800 attendees.",
    [{ source: "Jobs", cue: "announced", content: "there were 3,800 attendees" }]],
  ["time words between cue and clause", "The company said Tuesday it would cut 500 jobs.",
    [{ source: "The company", cue: "said", content: "it would cut 500 jobs" }]],
  ["chain: citing right after the cue", "Xinhua news agency reported, citing the ministry, that exports fell 5 percent.",
    [{ source: "Xinhua news agency", cue: "reported", content: "exports fell 5 percent", chain: ["Xinhua news agency", "the ministry"] }]],
  ["chain: quoted X as saying", "Tass quoted Peskov as saying that no meeting was planned.",
    [{ source: "Tass", cue: "quoted Peskov as saying", content: "no meeting was planned", chain: ["Tass", "Peskov"] }]],
  ["a quoted speaker's own 'I think'", "“I think the talks will work,” he said.",
    [{ source: "he", cue: "said", content: "“I think the talks will work" }]],
  ["colon before a quote", "The spokesman added: “We will not be intimidated.”",
    [{ source: "The spokesman", cue: "added" }]],
  // not attributions
  ["reduced passive with an agent", "The changes announced by the ministry took effect on Monday.", []],
  ["clause-only cue with an object after an according-to phrase", "According to Apple, the update adds over 250 new features.",
    [{ source: "Apple", cue: "According to", content: "the update adds over 250 new features" }]],
  ["headline verb with an object is no inversion", "Apple releases new phone, announces upcoming update", []],
  ["colon before a date", "Story posted: 08 / 02 / 2013", []],
  ["hedge reportedly", "The deal is reportedly close.", []],
  ["all told", "All told, the two sides met nine times.", []],
  ["said as adjective", "The said agreement was never ratified.", []],
  ["reported as modifier", "The reported deal collapsed within days.", []],
  ["added as plain verb", "The company added fuel to speculation.", []],
  ["negated cues", "Moscow has neither confirmed nor denied the deployment.", []],
  ["infinitive cue", "The spokesman declined to confirm the trip.", []],
  ["did not say", "Officials did not say when the talks would resume.", []],
  ["passive cue", "No formal arrangements have yet been confirmed.", []],
  ["passive told", "Ottawa had not been told of any change.", []],
  ["modal cue", "A new deal must acknowledge his country's status.", []],
  ["noun suggestion", "The suggestion from Seoul that the summit might offer a venue has added fuel to speculation.", []],
  ["hinted at", "Kim hinted at being open to a new meeting.", []],
  ["wh-object", "You know what they say about second chances.", []],
];

describe("readAttributions: frames", () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => check(text, expected));
  }
});

describe("readAttributions: development documents", () => {
  it("reads the two Turkish sources after the content", () => {
    const text = "ANKARA, July 8 - Turkey's foreign minister will travel to Damascus on Thursday for talks with Syrian officials, " +
      "two Turkish sources said on Monday. The visit would be the first by a Turkish minister in more than a decade. " +
      "A Syrian government spokesman declined to confirm the trip.";
    check(text, [{
      source: "two Turkish sources",
      cue: "said",
      content: "Turkey's foreign minister will travel to Damascus on Thursday for talks with Syrian officials",
    }]);
  });

  it("reads the Bloomberg chain and skips the passive 'told'", () => {
    const text = "The new administration may lift some tariffs on Canadian goods within weeks, according to a Bloomberg report that cited " +
      "people familiar with the discussions. Canada's trade minister said on Tuesday that Ottawa had not been told of any change.";
    check(text, [
      { source: "a Bloomberg report", cue: "according to", chain: ["a Bloomberg report", "people familiar with the discussions"] },
      { source: "Canada's trade minister", cue: "said", content: "Ottawa had not been told of any change" },
    ]);
  });

  it("reads three sources, one behind an aside", () => {
    const text = "Diplomats said a fourth round of talks was unlikely before the weekend. One official, speaking on condition of anonymity, said the delegations " +
      "had not agreed on a venue. Earlier on Wednesday, the foreign ministry insisted that no ultimatum had been issued.";
    check(text, [
      { source: "Diplomats", cue: "said" },
      { source: "One official", cue: "said" },
      { source: "the foreign ministry", cue: "insisted", content: "no ultimatum had been issued" },
    ]);
  });

  it("reads content-first sources, The Kremlin, a spy agency and an adviser", () => {
    const a = "ISTANBUL, May 15, 2025 - Russian and Ukrainian delegations could meet in Istanbul as soon as Friday, Turkish officials said, though " +
      "it remained unclear who would lead the Russian side. The Kremlin said last week that it wanted direct negotiations without preconditions.";
    check(a, [
      { source: "Turkish officials", cue: "said", content: "Russian and Ukrainian delegations could meet in Istanbul as soon as Friday" },
      { source: "The Kremlin", cue: "said", content: "it wanted direct negotiations without preconditions" },
    ]);
    const b = "SEOUL, Nov. 20 - North Korea sent troops to Russia in October, South Korea's spy agency told lawmakers on Wednesday, adding that some " +
      "had probably already been deployed to the front line. Moscow has neither confirmed nor denied the deployment.";
    check(b, [{ source: "South Korea's spy agency", cue: "told" }]);
    const c = "WASHINGTON, March 9, 2018 - The American president has accepted an invitation to meet Kim Jong Un by May, South Korea's national security " +
      "adviser announced on Thursday evening outside the White House. Kim had also pledged to refrain from further nuclear or missile tests, " +
      "the adviser said. No venue has been chosen.";
    check(c, [
      { source: "South Korea's national security adviser", cue: "announced" },
      { source: "the adviser", cue: "said", content: "Kim had also pledged to refrain from further nuclear or missile tests" },
    ]);
  });
});

const SEED = [
  "October 18, 2025 | Washington, D.C.",
  "The possibility of a meeting between U.S. President Donald Trump and North Korean leader Kim Jong Un is reportedly under discussion, " +
    "according to U.S. officials referencing CNN reports. The two may meet during President Trump’s upcoming Asia trip, although no formal " +
    "arrangements or direct contact with Pyongyang have yet been confirmed.",
  "In August, after a White House meeting with South Korean President Lee Jae Myung, Trump publicly stated he looked forward to meeting Kim. " +
    "The suggestion from Seoul that the upcoming Asia Pacific Economic Cooperation summit might offer a venue has added fuel to speculation. " +
    "Meanwhile, Kim has expressed a softening tone toward Washington, recently saying he holds “fond memories” of his 2018 talks with Trump " +
    "and hinted at being open to a new meeting on condition the United States drops its insistence on North Korea’s complete denuclearization.",
  "Although discussions are reportedly underway, there has been no formal outreach between the U.S. and North Korean governments. North Korea " +
    "maintains its nuclear arsenal is irreversible. Kim has stated the U.S. demand for full denuclearization is a nonstarter, insisting that a " +
    "new diplomatic deal must acknowledge his country’s status. A direct Trump-Kim meeting could also strain the U.S. alliance with South Korea " +
    "and Japan. Seoul, in particular, has expressed cautious optimism, with its unification minister suggesting that any summit might include " +
    "discussions of joint U.S.–South Korea military drills as a compromise.",
  "Past talks faltered when North Korea demanded sanctions relief in exchange for only limited relinquishment of its nuclear program. Analysts " +
    "warn that without realistic goals and allied coordination, this effort too could collapse.",
  "The APEC summit later this fall is seen as the most likely forum for the meeting. Some observers suggest that a preparatory gesture, such as " +
    "a letter from Trump to Kim, might precede any public confirmation of a face-to-face encounter.",
].join("\n");

describe("readAttributions: the seed article", () => {
  it("finds exactly its eight attributions, in order", () => {
    const atts = read(SEED, "2025-10-18");
    expect(atts.map((a) => [a.source.text, a.cue.text])).toEqual([
      ["U.S. officials", "according to"],
      ["Trump", "stated"],
      ["Kim", "saying"],
      ["North Korea", "maintains"],
      ["Kim", "stated"],
      ["its unification minister", "suggesting"],
      ["Analysts", "warn"],
      ["Some observers", "suggest"],
    ]);
    expect(atts[0].chain.map((c) => c.text)).toEqual(["U.S. officials", "CNN reports"]);
    for (const a of atts) {
      expect(SEED.slice(a.source.start, a.source.end)).toBe(a.source.text);
      expect(SEED.slice(a.cue.start, a.cue.end)).toBe(a.cue.text);
      expect(a.content.end).toBeGreaterThanOrEqual(a.content.start);
    }
    // the participle's source is the subject of its main clause, the third "Kim" of the text
    const kim = atts[2].source.start;
    expect(SEED.slice(kim - 11, kim)).toBe("Meanwhile, ");
  });

  it("gives each attribution the index of its sentence", () => {
    const doc = tokenize(SEED);
    for (const a of readAttributions(doc, readEntities(doc, "2025-10-18"))) {
      const s = doc.sentences[a.sentence];
      expect(a.cue.start).toBeGreaterThanOrEqual(s.start);
      expect(a.cue.end).toBeLessThanOrEqual(s.end);
    }
  });
});

/** A hand-made entity reading: every listed name is matched wherever it occurs. */
function entitiesFor(text: string, names: Array<[string, string, EntityType]>): EntityReading {
  const matches: EntityMatch[] = [];
  for (const [name, id, type] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      matches.push({ start: at, end: at + name.length, text: name, entity: id, name, type, sentence: 0, first: 0, last: 0 });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { entities: [], matches };
}

describe("readAttributions: entities", () => {
  it("links sources and chain elements to overlapping entity matches", () => {
    const text = "The possibility of a meeting is under discussion, according to U.S. officials referencing CNN reports. " +
      "North Korean leader Kim Jong Un said he was ready.";
    const ents = entitiesFor(text, [
      ["CNN", "outlet:cnn", "outlet"],
      ["North Korean", "country:KP", "country"],
      ["Kim Jong Un", "person:kim-jong-un", "person"],
    ]);
    const atts = readAttributions(tokenize(text), ents);
    expect(atts[0].source.entity).toBeNull();
    expect(atts[0].chain.map((c) => c.entity)).toEqual([null, "outlet:cnn"]);
    // the match holding the phrase's head wins over the modifier's country
    expect(atts[1].source).toMatchObject({ text: "North Korean leader Kim Jong Un", entity: "person:kim-jong-un" });
  });

  it("resolves pronoun sources to the nearest earlier entity of a fitting type", () => {
    const text = "Kim Jong Un met officials from China in Pyongyang. He said the talks went well. " +
      "The Kremlin welcomed the meeting. It said Moscow was ready to help. Analysts were not sure.";
    const ents = entitiesFor(text, [
      ["Kim Jong Un", "person:kim-jong-un", "person"],
      ["China", "country:CN", "country"],
      ["Pyongyang", "place:pyongyang", "place"],
      ["The Kremlin", "organization:kremlin", "organization"],
      ["Moscow", "place:moscow", "place"],
    ]);
    const atts = readAttributions(tokenize(text), ents);
    expect(atts.map((a) => [a.source.text, a.source.entity])).toEqual([
      ["He", "person:kim-jong-un"],
      ["It", "organization:kremlin"],
    ]);
  });

  it("prefers the previous speaker for a pronoun source in the next sentences", () => {
    const text = "Kim Yo Jong, the sister of leader Kim Jong Un, warned that the North would respond. " +
      "She said in a statement carried by KCNA that Washington was playing with fire.";
    const ents = entitiesFor(text, [
      ["Kim Yo Jong", "person:kim-yo-jong", "person"],
      ["Kim Jong Un", "person:kim-jong-un", "person"],
      ["KCNA", "outlet:kcna", "outlet"],
    ]);
    const atts = readAttributions(tokenize(text), ents);
    expect(atts.map((a) => [a.source.text, a.cue.text, a.source.entity])).toEqual([
      ["Kim Yo Jong, the sister of leader Kim Jong Un", "warned", "person:kim-yo-jong"],
      ["She", "said in a statement", "person:kim-yo-jong"],
    ]);
    expect(text.slice(atts[1].content.start, atts[1].content.end)).toBe("Washington was playing with fire");
  });

  it("takes someone else who opens a sentence since the last speaker for a pronoun source", () => {
    const text = "Trump said the deal was done. In Kyiv, Zelensky struck a guarded tone. He told reporters the text was a framework.";
    const ents = entitiesFor(text, [
      ["Trump", "person:donald-trump", "person"],
      ["Kyiv", "place:kyiv", "place"],
      ["Zelensky", "person:volodymyr-zelenskyy", "person"],
    ]);
    const atts = readAttributions(tokenize(text), ents);
    expect(atts.map((a) => [a.source.text, a.source.entity])).toEqual([
      ["Trump", "person:donald-trump"],
      ["He", "person:volodymyr-zelenskyy"],
    ]);
  });

  it("works with no entity matches at all", () => {
    const atts = readAttributions(tokenize("He said it was over."), { entities: [], matches: [] });
    expect(atts).toHaveLength(1);
    expect(atts[0].source).toMatchObject({ text: "He", entity: null });
  });
});

describe("readAttributions: cost", () => {
  it("stays linear: a long document reads in well under a second", () => {
    const para = "Talks will resume next week, the minister said. According to two diplomats familiar with the plans, a deal is near. " +
      "Kim, in a statement, said the drills were a provocation. The deal is reportedly close. ";
    const text = para.repeat(200);
    const doc = tokenize(text);
    const ents = readEntities(doc, null);
    const t0 = performance.now();
    const atts = readAttributions(doc, ents);
    const ms = performance.now() - t0;
    expect(atts).toHaveLength(600);
    expect(ms).toBeLessThan(1000);
  });
});
