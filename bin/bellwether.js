#!/usr/bin/env node
// Entry point of the `bellwether` command: runs the compiled CLI.
import { main } from "../dist/serve/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bellwether: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
