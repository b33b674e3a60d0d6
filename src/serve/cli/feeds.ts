// `bellwether feeds add|list|remove|import|export`: the feeds a store follows.
import type { Command } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { loadConfig } from "../../app/config.js";
import { addFeed, exportOpml, importOpml, readFeeds, removeFeed } from "../../app/feeds.js";
import { FeedError } from "../../ingest/feeds/index.js";
import { FetchError } from "../../ingest/net/client.js";
import { openStore, type Store } from "../../store/index.js";
import { table } from "./table.js";

interface Flags {
  db?: string;
  json?: boolean;
}

async function withStore<T>(flags: Flags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: loadConfig({ db: flags.db }).db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Adds `feeds …` to the program. */
export function registerFeeds(program: Command, setStatus: (code: number) => void): void {
  const feeds = program.command("feeds").description("the RSS, Atom and JSON feeds `watch` polls: add, list, remove, import and export OPML");
  const dbOption = ["--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)"] as const;

  feeds
    .command("add")
    .description("follow one or more feeds by URL (they are read on the next `watch` poll)")
    .argument("<urls...>", "feed addresses (http or https)")
    .option("--title <title>", "a name for the feed (otherwise the feed's own title)")
    .option("--category <name>", "a folder to file it under (kept in OPML exports)")
    .option(...dbOption)
    .action(async (urls: string[], flags: Flags & { title?: string; category?: string }) => {
      let failed = 0;
      await withStore(flags, async (store) => {
        for (const url of urls) {
          try {
            const r = await addFeed(store, { url, title: flags.title, category: flags.category });
            process.stdout.write(`${r.added ? "added" : "already followed"} ${r.feed.id} ${r.feed.url}\n`);
          } catch (err) {
            if (!(err instanceof FetchError)) throw err;
            process.stderr.write(`bellwether: ${url}: ${err.message}\n`);
            failed++;
          }
        }
      });
      setStatus(failed ? 1 : 0);
    });

  feeds
    .command("list")
    .description("the followed feeds with when each was last read, its last error, and how many items it gave")
    .option(...dbOption)
    .option("--json", "print the feeds as JSON")
    .action(async (flags: Flags) => {
      const list = await withStore(flags, (store) => readFeeds(store));
      if (flags.json) process.stdout.write(JSON.stringify(list, null, 2) + "\n");
      else if (list.length === 0) process.stdout.write("no feeds: add one with `bellwether feeds add URL` or `bellwether feeds import FILE.opml`\n");
      else
        process.stdout.write(
          table(
            ["id", "title", "checked", "items", "failed", "errors", "last error", "url"],
            list.map((f) => [f.id, f.title ?? "", f.checked_at?.slice(0, 16) ?? "never", String(f.items_stored), String(f.items_failed), String(f.error_count), f.last_error ?? "", f.url]),
          ),
        );
      setStatus(0);
    });

  feeds
    .command("remove")
    .description("stop following a feed (its stored articles stay)")
    .argument("<feed>", "the feed's id or URL")
    .option(...dbOption)
    .action(async (feed: string, flags: Flags) => {
      const done = await withStore(flags, (store) => removeFeed(store, feed));
      if (done) process.stdout.write(`removed ${feed}\n`);
      else process.stderr.write(`bellwether: no feed "${feed}"\n`);
      setStatus(done ? 0 : 1);
    });

  feeds
    .command("import")
    .description("follow every feed of an OPML file (as exported by Miniflux, FreshRSS and other feed readers)")
    .argument("<file>", "OPML file")
    .option(...dbOption)
    .action(async (file: string, flags: Flags) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (err) {
        process.stderr.write(`bellwether: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        setStatus(1);
        return;
      }
      try {
        const r = await withStore(flags, (store) => importOpml(store, text));
        process.stdout.write(`${file}: ${r.added.length} feeds added, ${r.known.length} already followed\n`);
        setStatus(0);
      } catch (err) {
        if (!(err instanceof FeedError)) throw err;
        process.stderr.write(`bellwether: ${file}: ${err.message}\n`);
        setStatus(1);
      }
    });

  feeds
    .command("export")
    .description("print the followed feeds as OPML")
    .option("--output <file>", "write to a file instead of stdout")
    .option(...dbOption)
    .action(async (flags: Flags & { output?: string }) => {
      const opml = await withStore(flags, (store) => exportOpml(store));
      if (flags.output) writeFileSync(flags.output, opml);
      else process.stdout.write(opml);
      setStatus(0);
    });
}
