// Property and mutation fuzzing of every parser that takes outside bytes: each input is read or refused with the
// parser's own error, never a crash, and within a bounded time. A short run here; `npm run fuzz` runs it long.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCalendarDate } from "../src/domain/calendar.js";
import { extract } from "../src/extract/index.js";
import { QuestionError, parseQuestion } from "../src/forecast/question.js";
import { normaliseDate } from "../src/ingest/dates.js";
import { FeedError, parseFeedText, parseOpml } from "../src/ingest/feeds/index.js";
import { htmlFragmentText, parseHtmlDocument } from "../src/ingest/html.js";
import { parseJsonlLine } from "../src/ingest/jsonl.js";
import { parseTextDocument } from "../src/ingest/text.js";
import { InvalidValue } from "../src/ingest/values.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
// The short run inside `npm test` is seeded, so CI sees the same inputs each time; `npm run fuzz` (FUZZ_RUNS set) draws
// new ones unless FUZZ_SEED is given.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261206;
// A failing input is reported as found: shrinking one that fails by taking too long would take longer still.
const opts = (runs = RUNS) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

/** Runs `fn`, failing if it takes longer than `ms`; returns what it returned or the error it threw. */
function timed<T>(ms: number, fn: () => T): T | Error {
  const t = performance.now();
  let out: T | Error;
  try {
    out = fn();
  } catch (err) {
    out = err instanceof Error ? err : new Error(String(err));
  }
  const took = performance.now() - t;
  if (took > ms) throw new Error(`took ${took.toFixed(0)} ms, over ${ms} ms`);
  return out;
}

// Pieces that make up the inputs worth mutating: markup, header lines, feed elements, dates, quotes and cue words.
const WORDS = ["said", "told", "according to", "Reuters", "Xi", "Trump", "will", "may", "not", "Monday", "next week", "2025", "Oct. 18", "—", "\u201c", "\u201d", '"', ":", ".", "\n", "\n\n", "SEOUL -", "officials", "the", "meet", "in", "Busan"];
const TAGS = ["<div>", "</div>", "<p>", "</p>", "<span>", "<br>", "<script>", "</script>", "<!--", "-->", "<a href='javascript:x'>", "</a>", "<article>", "</article>", "<meta property='og:title' content='T'>", "<title>", "</title>", "<", ">", "&amp;", "&#0;", "<![CDATA[", "]]>", "<html>", "<body>", "<table><tr><td>"];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 }));
const prose = fc.array(word, { maxLength: 120 }).map((ws) => ws.join(" "));
const soup = fc.array(fc.oneof(fc.constantFrom(...TAGS), word), { maxLength: 200 }).map((xs) => xs.join(""));
const deep = fc.tuple(fc.constantFrom("div", "span", "b", "section", "item", "outline"), fc.integer({ min: 1, max: 20_000 })).map(([t, n]) => `<html><body>${`<${t}>`.repeat(n)}<p>Officials said so.</p>${`</${t}>`.repeat(n)}</body></html>`);
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("October 18, 2025", "Sat, 18 Oct 2025 09:00:00 GMT", "2025/02/30", "20251018", "2025-10-18T25:61:00Z", "-001-01-01", "+275760-09-13"),
);

describe("fuzz: documents", () => {
  it("the text header block reads or refuses with InvalidValue", () => {
    const header = fc.record({ title: word, date, url: fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "data:text/html,x", "//evil", "http://"), fc.string()), outlet: word });
    fc.assert(
      fc.property(fc.oneof(prose, header.chain((h) => prose.map((p) => `Title: ${h.title}\nDate: ${h.date}\nURL: ${h.url}\nOutlet: ${h.outlet}\n\n${p}`))), (text) => {
        const out = timed(1000, () => parseTextDocument(text));
        if (out instanceof Error) expect(out).toBeInstanceOf(InvalidValue);
        else expect(out.url === null || /^https?:\/\//i.test(out.url)).toBe(true);
      }),
      opts(),
    );
  });

  it("HTML extraction gives plain text from tag soup and deep nesting, within 2 s", () => {
    fc.assert(
      fc.property(fc.oneof(soup, deep), (html) => {
        const out = timed(2000, () => parseHtmlDocument(html));
        expect(out).not.toBeInstanceOf(Error);
        const a = out as Exclude<typeof out, Error>;
        expect(typeof a.text).toBe("string");
        expect(a.url === null || /^https?:\/\//i.test(a.url!)).toBe(true);
        expect(typeof timed(2000, () => htmlFragmentText(html))).toBe("string");
      }),
      opts(Math.max(10, RUNS / 2)),
    );
  });

  const feedPart = fc.constantFrom("<rss version='2.0'>", "<channel>", "</channel>", "</rss>", "<item>", "</item>", "<title>", "</title>", "<link>http://a.example/x</link>", "<pubDate>", "</pubDate>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "</entry>", "</feed>", "<!ENTITY a 'b'>", "<!DOCTYPE x [", "]>", "&a;", "<opml version='2.0'><body>", "<outline xmlUrl='http://a.example/f' text='x'/>", "<outline>", "</outline>", "</body></opml>", '{"version":"https://jsonfeed.org/version/1.1","items":[', "]}", '{"id":"1","content_text":"x"}', ",");
  it("feeds and OPML parse or refuse with FeedError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(feedPart, word, date), { maxLength: 80 }).map((xs) => xs.join("")), deep.map((d) => `<rss version="2.0"><channel>${d}</channel></rss>`), deep.map((d) => `<opml><body>${d}</body></opml>`)), (text) => {
        for (const parse of [() => parseFeedText(text), () => parseOpml(text)]) {
          const out = timed(2000, parse);
          if (out instanceof Error) expect(out, out.stack).toBeInstanceOf(FeedError);
        }
      }),
      opts(),
    );
  });

  it("JSON Lines records read or fail with a message, never throw", () => {
    const record = fc.dictionary(fc.constantFrom("id", "text", "date", "title", "outlet", "url", "extra"), fc.oneof(fc.string(), date, fc.integer(), fc.constant(null), fc.webUrl(), fc.array(fc.string(), { maxLength: 2 })));
    fc.assert(
      fc.property(fc.oneof(record.map((r) => JSON.stringify(r)), fc.string(), fc.json()), (line) => {
        const out = timed(500, () => parseJsonlLine(line, "in.jsonl:1"));
        expect(out).not.toBeInstanceOf(Error);
        const r = out as ReturnType<typeof parseJsonlLine>;
        if (r.ok) {
          expect(r.doc.article.date === null || checkCalendarDate(r.doc.article.date!) === null).toBe(true);
          expect(r.doc.article.url == null || r.doc.article.url === "" || /^https?:\/\//i.test(r.doc.article.url)).toBe(true);
        } else expect(r.error.length).toBeGreaterThan(0);
      }),
      opts(RUNS * 4),
    );
  });

  it("question YAML parses or refuses with QuestionError", () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), date, fc.double(), fc.integer(), fc.constant("[a, b]"), fc.constant("&a [*a, *a]"), fc.constant("!!js/function 'x'"));
    const yaml = fc.record({ id: value, title: value, opens: date, deadline: date, prior: value, type: fc.constantFrom("meeting", "visit", "x") }).map(
      (q) => `id: ${q.id}\ntitle: ${q.title}\nopens: ${q.opens}\ndeadline: ${q.deadline}\nprior: ${q.prior}\nevent:\n  type: ${q.type}\n  participants: [United States, China]\n`,
    );
    fc.assert(
      fc.property(fc.oneof(yaml, fc.string()), (text) => {
        const out = timed(1000, () => parseQuestion(text, "fuzz", () => null));
        if (out instanceof Error) expect(out, out.stack).toBeInstanceOf(QuestionError);
      }),
      opts(RUNS * 2),
    );
  });

  it("dates: the one check and the document-date reader never throw, and agree", () => {
    fc.assert(
      fc.property(date, (d) => {
        const problem = checkCalendarDate(d);
        const read = normaliseDate(d);
        if (read !== null) expect(checkCalendarDate(read)).toBeNull();
        if (problem === null) expect(read).toBe(d);
      }),
      opts(RUNS * 20),
    );
  });

  it("time and attribution rules read arbitrary text within a bounded time, offsets inside the text", () => {
    fc.assert(
      fc.property(fc.oneof(prose, fc.string({ maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 200 })), fc.option(date), (text, dct) => {
        const out = timed(3000, () => extract({ text, date: dct && checkCalendarDate(dct) === null ? dct : null }));
        expect(out).not.toBeInstanceOf(Error);
        const x = out as ReturnType<typeof extract>;
        for (const t of x.times) expect(t.end).toBeLessThanOrEqual(x.article.text.length);
        for (const a of x.attributions) expect(a.cue.end).toBeLessThanOrEqual(x.article.text.length);
      }),
      opts(Math.max(10, RUNS / 2)),
    );
  });
});

describe("fuzz: API bodies", () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore({ path: ":memory:" });
    app = await buildServer({ store, today: () => "2025-10-20", guard: { ratePerSecond: 1e6, burst: 1e6 } });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  it("every write answers 2xx or a 4xx with a message, never a 500", async () => {
    const body = fc.oneof(
      fc.json(),
      fc.record({ text: fc.oneof(prose, fc.string()), date: fc.option(date), url: fc.option(fc.oneof(fc.webUrl(), fc.string())), title: fc.option(fc.string()) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
      fc.string(),
    );
    const route = fc.constantFrom("/api/extract", "/api/preview", "/api/questions", "/api/articles");
    const type = fc.constantFrom("application/json", "application/yaml", "text/plain", "application/json; charset=utf-8");
    await fc.assert(
      fc.asyncProperty(route, type, body, async (url, contentType, payload) => {
        if (url === "/api/articles" && /"url"/.test(payload) && !/"text"/.test(payload)) return; // would fetch the web
        const res = await app.inject({ method: "POST", url, headers: { "content-type": contentType, host: "localhost" }, payload });
        expect(res.statusCode, `${url} ${payload.slice(0, 200)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().message).toBeTruthy();
      }),
      opts(RUNS * 2),
    );
  });
});
