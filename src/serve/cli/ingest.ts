// `bellwether ingest`: store articles from files, folders, URLs or stdin; prints progress, a summary, or the JSON summary.
import type { Command } from "commander";
import { checkCalendarDate } from "../../domain/calendar.js";
import { loadConfig } from "../../app/config.js";
import { ingestInputs, type IngestEvent, type IngestSummary } from "../../app/ingest.js";
import { enqueueInputs, QueueUnavailable } from "../../app/queue.js";
import { openStore } from "../../store/index.js";
import { redactLocation } from "../../store/dialect.js";
import { repairAtStart } from "./repair.js";

interface IngestFlags {
  db?: string;
  date?: string;
  outlet?: string;
  json?: boolean;
  threads?: string;
  allowPrivate?: boolean;
  queue?: boolean;
}

// Redraw the TTY progress line at most this often.
const REDRAW_MS = 100;

/** Adds `ingest` to the program. */
export function registerIngest(program: Command, setStatus: (code: number) => void): void {
  program
    .command("ingest")
    .description("store articles (files, folders, .jsonl, URLs, - for stdin), skipping duplicates and marking near-duplicates")
    .argument("<inputs...>", "files (.txt, .md, .html, .jsonl), folders, URLs, or - for stdin")
    .option("--db <path>", "the store: a SQLite file or a postgres:// URL (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--queue", "queue the documents for `bellwether worker` processes instead of storing them here (PostgreSQL store)")
    .option("--date <YYYY-MM-DD>", "publication date for inputs that do not give one")
    .option("--outlet <name>", "outlet name for every input")
    .option("--json", "print the summary as one JSON object and nothing else")
    .option("--allow-private", "let URLs reach loopback and private-network addresses (refused by default)")
    .option("--threads <n>", "worker threads that read documents while others are stored (default: cores - 1; at most the cores; 0: none)")
    .action(async (inputs: string[], flags: IngestFlags, cmd: Command) => {
      const dateProblem = flags.date === undefined ? null : checkCalendarDate(flags.date);
      if (dateProblem) cmd.error(`error: --date: ${dateProblem}`, { exitCode: 2, code: "bellwether.usage" });
      if (flags.threads !== undefined && !/^\d{1,3}$/.test(flags.threads)) {
        cmd.error(`error: --threads must be a whole number, got "${flags.threads}"`, { exitCode: 2, code: "bellwether.usage" });
      }
      const config = loadConfig({ db: flags.db });
      const store = await openStore({ path: config.db });
      try {
        await repairAtStart(store, (line) => process.stderr.write(line));
      } catch (err) {
        await store.close();
        throw err;
      }
      if (flags.queue) {
        try {
          const queued = await enqueueInputs(store, inputs, { date: flags.date, outlet: flags.outlet, publicNetworkOnly: !flags.allowPrivate });
          if (flags.json) process.stdout.write(JSON.stringify(queued) + "\n");
          else {
            for (const f of queued.failed) process.stderr.write(`failed\t${f.input}\t${f.error}\n`);
            process.stdout.write(`${redactLocation(config.db)}: ${queued.queued} queued, ${queued.failed.length} failed\n`);
          }
          setStatus(queued.failed.length > 0 ? 1 : 0);
        } catch (err) {
          if (err instanceof QueueUnavailable) cmd.error(`error: ${err.message}`, { exitCode: 2, code: "bellwether.usage" });
          throw err;
        } finally {
          await store.close();
        }
        return;
      }
      const started = Date.now();
      const progress = flags.json ? undefined : progressReporter(inputs, started);
      let summary: IngestSummary;
      try {
        const readerThreads = flags.threads === undefined ? undefined : Number(flags.threads);
        summary = await ingestInputs(store, inputs, { date: flags.date, outlet: flags.outlet, readerThreads, publicNetworkOnly: !flags.allowPrivate }, progress?.report);
      } finally {
        progress?.finish();
        await store.close();
      }
      if (flags.json) {
        process.stdout.write(JSON.stringify(summary) + "\n");
      } else {
        process.stdout.write(summaryLine(summary, redactLocation(config.db), (Date.now() - started) / 1000) + "\n");
      }
      setStatus(summary.failed.length > 0 ? 1 : 0);
    });
}

function summaryLine(s: IngestSummary, db: string, seconds: number): string {
  const stored = s.new + s.near_duplicate;
  const rate = seconds > 0 ? ` at ${(stored / seconds).toFixed(1)} articles/s` : "";
  return (
    `${db}: ${s.new} new, ${s.near_duplicate} near-duplicate, ${s.duplicate} duplicate, ${s.failed.length} failed` +
    ` (${seconds.toFixed(1)} s${rate})`
  );
}

// On a terminal one line is redrawn in place; elsewhere (logs, pipes) each settled document gets a plain line.
function progressReporter(inputs: string[], started: number): { report: (e: IngestEvent) => void; finish: () => void } {
  const err = process.stderr;
  // Only plain file names give a document count up front; folders, JSON Lines and stdin are counted as they are read.
  const total = inputs.every((i) => /\.(txt|text|md|markdown|html?|xhtml)$/i.test(i)) ? inputs.length : undefined;
  if (!err.isTTY) {
    return {
      report: (e) => {
        const base = e.outcome === "failed" ? e.error : e.outcome === "near_duplicate" ? `${e.id} ~ ${e.original}` : e.id;
        const detail = e.not_read ? `${base} (stored, not read: language ${e.not_read})` : base;
        err.write(`${e.outcome}\t${e.input}\t${detail ?? ""}\n`);
      },
      finish: () => {},
    };
  }
  let last = 0;
  let drawn = false;
  const draw = (e: IngestEvent) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (e.done / seconds).toFixed(1) : "-";
    const count = total !== undefined ? `${e.done}/${total}` : `${e.done}`;
    const head = `ingest ${count}  ${rate}/s  `;
    // A terminal that reports no width (0) gets the classic 80 columns.
    const width = Math.max(40, (err.columns || 80) - 1);
    const room = width - head.length;
    // Keep the end of a long path: the file name says more than the folders above it.
    const name = e.input.length > room ? "…" + e.input.slice(e.input.length - room + 1) : e.input;
    err.write(`\r\x1b[K${head}${name}`);
    drawn = true;
  };
  return {
    report: (e) => {
      if (e.outcome === "failed") {
        err.write(`\r\x1b[Kfailed: ${e.input}: ${e.error}\n`);
        drawn = false;
      }
      const t = Date.now();
      if (t - last >= REDRAW_MS) {
        last = t;
        draw(e);
      }
    },
    finish: () => {
      if (drawn) err.write("\r\x1b[K");
    },
  };
}
