// `bellwether alert add|list|remove|check` and `bellwether alerts`: rules over the ledger, and the alerts they raised.
import type { Command } from "commander";
import { addAlertRule, AlertRuleError, checkAlerts, parseAlertRule, readAlertRules, readAlerts, removeAlertRule, ALERT_KINDS } from "../../app/alerts.js";
import { DEFAULT_BASE_URL } from "../../app/claim-text.js";
import { ConfigError, loadConfig, loadConfigFile } from "../../app/config.js";
import { openStore, type Store } from "../../store/index.js";
import { applyConfigRules } from "./watch.js";
import { usage } from "./options.js";
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

/** Adds `alert …` and `alerts` to the program. */
export function registerAlerts(program: Command, setStatus: (code: number) => void): void {
  const alert = program.command("alert").description("alert rules: add, list, remove, check now");
  const dbOption = ["--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)"] as const;

  alert
    .command("add")
    .description("add a rule; it raises alerts from now on (history raises none)")
    .argument("<kind>", ALERT_KINDS.join(" | "))
    .option("--id <id>", "a name for the rule (default: derived from its settings)")
    .option("--question <id>", "question_moves: one question (default: all)")
    .option("--points <n>", "question_moves: least move in percentage points (default 10)")
    .option("--story <id>", "claim_status, new_origin, story_grows: one story (default: all)")
    .option("--claim <id>", "claim_status, new_origin: one claim")
    .option("--to <status>", "claim_status: only changes to this status; repeatable", (v: string, all: string[] = []) => [...all, v])
    .option("--articles <n>", "story_grows: how many new articles (default 5)")
    .option("--webhook <url>", "also POST each alert as JSON to this address (retried on failure)")
    .option("--allow-private-webhook", "the webhook is on this machine or a private network, on purpose")
    .option(...dbOption)
    .action(async (kind: string, flags: Flags & Record<string, string | string[] | boolean | undefined>, cmd: Command) => {
      const num = (name: string) => {
        const v = flags[name];
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isFinite(n)) usage(cmd, `--${name} must be a number, got "${v}"`);
        return n;
      };
      const raw: Record<string, unknown> = { kind, id: flags.id, question: flags.question, points: num("points"), story: flags.story, claim: flags.claim, to: flags.to, articles: num("articles"), webhook: flags.webhook, webhook_private: flags.allowPrivateWebhook ? true : undefined };
      for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
      let input;
      try {
        input = parseAlertRule(raw, "alert add");
      } catch (err) {
        if (err instanceof AlertRuleError) usage(cmd, err.problems.join("; "));
        throw err;
      }
      const rule = await withStore(flags, (store) => addAlertRule(store, input));
      process.stdout.write(flags.json ? JSON.stringify(rule, null, 2) + "\n" : `added rule ${rule.id} (${rule.kind})\n`);
      setStatus(0);
    });

  alert
    .command("list")
    .description("the alert rules, from the config and the command line")
    .option(...dbOption)
    .option("--json", "print the rules as JSON")
    .action(async (flags: Flags) => {
      const rules = await withStore(flags, (store) => readAlertRules(store));
      if (flags.json) process.stdout.write(JSON.stringify(rules, null, 2) + "\n");
      else process.stdout.write(rules.length ? table(["id", "kind", "settings", "webhook", "from"], rules.map((r) => [r.id, r.kind, JSON.stringify(r.params), r.webhook ?? "", r.origin])) : "no alert rules\n");
      setStatus(0);
    });

  alert
    .command("remove")
    .description("remove a rule")
    .argument("<id>", "the rule's id")
    .option(...dbOption)
    .action(async (id: string, flags: Flags) => {
      const done = await withStore(flags, (store) => removeAlertRule(store, id));
      if (done) process.stdout.write(`removed rule ${id}\n`);
      else process.stderr.write(`bellwether: no alert rule "${id}"\n`);
      setStatus(done ? 0 : 1);
    });

  alert
    .command("check")
    .description("check every rule against the ledger now and deliver what they raise")
    .option("--config <file>", "settings file with alert rules (default: $BELLWETHER_CONFIG or ./bellwether.yaml)")
    .option("--base-url <url>", "the server address alert links point to")
    .option(...dbOption)
    .action(async (flags: Flags & { config?: string; baseUrl?: string }, cmd: Command) => {
      let config;
      try {
        config = loadConfigFile(flags.config);
      } catch (err) {
        if (err instanceof ConfigError) usage(cmd, err.message);
        throw err;
      }
      const baseUrl = (flags.baseUrl ?? config.base_url ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
      const log = (line: string) => process.stdout.write(line + "\n");
      const raised = await withStore(flags, async (store) => {
        const problem = await applyConfigRules(store, config.alerts, config.path);
        if (problem) usage(cmd, problem);
        return checkAlerts(store, { baseUrl, log });
      });
      if (raised.length === 0) log("no alerts");
      setStatus(0);
    });

  program
    .command("alerts")
    .description("the alerts raised, newest first, each with the evidence behind it")
    .option("--limit <n>", "how many (default 20)", "20")
    .option(...dbOption)
    .option("--json", "print the alerts as JSON")
    .action(async (flags: Flags & { limit: string }, cmd: Command) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) usage(cmd, `--limit must be 1–1000, got "${flags.limit}"`);
      const alerts = await withStore(flags, (store) => readAlerts(store, limit));
      if (flags.json) process.stdout.write(JSON.stringify(alerts, null, 2) + "\n");
      else if (alerts.length === 0) process.stdout.write("no alerts\n");
      else
        for (const a of alerts) {
          process.stdout.write(`${a.at} ${a.kind} ${a.title}\n  ${a.body}\n`);
          for (const e of a.evidence) process.stdout.write(`  - ${e.sentence ? `"${e.sentence}" ` : ""}(${e.outlet ?? "unknown outlet"}, ${e.published ?? "undated"}) ${e.path}\n`);
        }
      setStatus(0);
    });
}
