// HTML: the article body through Readability over linkedom, plus title, outlet, byline, date and URL from the markup.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { ArticleInput } from "../domain/extraction.js";
import type { LoadOptions } from "./index.js";
import { normaliseDate } from "./dates.js";
import { flattenMarkup, markupShape, MAX_ELEMENTS, overBudget } from "./markup.js";

// The few DOM members used here; the project compiles without the DOM library, so they are named structurally.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomDocument {
  title: string;
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Elements whose content ends a paragraph.
const BLOCK = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY THEAD TFOOT TR UL".split(" "),
);
// Elements that never hold article prose.
const SKIP = new Set("SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT EMBED CANVAS BUTTON SELECT TEXTAREA INPUT HEAD TITLE".split(" "));
// Page furniture, skipped only when Readability found no article and the whole body is read.
const FURNITURE = new Set("NAV HEADER FOOTER ASIDE FORM MENU".split(" "));
// A first paragraph that is only a byline: "By Name and Name", short, one line.
const LEADING_BYLINE = /^By\s[^\n.!?]{1,100}(?:\n\n|$)/;
// Fewer words than this is page furniture (a lone link, a cookie notice), not an article.
const MIN_ARTICLE_WORDS = 5;
// Separators between a headline and the site name in a page title: "Headline | Site", "Headline - Site".
const TITLE_SEPARATOR = /\s+[|\-–—:·]\s+/;
// JSON-LD types that describe the article itself.
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle)$/;

/** Plain text of a DOM subtree: paragraphs separated by a blank line, whitespace inside a paragraph collapsed. */
function blockText(root: DomNode, skip: Set<string>): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    for (const part of current.split(/\n[ \t\u00a0]*\n/)) {
      const lines = part
        .split("\n")
        .map((l) => l.replace(/\s+/g, " ").trim())
        .filter((l) => l !== "");
      if (lines.length > 0) paragraphs.push(lines.join("\n"));
    }
    current = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? "").replace(/[\s]+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || skip.has(name)) return;
    if (name === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    else if (name === "TD" || name === "TH") current += " ";
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** The headline without a trailing " | Site" (or leading "Site | ") when the site name is known. */
function withoutSiteName(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const site = outlet.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const sep = TITLE_SEPARATOR.source;
  const stripped = title.replace(new RegExp(`${sep}${site}\\s*$`, "i"), "").replace(new RegExp(`^\\s*${site}${sep}`, "i"), "");
  return stripped.trim() || title;
}

/**
 * A parsed page that always has an <html> element (linkedom builds none for a bare fragment, and its getters then throw).
 * A page that nests too deeply or has too many elements is flattened first, so building and reading its tree stays
 * linear in its size.
 */
function parseDocument(source: string): DomDocument {
  const html = overBudget(markupShape(source)) ? flattenMarkup(source) : source;
  const wrap = (h: string) => `<!DOCTYPE html><html><head></head><body>${h}</body></html>`;
  const parse = (h: string) => (parseHTML(h) as unknown as { document: DomDocument }).document;
  const doc = /<html[\s>]/i.test(html) ? parse(html) : parse(wrap(html));
  return doc.documentElement ? doc : parse(wrap(html));
}

/** All JSON-LD objects in the page, with arrays and @graph lists flattened; unreadable blocks are ignored. */
function jsonLdObjects(doc: DomDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const obj = v as Record<string, unknown>;
    out.push(obj);
    if (obj["@graph"] !== undefined) visit(obj["@graph"], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i].textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block says nothing about the article; the meta tags still may.
    }
  }
  return out;
}

function typesOf(obj: Record<string, unknown>): string[] {
  const t = obj["@type"];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : typeof t === "string" ? [t] : [];
}

/** Names from a JSON-LD person/organisation value: a string, an object with `name`, or a list of either. */
function names(v: unknown): string[] {
  if (typeof v === "string") return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === "object") {
    const n = (v as Record<string, unknown>).name;
    return typeof n === "string" && n.trim() ? [n.trim()] : [];
  }
  return [];
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** Meta tag contents keyed by lower-cased property, name or itemprop; the first occurrence wins. */
function metaTags(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll("meta");
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const content = m.getAttribute("content");
    if (content === null || content.trim() === "") continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

function firstOf(meta: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A web address as written, or resolved against the page's own address; null for anything else. */
function absoluteUrl(href: string | null, base?: string): string | null {
  if (!href) return null;
  if (isUrl(href)) return href;
  if (!base) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads an HTML page: the article body as plain text (never markup), with metadata from Open Graph, JSON-LD and
 * meta tags. The page's date is metadata: it yields to --date and to a dateline in the text.
 */
export function parseHtmlDocument(html: string, opts: LoadOptions & { url?: string } = {}): ArticleInput {
  const document = parseDocument(html);
  const meta = metaTags(document);
  const ld = jsonLdObjects(document);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t))) ?? ld.find((o) => str(o.headline)) ?? {};

  const timeEl = document.querySelector("time[datetime]");
  const metaDate =
    normaliseDate(meta.get("article:published_time")) ??
    normaliseDate(str(article.datePublished)) ??
    normaliseDate(timeEl?.getAttribute("datetime")) ??
    normaliseDate(
      firstOf(meta, ["date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "datepublished", "parsely-pub-date", "sailthru.date"]),
    );

  const ldAuthors = names(article.author);
  const metaAuthor = firstOf(meta, ["author", "article:author", "byl", "parsely-author", "dc.creator"]);
  const ldPublisher = names(article.publisher)[0] ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  const lang = document.documentElement?.getAttribute("lang")?.trim().toLowerCase().split(/[-_]/)[0] || null;

  // Readability rewrites the tree it reads, so every field above is taken first.
  const pageTitle = document.title?.trim() || null;
  let parsed: ReturnType<Readability<DomNode>["parse"]> = null;
  try {
    parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode, maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    parsed = null;
  }
  let text = parsed?.content ? blockText(parsed.content, new Set()) : "";
  if (wordCount(text) < MIN_ARTICLE_WORDS) {
    // Readability has rewritten the tree by now; the whole-page reading starts from a fresh parse.
    const body = parseDocument(html).body;
    text = body ? blockText(body, FURNITURE) : "";
  }
  if (wordCount(text) < MIN_ARTICLE_WORDS) text = "";
  // A short leading "By …" line is the byline left in the body, not prose.
  const bylineLine = LEADING_BYLINE.exec(text);
  if (bylineLine) text = text.slice(bylineLine[0].length);

  const siteName = str(meta.get("og:site_name")) ?? ldPublisher ?? str(parsed?.siteName) ?? null;
  const outlet = opts.outlet ?? siteName;
  const foundTitle =
    str(meta.get("og:title")) ?? str(article.headline) ?? str(meta.get("twitter:title")) ?? str(parsed?.title) ?? pageTitle;
  const title = opts.title ?? (foundTitle ? withoutSiteName(foundTitle, siteName) : null);
  const byline =
    (metaAuthor && !isUrl(metaAuthor) ? metaAuthor : null) ??
    (ldAuthors.length > 0 ? ldAuthors.join(", ") : null) ??
    str(parsed?.byline) ??
    (bylineLine ? bylineLine[0].replace(/^By\s+/, "").trim() : null);
  // The canonical address names the article without tracking parameters, so it wins over the address it was fetched from.
  const url =
    absoluteUrl(canonical, opts.url) ??
    opts.url ??
    absoluteUrl(str(meta.get("og:url"))) ??
    absoluteUrl(str(article.url)) ??
    null;

  return {
    text,
    date: opts.date ?? null,
    metaDate,
    title,
    outlet,
    url,
    byline,
    language: lang,
  };
}

/** The plain text of an HTML fragment (a feed item's content): paragraphs kept, markup, scripts and furniture dropped. */
export function htmlFragmentText(html: string): string {
  const body = parseDocument(html).body;
  return body ? blockText(body, FURNITURE) : "";
}
