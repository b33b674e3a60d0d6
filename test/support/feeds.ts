// Feed documents and article texts for tests, written for them: RSS built from a list of items that tests change.

export interface TestItem {
  guid: string;
  title: string;
  date: string;
  /** Full body, carried in content:encoded. */
  body?: string;
  /** A teaser only; the page at `link` carries the story. */
  summary?: string;
  link?: string;
  source?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 document of the items. */
export function rss(title: string, items: TestItem[]): string {
  const entries = items.map((i) =>
    [
      `<item><title>${esc(i.title)}</title><guid isPermaLink="false">${esc(i.guid)}</guid>`,
      `<pubDate>${new Date(i.date + "T08:00:00Z").toUTCString()}</pubDate>`,
      i.link ? `<link>${esc(i.link)}</link>` : "",
      i.source ? `<source url="https://wire.example/">${esc(i.source)}</source>` : "",
      i.summary ? `<description>${esc(i.summary)}</description>` : "",
      i.body ? `<content:encoded><![CDATA[${i.body.split("\n\n").map((p) => `<p>${p}</p>`).join("")}]]></content:encoded>` : "",
      `</item>`,
    ].join(""),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://news.example/</link><language>en</language>${entries.join("\n")}</channel></rss>`;
}

/** An article page for a summary-only item. */
export function page(title: string, date: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${esc(title)}</title><meta property="og:site_name" content="Harbor Ledger"><meta property="article:published_time" content="${date}"></head><body><nav>Home | World</nav><article><h1>${esc(title)}</h1>${body.split("\n\n").map((p) => `<p>${esc(p)}</p>`).join("")}</article><footer>Contact us</footer></body></html>`;
}

// Padding that keeps a body long enough to be read as the story, not a teaser.
const CONTEXT =
  "The two sides have traded messages through intermediaries for several months, and diplomats in the region have described the contacts as cautious but serious. Analysts noted that previous rounds of talks ended without a written agreement, and that both governments have avoided setting public deadlines. Officials in Tokyo and Beijing said they were following the developments closely and would support any step that lowers tension on the peninsula. Markets in the region were steady on the news.";

/** Article bodies about different happenings, each long enough to be read from the feed. */
export const BODIES = {
  fisheries: `WELLINGTON, Oct. 12 - New Zealand and Chile signed a fisheries accord on Sunday covering the southern Pacific, the two governments said in a joint statement.\n\nThe accord sets shared catch limits for three species and a joint patrol schedule. ${CONTEXT}`,
  port: `ROTTERDAM, Oct. 13 - Dock workers at the port of Rotterdam began a 48-hour strike on Monday over pay, the union said, halting most container traffic.\n\nThe port authority said ships were being rerouted to Antwerp. ${CONTEXT}`,
  summit: `SEOUL, Oct. 19 - U.S. President Donald Trump and North Korean leader Kim Jong Un will meet in Panmunjom next week, officials in Seoul said on Sunday.\n\nThe meeting was announced after weeks of contacts between the two governments. ${CONTEXT}`,
  drills: `TOKYO, Oct. 14 - Japan and Australia held joint naval drills in the East China Sea on Tuesday, the Japanese defense ministry said.\n\nThe exercise involved four ships and two aircraft. ${CONTEXT}`,
  french: `PARIS, 15 octobre - Le gouvernement français a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs, selon un communiqué publié par le ministère. Les syndicats ont salué ces annonces, mais ont demandé des garanties sur leur financement dans les prochaines semaines. Le ministre a indiqué que les premières aides seraient versées avant la fin de l'année, et que les discussions avec les régions se poursuivront.`,
};
