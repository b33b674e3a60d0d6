// The brief for the morning meeting: what is claimed, by whom, from how many independent origins, what changed since
// the last brief, and each question's probability and why it moved — every figure and line tied to its reports'
// sentences. Built once as a plain model, then written as Markdown or HTML.
import type { ForecastUpdate } from "../domain/forecast.js";
import type { ClaimView, Store } from "../store/index.js";
import { insertBrief, lastBrief } from "../store/alerts.js";
import { reportEvidence, type ReportEvidence } from "./articles.js";
import { claimText, DEFAULT_BASE_URL, links, percent } from "./claim-text.js";
import { readClaims, readStories } from "./ledger.js";
import { replayQuestion, showQuestion, summarizeQuestions, today, type QuestionView } from "./questions.js";

/** A run of text in a brief line: plain, emphasised, or a reference to a numbered source. */
export type Span = { text: string } | { strong: string } | { ref: number } | { link: string; href: string };

/** A bullet of the brief, with its quoted sentences. */
export interface BriefItem {
  spans: Span[];
  quotes: number[];
}

/** One section of the brief. */
export interface BriefSection {
  heading: string;
  intro: Span[];
  items: BriefItem[];
}

/** A numbered source: one report's sentence in its article. */
export interface BriefSource {
  n: number;
  report: string;
  claim: string;
  sentence: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  /** Where the UI shows the report in its claim. */
  href: string;
}

/** A whole brief. */
export interface Brief {
  subject: string;
  title: string;
  asOf: string;
  since: string;
  /** Why the brief starts where it does. */
  sinceReason: "given" | "last brief" | "start";
  lead: Span[];
  sections: BriefSection[];
  sources: BriefSource[];
}

/** What a brief is about and from when. */
export interface BriefOptions {
  story?: string;
  question?: string;
  /** Start of "what changed" (default: the last brief on the subject, else the start of the story or question). */
  since?: string;
  asOf?: string;
  baseUrl?: string;
  /** Remember this brief, so the next one tells what changed since (default true). */
  record?: boolean;
}

/** The subject asked for does not exist. */
export class BriefNotFound extends Error {}

// Numbers sources in the order the brief first cites them.
class Sources {
  readonly list: BriefSource[] = [];
  private readonly byReport = new Map<string, number>();
  constructor(
    private readonly evidence: Map<string, ReportEvidence>,
    private readonly base: string,
  ) {}
  cite(claim: string, report: string): number | null {
    const known = this.byReport.get(report);
    if (known) return known;
    const e = this.evidence.get(report);
    if (!e) return null;
    const n = this.list.length + 1;
    this.byReport.set(report, n);
    this.list.push({ n, report, claim, sentence: e.text, outlet: e.outlet, published: e.published, title: e.title, href: links.report(this.base, claim, report) });
    return n;
  }
  refs(claim: string, reports: string[]): Span[] {
    return reports.map((r) => this.cite(claim, r)).filter((n): n is number => n !== null).map((ref) => ({ ref }));
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// One report per independent origin, earliest first: the reports a claim's origin count stands on.
function originReports(c: ClaimView): string[] {
  return c.origins.map((o) => o.reports[0]).filter((r): r is string => r !== undefined);
}

// "Pacific Herald and 2 others, citing CNN"
function whoClaims(c: ClaimView): string {
  const outlets = [...new Set(c.reports.map((r) => r.outlet ?? "an unnamed outlet"))];
  const roots = [...new Set(c.origins.map((o) => o.root))].filter((r) => !outlets.includes(r));
  const more = outlets.length - 3;
  const who = more <= 0 ? outlets.join(", ") : `${outlets.slice(0, 3).join(", ")} and ${more} other${more === 1 ? "" : "s"}`;
  return roots.length ? `${who}, citing ${roots.slice(0, 3).join(", ")}` : who;
}

function claimItem(c: ClaimView, since: string, src: Sources): BriefItem {
  const isNew = (c.first_reported ?? "") >= since;
  const moved = c.status_history.filter((h) => h.at >= since && h.status !== "reported");
  const originRefs = originReports(c);
  const spans: Span[] = [
    { strong: claimText(c) },
    { text: ` — ${c.status}${isNew ? ", new" : moved.length ? `, now ${c.status} since ${moved.at(-1)!.at}` : ""}. ${plural(c.reports.length, "report")} from ${plural(c.origins.length, "independent origin")} ` },
    ...src.refs(c.id, originRefs),
    { text: `; claimed by ${whoClaims(c)}.` },
  ];
  return { spans, quotes: src.refs(c.id, originRefs.slice(0, 1)).map((s) => (s as { ref: number }).ref) };
}

function isClaimUpdate(u: ForecastUpdate): boolean {
  return u.claim !== null;
}

// The question's part of a brief: its probability now and then, and every move since, each with its reports.
async function questionSection(store: Store, q: QuestionView, since: string, asOf: string, claims: Map<string, ClaimView>, src: Sources, base: string): Promise<{ lead: Span[]; moves: BriefItem[] }> {
  const start = since > q.opens ? since : q.opens;
  const then = (await replayQuestion(store.db, q.id, start, start))?.[0]?.probability ?? q.prior;
  // The figure now cites the reports of the last move that evidence caused.
  const lastMove = [...q.updates].reverse().find(isClaimUpdate);
  const lead: Span[] = [
    { text: "As of " + asOf + ", " },
    { link: q.title, href: links.question(base, q.id) },
    { text: " stands at " },
    { strong: percent(q.probability) },
    ...(lastMove ? [{ text: " " }, ...src.refs(lastMove.claim!, lastMove.reports)] : []),
    { text: q.status === "open" ? "" : ` (resolved ${q.status}${q.resolved_at ? ` on ${q.resolved_at}` : ""})` },
    { text: `, against ${percent(then)} on ${start} and a prior of ${percent(q.prior)}; the deadline is ${q.deadline}.` },
  ];
  const moves: BriefItem[] = [];
  const recent = q.updates.filter((u) => u.at >= start);
  // Days of "time passing" are told as one line, not one per day.
  const held: { drift: { from: number; to: number; first: string; last: string } | null } = { drift: null };
  const flushDrift = () => {
    const d = held.drift;
    if (!d) return;
    const when = d.first === d.last ? d.first : `${d.first} to ${d.last}`;
    moves.push({ spans: [{ text: `${when}: ${percent(d.from)} → ${percent(d.to)} as time passed with no date set.` }], quotes: [] });
    held.drift = null;
  };
  for (const u of recent) {
    if (!isClaimUpdate(u)) {
      if (u.indicator === "time passing") {
        const d = held.drift;
        held.drift = d ? { ...d, to: u.probability, last: u.at } : { from: u.previous, to: u.probability, first: u.at, last: u.at };
        continue;
      }
      flushDrift();
      moves.push({ spans: [{ text: `${u.at}: ${percent(u.previous)} → ${percent(u.probability)}, ${u.indicator} (${u.reason}).` }], quotes: [] });
      continue;
    }
    flushDrift();
    const c = claims.get(u.claim!);
    const refs = src.refs(u.claim!, u.reports);
    moves.push({
      spans: [
        { text: `${u.at}: ${percent(u.previous)} → ` },
        { strong: percent(u.probability) },
        { text: `, ${u.indicator}: ` },
        c ? { link: claimText(c), href: links.claim(base, c.id) } : { text: u.claim! },
        { text: ` (${u.reason}) ` },
        ...refs,
      ],
      quotes: refs.slice(0, 1).map((r) => (r as { ref: number }).ref),
    });
  }
  flushDrift();
  return { lead, moves };
}

/** Builds the brief of a story or a question, and records it so the next brief tells what changed since. */
export async function buildBrief(store: Store, opts: BriefOptions): Promise<Brief> {
  const asOf = opts.asOf ?? today();
  const base = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const subject = opts.question ? `question:${opts.question}` : `story:${opts.story}`;
  const previous = await lastBrief(store.db, subject);
  const allClaims = await readClaims(store.db);
  const claims = new Map(allClaims.map((c) => [c.id, c]));
  let brief: Brief;
  if (opts.question) {
    const q = await showQuestion(store, opts.question, asOf);
    if (!q) throw new BriefNotFound(`no question with id "${opts.question}"`);
    const since = opts.since ?? previous?.as_of ?? q.opens;
    const claimIds = [...new Set(q.updates.map((u) => u.claim).filter((c): c is string => c !== null))];
    const bearing = claimIds.map((id) => claims.get(id)).filter((c): c is ClaimView => c !== undefined);
    const evidence = await reportEvidence(store.db, [...q.updates.flatMap((u) => u.reports), ...bearing.flatMap(originReports)]);
    const src = new Sources(evidence, base);
    const { lead, moves } = await questionSection(store, q, since, asOf, claims, src, base);
    bearing.sort((a, b) => b.origins.length - a.origins.length || (b.last_reported ?? "").localeCompare(a.last_reported ?? ""));
    brief = {
      subject,
      title: q.title,
      asOf,
      since,
      sinceReason: opts.since ? "given" : previous ? "last brief" : "start",
      lead,
      sections: [
        { heading: `Why it moved since ${since}`, intro: moves.length ? [] : [{ text: "Nothing moved it in this period." }], items: moves },
        { heading: "What is claimed", intro: bearing.length ? [{ text: `${plural(bearing.length, "claim")} bear on the question, most independent origins first.` }] : [{ text: "No claim in the store bears on the question yet." }], items: bearing.map((c) => claimItem(c, since, src)) },
      ],
      sources: src.list,
    };
  } else {
    const story = (await readStories(store.db)).find((s) => s.id === opts.story);
    if (!story) throw new BriefNotFound(`no story with id "${opts.story}"`);
    const since = opts.since ?? previous?.as_of ?? story.first_published ?? asOf;
    const own = allClaims.filter((c) => c.story === story.id);
    const questions = (await summarizeQuestions(store, asOf)).questions;
    const views = (await Promise.all(questions.map((q) => showQuestion(store, q.id, asOf)))).filter((q): q is QuestionView => q !== undefined);
    const ownIds = new Set(own.map((c) => c.id));
    const touching = views.filter((q) => q.updates.some((u) => u.claim !== null && ownIds.has(u.claim)));
    const evidence = await reportEvidence(store.db, [...own.flatMap(originReports), ...touching.flatMap((q) => q.updates.flatMap((u) => u.reports))]);
    const src = new Sources(evidence, base);
    const changed = own.filter((c) => (c.first_reported ?? "") >= since || c.status_history.some((h) => h.at >= since && h.status !== "reported") || c.origins.some((o) => (o.first_seen ?? "") >= since));
    const ranked = [...own].sort((a, b) => b.origins.length - a.origins.length || b.reports.length - a.reports.length).slice(0, 15);
    const qItems: BriefItem[] = [];
    for (const q of touching) {
      const { lead, moves } = await questionSection(store, q, since, asOf, claims, src, base);
      qItems.push({ spans: lead, quotes: [] }, ...moves.map((m) => ({ ...m, spans: [{ text: "  " }, ...m.spans] })));
    }
    brief = {
      subject,
      title: story.title,
      asOf,
      since,
      sinceReason: opts.since ? "given" : previous ? "last brief" : "start",
      lead: [{ text: `${plural(story.articles.length, "article")} from ${story.first_published ?? "undated"} to ${story.last_published ?? "undated"}, ${plural(own.length, "claim")}; ` }, { link: "the story in the ledger", href: links.story(base, story.id) }, { text: "." }],
      sections: [
        { heading: `What changed since ${since}`, intro: changed.length ? [] : [{ text: "No claim was new, changed status or gained an origin in this period." }], items: changed.map((c) => claimItem(c, since, src)) },
        { heading: "What is claimed", intro: [{ text: "Most independent origins first." }], items: ranked.map((c) => claimItem(c, since, src)) },
        { heading: "Questions", intro: touching.length ? [] : [{ text: "No question reads this story's claims." }], items: qItems },
      ],
      sources: src.list,
    };
  }
  if (opts.record !== false) await store.transaction((tx) => insertBrief(tx, { subject, written_at: new Date().toISOString(), as_of: asOf, since: brief.since }));
  return brief;
}

function sourceLine(s: BriefSource): string {
  return `${s.outlet ?? "unknown outlet"}, ${s.published ?? "undated"}`;
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, "\\$1");
}

/** The brief as Markdown: numbered links to the sources, the key sentence quoted under each line. */
export function briefMarkdown(b: Brief): string {
  const bySource = new Map(b.sources.map((s) => [s.n, s]));
  const spans = (xs: Span[]) =>
    xs
      .map((x) => ("ref" in x ? `[[${x.ref}]](${bySource.get(x.ref)!.href})` : "strong" in x ? `**${mdEscape(x.strong)}**` : "link" in x ? `[${mdEscape(x.link)}](${x.href})` : mdEscape(x.text)))
      .join("")
      .replace(/\)\[\[/g, ") [[");
  const since = b.sinceReason === "last brief" ? `since the last brief (${b.since})` : b.sinceReason === "given" ? `since ${b.since}` : `since the start (${b.since})`;
  const out = [`# ${mdEscape(b.title)}`, "", `*Brief as of ${b.asOf}, telling what changed ${since}.*`, "", spans(b.lead), ""];
  for (const s of b.sections) {
    out.push(`## ${mdEscape(s.heading)}`, "");
    if (s.intro.length) out.push(spans(s.intro), "");
    for (const item of s.items) {
      out.push(`- ${spans(item.spans)}`);
      for (const q of item.quotes) {
        const src = bySource.get(q)!;
        out.push(`  > “${mdEscape(src.sentence)}” — ${mdEscape(sourceLine(src))} [[${q}]](${src.href})`);
      }
    }
    if (s.items.length) out.push("");
  }
  if (b.sources.length) {
    out.push("## Sources", "");
    for (const s of b.sources) out.push(`${s.n}. “${mdEscape(s.sentence)}” — ${mdEscape(sourceLine(s))}${s.title ? `, *${mdEscape(s.title)}*` : ""} — ${s.href}`);
    out.push("");
  }
  return out.join("\n");
}

function h(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The brief as a standalone HTML page. */
export function briefHtml(b: Brief): string {
  const bySource = new Map(b.sources.map((s) => [s.n, s]));
  const spans = (xs: Span[]) =>
    xs.map((x) => ("ref" in x ? `<a class="ref" href="${h(bySource.get(x.ref)!.href)}">[${x.ref}]</a>` : "strong" in x ? `<strong>${h(x.strong)}</strong>` : "link" in x ? `<a href="${h(x.href)}">${h(x.link)}</a>` : h(x.text))).join("");
  const body: string[] = [`<h1>${h(b.title)}</h1>`, `<p class="meta">Brief as of ${h(b.asOf)}, telling what changed since ${h(b.since)}${b.sinceReason === "last brief" ? " (the last brief)" : ""}.</p>`, `<p>${spans(b.lead)}</p>`];
  for (const s of b.sections) {
    body.push(`<h2>${h(s.heading)}</h2>`);
    if (s.intro.length) body.push(`<p>${spans(s.intro)}</p>`);
    if (s.items.length) {
      body.push("<ul>");
      for (const item of s.items) {
        const quotes = item.quotes.map((q) => {
          const src = bySource.get(q)!;
          return `<blockquote>“${h(src.sentence)}” — ${h(sourceLine(src))} <a class="ref" href="${h(src.href)}">[${q}]</a></blockquote>`;
        });
        body.push(`<li>${spans(item.spans)}${quotes.join("")}</li>`);
      }
      body.push("</ul>");
    }
  }
  if (b.sources.length) {
    body.push("<h2>Sources</h2>", "<ol>");
    for (const s of b.sources) body.push(`<li id="source-${s.n}">“${h(s.sentence)}” — ${h(sourceLine(s))}${s.title ? `, <em>${h(s.title)}</em>` : ""} — <a href="${h(s.href)}">in the ledger</a></li>`);
    body.push("</ol>");
  }
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${h(b.title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}blockquote{margin:.3rem 0 .6rem 1rem;color:#444;font-style:italic}.meta{color:#666}.ref{font-size:.8em;text-decoration:none}</style></head>\n<body>\n${body.join("\n")}\n</body></html>\n`;
}
