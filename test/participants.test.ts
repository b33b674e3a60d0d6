import { describe, expect, it } from "vitest";
import { extract } from "../src/extract/index.js";
import type { EventMention } from "../src/domain/extraction.js";

/**
 * One reading to check: the text (a sentence, or a short article when the parties come from context), its date, the
 * trigger (and which of its occurrences), the participants in any order, and the place when given (null: none).
 */
interface Case {
  text: string;
  date: string;
  trigger: string;
  n?: number;
  participants: string[];
  place?: string | null;
}

function mention(c: Case): EventMention {
  const events = extract({ text: c.text, date: c.date }).events.filter((e) => e.trigger.text === c.trigger);
  expect(events.length, `no event "${c.trigger}" in "${c.text}"`).toBeGreaterThanOrEqual(c.n ?? 1);
  return events[(c.n ?? 1) - 1];
}

function check(cases: Case[]): void {
  for (const c of cases) {
    it(`${c.trigger}${c.n ? `#${c.n}` : ""} in "${c.text.length > 110 ? `${c.text.slice(0, 110)}…` : c.text}"`, () => {
      const e = mention(c);
      expect([...new Set(e.participants)].sort()).toEqual([...c.participants].sort());
      if (c.place !== undefined) expect(e.place).toBe(c.place);
    });
  }
}

const BIDEN = "person:joe-biden";
const XI = "person:xi-jinping";
const PUTIN = "person:vladimir-putin";
const TRUMP = "person:donald-trump";
const ZELENSKY = "person:volodymyr-zelenskyy";
const KIM = "person:kim-jong-un";
const SULLIVAN = "person:jake-sullivan";
const PATRUSHEV = "person:nikolai-patrushev";
const BLINKEN = "person:antony-blinken";
const LAVROV = "person:sergei-lavrov";
const MACRON = "person:emmanuel-macron";

describe("participants: subjects and objects of the verb", () => {
  check([
    // A verb coordinated after a phrase of time ("since the invasion") shares the subject before it.
    {
      text: "Xi has spoken to Putin several times since the invasion but has not spoken to Zelensky since it began.",
      date: "2023-02-24",
      trigger: "spoken",
      n: 2,
      participants: [XI, ZELENSKY],
    },
    // A companion named by a pronoun is the person told of before: the one who invites.
    { text: "President Joe Biden on Monday invited Israeli Prime Minister Benjamin Netanyahu to meet with him in the United States this fall.", date: "2023-07-17", trigger: "meet", participants: [BIDEN, "person:benjamin-netanyahu"] },
    // A determiner opens its phrase: the date before "that" is not the start of the subject.
    { text: "The White House said on Friday that President Joe Biden will meet Chinese President Xi Jinping on Nov. 15.", date: "2023-11-10", trigger: "meet", participants: [BIDEN, XI] },
    { text: "Joe Biden and Xi Jinping will hold talks on Wednesday in California, officials said.", date: "2023-11-10", trigger: "talks", participants: [BIDEN, XI] },
    // A comma does not join a place to the people after it: "talked in St. Peter's Basilica, Bessent and Svyrydenko signed".
    { text: "Four days after he and Zelensky talked in St. Peter's Basilica, Scott Bessent and Yulia Svyrydenko signed in Washington.", date: "2025-05-01", trigger: "signed", participants: ["person:scott-bessent", "person:yulia-svyrydenko"] },
    // "their" with one person named before takes the first named after it.
    { text: "Benjamin Netanyahu's office said that at the start of their meeting in New York, Joe Biden had invited him to Washington.", date: "2023-09-20", trigger: "meeting", participants: ["person:benjamin-netanyahu", BIDEN] },
    // An infinitive of purpose after a verb of going and its adjuncts shares the verb's subject.
    { text: "Shinzo Abe said he would travel to the United States in April to see Donald Trump.", date: "2018-03-10", trigger: "see", participants: ["person:shinzo-abe", TRUMP] },
    // A particle the tagger takes for an adverb still leads to the one met: "sits down with".
    { text: "Joe Biden sits down with Vladimir Putin in Geneva on Wednesday.", date: "2021-06-14", trigger: "sits", participants: [BIDEN, PUTIN], place: "place:geneva" },
    // "they" in what a body says are the others named before, never the body itself.
    { text: "The text is to be settled by Antony Blinken and Sergei Lavrov when they meet on Thursday, the Elysee said.", date: "2022-02-21", trigger: "meet", participants: [BLINKEN, LAVROV] },
    // An apposition between commas: the name before it is the subject, a possessor inside it is not.
    { text: "Jake Sullivan, Biden's national security adviser, met Russian Security Council secretary Nikolai Patrushev in Geneva on Monday.", date: "2021-05-24", trigger: "met", participants: [SULLIVAN, PATRUSHEV], place: "place:geneva" },
    // The names an apposition gives when the phrase before it names only what they belong to.
    { text: "The national security advisers of the two countries, Jake Sullivan and Nikolai Patrushev, held talks in Geneva.", date: "2021-05-24", trigger: "talks", participants: [SULLIVAN, PATRUSHEV], place: "place:geneva" },
    // A pronoun coordinated into the subject stands for the person named before it.
    { text: "Joe Biden proposed on Tuesday that he and Vladimir Putin hold a summit in a third country.", date: "2021-04-13", trigger: "summit", participants: [BIDEN, PUTIN] },
    // A particle between the verb and the infinitive does not cut the subject off.
    { text: "Biden walked out to greet Xi before the talks began.", date: "2023-11-15", trigger: "greet", participants: [BIDEN, XI] },
    { text: "Trump spoke to Putin by telephone for two hours on Monday.", date: "2025-05-19", trigger: "spoke", participants: [TRUMP, PUTIN] },
    { text: "Zelensky said he would travel to Turkey and wait there for Putin on Thursday.", date: "2025-05-11", trigger: "wait", participants: [ZELENSKY, PUTIN] },
    // An aside between commas does not cut a verb from its infinitive; "his" is the subject's of its own clause.
    { text: "Merz said Putin had agreed, in his call with Trump, to meet Zelensky within two weeks.", date: "2025-08-19", trigger: "meet", participants: [PUTIN, ZELENSKY] },
    { text: "Merz said Putin had agreed, in his call with Trump, to meet Zelensky within two weeks.", date: "2025-08-19", trigger: "call", participants: [PUTIN, TRUMP] },
    { text: "Merz recalled that Trump had said after his talks with Putin that a meeting would follow.", date: "2025-08-26", trigger: "talks", participants: [TRUMP, PUTIN] },
    // A gerund after a verb shares its subject; so does the happening that a party rules out, not a spokesperson's.
    { text: "Putin said he had never ruled out meeting Zelensky.", date: "2025-09-03", trigger: "meeting", participants: [PUTIN, ZELENSKY] },
    { text: "Putin does not rule out a meeting with Zelensky, Peskov said.", date: "2025-08-29", trigger: "meeting", participants: [PUTIN, ZELENSKY] },
    // The presidents of two countries named by their adjectives are the two officeholders of the day.
    { text: "Trump said he had begun arranging a meeting between the Russian and Ukrainian presidents.", date: "2025-08-19", trigger: "meeting", participants: [PUTIN, ZELENSKY] },
    // A pronoun opening what a verb reports stands for that verb's subject, not for the first person in the sentence.
    { text: "After a meeting with Kim, Trump told reporters he looked forward to seeing Putin soon.", date: "2025-05-20", trigger: "seeing", participants: [TRUMP, PUTIN] },
    // Where a happening named as the subject is, its predicate says; a day between a held happening and its place is passed.
    { text: "Joe Biden will meet Xi Jinping. The meeting would be in San Francisco, the press secretary said.", date: "2023-10-31", trigger: "meeting", participants: [BIDEN, XI], place: "place:san-francisco" },
    { text: "Joe Biden and Xi Jinping will hold talks on Wednesday in California, the White House said.", date: "2023-11-10", trigger: "hold", participants: [BIDEN, XI], place: "place:us-california" },
    // An apposition after the person met is passed over to where they met, in any sentence of the text.
    { text: "The date was fixed on Tuesday. It came a day after Jake Sullivan met Nikolai Patrushev, secretary of Russia's Security Council, in Geneva.", date: "2021-05-25", trigger: "met", participants: [SULLIVAN, PATRUSHEV], place: "place:geneva" },
    // A place that names a clock is neither where nor who, in any sentence of the text.
    { text: "The Kremlin spoke first. Trump will speak with Putin at 10 a.m. Washington time on Monday.", date: "2025-05-17", trigger: "speak", participants: [TRUMP, PUTIN], place: null },
    // A phrase of manner ("face to face", "together") between the verb and where it happened is passed over.
    { text: "Joe Biden and Vladimir Putin last met face to face in Geneva in June 2021.", date: "2022-02-21", trigger: "met", participants: [BIDEN, PUTIN], place: "place:geneva" },
    { text: "Antony Blinken and Sergei Lavrov last sat down together in Geneva on Jan. 21.", date: "2022-02-17", trigger: "sat", participants: [BLINKEN, LAVROV], place: "place:geneva" },
    // A quotation opening after the determiner stays inside the phrase the verb holds.
    { text: "Vladimir Putin will pay a \"friendly state visit\" to North Korea on Tuesday, the Kremlin said.", date: "2024-06-17", trigger: "visit", participants: ["country:KP", PUTIN] },
    // A happening the speaker says is or is not in the works, naming only whom it would be with, is the speaker's own;
    // a spokesperson speaks for another and is not added.
    { text: "Trump said there were no plans to meet Kim during the trip.", date: "2025-10-27", trigger: "meet", participants: [TRUMP, KIM] },
    { text: "Putin said there were no plans for a meeting with Zelensky.", date: "2025-09-03", trigger: "meeting", participants: [PUTIN, ZELENSKY] },
    { text: "Peskov said there were no plans for a meeting with Zelensky.", date: "2025-09-03", trigger: "meeting", participants: [ZELENSKY] },
    // "no longer" is an adverb of the verb: the subject before it still takes part.
    { text: "JD Vance will no longer travel to Johannesburg, a person familiar with his plans said.", date: "2025-11-08", trigger: "travel", participants: ["person:jd-vance"], place: "place:johannesburg" },
    // A title naming a country or a body before a person is the person's, not a party of its own.
    { text: "Lavrov met Ukraine's chief negotiator Rustem Umerov in Istanbul.", date: "2025-05-16", trigger: "met", participants: [LAVROV, "person:rustem-umerov"], place: "place:istanbul" },
  ]);
});

describe("participants: the happening named by a noun", () => {
  check([
    { text: "Moscow rejected the idea of a meeting between Putin and Zelensky in Istanbul.", date: "2025-05-12", trigger: "meeting", participants: [PUTIN, ZELENSKY], place: "place:istanbul" },
    // A phrase that opens the sentence has the main clause's subject as a party.
    { text: "In a phone call with Putin, Biden said he wanted a stable and predictable relationship.", date: "2021-04-13", trigger: "call", participants: [BIDEN, PUTIN] },
    { text: "After talks with Ukrainian Foreign Minister Dmytro Kuleba in Washington, Blinken told reporters he had written to Lavrov.", date: "2022-02-22", trigger: "talks", participants: [BLINKEN, "person:dmytro-kuleba"], place: "country:US" },
    // A plural office after its countries stands for the holders of the day.
    { text: "Macron put forward the idea of a meeting between the U.S. and Russian leaders on European security.", date: "2022-02-21", trigger: "meeting", participants: [BIDEN, PUTIN] },
    { text: "The U.S. and Russian foreign ministers are due to hold their meeting on Thursday in Geneva.", date: "2022-02-22", trigger: "meeting", participants: [BLINKEN, LAVROV], place: "place:geneva" },
    // A government's seat is where a meeting is, not a party to it.
    { text: "Netanyahu lobbied for a White House meeting with Biden before the end of the year.", date: "2023-09-13", trigger: "meeting", participants: ["person:benjamin-netanyahu", BIDEN], place: "org:white-house" },
    { text: "Kim Jong Un will pay an official visit to Russia at Putin's invitation, the Kremlin said.", date: "2023-09-11", trigger: "visit", participants: [KIM, "country:RU"] },
  ]);
});

describe("participants: who does not take part", () => {
  check([
    // A gathering is attended, not a party.
    { text: "Xi Jinping will skip the G20 in New Delhi this week.", date: "2023-09-04", trigger: "skip", participants: [XI] },
    { text: "Premier Li Qiang will attend the G20 summit at the invitation of the Indian government.", date: "2023-09-04", trigger: "attend", participants: ["person:li-qiang"] },
    // Whoever sends an envoy stays home: only the envoy takes part.
    { text: "Beijing sent Premier Li Qiang to the summit in Xi's place.", date: "2023-09-10", trigger: "sent", participants: ["person:li-qiang"] },
    { text: "China is expected to be represented by Premier Li Qiang at the gathering.", date: "2023-08-31", trigger: "represented", participants: ["person:li-qiang"] },
    // The place left is neither a party nor where the happening is.
    { text: "Kim left Pyongyang on Sunday afternoon aboard his armoured train.", date: "2023-09-12", trigger: "left", participants: [KIM], place: null },
    // The one whose offer a meeting with others is takes part; a mediator's proposal of a summit names no party.
    { text: "Peskov dismissed Zelensky's offer of a meeting with Putin.", date: "2025-05-28", trigger: "meeting", participants: [ZELENSKY, PUTIN] },
    { text: "Both leaders accepted in principle Emmanuel Macron's proposal of a summit.", date: "2022-02-21", trigger: "summit", participants: [] },
    { text: "Kyiv welcomed the U.S. proposal for a ceasefire with Russia.", date: "2025-03-11", trigger: "ceasefire", participants: ["country:RU"] },
    // Who judges a happening does not take part for judging it; who calls it off does.
    { text: "Rubio and Lavrov spoke by phone on Monday, and the Russian foreign ministry called the call constructive.", date: "2025-10-20", trigger: "call", participants: ["person:marco-rubio", "person:sergei-lavrov"] },
    { text: "Blinken called the meeting with Lavrov off on Tuesday.", date: "2022-02-22", trigger: "meeting", participants: [LAVROV, BLINKEN] },
    // Whoever went without a meeting with someone is one who looked for it.
    { text: "Biden left India without a meeting with Xi Jinping.", date: "2023-09-11", trigger: "meeting", participants: [XI, BIDEN] },
    // People sent by countries ("negotiators from Russia and Ukraine") make those countries the parties.
    { text: "Negotiators from Russia and Ukraine sat across from each other in Istanbul on Friday.", date: "2025-05-16", trigger: "sat", participants: ["country:RU", "country:UA"] },
    // A verb after ", then" shares the subject of the verb before it.
    { text: "Donald Trump hosted Volodymyr Zelensky at the White House on Monday, then broke off to phone Vladimir Putin.", date: "2025-08-18", trigger: "phone", participants: [TRUMP, PUTIN] },
    // A speaker is no party for speaking about a meeting of others.
    { text: "Trump said the meeting between Witkoff and Putin was productive.", date: "2025-08-07", trigger: "meeting", participants: ["person:steve-witkoff", PUTIN] },
    // The noun a verb of meeting is held in is that verb's happening, not the meeting told before.
    {
      text: "It was unclear whether Antony Blinken would still sit down with Sergey Lavrov on Thursday. The United Nations Security Council was due to meet in an emergency session on Monday night.",
      date: "2022-02-21",
      trigger: "session",
      participants: ["org:unsc"],
    },
  ]);
});

describe("participants: a happening one party carries out alone", () => {
  check([
    // Told again naming no one, it is the act of whoever carried out the one told before.
    { text: "North Korea fired several ballistic missiles on Wednesday, the military said. The missiles were launched from the Pyongyang area.", date: "2025-10-22", trigger: "launched", participants: ["country:KP"] },
    // With none told before, it stays no one's.
    { text: "The missiles were launched from the Pyongyang area on Wednesday.", date: "2025-10-22", trigger: "launched", participants: [] },
  ]);
});

describe("participants: the country visited", () => {
  check([
    { text: "Kim Jong Un crossed into Russia early on Tuesday aboard his train.", date: "2023-09-12", trigger: "crossed", participants: [KIM, "country:RU"] },
    { text: "Kim arrived in Russia on Tuesday, the Kremlin said.", date: "2023-09-13", trigger: "arrived", participants: [KIM, "country:RU"], place: null },
    { text: "Kim spent six days in Russia last month.", date: "2023-10-03", trigger: "spent", participants: [KIM, "country:RU"] },
    // An irregular past form the tagger takes for a noun after its subject is still the verb.
    { text: "Biden walked out to greet Xi, and the two shook hands before sitting down.", date: "2023-11-15", trigger: "shook", participants: [BIDEN, XI] },
    // Been to a country is to have visited it.
    { text: "Putin has been to North Korea only once, in July 2000.", date: "2024-01-22", trigger: "been", participants: [PUTIN, "country:KP"] },
    // An invitation to a country tells of the guest's visit there; the host only asks for it.
    { text: "Kim invited Putin to North Korea during their summit last September.", date: "2024-05-24", trigger: "invited", participants: [PUTIN, "country:KP"] },
    // A city is where the visit goes, its country no party when the city is named.
    { text: "Putin flew to Pyongyang on Tuesday night.", date: "2024-06-19", trigger: "flew", participants: [PUTIN] },
    // Setting off for a country, and going on to it, is a visit there; a plan set for a person is no going.
    { text: "Putin was due to leave for Vietnam later on Wednesday.", date: "2024-06-19", trigger: "leave", participants: [PUTIN, "country:VN"] },
    { text: "Xi headed for Russia on Monday.", date: "2023-03-20", trigger: "headed", participants: [XI, "country:RU"] },
    { text: "Putin will go on to Vietnam on June 19-20, the Kremlin said.", date: "2024-06-17", trigger: "go", participants: [PUTIN, "country:VN"] },
    { text: "Putin will continue to Vietnam afterwards.", date: "2024-06-17", trigger: "continue", participants: [PUTIN, "country:VN"] },
    { text: "The talks will continue to focus on trade.", date: "2024-06-17", trigger: "continue", participants: [] },
    // A visit named by a noun goes to the country of the capital it names.
    { text: "Reuters reported that Xi's visit to Moscow could take place as early as next week.", date: "2023-03-13", trigger: "visit", participants: [XI, "country:RU"], place: "country:RU" },
  ]);
});

describe("participants: invitations", () => {
  check([
    // An invitation that names its guest and nothing it is to asks for the guest's visit to the host's country.
    { text: "Putin invited Xi during a video call on Dec. 30.", date: "2023-02-22", trigger: "invited", participants: [XI, "country:RU"] },
    // An object pronoun is the infinitive's subject, never the inviter.
    { text: "Trump said Xi had invited him to visit China in April.", date: "2025-10-30", trigger: "visit", participants: [TRUMP, "country:CN"] },
    // Who invites another to meet is the one met, unless the infinitive names whom.
    { text: "Netanyahu's office said Biden had invited Netanyahu to meet soon in the United States.", date: "2023-07-18", trigger: "meet", participants: ["person:benjamin-netanyahu", BIDEN] },
    {
      text: "Tzachi Hanegbi said Biden had invited Netanyahu to meet him at the White House in September.",
      date: "2023-07-18",
      trigger: "meet",
      participants: ["person:benjamin-netanyahu", BIDEN],
    },
    // Invited to a visit of its own, the invitation is not the visit.
    { text: "Kim invited Putin to visit Pyongyang at a convenient time.", date: "2023-09-14", trigger: "visit", participants: [PUTIN, "country:KP"] },
  ]);
});

describe("participants: the happening an article is about", () => {
  check([
    // A noun of visiting that refers back to a visit told by a verb of motion names the country visited; a verb of
    // motion that refers back names only who goes.
    {
      text: "Chinese President Xi Jinping arrived in San Francisco on Tuesday for a summit with Joe Biden. The trip is his first to the United States in six years.",
      date: "2023-11-14",
      trigger: "trip",
      participants: [XI, "country:US"],
    },
    {
      text: "Vladimir Putin told Wang Yi that Russia was waiting for Xi Jinping to come to Moscow. Russian officials have since spoken of a visit in the spring.",
      date: "2023-02-22",
      trigger: "visit",
      participants: [XI, "country:RU"],
    },
    {
      text: "Vladimir Putin crowned his first visit to North Korea in 24 years with a treaty. Putin landed at Pyongyang's Sunan airport shortly after 2 a.m. local time.",
      date: "2024-06-19",
      trigger: "landed",
      participants: [PUTIN],
    },
    // A visit naming no one, told beside its visitor's leaving a place, is the visitor's to that place's country.
    {
      text: "Xi Jinping left Moscow on Wednesday at the end of a three-day state visit.",
      date: "2023-03-22",
      trigger: "visit",
      participants: [XI, "country:RU"],
    },
    {
      text: "Kim Jong Un's train left Beijing on Thursday evening after talks with Xi Jinping, ending a visit in which he met Xi and Putin.",
      date: "2025-09-05",
      trigger: "visit",
      participants: [KIM, "country:CN"],
    },
    // "A meeting of the presidents" is the pair's told before, not the meeting of one who only does not rule it out.
    {
      text: "Zelensky said he was ready to meet Putin. The Kremlin has not ruled out a meeting of the presidents; it has simply never put one on the schedule.",
      date: "2025-05-15",
      trigger: "meeting",
      participants: [PUTIN, ZELENSKY],
    },
    // A happening said to be someone's first (or last, or only) is theirs, with whom or where "to" or "with" names.
    {
      text: "If it happens, the trip would be Putin's first to North Korea since his July 2000 trip to Pyongyang.",
      date: "2023-09-14",
      trigger: "trip",
      participants: [PUTIN, "country:KP"],
    },
    { text: "The meeting was Biden's first with Xi as president.", date: "2022-11-14", trigger: "meeting", participants: [BIDEN, XI] },
    // "Such a trip" points back to the visit told before it, a recap between them or not.
    {
      text: "Putin said his invitation for Trump to visit Russia, made in Alaska last month, still stood, but that no preparations for such a trip were under way.",
      date: "2025-09-03",
      trigger: "trip",
      participants: [TRUMP, "country:RU"],
    },
    // A fronted phrase that tells what is spoken of is not the happening of the one who speaks.
    {
      text: "Asked about a call with Volodymyr Zelensky, the spokesman said he had no information. On the Moscow trip, he said details would come in due course.",
      date: "2023-03-14",
      trigger: "trip",
      participants: [],
    },
    // The pair named after the trigger ("between the two leaders") is the pair told of before.
    {
      text: "Vladimir Putin will travel to North Korea on Tuesday at Kim Jong Un's invitation. It will be the third summit between the two leaders.",
      date: "2024-06-17",
      trigger: "summit",
      participants: [PUTIN, KIM],
    },
    // A meeting naming only its companion is held with the person the text follows: the one named before it in its
    // sentence, else the first named in the sentence before.
    {
      text: "The red carpet at the air base gave Vladimir Putin a welcome on U.S. soil. Friday's talks with Donald Trump produced no ceasefire.",
      date: "2025-08-16",
      trigger: "talks",
      participants: [PUTIN, TRUMP],
    },
    {
      text: "Xi Jinping landed in Moscow on Monday and went straight into an informal meeting with Vladimir Putin.",
      date: "2023-03-20",
      trigger: "meeting",
      participants: [XI, PUTIN],
    },
    {
      text: "Lavrov wrote to Blinken on Monday. Blinken told reporters after talks with Dmytro Kuleba that the meeting was off.",
      date: "2022-02-22",
      trigger: "talks",
      participants: [BLINKEN, "person:dmytro-kuleba"],
    },
    // One who only tells of it, standing before it, leaves open whom the text follows.
    { text: "Putin arrived in Alaska on Friday. Peskov said talks with Trump would begin at once.", date: "2025-08-15", trigger: "talks", participants: [TRUMP] },
    // A meeting of three takes the people its sentence names, then its speaker, then the pair told before it.
    { text: "Trump said a three-way meeting was possible, but that Putin and Zelensky did not get along.", date: "2025-10-17", trigger: "meeting", participants: [PUTIN, ZELENSKY, TRUMP] },
    {
      text: "Trump said he had begun arranging a meeting between Putin and Zelensky. \"After that meeting takes place, we will have a Trilat, which would be the two Presidents, plus myself,\" Trump wrote.",
      date: "2025-08-19",
      trigger: "Trilat",
      participants: [PUTIN, ZELENSKY, TRUMP],
    },
    // "The conversation" is the happening told before it, of whatever kind.
    {
      text: "Joe Biden met Benjamin Netanyahu on Wednesday at a hotel in New York. Netanyahu's office said the private part of the conversation ran for about an hour.",
      date: "2023-09-20",
      trigger: "conversation",
      participants: [BIDEN, "person:benjamin-netanyahu"],
    },
    // With no meeting of its own, a meeting talked of is between the pair the article's call joins.
    {
      text: "Joe Biden and Vladimir Putin spoke by phone on Tuesday. Biden said the summit he had proposed could take place in Europe this summer.",
      date: "2021-04-15",
      trigger: "summit",
      participants: [BIDEN, PUTIN],
    },
    // "The two sides" are two countries, never a leader and his aide who speaks: the countries the article joins.
    {
      text: "Vladimir Putin will pay a state visit to North Korea on Tuesday, the Kremlin said. Kremlin aide Yuri Ushakov said the two sides might sign a partnership agreement.",
      date: "2024-06-17",
      trigger: "sign",
      participants: ["country:KP", "country:RU"],
    },
    // A demonstrative points back across a recap: the summit accepted a month ago is the meeting that never took place.
    {
      text: "It is a far cry from a month ago, when the French presidency announced that Biden and Putin had accepted in principle a summit on European security. That meeting never took place.",
      date: "2022-03-17",
      trigger: "meeting",
      participants: [BIDEN, PUTIN],
    },
    // A mention whose pair comes from its own sentence ("by Joe Biden and Vladimir Putin after Wednesday's summit") is
    // an antecedent for the next.
    {
      text: "The White House has ruled out a joint appearance by Joe Biden and Vladimir Putin after Wednesday's summit in Geneva. Officials said the summit would consist of a working session and a smaller session.",
      date: "2021-06-12",
      trigger: "summit",
      n: 2,
      participants: [BIDEN, PUTIN],
    },
    // "the call" and "the conversation" refer back to the call told of before.
    {
      text: "Donald Trump and Vladimir Putin spoke by phone for more than two hours on Monday. Trump wrote on social media after the call that it went very well. Putin called the conversation useful.",
      date: "2025-05-19",
      trigger: "call",
      participants: [TRUMP, PUTIN],
    },
    {
      text: "Donald Trump and Vladimir Putin spoke by phone for more than two hours on Monday. Trump wrote on social media after the call that it went very well. Putin called the conversation useful.",
      date: "2025-05-19",
      trigger: "conversation",
      participants: [TRUMP, PUTIN],
    },
    // A pronoun object reaches the sentence before for the person it stands for.
    {
      text: "Xi Jinping will skip the G20 summit in India. \"I am disappointed, but I am going to get to see him,\" Biden told reporters.",
      date: "2023-09-04",
      trigger: "see",
      participants: [BIDEN, XI],
    },
    // A session named later takes the parties of the meeting named before.
    {
      text: "Antony Blinken will meet Sergei Lavrov in Geneva on Thursday. Washington has said the session can go ahead only if Russia does not invade.",
      date: "2022-02-21",
      trigger: "session",
      participants: [BLINKEN, LAVROV],
    },
    // A definite mention with no one named takes the article's pair, a recap of it included.
    {
      text: "Emmanuel Macron met Vladimir Putin in Moscow on Monday for more than five hours. Macron said the meeting had been useful. Aides said the talks had covered the whole of European security.",
      date: "2022-02-08",
      trigger: "talks",
      participants: [MACRON, PUTIN],
    },
    // A sentence that names someone else's meeting keeps its own parties.
    {
      text: "Joe Biden will meet Xi Jinping on Wednesday. Earlier, Jake Sullivan met Wang Yi in Malta.",
      date: "2023-11-10",
      trigger: "met",
      participants: [SULLIVAN, "person:wang-yi"],
      place: "country:MT",
    },
    // "The summit" is the leaders' meeting, not the envoys' talks that prepare it: it takes their countries' leaders.
    {
      text: "Jake Sullivan met Nikolai Patrushev in Geneva on Monday. The talks were meant to prepare the summit.",
      date: "2021-05-24",
      trigger: "summit",
      participants: [BIDEN, PUTIN],
    },
    // A meeting no one is named for, in a sentence that joins two people with "and", is theirs.
    {
      text: "Beijing cautioned that getting Xi Jinping and Joe Biden to a productive summit in San Francisco would take work.",
      date: "2023-10-29",
      trigger: "summit",
      participants: [XI, BIDEN],
    },
    // ... but a leader-level word does not take a pair of ministers: it takes their leaders.
    {
      text: "Antony Blinken and Sergei Lavrov will talk on Thursday; nothing is settled about a summit.",
      date: "2021-05-13",
      trigger: "summit",
      participants: [BIDEN, PUTIN],
    },
    // "The two sides" are two countries, never two ministers of one named just before.
    {
      text: "Yermak headed the Ukrainian team, which included Foreign Minister Andrii Sybiha and Defence Minister Rustem Umerov, in talks with U.S. officials. In a joint statement, the two sides said their presidents had agreed to conclude a minerals agreement.",
      date: "2025-03-12",
      trigger: "agreement",
      participants: [],
    },
    // An infinitive of purpose reaches its verb of going over a long stretch of adjuncts; the country represented takes no part.
    {
      text: "Sergei Lavrov landed at the Waterkloof air force base outside Pretoria on Tuesday to represent Russia at the BRICS summit.",
      date: "2023-08-22",
      trigger: "represent",
      participants: [LAVROV],
    },
    // "The summit" after a leader arrives in a country is the leader's with that country's leader; "the two leaders"
    // are never the spokesman named before them.
    {
      text: "Kim Jong Un arrived in Russia early on Tuesday aboard his armoured train. Kremlin spokesman Dmitry Peskov would not say where the summit would be held.",
      date: "2023-09-12",
      trigger: "summit",
      participants: [KIM, PUTIN],
    },
    {
      text: "Kremlin spokesman Dmitry Peskov confirmed that Kim Jong Un was already on Russian soil. The delegations led by the two leaders will hold talks, he said.",
      date: "2023-09-12",
      trigger: "talks",
      participants: [],
    },
    // "were to have met": a "have" tagged as a verb is an auxiliary on the way to the subject; a demonstrative takes
    // the happening whose parties include the one its sentence names over the nearer summit it was to prepare.
    {
      text: "Thursday was the day on which Antony Blinken and Sergey Lavrov were to have met in Geneva to prepare a Biden-Putin summit. Blinken cancelled that meeting on Tuesday.",
      date: "2022-02-24",
      trigger: "meeting",
      participants: [BLINKEN, LAVROV],
    },
    // What a happening prepares is another happening: its pair is not the session's.
    {
      text: "Blinken called off Thursday's session with Lavrov. The session had also been meant to prepare the ground for a possible summit between Presidents Joe Biden and Vladimir Putin.",
      date: "2022-02-22",
      trigger: "session",
      n: 2,
      participants: [BLINKEN, LAVROV],
    },
    // Being somewhere for a purpose is going there for it; a linking verb before "ready" is no subject's verb.
    {
      text: "Zelensky said on Sunday he would be in Turkey on Thursday to meet Vladimir Putin face to face.",
      date: "2025-05-11",
      trigger: "meet",
      participants: [ZELENSKY, PUTIN],
    },
    {
      text: "North Korea's Kim Jong Un is getting ready to cross into Russia by armoured train this month and sit down with Vladimir Putin in Vladivostok.",
      date: "2023-09-05",
      trigger: "sit",
      participants: [KIM, PUTIN],
    },
    // Whom a relative clause says the happening includes takes part beside the pair it refers back to.
    {
      text: "Donald Trump and Vladimir Putin will meet in Alaska on Friday. Trump said there was a good chance of a second meeting that would include Volodymyr Zelensky.",
      date: "2025-08-13",
      trigger: "meeting",
      participants: [TRUMP, PUTIN, ZELENSKY],
    },
    // A verb coordinated to an earlier one shares its subject over the earlier verb's long adjuncts.
    {
      text: "Joe Biden and Xi Jinping met for more than four hours on Wednesday at a secluded country estate south of San Francisco and agreed to curb the flow of chemicals.",
      date: "2023-11-15",
      trigger: "agreed",
      participants: [BIDEN, XI],
    },
    // Quoted, coordinated adjectives stay inside the happening's phrase, which the light verb's subject holds.
    {
      text: 'Volodymyr Zelensky said on Wednesday he had held a "long and meaningful" phone call with Xi Jinping.',
      date: "2023-04-26",
      trigger: "call",
      participants: [ZELENSKY, XI],
    },
    // A call in which a clause's act was done is held by the clause's subject and whom its verb reaches.
    {
      text: "Putin invited Xi during a video call on Dec. 30, and Russian officials have since spoken of a visit in the spring.",
      date: "2023-02-22",
      trigger: "call",
      participants: [PUTIN, XI],
    },
    {
      text: "Biden first floated a summit in a third country during a phone call with Putin on April 13.",
      date: "2021-05-24",
      trigger: "call",
      participants: [BIDEN, PUTIN],
    },
    // A visit to the seat of an office is a visit with its holder, as a meeting there is.
    {
      text: "It is Herzog's second visit to the White House; he was received there in October 2022.",
      date: "2023-07-18",
      trigger: "visit",
      participants: ["person:isaac-herzog", BIDEN],
    },
    // A happening that opens the clause told, naming only whom it is with, is the speaker's with them; a spokesman
    // speaks for another and is not added.
    {
      text: "A meeting with Volodymyr Zelensky was possible in principle, Putin said, but the conditions were far from in place.",
      date: "2025-08-07",
      trigger: "meeting",
      participants: [PUTIN, ZELENSKY],
    },
    {
      text: "Vladimir Putin said on Thursday that the summit with Donald Trump in Budapest had most likely been postponed.",
      date: "2025-10-23",
      trigger: "summit",
      participants: [PUTIN, TRUMP],
    },
    {
      text: "A meeting with Volodymyr Zelensky was possible in principle, Kremlin spokesman Dmitry Peskov said.",
      date: "2025-08-07",
      trigger: "meeting",
      participants: [ZELENSKY],
    },
    // A summit of countries is their leaders' on its day, a recap's day included; so is a meeting of "the two
    // countries' presidents", which are never the ministers named before.
    {
      text: "At the last U.S.-Russian summit, in Helsinki in July 2018, the Russian leader appeared beside his host.",
      date: "2021-06-14",
      trigger: "summit",
      participants: [TRUMP, PUTIN],
    },
    {
      text: "Officials said a planned China-U.S. summit would be held in San Francisco.",
      date: "2023-11-10",
      trigger: "summit",
      participants: [BIDEN, XI],
    },
    {
      text: "Russian and Ukrainian delegations met in Istanbul on Friday, with Turkish Foreign Minister Hakan Fidan in the chair. Ukraine's Rustem Umerov said the talks had covered a possible meeting of the two countries' presidents.",
      date: "2025-05-16",
      trigger: "meeting",
      participants: [PUTIN, ZELENSKY],
    },
    // What a pair says it will do together is the pair's, two countries included.
    {
      text: "U.S. and Ukrainian officials met in Jeddah on Tuesday. In a joint statement, the two sides said their presidents had agreed to conclude as soon as possible a comprehensive agreement on minerals.",
      date: "2025-03-12",
      trigger: "agreement",
      participants: ["country:US", "country:UA"],
    },
    // A relative clause that holds the happening names its holder and whom it is held with.
    {
      text: "Secretary of State Antony Blinken said he had cancelled the meeting he was due to hold with Russian Foreign Minister Sergey Lavrov in Geneva.",
      date: "2022-02-22",
      trigger: "meeting",
      participants: [BLINKEN, LAVROV],
    },
    // "in principle" between a verb and the happening it holds keeps the verb's subject.
    {
      text: "Psaki said Biden had accepted in principle a meeting with Putin.",
      date: "2022-02-21",
      trigger: "meeting",
      participants: [BIDEN, PUTIN],
    },
    // A measure between the verb that holds a happening and the happening keeps the verb's subject.
    {
      text: "U.S. envoy Steve Witkoff held three hours of talks with Putin in Moscow on Wednesday.",
      date: "2025-08-07",
      trigger: "talks",
      participants: ["person:steve-witkoff", PUTIN],
    },
    // Who goes somewhere for a meeting takes part in it; a gathering's unknown name takes no part.
    {
      text: "Xi Jinping arrived in San Francisco on Tuesday afternoon for a summit meeting with Joe Biden and the 30th APEC Economic Leaders' Meeting.",
      date: "2023-11-14",
      trigger: "meeting",
      participants: [XI, BIDEN],
    },
  ]);
});

/** The kind of happening a verb names through whom or where it takes (lexicon `frames`), and its parties so read. */
describe("participants: verbs that name a meeting or a call through whom they take", () => {
  const typed = (text: string, date: string, trigger: string, type: string, participants: string[]) =>
    it(`${trigger} in "${text}" is ${type}`, () => {
      const e = mention({ text, date, trigger, participants });
      expect(e.type).toBe(type);
      if (type !== "other") expect([...new Set(e.participants)].sort()).toEqual([...participants].sort());
    });
  typed("Erdogan himself spent Thursday in Ankara, where he received Zelensky.", "2025-05-16", "received", "meet", ["person:recep-tayyip-erdogan", ZELENSKY]);
  typed("Netanyahu was received by Biden at the White House for about an hour.", "2023-09-22", "received", "meet", ["person:benjamin-netanyahu", BIDEN]);
  typed("Biden said he would see Xi Jinping in San Francisco next month.", "2023-10-06", "see", "meet", [BIDEN, XI]);
  typed("Macron spoke to Putin twice on Sunday.", "2022-02-20", "spoke", "communicate", [MACRON, PUTIN]);
  typed("Donald Trump and Vladimir Putin spoke by phone for more than two hours on Monday.", "2025-05-20", "spoke", "communicate", [TRUMP, PUTIN]);
  typed("Zelensky wrote that he would go to Turkey himself and wait there for Vladimir Putin on Thursday.", "2025-05-11", "wait", "meet", [ZELENSKY, PUTIN]);
  typed("Kim Jong Un invited Putin to North Korea.", "2023-09-14", "invited", "visit", [PUTIN, "country:KP"]);
  // Not a meeting or a call: the verb takes no person.
  typed("Biden spoke to reporters on Sunday in Delaware.", "2023-09-10", "spoke", "other", []);
  typed("Kim received a letter from Trump on Friday.", "2025-09-22", "received", "other", []);
  typed("Biden said he would see what happens.", "2023-10-06", "see", "other", []);
  it("one who will wait for the other only offers the meeting: wanted, not scheduled", () => {
    const e = mention({ text: "Zelensky wrote that he would go to Turkey himself and wait there for Vladimir Putin on Thursday.", date: "2025-05-11", trigger: "wait", participants: [] });
    expect(e.stance).toBe("wanted");
  });
  it("a passive takes the meeting only from whom or where it is taken: not \"no message had been received from Pyongyang\"", () => {
    const e = mention({ text: "They said no message had yet been received from Pyongyang.", date: "2025-10-19", trigger: "received", participants: [] });
    expect(e.type).toBe("other");
  });
  it('the means a call takes ("spoke by phone") is no happening of its own', () => {
    const events = extract({ text: "Donald Trump and Vladimir Putin spoke by phone for more than two hours on Monday.", date: "2025-05-20" }).events;
    expect(events.map((e) => e.trigger.text)).not.toContain("phone");
  });
  it("a meeting told as held that names no one is that of the people its sentence names; a plan is not", () => {
    const held = extract({ text: "A White House meeting collapsed on Friday into a shouting match, with Donald Trump berating Volodymyr Zelensky in the Oval Office.", date: "2025-02-28" });
    expect([...held.events.find((e) => e.trigger.text === "meeting")!.participants].sort()).toEqual([TRUMP, ZELENSKY].sort());
    const plan = extract({ text: "Donald Trump urged Volodymyr Zelensky to accept the offer of talks at once.", date: "2025-05-11" });
    expect(plan.events.find((e) => e.trigger.text === "talks")!.participants).not.toContain(TRUMP);
  });

  it("two others named in a sentence keep a mention that names no one from the article's pair", () => {
    const text =
      "Jake Sullivan and Chinese Foreign Minister Wang Yi spent the weekend in talks in Malta, Washington and Beijing said on Sunday, a step toward a possible Biden-Xi meeting before the end of the year. Biden said he expects to see Xi. The White House said the meeting between Joe Biden and Xi Jinping could come in November.";
    const talks = extract({ text, date: "2023-09-18" }).events.find((e) => e.trigger.text === "talks")!;
    expect([...talks.participants].sort()).toEqual([SULLIVAN, "person:wang-yi"].sort());
  });
});

describe("kinds and places told by the words around a trigger", () => {
  const read = (text: string, date: string, trigger: string) => mention({ text, date, trigger, participants: [] });
  it("attending a gathering abroad is a visit there, at the place of what is attended", () => {
    const e = read("Kim Jong Un will attend a military parade in Beijing on Sept. 3, KCNA said.", "2025-08-28", "attend");
    expect(e).toMatchObject({ type: "attend", participants: [KIM], place: "country:CN" });
    expect(read("Lavrov will attend the BRICS summit in Johannesburg in Putin's place.", "2023-07-20", "attend")).toMatchObject({ type: "attend", place: "place:johannesburg" });
  });
  it("attending by video link is no attendance in person", () => {
    expect(read("Putin will attend the summit via video link, the Kremlin said.", "2023-07-20", "attend").type).toBe("other");
  });
  it("a locative phrase opening the sentence places the happening of its main clause, not one told by a speaker", () => {
    expect(read("In Geneva, Biden and Putin met for four hours on Wednesday.", "2021-06-16", "met").place).toBe("place:geneva");
    expect(read("At the Sandton Convention Centre, Lavrov sat at the table with Cyril Ramaphosa.", "2023-08-23", "sat").place).toBe("place:sandton-convention-centre");
    expect(read("In Moscow, Peskov said a meeting with Biden was possible.", "2021-04-14", "meeting").place).toBeNull();
  });
  it("a purpose phrase with an initialism after a hyphen still takes the goer as a party", () => {
    const e = read("Xi Jinping arrived in San Francisco on Tuesday for a China-U.S. summit meeting with President Joe Biden.", "2023-11-14", "summit");
    // The countries of the compound are there in their leaders, who take part.
    expect([...e.participants].sort()).toEqual([BIDEN, XI]);
  });
  it("a country that hosts is where the hosted happening is, and no visit of its own", () => {
    const r = extract({ text: "Singapore will host the first meeting between a sitting U.S. president and a North Korean leader on June 12.", date: "2018-05-10" });
    const meeting = r.events.find((e) => e.trigger.text === "meeting")!;
    expect([...meeting.participants].sort()).toEqual([TRUMP, KIM]);
    expect(meeting.place).toBe("country:SG");
    expect(r.events.find((e) => e.trigger.text === "host")!.type).toBe("other");
    const summit = read("No decision has been taken on Putin's part in the BRICS summit that South Africa will host in August.", "2023-03-24", "summit");
    expect(summit.place).toBe("country:ZA");
  });
  it("a happening that will take place then and there, after a long subject and a time phrase, is there and then", () => {
    const r = extract({ text: '"The highly anticipated meeting between myself and President Vladimir Putin will take place next Friday, August 15, 2025, in the Great State of Alaska," Trump wrote on Truth Social.', date: "2025-08-08" });
    const meeting = r.events.find((e) => e.trigger.text === "meeting")!;
    expect(meeting).toMatchObject({ stance: "scheduled", time: "2025-08-15", place: "place:alaska" });
    expect(r.events.some((e) => e.participants.includes("local:truth-social"))).toBe(false);
    const talks = read("The talks, which Trump had proposed, will be held in Geneva on June 16.", "2021-05-25", "talks");
    expect(talks).toMatchObject({ place: "place:geneva", time: "2021-06-16" });
  });
  it("a happening held at a recurring gathering is held in the week of the edition ahead, in its city", () => {
    expect(read("Trump could meet Kim at APEC, officials said.", "2025-09-19", "meet")).toMatchObject({ time: "2025-W44", place: "place:gyeongju" });
    expect(read("Biden and Xi are expected to meet on the sidelines of the G20 summit.", "2022-10-20", "meet")).toMatchObject({ time: "2022-W46", place: "place:bali" });
    // A time of its own wins; a gathering far from the article's day is no edition of it.
    expect(read("Trump could meet Kim at APEC in November 2026.", "2025-09-19", "meet").time).toBe("2026-11");
    expect(read("Trump could meet Kim at APEC.", "2030-01-10", "meet").time ?? "").not.toMatch(/W/);
  });
  it('"do so" stands for the happening before it, and after "but" what it says is the news', () => {
    const r = extract({ text: '"I was to meet President Xi in two weeks, at APEC, in South Korea, but now there seems to be no reason to do so," Trump wrote.', date: "2025-10-10" });
    expect(r.events.find((e) => e.trigger.text === "meet")!.stance).toBe("unplanned");
    expect(r.events.find((e) => e.trigger.text === "do")).toMatchObject({ type: "meet", stance: "unplanned" });
  });
  it("who goes somewhere to attend attends; the country whose gathering it is, is where; a listed apposition is the subject", () => {
    expect(read("Kim Jong Un will travel to Beijing to attend China's military parade, state media said.", "2025-08-28", "attend")).toMatchObject({ participants: [KIM], place: "country:CN" });
    const e = read("Some 26 foreign heads of state, among them Vladimir Putin and Kim Jong Un, would attend the Sept. 3 event.", "2025-08-28", "attend");
    expect([...e.participants].sort()).toEqual([KIM, PUTIN]);
  });
  it('a "have" the tagger takes for an auxiliary still holds the happening after it', () => {
    expect([...read('Trump said that he and Xi Jinping had "a pretty long meeting scheduled" in South Korea.', "2025-10-22", "meeting").participants].sort()).toEqual([TRUMP, XI]);
  });
  it("a phrase of measure opened by an adverb does not hide the place after it", () => {
    expect(read("Donald Trump and Vladimir Putin met for about three hours at Joint Base Elmendorf-Richardson on Friday.", "2025-08-15", "met").place).toBe("place:joint-base-elmendorf-richardson");
  });
  it("the next meeting is the same pair's, but not the meeting already dated; a time right after a verb of saying dates the saying", () => {
    const r = extract({ text: "Putin and Trump will meet in Alaska on Aug. 15, the Kremlin said. Ushakov said Moscow expected the next meeting to be held on Russian territory.", date: "2025-08-09" });
    const next = r.events.find((e) => e.trigger.text === "meeting")!;
    expect([...next.participants].sort()).toEqual([TRUMP, PUTIN].sort());
    expect(next.time).not.toBe("2025-08-15");
    expect(read("Vladimir Putin said on Thursday the United Arab Emirates would be a suitable place for his meeting with Donald Trump.", "2025-08-07", "meeting").time).toBeNull();
  });
  it("a hyphenated happening split by the tokenizer is one ('a sit-down with Biden')", () => {
    expect(read("Netanyahu lobbied for a sit-down with Biden at the White House.", "2023-09-12", "sit")).toMatchObject({ type: "meet" });
    expect([...read("Netanyahu lobbied for a sit-down with Biden at the White House.", "2023-09-12", "sit").participants].sort()).toEqual(["person:benjamin-netanyahu", BIDEN]);
  });
  it("a happening that will take place somewhere is there", () => {
    const e = read("The White House said the meeting will take place in the United States and that no location has been chosen.", "2023-08-30", "meeting");
    expect(e.place).toBe("country:US");
  });
  it("the deal a memorandum prepares takes the memorandum's signers as its parties", () => {
    const r = extract({ text: "Ukraine and the United States signed a memorandum of intent on the minerals agreement. Trump said the deal would be signed next Thursday.", date: "2025-04-18" });
    const deal = r.events.find((e) => e.trigger.text === "deal")!;
    expect(deal.type).toBe("sign");
    expect([...deal.participants].sort()).toEqual(["country:UA", "country:US"]);
  });

  it("a memorandum or a letter of intent prepares a deal and is not its signing", () => {
    expect(read("Ukraine and the United States have signed a memorandum of intent on the long-delayed minerals agreement.", "2025-04-18", "signed").type).toBe("other");
    expect(read("Ukraine and the United States signed the minerals agreement on Wednesday in Washington.", "2025-04-30", "signed").type).toBe("sign");
  });
  it("coming, outside its idioms, is a visit; staying away and setting foot are visits too", () => {
    expect(read("Xi did not come, and Premier Li Qiang led the delegation.", "2023-09-10", "come").type).toBe("visit");
    expect(read("The issue came up in the talks.", "2023-09-10", "came").type).not.toBe("visit");
    expect(read("The two sides came to terms on Friday.", "2023-09-10", "came").type).not.toBe("visit");
    expect(read("Putin never set foot in South Africa during the summit.", "2023-08-25", "set").type).toBe("visit");
  });
  it("a gathering of many is nobody's meeting, and a word inside an outlet's name is no happening", () => {
    expect(read("Trump is due in Gyeongju at the end of the month for the annual gathering of Asia-Pacific leaders.", "2025-10-18", "gathering").participants).toEqual([]);
    expect(read("Xi arrived for a summit meeting with President Joe Biden and the 30th APEC Economic Forum Meeting.", "2023-11-14", "Meeting").participants).toEqual([]);
    expect(extract({ text: "The Associated Press reports that Trump will meet Putin.", date: "2025-08-08" }).events.some((e) => e.trigger.text === "Associated")).toBe(false);
  });
  it("a city that hosts a happening is where it is, and hosting a gathering is nobody's visit", () => {
    expect(read("Geneva will host the first Biden-Putin meeting on June 16.", "2021-05-25", "meeting").place).toBe("place:geneva");
    const hosts = read("Kim will visit Russia this month. Vladivostok hosts the Eastern Economic Forum from September 10 to 13.", "2023-09-05", "hosts");
    expect(hosts).toMatchObject({ type: "other", participants: [], place: "place:vladivostok" });
  });
  it("a word of no type that refers to a happening takes that happening's type", () => {
    const r = extract({ text: "Antony Blinken will meet Sergei Lavrov in Geneva on Thursday. Washington has said the session can go ahead only if Russia does not invade.", date: "2022-02-21" });
    expect(r.events.find((e) => e.trigger.text === "session")?.type).toBe("meet");
  });
  it("making it to a place is getting there", () => {
    expect(read("Vladimir Putin will not make it to North Korea before Russia votes in March.", "2024-01-23", "make")).toMatchObject({ type: "visit", participants: [PUTIN, "country:KP"] });
  });
  it("a word of a kind of happening that names two parties is of that kind", () => {
    expect(read("It took a Sullivan-Wang Yi session in Malta to restore contacts.", "2023-10-29", "session")).toMatchObject({ type: "meet" });
  });
  it("meeting a demand or a deadline is no meeting", () => {
    expect(read("Trump said certain conditions had to be met.", "2018-05-22", "met").type).toBe("other");
    expect(read("Trump met Kim in Singapore.", "2018-06-12", "met").type).toBe("meet");
  });
  it("calling that asks, judges or names is no call; calling someone, or calling someone a day later, is", () => {
    expect(read("Biden called on Moscow to de-escalate.", "2021-04-13", "called").type).toBe("other");
    expect(read("Putin had called for the talks to resume.", "2025-05-11", "called").type).toBe("other");
    expect(read("Putin called the conversation very informative, open and useful.", "2025-05-19", "called").type).toBe("other");
    expect(read('Ramaphosa called the U.S. decision "their loss" on Monday.', "2025-11-11", "called").type).toBe("other");
    expect(read("He restated what the White House called America's ironclad commitment.", "2023-07-17", "called").type).toBe("other");
    expect(read("Trump called Putin a day after the summit.", "2025-08-18", "called").type).toBe("communicate");
    expect(read("Macron then called Ukraine's President Volodymyr Zelensky.", "2022-02-20", "called").type).toBe("communicate");
  });
  it("talking someone out of or into something is no talk; the one talked round does what the gerund tells", () => {
    const text = "South Africa is still trying to talk Vladimir Putin out of coming to the BRICS summit.";
    expect(read(text, "2023-07-18", "talk").type).toBe("other");
    expect(read(text, "2023-07-18", "coming").participants).toEqual([PUTIN]);
    expect(read("Officials tried to keep Zelensky from attending the summit.", "2023-07-18", "attending").participants).toEqual(["person:volodymyr-zelenskyy"]);
    expect(read("Biden talked with Putin on Tuesday.", "2023-07-18", "talked").type).toBe("meet");
  });
  it("speaking with no one it is with is nobody's call, while the pair who spoke stay its parties", () => {
    const text = "Donald Trump and Vladimir Putin spoke by phone for two hours on Monday. Speaking to reporters in Sochi, Putin called the conversation very informative.";
    expect(read(text, "2025-05-19", "Speaking").participants).toEqual([]);
    expect([...read(text, "2025-05-19", "conversation").participants].sort()).toEqual([TRUMP, PUTIN].sort());
    expect([...read("On May 19 Trump and Putin spoke for more than two hours by phone.", "2025-05-31", "spoke").participants].sort()).toEqual([TRUMP, PUTIN].sort());
  });
  it("missiles fired are a launch, shells fired an attack", () => {
    expect(read("North Korea fired several short-range ballistic missiles toward the northeast on Wednesday.", "2025-10-22", "fired").type).toBe("missile_test");
    expect(read("Russia fired artillery shells at the town.", "2025-10-22", "fired").type).toBe("attack");
  });
});

describe("participants: attending a named gathering", () => {
  const read = (text: string, date: string, trigger: string) => mention({ text, date, trigger, participants: [] });
  it("a named gathering held by a verb of attending or staying away is its subject's attendance, placed by its edition", () => {
    expect(read("Chinese President Xi Jinping will skip the G20 leaders' summit next week, the foreign ministry said.", "2025-11-14", "summit")).toMatchObject({ type: "attend", participants: [XI], place: "place:johannesburg", stance: "unplanned" });
    expect(read("Donald Trump said he would not go to the Group of 20 summit in South Africa in November.", "2025-09-06", "summit")).toMatchObject({ type: "attend", participants: [TRUMP], place: "country:ZA" });
    expect(read("Xi skipped the G20 summit in New Delhi in 2023.", "2025-11-14", "summit")).toMatchObject({ type: "attend", participants: [XI], stance: "failed" });
    expect(read("Vladimir Putin would take part in next month's BRICS summit in Johannesburg.", "2023-07-20", "summit")).toMatchObject({ type: "attend", participants: [PUTIN], place: "place:johannesburg" });
    // Talks someone stays away from keep the parties the article gives them.
    expect(read("Putin stayed away from the talks in Istanbul.", "2025-05-16", "talks").type).toBe("meet");
  });
});
