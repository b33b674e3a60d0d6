// A linear pass over raw HTML, before any DOM is built: how deeply it nests and how many elements it has, and — for a
// page over budget — the same page flattened to its metadata and its text as plain paragraphs. DOM builders and
// Readability cost far more than linear time in nesting depth, so a page is measured before it is handed to them.

/** Deepest nesting a page may have to be read as a tree; real article pages nest a few dozen levels at most. */
export const MAX_NESTING = 120;
/** Most elements a page may have to be read as a tree (Readability's own scoring is bounded by the same figure). */
export const MAX_ELEMENTS = 15_000;
/** Most ancestors a page's elements may have in all: Readability's cost grows with elements times their depth. */
export const MAX_WEIGHT = 200_000;

/** How a page nests, counted on its raw tags. */
export interface MarkupShape {
  depth: number;
  elements: number;
  /** The number of ancestors of every element, summed. */
  weight: number;
}

// Elements that never hold children.
const VOID = new Set("area base br col embed hr img input link meta param source track wbr keygen".split(" "));
// Elements the parser closes by itself when a sibling starts: counting them as nesting would call a page of unclosed
// paragraphs deep when it is flat.
const SELF_CLOSING_SIBLINGS = new Set("p li dt dd tr td th option optgroup thead tbody tfoot rt rp".split(" "));
// Elements whose content is raw text up to their end tag, not markup.
const RAW_TEXT = new Set("script style textarea title xmp iframe noembed noframes noscript template".split(" "));
// Elements whose content ends a paragraph.
const BLOCK = new Set(
  "address article aside blockquote caption dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split(" "),
);
// Elements whose content is never article prose.
const SKIP = new Set("script style noscript template svg iframe object embed canvas button select textarea head nav header footer aside form menu".split(" "));

interface Tag {
  kind: "open" | "close";
  name: string;
  /** The tag as written, `<` to `>`. */
  raw: string;
  selfClosed: boolean;
}

// Where the end tag of a raw-text element starts, matched without regard to case; -1 when there is none. Lower-casing
// the whole page instead costs V8 seconds on some large strings.
function endTagAt(html: string, name: string, from: number): number {
  for (let at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return -1;
}

/**
 * Calls `onText` and `onTag` for each run of text and each tag, in order, in one pass. The content of raw-text elements
 * (script, style, title …) comes as one text run. Nothing here backtracks: each `<` looks for its `>` once, and an
 * unclosed tag ends the markup.
 */
function scan(html: string, onText: (text: string) => void, onTag: (tag: Tag, content: string | null) => void): void {
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      onText(html.slice(i));
      return;
    }
    if (lt > i) onText(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);
    // Comments, doctypes and processing instructions carry no text.
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf(">", lt);
      if (end < 0) return;
      i = end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    const first = html.charCodeAt(nameStart);
    const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    if (!isLetter) {
      onText("<");
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", nameStart);
    if (gt < 0) return;
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const c = html.charCodeAt(nameEnd);
      if (c === 47 || c === 62 || c <= 32) break;
      nameEnd++;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const raw = html.slice(lt, gt + 1);
    const tag: Tag = { kind: closing ? "close" : "open", name, raw, selfClosed: !closing && html.charCodeAt(gt - 1) === 47 };
    i = gt + 1;
    if (!closing && !tag.selfClosed && RAW_TEXT.has(name)) {
      const end = endTagAt(html, name, i);
      const stop = end < 0 ? n : end;
      onTag(tag, html.slice(i, stop));
      if (end < 0) return;
      const endGt = html.indexOf(">", end);
      onTag({ kind: "close", name, raw: `</${name}>`, selfClosed: false }, null);
      i = endGt < 0 ? n : endGt + 1;
      continue;
    }
    onTag(tag, null);
  }
}

/** The nesting depth and element count of a page, read off its tags in one pass. */
export function markupShape(html: string): MarkupShape {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  let weight = 0;
  scan(
    html,
    () => {},
    (tag) => {
      if (tag.kind === "close") {
        if (!VOID.has(tag.name) && !SELF_CLOSING_SIBLINGS.has(tag.name) && depth > 0) depth--;
        return;
      }
      elements++;
      weight += depth;
      if (tag.selfClosed || VOID.has(tag.name) || SELF_CLOSING_SIBLINGS.has(tag.name) || RAW_TEXT.has(tag.name)) return;
      depth++;
      if (depth > deepest) deepest = depth;
    },
  );
  return { depth: deepest, elements, weight };
}

/** True when a page nests too deeply or has too many elements to be read as a tree in bounded time. */
export function overBudget(shape: MarkupShape): boolean {
  return shape.depth > MAX_NESTING || shape.elements > MAX_ELEMENTS || shape.weight > MAX_WEIGHT;
}

const escapeText = (s: string) => s.replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The page rebuilt flat, in one pass: its head's title, meta and link tags, JSON-LD blocks, the first `<time datetime>`,
 * the `<html lang>`, and its text as one `<p>` per paragraph, with the content of scripts, forms and page furniture
 * dropped. Read as a tree it costs time in proportion to its size, whatever the nesting of the original.
 */
export function flattenMarkup(html: string): string {
  const head: string[] = [];
  const paragraphs: string[] = [];
  let htmlTag = "<html>";
  let current = "";
  // The element being skipped and how many of its kind are open inside it.
  let skipping: string | null = null;
  let skipDepth = 0;
  let paragraphCount = 0;
  let timeKept = false;
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text !== "" && paragraphCount < MAX_ELEMENTS / 2) {
      paragraphs.push(`<p>${escapeText(text)}</p>`);
      paragraphCount++;
    }
    current = "";
  };
  scan(
    html,
    (text) => {
      if (skipping === null) current += text;
    },
    (tag, content) => {
      const { name } = tag;
      // Metadata counts wherever it stands, inside skipped furniture and the head included.
      if (tag.kind === "open") {
        if (name === "html") htmlTag = tag.raw;
        else if (name === "meta" || (name === "link" && /rel\s*=\s*["']?canonical/i.test(tag.raw))) head.push(tag.raw);
        else if (name === "title" && content !== null) head.push(`<title>${escapeText(content)}</title>`);
        else if (name === "script" && content !== null && /application\/ld\+json/i.test(tag.raw)) head.push(`<script type="application/ld+json">${content.replace(/<\//g, "<\\/")}</script>`);
        else if (name === "time" && !timeKept && /datetime\s*=/i.test(tag.raw)) {
          head.push(`${tag.raw}</time>`);
          timeKept = true;
        }
      }
      if (skipping !== null) {
        if (name === skipping && !tag.selfClosed && content === null) skipDepth += tag.kind === "open" ? 1 : -1;
        if (skipDepth === 0) skipping = null;
        return;
      }
      if (content !== null) return;
      if (name === "br") {
        current += "\n";
        return;
      }
      if (tag.kind === "open" && SKIP.has(name) && !tag.selfClosed && !RAW_TEXT.has(name)) {
        flush();
        skipping = name;
        skipDepth = 1;
        return;
      }
      if (BLOCK.has(name)) flush();
      else if (name === "td" || name === "th") current += " ";
    },
  );
  flush();
  // The <time> and JSON-LD are kept in the body: linkedom moves anything but head elements there in any case.
  return `<!DOCTYPE html>${htmlTag}<head>${head.filter((h) => !h.startsWith("<time")).join("")}</head><body>${head.filter((h) => h.startsWith("<time")).join("")}${paragraphs.join("\n")}</body></html>`;
}
