// `bellwether watch`: keeps the store current from feeds — polls, ingests, brings claims, stories and questions up to
// date, raises alerts — until SIGINT or SIGTERM, which stop it between polls.
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { AlertRuleError, parseAlertRule, syncConfigRules } from "../../app/alerts.js";
import { DEFAULT_BASE_URL } from "../../app/claim-text.js";
import { ConfigError, loadConfig, loadConfigFile } from "../../app/config.js";
import { addFeed, DEFAULT_EVERY_MS, importOpml } from "../../app/feeds.js";
import { addQuestion, today } from "../../app/questions.js";
import { watchFeeds, type WatchOptions } from "../../app/watch.js";
import { FeedError } from "../../ingest/feeds/index.js";
import { FetchError, webUrl } from "../../ingest/net/client.js";
import { QuestionError } from "../../forecast/question.js";
import { openStore, type Store } from "../../store/index.js";
import { dateOption, durationOption, usage } from "./options.js";
import { repairAtStart } from "./repair.js";

/** The flags `watch` and `serve --watch` share. */
export interface WatchFlags {
  db?: string;
  every?: string;
  question?: string[];
  once?: boolean;
  allowPrivate?: boolean;
  asOf?: string;
  timeout?: string;
  politeness?: string;
  threads?: string;
  config?: string;
  baseUrl?: string;
  queue?: boolean;
}

/** Adds the options that tune the watch loop. */
export function watchOptions(cmd: Command): Command {
  return cmd
    .option("--every <duration>", "time between polls of a feed (30s, 15m, 1h); failing feeds back off from it", "15m")
    .option("--allow-private", "let feeds and their pages be on loopback or private-network addresses (refused by default)")
    .option("--as-of <YYYY-MM-DD>", "compute questions as of this date (default: today)")
    .option("--timeout <duration>", "time allowed for one feed or page request", "20s")
    .option("--politeness <duration>", "least pause between two requests to one host", "1s")
    .option("--threads <n>", "worker threads that read documents (default: cores - 1; at most the cores; 0: none)")
    .option("--config <file>", "settings file with alert rules (default: $BELLWETHER_CONFIG or ./bellwether.yaml)")
    .option("--base-url <url>", "the server address alert links point to (default: the config's base_url, else http://127.0.0.1:8080)")
    .option("--queue", "queue new items for `bellwether worker` processes instead of storing them here (PostgreSQL store)");
}

/** Reads the loop's settings from the flags; usage errors stop the command. */
export function watchSettings(cmd: Command, flags: WatchFlags, log: (line: string) => void): Omit<WatchOptions, "signal"> & { rules: unknown[]; configPath: string | null } {
  const everyMs = durationOption(cmd, "--every", flags.every, DEFAULT_EVERY_MS);
  const timeoutMs = durationOption(cmd, "--timeout", flags.timeout, 20_000);
  const politenessMs = durationOption(cmd, "--politeness", flags.politeness, 1000, true);
  const asOf = dateOption(cmd, "--as-of", flags.asOf);
  if (flags.threads !== undefined && !/^\d{1,2}$/.test(flags.threads)) usage(cmd, `--threads must be a whole number, got "${flags.threads}"`);
  let config;
  try {
    config = loadConfigFile(flags.config);
  } catch (err) {
    if (err instanceof ConfigError) usage(cmd, err.message);
    throw err;
  }
  let baseUrl = (flags.baseUrl ?? config.base_url ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  try {
    baseUrl = webUrl(baseUrl).href.replace(/\/+$/, "");
  } catch {
    usage(cmd, `--base-url must be an http(s) address, got "${flags.baseUrl}"`);
  }
  return {
    everyMs,
    timeoutMs,
    politenessMs,
    asOf,
    allowPrivate: flags.allowPrivate,
    readerThreads: flags.threads === undefined ? undefined : Number(flags.threads),
    queue: flags.queue,
    log,
    alerts: { baseUrl, log },
    rules: config.alerts,
    configPath: config.path,
  };
}

/** Brings the config's alert rules into the store; a bad rule stops the command with every problem named. */
export async function applyConfigRules(store: Store, rules: unknown[], configPath: string | null): Promise<string | null> {
  try {
    const parsed = rules.map((r, i) => parseAlertRule(r, `${configPath}: alerts[${i}]`));
    await syncConfigRules(store, parsed);
    return null;
  } catch (err) {
    if (err instanceof AlertRuleError) return err.message;
    throw err;
  }
}

/** Adds `watch` to the program. */
export function registerWatch(program: Command, setStatus: (code: number) => void): void {
  watchOptions(
    program
      .command("watch")
      .description("poll the followed feeds (and any given) and keep claims, stories, questions and alerts current until stopped")
      .argument("[sources...]", "OPML files or feed URLs to follow besides those already stored"),
  )
    .option("--question <file>", "a question (YAML) to add before polling; repeatable", (v: string, all: string[] = []) => [...all, v])
    .option("--once", "poll every feed once, then stop (exit status 1 if a feed failed)")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .addHelpText("after", "\nOne line per feed per poll: feed, new items, time, errors. SIGINT or SIGTERM stops after the poll in progress.")
    .action(async (sources: string[], flags: WatchFlags, cmd: Command) => {
      const log = (line: string) => process.stdout.write(line + "\n");
      const settings = watchSettings(cmd, flags, log);
      for (const s of sources) if (!/\.opml$/i.test(s) && !/^https?:\/\//i.test(s)) usage(cmd, `"${s}" is neither an OPML file nor a feed URL`);
      const store = await openStore({ path: loadConfig({ db: flags.db }).db });
      if (flags.queue && store.engine !== "postgres") {
        await store.close();
        usage(cmd, "--queue needs a PostgreSQL store (--db postgres://…)");
      }
      const controller = new AbortController();
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) process.exit(130);
        stopping = true;
        log(`${new Date().toISOString()} ${signal}: stopping after the poll in progress`);
        controller.abort();
      };
      const onInt = () => stop("SIGINT");
      const onTerm = () => stop("SIGTERM");
      process.on("SIGINT", onInt);
      process.on("SIGTERM", onTerm);
      try {
        await repairAtStart(store, (line) => process.stdout.write(line), settings.asOf);
        const problem = await applyConfigRules(store, settings.rules, settings.configPath);
        if (problem) {
          process.stderr.write(`bellwether: ${problem}\n`);
          setStatus(2);
          return;
        }
        for (const s of sources) {
          try {
            if (/\.opml$/i.test(s)) {
              const r = await importOpml(store, readFileSync(s, "utf8"));
              log(`${s}: ${r.added.length} feeds added, ${r.known.length} already followed`);
            } else {
              const r = await addFeed(store, { url: s });
              if (r.added) log(`following ${r.feed.url}`);
            }
          } catch (err) {
            if (!(err instanceof FeedError || err instanceof FetchError || (err as NodeJS.ErrnoException).code)) throw err;
            process.stderr.write(`bellwether: ${s}: ${(err as Error).message}\n`);
            setStatus(2);
            return;
          }
        }
        for (const file of flags.question ?? []) {
          try {
            const q = await addQuestion(store, readFileSync(file, "utf8"), file, settings.asOf ?? today());
            log(`question ${q.id}: ${q.title}`);
          } catch (err) {
            if (err instanceof QuestionError) process.stderr.write(`bellwether: ${file} is not a valid question:\n${err.problems.map((p) => `  - ${p}`).join("\n")}\n`);
            else if ((err as NodeJS.ErrnoException).code) process.stderr.write(`bellwether: cannot read ${file}: ${(err as NodeJS.ErrnoException).code}\n`);
            else throw err;
            setStatus(2);
            return;
          }
        }
        let feedFailed = false;
        await watchFeeds(store, {
          ...settings,
          once: flags.once,
          signal: controller.signal,
          onPoll: (summary) => {
            if (summary.feeds.some((f) => f.status === "error")) feedFailed = true;
          },
        });
        setStatus(flags.once && feedFailed ? 1 : 0);
      } finally {
        process.off("SIGINT", onInt);
        process.off("SIGTERM", onTerm);
        await store.close();
      }
    });
}
