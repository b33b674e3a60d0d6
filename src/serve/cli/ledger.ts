// `bellwether claims`, `claim ID` and `stories`: the ledger's reads, as JSON per the contract or as readable tables.
import type { Command } from "commander";
import { loadConfig } from "../../app/config.js";
import { readClaim, readClaims, readStories } from "../../app/ledger.js";
import { rebuildStories } from "../../app/stories.js";
import { openStore, type ClaimView } from "../../store/index.js";
import { table } from "./table.js";

interface Flags {
  db?: string;
  json?: boolean;
  story?: string;
  rebuild?: boolean;
}

async function withStore<T>(flags: Flags, fn: (db: Awaited<ReturnType<typeof openStore>>["db"]) => Promise<T>): Promise<T> {
  const store = await openStore({ path: loadConfig({ db: flags.db }).db });
  try {
    return await fn(store.db);
  } finally {
    await store.close();
  }
}

const stageWords = (c: Pick<ClaimView, "stage" | "status">) => `${c.stage.replace("_", " ")}, ${c.status}`;
const originWords = (c: ClaimView) => `${c.origins.length} origin${c.origins.length === 1 ? "" : "s"}: ${c.origin_sides.for} for, ${c.origin_sides.against} against`;

function claimRows(claims: ClaimView[]): string[][] {
  return claims.map((c) => [c.id, stageWords(c), String(c.reports.length), `${c.origins.length} (${c.origin_sides.for}/${c.origin_sides.against})`, c.first_reported ?? "", c.statement]);
}

function claimDetail(c: ClaimView): string {
  const head = [
    c.statement,
    `claim ${c.id}: ${stageWords(c)}${c.historical ? " (history)" : ""}; ${c.summary}${c.cameo ? ` (CAMEO ${c.cameo})` : ""}`,
    `participants: ${c.participants.map((p) => p.name).join(", ") || "-"}${c.place ? `; place: ${c.place.name}` : ""}${c.when ? `; when: ${c.when}` : ""}`,
    `reported ${c.first_reported ?? "?"} to ${c.last_reported ?? "?"}; ${c.reports.length} reports, ${originWords(c)}`,
    `history: ${c.status_history.map((h) => `${h.stage.replace("_", " ")}, ${h.status} ${h.at}`).join(" → ")}`,
    "",
  ].join("\n");
  const origins = table(
    ["origin", "root", "reports", "first seen"],
    c.origins.map((o) => [o.id, o.root, String(o.reports.length), o.first_seen ?? ""]),
  );
  const reports = table(
    ["published", "outlet", "stance", "factuality", "trigger", "chain", "origin"],
    c.reports.map((r) => [r.published ?? "", r.outlet ?? "", `${r.stance}${r.background ? " (recap)" : ""}`, r.factuality, r.trigger, r.chain.join(" → ") || "(outlet's own)", r.origin ?? ""]),
  );
  return `${head}\n${origins}\n${reports}`;
}

/** Adds `claims`, `claim` and `stories` to the program. */
export function registerLedger(program: Command, setStatus: (code: number) => void): void {
  program
    .command("claims")
    .description("list the claims in the ledger with their status, report and origin counts")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--story <id>", "only the claims of one story")
    .option("--json", "print the contract's JSON array")
    .action(async (flags: Flags) => {
      const claims = await withStore(flags, (db) => readClaims(db, { storyId: flags.story }));
      if (flags.json) process.stdout.write(JSON.stringify(claims, null, 2) + "\n");
      else process.stdout.write(claims.length ? table(["id", "stage, status", "reports", "origins (for/against)", "first", "statement"], claimRows(claims)) : "no claims\n");
      setStatus(0);
    });

  program
    .command("claim")
    .description("show one claim: its reports, source chains, independent origins and status history")
    .argument("<id>", "claim id")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--json", "print the contract's JSON object")
    .action(async (id: string, flags: Flags) => {
      const claim = await withStore(flags, (db) => readClaim(db, id));
      if (!claim) {
        process.stderr.write(`bellwether: no claim with id "${id}"\n`);
        setStatus(1);
        return;
      }
      process.stdout.write(flags.json ? JSON.stringify(claim, null, 2) + "\n" : claimDetail(claim));
      setStatus(0);
    });

  program
    .command("stories")
    .description("list the stories: groups of articles about one developing happening")
    .option("--db <path>", "the store (default: $BELLWETHER_DB or ./bellwether.db)")
    .option("--json", "print the contract's JSON array")
    .option("--rebuild", "regroup every stored article from the first, in ingest order, before listing")
    .action(async (flags: Flags) => {
      if (flags.rebuild) {
        const store = await openStore({ path: loadConfig({ db: flags.db }).db });
        try {
          await rebuildStories(store);
        } finally {
          await store.close();
        }
      }
      const stories = await withStore(flags, (db) => readStories(db));
      if (flags.json) process.stdout.write(JSON.stringify(stories, null, 2) + "\n");
      else
        process.stdout.write(
          stories.length
            ? table(["id", "first", "last", "articles", "claims", "title"], stories.map((s) => [s.id, s.first_published ?? "", s.last_published ?? "", String(s.articles.length), String(s.claims.length), s.title]))
            : "no stories\n",
        );
      setStatus(0);
    });
}
