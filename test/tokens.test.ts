import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../src/extract/01-tokens.js";
import { extract } from "../src/extract/index.js";
import { parseTextDocument } from "../src/ingest/text.js";

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

describe("reading does not depend on what was read before", () => {
  it("splits a possessive the tokenizer first met before a full stop", () => {
    const text = "Putin's only previous trip to North Korea was in July 2000.";
    tokenize("Some of it is Putin's.");
    const doc = tokenize(text);
    expect(doc.tokens.filter((t) => t.pos !== "SPACE").slice(0, 3).map((t) => [t.text, t.pos])).toEqual([
      ["Putin", "PROPN"],
      ["'s", "PART"],
      ["only", "ADV"],
    ]);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    // The sentence before the stop splits too, and its sentence still ends at the stop.
    const before = tokenize("It is Xi’s. He left.");
    expect(before.tokens.map((t) => t.text)).toContain("’s");
    expect(before.sentences.map((s) => before.text.slice(s.start, s.end))).toEqual(["It is Xi’s.", "He left."]);
  });

  it("reads a real article the same before and after a whole storyline", () => {
    const dir = join(__dirname, "..", "eval", "real-patterns");
    const read = (story: string, file: string) => {
      const d = parseTextDocument(readFileSync(join(dir, story, "articles", file), "utf8"));
      return extract({ id: file, title: d.title ?? "", text: d.text, date: d.metaDate ?? null } as never);
    };
    const target = ["putin-kim-2023-2024", "2024-06-17-eastbridge-wire-online-putin-heads-to-north-korea.txt"] as const;
    const first = read(...target);
    for (const story of ["biden-putin-geneva-2021", "putin-kim-2023-2024"]) for (const file of readdirSync(join(dir, story, "articles")).sort()) read(story, file);
    const again = read(...target);
    expect(again).toEqual(first);
    const trip = again.events.find((e) => e.trigger.text === "trip" && again.article.text.slice(e.trigger.start - 20, e.trigger.start).includes("only previous"));
    expect(trip?.participants).toEqual(expect.arrayContaining(["person:vladimir-putin", "country:KP"]));
  }, 60_000);
});
