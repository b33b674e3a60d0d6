// The watch loop: poll the feeds that are due, ingest what is new, check the alert rules, log one line per feed, and
// sleep until the next feed is due — until told to stop, which it does between polls, never inside a commit.
import { createLinker } from "./link.js";
import { keepEvidence } from "./questions.js";
import { keepGrouping } from "./stories.js";
import type { Store } from "../store/index.js";
import { listFeeds } from "../store/feeds.js";
import { checkAlerts, type Alert, type DeliveryOptions } from "./alerts.js";
import { dueFeeds, pollFeeds, DEFAULT_EVERY_MS, type FeedPollResult, type PollOptions, type PollSummary } from "./feeds.js";

/** How the loop runs. */
export interface WatchOptions extends PollOptions {
  /** Poll every feed once, due or not, and stop. */
  once?: boolean;
  /** Aborting it stops the loop after the poll in progress. */
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Alert delivery; null checks no rules. */
  alerts?: DeliveryOptions | null;
  /** Called after each poll. */
  onPoll?: (summary: PollSummary, alerts: Alert[]) => void;
}

/** One log line for one feed's poll. */
export function pollLine(r: FeedPollResult, at: Date): string {
  const name = r.title ? `${r.title} <${r.url}>` : r.url;
  const secs = `${(r.ms / 1000).toFixed(1)} s`;
  if (r.status === "error") return `${at.toISOString()} ${name}: error: ${r.error}; retry after ${r.next_poll_at} (${secs})`;
  if (r.status === "not_modified") return `${at.toISOString()} ${name}: not modified (${secs})`;
  if (r.queued > 0) return `${at.toISOString()} ${name}: ${r.queued} queued, ${r.failed} failed of ${r.fresh} unseen in ${r.entries} entries (${secs})`;
  return `${at.toISOString()} ${name}: ${r.new} new, ${r.duplicate} duplicate, ${r.not_read} not read, ${r.failed} failed of ${r.fresh} unseen in ${r.entries} entries (${secs})`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((ok) => {
    if (signal?.aborted) return ok();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      ok();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

// Between polls: until the earliest feed is due, at least a moment and at most one interval.
async function untilNextDue(store: Store, now: Date, everyMs: number): Promise<number> {
  const next = (await listFeeds(store.db)).map((f) => (f.next_poll_at ? Date.parse(f.next_poll_at) : now.getTime())).sort((a, b) => a - b)[0];
  const wait = next === undefined ? everyMs : next - now.getTime();
  return Math.max(250, Math.min(everyMs, wait));
}

/** Polls until stopped (or once); returns how many polls ran. */
export async function watchFeeds(store: Store, opts: WatchOptions): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const everyMs = opts.everyMs ?? DEFAULT_EVERY_MS;
  // Claims are kept in memory from poll to poll, so a poll costs what it brings, not the whole store.
  const kept = { link: opts.link ?? createLinker() };
  // The story grouping's state and the questions' evidence are kept in memory too, read once here rather than by the
  // first article to arrive.
  await keepGrouping(store);
  await keepEvidence(store);
  let polls = 0;
  while (!opts.signal?.aborted) {
    // A single poll reads every feed; the loop reads those that are due.
    const due = opts.once ? await listFeeds(store.db) : await dueFeeds(store, now());
    let alerts: Alert[] = [];
    if (due.length > 0) {
      const summary = await pollFeeds(store, due, { ...opts, ...kept });
      polls++;
      const at = now();
      for (const r of summary.feeds) opts.log(pollLine(r, at));
      for (const f of summary.ingest.failed) opts.log(`${at.toISOString()}   not stored: ${f.input}: ${f.error}`);
      if (opts.alerts) alerts = await checkAlerts(store, opts.alerts, at);
      opts.onPoll?.(summary, alerts);
    } else if (opts.once) {
      opts.log(`${now().toISOString()} no feeds are due`);
    }
    if (opts.once) break;
    await sleep(await untilNextDue(store, now(), everyMs), opts.signal);
  }
  return polls;
}
