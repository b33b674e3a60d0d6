// `bellwether extract` through the built CLI: formats in, the contract's JSON out, and the documented exit statuses.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../src/domain/extraction.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "bellwether.js");
const tmp = mkdtempSync(join(tmpdir(), "bellwether-cli-"));

function cli(args: string[], input?: string | Buffer) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}
function tmpFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
/** Every offset in the output is inside article.text and the covered text is what the output says. */
function expectConsistentOffsets(out: Extraction) {
  const text = out.article.text;
  expect(out.sentences.length).toBeGreaterThan(0);
  for (const s of out.sentences) {
    expect(0 <= s.start && s.start < s.end && s.end <= text.length).toBe(true);
  }
  for (const t of out.times) expect(text.slice(t.start, t.end)).toBe(t.text);
  for (const e of out.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const a of out.attributions) expect(text.slice(a.source.start, a.source.end)).toBe(a.source.text);
  for (const e of out.events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "main.js"))) {
    throw new Error("build the CLI first: npm run build (npm test does it)");
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("extract --json", () => {
  it("reads a text file with a header block: the header is metadata, the body is the text", () => {
    const r = cli(["extract", "--json", "data/samples/fisheries-talks.txt"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as Extraction;
    expect(out.schema).toBe("bellwether.extract/v1");
    expect(out.article).toMatchObject({
      title: "Norway and Iceland to reopen mackerel quota talks next week",
      outlet: "North Atlantic Wire",
      url: "https://north-atlantic-wire.example/2025/02/mackerel-talks",
      byline: "Ingrid Solberg",
      language: "en",
    });
    expect(out.article.id).toMatch(/^[0-9a-f]{16}$/);
    expect(out.article.text.startsWith("OSLO, Feb 12 - Norway and Iceland will reopen talks")).toBe(true);
    expect(out.article.text).not.toContain("Outlet:");
    expectConsistentOffsets(out);
  });

  it("takes the header date when neither --date nor a dateline gives one, and --date over everything", () => {
    const f = tmpFile("dated.txt", "Title: Quiet day\nDate: 2025-03-04\n\nThe council met and approved the budget. Officials said the vote was close.\n");
    const meta = JSON.parse(cli(["extract", "--json", f]).stdout) as Extraction;
    expect(meta.article).toMatchObject({ published: "2025-03-04", published_source: "metadata" });
    const given = JSON.parse(cli(["extract", "--date", "2025-03-05", "--outlet", "Given", "--title", "T2", "--json", f]).stdout) as Extraction;
    expect(given.article).toMatchObject({ published: "2025-03-05", published_source: "given", outlet: "Given", title: "T2" });
  });

  it("reads Markdown, taking the leading '# Title' as the title", () => {
    const r = cli(["extract", "--json", "data/samples/fisheries-followup.md"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Extraction;
    expect(out.article.title).toBe("Mackerel talks end with outline deal, final quotas still open");
    expect(out.article.outlet).toBe("North Atlantic Wire");
    expect(out.article.text.startsWith("REYKJAVIK, Feb 19 - Norwegian and Icelandic negotiators")).toBe(true);
    expectConsistentOffsets(out);
  });

  it("reads HTML: text from the article body, metadata from JSON-LD and meta tags", () => {
    const r = cli(["extract", "--json", "test/fixtures/article-jsonld.html"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Extraction;
    expect(out.article).toMatchObject({
      title: "Harbour talks resume in Valletta",
      outlet: "The Coastal Ledger",
      byline: "Mira Azzopardi, Tom Kessler",
      url: "https://coastal-ledger.example/2024/03/harbour-talks",
    });
    expect(out.article.published).toMatch(/^2024-03-14$/);
    expect(out.article.text).not.toMatch(/<[a-z]/i);
    expect(out.article.text.split("\n\n")).toHaveLength(4);
    expectConsistentOffsets(out);
  });

  it("reads one document from stdin with --json -", () => {
    const r = cli(["extract", "--date", "2024-07-08", "--json", "-"], "Title: From stdin\n\nTwo Turkish sources said the minister will travel to Damascus on Thursday.\n");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Extraction;
    expect(out.article).toMatchObject({ title: "From stdin", published: "2024-07-08" });
    expect(out.article.text).toBe("Two Turkish sources said the minister will travel to Damascus on Thursday.");
  });
});

describe("extract --jsonl", () => {
  it("answers line by line in input order; a malformed line gives {id, error}, the rest goes on, exit 1", () => {
    const input = [
      JSON.stringify({ id: "first", text: "The ministers met in Ankara on Monday, officials said.", date: "2024-07-08" }),
      '{"id": "second", "text": "unterminated',
      "",
      JSON.stringify({ id: "third", text: "Talks will resume next week, a spokesperson said.", title: "Third", outlet: "Wire" }),
    ].join("\n");
    const r = cli(["extract", "--jsonl"], input + "\n");
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].article).toMatchObject({ id: "first", published: "2024-07-08" });
    expect(lines[1]).toEqual({ id: null, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(lines[2].article).toMatchObject({ id: "third", title: "Third", outlet: "Wire" });
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/1 line failed/);
    for (const l of [lines[0], lines[2]]) expectConsistentOffsets(l);
  });

  it("names the id of a well-formed record that breaks the input rules", () => {
    const r = cli(["extract", "--jsonl"], '{"id": "no-text"}\n{"id": "ok", "text": "Fine text, officials said."}\n');
    expect(r.status).toBe(1);
    const [bad, good] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(bad).toEqual({ id: "no-text", error: 'line 1: missing "text"' });
    expect(good.article.id).toBe("ok");
  });

  it("stops quietly when the reader of its output goes away", () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `n${i}`, text: "Officials met on Monday and said talks would go on. ".repeat(40) }));
    const input = tmpFile("many.jsonl", lines.join("\n") + "\n");
    const errors = join(tmp, "epipe.err");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" extract --jsonl < "${input}" 2> "${errors}" | head -c 200 > /dev/null`], { cwd: ROOT });
    expect(r.status).toBe(0);
    expect(readFileSync(errors, "utf8")).toBe("");
  });

  it("exits 0 when every line is read, filling a missing date from --date", () => {
    const r = cli(["extract", "--jsonl", "--date", "2025-01-02"], '{"id": "a", "text": "Officials met on Monday."}\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).article).toMatchObject({ id: "a", published: "2025-01-02", published_source: "given" });
  });
});

describe("bad input: a message naming the input, exit 1", () => {
  it.each([
    ["an empty file", () => tmpFile("empty.txt", ""), /empty\.txt: empty file$/m],
    ["a binary file", () => tmpFile("photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])), /photo\.jpg: binary file \(contains NUL bytes\), not a text document$/m],
    ["invalid UTF-8", () => tmpFile("latin1.txt", Buffer.from("Caf\xe9 talks resumed on Monday, officials said.", "latin1")), /latin1\.txt: not valid UTF-8 \(first bad byte at offset 3\); save it as UTF-8$/m],
    ["a missing file", () => join(tmp, "nowhere.txt"), /nowhere\.txt: no such file or folder$/m],
    ["a folder", () => tmp, /: is a folder; give one document$/m],
  ])("%s", (_what, path, message) => {
    const r = cli(["extract", "--json", path()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^bellwether extract: /);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a 50 MB file quickly, from its size, without reading it", () => {
    const big = join(tmp, "huge.txt");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, "word "));
    const r = cli(["extract", "--json", big]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/huge\.txt: file is 50 MB, over the 10 MB limit for one document/);
    expect(r.ms).toBeLessThan(5000);
  });
});

describe("usage errors: exit 2", () => {
  it.each([
    [["extract", "--json", "x.txt", "--frobnicate"], /unknown option '--frobnicate'/],
    [["extract"], /extract needs --json FILE\|- \(one document\) or --jsonl/],
    [["extract", "--json", "a.txt", "--jsonl"], /either --json FILE or --jsonl, not both/],
    [["extract", "--date", "18/10/2025", "--json", "a.txt"], /--date must be a calendar date YYYY-MM-DD, got '18\/10\/2025'/],
    [["extract", "--date", "2025-02-30", "--json", "a.txt"], /--date must be a calendar date/],
    [["extract", "--json"], /option '--json <file>' argument missing/],
  ])("%j", (args, message) => {
    const r = cli(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

it("extract --help lists the options and the exit statuses, exit 0", () => {
  const r = cli(["extract", "--help"]);
  expect(r.status).toBe(0);
  for (const word of ["--json <file>", "--jsonl", "--date <YYYY-MM-DD>", "--outlet <name>", "--title <title>", "Exit status"]) {
    expect(r.stdout).toContain(word);
  }
});
