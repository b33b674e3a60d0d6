// Feed use cases: follow, list, drop, import and export feeds, and poll them — load the due feeds → fetch each
// (conditional GET, politely per host) → parse → keep the unseen entries → fetch the pages of summary-only entries →
// ingest through the one ingest path → record every item and how each feed went.
import type { ArticleInput } from "../domain/extraction.js";
import { DecodeError } from "../ingest/decode.js";
import { decodeBody, fetchDocument } from "../ingest/fetch.js";
import { entryArticle, FeedError, needsPage, parseFeedText, parseOpml, withEntryFacts, writeOpml, type FeedDocument, type FeedEntry, type OpmlFeed } from "../ingest/feeds/index.js";
import { readHtmlBounded } from "../ingest/html-reader.js";
import type { LoadResult } from "../ingest/index.js";
import { FetchError, httpRequest, webUrl, type NetPolicy } from "../ingest/net/client.js";
import { HostGate } from "../ingest/net/hosts.js";
import type { Store } from "../store/index.js";
import { deleteFeed, findFeed, insertFeed, itemCounts, listFeeds, recordItem, seenItems, updateFeed, type FeedRow } from "../store/feeds.js";
import { enqueueResults } from "./queue.js";
import { contentId } from "../extract/ids.js";
import type { ArticleLinker } from "./link.js";
import { ingestResults, type IngestEvent, type IngestSummary } from "./ingest.js";

/** How feeds are polled. */
export interface PollOptions extends NetPolicy {
  now?: () => Date;
  /** Time allowed for one request (a feed or a page). */
  timeoutMs?: number;
  /** Largest feed or page, in bytes. */
  maxBytes?: number;
  /** Least pause between two requests to one host. */
  politenessMs?: number;
  /** Time between polls of a healthy feed; failures back off from it. */
  everyMs?: number;
  /** Feeds fetched at the same time (requests to one host still go one at a time). */
  concurrency?: number;
  readerThreads?: number;
  /** The date questions are recomputed as of (default: today). */
  asOf?: string;
  /** Queue new items for `bellwether worker` processes instead of storing them here (PostgreSQL store). */
  queue?: boolean;
  /** The ledger step kept across polls by a long-running watch (see `IngestRunOptions`). */
  link?: ArticleLinker;
}

/** How one feed's poll went. */
export interface FeedPollResult {
  feed: string;
  url: string;
  title: string | null;
  status: "ok" | "not_modified" | "error";
  error: string | null;
  /** Entries in the feed, and those not seen before (or retried). */
  entries: number;
  fresh: number;
  /** Items queued for the workers (with `queue`), which store, skip or fail them later. */
  queued: number;
  new: number;
  duplicate: number;
  not_read: number;
  failed: number;
  ms: number;
  /** When the feed will next be polled. */
  next_poll_at: string | null;
}

/** A whole poll: each feed's outcome and the ingest summary of everything stored. */
export interface PollSummary {
  feeds: FeedPollResult[];
  ingest: IngestSummary;
  /** Articles stored this poll (new and near-duplicate), in order. */
  stored: string[];
}

export const DEFAULT_EVERY_MS = 15 * 60_000;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_POLITENESS_MS = 1_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
// An item whose page or reading failed is tried again on later polls, this many times in all.
const MAX_ATTEMPTS = 3;
// New entries taken from one feed in one poll; the rest wait for the next.
const MAX_ENTRIES_PER_POLL = 200;
// Failures back off from the poll interval, doubling, up to this.
const MAX_BACKOFF_MS = 24 * 3600_000;
// An entry whose page could not be read is stored from its summary when the summary has at least this many words.
const MIN_SUMMARY_WORDS = 25;

/** Follows a feed (by URL); returns the row and whether it is new. */
export async function addFeed(store: Store, input: { url: string; title?: string | null; site?: string | null; category?: string | null }, now = new Date()): Promise<{ feed: FeedRow; added: boolean }> {
  const url = webUrl(input.url.trim()).href;
  return insertFeed(store.db, { url, title: input.title ?? null, site_url: input.site ?? null, category: input.category ?? null, added_at: now.toISOString() });
}

/** A followed feed with how many of its items were stored and failed. */
export interface FeedListing extends FeedRow {
  items_stored: number;
  items_failed: number;
}

/** Every followed feed with its item counts. */
export async function readFeeds(store: Store): Promise<FeedListing[]> {
  const [feeds, counts] = await Promise.all([listFeeds(store.db), itemCounts(store.db)]);
  return feeds.map((f) => ({ ...f, items_stored: counts.get(f.id)?.stored ?? 0, items_failed: counts.get(f.id)?.failed ?? 0 }));
}

/** Stops following a feed given by id or URL; false when there is none. */
export async function removeFeed(store: Store, idOrUrl: string): Promise<boolean> {
  const feed = await findFeed(store.db, idOrUrl);
  return feed ? store.transaction((tx) => deleteFeed(tx, feed.id)) : false;
}

/** Follows every feed of an OPML document; returns how many were new and how many already followed. */
export async function importOpml(store: Store, text: string, now = new Date()): Promise<{ added: FeedRow[]; known: FeedRow[] }> {
  const feeds = parseOpml(text);
  const added: FeedRow[] = [];
  const known: FeedRow[] = [];
  await store.transaction(async (tx) => {
    for (const f of feeds) {
      const r = await insertFeed(tx, { url: f.url, title: f.title, site_url: f.site, category: f.category, added_at: now.toISOString() });
      (r.added ? added : known).push(r.feed);
    }
  });
  return { added, known };
}

/** The followed feeds as OPML. */
export async function exportOpml(store: Store): Promise<string> {
  const feeds = await listFeeds(store.db);
  return writeOpml(
    feeds.map((f): OpmlFeed => ({ url: f.url, title: f.title, site: f.site_url, category: f.category })),
    "bellwether feeds",
  );
}

/** Feeds due for a poll at `now` (never polled, or their next poll time has come). */
export async function dueFeeds(store: Store, now: Date): Promise<FeedRow[]> {
  const iso = now.toISOString();
  return (await listFeeds(store.db)).filter((f) => f.next_poll_at === null || f.next_poll_at <= iso);
}

function backoff(everyMs: number, errors: number): number {
  return Math.min(MAX_BACKOFF_MS, everyMs * 2 ** Math.max(0, errors - 1));
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type Fetched = { status: "not_modified" } | { status: "ok"; doc: FeedDocument; etag: string | null; lastModified: string | null };

// One conditional GET of a feed and its parse; every failure is thrown with a plain message.
async function fetchFeed(feed: FeedRow, opts: PollOptions, gate: HostGate): Promise<Fetched> {
  const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1" };
  if (feed.etag) headers["if-none-match"] = feed.etag;
  if (feed.last_modified) headers["if-modified-since"] = feed.last_modified;
  const res = await gate.run(feed.url, () =>
    httpRequest(feed.url, {
      ...opts,
      headers,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
      checkHead: ({ status, statusText }) => {
        if (status !== 304 && (status < 200 || status > 299)) throw new FetchError(`server answered ${status} ${statusText}`.trim(), "network");
      },
    }),
  );
  if (res.status === 304) return { status: "not_modified" };
  const type = String(res.headers["content-type"] ?? "");
  let text: string;
  try {
    text = decodeBody(res.body, type);
  } catch (err) {
    throw new FeedError(err instanceof DecodeError ? err.message : message(err));
  }
  const header = (name: string) => {
    const v = res.headers[name];
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  return { status: "ok", doc: parseFeedText(text, type), etag: header("etag"), lastModified: header("last-modified") };
}

/** An entry ready to ingest, or why it cannot be. */
interface Prepared {
  feed: FeedRow;
  entry: FeedEntry;
  result: LoadResult;
}

// The entry's article: what the feed carries, or its page read through the HTML path when the feed has a summary only.
async function prepareEntry(feed: FeedRow, doc: FeedDocument, entry: FeedEntry, opts: PollOptions, gate: HostGate): Promise<Prepared> {
  const input = entry.url ?? `${feed.url}#${entry.key}`;
  const carried = entryArticle(entry, { title: doc.title ?? feed.title, language: doc.language });
  const ok = (article: ArticleInput): Prepared => ({ feed, entry, result: { ok: true, doc: { input, article } } });
  const fail = (error: string): Prepared => ({ feed, entry, result: { ok: false, input, error } });
  if (!needsPage(entry, carried)) return carried.words > 0 ? ok(carried.article) : fail("the item carries no text and no link");
  try {
    const page = await gate.run(entry.url!, () =>
      fetchDocument(entry.url!, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, publicNetworkOnly: !opts.allowPrivate, resolve: opts.resolve }),
    );
    const article = page.html ? await readHtmlBounded(page.text, { url: page.url }) : { text: page.text };
    if (article.text.trim() === "") throw new DecodeError("no article text found in the page");
    return ok(withEntryFacts(article, carried.article));
  } catch (err) {
    const why = err instanceof DecodeError || err instanceof FetchError ? err.message : message(err);
    if (carried.words >= MIN_SUMMARY_WORDS) return ok(carried.article);
    return fail(`the feed has only a summary, and its page could not be read: ${why}`);
  }
}

/** Runs async work over items, at most `limit` at a time, keeping their order. */
async function mapLimit<T, U>(items: T[], limit: number, fn: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/**
 * Polls the given feeds once. A feed that is down, slow or broken gets its error recorded and a later retry (backing
 * off); the others' items are stored in the same poll. Each item is stored once: it is recorded as seen only after
 * its article is committed.
 */
export async function pollFeeds(store: Store, feeds: FeedRow[], opts: PollOptions = {}, onEvent?: (e: IngestEvent) => void): Promise<PollSummary> {
  const now = opts.now ?? (() => new Date());
  const everyMs = opts.everyMs ?? DEFAULT_EVERY_MS;
  const gate = new HostGate(opts.politenessMs ?? DEFAULT_POLITENESS_MS);
  const started = new Map<string, number>();
  const results = new Map<string, FeedPollResult>();
  const blank = (f: FeedRow): FeedPollResult => ({ feed: f.id, url: f.url, title: f.title, status: "ok", error: null, entries: 0, fresh: 0, queued: 0, new: 0, duplicate: 0, not_read: 0, failed: 0, ms: 0, next_poll_at: null });

  // Fetch, parse and prepare every feed; a failure stays with its feed.
  const prepared = await mapLimit(feeds, opts.concurrency ?? 4, async (feed): Promise<Prepared[]> => {
    const t0 = performance.now();
    started.set(feed.id, t0);
    const r = blank(feed);
    results.set(feed.id, r);
    const at = now();
    try {
      const fetched = await fetchFeed(feed, opts, gate);
      const next = new Date(at.getTime() + everyMs).toISOString();
      if (fetched.status === "not_modified") {
        r.status = "not_modified";
        r.next_poll_at = next;
        await updateFeed(store.db, feed.id, { checked_at: at.toISOString(), succeeded_at: at.toISOString(), last_error: null, error_count: 0, next_poll_at: next });
        return [];
      }
      const { doc } = fetched;
      r.title = feed.title ?? doc.title;
      r.entries = doc.entries.length;
      const seen = await seenItems(store.db, feed.id, doc.entries.map((e) => e.key));
      const keys = new Set<string>();
      const fresh = doc.entries.filter((e) => {
        if (keys.has(e.key)) return false;
        keys.add(e.key);
        const s = seen.get(e.key);
        return !s || (s.status === "failed" && s.attempts < MAX_ATTEMPTS);
      }).slice(0, MAX_ENTRIES_PER_POLL);
      r.fresh = fresh.length;
      const items = await mapLimit(fresh, 4, (entry) => prepareEntry(feed, doc, entry, opts, gate));
      r.next_poll_at = next;
      await updateFeed(store.db, feed.id, {
        title: feed.title ?? doc.title,
        site_url: feed.site_url ?? doc.link,
        etag: fetched.etag,
        last_modified: fetched.lastModified,
        checked_at: at.toISOString(),
        succeeded_at: at.toISOString(),
        last_error: null,
        error_count: 0,
        next_poll_at: next,
      });
      return items;
    } catch (err) {
      const errors = feed.error_count + 1;
      const next = new Date(at.getTime() + backoff(everyMs, errors)).toISOString();
      r.status = "error";
      r.error = message(err);
      r.next_poll_at = next;
      r.ms = performance.now() - t0;
      await updateFeed(store.db, feed.id, { checked_at: at.toISOString(), last_error: r.error, error_count: errors, next_poll_at: next });
      return [];
    }
  });

  // Everything new from every feed goes through the one ingest path; items are recorded as their articles commit.
  const queue = prepared.flat();
  const stored: string[] = [];
  // Written once the run is over: the batch holds the store's connection while it runs.
  const pendingRecords: Array<Parameters<typeof recordItem>[1]> = [];
  let i = 0;
  if (opts.queue) {
    // The workers store what is queued; each item is remembered as queued, under the id its article will have.
    const queued = await enqueueResults(store, queue.map((p) => p.result));
    await store.transaction(async (tx) => {
      for (const p of queue) {
        const r = results.get(p.feed.id)!;
        const ok = p.result.ok ? p.result : null;
        if (ok) r.queued++;
        else r.failed++;
        const id = ok ? (ok.doc.article.id ?? contentId(ok.doc.article.text)) : null;
        await recordItem(tx, { feed_id: p.feed.id, key: p.entry.key, url: p.entry.url, article_id: id, status: ok ? "queued" : "failed", error: ok ? null : p.result.ok ? null : p.result.error, at: now().toISOString() });
      }
    });
    for (const f of feeds) {
      const r = results.get(f.id)!;
      if (r.status !== "error") r.ms = performance.now() - (started.get(f.id) ?? performance.now());
    }
    return { feeds: feeds.map((f) => results.get(f.id)!), ingest: { new: 0, duplicate: 0, near_duplicate: 0, failed: queued.failed }, stored: [] };
  }
  const ingest = await ingestResults(
    store,
    queue.map((p) => p.result),
    { now, readerThreads: opts.readerThreads, asOf: opts.asOf, link: opts.link },
    (e) => {
      const p = queue[i++];
      const r = results.get(p.feed.id)!;
      if (e.outcome === "failed") r.failed++;
      else if (e.outcome === "duplicate") r.duplicate++;
      else {
        r.new++;
        stored.push(e.id!);
      }
      if (e.not_read) r.not_read++;
      const status = e.outcome === "failed" ? "failed" : e.not_read ? "not_read" : e.outcome;
      pendingRecords.push({ feed_id: p.feed.id, key: p.entry.key, url: p.entry.url, article_id: e.id ?? null, status, error: e.error ?? null, at: now().toISOString() });
      onEvent?.(e);
    },
  );
  await store.transaction(async (tx) => {
    for (const rec of pendingRecords) await recordItem(tx, rec);
  });
  for (const f of feeds) {
    const r = results.get(f.id)!;
    if (r.status !== "error") r.ms = performance.now() - (started.get(f.id) ?? performance.now());
  }
  return { feeds: feeds.map((f) => results.get(f.id)!), ingest, stored };
}
