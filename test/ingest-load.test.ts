// loadInputs/loadDocument: folders, JSON Lines, stdin and URLs expand to one result per document, and bad input is named.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument, loadInputs, loadUrl, type LoadOptions, type LoadResult } from "../src/ingest/index.js";
import { isNonPublicAddress } from "../src/ingest/fetch.js";

const dir = mkdtempSync(join(tmpdir(), "bellwether-ingest-"));
const file = (rel: string, content: string | Uint8Array) => {
  const path = join(dir, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const BODY = "ANKARA, July 8 - The minister will travel to Damascus on Thursday, two sources said.";

async function all(inputs: string[], opts?: LoadOptions): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for await (const r of loadInputs(inputs, opts)) out.push(r);
  return out;
}
const summary = (r: LoadResult) => (r.ok ? `ok ${r.doc.input}` : `fail ${r.input}: ${r.error}`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadInputs", () => {
  it("walks a folder recursively in name order, reading only known document types", async () => {
    const root = join(dir, "corpus");
    file("corpus/b.txt", `Title: B\n\n${BODY}`);
    file("corpus/a/c.md", `# C\n\n${BODY}`);
    file("corpus/a/z.html", `<html><body><article><p>${BODY}</p></article></body></html>`);
    file("corpus/.hidden.txt", BODY);
    file("corpus/notes.pdf", "%PDF-1.4");
    file("corpus/x.jsonl", `{"id":"x1","text":"${BODY}"}\n\n{"id":"x2","text":\n`);
    const results = await all([root]);
    expect(results.map(summary)).toEqual([
      `ok ${join(root, "a/c.md")}`,
      `ok ${join(root, "a/z.html")}`,
      `ok ${join(root, "b.txt")}`,
      `ok ${join(root, "x.jsonl")}:1`,
      expect.stringMatching(new RegExp(`^fail ${join(root, "x.jsonl")}:3: not valid JSON`)),
    ]);
    const [md, html, txt, line] = results.map((r) => (r.ok ? r.doc.article : null));
    expect(md).toMatchObject({ title: "C", text: BODY });
    expect(html?.text).toBe(BODY);
    expect(txt).toMatchObject({ title: "B", text: BODY });
    expect(line).toMatchObject({ id: "x1", text: BODY });
    expect(txt?.id).toBeUndefined();
  });

  it("goes on past bad inputs, naming each one and what is wrong", async () => {
    const ok = file("fine.txt", BODY);
    const emptyFolder = join(dir, "corpus-empty");
    mkdirSync(join(emptyFolder, "sub"), { recursive: true });
    file("corpus-empty/sub/readme.pdf", "%PDF");
    const results = await all([
      join(dir, "missing.txt"),
      file("empty.txt", ""),
      file("image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      file("latin1.txt", Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" talks resumed today in the capital.")])),
      file("header-only.txt", "Title: Nothing follows\nDate: 2025-01-01\n"),
      ok,
      emptyFolder,
    ]);
    expect(results.map(summary)).toEqual([
      `fail ${join(dir, "missing.txt")}: no such file or folder`,
      `fail ${join(dir, "empty.txt")}: empty file`,
      `fail ${join(dir, "image.png")}: binary file (contains NUL bytes), not a text document`,
      `fail ${join(dir, "latin1.txt")}: not valid UTF-8 (first bad byte at offset 3); save it as UTF-8`,
      `fail ${join(dir, "header-only.txt")}: no article text after the header`,
      `ok ${ok}`,
      `fail ${emptyFolder}: folder holds no .txt, .md, .html or .jsonl files`,
    ]);
  });

  it("refuses a file over the size limit from its size on disk, and limits JSON Lines per line", async () => {
    const big = file("big.txt", "word ".repeat(100));
    expect((await all([big], { maxBytes: 100 })).map(summary)).toEqual([
      `fail ${big}: file is 500 bytes, over the 100 bytes limit for one document`,
    ]);
    const lines = file("lines.jsonl", `{"id":"s","text":"short"}\n{"id":"l","text":"${"x".repeat(200)}"}\n`);
    expect((await all([lines], { maxBytes: 100 })).map(summary)).toEqual([
      `ok ${lines}:1`,
      `fail ${lines}:2: line is over the 100 bytes limit`,
    ]);
  });

  it("applies --date/--outlet/--title over what each document says", async () => {
    const txt = file("over.txt", `Title: Own\nOutlet: Own Outlet\nDate: 2020-01-01\n\n${BODY}`);
    const jl = file("over.jsonl", JSON.stringify({ id: "j", text: BODY, date: "2020-01-01", outlet: "O" }) + "\n");
    const results = await all([txt, jl], { date: "2024-07-08", outlet: "Given", title: "Given title" });
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.doc.article).toMatchObject({ date: "2024-07-08", outlet: "Given", title: "Given title" });
    }
  });
});

describe("loadDocument", () => {
  it("refuses a folder, since one document is expected", async () => {
    expect(await loadDocument(dir)).toMatchObject({ ok: false, error: "is a folder; give one document" });
  });
  it("refuses a .jsonl file, which holds many documents", async () => {
    const jl = file("single.jsonl", '{"id":"a","text":"x"}\n');
    expect(await loadDocument(jl)).toMatchObject({ ok: false, input: jl, error: "holds JSON Lines, many documents; read it with --jsonl (on stdin)" });
  });
  it("sniffs HTML in a file without a known ending", async () => {
    const page = file("page.view", `<!-- saved page --><html><body><article><p>${BODY}</p></article></body></html>`);
    const r = await loadDocument(page);
    expect(r.ok && r.doc.article.text).toBe(BODY);
  });
});

describe("stdin", () => {
  const script = file(
    "read-stdin.mts",
    `import { loadInputs } from ${JSON.stringify(join(process.cwd(), "src/ingest/index.ts"))};
for await (const r of loadInputs(["-"])) console.log(JSON.stringify(r.ok ? { input: r.doc.input, id: r.doc.article.id, title: r.doc.article.title } : { input: r.input, error: r.error }));`,
  );
  const run = (input: string) =>
    spawnSync(process.execPath, ["--import", "tsx", script], { input, encoding: "utf8" })
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));

  it("reads JSON Lines when stdin starts with '{'", () => {
    expect(run(`\n{"id":"a","text":"one two"}\nnot json\n{"id":"b","text":"three"}\n`)).toEqual([
      { input: "stdin:2", id: "a", title: null },
      { input: "stdin:3", error: expect.stringMatching(/^not valid JSON/) },
      { input: "stdin:4", id: "b", title: null },
    ]);
  });
  it("reads anything else as one document", () => {
    expect(run(`Title: From stdin\n\n${BODY}\n`)).toEqual([{ input: "-", title: "From stdin" }]);
  });
});

describe("URLs", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = `<html><head><title>Served page</title><meta property="article:published_time" content="2025-05-01"></head><body><article><p>${BODY}</p></article></body></html>`;
      if (req.url === "/page") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      else if (req.url === "/moved") res.writeHead(301, { location: "/page" }).end();
      else if (req.url === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else if (req.url === "/plain") res.writeHead(200, { "content-type": "text/plain" }).end(`Title: Plain\n\n${BODY}`);
      else if (req.url === "/huge") res.writeHead(200, { "content-type": "text/html", "content-length": 5000 }).end("x".repeat(5000));
      else if (req.url === "/huge-chunked") res.writeHead(200, { "content-type": "text/html" }).end("x".repeat(5000));
      else if (req.url === "/image") res.writeHead(200, { "content-type": "image/png" }).end("PNG");
      else res.writeHead(404, "Not Found").end();
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it("fetches a page, follows a redirect, and keeps the final URL", async () => {
    const [r] = await all([`${base}/moved`]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.article).toMatchObject({ text: BODY, title: "Served page", metaDate: "2025-05-01", url: `${base}/page` });
  });
  it("refuses loopback and private hosts when asked to fetch for others", async () => {
    const results = await all([`${base}/page`, "http://[::1]:9/x", "http://10.1.2.3/x"], { publicNetworkOnly: true });
    expect(results.map(summary)).toEqual([
      `fail ${base}/page: refused: 127.0.0.1 is not a public internet address`,
      "fail http://[::1]:9/x: refused: ::1 is not a public internet address",
      "fail http://10.1.2.3/x: refused: 10.1.2.3 is not a public internet address",
    ]);
  });

  it("loadUrl takes web addresses only, never a local path", async () => {
    expect(await loadUrl("/etc/hostname")).toMatchObject({ ok: false, error: "not a web address (http:// or https://)" });
    expect(await loadUrl("file:///etc/hostname")).toMatchObject({ ok: false });
    expect((await loadUrl(`${base}/page`)).ok).toBe(true);
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.0.0.8", "172.20.1.1", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0", "::ffff:1.1.1.1"]) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"]) {
      expect(isNonPublicAddress(a), a).toBe(false);
    }
  });

  it("reads text/plain as a text document", async () => {
    const [r] = await all([`${base}/plain`]);
    expect(r.ok && r.doc.article).toMatchObject({ title: "Plain", text: BODY });
  });
  it("names what went wrong with a URL", async () => {
    const inputs = ["missing", "loop", "huge", "huge-chunked", "image"].map((p) => `${base}/${p}`);
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, "127.0.0.1", ok));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const results = await all([...inputs, `http://127.0.0.1:${port}/nothing-listens`], { maxBytes: 1000 });
    expect(results.map(summary)).toEqual([
      `fail ${base}/missing: server answered 404 Not Found`,
      `fail ${base}/loop: more than 5 redirects`,
      `fail ${base}/huge: page is 4.9 kB, over the 1000 bytes limit`,
      `fail ${base}/huge-chunked: page is over the 1000 bytes limit`,
      `fail ${base}/image: not a text document (image/png)`,
      `fail http://127.0.0.1:${port}/nothing-listens: could not fetch: connect ECONNREFUSED 127.0.0.1:${port}`,
    ]);
  });
});
