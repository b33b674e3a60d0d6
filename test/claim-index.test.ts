import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../src/link/claim-index.js";
import type { ClaimKey, PreparedClaim } from "../src/link/claims.js";

const claim = (id: string, participants: string[], firstReported: string | null, lastReported: string | null, type = "meet"): ClaimKey => ({
  id,
  type,
  participants,
  eventTime: null,
  firstReported,
  lastReported,
});

const KIM = "person:kim-jong-un";
const TRUMP = "person:donald-trump";
const XI = "person:xi-jinping";

describe("ClaimIndex", () => {
  const query = (participants: string[], published: string | null, limit = 200) => ({ type: "meet", participants, published, lookbackDays: 365, limit });

  it("offers claims of the type that share a participant and were reported within the look-back window", () => {
    const index = new ClaimIndex();
    index.load("meet", [
      claim("old", [KIM], "2024-01-01", "2024-01-05"),
      claim("new", [TRUMP, KIM], "2025-10-10", "2025-10-18"),
      claim("other", [XI], "2025-10-10", "2025-10-18"),
      claim("undated", [KIM], null, null),
    ]);
    index.load("threaten", [claim("threat", [KIM], "2025-10-10", "2025-10-18", "threaten")]);
    const ids = (cs: PreparedClaim[]) => cs.map((c) => c.claim.id).sort();
    expect(ids(index.candidates(query([KIM], "2025-10-20")))).toEqual(["new", "undated"]);
    expect(ids(index.candidates(query([KIM], null)))).toEqual(["new", "old", "undated"]);
    expect(ids(index.candidates(query([XI, TRUMP], "2025-10-20")))).toEqual(["new", "other"]);
    expect(index.candidates({ ...query([KIM], "2025-10-20"), type: "visit" })).toEqual([]);
  });

  it("keeps only the most recently reported claims when there are more than the limit", () => {
    const index = new ClaimIndex();
    index.load("meet", [claim("a", [KIM], "2025-01-01", "2025-03-01"), claim("b", [KIM], "2025-02-01", "2025-09-01"), claim("c", [KIM], "2025-01-15", "2025-06-01")]);
    expect(index.candidates(query([KIM], "2025-10-01", 2)).map((c) => c.claim.id).sort()).toEqual(["b", "c"]);
  });

  it("follows a claim whose participants and dates change, and forgets everything on clear", () => {
    const index = new ClaimIndex();
    index.load("meet", [claim("a", [KIM], "2025-10-01", "2025-10-01")]);
    index.put(claim("a", [TRUMP], "2025-10-01", "2025-10-20"));
    index.put(claim("b", [KIM], "2025-10-02", "2025-10-02"));
    index.put(claim("x", [KIM], "2025-10-02", "2025-10-02", "visit")); // a type not loaded stays unloaded
    expect(index.candidates(query([KIM], "2025-10-21")).map((c) => c.claim.id)).toEqual(["b"]);
    expect(index.candidates(query([TRUMP], "2025-10-21"))[0].claim).toMatchObject({ id: "a", lastReported: "2025-10-20" });
    expect(index.has("visit")).toBe(false);
    index.clear();
    expect(index.has("meet")).toBe(false);
    expect(index.candidates(query([KIM], "2025-10-21"))).toEqual([]);
  });

  it("finds claims by their exact participant set, whatever order the participants were given in", () => {
    const index = new ClaimIndex();
    index.load("meet", [claim("a", [TRUMP, KIM], "2025-10-01", "2025-10-01"), claim("b", [KIM], "2025-10-01", "2025-10-01"), claim("c", [KIM, TRUMP, XI], "2025-10-01", "2025-10-01")]);
    expect(index.withParticipants("meet", [KIM, TRUMP]).map((c) => c.id)).toEqual(["a"]);
    index.put(claim("b", [KIM, TRUMP], "2025-10-01", "2025-10-02"));
    expect(index.withParticipants("meet", [TRUMP, KIM, KIM]).map((c) => c.id).sort()).toEqual(["a", "b"]);
    expect(index.withParticipants("meet", [KIM])).toEqual([]);
    expect(index.withParticipants("visit", [KIM])).toEqual([]);
  });

  it("takes claims last reported on the look-back window's first day or later, however their day is written", () => {
    const index = new ClaimIndex();
    index.load("meet", [
      claim("edge", [KIM], "2024-10-01", "2024-10-20"),
      claim("day-before", [KIM], "2024-10-01", "2024-10-19"),
      claim("late-evening", [KIM], "2024-10-01", "2024-10-19T23:00:00Z"),
      claim("early-morning", [KIM], "2024-10-01", "2024-10-20T01:00:00Z"),
    ]);
    const expected = ["early-morning", "edge"];
    // The window of a report of 2025-10-20 starts on 2024-10-20; a day with its time of day compares as text.
    expect(index.candidates(query([KIM], "2025-10-20")).map((c) => c.claim.id).sort()).toEqual(expected);
    expect(index.candidates({ ...query([KIM], "2025-10-20"), participants: null }).map((c) => c.claim.id).sort()).toEqual(expected);
  });

  it("keeps the most recent first as claims are reported again, so the limit keeps the newest", () => {
    const index = new ClaimIndex();
    index.load("meet", [claim("a", [KIM], "2025-01-01", "2025-01-10"), claim("b", [KIM], "2025-01-02", "2025-02-10"), claim("c", [KIM], "2025-01-03", "2025-03-10")]);
    index.put(claim("a", [KIM], "2025-01-01", "2025-04-01"));
    expect(index.candidates(query([KIM], "2025-04-02", 2)).map((c) => c.claim.id).sort()).toEqual(["a", "c"]);
    index.put(claim("u", [KIM], null, null));
    expect(index.candidates(query([KIM], "2025-04-02", 4)).map((c) => c.claim.id).sort()).toEqual(["a", "b", "c", "u"]);
  });
});
