import { describe, expect, it } from "vitest";
import { generateArticle, rng } from "../bench/ingest.js";
import {
  BANDS,
  MIN_ESTIMATE,
  MIN_SHARED_BANDS,
  PERMUTATIONS,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  fingerprint,
  isNearDuplicate,
  overlap,
  pickOriginal,
  shingles,
  words,
  type Fingerprint,
} from "../src/link/01-near-duplicates.js";

const paragraphs = (text: string) => text.trim().split(/\n\n/);
const join = (ps: string[]) => ps.join("\n\n") + "\n";

function sharedBands(a: Fingerprint, b: Fingerprint): number {
  let n = 0;
  for (let i = 0; i < a.bands.length; i++) if (a.bands[i] === b.bands[i]) n++;
  return n;
}

/** What ingest does with a stored candidate: found through the buckets, kept by the estimate, decided exactly. */
function detected(original: string, copy: string): boolean {
  const a = fingerprint(original);
  const b = fingerprint(copy);
  return (
    sharedBands(a, b) >= MIN_SHARED_BANDS &&
    estimateJaccard(a.signature, b.signature) >= MIN_ESTIMATE &&
    isNearDuplicate(a.shingles, b.shingles)
  );
}

// Light rewrites of one article, each the kind an outlet applies to a wire story.
const rewrites: Record<string, (text: string, seed: number) => string> = {
  "wire copy with its own dateline": (t) => t.replace(/^[A-Z]+ \([^)]*\) — /, "SEOUL (from wire reports) — "),
  "new headline line on top": (t, seed) => `${generateArticle(seed + 50_000).title}\n\n${t}`,
  "new first paragraph": (t, seed) => {
    const ps = paragraphs(t);
    ps[0] = paragraphs(generateArticle(seed + 70_000).text)[0];
    return join(ps);
  },
  "ending trimmed to 60%": (t) => {
    const ps = paragraphs(t);
    return join(ps.slice(0, Math.max(1, Math.round(ps.length * 0.6))));
  },
  "ending trimmed to 35%": (t) => {
    const ps = paragraphs(t);
    return join(ps.slice(0, Math.max(1, Math.round(ps.length * 0.35))));
  },
  "new first paragraph and trimmed ending": (t, seed) => {
    const ps = paragraphs(t);
    ps[0] = paragraphs(generateArticle(seed + 90_000).text)[0];
    return join(ps.slice(0, Math.round(ps.length * 0.7)));
  },
  "a few words changed, punctuation and case differ": (t, seed) => {
    const r = rng(seed);
    const ws = t.split(" ");
    for (let i = 0; i < ws.length; i++) if (r() < 0.03) ws[i] = "reportedly";
    return ws.join(" ").replace(/,/g, "").replace(/\bthe\b/g, "The");
  },
};

describe("shingling and MinHash", () => {
  it("normalises case and punctuation before shingling", () => {
    expect(words("Kim’s “fond memories,” of 2018—talks!")).toEqual(["kim", "s", "fond", "memories", "of", "2018", "talks"]);
    expect(shingles("The talks, in Hanoi, ended early today.")).toEqual(shingles("the TALKS in hanoi ended early today"));
  });

  it("gives one shingle per 5-word window, without repeats, and one for a very short text", () => {
    expect(shingles("one two three four five six seven").length).toBe(3);
    expect(shingles("one two three four five one two three four five").length).toBe(5);
    expect(shingles("just three words").length).toBe(1);
    expect(shingles("  ,, ").length).toBe(0);
  });

  it("is deterministic: the same text gives the same signature and buckets in every run", () => {
    const text = generateArticle(7).text;
    const a = fingerprint(text);
    const b = fingerprint(text.slice());
    expect(a.signature).toHaveLength(PERMUTATIONS);
    expect(a.bands).toHaveLength(BANDS);
    expect(Array.from(a.signature)).toEqual(Array.from(b.signature));
    expect(a.bands).toEqual(b.bands);
    expect(a.bands.every((h) => Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31)).toBe(true);
    expect(Array.from(fingerprint(generateArticle(8).text).signature)).not.toEqual(Array.from(a.signature));
  });

  it("serialises signatures to bytes and back", () => {
    const sig = fingerprint(generateArticle(9).text).signature;
    const bytes = encodeSignature(sig);
    expect(bytes.byteLength).toBe(PERMUTATIONS * 4);
    expect(Array.from(decodeSignature(bytes))).toEqual(Array.from(sig));
    expect(Array.from(decodeSignature(Buffer.from(bytes)))).toEqual(Array.from(sig));
  });

  it("estimates Jaccard close to the exact value across the range", () => {
    const base = generateArticle(11).text;
    const ps = paragraphs(base);
    for (let keep = 1; keep <= ps.length; keep += 2) {
      const part = join(ps.slice(0, keep));
      const exact = overlap(shingles(base), shingles(part)).jaccard;
      const est = estimateJaccard(fingerprint(base).signature, fingerprint(part).signature);
      expect(Math.abs(est - exact)).toBeLessThan(0.15);
    }
    const other = generateArticle(12).text;
    expect(estimateJaccard(fingerprint(base).signature, fingerprint(other).signature)).toBeLessThan(0.12);
  });
});

describe("near-duplicate decisions", () => {
  for (const [name, rewrite] of Object.entries(rewrites)) {
    it(`catches a ${name}`, () => {
      for (let seed = 300; seed < 340; seed++) {
        const original = generateArticle(seed).text;
        const copy = rewrite(original, seed);
        expect(copy).not.toBe(original);
        expect(detected(original, copy), `seed ${seed}`).toBe(true);
        // Detection is symmetric: it does not matter which of the two was stored first.
        expect(detected(copy, original), `seed ${seed}, reversed`).toBe(true);
      }
    });
  }

  it("does not link different articles on the same story", () => {
    let linked = 0;
    let candidates = 0;
    const fps = Array.from({ length: 120 }, (_, i) => fingerprint(generateArticle(1000 + i).text));
    for (let i = 0; i < fps.length; i++) {
      for (let j = i + 1; j < fps.length; j++) {
        if (sharedBands(fps[i], fps[j]) >= MIN_SHARED_BANDS) candidates++;
        if (isNearDuplicate(fps[i].shingles, fps[j].shingles)) linked++;
      }
    }
    expect(linked).toBe(0);
    // The buckets stay selective: only a small share of unrelated pairs ever reach the exact check.
    expect(candidates / ((fps.length * (fps.length - 1)) / 2)).toBeLessThan(0.02);
  });

  it("does not link an article that quotes one paragraph of another", () => {
    for (let seed = 400; seed < 420; seed++) {
      const source = paragraphs(generateArticle(seed).text);
      const own = paragraphs(generateArticle(seed + 5000).text);
      own.splice(2, 0, source[1]);
      const a = shingles(join(source));
      const b = shingles(join(own));
      expect(isNearDuplicate(a, b), `seed ${seed}`).toBe(false);
    }
  });

  it("does not treat a short shared passage as a contained copy", () => {
    const long = generateArticle(500).text;
    const firstSentence = long.split(". ")[0] + ".";
    expect(shingles(firstSentence).length).toBeLessThan(40);
    expect(isNearDuplicate(shingles(long), shingles(firstSentence))).toBe(false);
  });
});

describe("picking the original", () => {
  const stored = (id: string, published: string | null, seq: number) => ({ id, published, seq });

  it("links to the earliest published original, ties broken by ingest order", () => {
    const r = pickOriginal(stored("new", "2025-10-20", Infinity), [
      stored("b", "2025-10-19", 5),
      stored("a", "2025-10-18", 9),
      stored("c", "2025-10-18", 3),
    ]);
    expect(r).toEqual({ original: "c", repoint: [] });
  });

  it("puts undated articles after dated ones", () => {
    expect(pickOriginal(stored("new", "2025-10-20", Infinity), [stored("u", null, 1), stored("d", "2025-10-19", 2)]).original).toBe("d");
    expect(pickOriginal(stored("new", null, Infinity), [stored("u", null, 1)]).original).toBe("u");
  });

  it("makes an earlier-published newcomer the original and re-points the later ones", () => {
    const r = pickOriginal(stored("new", "2025-10-01", Infinity), [stored("x", "2025-10-03", 1), stored("y", "2025-10-02", 2)]);
    expect(r).toEqual({ original: null, repoint: ["y", "x"] });
  });

  it("has no original when nothing matched", () => {
    expect(pickOriginal(stored("new", "2025-10-01", Infinity), [])).toEqual({ original: null, repoint: [] });
  });
});
