// OPML, the list of feeds every feed reader imports and exports: outlines with an xmlUrl are feeds; an outline around
// them is their category.
import { DOMParser } from "linkedom";
import { FeedError, refuseDeepXml } from "./types.js";

/** One feed of an OPML list. */
export interface OpmlFeed {
  url: string;
  title: string | null;
  /** The site the feed belongs to (htmlUrl). */
  site: string | null;
  /** The title of the outline holding it, when it sits in one. */
  category: string | null;
}

interface XmlElement {
  tagName: string;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

// The largest OPML file read, in feeds: a list beyond this is a mistake or an attack.
const MAX_FEEDS = 10_000;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// The XML parser hands attributes back with their character references still in them.
function xmlText(s: string | null): string | null {
  if (s === null) return null;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? m;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function webUrl(s: string | null): string | null {
  if (!s) return null;
  try {
    const u = new URL(xmlText(s)!.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Reads the feeds of an OPML document, in document order, each URL once; throws FeedError when it is not OPML. */
export function parseOpml(text: string): OpmlFeed[] {
  if (/<!ENTITY/i.test(text)) throw new FeedError("the OPML file declares its own XML entities (<!ENTITY …>), refused");
  if (!/<opml[\s>]/i.test(text)) throw new FeedError("not an OPML file (no <opml> element)");
  refuseDeepXml(text, "OPML file");
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as { documentElement: XmlElement | null };
  const root = doc.documentElement;
  if (!root || root.tagName.toLowerCase() !== "opml") throw new FeedError("not an OPML file (no <opml> element)");
  const out: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (el: XmlElement, category: string | null, depth: number) => {
    if (depth > 20) return;
    for (let i = 0; i < el.children.length; i++) {
      const c = el.children[i];
      if (c.tagName.toLowerCase() !== "outline") {
        if (c.tagName.toLowerCase() === "body") walk(c, category, depth + 1);
        continue;
      }
      const title = xmlText(c.getAttribute("title"))?.trim() || xmlText(c.getAttribute("text"))?.trim() || null;
      const url = webUrl(c.getAttribute("xmlUrl") ?? c.getAttribute("xmlurl"));
      if (url) {
        if (!seen.has(url) && out.length < MAX_FEEDS) {
          seen.add(url);
          out.push({ url, title, site: webUrl(c.getAttribute("htmlUrl") ?? c.getAttribute("htmlurl")), category });
        }
      } else walk(c, title ?? category, depth + 1);
    }
  };
  walk(root, null, 0);
  return out;
}

function attr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Writes feeds as OPML 2.0, grouped under their categories. */
export function writeOpml(feeds: OpmlFeed[], title: string, now = new Date()): string {
  const outline = (f: OpmlFeed, indent: string) =>
    `${indent}<outline type="rss" text="${attr(f.title ?? f.url)}" title="${attr(f.title ?? f.url)}" xmlUrl="${attr(f.url)}"${f.site ? ` htmlUrl="${attr(f.site)}"` : ""}/>`;
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, `  <head>`, `    <title>${attr(title)}</title>`, `    <dateCreated>${now.toUTCString()}</dateCreated>`, `  </head>`, `  <body>`];
  const categories = new Map<string | null, OpmlFeed[]>();
  for (const f of feeds) categories.set(f.category, [...(categories.get(f.category) ?? []), f]);
  for (const [category, list] of categories) {
    if (category === null) for (const f of list) lines.push(outline(f, "    "));
    else {
      lines.push(`    <outline text="${attr(category)}" title="${attr(category)}">`);
      for (const f of list) lines.push(outline(f, "      "));
      lines.push(`    </outline>`);
    }
  }
  lines.push(`  </body>`, `</opml>`, "");
  return lines.join("\n");
}
