import { describe, expect, it } from "vitest";
import type { EventMention, SourceRef, Stance } from "../src/domain/extraction.js";
import { claimFamily, claimParties, isGenericMention, isParty, minParties, readingsOf, type ReadableArticle } from "../src/link/02-readings.js";

const TRUMP = "person:donald-trump";
const KIM = "person:kim-jong-un";
const PUTIN = "person:vladimir-putin";
const WITKOFF = "person:steve-witkoff";

// An article of one sentence per entry, each holding one mention whose trigger is the given word.
function article(sentences: { text: string; trigger: string; mention: Partial<EventMention> }[], outlet: string | null = "Harbor City Ledger", published: string | null = "2025-10-20"): ReadableArticle {
  let text = "";
  const spans: { start: number; end: number }[] = [];
  const events: EventMention[] = [];
  sentences.forEach((s, i) => {
    const start = text.length;
    text += s.text + " ";
    spans.push({ start, end: start + s.text.length });
    const at = start + s.text.indexOf(s.trigger);
    if (at < start) throw new Error(`no "${s.trigger}" in "${s.text}"`);
    events.push({
      id: `e${i}`,
      sentence: i,
      trigger: { start: at, end: at + s.trigger.length, text: s.trigger },
      type: "meet",
      cameo: null,
      participants: [],
      factuality: "CT+",
      source: [],
      time: null,
      condition: null,
      stance: "occurred",
      background: false,
      place: null,
      ...s.mention,
    });
  });
  return { text, outlet, published, sentences: spans, events };
}

const one = (text: string, trigger: string, mention: Partial<EventMention>, outlet?: string | null, published?: string | null) => readingsOf(article([{ text, trigger, mention }], outlet, published));

describe("which mentions become readings", () => {
  it("reads a mention of a claim family under the family's name, and drops the rest", () => {
    const cases: [string, string | null][] = [
      ["meet", "meet"],
      ["negotiate", "meet"],
      ["intend_meet", "meet"],
      ["agree", "sign"],
      ["sign", "sign"],
      ["visit", "visit"],
      ["missile_test", "missile_test"],
      ["say", null],
      ["other", null],
    ];
    for (const [type, family] of cases) {
      expect(claimFamily(type), type).toBe(family);
      const read = one("Trump and Kim held talks.", "talks", { type, participants: [TRUMP, KIM] });
      expect(read.map((r) => r.type), type).toEqual(family ? [family] : []);
    }
  });

  it("needs two parties to start a meeting, a call or a signing, and one for a visit or a test", () => {
    const cases: [string, number][] = [
      ["meet", 2],
      ["communicate", 2],
      ["sign", 2],
      ["visit", 1],
      ["missile_test", 1],
      ["sanction", 1],
    ];
    for (const [family, n] of cases) expect(minParties(family), family).toBe(n);
  });

  it("drops a mention whose stance is unknown, and keeps every other stance as read", () => {
    const stances: Stance[] = ["occurred", "scheduled", "discussed", "wanted", "unplanned", "called_off", "failed", "refused"];
    for (const stance of stances) expect(one("Trump and Kim held talks.", "talks", { participants: [TRUMP, KIM], stance }).map((r) => r.stance)).toEqual([stance]);
    expect(one("Trump and Kim held talks.", "talks", { participants: [TRUMP, KIM], stance: "unknown" })).toEqual([]);
  });

  it("drops a mention about a whole stretch of history ('has ever met')", () => {
    const cases: [string, boolean][] = [
      ["No sitting American president has ever ", true],
      ["No president had met a North Korean leader before now, and none ", false],
      ["Kim could see him at any time ", true],
      ["President Trump has ", false],
      ["He said he had never ", false],
      ["Whenever they ", false],
    ];
    for (const [before, generic] of cases) expect(isGenericMention(before), before).toBe(generic);
    expect(one("No sitting American president has ever met a North Korean leader.", "met", { participants: [TRUMP, KIM], time: "PAST_REF" })).toEqual([]);
    expect(one("Trump has met Kim three times.", "met", { participants: [TRUMP, KIM], time: "PAST_REF" })).toHaveLength(1);
  });

  it("reads the words before the trigger within its own sentence only", () => {
    // "ever" ends the sentence before: the mention after it is no stretch of history.
    const read = readingsOf(
      article([
        { text: "Nothing like it had happened ever.", trigger: "happened", mention: { type: "other" } },
        { text: "Met Kim at the border, Trump said.", trigger: "Met", mention: { participants: [TRUMP, KIM], time: "2019-06-30" } },
      ]),
    );
    expect(read.map((r) => r.mention.id)).toEqual(["e1"]);
  });

  it("keeps the mention's place, stance and recap flag, and supplies the year of a bare month or day", () => {
    const cases: [string | null, string | null, string | null][] = [
      ["XXXX-05", "2018-03-08", "2018-05"],
      ["XXXX-06-12", "2018-05-10", "2018-06-12"],
      ["2019-02", "2018-05-10", "2019-02"],
      ["XXXX-05", null, "XXXX-05"],
      ["FUTURE_REF", "2025-10-20", "FUTURE_REF"],
      [null, "2025-10-20", null],
    ];
    for (const [time, published, read] of cases) {
      const [r] = one("Trump and Kim will meet.", "meet", { participants: [TRUMP, KIM], time, stance: "scheduled", place: "place:panmunjom" }, "Harbor City Ledger", published);
      expect(r.time, `${time} @ ${published}`).toBe(read);
      expect(r).toMatchObject({ place: "place:panmunjom", stance: "scheduled", background: false });
    }
    const [recap] = one("Trump and Kim met in Singapore in 2018.", "met", { participants: [TRUMP, KIM], time: "2018", background: true });
    expect(recap.background).toBe(true);
  });

  it("dates a wish, a proposal under study, a refusal or a 'no plans' told of a happening ahead by nothing past: that day is the telling's", () => {
    const invite = (stance: Stance, time: string, background = false) => one("Kim invited Putin to visit Pyongyang.", "visit", { type: "visit", participants: [PUTIN, "country:KP"], time, stance, background }, "Harbor City Ledger", "2024-01-22")[0].time;
    expect(invite("wanted", "2023-09-13")).toBeNull();
    expect(invite("unplanned", "2023-10")).toBeNull();
    expect(invite("refused", "2023-12-28")).toBeNull();
    // "Biden floated a summit in a call on April 13 … the offer was being studied": the offer's day, not the summit's.
    expect(invite("discussed", "2023-09-13")).toBeNull();
    // A time still ahead dates the happening; a plan keeps its past date; a recap keeps the date of the history it tells.
    expect(invite("wanted", "2024-06")).toBe("2024-06");
    expect(invite("scheduled", "2023-09-13")).toBe("2023-09-13");
    expect(invite("wanted", "2023-09-13", true)).toBe("2023-09-13");
  });

  it("drops a mention left with no party", () => {
    expect(one("The summit was held in Singapore.", "summit", { participants: ["place:sentosa"] })).toEqual([]);
    expect(one("The summit was held.", "summit", { participants: [] })).toEqual([]);
  });
});

describe("the parties a claim records", () => {
  it("leaves out places, named gatherings and outlets", () => {
    const cases: [string, boolean][] = [
      [TRUMP, true],
      ["country:KP", true],
      ["org:white-house", true],
      ["local:pak-chol-su", true],
      ["place:singapore", false],
      ["event:apec-summit", false],
      ["outlet:kcna", false],
    ];
    for (const [id, party] of cases) expect(isParty(id), id).toBe(party);
  });

  it("keeps people, and a country or body only when no person of its country stands beside it", () => {
    const cases: [string[], string[]][] = [
      [["place:panmunjom", TRUMP, KIM], [TRUMP, KIM]],
      [["outlet:kcna", KIM], [KIM]],
      [["event:apec-summit", TRUMP, "person:xi-jinping"], [TRUMP, "person:xi-jinping"]],
      [[TRUMP, "country:US", KIM], [TRUMP, KIM]],
      [["country:KP", KIM], [KIM]],
      [["org:white-house", KIM], ["org:white-house", KIM]],
      [["org:white-house", TRUMP, KIM], [TRUMP, KIM]],
      [["country:US", "country:KP"], ["country:US", "country:KP"]],
      [[WITKOFF, PUTIN, "country:US"], [WITKOFF, PUTIN]],
      [["person:lee-jae-myung", "country:US"], ["person:lee-jae-myung", "country:US"]],
      [[TRUMP, TRUMP, KIM], [TRUMP, KIM]],
    ];
    for (const [given, kept] of cases) expect(claimParties(given, null, "2025-10-20"), given.join(", ")).toEqual(kept);
  });

  it("reads who stands for a country on the report's day", () => {
    // Moon Jae-in was South Korea's president in 2018: the country beside him is his.
    expect(claimParties(["person:moon-jae-in", "country:KR", KIM], null, "2018-04-27")).toEqual(["person:moon-jae-in", KIM]);
  });

  it("never records the publishing outlet, however its name is written", () => {
    const cases: [string, string[], string[]][] = [
      ["Korea Daily Wire", ["local:korea-daily-wire", KIM], [KIM]],
      ["The Meridian Post", ["local:meridian-post", KIM], [KIM]],
      ["Bergen Tidende Nyhetsbyrå", ["local:bergen-tidende-nyhetsbyra", KIM], [KIM]],
      ["Harbor City Ledger", ["local:korea-daily-wire", KIM], ["local:korea-daily-wire", KIM]],
    ];
    for (const [outlet, given, kept] of cases) expect(claimParties(given, outlet, "2025-10-20"), outlet).toEqual(kept);
    expect(one("The Bergen Tidende Nyhetsbyrå said Kim met envoys.", "met", { participants: ["local:bergen-tidende-nyhetsbyra", KIM] }, "Bergen Tidende Nyhetsbyrå").map((r) => r.parties)).toEqual([[KIM]]);
  });
});

describe("demands and refusals addressed to the teller's country", () => {
  const told = (type: string, participants: string[], teller: SourceRef | null) =>
    one("North Korea had demanded that sanctions be lifted, he said.", "demanded", { type, participants, source: teller ? [teller] : [], time: "PAST_REF" }, "Harbor City Ledger", "2019-02-28").map((r) => r.parties);
  const trump = { text: "Trump", entity: TRUMP };

  it("adds the country of one who tells another country's demand or refusal", () => {
    const cases: [string, string[], SourceRef | null, string[][]][] = [
      ["demand", ["country:KP"], trump, [["country:KP", "country:US"]]],
      ["reject", ["country:KP"], { text: "the White House", entity: "org:white-house" }, [["country:KP", "country:US"]]],
      // Told by one of its own, by an outlet, or by no one: no one is addressed.
      ["demand", ["country:KP"], { text: "Kim", entity: KIM }, [["country:KP"]]],
      ["demand", ["country:KP"], { text: "CNN", entity: "outlet:cnn" }, [["country:KP"]]],
      ["demand", ["country:KP"], { text: "Pak Chol Su", entity: "local:pak-chol-su" }, [["country:KP"]]],
      ["demand", ["country:KP"], null, [["country:KP"]]],
      // Two parties named already, or the teller's country among them.
      ["demand", ["country:KP", "country:KR"], trump, [["country:KP", "country:KR"]]],
      // Only demands and refusals are addressed.
      ["threaten", ["country:KP"], trump, [["country:KP"]]],
    ];
    for (const [type, participants, teller, parties] of cases) expect(told(type, participants, teller), `${type} ${participants} by ${teller?.text}`).toEqual(parties);
  });
});

describe("attendance", () => {
  it("is read as a visit to the country of the place attended, by a visitor from elsewhere", () => {
    const [r] = readingsOf(article([{ text: "Kim will attend a military parade in Beijing.", trigger: "attend", mention: { type: "attend", participants: [KIM], place: "country:CN", stance: "scheduled" } }]));
    expect(claimFamily("attend")).toBe("visit");
    expect(r).toMatchObject({ type: "visit", parties: [KIM, "country:CN"], place: "country:CN", stance: "scheduled" });
  });
});
