// `bellwether serve`: the REST API and the web UI over one store, on loopback unless a token guards the writes.
import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../app/config.js";
import { loadDemo } from "../../app/demo.js";
import { watchFeeds } from "../../app/watch.js";
import { openStore } from "../../store/index.js";
import { buildServer, isLoopback } from "../api/server.js";
import { repairAtStart } from "./repair.js";
import { applyConfigRules, watchOptions, watchSettings, type WatchFlags } from "./watch.js";

interface Flags extends WatchFlags {
  db?: string;
  port: string;
  host: string;
  demo?: boolean;
  token?: string;
  watch?: boolean;
}

/** Where the built UI lands: dist/web beside the compiled server. */
export const WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));

/** Adds `serve` to the program. */
export function registerServe(program: Command, setStatus: (code: number) => void): void {
  const serve = program
    .command("serve")
    .description("serve the REST API (OpenAPI at /api/openapi.json) and the web UI")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--port <port>", "port to listen on (0 picks a free one)", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--demo", "load the bundled demo story and questions first (once per store)")
    .option("--token <token>", "bearer token for write routes (default: $BELLWETHER_TOKEN); required off loopback")
    .option("--watch", "also poll the followed feeds, as `bellwether watch` does, logging to stdout");
  watchOptions(serve).action(async (flags: Flags, cmd: Command) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) cmd.error(`error: --port must be 0–65535, got "${flags.port}"`, { exitCode: 2 });
    const token = flags.token?.trim() || process.env.BELLWETHER_TOKEN?.trim() || null;
    if (!isLoopback(flags.host) && !token) {
      cmd.error(`error: refusing to listen on ${flags.host} without a token: pass --token or set BELLWETHER_TOKEN, or listen on 127.0.0.1`, { exitCode: 2 });
    }
    const log = (line: string) => process.stdout.write(line + "\n");
    const settings = flags.watch ? watchSettings(cmd, flags, log) : null;
    const config = loadConfig({ db: flags.db });
    const store = await openStore({ path: config.db });
    try {
      if (flags.demo) {
        const started = Date.now();
        const load = await loadDemo(store);
        if (load.loaded && load.summary) {
          const s = load.summary;
          process.stdout.write(`loaded the demo into ${config.db}: ${s.new} new, ${s.near_duplicate} near-duplicate, ${s.failed.length} failed articles; ${load.questions} questions (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        } else process.stdout.write(`the demo is already in ${config.db}\n`);
      }
      // Before listening: what the API serves is never derived state an interrupted write left behind.
      await repairAtStart(store, (line) => process.stdout.write(line), settings?.asOf);
      const app = await buildServer({ store, token, webRoot: WEB_ROOT, logger: { level: "warn" }, baseUrl: flags.baseUrl ?? null });
      await app.listen({ port, host: flags.host });
      const addr = app.server.address();
      const bound = typeof addr === "object" && addr ? addr.port : port;
      const shown = flags.host.includes(":") ? `[${flags.host}]` : flags.host;
      process.stdout.write(`bellwether is serving ${config.db} at http://${shown}:${bound}/ (API: /api/openapi.json)${token ? "; write routes need the bearer token" : ""}\n`);
      const controller = new AbortController();
      let loop: Promise<unknown> = Promise.resolve();
      if (settings) {
        const problem = await applyConfigRules(store, settings.rules, settings.configPath);
        if (problem) {
          process.stderr.write(`bellwether: ${problem}\n`);
          await app.close();
          await store.close();
          setStatus(2);
          return;
        }
        // The loop shares the server's store; it stops between polls, before the store closes.
        loop = watchFeeds(store, { ...settings, signal: controller.signal }).catch((err) => {
          process.stderr.write(`bellwether: the watch loop stopped: ${err instanceof Error ? err.message : String(err)}\n`);
        });
        log(`watching the followed feeds every ${flags.every}`);
      }
      const stop = async () => {
        controller.abort();
        await loop;
        await app.close();
        await store.close();
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
      setStatus(0);
    } catch (err) {
      await store.close();
      throw err;
    }
  });
}
