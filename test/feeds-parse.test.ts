import { describe, expect, it } from "vitest";
import { entryArticle, FeedError, needsPage, parseFeedText, parseOpml, writeOpml } from "../src/ingest/feeds/index.js";
import { detectLanguage, documentLanguage, primaryLanguage } from "../src/ingest/language.js";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Pacific Herald</title><link>https://herald.example/</link><language>en-us</language>
<item><title>Envoys meet in Singapore</title><link>https://herald.example/a/1</link><guid isPermaLink="false">herald-1</guid>
<pubDate>Sat, 18 Oct 2025 09:30:00 GMT</pubDate><dc:creator>Jane Roe</dc:creator>
<source url="https://wire.example/rss">Reuters</source>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>SEOUL, Oct. 18 - Officials said the envoys met.</p><script>alert(1)</script><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>No guid here</title><link>/a/2</link><description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</description></item>
</channel></rss>`;

const RSS091 = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old Wire</title><link>http://old.example/</link><language>en</language>
<item><title>Old item</title><link>http://old.example/1</link><description>Plain text description.</description></item></channel></rss>`;

const RDF = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example/"><title>RDF Daily</title><link>http://rdf.example/</link><dc:language>fr</dc:language></channel>
<item rdf:about="http://rdf.example/1"><title>Un titre</title><link>http://rdf.example/1</link><dc:date>2025-10-19T08:00:00Z</dc:date><description>Texte</description></item></rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><link href="https://atom.example/"/>
<entry><id>tag:atom.example,2025:1</id><title>Atom entry</title><link href="https://atom.example/1"/><updated>2025-10-20T10:00:00Z</updated>
<author><name>Ann Writer</name></author><source><title>Yonhap</title></source><summary>A summary.</summary>
<content type="html">&lt;p&gt;Body of the entry.&lt;/p&gt;</content></entry></feed>`;

const JSONFEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON Post",
  home_page_url: "https://json.example/",
  language: "en",
  items: [
    { id: 7, url: "/posts/7", title: "A JSON item", content_text: "First paragraph.\n\nSecond paragraph.", date_published: "2025-10-21T12:00:00+09:00", authors: [{ name: "Kim" }] },
    { id: "8", external_url: "https://elsewhere.example/8", summary: "Only a summary", content_html: "<p>Hi</p>" },
  ],
});

describe("feed formats become one shape", () => {
  it("reads RSS 2.0 with content, guid, source and relative links", () => {
    const feed = parseFeedText(RSS2);
    expect(feed).toMatchObject({ format: "rss", title: "Pacific Herald", language: "en-us" });
    expect(feed.entries[0]).toMatchObject({ key: "herald-1", url: "https://herald.example/a/1", title: "Envoys meet in Singapore", published: "2025-10-18", authors: ["Jane Roe"], source: "Reuters" });
    const carried = entryArticle(feed.entries[0], feed);
    expect(carried.article).toMatchObject({ text: "SEOUL, Oct. 18 - Officials said the envoys met.\n\nSecond paragraph.", date: "2025-10-18", outlet: "Pacific Herald", sourceHint: "Reuters", byline: "Jane Roe", language: "en-us" });
    expect(feed.entries[1]).toMatchObject({ key: "https://herald.example/a/2", url: "https://herald.example/a/2" });
    expect(entryArticle(feed.entries[1], feed).article.text).toBe("Escaped & HTML");
  });
  it("reads RSS 0.91 (with its public DTD), RSS 1.0 (RDF) and Atom", () => {
    expect(parseFeedText(RSS091).entries).toMatchObject([{ title: "Old item", url: "http://old.example/1", summaryHtml: "Plain text description." }]);
    const rdf = parseFeedText(RDF);
    expect(rdf).toMatchObject({ title: "RDF Daily" });
    expect(rdf.entries[0]).toMatchObject({ key: "http://rdf.example/1", title: "Un titre", published: "2025-10-19" });
    const atom = parseFeedText(ATOM);
    expect(atom).toMatchObject({ format: "atom", title: "Atom Times" });
    expect(atom.entries[0]).toMatchObject({ key: "tag:atom.example,2025:1", url: "https://atom.example/1", published: "2025-10-20", authors: ["Ann Writer"], source: "Yonhap" });
    expect(entryArticle(atom.entries[0], atom).article.text).toBe("Body of the entry.");
  });
  it("reads JSON Feed 1.1", () => {
    const feed = parseFeedText(JSONFEED, "application/feed+json");
    expect(feed).toMatchObject({ format: "json", title: "JSON Post", language: "en" });
    expect(feed.entries[0]).toMatchObject({ key: "7", url: "https://json.example/posts/7", published: "2025-10-21", authors: ["Kim"] });
    expect(entryArticle(feed.entries[0], feed).article.text).toBe("First paragraph.\n\nSecond paragraph.");
    expect(feed.entries[1]).toMatchObject({ key: "8", url: "https://elsewhere.example/8" });
  });
  it("asks for the page when an entry carries only a summary", () => {
    const feed = parseFeedText(ATOM);
    const carried = entryArticle(feed.entries[0], feed);
    expect(needsPage(feed.entries[0], carried)).toBe(true);
    const long = { ...feed.entries[0], contentHtml: `<p>${"word ".repeat(200)}</p>` };
    expect(needsPage(long, entryArticle(long, feed))).toBe(false);
    expect(needsPage({ ...feed.entries[0], url: null }, carried)).toBe(false);
  });
  it.each([
    ["", "empty feed"],
    ["plain words", "not a feed (neither XML nor JSON Feed)"],
    ["<html><body><p>A web page</p></body></html>", "not an RSS or Atom feed"],
    ['{"version":"https://jsonfeed.org/version/1", "items": 3}', "JSON Feed has no items list"],
    ['{"version":"https://jsonfeed.org/version/1", ', expect.stringMatching(/^not valid JSON/)],
    [`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`, expect.stringMatching(/declares its own XML entities/)],
  ])("refuses %j with a clear error", (text, message) => {
    expect(() => parseFeedText(text)).toThrow(FeedError);
    try {
      parseFeedText(text);
    } catch (err) {
      expect((err as Error).message).toEqual(message);
    }
  });
  it("keeps what it can of a broken or truncated feed", () => {
    const truncated = RSS2.slice(0, RSS2.indexOf("<item><title>No guid"));
    expect(parseFeedText(truncated).entries.map((e) => e.key)).toEqual(["herald-1"]);
    const broken = RSS2.replace("</title><link>https://herald.example/a/1", "<link>https://herald.example/a/1");
    expect(() => parseFeedText(broken)).not.toThrow();
  });
});

describe("OPML", () => {
  const OPML = `<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="Korea"><outline text="Herald" type="rss" xmlUrl="https://herald.example/rss" htmlUrl="https://herald.example/"/>
  <outline title="Wire" xmlUrl="https://wire.example/atom"/></outline>
  <outline text="Loose &amp; free" xmlUrl="https://loose.example/feed.json"/>
  <outline text="dup" xmlUrl="https://herald.example/rss"/><outline text="bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
  it("reads feeds with their categories, each once, web addresses only", () => {
    expect(parseOpml(OPML)).toEqual([
      { url: "https://herald.example/rss", title: "Herald", site: "https://herald.example/", category: "Korea" },
      { url: "https://wire.example/atom", title: "Wire", site: null, category: "Korea" },
      { url: "https://loose.example/feed.json", title: "Loose & free", site: null, category: null },
    ]);
  });
  it("writes what it reads", () => {
    const feeds = parseOpml(OPML);
    expect(parseOpml(writeOpml(feeds, "bellwether feeds"))).toEqual(feeds);
  });
  it.each([["<html/>", /^not an OPML file \(no <opml> element\)$/], ['<!DOCTYPE opml [<!ENTITY x "y">]><opml/>', /declares its own XML entities/]])("refuses %j", (text, message) =>
    expect(() => parseOpml(text)).toThrow(message),
  );
});

describe("language", () => {
  it.each([
    ["Officials said on Tuesday that the two leaders could meet later this fall, according to a statement from the White House.", "en"],
    ["Le président a déclaré mardi que les négociations avec la Corée du Nord se poursuivront dans les prochaines semaines, selon un communiqué.", "fr"],
    ["Der Präsident sagte am Dienstag, dass die Gespräche mit Nordkorea in den kommenden Wochen fortgesetzt werden, wie aus einer Erklärung hervorgeht.", "de"],
    ["El presidente dijo el martes que las conversaciones con Corea del Norte continuarán en las próximas semanas, según un comunicado.", "es"],
    ["Il presidente ha detto martedì che i colloqui con la Corea del Nord continueranno nelle prossime settimane, secondo una nota.", "it"],
    ["O presidente disse na terça-feira que as negociações com a Coreia do Norte vão continuar nas próximas semanas, segundo um comunicado.", "pt"],
    ["Президент заявил во вторник, что переговоры с Северной Кореей продолжатся в ближайшие недели, сообщил представитель.", "ru"],
    ["북한과의 회담은 앞으로 몇 주 동안 계속될 것이라고 대통령이 화요일 밝혔다.", "ko"],
    ["大統領は火曜日、北朝鮮との協議は今後数週間続くと述べた。", "ja"],
    ["总统周二表示，与朝鲜的谈判将在未来几周内继续。", "zh"],
    ["Kim Jong Un, Seoul, Pyongyang.", null],
    ["Vláda v úterý oznámila nová opatření na podporu zemědělců, uvedlo ministerstvo v prohlášení. Odbory oznámení přivítaly, ale požadovaly záruky ohledně financování v nadcházejících týdnech. Ministr uvedl, že první pomoc bude vyplacena před koncem roku.", "und"],
  ])("%s → %s", (text, lang) => expect(detectLanguage(text)).toBe(lang));
  it("falls back to the declared language, then English", () => {
    expect(primaryLanguage("fr-FR")).toBe("fr");
    expect(primaryLanguage("not a tag!")).toBe(null);
    expect(documentLanguage("Kim Jong Un, Seoul.", "de-AT")).toBe("de");
    expect(documentLanguage("Kim Jong Un, Seoul.", null)).toBe("en");
    expect(documentLanguage("Officials said on Tuesday that the two leaders could meet later this fall, the ministry said.", "fr")).toBe("en");
  });
});
