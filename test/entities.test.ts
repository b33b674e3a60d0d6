import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";

const SEED = "/work/shared/seed/trump-kim-2025-10-18.txt";

function read(text: string, dct: string | null) {
  const doc = tokenize(text);
  return { doc, reading: readEntities(doc, dct) };
}

/** Mentions as "text → entity id". */
function pairs(text: string, dct: string | null): string[] {
  return read(text, dct).reading.matches.map((m) => `${m.text} → ${m.entity}`);
}

type Case = { text: string; dct: string | null; has: string[]; not?: string[] };

const CASES: Case[] = [
  { text: "North Korean leader Kim Jong Un fired a missile.", dct: "2023-03-01", has: ["North Korean leader Kim Jong Un → person:kim-jong-un"] },
  { text: "U.S. President Donald Trump arrived.", dct: "2025-10-18", has: ["U.S. President Donald Trump → person:donald-trump"] },
  { text: "The South Korean president spoke on Monday.", dct: "2018-05-02", has: ["South Korean president → person:moon-jae-in"] },
  { text: "The South Korean president spoke on Monday.", dct: "2025-09-10", has: ["South Korean president → person:lee-jae-myung"] },
  { text: "The South Korean president spoke on Monday.", dct: "2023-01-10", has: ["South Korean president → person:yoon-suk-yeol"] },
  { text: "The American president met the Japanese prime minister.", dct: "2019-05-27", has: ["American president → person:donald-trump", "Japanese prime minister → person:shinzo-abe"] },
  { text: "Turkey's foreign minister will travel to Damascus.", dct: "2024-07-08", has: ["Turkey's foreign minister → person:hakan-fidan", "Damascus → country:SY"] },
  { text: "The president of South Korea will attend.", dct: "2022-06-01", has: ["president of South Korea → person:yoon-suk-yeol"] },
  { text: "The secretary of state flew to Pyongyang.", dct: "2018-05-09", has: ["secretary of state → person:mike-pompeo", "Pyongyang → country:KP"] },
  { text: "The German chancellor and the French president met.", dct: "2020-01-01", has: ["German chancellor → person:angela-merkel", "French president → person:emmanuel-macron"] },
  { text: "The Kremlin said the talks were useful.", dct: "2025-05-15", has: ["Kremlin → org:kremlin"] },
  { text: "Pyongyang rejected the offer, while Seoul and Tokyo welcomed it.", dct: "2025-01-01", has: ["Pyongyang → country:KP", "Seoul → country:KR", "Tokyo → country:JP"] },
  { text: "Kyiv and Moscow traded blame; officials in Kiev disagreed.", dct: "2022-03-02", has: ["Kyiv → country:UA", "Moscow → country:RU", "Kiev → country:UA"] },
  { text: "The White House and the State Department declined to comment.", dct: "2025-01-01", has: ["White House → org:white-house", "State Department → org:us-state-department"] },
  { text: "The Blue House, Downing Street and Zhongnanhai were silent.", dct: "2019-01-01", has: ["Blue House → org:blue-house", "Downing Street → org:downing-street", "Zhongnanhai → org:zhongnanhai"] },
  { text: "CNN reports that talks are planned.", dct: "2025-10-18", has: ["CNN → outlet:cnn"] },
  { text: "A CNN report said talks were planned, and CNN reported more later.", dct: "2025-10-18", has: ["CNN → outlet:cnn"] },
  { text: "According to a Bloomberg report, tariffs may fall.", dct: "2025-01-21", has: ["Bloomberg → outlet:bloomberg"] },
  { text: "Yonhap news agency reported the launch.", dct: "2025-01-01", has: ["Yonhap news agency → outlet:yonhap"] },
  { text: "The Korean Central News Agency and state media KCNA said so.", dct: "2025-01-01", has: ["Korean Central News Agency → outlet:kcna", "state media KCNA → outlet:kcna"] },
  { text: "The Associated Press, AFP and Reuters confirmed it.", dct: "2025-01-01", has: ["Associated Press → outlet:ap", "AFP → outlet:afp", "Reuters → outlet:reuters"] },
  { text: "Kim Jong Un met Trump. Kim said the talks went well.", dct: "2019-02-28", has: ["Kim Jong Un → person:kim-jong-un", "Kim → person:kim-jong-un", "Trump → person:donald-trump"] },
  { text: "Kim Yo Jong issued a statement. Kim said Seoul was foolish.", dct: "2020-06-13", has: ["Kim → person:kim-yo-jong"] },
  { text: "Kim Jong Un watched the test. Later Kim Yo Jong spoke, and Kim warned Seoul.", dct: "2022-01-01", has: ["Kim → person:kim-yo-jong"] },
  { text: "Kim's sister and North Korea's army were mentioned; Trump's aides too.", dct: "2019-01-01", has: ["Kim → person:kim-jong-un", "North Korea → country:KP", "Trump → person:donald-trump"] },
  { text: "President Trump’s upcoming Asia trip was announced.", dct: "2025-10-18", has: ["President Trump → person:donald-trump", "Asia → place:asia"] },
  { text: "Moon Jae-in met Kim Jong-un at Panmunjom. Moon said peace was near.", dct: "2018-04-27", has: ["Moon Jae-in → person:moon-jae-in", "Moon → person:moon-jae-in", "Kim Jong-un → person:kim-jong-un", "Panmunjom → place:panmunjom"] },
  { text: "The moon rose over the sea. Moon landings are rare.", dct: "2018-04-27", has: [], not: ["person:moon-jae-in"] },
  { text: "Foreign Minister Choe Son Hui met Russian Foreign Minister Sergei Lavrov.", dct: "2024-11-01", has: ["Foreign Minister Choe Son Hui → person:choe-son-hui", "Russian Foreign Minister Sergei Lavrov → person:sergei-lavrov"] },
  { text: "Secretary of State Mike Pompeo and John Bolton disagreed; Stephen Biegun flew to Seoul.", dct: "2019-01-01", has: ["Secretary of State Mike Pompeo → person:mike-pompeo", "John Bolton → person:john-bolton", "Stephen Biegun → person:stephen-biegun"] },
  { text: "Chung Dong-young, the unification minister, spoke; Chung said talks could resume.", dct: "2025-10-01", has: ["Chung Dong-young → person:chung-dong-young", "Chung → person:chung-dong-young"] },
  { text: "Leaders will meet at the APEC summit in Gyeongju, an APEC official said.", dct: "2025-10-18", has: ["APEC summit → event:apec-summit", "APEC → org:apec", "Gyeongju → place:gyeongju"] },
  { text: "NATO, the EU and the UN Security Council all reacted, as did the IAEA.", dct: "2025-01-01", has: ["NATO → org:nato", "EU → org:eu", "UN Security Council → org:unsc", "IAEA → org:iaea"] },
  { text: "SEOUL, Nov. 20 - South Korea's spy agency told lawmakers.", dct: "2024-11-20", has: ["SEOUL → country:KR", "South Korea's spy agency → org:kr-nis"], not: ["Nov"] },
  { text: "Past talks faltered. Analysts warn. Meanwhile, officials agreed.", dct: "2025-01-01", has: [], not: ["local:"] },
  { text: "John Kim, a researcher at Seoul National University, said Kim Jong Un would not attend. Kim said more.", dct: "2025-01-01", has: ["John Kim → local:john-kim", "Seoul National University → local:seoul-national-university", "Kim Jong Un → person:kim-jong-un"] },
  { text: "He studied at George Washington University near Trump Tower.", dct: "2025-01-01", has: ["George Washington University → local:george-washington-university"], not: ["country:US", "person:donald-trump"] },
  { text: "Zambian President Hakainde Hichilema visited Beijing.", dct: "2024-01-01", has: ["Zambian President Hakainde Hichilema → local:hakainde-hichilema", "Beijing → country:CN"] },
  { text: "North Korea’s leader and the DPRK's envoy met the U.N. chief.", dct: "2025-01-01", has: ["North Korea’s leader → person:kim-jong-un", "DPRK → country:KP"] },
  { text: "North Korea fired a missile. The North said the launch was routine.", dct: "2025-01-01", has: ["The North → country:KP"] },
  { text: "The North Face opened a store. The North won the vote.", dct: "2025-01-01", has: [], not: ["country:KP"] },
  { text: "Trump Says Kim Summit Could Happen Soon At Panmunjom Border Village", dct: "2025-10-18", has: ["Trump → person:donald-trump", "Kim → person:kim-jong-un"], not: ["local:"] },
  { text: "Greece's conservative Prime Minister Costas Karamanlis spoke. Karamanlis said more.", dct: "2008-01-01", has: ["Greece's conservative Prime Minister Costas Karamanlis → local:costas-karamanlis", "Karamanlis → local:costas-karamanlis"] },
  { text: "Mr. LaRue said Fred LaRue was right.", dct: "2008-01-01", has: ["Mr. LaRue → local:fred-larue", "Fred LaRue → local:fred-larue"] },
  { text: "Chinese state media said Beijing and the Chinese Foreign Ministry agreed.", dct: "2025-01-01", has: ["Chinese state media → outlet:xinhua", "Chinese Foreign Ministry → org:cn-foreign-ministry"] },
  { text: "Theresa May met Trump in May. Prime Minister May said it went well.", dct: "2018-07-13", has: ["Theresa May → person:theresa-may", "Prime Minister May → person:theresa-may"], not: ["May → person:theresa-may"] },
  { text: "The U.S. president and Iran's supreme leader traded threats.", dct: "2022-06-01", has: ["U.S. president → person:joe-biden", "Iran's supreme leader → person:ali-khamenei"] },
  { text: "Japan's new prime minister met Chancellor Merz.", dct: "2025-10-25", has: ["Japan's new prime minister → person:sanae-takaichi", "Chancellor Merz → person:friedrich-merz"] },
  { text: "A former South Korean president was jailed; former President Moon Jae-in spoke.", dct: "2025-01-01", has: ["President Moon Jae-in → person:moon-jae-in"], not: ["person:yoon-suk-yeol"] },
  { text: "Kremlin spokesman Dmitry Peskov spoke. The Kremlin spokesman later added detail.", dct: "2025-10-18", has: ["Kremlin spokesman Dmitry Peskov → person:dmitry-peskov", "Kremlin spokesman → person:dmitry-peskov"] },
  { text: "The Chinese foreign ministry spokesperson said so.", dct: "2021-10-18", has: ["Chinese foreign ministry → org:cn-foreign-ministry"], not: ["person:"] },
  { text: "Yesterday Bill Gates said the bill would pass.", dct: "2020-01-01", has: ["Bill Gates → local:bill-gates"] },
  { text: "Earlier, Kim Tok Hun spoke. North Korean leader Kim said more.", dct: "2023-05-01", has: ["Kim Tok Hun → person:kim-tok-hun", "North Korean leader Kim → person:kim-jong-un"] },
  { text: "Who said the WHO would act? Us? The US did.", dct: "2025-01-01", has: ["WHO → org:who", "US → country:US"], not: ["Who → org:who", "Us → country:US"] },
  // A leader's name before "administration" or "government" is that country's government, in office or not.
  { text: "The Trump administration and Kyiv plan to sign the deal.", dct: "2025-03-04", has: ["Trump administration → country:US", "Kyiv → country:UA"], not: ["person:donald-trump"] },
  { text: "Officials of the Biden administration met the Netanyahu government.", dct: "2025-03-04", has: ["Biden administration → country:US", "Netanyahu government → country:IL"], not: ["person:"] },
  // The bare American usage, in an article about the United States; not before a noun ("administration officials").
  { text: "Trump spoke on Monday. The administration and Kyiv plan to sign. The administration official declined.", dct: "2025-03-04", has: ["administration → country:US"], not: ["administration official"] },
  { text: "Lee spoke in Seoul. The administration said nothing.", dct: "2025-09-04", has: [], not: ["country:US"] },
  // A title before a name is no name of its own.
  { text: "Two days later Treasury Secretary Scott Bessent came to Kyiv.", dct: "2025-05-01", has: ["Treasury Secretary Scott Bessent → person:scott-bessent"], not: ["local:treasury-secretary"] },
];

describe("readEntities", () => {
  it.each(CASES.map((c) => [c.text, c.dct, c] as const))("%s (%s)", (_text, _dct, c) => {
    const found = pairs(c.text, c.dct);
    for (const want of c.has) expect(found).toContain(want);
    // A full "text → id" pair must be absent as such; a bare fragment must appear in no pair.
    for (const bad of c.not ?? []) expect(found.filter((f) => (bad.includes(" → ") ? f === bad : f.includes(bad)))).toEqual([]);
  });

  it("returns matches sorted, with exact offsets, token ranges and sentences", () => {
    const text = "Kim Jong-un met Trump in Hanoi. The talks collapsed, KCNA said.";
    const { doc, reading } = read(text, "2019-02-28");
    const starts = reading.matches.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const m of reading.matches) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(doc.tokens[m.first].start).toBe(m.start);
      expect(doc.tokens[m.last - 1].end).toBe(m.end);
      expect(doc.tokens[m.first].sentence).toBe(m.sentence);
    }
    const kcna = reading.matches.find((m) => m.entity === "outlet:kcna")!;
    expect(kcna.sentence).toBe(1);
    expect(kcna.type).toBe("outlet");
  });

  it("takes an unknown name ending in a word for a document (statute, charter, pact) for no person", () => {
    const { reading } = read("South Africa has ratified the Rome Statute and the Olympic Charter.", "2023-03-23");
    const types = reading.matches.filter((m) => m.entity.startsWith("local:")).map((m) => `${m.text}:${m.type}`);
    expect(types).toEqual(["Rome Statute:event", "Olympic Charter:event"]);
  });

  it("says how each mention was recognised", () => {
    const { reading } = read("Two Turkish sources said Ankara and the Turkish president agreed with Turkey.", "2024-07-08");
    const via = reading.matches.map((m) => `${m.text}:${m.via}`);
    expect(via).toEqual(["Turkish:demonym", "Ankara:capital", "Turkish president:title", "Turkey:name"]);
  });

  it("prefers a longer name that starts inside a shorter one and runs past it", () => {
    const found = pairs("The National Intelligence Service said Kim would go. The National reported it too.", "2025-09-01");
    expect(found).toContain("National Intelligence Service → org:kr-nis");
    // Only the second sentence names the outlet.
    const { reading } = read("The National Intelligence Service said Kim would go. The National reported it too.", "2025-09-01");
    expect(reading.matches.filter((m) => m.entity === "outlet:the-national").map((m) => m.sentence)).toEqual([1]);
  });

  it("takes a bare surname for the person the article names most, not the relative named last", () => {
    const found = pairs("Kim Jong Un arrived in Beijing. Kim said he was glad to come. His daughter, Kim Ju Ae, was with him. Ushakov said a meeting of Putin and Kim was being worked out.", "2025-09-02");
    expect(found).toContain("Kim → person:kim-jong-un");
    expect(found).not.toContain("Kim → person:kim-ju-ae");
  });

  it("takes a bare surname named as often as a relative's for the one holding office on the day", () => {
    const found = pairs("It would be Putin's first trip since 2000, when Kim Jong Un's father, Kim Jong Il, was in power. Kim last visited Russia in September.", "2024-06-10");
    expect(found).toContain("Kim → person:kim-jong-un");
    expect(found).not.toContain("Kim → person:kim-jong-il");
  });

  it("reads a title after a title as more of the title, not as a name", () => {
    const found = pairs("The Russians were unhappy, Deputy President Paul Mashatile has said.", "2023-07-20");
    expect(found).toContain("President Paul Mashatile → person:paul-mashatile");
    expect(found.filter((f) => f.includes("local:"))).toEqual([]);
  });

  it("keeps a family surname on the person named in full before it", () => {
    const found = pairs("Donald Trump spoke. Ivanka Trump listened. Trump then left.", "2019-01-01");
    expect(found).toContain("Ivanka Trump → person:ivanka-trump");
    expect(found).toContain("Trump → person:donald-trump");
  });

  it("groups all mentions of an entity under one record", () => {
    const { reading } = read("Trump spoke. Donald Trump left. President Trump returned.", "2025-10-18");
    const trump = reading.entities.filter((e) => e.id === "person:donald-trump");
    expect(trump).toHaveLength(1);
    expect(trump[0].mentions.map((m) => m.text)).toEqual(["Trump", "Donald Trump", "President Trump"]);
    expect(trump[0].mentions.map((m) => m.sentence)).toEqual([0, 1, 2]);
    expect(trump[0].type).toBe("person");
  });

  it.each(["", "   ", "...", "—-–", "’s", "Kim", "U.S.-", "-Kim", "President", "Mr.", "of the", "The the The", "ÉLYSÉE Élysée", "\n\nKim\n\n"])(
    "reads odd input %j without failing",
    (text) => {
      const { reading } = read(text, "2025-01-01");
      for (const m of reading.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    },
  );

  it("tells a country's security council from the UN's", () => {
    const found = pairs("A National Security Council spokesperson spoke. TASS quoted the Russian Security Council. The Security Council met.", "2023-10-05");
    expect(found).toContain("National Security Council → org:us-nsc");
    expect(found).toContain("Russian Security Council → org:ru-security-council");
    expect(found).toContain("Security Council → org:unsc");
  });

  it("takes 'the prime minister' for the person told of just before who holds that office", () => {
    const found = pairs("Benjamin Netanyahu spoke with Joe Biden. Netanyahu's office said the prime minister had accepted. Li Qiang leads the delegation; the premier will come.", "2023-07-17");
    expect(found).toContain("the prime minister → person:benjamin-netanyahu");
    expect(found).toContain("the premier → person:li-qiang");
    // Nobody told of before holds the office: the title stays unlinked.
    expect(pairs("Joe Biden spoke. The prime minister said nothing.", "2023-07-17").filter((p) => p.startsWith("The prime minister"))).toEqual([]);
  });

  it("leaves a bare title unlinked without a document date", () => {
    expect(pairs("The South Korean president spoke.", null).filter((p) => p.includes("person:"))).toEqual([]);
  });

  it("reads the seed article dated 2025-10-18", () => {
    const text = readFileSync(SEED, "utf8");
    const { reading } = read(text, "2025-10-18");
    const ids = new Set(reading.entities.map((e) => e.id));
    for (const id of [
      "person:donald-trump",
      "person:kim-jong-un",
      "person:lee-jae-myung",
      "person:chung-dong-young",
      "country:KP",
      "country:KR",
      "country:US",
      "country:RU",
      "country:JP",
      "outlet:cnn",
      "event:apec-summit",
      "org:white-house",
      "place:korean-peninsula",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const found = reading.matches.map((m) => `${m.text} → ${m.entity}`);
    for (const want of [
      "U.S. President Donald Trump → person:donald-trump",
      "North Korean leader Kim Jong Un → person:kim-jong-un",
      "South Korean President Lee Jae Myung → person:lee-jae-myung",
      "Pyongyang → country:KP",
      "Seoul → country:KR",
      "Washington → country:US",
      "Moscow → country:RU",
      "CNN → outlet:cnn",
      "APEC summit → event:apec-summit",
      "Japan → country:JP",
    ]) {
      expect(found).toContain(want);
    }
    // Every "Kim" and "Trump" in the article is linked.
    const kims = [...text.matchAll(/\bKim\b/g)].length;
    const linkedKims = reading.matches.filter((m) => m.entity === "person:kim-jong-un" && /\bKim\b/.test(m.text)).length;
    expect(linkedKims).toBe(kims);
    const trumps = [...text.matchAll(/\bTrump\b/g)].length;
    expect(reading.matches.filter((m) => m.entity === "person:donald-trump").length).toBe(trumps);
    // Nothing else: no invented entity, no adjective taken for a body ("South Korea military drills").
    expect([...ids].sort()).toEqual(
      [
        "country:JP",
        "country:KP",
        "country:KR",
        "country:RU",
        "country:US",
        "event:apec-summit",
        "org:white-house",
        "outlet:cnn",
        "person:chung-dong-young",
        "person:donald-trump",
        "person:kim-jong-un",
        "person:lee-jae-myung",
        "place:asia",
        "place:korean-peninsula",
      ].sort(),
    );
  });

  it("stays linear: a long document reads in proportion to its length", () => {
    const para = readFileSync(SEED, "utf8");
    const small = tokenize(para);
    const big = tokenize(Array.from({ length: 20 }, () => para).join("\n"));
    readEntities(small, "2025-10-18");
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) readEntities(small, "2025-10-18");
    const perSmall = (performance.now() - t0) / 5;
    const t1 = performance.now();
    const r = readEntities(big, "2025-10-18");
    const perBig = performance.now() - t1;
    expect(r.matches.length).toBeGreaterThan(20 * 40);
    // Twenty times the text may cost at most ~60 times the time (generous for shared machines).
    expect(perBig).toBeLessThan(Math.max(60 * perSmall, 250));
  });
});
