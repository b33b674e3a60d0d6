import { describe, expect, it } from "vitest";
import type { EventMention } from "../src/domain/extraction.js";
import { bestClaim, isClaimable, moreSpecificTime, participantsCompatible, type ClaimKey, type EntityFacts } from "../src/link/claims.js";
import { groupOrigins, nameSlug, rootOf, type ReportOriginFacts } from "../src/link/origins.js";
import { statusHistory, type StatusReport } from "../src/link/status.js";
import { dayRange } from "../src/link/time-range.js";

const COUNTRY: Record<string, string> = { "person:donald-trump": "country:US", "person:kim-jong-un": "country:KP", "org:white-house": "country:US" };
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
    const { outletEntityOf } = await import("../src/link/entity-facts.js");
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
    const { speaksFor, countryOf } = await import("../src/link/entity-facts.js");
    expect(countryOf("person:donald-trump", "2018-06-12")).toBe("country:US");
    expect(speaksFor({ text: "Trump", entity: "person:donald-trump" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "the White House", entity: "org:white-house" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "Pyongyang", entity: "country:KP" }, trumpKim, "2018-06-12")).toBe(true);
    expect(speaksFor({ text: "Secretary of State Mike Pompeo", entity: "person:mike-pompeo" }, trumpKim, "2018-06-12")).toBe(true);
  });
  it("does not count unnamed officials, other outlets or other governments", async () => {
    const { speaksFor } = await import("../src/link/entity-facts.js");
    expect(speaksFor({ text: "U.S. officials", entity: "country:US" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor({ text: "two Turkish sources", entity: "country:TR" }, ["country:TR"], "2024-07-08")).toBe(false);
    expect(speaksFor({ text: "CNN", entity: "outlet:cnn" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor({ text: "Moon Jae-in", entity: "person:moon-jae-in" }, trumpKim, "2018-06-12")).toBe(false);
    expect(speaksFor(undefined, trumpKim, "2018-06-12")).toBe(false);
  });
});
