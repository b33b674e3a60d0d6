import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";

describe("tokenize", () => {
  it("keeps offsets exact and splits sentences at full stops and line breaks", () => {
    const text = "October 18, 2025 | Washington, D.C.\nU.S. officials said Kim’s talks wouldn't resume. Dr. Smith met him.";
    const doc = tokenize(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "October 18, 2025 | Washington, D.C.",
      "U.S. officials said Kim’s talks wouldn't resume.",
      "Dr. Smith met him.",
    ]);
    const said = doc.tokens.find((t) => t.text === "said")!;
    expect(said.lemma).toBe("say");
    expect(said.pos).toBe("VERB");
    expect(said.sentence).toBe(1);
  });

  it("keeps an initialism after a hyphen whole and in its sentence", () => {
    const text = "Xi arrived for a China-U.S. summit with Biden. Russia-U.S. ties are poor.";
    const doc = tokenize(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(["Xi arrived for a China-U.S. summit with Biden.", "Russia-U.S. ties are poor."]);
    expect(doc.tokens.some((t) => t.text === "U.S.")).toBe(true);
  });
});
