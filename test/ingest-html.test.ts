// HTML pages: the article body as plain text, and the metadata read from JSON-LD, Open Graph and meta tags.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "../src/ingest/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseHtmlDocument", () => {
  const jsonld = parseHtmlDocument(fixture("article-jsonld.html"));

  it("reads title, outlet, byline, date and canonical URL from Open Graph, JSON-LD and link tags", () => {
    expect(jsonld).toMatchObject({
      title: "Harbour talks resume in Valletta",
      outlet: "The Coastal Ledger",
      byline: "Mira Azzopardi, Tom Kessler",
      metaDate: "2024-03-14",
      date: null,
      url: "https://coastal-ledger.example/2024/03/harbour-talks",
      language: "en",
    });
  });

  it("gives the body as text, paragraphs split by blank lines, without markup, scripts or page furniture", () => {
    const paragraphs = jsonld.text.split("\n\n");
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^VALLETTA, March 14 – Negotiators from the two shipping firms met again on Thursday/);
    expect(paragraphs[0]).toContain("who said the atmosphere was calmer than before.");
    expect(paragraphs[3]).toMatch(/has not said whether it will intervene\.$/);
    expect(jsonld.text).not.toMatch(/[<>]|tracking|All rights reserved|Home|Sport|By Mira/);
    // Whitespace from the markup's indentation is collapsed inside a paragraph.
    for (const p of paragraphs) expect(p).not.toMatch(/\n| {2}|^\s|\s$/);
  });

  it("falls back to <time datetime> and meta tags, and survives a broken JSON-LD block", () => {
    const a = parseHtmlDocument(fixture("article-meta.html"));
    expect(a).toMatchObject({
      title: "Rail link study ordered",
      outlet: "Baltic Notes",
      byline: "Kadri Tamm",
      metaDate: "2025-04-29",
    });
    expect(a.text).toContain("TALLINN - The Estonian government has ordered a study");
    // A <br> inside a paragraph is a line break, not a new paragraph.
    expect(a.text).toContain("with an inland one.\nNeither option has a budget yet.");
    expect(a.text).not.toMatch(/Front page|not valid JSON-LD/);
  });

  it("uses a meta date when there is no published time, JSON-LD or <time>", () => {
    const html = `<html><head><meta name="date" content="2025-04-30"><title>T</title></head>
      <body><article><p>${"The council met on Tuesday and approved the budget for the coming year. ".repeat(4)}</p></article></body></html>`;
    expect(parseHtmlDocument(html).metaDate).toBe("2025-04-30");
  });

  it("lets the caller's title, outlet and date override the page", () => {
    const a = parseHtmlDocument(fixture("article-jsonld.html"), { title: "Given", outlet: "Given Outlet", date: "2024-03-15" });
    expect(a).toMatchObject({ title: "Given", outlet: "Given Outlet", date: "2024-03-15", metaDate: "2024-03-14" });
  });

  it("resolves a relative canonical link against the page's address, and keeps the address when there is none", () => {
    const body = `<body><article><p>${"The port reopened after the storm on Monday. ".repeat(4)}</p></article></body>`;
    const rel = `<html><head><link rel="canonical" href="/news/port-reopens"></head>${body}</html>`;
    expect(parseHtmlDocument(rel, { url: "https://paper.example/x?utm_source=feed" }).url).toBe("https://paper.example/news/port-reopens");
    expect(parseHtmlDocument(rel).url).toBeNull();
    expect(parseHtmlDocument(`<html>${body}</html>`, { url: "https://paper.example/x" }).url).toBe("https://paper.example/x");
  });

  it("finds no article text in a page of navigation only", () => {
    const a = parseHtmlDocument(fixture("no-article.html"));
    expect(a.text).toBe("");
    expect(a.title).toBe("Empty page");
  });

  it("strips a site name from the page title only when it is the known outlet", () => {
    const page = (title: string) =>
      `<html><head><title>${title}</title><meta property="og:site_name" content="Harbour Times"></head><body><article><p>${"Dock workers voted on the offer. ".repeat(6)}</p></article></body></html>`;
    expect(parseHtmlDocument(page("Strike called off - Harbour Times")).title).toBe("Strike called off");
    expect(parseHtmlDocument(page("Harbour Times | Strike called off")).title).toBe("Strike called off");
    expect(parseHtmlDocument(page("Talks: what comes next")).title).toBe("Talks: what comes next");
  });

  it("decodes entities and never returns markup from hostile input", () => {
    const html = `<html><body><article><p>Tom &amp; Jerry said &lt;script&gt; is text ${"and more words here ".repeat(5)}</p>
      <img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe></article></body></html>`;
    const a = parseHtmlDocument(html);
    expect(a.text).toMatch(/^Tom & Jerry said <script> is text and more words here/);
    expect(a.text).not.toContain("onerror");
  });
});

describe("untrusted input never breaks the parsers", () => {
  // A small deterministic generator, so a failure can be replayed from its seed.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const PIECES = [
    "<p>", "</p>", "<div class='x'>", "</div>", "<article>", "</article>", "<script>", "</script>", "<br>", "<!--", "-->",
    "<meta property='og:title' content='T'>", "<time datetime='2025-13-45'>", '<script type="application/ld+json">{"@type":"NewsArticle","author":',
    "&amp;", "&#x0;", "&#55296;", "\u0000", "\uFFFD", "said", " ", "\n", "Title: x\n", "---\n", "# h\n", "<", ">", "\"", "{", "}", "]", "<html>", "</html>", "<head>", "<body>", "<!-- <html> -->", "<title>", "</title>",
  ];
  it("random tag soup gives plain text or nothing, never a throw or markup", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = rng(seed);
      let html = "";
      const n = Math.floor(next() * 60);
      for (let i = 0; i < n; i++) html += PIECES[Math.floor(next() * PIECES.length)];
      const a = parseHtmlDocument(html);
      expect(typeof a.text, `seed ${seed}`).toBe("string");
      expect(a.text, `seed ${seed}`).not.toMatch(/<\/?(?:p|div|article|script|br|meta|time)\b/);
      if (a.metaDate !== null) expect(a.metaDate, `seed ${seed}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
