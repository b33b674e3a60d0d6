// Text and Markdown documents, JSON Lines records, dates and byte decoding: the edges where input becomes an ArticleInput.
import { describe, expect, it } from "vitest";
import { normaliseDate, parseJsonlLine, parseTextDocument } from "../src/ingest/index.js";
import { decodeText, DecodeError } from "../src/ingest/decode.js";
import { readLines } from "../src/ingest/lines.js";

describe("parseTextDocument", () => {
  it("reads and strips the header block, keeping the body exactly", () => {
    const body = "OSLO, Feb 12 - Talks resume.\n\nA second paragraph.";
    const raw = `Title: Talks resume\nOutlet: North Atlantic Wire\nDate: 2025-02-12\nURL: https://example.org/a\nByline: Ingrid Solberg\n\n${body}\n`;
    const a = parseTextDocument(raw);
    expect(a.text).toBe(body);
    expect(a).toMatchObject({
      title: "Talks resume",
      outlet: "North Atlantic Wire",
      metaDate: "2025-02-12",
      url: "https://example.org/a",
      byline: "Ingrid Solberg",
      date: null,
    });
  });

  it("treats the header date as metadata and lets the caller's options win", () => {
    const a = parseTextDocument("Title: A\nOutlet: B\nDate: September 22, 2025\n\nBody text here.", {
      date: "2025-09-23",
      outlet: "Given Outlet",
      title: "Given Title",
    });
    expect(a).toMatchObject({ date: "2025-09-23", metaDate: "2025-09-22", outlet: "Given Outlet", title: "Given Title" });
  });

  it.each([
    ["a first line that is not a known key", "Update: the talks were moved.\n\nMore text."],
    ["a known key followed by prose without a blank line", "Date: Monday\nThe talks were moved to Monday."],
  ])("keeps %s as body text", (_why, raw) => {
    expect(parseTextDocument(raw).text).toBe(raw);
  });

  it("accepts Author as the byline and ignores key case", () => {
    const a = parseTextDocument("TITLE: Upper\nauthor: Kadri Tamm\n\nBody.");
    expect(a).toMatchObject({ title: "Upper", byline: "Kadri Tamm", text: "Body." });
  });

  it("makes a leading Markdown '# Title' the title and keeps the rest as written", () => {
    const a = parseTextDocument("# Mackerel talks end\n\nREYKJAVIK - The *outline* was agreed, [officials](https://x.example) said.\n");
    expect(a.title).toBe("Mackerel talks end");
    expect(a.text).toBe("REYKJAVIK - The *outline* was agreed, [officials](https://x.example) said.");
  });

  it("reads a header block followed by a Markdown title, header title first", () => {
    const a = parseTextDocument("Outlet: Wire\nDate: 2025-02-19\n\n# Heading title\n\nBody.");
    expect(a).toMatchObject({ outlet: "Wire", metaDate: "2025-02-19", title: "Heading title", text: "Body." });
  });

  it("reads front matter between --- lines, ignoring keys it does not use", () => {
    const a = parseTextDocument('---\ntitle: "Quoted title"\nlayout: post\ndate: 2024-06-01T09:00:00Z\n---\nBody line.');
    expect(a).toMatchObject({ title: "Quoted title", metaDate: "2024-06-01", text: "Body line." });
  });

  it("normalises CRLF line ends and drops a byte-order mark, so offsets refer to the returned text", () => {
    const a = parseTextDocument("\uFEFFTitle: T\r\n\r\nLine one.\r\nLine two.\r\n");
    expect(a.title).toBe("T");
    expect(a.text).toBe("Line one.\nLine two.");
  });

  it("leaves a document without a header untouched apart from trailing whitespace", () => {
    const raw = "October 18, 2025 | Washington, D.C.\nThe possibility of a meeting is under discussion.\n";
    const a = parseTextDocument(raw);
    expect(a.text).toBe(raw.trimEnd());
    expect(a.title).toBeNull();
    expect(a.metaDate).toBeNull();
  });
});

describe("normaliseDate", () => {
  it.each([
    ["2025-10-18", "2025-10-18"],
    ["2025-10-18T23:30:00-04:00", "2025-10-18"],
    ["2025/3/7", "2025-03-07"],
    ["20250307", "2025-03-07"],
    ["October 18, 2025", "2025-10-18"],
    ["18 Oct 2025", "2025-10-18"],
    ["Sat, 18 Oct 2025 23:10:00 -0400", "2025-10-18"],
    ["2025-02-30", null],
    ["next Tuesday", null],
    ["", null],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });
});

describe("parseJsonlLine", () => {
  it("reads a full record, keeping the id", () => {
    const r = parseJsonlLine(
      JSON.stringify({ id: "a1", text: "Text here.", date: "2025-01-02", title: "T", outlet: "O", url: "https://u.example" }),
      "in.jsonl:1",
    );
    expect(r).toEqual({
      ok: true,
      doc: {
        input: "in.jsonl:1",
        article: { id: "a1", text: "Text here.", date: "2025-01-02", title: "T", outlet: "O", url: "https://u.example" },
      },
    });
  });

  it("keeps a numeric id as its string", () => {
    const r = parseJsonlLine('{"id": 42, "text": "x y"}', "-:1");
    expect(r.ok && r.doc.article.id).toBe("42");
  });

  it.each([
    ['{"id": "a", "text": ', null, /not valid JSON/],
    ["[1, 2]", null, /expected a JSON object, got an array/],
    ['{"text": "x"}', null, /missing "id"/],
    ['{"id": "", "text": "x"}', null, /"id" must be a non-empty string/],
    ['{"id": "b"}', "b", /missing "text"/],
    ['{"id": "c", "text": 5}', "c", /"text" must be a string, got a number/],
    ['{"id": "d", "text": "  "}', "d", /"text" is empty/],
    ['{"id": "e", "text": "x", "date": "soon"}', "e", /"date" must be a calendar date/],
    ['{"id": "f", "text": "x", "title": ["a"]}', "f", /"title" must be a string, got an array/],
  ])("%s fails with its id (%s) and a reason", (line, id, reason) => {
    const r = parseJsonlLine(line, "x.jsonl:3");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.input).toBe("x.jsonl:3");
    expect(r.id).toBe(id);
    expect(r.error).toMatch(reason);
  });
});

describe("decodeText", () => {
  const bytes = (...xs: number[]) => new Uint8Array(xs);
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("Kim’s talks")]))).toBe("Kim’s talks");
  });
  it("decodes UTF-16 with a byte-order mark", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from("Hi there", "utf16le")]))).toBe("Hi there");
  });
  it.each([
    ["empty input", bytes(), /^empty file$/],
    ["whitespace only", Buffer.from(" \n\t\n"), /empty document/],
    ["NUL bytes", bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d), /binary file \(contains NUL bytes\)/],
    ["control characters", bytes(0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x07), /binary file \(mostly control characters\)/],
    ["a Latin-1 byte", Buffer.concat([Buffer.from("caf"), bytes(0xe9), Buffer.from(" au lait")]), /not valid UTF-8 \(first bad byte at offset 3\)/],
    ["a truncated sequence", Buffer.concat([Buffer.from("abc "), bytes(0xe2, 0x80)]), /offset 4/],
    ["an overlong encoding", Buffer.concat([Buffer.from("ab"), bytes(0xc0, 0xaf)]), /offset 2/],
  ])("refuses %s", (_what, buf, message) => {
    expect(() => decodeText(buf)).toThrow(DecodeError);
    expect(() => decodeText(buf)).toThrow(message);
  });
});

describe("readLines", () => {
  async function* chunks(...parts: string[]) {
    for (const p of parts) yield Buffer.from(p);
  }
  it("splits across chunk boundaries, drops CR, and numbers lines from 1", async () => {
    const got = [];
    for await (const l of readLines(chunks('{"a"', ':1}\r\n\n{"b":2}'), 100)) got.push(l);
    expect(got).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: "" },
      { number: 3, text: '{"b":2}' },
    ]);
  });
  it("reports a line over the limit without keeping it, and goes on", async () => {
    const got = [];
    for await (const l of readLines(chunks("x".repeat(30), "y".repeat(30), "\nshort\n"), 40)) got.push(l);
    expect(got).toEqual([
      { number: 1, error: "line is over the 40 bytes limit" },
      { number: 2, text: "short" },
    ]);
  });
  it("reports a line that is not UTF-8", async () => {
    async function* raw() {
      yield new Uint8Array([0x61, 0xff, 0x0a, 0x62]);
    }
    const got = [];
    for await (const l of readLines(raw(), 100)) got.push(l);
    expect(got).toEqual([
      { number: 1, error: "line is not valid UTF-8" },
      { number: 2, text: "b" },
    ]);
  });
});
