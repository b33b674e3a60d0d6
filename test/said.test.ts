// Statements packed into an entity's row for an article: every offset comes back, whatever its sign or size.
import { describe, expect, it } from "vitest";
import { packSaid, statementsOf, unpackSaid, type SaidStatement } from "../src/store/said.js";

const statement = (over: Partial<SaidStatement> = {}): SaidStatement => ({
  idx: 3, sentence: 2, sentence_start: 2546, sentence_end: 2692, source_start: 2546, source_end: 2564, cue_start: 2565, cue_end: 2571,
  content_start: 2589, content_end: 2691, event_types: "deny other", ...over,
});

describe("packed statements", () => {
  it("give back every statement in order, content before the source and large offsets included", () => {
    const list = [
      statement(),
      // Content before its source ("…, the ministry said"), as the reading often finds it.
      statement({ idx: 4, sentence: 3, sentence_start: 0, sentence_end: 164, source_start: 138, source_end: 156, cue_start: 157, cue_end: 163, content_start: 27, content_end: 135, event_types: "" }),
      statement({ idx: 70_000, sentence: 9_000, sentence_start: 3_000_000_000, sentence_end: 3_000_000_500, source_start: 3_000_000_010, source_end: 3_000_000_020, cue_start: 3_000_000_005, cue_end: 3_000_000_009, content_start: 3_000_000_400, content_end: 3_000_000_499, event_types: "réunion meet" }),
    ];
    const packed = packSaid(list);
    expect(unpackSaid(packed)).toEqual(list);
    // A few bytes a statement, not a row of columns.
    expect(packSaid([statement()]).byteLength).toBeLessThan(30);
  });

  it("refuse a record cut short", () => {
    const packed = packSaid([statement()]);
    expect(() => unpackSaid(packed.subarray(0, packed.byteLength - 4))).toThrow();
  });

  it("are grouped by entity from an article's statement rows, read by column name", () => {
    const columns = ["entity_id", "article_id", "idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end", "event_types"];
    const row = (entity: string, s: SaidStatement) => [entity, "a1", s.idx, s.sentence, s.sentence_start, s.sentence_end, s.source_start, s.source_end, s.cue_start, s.cue_end, s.content_start, s.content_end, s.event_types];
    const grouped = statementsOf({ columns, values: [row("x", statement({ idx: 0 })), row("y", statement({ idx: 1 })), row("x", statement({ idx: 2 }))] });
    expect([...grouped.keys()]).toEqual(["x", "y"]);
    expect(grouped.get("x")!.map((s) => s.idx)).toEqual([0, 2]);
  });
});
