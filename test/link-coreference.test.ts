import { describe, expect, it } from "vitest";
import type { EventMention, Stance } from "../src/domain/extraction.js";
import type { ClaimKey } from "../src/domain/ledger.js";
import type { Reading } from "../src/link/02-readings.js";
import { placeCountry } from "../src/extract/entity-facts.js";
import { assignReadings, prepareClaim, type PreparedClaim } from "../src/link/03-coreference.js";
import { ClaimIndex } from "../src/link/claim-index.js";
import { dateNumber, dayRange, moreSpecificTime } from "../src/domain/calendar.js";

const TRUMP = "person:donald-trump";
const KIM = "person:kim-jong-un";
const PUTIN = "person:vladimir-putin";
const ZELENSKY = "person:volodymyr-zelenskyy";
const WITKOFF = "person:steve-witkoff";
const MOON = "person:moon-jae-in";
const XI = "person:xi-jinping";

let n = 0;
interface ReadingOver {
  type?: string;
  place?: string | null;
  time?: string | null;
  stance?: Stance;
  background?: boolean;
  /** The people and countries the reading's sentence names (by default every party of the tests' claims). */
  named?: string[];
}
function reading(parties: string[], over: ReadingOver = {}): Reading {
  const id = `m${++n}`;
  const mention: EventMention = {
    id,
    sentence: 0,
    trigger: { start: 0, end: 4, text: "meet" },
    type: over.type ?? "meet",
    cameo: null,
    participants: parties,
    factuality: "CT+",
    source: [],
    time: over.time ?? null,
    condition: null,
    stance: over.stance ?? "scheduled",
    background: over.background ?? false,
    place: over.place ?? null,
  };
  return { mention, type: mention.type, parties, place: mention.place, time: mention.time, stance: mention.stance, background: mention.background, named: over.named ?? [TRUMP, KIM, MOON, ...parties] };
}

function claim(id: string, participants: string[], over: Partial<ClaimKey> = {}): ClaimKey {
  return { id, type: "meet", participants, place: null, eventTime: null, firstReported: "2025-10-10", lastReported: "2025-10-18", historical: false, ...over };
}

/** The claim each reading of one article joins ("new:<mention>" for one it starts), or null for none. */
function joins(claims: ClaimKey[], readings: Reading[], published: string | null): (string | null)[] {
  const pool = claims.map((c) => prepareClaim(c));
  const assignments = assignReadings(readings, published, () => pool, (r) => `new:${r.mention.id}`);
  return readings.map((r) => assignments.find((a) => a.readings.includes(r))?.claim.id ?? null);
}
const join = (claims: ClaimKey[], r: Reading, published: string | null) => joins(claims, [r], published)[0];
const isNew = (id: string | null) => id?.startsWith("new:") ?? false;

describe("one claim per happening: exact parties", () => {
  const claims = [claim("trump-putin", [TRUMP, PUTIN]), claim("trump-putin-zelensky", [TRUMP, PUTIN, ZELENSKY]), claim("witkoff-putin", [WITKOFF, PUTIN])];

  it("joins a reading naming all the parties only to the claim of exactly those parties", () => {
    const cases: [string[], string | "new"][] = [
      [[TRUMP, PUTIN], "trump-putin"],
      [[PUTIN, TRUMP], "trump-putin"],
      [[TRUMP, PUTIN, ZELENSKY], "trump-putin-zelensky"],
      // The envoy's meeting is not the leaders' summit, nor the other way round.
      [[WITKOFF, PUTIN], "witkoff-putin"],
      [[WITKOFF, TRUMP, PUTIN], "new"],
      [[TRUMP, ZELENSKY], "new"],
    ];
    for (const [parties, want] of cases) {
      const got = join(claims, reading(parties), "2025-10-20");
      if (want === "new") expect(isNew(got), parties.join(" ")).toBe(true);
      else expect(got, parties.join(" ")).toBe(want);
    }
  });

  it("keeps apart happenings of another type", () => {
    expect(isNew(join(claims, reading([TRUMP, PUTIN], { type: "communicate" }), "2025-10-20"))).toBe(true);
  });

  it("starts a claim of the reading's parties, sorted, its place and time and its reporting day", () => {
    const [r] = [reading([TRUMP, KIM], { place: "place:panmunjom", time: "2025-10-30" })];
    const [a] = assignReadings([r], "2025-10-20", () => [], () => "c-new");
    expect(a).toMatchObject({
      isNew: true,
      claim: { id: "c-new", type: "meet", participants: [TRUMP, KIM].sort(), place: "place:panmunjom", eventTime: "2025-10-30", firstReported: "2025-10-20", lastReported: "2025-10-20", historical: false },
    });
  });
});

describe("a reading naming only some of the parties", () => {
  const trumpKim = claim("trump-kim", [TRUMP, KIM]);
  const moonKim = claim("moon-kim", [MOON, KIM]);

  it("joins the one claim it fits, and starts none", () => {
    const cases: [ClaimKey[], string[], string | null, string | null][] = [
      [[trumpKim], [KIM], null, "trump-kim"],
      [[trumpKim, moonKim], [TRUMP], null, "trump-kim"],
      // Two claims fit "a meeting with Kim": it joins neither.
      [[trumpKim, moonKim], [KIM], null, null],
      [[moonKim], [TRUMP], null, null],
      [[], [KIM], null, null],
      // Placed where one of them is placed, it joins that one.
      [[{ ...trumpKim, place: "place:panmunjom" }, moonKim], [KIM], "place:panmunjom", "trump-kim"],
      [[{ ...trumpKim, place: "place:panmunjom" }, moonKim], [KIM], "country:KR", null],
    ];
    for (const [claims, parties, place, want] of cases) expect(join(claims, reading(parties, { place }), "2025-10-20"), `${parties} among ${claims.map((c) => c.id)} at ${place}`).toBe(want);
  });

  it("joins only a claim whose parties its sentence names all", () => {
    // "He is expected to hold talks with Xi" read as Trump alone must not join the one Trump claim there is.
    expect(join([trumpKim], reading([TRUMP], { named: [TRUMP, "person:xi-jinping"] }), "2025-10-20")).toBeNull();
    expect(join([trumpKim], reading([TRUMP], { named: [TRUMP, KIM] }), "2025-10-20")).toBe("trump-kim");
  });

  it("joins a reading naming no party only where its sentence names the claim's parties and it gives the place or the day", () => {
    // "Kim Jong Un's letter reached President Trump, who said the June 12 summit in Singapore was back on."
    const singapore = { ...trumpKim, place: "place:sentosa", eventTime: "2018-06-12", firstReported: "2018-05-10", lastReported: "2018-05-30" };
    expect(join([singapore], reading([], { time: "2018-06-12", named: [TRUMP, KIM] }), "2018-06-01")).toBe("trump-kim");
    expect(join([singapore], reading([], { place: "country:SG", named: [TRUMP, KIM] }), "2018-06-01")).toBe("trump-kim");
    expect(join([singapore], reading([], { time: "2018-06-12", named: [TRUMP] }), "2018-06-01")).toBeNull();
    expect(join([singapore], reading([], { named: [TRUMP, KIM] }), "2018-06-01")).toBeNull();
    // It starts nothing.
    expect(join([], reading([], { time: "2018-06-12", named: [TRUMP, KIM] }), "2018-06-01")).toBeNull();
  });

  it("compares later readings of an article with the place an earlier one gave the claim", () => {
    // "Trump and Putin will meet in Alaska on Aug. 15 … Ushakov expects the next meeting on Russian territory."
    const summit = { ...trumpKim, firstReported: "2025-08-07", lastReported: "2025-08-08" };
    const rs = [reading([TRUMP, KIM], { place: "place:alaska" }), reading([TRUMP, KIM], { place: "country:RU" })];
    const got = joins([summit], rs, "2025-08-09");
    expect(got[0]).toBe("trump-kim");
    expect(got[1]).not.toBe("trump-kim");
  });

  it("joins a claim started by an earlier reading of the same article", () => {
    const rs = [reading([TRUMP, KIM]), reading([KIM]), reading([KIM, TRUMP])];
    const got = joins([], rs, "2025-10-20");
    expect(got).toEqual([`new:${rs[0].mention.id}`, `new:${rs[0].mention.id}`, `new:${rs[0].mention.id}`]);
  });
});

describe("places", () => {
  it("knows the country a place lies in or a body stands for", () => {
    const cases: [string | null, string | null][] = [
      ["place:istanbul", "country:TR"],
      ["org:kremlin", "country:RU"],
      ["country:HU", "country:HU"],
      ["place:alaska", "country:US"],
      ["place:korean-peninsula", null],
      [null, null],
    ];
    for (const [place, country] of cases) expect(placeCountry(place), String(place)).toBe(country);
  });

  it("agree unless they lie in two countries: a region or a venue of no known country may hold the other", () => {
    const cases: [string | null, string | null, boolean][] = [
      ["place:istanbul", "place:istanbul", true],
      ["place:istanbul", "country:TR", true],
      ["org:kremlin", "country:RU", true],
      ["country:HU", null, true],
      [null, "place:alaska", true],
      ["country:HU", "place:alaska", false],
      ["place:panmunjom", "place:korean-peninsula", true],
      ["local:moscone-center", "place:san-francisco", true],
      ["place:panmunjom", "place:vladivostok", false],
      ["place:busan", "place:gyeongju", true],
    ];
    for (const [claimPlace, readingPlace, same] of cases) {
      const got = join([claim("c", [TRUMP, PUTIN], { place: claimPlace })], reading([TRUMP, PUTIN], { place: readingPlace }), "2025-10-20");
      expect(got === "c", `${claimPlace} / ${readingPlace}`).toBe(same);
    }
  });
});

describe("times", () => {
  const summit = (eventTime: string | null, over: Partial<ClaimKey> = {}) => claim("c", [TRUMP, KIM], { eventTime, firstReported: "2018-05-10", lastReported: "2018-06-01", ...over });

  it("lets day-precise dates slip by the slack, and month ranges only overlap", () => {
    const cases: [string, string, boolean][] = [
      ["2018-06-12", "2018-06-12", true],
      ["2018-06-12", "2018-06-13", true],
      ["2018-06-12", "2018-06-17", true],
      ["2018-06-12", "2018-06-18", false],
      ["2018-06-12", "2018-06-07", true],
      ["2018-06-12", "2018-05-22", false],
      ["2018-06-12", "2018-W24", true],
      ["2018-05", "2018-05-20", true],
      ["2018-05", "2018-05", true],
      ["2018-05", "2018-06-12", false],
      ["2018-06-12", "2018-06", true],
      ["2018-06-12", "2019-02", false],
    ];
    for (const [claimTime, readingTime, same] of cases) {
      const got = join([summit(claimTime)], reading([TRUMP, KIM], { time: readingTime }), "2018-05-10");
      expect(got === "c", `${claimTime} / ${readingTime}`).toBe(same);
    }
  });

  it("places an undated reading by its reporting day within the claim's window", () => {
    // Reported from May 10 to June 1: for a plan the window runs 90 days either side; for a report that the happening
    // was held, 45 ("test-fired two missiles" three months after a test is another test).
    expect(join([summit(null)], reading([TRUMP, KIM], { stance: "occurred" }), "2018-07-16")).toBe("c");
    expect(join([summit(null)], reading([TRUMP, KIM], { stance: "occurred" }), "2018-07-17")).not.toBe("c");
    const cases: [string | null, string, boolean][] = [
      [null, "2018-06-20", true],
      [null, "2018-08-30", true],
      [null, "2018-08-31", false],
      [null, "2018-02-09", true],
      [null, "2018-02-08", false],
      ["2018-06-12", "2018-07-16", true],
      ["2018-06-12", "2018-12-20", false],
    ];
    for (const [claimTime, published, same] of cases) expect(join([summit(claimTime)], reading([TRUMP, KIM]), published) === "c", `${claimTime} @ ${published}`).toBe(same);
    // A dated reading against an undated claim: its dates must fall in the window.
    expect(join([summit(null)], reading([TRUMP, KIM], { time: "2018-07" }), "2018-06-15")).toBe("c");
    expect(join([summit(null)], reading([TRUMP, KIM], { time: "2018-09" }), "2018-06-15")).not.toBe("c");
    // A claim never reported has no window.
    expect(join([summit(null, { firstReported: null, lastReported: null })], reading([TRUMP, KIM]), "2025-01-01")).toBe("c");
  });

  it("keeps a happening put off to 'a later date' apart from one whose dates have begun", () => {
    const october = claim("c", [TRUMP, KIM], { eventTime: "2025-10-30", firstReported: "2025-10-18", lastReported: "2025-10-29" });
    const cases: [string, boolean][] = [
      ["2025-10-20", true],
      ["2025-10-29", true],
      ["2025-10-30", false],
      ["2025-11-02", false],
    ];
    for (const [published, same] of cases) expect(join([october], reading([TRUMP, KIM], { time: "FUTURE_REF", stance: "discussed" }), published) === "c", published).toBe(same);
  });

  it("keeps a happening told as past apart from one still to come", () => {
    const november = claim("c", [TRUMP, KIM], { eventTime: "2025-11", firstReported: "2025-10-18", lastReported: "2025-10-20" });
    const cases: [string, boolean][] = [
      ["2025-10-20", false],
      ["2025-11-02", true],
    ];
    for (const [published, same] of cases) expect(join([november], reading([TRUMP, KIM], { time: "PAST_REF", stance: "discussed" }), published) === "c", published).toBe(same);
  });

  it("breaks ties for the claim most recently reported, then the earliest id", () => {
    const a = claim("a", [TRUMP, KIM], { firstReported: "2018-04-20", lastReported: "2018-05-01" });
    const b = claim("b", [TRUMP, KIM], { firstReported: "2018-05-18", lastReported: "2018-05-20" });
    expect(join([a, b], reading([TRUMP, KIM]), "2018-05-25")).toBe("b");
    expect(join([b, a], reading([TRUMP, KIM]), "2018-05-25")).toBe("b");
    expect(join([claim("z", [TRUMP, KIM]), claim("y", [TRUMP, KIM])], reading([TRUMP, KIM]), "2025-10-20")).toBe("y");
  });

  it("prefers the claim whose place and day the reading also gives", () => {
    const undated = claim("undated", [TRUMP, KIM]);
    const dated = claim("dated", [TRUMP, KIM], { eventTime: "2025-10-30", lastReported: "2025-10-01" });
    expect(join([undated, dated], reading([TRUMP, KIM], { time: "2025-10-30" }), "2025-10-20")).toBe("dated");
    const placed = claim("placed", [TRUMP, KIM], { place: "place:panmunjom", lastReported: "2025-10-01" });
    expect(join([undated, placed], reading([TRUMP, KIM], { place: "place:panmunjom" }), "2025-10-20")).toBe("placed");
  });
});

describe("the calendar claims are matched by", () => {
  it("keeps the more specific of two times", () => {
    const cases: [string | null, string | null, string | null][] = [
      ["2018-06", "2018-06-12", "2018-06-12"],
      ["2018-06-12", "2018", "2018-06-12"],
      [null, "FUTURE_REF", "FUTURE_REF"],
      ["FUTURE_REF", "2025-FA", "2025-FA"],
      ["2025-10-30", null, "2025-10-30"],
    ];
    for (const [a, b, kept] of cases) expect(moreSpecificTime(a, b), `${a} / ${b}`).toBe(kept);
    expect(dayRange("2022-W09-WE")).toEqual({ from: "2022-03-05", to: "2022-03-06" });
    expect(dayRange("2025-WI")).toEqual({ from: "2025-12-01", to: "2026-02-28" });
  });

  it("compares days as numbers only where those order as the text does", () => {
    const days = ["2018-06-12", "2018-06-02", "2018-12-01", "2019-01-01", "0999-12-31", "2018-02-30", "2018-13-01"];
    for (const a of days) for (const b of days) expect(dateNumber(a) < dateNumber(b), `${a} < ${b}`).toBe(a < b);
    expect(["2018-06-12T09:00:00Z", "2018-6-1", "2018-0a-12", " 2018-06-1", "NaN-NaN-NaN", "10000-01-01", ""].map(dateNumber).every(Number.isNaN)).toBe(true);
  });
});

describe("recaps", () => {
  const current = claim("current", [TRUMP, KIM], { firstReported: "2025-10-10", lastReported: "2025-10-18" });
  const singapore = claim("singapore", [TRUMP, KIM], { eventTime: "2018-06-12", firstReported: "2025-10-01", lastReported: "2025-10-01", historical: true });

  it("join only the historical happening they recall, and news joins only current ones", () => {
    const cases: [ReadingOver, ClaimKey[], string | null][] = [
      [{ background: true, stance: "occurred", time: "2018-06-12" }, [current, singapore], "singapore"],
      [{ background: true, stance: "occurred", time: "2018-06" }, [current, singapore], "singapore"],
      [{ background: true, stance: "occurred", time: null }, [current, singapore], "singapore"],
      [{ background: true, stance: "occurred", time: null }, [current], null],
      // Told as held well before the report, a reading is a recap even when not marked as one.
      [{ stance: "occurred", time: "2018-06-12" }, [current, singapore], "singapore"],
      [{ stance: "occurred", time: "2025-10-01" }, [current], "new"],
      // Held a few days before the report, it is news of the current happening.
      [{ stance: "occurred", time: "2025-10-15" }, [current, singapore], "current"],
      [{ stance: "scheduled", time: null }, [current, singapore], "current"],
    ];
    for (const [over, claims, want] of cases) {
      const got = join(claims, reading([TRUMP, KIM], over), "2025-10-20");
      expect(want === "new" ? isNew(got) : got, JSON.stringify(over)).toBe(want === "new" ? true : want);
    }
  });

  it("start a historical claim only when dated", () => {
    const [dated] = assignReadings([reading([TRUMP, KIM], { background: true, stance: "occurred", time: "2019-02-27" })], "2025-10-20", () => [], () => "h");
    expect(dated).toMatchObject({ isNew: true, claim: { id: "h", historical: true, eventTime: "2019-02-27" } });
    for (const time of [null, "PAST_REF"]) expect(assignReadings([reading([TRUMP, KIM], { background: true, stance: "occurred", time })], "2025-10-20", () => [], () => "h")).toEqual([]);
  });

  it("join a current claim only to tell it held on its day, once it is over", () => {
    const news = claim("news", [TRUMP, KIM], { eventTime: "2018-06-12", firstReported: "2018-06-01", lastReported: "2018-06-13" });
    expect(join([news], reading([TRUMP, KIM], { stance: "occurred", time: "2018-06-12" }), "2018-06-14")).toBe("news");
    // "Their summit in Singapore on June 12", weeks later: the happening that was news, not a history of its own.
    expect(join([news], reading([TRUMP, KIM], { background: true, stance: "occurred", time: "2018-06-12" }), "2018-06-25")).toBe("news");
    // A recap of another stance, or one dated no closer than its year, never changes it.
    expect(isNew(join([news], reading([TRUMP, KIM], { background: true, stance: "failed", time: "2018-06-12" }), "2018-06-25"))).toBe(true);
    // "When they met in June": a month holds the day.
    expect(join([news], reading([TRUMP, KIM], { background: true, stance: "occurred", time: "2018-06" }), "2018-09-25")).toBe("news");
    expect(isNew(join([news], reading([TRUMP, KIM], { background: true, stance: "occurred", time: "2018" }), "2019-06-25"))).toBe(true);
    // A happening still to come is never recalled.
    const ahead = claim("ahead", [TRUMP, KIM], { eventTime: "2018-06-30", firstReported: "2018-06-01", lastReported: "2018-06-13" });
    expect(isNew(join([ahead], reading([TRUMP, KIM], { background: true, stance: "occurred", time: "2018-06-30" }), "2018-06-25"))).toBe(true);
  });
});

describe("ClaimIndex", () => {
  const key = (id: string, participants: string[], firstReported: string | null, lastReported: string | null, type = "meet"): ClaimKey => ({
    id,
    type,
    participants,
    place: null,
    eventTime: null,
    firstReported,
    lastReported,
    historical: false,
  });
  const query = (participants: string[], published: string | null, limit = 200) => ({ type: "meet", participants, published, lookbackDays: 365, limit });
  const ids = (cs: PreparedClaim[]) => cs.map((c) => c.claim.id).sort();

  it("offers claims of the type that share a participant and were reported within the look-back window", () => {
    const index = new ClaimIndex();
    index.load("meet", [key("old", [KIM], "2024-01-01", "2024-01-05"), key("new", [TRUMP, KIM], "2025-10-10", "2025-10-18"), key("other", [XI], "2025-10-10", "2025-10-18"), key("undated", [KIM], null, null)]);
    index.load("threaten", [key("threat", [KIM], "2025-10-10", "2025-10-18", "threaten")]);
    expect(ids(index.candidates(query([KIM], "2025-10-20")))).toEqual(["new", "undated"]);
    expect(ids(index.candidates(query([KIM], null)))).toEqual(["new", "old", "undated"]);
    expect(ids(index.candidates(query([XI, TRUMP], "2025-10-20")))).toEqual(["new", "other"]);
    expect(index.candidates({ ...query([KIM], "2025-10-20"), type: "visit" })).toEqual([]);
  });

  it("keeps only the most recently reported claims when there are more than the limit", () => {
    const index = new ClaimIndex();
    index.load("meet", [key("a", [KIM], "2025-01-01", "2025-03-01"), key("b", [KIM], "2025-02-01", "2025-09-01"), key("c", [KIM], "2025-01-15", "2025-06-01")]);
    expect(ids(index.candidates(query([KIM], "2025-10-01", 2)))).toEqual(["b", "c"]);
  });

  it("follows a claim whose participants and dates change, and forgets everything on clear", () => {
    const index = new ClaimIndex();
    index.load("meet", [key("a", [KIM], "2025-10-01", "2025-10-01")]);
    index.put(key("a", [TRUMP], "2025-10-01", "2025-10-20"));
    index.put(key("b", [KIM], "2025-10-02", "2025-10-02"));
    index.put(key("x", [KIM], "2025-10-02", "2025-10-02", "visit")); // a type not loaded stays unloaded
    expect(index.candidates(query([KIM], "2025-10-21")).map((c) => c.claim.id)).toEqual(["b"]);
    expect(index.candidates(query([TRUMP], "2025-10-21"))[0].claim).toMatchObject({ id: "a", lastReported: "2025-10-20" });
    expect(index.has("visit")).toBe(false);
    index.clear();
    expect(index.has("meet")).toBe(false);
    expect(index.candidates(query([KIM], "2025-10-21"))).toEqual([]);
  });

  it("finds claims by their exact participant set, whatever order the participants were given in", () => {
    const index = new ClaimIndex();
    index.load("meet", [key("a", [TRUMP, KIM], "2025-10-01", "2025-10-01"), key("b", [KIM], "2025-10-01", "2025-10-01"), key("c", [KIM, TRUMP, XI], "2025-10-01", "2025-10-01")]);
    expect(index.withParticipants("meet", [KIM, TRUMP]).map((c) => c.id)).toEqual(["a"]);
    index.put(key("b", [KIM, TRUMP], "2025-10-01", "2025-10-02"));
    expect(index.withParticipants("meet", [TRUMP, KIM, KIM]).map((c) => c.id).sort()).toEqual(["a", "b"]);
    expect(index.withParticipants("meet", [KIM])).toEqual([]);
    expect(index.withParticipants("visit", [KIM])).toEqual([]);
  });

  it("takes claims last reported on the look-back window's first day or later, however their day is written", () => {
    const index = new ClaimIndex();
    index.load("meet", [
      key("edge", [KIM], "2024-10-01", "2024-10-20"),
      key("day-before", [KIM], "2024-10-01", "2024-10-19"),
      key("late-evening", [KIM], "2024-10-01", "2024-10-19T23:00:00Z"),
      key("early-morning", [KIM], "2024-10-01", "2024-10-20T01:00:00Z"),
    ]);
    const expected = ["early-morning", "edge"];
    // The window of a report of 2025-10-20 starts on 2024-10-20; a day with its time of day compares as text.
    expect(ids(index.candidates(query([KIM], "2025-10-20")))).toEqual(expected);
    expect(ids(index.candidates({ ...query([KIM], "2025-10-20"), participants: null }))).toEqual(expected);
  });

  it("keeps the most recent first as claims are reported again, so the limit keeps the newest", () => {
    const index = new ClaimIndex();
    index.load("meet", [key("a", [KIM], "2025-01-01", "2025-01-10"), key("b", [KIM], "2025-01-02", "2025-02-10"), key("c", [KIM], "2025-01-03", "2025-03-10")]);
    index.put(key("a", [KIM], "2025-01-01", "2025-04-01"));
    expect(ids(index.candidates(query([KIM], "2025-04-02", 2)))).toEqual(["a", "c"]);
    index.put(key("u", [KIM], null, null));
    expect(ids(index.candidates(query([KIM], "2025-04-02", 4)))).toEqual(["a", "b", "c", "u"]);
  });

  it("hands matching the claim as last put: a claim moved to another date is matched at its new date", () => {
    const index = new ClaimIndex();
    const summit: ClaimKey = { ...key("c1", [TRUMP, KIM], "2018-05-10", "2018-06-01"), eventTime: "2018-06-12" };
    index.load("meet", [summit]);
    const best = (time: string, published: string) => {
      const pool = index.candidates({ type: "meet", participants: [TRUMP, KIM], published, lookbackDays: 365, limit: 200 });
      return assignReadings([reading([TRUMP, KIM], { time })], published, () => pool, () => "new")[0].claim.id;
    };
    expect(best("2018-06-13", "2018-06-02")).toBe("c1");
    expect(best("2018-09-20", "2018-09-01")).toBe("new");
    index.put({ ...summit, eventTime: "2018-09-20", lastReported: "2018-09-01" });
    expect(best("2018-06-13", "2018-06-02")).toBe("new");
    expect(best("2018-09-20", "2018-09-01")).toBe("c1");
  });
});
