import { describe, expect, it } from "vitest";
import { asEvidence } from "../src/app/questions.js";
import type { EvidenceRow } from "../src/store/questions.js";

let n = 0;
function row(over: Partial<EvidenceRow> = {}): EvidenceRow {
  n++;
  return {
    report: `r${n}`,
    claim: "c1",
    article: `a${n}`,
    type: "meet",
    participants: ["person:joe-biden", "person:xi-jinping"],
    place: null,
    claimPlace: null,
    published: "2023-10-05",
    factuality: "CT+",
    stance: "scheduled",
    background: false,
    origin: `outlet:o${n}`,
    source: [],
    eventTime: null,
    ...over,
  };
}

describe("evidence as the engine reads it", () => {
  it("gives an undated report only the date its claim's reports had told by its day, never one told later", () => {
    const early = row({ published: "2023-10-05" });
    const sameDay = row({ published: "2023-10-05", eventTime: "2023-11" });
    const later = row({ published: "2023-11-08", eventTime: "2023-11-15" });
    const [e1, e2, e3] = asEvidence([early, sameDay, later]);
    // A day's news is taken together: the month told that day, not the day told a month later.
    expect(e1.eventTime).toBe("2023-11");
    expect(e2.eventTime).toBe("2023-11");
    expect(e3.eventTime).toBe("2023-11-15");
  });

  it("gives a report naming no place its claim's when the claim's reports agree, a venue of which nothing is known included", () => {
    const rows = [row({ place: "place:istanbul", claimPlace: "place:istanbul" }), row({ place: "local:some-hall", claimPlace: "place:istanbul" }), row({ claimPlace: "place:istanbul" })];
    expect(asEvidence(rows)[2].place).toBe("place:istanbul");
    const split = [row({ claim: "c2", place: "place:new-york", claimPlace: "place:new-york" }), row({ claim: "c2", place: "org:white-house", claimPlace: "place:new-york" }), row({ claim: "c2", claimPlace: "place:new-york" })];
    expect(asEvidence(split)[2].place).toBeNull();
  });

  it("takes a report told as held but dated wholly after it, or set for a time gone by, as telling nothing", () => {
    const [ahead, held] = asEvidence([row({ stance: "occurred", published: "2023-07-18", eventTime: "2023-09" }), row({ stance: "occurred", published: "2023-07-18", eventTime: "2023-07-17" })]);
    expect(ahead.stance).toBe("unknown");
    expect(held.stance).toBe("occurred");
    // "had agreed to the Geneva meeting last week": a plan set for a time gone by tells nothing either.
    const [gone, ahead2] = asEvidence([row({ stance: "scheduled", published: "2022-02-22", eventTime: "2022-W07" }), row({ stance: "scheduled", published: "2022-02-22", eventTime: "2022-02-24" })]);
    expect(gone.stance).toBe("unknown");
    expect(ahead2.stance).toBe("scheduled");
  });
});
