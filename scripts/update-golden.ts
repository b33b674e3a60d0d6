// Rewrites the golden files from the built CLI's current output; review the diff before keeping it.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Each golden case: the CLI arguments (relative to the repository root) and the file holding the expected output. */
export const GOLDEN_CASES = [
  {
    args: ["extract", "--json", "../shared/seed/trump-kim-2025-10-18.txt"],
    expected: "test/golden/seed.expected.json",
  },
];

function main(): number {
  if (!existsSync(join(ROOT, "dist", "serve", "cli", "main.js"))) {
    process.stderr.write("update-golden: build first (npm run build)\n");
    return 2;
  }
  for (const c of GOLDEN_CASES) {
    const run = spawnSync(process.execPath, [join(ROOT, "bin", "bellwether.js"), ...c.args], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      process.stderr.write(`update-golden: bellwether ${c.args.join(" ")} exited ${run.status}\n${run.stderr}`);
      return 1;
    }
    // Parsed and printed again, so the file's layout does not depend on how the CLI spaces its JSON.
    writeFileSync(join(ROOT, c.expected), JSON.stringify(JSON.parse(run.stdout), null, 2) + "\n");
    console.log(`wrote ${c.expected}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
