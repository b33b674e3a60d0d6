// Reads HTML pages off the calling thread with a time budget for each: a page that takes longer has its worker
// stopped and fails with a clear error, so one hostile page never holds the server or a batch.
import type { Worker } from "node:worker_threads";
import type { ArticleInput } from "../domain/extraction.js";
import { spawnWorker } from "../workers.js";
import { parseHtmlDocument } from "./html.js";
import type { LoadOptions } from "./index.js";

/** Longest a page may take to read, in milliseconds. */
export const HTML_BUDGET_MS = 2000;
// Pages read at once; more wait their turn (their budget starts when their reading does).
const MAX_WORKERS = 2;

/** A page sent to a worker. */
export interface HtmlJob {
  seq: number;
  html: string;
  opts: LoadOptions & { url?: string };
}

/** A worker's answer. */
export type HtmlReply = { seq: number; ok: true; article: ArticleInput } | { seq: number; ok: false; error: string } | { ready: true };

/** Why a page was not read: it took longer than its budget. */
export class ReadBudgetError extends Error {}

interface Pending extends HtmlJob {
  budgetMs: number;
  resolve(a: ArticleInput): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Pending | null;
  timer: NodeJS.Timeout | null;
}

const queue: Pending[] = [];
const slots: Slot[] = [];
let nextSeq = 0;
let workersUnavailable = false;

/**
 * Reads an HTML page on a worker thread within `budgetMs`; rejects with a ReadBudgetError when it takes longer. Where
 * no worker thread can be started, reads it here (the markup budget in html.ts still bounds it).
 */
export function readHtmlBounded(html: string, opts: LoadOptions & { url?: string } = {}, budgetMs = HTML_BUDGET_MS): Promise<ArticleInput> {
  if (workersUnavailable) return Promise.resolve().then(() => parseHtmlDocument(html, opts));
  return new Promise((resolve, reject) => {
    queue.push({ seq: nextSeq++, html, opts, budgetMs, resolve, reject });
    dispatch();
  });
}

function dispatch(): void {
  for (const slot of slots) {
    if (queue.length === 0) return;
    if (slot.ready && slot.job === null) start(slot, queue.shift()!);
  }
  if (queue.length > 0 && slots.length < MAX_WORKERS) spawn();
}

function spawn(): void {
  const worker = spawnWorker(import.meta.url, "html-worker", null);
  if (!worker) {
    workersUnavailable = true;
    for (const job of queue.splice(0)) {
      try {
        job.resolve(parseHtmlDocument(job.html, job.opts));
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return;
  }
  const slot: Slot = { worker, ready: false, job: null, timer: null };
  slots.push(slot);
  worker.on("message", (reply: HtmlReply) => {
    if ("ready" in reply) slot.ready = true;
    else if (slot.job && slot.job.seq === reply.seq) {
      const job = slot.job;
      finish(slot);
      if (reply.ok) job.resolve(reply.article);
      else job.reject(new Error(reply.error));
    }
    dispatch();
  });
  const lost = (err?: Error) => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    const job = slot.job;
    finish(slot);
    job?.reject(new Error(`the page could not be read: ${err?.message ?? "its reader stopped"}`));
    dispatch();
  };
  worker.on("error", lost);
  worker.on("exit", () => lost());
}

function start(slot: Slot, job: Pending): void {
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(() => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    finish(slot);
    void slot.worker.terminate();
    job.reject(new ReadBudgetError(`the page took longer than ${job.budgetMs / 1000} s to read (too large or too deeply nested); it was not read`));
    dispatch();
  }, job.budgetMs);
  slot.worker.postMessage({ seq: job.seq, html: job.html, opts: job.opts } satisfies HtmlJob);
}

// An idle reader never keeps the process alive; one starting or reading a page does.
function finish(slot: Slot): void {
  slot.worker.unref();
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
}
