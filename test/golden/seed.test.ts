// The whole extraction of the seed article, through the real CLI, against the reviewed golden file.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_CASES } from "../../scripts/update-golden.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const SHARED = resolve(ROOT, "..", "shared");

describe("golden extractions", () => {
  for (const c of GOLDEN_CASES) {
    it.skipIf(!existsSync(SHARED))(`bellwether ${c.args.join(" ")} matches ${c.expected}`, () => {
      const run = spawnSync(process.execPath, [join(ROOT, "bin", "bellwether.js"), ...c.args], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const expected = JSON.parse(readFileSync(join(ROOT, c.expected), "utf8"));
      // On an intended change: npx tsx scripts/update-golden.ts, then review the diff of the expected file.
      expect(JSON.parse(run.stdout)).toEqual(expected);
    });
  }
});
