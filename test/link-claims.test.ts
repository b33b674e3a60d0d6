import { describe, expect, it } from "vitest";
import type { EventMention } from "../src/domain/extraction.js";
import {
  bestClaim,
  cancelledByParticipant,
  claimParticipants,
  claimReadings,
  datedReferences,
  intentEvent,
  isClaimable,
  isGenericMention,
  moreSpecificTime,
  participantsCompatible,
  polarityCompatible,
  resolveAnaphora,
  withAddressee,
  withMeetingParties,
  type ClaimKey,
  type EntityFacts,
} from "../src/link/claims.js";
import { groupOrigins, nameSlug, rootOf, type ReportOriginFacts } from "../src/link/origins.js";
import { flip, statusHistory, type StatusReport } from "../src/link/status.js";
import { anchorYear, dayRange } from "../src/domain/calendar.js";

const COUNTRY: Record<string, string> = {
  "person:donald-trump": "country:US",
  "person:kim-jong-un": "country:KP",
  "org:white-house": "country:US",
  "person:mike-pompeo": "country:US",
  "person:moon-jae-in": "country:KR",
  "org:cia": "country:US",
};
const facts: EntityFacts = { countryOf: (id) => COUNTRY[id] ?? (id.startsWith("country:") ? id : null) };

function event(type: string, participants: string[], time: string | null = null): EventMention {
  return { id: "e1", sentence: 0, trigger: { start: 0, end: 4, text: "meet" }, type, cameo: null, participants, factuality: "CT+", source: [], time, condition: null };
}

const singapore: ClaimKey = { id: "c1", type: "meet", participants: ["person:donald-trump", "person:kim-jong-un"], eventTime: "2018-06-12", firstReported: "2018-05-10", lastReported: "2018-06-12" };
const hanoi: ClaimKey = { id: "c2", type: "meet", participants: ["person:donald-trump", "person:kim-jong-un"], eventTime: "2019-02", firstReported: "2019-02-05", lastReported: "2019-02-28" };

describe("claim matching", () => {
  it("joins a mention to the claim of the same happening and keeps different happenings apart", () => {
    expect(bestClaim([singapore, hanoi], { event: event("meet", ["person:kim-jong-un", "person:donald-trump"], "2018-06"), published: "2018-06-01" }, facts)?.id).toBe("c1");
    expect(bestClaim([singapore, hanoi], { event: event("meet", ["person:donald-trump"], "2019-02-27"), published: "2019-02-27" }, facts)?.id).toBe("c2");
    expect(bestClaim([singapore, hanoi], { event: event("meet", ["person:donald-trump", "person:kim-jong-un"], "2025-FA"), published: "2025-10-18" }, facts)).toBeNull();
    expect(bestClaim([singapore], { event: event("sign", ["person:donald-trump", "person:kim-jong-un"], "2018-06-12"), published: "2018-06-12" }, facts)).toBeNull();
  });
  it("keeps a meeting promised 'at a later date' apart from one already dated by then", () => {
    const october: ClaimKey = { id: "c3", type: "meet", participants: ["person:donald-trump", "person:kim-jong-un"], eventTime: "2025-10-30", firstReported: "2025-10-18", lastReported: "2025-10-30" };
    expect(bestClaim([october], { event: event("meet", ["person:donald-trump", "person:kim-jong-un"], "FUTURE_REF"), published: "2025-10-30" }, facts)).toBeNull();
    expect(bestClaim([october], { event: event("meet", ["person:donald-trump", "person:kim-jong-un"], "FUTURE_REF"), published: "2025-10-20" }, facts)?.id).toBe("c3");
  });
  it("uses the reporting window when the mention has no calendar time", () => {
    expect(bestClaim([singapore], { event: event("meet", ["person:donald-trump", "person:kim-jong-un"]), published: "2018-06-20" }, facts)?.id).toBe("c1");
    expect(bestClaim([singapore], { event: event("meet", ["person:donald-trump", "person:kim-jong-un"]), published: "2018-12-20" }, facts)).toBeNull();
  });
  it("compares participants directly or by country", () => {
    expect(participantsCompatible(["person:donald-trump", "person:kim-jong-un"], ["country:US", "country:KP"], facts, null)).toBe(true);
    expect(participantsCompatible(["person:donald-trump", "person:kim-jong-un"], ["person:donald-trump", "person:xi-jinping"], facts, null)).toBe(false);
    expect(participantsCompatible(["person:donald-trump"], [], facts, null)).toBe(false);
  });
  it("offers only typed events with participants as claims", () => {
    expect(isClaimable(event("meet", ["person:kim-jong-un"]))).toBe(true);
    expect(isClaimable(event("other", ["person:kim-jong-un"]))).toBe(false);
    expect(isClaimable(event("meet", []))).toBe(false);
    expect(isClaimable({ ...event("meet", ["person:kim-jong-un"]), factuality: "Uu" })).toBe(false);
  });
  it("keeps the more specific time", () => {
    expect(moreSpecificTime("2018-06", "2018-06-12")).toBe("2018-06-12");
    expect(moreSpecificTime("2018-06-12", "2018")).toBe("2018-06-12");
    expect(moreSpecificTime(null, "FUTURE_REF")).toBe("FUTURE_REF");
    expect(moreSpecificTime("FUTURE_REF", "2025-FA")).toBe("2025-FA");
    expect(dayRange("2022-W09-WE")).toEqual({ from: "2022-03-05", to: "2022-03-06" });
    expect(dayRange("2025-WI")).toEqual({ from: "2025-12-01", to: "2026-02-28" });
  });
});

describe("independent origins", () => {
  const r = (id: string, outlet: string, chain: string[], extra: Partial<ReportOriginFacts> = {}): ReportOriginFacts => ({
    id,
    articleId: `a-${id}`,
    outlet,
    outletEntity: null,
    published: "2025-10-18",
    chain: chain.map((text) => ({ text, entity: text === "CNN" || text === "CNN reports" || text === "a CNN report" ? "outlet:cnn" : null })),
    nearDuplicateOf: null,
    ...extra,
  });
  it("collapses re-reports of one outlet, wire copies and credited outlets into one origin", () => {
    const reports = [
      r("1", "Harbor City Ledger", ["CNN"]),
      r("2", "The Meridian Post", ["CNN reports"]),
      r("3", "Capitol Brief", ["U.S. officials", "a CNN report"]),
      r("4", "Northern Star Tribune", ["CNN"]),
      r("5", "Riverbend Gazette", [], { articleId: "a-5", nearDuplicateOf: "a-1" }),
      r("6", "Pacific Dispatch", ["two diplomats familiar with the plans"]),
    ];
    const groups = groupOrigins(reports, (a) => (a === "a-1" ? { name: "Harbor City Ledger", entity: null } : null));
    expect(groups.map((g) => [g.key, g.reports.length])).toEqual([
      ["outlet:cnn", 5],
      ["name:pacific-dispatch", 1],
    ]);
  });
  it("treats an outlet's own reporting and a later credit to it as one origin", () => {
    const own = r("1", "Pacific Dispatch", [], { published: "2018-03-09" });
    const credit = r("2", "Capitol Brief", ["Pacific Dispatch"], { published: "2018-03-10" });
    const independent = r("3", "Harbor City Ledger", ["officials"], { published: "2018-03-10" });
    const groups = groupOrigins([credit, own, independent], () => null);
    expect(groups.map((g) => [g.root, g.reports])).toEqual([
      ["Pacific Dispatch", ["1", "2"]],
      ["Harbor City Ledger", ["3"]],
    ]);
  });
  it("puts a report crediting an outlet into the origin of that outlet's earlier report", () => {
    const wh = r("1", "Harbor City Ledger", ["the White House"], { published: "2018-03-09" });
    const credit = r("2", "Capitol Brief", ["the Harbor City Ledger"], { published: "2018-03-11" });
    const groups = groupOrigins([credit, wh], () => null);
    expect(groups.map((g) => [g.root, g.reports])).toEqual([["the White House", ["1", "2"]]]);
  });
  it("meets an outlet's own reporting and citations of it under the outlet's gazetteer id", async () => {
    const { outletEntityOf } = await import("../src/extract/entity-facts.js");
    expect(outletEntityOf("CNN")).toBe("outlet:cnn");
    expect(outletEntityOf("Harbor City Ledger")).toBeNull();
    const own = r("1", "CNN", [], { outletEntity: outletEntityOf("CNN"), published: "2025-10-17" });
    const citing = r("2", "Harbor City Ledger", ["CNN"], { published: "2025-10-18" });
    expect(groupOrigins([citing, own], () => null).map((g) => g.reports)).toEqual([["1", "2"]]);
  });
  it("names roots without determiners or report words", () => {
    expect(nameSlug("a CNN report")).toBe("cnn");
    expect(nameSlug("Yonhap news agency")).toBe("yonhap");
    expect(nameSlug("The Kremlin")).toBe("kremlin");
    expect(rootOf(r("9", "Harbor City Ledger", ["some analysts"])).key).toBe("name:harbor-city-ledger");
  });
});

describe("status history", () => {
  const rep = (id: string, published: string, factuality: StatusReport["factuality"], origin: string, onRecord = false): StatusReport => ({ id, published, factuality, origin, onRecord });
  it("moves from reported to corroborated to confirmed", () => {
    const h = statusHistory([rep("1", "2018-03-09", "PR+", "a"), rep("2", "2018-03-09", "PR+", "a"), rep("3", "2018-03-10", "CT+", "b"), rep("4", "2018-03-12", "CT+", "wh", true)], "2018-03-12");
    expect(h).toEqual([
      { status: "reported", at: "2018-03-09" },
      { status: "corroborated", at: "2018-03-10" },
      { status: "confirmed", at: "2018-03-12" },
    ]);
  });
  it("marks a participant's denial, a contradiction, and a claim gone quiet", () => {
    expect(statusHistory([rep("1", "2025-10-18", "PS+", "cnn"), rep("2", "2025-10-29", "CT-", "wh", true)], null).map((c) => c.status)).toEqual(["reported", "denied"]);
    expect(statusHistory([rep("1", "2025-10-18", "PR+", "cnn"), rep("2", "2025-10-20", "CT-", "paper")], null).map((c) => c.status)).toEqual(["reported", "contradicted"]);
    expect(statusHistory([rep("1", "2025-01-01", "PR+", "a"), rep("2", "2025-03-01", "PR+", "b")], "2025-06-01")).toEqual([
      { status: "reported", at: "2025-01-01" },
      { status: "stale", at: "2025-01-31" },
      { status: "corroborated", at: "2025-03-01" },
      { status: "stale", at: "2025-03-31" },
    ]);
  });
  it("does not depend on the order reports arrive in", () => {
    const reports = [rep("1", "2018-03-09", "PR+", "a"), rep("3", "2018-03-10", "CT+", "b"), rep("4", "2018-03-12", "CT-", "c")];
    expect(statusHistory([...reports].reverse(), null)).toEqual(statusHistory(reports, null));
  });
});

describe("on the record", () => {
  const trumpKim = ["person:donald-trump", "person:kim-jong-un"];
  it("counts a participant, its government's bodies and officeholders, and its state media", async () => {
    const { speaksFor, countryOf } = await import("../src/extract/entity-facts.js");
    expect(countryOf("person:donald-trump", "2018-06-12")).toBe("country:US");
    expect(speaksFor({ text: "Trump", entity: "person:donald-trump" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "the White House", entity: "org:white-house" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "Pyongyang", entity: "country:KP" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "Secretary of State Mike Pompeo", entity: "person:mike-pompeo" }, trumpKim, "2018-06-12")).toBe(true);
  });
  it("counts a spokesperson by the office of the day, and a source named by a title alone", async () => {
    const { speaksFor, countryOf, sourceEntity } = await import("../src/extract/entity-facts.js");
    const cases: [string, string, string | null][] = [
      ["person:sarah-huckabee-sanders", "2019-02-28", "country:US"],
      ["person:dmitry-peskov", "2022-03-01", "country:RU"],
    ];
    for (const [id, date, country] of cases) expect(countryOf(id, date)).toBe(country);
    expect(sourceEntity({ text: "The White House press secretary", entity: null }, "2019-02-28")).toBe("person:sarah-huckabee-sanders");
    // Looked up once per text and date: the same title on another day is whoever held the office then.
    const secretary = (date: string | null) => sourceEntity({ text: "The White House press secretary", entity: null }, date);
    expect([secretary("2025-10-24"), secretary("2019-02-28"), secretary(null), secretary("2025-10-24")]).toEqual(["person:karoline-leavitt", "person:sarah-huckabee-sanders", null, "person:karoline-leavitt"]);
    expect(sourceEntity({ text: "a senior White House official", entity: null }, "2025-10-24")).toBeNull();
    expect(speaksFor({ text: "The White House press secretary", entity: null }, trumpKim, "2019-02-28")).toBe(true);
  });
  it("does not count unnamed officials, other outlets or other governments", async () => {
    const { speaksFor } = await import("../src/extract/entity-facts.js");
    expect(speaksFor({ text: "U.S. officials", entity: "country:US" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor({ text: "two Turkish sources", entity: "country:TR" }, ["country:TR"], "2024-07-08")).toBe(false);
    expect(speaksFor({ text: "CNN", entity: "outlet:cnn" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor({ text: "Moon Jae-in", entity: "person:moon-jae-in" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor(undefined, trumpKim, "2018-06-12")).toBe(false);
  });
});

describe("claim matching rules", () => {
  const trumpKim = ["person:donald-trump", "person:kim-jong-un"];
  const claim = (over: Partial<ClaimKey>): ClaimKey => ({ id: "c9", type: "meet", participants: trumpKim, eventTime: null, firstReported: "2018-03-08", lastReported: "2018-03-11", ...over });
  const at = (e: EventMention, published: string) => ({ event: e, published });

  it("keeps a happening told as past apart from one still to come", () => {
    const planned = claim({ eventTime: "2018-05" });
    expect(bestClaim([planned], at(event("meet", ["country:US", "country:KP"], "PAST_REF"), "2018-03-08"), facts)).toBeNull();
    expect(bestClaim([planned], at(event("meet", trumpKim, "PAST_REF"), "2018-06-20"), facts)?.id).toBe("c9");
  });

  it("gives slack only to day-precise dates: a month does not reach the summit it turned into", () => {
    const byMay = claim({ eventTime: "2018-05" });
    const cases: [string, string, boolean][] = [
      ["2018-06-12", "2018-05-10", false],
      ["2018-05", "2018-05-10", true],
    ];
    for (const [time, published, joins] of cases) expect(bestClaim([byMay], at(event("meet", trumpKim, time), published), facts) !== null).toBe(joins);
    const june12 = claim({ eventTime: "2018-06-12", lastReported: "2018-06-01" });
    expect(bestClaim([june12], at(event("meet", trumpKim, "2018-06-13"), "2018-06-01"), facts)?.id).toBe("c9");
  });

  it("keeps a meeting put off to a later date apart from one whose dates have begun", () => {
    const october = claim({ eventTime: "2025-10", firstReported: "2025-10-18", lastReported: "2025-10-27" });
    expect(bestClaim([october], at(event("meet", trumpKim, "FUTURE_REF"), "2025-10-30"), facts)).toBeNull();
  });

  it("keeps apart meetings of different people standing for one country", () => {
    const cases: [string[], string[], boolean][] = [
      [["org:cia", "person:mike-pompeo", "person:kim-jong-un"], trumpKim, false],
      [["country:US", "country:KP"], trumpKim, true],
      [["person:donald-trump", "person:kim-jong-un", "person:moon-jae-in"], trumpKim, true],
    ];
    for (const [a, b, ok] of cases) expect(participantsCompatible(a, b, facts, "2018-04-18")).toBe(ok);
  });

  it("lets a denial join only a claim confirmed on the record", () => {
    const denial = { ...event("meet", trumpKim), factuality: "CT-" as const };
    const cases: [Partial<ClaimKey>, EventMention, boolean][] = [
      [{ polarity: "+", status: "confirmed" }, denial, true],
      [{ polarity: "+", status: "corroborated" }, denial, false],
      [{ polarity: "+", status: "denied", eventTime: "2018-06-12" }, denial, true],
      [{ polarity: "+", status: "denied", eventTime: "2025-10" }, denial, false],
      [{ polarity: "-", status: "confirmed" }, event("meet", trumpKim), false],
      [{ polarity: "-", status: "reported" }, denial, true],
      [{}, denial, true],
    ];
    for (const [over, e, ok] of cases) expect(polarityCompatible(claim(over), e)).toBe(ok);
  });

  it("lets a stated wish to meet, a standing position, join across the whole look-back period", () => {
    const wish = claim({ type: "intend_meet", firstReported: "2025-01-24", lastReported: "2025-01-24" });
    const cases: [string, string, boolean][] = [
      ["intend_meet", "2025-08-26", true],
      ["meet", "2025-08-26", false],
    ];
    for (const [type, published, joins] of cases) expect(bestClaim([{ ...wish, type }], at(event(type, trumpKim), published), facts) !== null).toBe(joins);
  });

  it("breaks ties for the claim most recently in the news", () => {
    const spring = claim({ id: "c1", eventTime: null, lastReported: "2018-03-11" });
    const summer = claim({ id: "c2", eventTime: null, lastReported: "2018-05-24" });
    expect(bestClaim([spring, summer], at(event("meet", trumpKim), "2018-05-25"), facts)?.id).toBe("c2");
  });
});

describe("reading mentions for the ledger", () => {
  const mention = (over: Partial<EventMention>): EventMention => ({ ...event("meet", []), ...over });

  it("records takers, not places, named events, outlets or host countries", () => {
    const cases: [string[], string[]][] = [
      [["place:singapore", "person:donald-trump", "person:kim-jong-un"], ["person:donald-trump", "person:kim-jong-un"]],
      [["country:SG", "person:donald-trump", "person:kim-jong-un"], ["person:donald-trump", "person:kim-jong-un"]],
      [["outlet:kcna", "person:kim-jong-un"], ["person:kim-jong-un"]],
      [["country:US", "country:KP"], ["country:US", "country:KP"]],
      [["country:KP", "person:kim-jong-un"], ["country:KP", "person:kim-jong-un"]],
    ];
    for (const [given, kept] of cases) expect(claimParticipants(given)).toEqual(kept);
    expect(claimParticipants(["local:korea-daily-wire", "person:kim-jong-un"], "Korea Daily Wire")).toEqual(["person:kim-jong-un"]);
    expect(claimParticipants(["local:meridian-post", "person:kim-jong-un"], "The Meridian Post")).toEqual(["person:kim-jong-un"]);
  });

  it("drops mentions about a whole stretch of history", () => {
    const cases: [string, boolean][] = [
      ["No sitting American president has ever ", true],
      ["President Trump has ", false],
      ["He said he had never ", false],
    ];
    for (const [before, generic] of cases) expect(isGenericMention(before)).toBe(generic);
  });

  it("reads an accepted meeting as the meeting itself, and a wished one as an intent", () => {
    const uu = mention({ participants: ["person:donald-trump", "person:kim-jong-un"], factuality: "Uu" });
    const cases: [string, string | null, string | null][] = [
      ["President Donald Trump has agreed to ", "meet", "PR+"],
      ["He accepted an invitation to ", "meet", "PR+"],
      ["Trump said he would like to ", "intend_meet", "CT+"],
      ["Officials discussed whether to ", null, null],
    ];
    for (const [before, type, factuality] of cases) {
      const r = intentEvent(uu, before);
      expect(r?.type ?? null).toBe(type);
      expect(r?.factuality ?? null).toBe(factuality);
    }
  });

  it("lets a definite mention without participants take up the one it refers to", () => {
    const talks = mention({ trigger: { start: 0, end: 5, text: "talks" }, participants: ["country:US", "country:KP"], time: "2019-10-05" });
    const later = mention({ sentence: 1, trigger: { start: 90, end: 95, text: "talks" } });
    const cases: [EventMention, string, EventMention[], string[]][] = [
      [later, "the envoy said the ", [talks], ["country:US", "country:KP"]],
      [later, "envoys from both sides held ", [talks], []],
      [later, "the envoy said the ", [{ ...talks, factuality: "Uu" }], []],
      [{ ...later, trigger: { start: 90, end: 99, text: "gathering" } }, "the envoy said the ", [talks], []],
      [{ ...later, sentence: 9 }, "the envoy said the ", [talks], []],
    ];
    for (const [e, before, earlier, participants] of cases) expect(resolveAnaphora(e, before, earlier).participants).toEqual(participants);
    expect(resolveAnaphora(later, "the envoy said the ", [talks]).time).toBe("2019-10-05");
  });

  it("takes up an outcome of the meeting named again as it stands", () => {
    const deal = mention({ type: "sign", trigger: { start: 0, end: 9, text: "agreement" }, participants: ["person:donald-trump", "person:kim-jong-un"], factuality: "CT-" });
    const again = mention({ type: "sign", sentence: 3, trigger: { start: 200, end: 209, text: "agreement" }, factuality: "CT-" });
    expect(resolveAnaphora(again, "The White House said there was no ", [deal]).participants).toEqual(deal.participants);
  });

  it("gives the outcome of a meeting the meeting's parties", () => {
    const summit = mention({ trigger: { start: 0, end: 6, text: "summit" }, participants: ["person:donald-trump", "person:kim-jong-un"] });
    const cases: [EventMention, string[]][] = [
      [mention({ type: "sign", trigger: { start: 40, end: 49, text: "agreement" }, participants: ["person:kim-jong-un"] }), ["person:kim-jong-un", "person:donald-trump"]],
      [mention({ type: "demand", trigger: { start: 40, end: 46, text: "demand" }, participants: ["country:KP"] }), ["country:KP"]],
    ];
    for (const [e, participants] of cases) expect(withMeetingParties(e, [summit, e]).participants).toEqual(participants);
  });

  it("addresses a demand or refusal to the country of the one who tells it", () => {
    const demand = (teller: string | null) => mention({ type: "demand", participants: ["country:KP"], source: teller ? [{ text: "x", entity: teller }] : [] });
    const cases: [EventMention, string[]][] = [
      [demand("person:donald-trump"), ["country:KP", "country:US"]],
      [demand("person:kim-jong-un"), ["country:KP"]],
      [demand(null), ["country:KP"]],
      [{ ...demand("person:donald-trump"), type: "meet" }, ["country:KP"]],
    ];
    for (const [e, participants] of cases) expect(withAddressee(e, facts, "2019-02-28").participants).toEqual(participants);
  });

  it("anchors a month or day written without its year to the report's year", () => {
    const cases: [string | null, string | null, string | null][] = [
      ["XXXX-05", "2018-03-08", "2018-05"],
      ["XXXX-06-12", "2018-05-10", "2018-06-12"],
      ["XXXX-WXX-4", "2018-05-10", "XXXX-WXX-4"],
      ["2019-02", "2018-05-10", "2019-02"],
      ["XXXX-05", null, "XXXX-05"],
    ];
    for (const [value, published, anchored] of cases) expect(anchorYear(value, published)).toBe(anchored);
  });
});

describe("origins: roots and credits", () => {
  const r = (id: string, outlet: string, chain: [string, string | null][], extra: Partial<ReportOriginFacts> = {}): ReportOriginFacts => ({
    id,
    articleId: `a-${id}`,
    outlet,
    outletEntity: null,
    published: "2018-04-18",
    chain: chain.map(([text, entity]) => ({ text, entity })),
    nearDuplicateOf: null,
    ...extra,
  });
  it("takes the deepest named source, past unnamed people behind it", () => {
    const cases: [[string, string | null][], string][] = [
      [[["the Washington Post", "outlet:washington-post"], ["two people with knowledge of the trip", null]], "outlet:washington-post"],
      [[["U.S. officials", null]], "name:meridian-post"],
      [[["Trump", "person:donald-trump"]], "person:donald-trump"],
    ];
    for (const [chain, key] of cases) expect(rootOf(r("1", "The Meridian Post", chain)).key).toBe(key);
  });
  it("keys a pronoun nobody was found for as no one, a local name by that name, a spokesperson by the body", () => {
    const cases: [[string, string | null][], string][] = [
      [[["She", null]], "name:pacific-dispatch"],
      [[["He", "local:pak-chol-su"]], "name:pak-chol-su"],
      [[["Pak Chol Su", "local:pak-chol-su"]], "name:pak-chol-su"],
      [[["The White House press secretary", "person:sarah-huckabee-sanders"]], "org:white-house"],
      [[["the White House", "org:white-house"]], "org:white-house"],
    ];
    for (const [chain, key] of cases) expect(rootOf(r("1", "Pacific Dispatch", chain, { published: "2019-02-28" })).key).toBe(key);
  });
  it("keeps an outlet's own reporting its own after its first report credited someone else", () => {
    const first = r("1", "Pacific Dispatch", [["President Donald Trump", "person:donald-trump"]], { published: "2018-05-10" });
    const own = r("2", "Pacific Dispatch", [], { published: "2018-06-12" });
    expect(groupOrigins([first, own], () => null).map((g) => g.reports)).toEqual([["1"], ["2"]]);
  });
  it("joins a same-day credit to the credited outlet, whatever the order, and however its name was linked", () => {
    const own = r("b", "Pacific Dispatch", [], { published: "2019-06-29" });
    const credit = r("a", "The Continental Observer", [["Pacific Dispatch", "place:pacific"]], { published: "2019-06-29" });
    expect(groupOrigins([credit, own], () => null).map((g) => g.reports.sort())).toEqual([["a", "b"]]);
  });
  it("joins a wire copy's quoted source to the same source in the original", () => {
    const ownOrig = r("1", "Pacific Dispatch", [], { articleId: "p" });
    const quotedOrig = r("2", "Pacific Dispatch", [["Chung", "person:chung-eui-yong"]], { articleId: "p" });
    const quotedCopy = r("3", "Riverbend Gazette", [["Chung", "person:chung-eui-yong"]], { articleId: "g", nearDuplicateOf: "p", published: "2018-04-19" });
    const groups = groupOrigins([ownOrig, quotedOrig, quotedCopy], () => ({ name: "Pacific Dispatch", entity: null }));
    expect(groups.map((g) => g.reports)).toEqual([["1"], ["2", "3"]]);
  });
});

describe("status of a claim told the other way round", () => {
  const rep = (id: string, published: string, factuality: StatusReport["factuality"], origin: string, onRecord = false): StatusReport => ({ id, published, factuality, origin, onRecord });
  it("reads reports against the claim: an official 'no' confirms a claim that it will not happen", () => {
    const reports = [rep("1", "2025-10-24", "CT-", "official"), rep("2", "2025-10-27", "CT-", "wh", true)];
    expect(statusHistory(reports, null, undefined, "-")).toEqual([
      { status: "reported", at: "2025-10-24" },
      { status: "confirmed", at: "2025-10-27" },
    ]);
    expect(statusHistory([rep("1", "2025-10-24", "CT-", "a"), rep("2", "2025-10-25", "CT+", "trump", true)], null, undefined, "-").at(-1)?.status).toBe("denied");
  });
  it("flips the polarity of a factuality value and leaves Uu", () => {
    const cases: [StatusReport["factuality"], StatusReport["factuality"]][] = [
      ["CT+", "CT-"],
      ["PR-", "PR+"],
      ["PS+", "PS-"],
      ["Uu", "Uu"],
    ];
    for (const [a, b] of cases) expect(flip(a)).toBe(b);
  });
});

describe("reading an article for the ledger", () => {
  it("drops generic mentions, takes up definite ones and keeps only takers", () => {
    const text = "No sitting president has ever met a North Korean leader. Trump and Kim held talks in Hanoi. The talks ended early.";
    const sentences = [
      { start: 0, end: text.indexOf(" Trump") },
      { start: text.indexOf("Trump"), end: text.indexOf(" The talks") },
      { start: text.indexOf("The talks"), end: text.length },
    ];
    const mention = (word: string, from: number, sentence: number, participants: string[], time: string | null): EventMention => {
      const start = text.indexOf(word, from);
      return { id: `e${start}`, sentence, trigger: { start, end: start + word.length, text: word }, type: "meet", cameo: null, participants, factuality: "CT+", source: [], time, condition: null };
    };
    const events = [
      mention("met", 0, 0, ["country:US", "country:KP"], "PAST_REF"),
      mention("talks", sentences[1].start, 1, ["person:donald-trump", "person:kim-jong-un", "place:hanoi"], "XXXX-02-27"),
      mention("talks", sentences[2].start, 2, [], null),
    ];
    const readings = claimReadings({ text, outlet: "Harbor City Ledger", published: "2019-02-28", sentences, events }, facts);
    expect(readings.map((r) => [r.sentence, r.participants, r.time])).toEqual([
      [1, ["person:donald-trump", "person:kim-jong-un"], "2019-02-27"],
      [2, ["person:donald-trump", "person:kim-jong-un"], "2019-02-27"],
    ]);
  });
});

describe("references and cancellations", () => {
  const mk = (over: Partial<EventMention>): EventMention => ({ ...event("meet", []), ...over });

  it("picks out committed mentions naming a day but no participant, told definitely", () => {
    const text = "Trump said the June 12 summit was back on. A summit on June 12 would be historic.";
    const first = text.indexOf("summit");
    const second = text.indexOf("summit", first + 1);
    const sentences = [
      { start: 0, end: text.indexOf(" A summit") },
      { start: text.indexOf("A summit"), end: text.length },
    ];
    const events = [
      mk({ id: "e1", trigger: { start: first, end: first + 6, text: "summit" }, time: "XXXX-06-12" }),
      mk({ id: "e2", sentence: 1, trigger: { start: second, end: second + 6, text: "summit" }, time: "XXXX-06-12" }),
      mk({ id: "e3", trigger: { start: first, end: first + 6, text: "summit" }, time: "XXXX-06" }),
    ];
    expect(datedReferences({ text, outlet: null, published: "2018-06-01", sentences, events }).map((e) => [e.id, e.time])).toEqual([["e1", "2018-06-12"]]);
  });

  it("reads a participant's cancellation as a denial by that participant", () => {
    const summit = mk({ trigger: { start: 30, end: 36, text: "summit" }, factuality: "CT-" });
    const cancel = (participants: string[], start = 10): EventMention => mk({ type: "cancel", trigger: { start, end: start + 6, text: "called" }, participants });
    const cases: [EventMention[], EventMention, boolean][] = [
      [[cancel(["person:donald-trump"]), summit], summit, true],
      [[cancel(["person:moon-jae-in"]), summit], summit, false],
      [[summit, cancel(["person:donald-trump"], 50)], summit, false],
      [[cancel(["person:donald-trump"]), { ...summit, factuality: "CT+" }], { ...summit, factuality: "CT+" }, false],
    ];
    for (const [sentence, m, denied] of cases) expect(cancelledByParticipant(m, sentence, ["person:donald-trump", "person:kim-jong-un"])).toBe(denied);
  });
});
