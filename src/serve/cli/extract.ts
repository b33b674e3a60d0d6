// `bellwether extract`: one document (--json FILE|-) or JSON Lines on stdin (--jsonl), printed to the extraction contract.
import type { Command } from "commander";
import { once } from "node:events";
import type { ArticleInput } from "../../domain/extraction.js";
import { extract } from "../../extract/index.js";
import { DEFAULT_MAX_BYTES, loadDocument, parseJsonlLine } from "../../ingest/index.js";
import { isIsoDate } from "../../ingest/dates.js";
import { type Line, readLines } from "../../ingest/lines.js";

interface ExtractOptions {
  json?: string;
  jsonl?: boolean;
  date?: string;
  outlet?: string;
  title?: string;
}

/** The reader of our output went away (`… | head`): stop quietly, there is no one left to tell. */
class OutputClosed extends Error {}
let outputClosed = false;

function watchOutput(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") process.stderr.write(`bellwether extract: cannot write the output: ${err.message}\n`);
    outputClosed = true;
  });
}

/** Writes and waits when the pipe is full, so a long batch never piles up output in memory. */
async function write(text: string): Promise<void> {
  if (outputClosed) throw new OutputClosed();
  if (!process.stdout.write(text)) {
    // `once` rejects on "error"; the error itself is handled by watchOutput.
    await Promise.race([once(process.stdout, "drain"), once(process.stdout, "close")]).catch(() => undefined);
  }
  if (outputClosed) throw new OutputClosed();
}

function reportError(input: string, error: string): void {
  process.stderr.write(`bellwether extract: ${input === "-" ? "stdin" : input}: ${error}\n`);
}

/** One document in, one JSON object out; 1 when the document could not be read. */
async function extractOne(file: string, opts: ExtractOptions): Promise<number> {
  const loaded = await loadDocument(file, { date: opts.date, outlet: opts.outlet, title: opts.title });
  if (!loaded.ok) {
    reportError(loaded.input, loaded.error);
    return 1;
  }
  let out: string;
  try {
    out = JSON.stringify(extract(loaded.doc.article), null, 2);
  } catch (err) {
    reportError(loaded.doc.input, `extraction failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  await write(out + "\n");
  return 0;
}

/** One JSON Lines record to its output line, or the id and reason when it cannot be read or extracted. */
function extractLine(line: Line, opts: ExtractOptions): { json: string } | { id: string | null; error: string } {
  if ("error" in line) return { id: null, error: line.error };
  const parsed = parseJsonlLine(line.text, `stdin:${line.number}`);
  if (!parsed.ok) return { id: parsed.id ?? null, error: parsed.error };
  const article: ArticleInput = {
    ...parsed.doc.article,
    date: parsed.doc.article.date ?? opts.date ?? null,
    outlet: parsed.doc.article.outlet ?? opts.outlet ?? null,
    title: parsed.doc.article.title ?? opts.title ?? null,
  };
  try {
    return { json: JSON.stringify(extract(article)) };
  } catch (err) {
    return { id: article.id ?? null, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * JSON Lines in on stdin, one JSON object out per line, in input order and as each line is read. A bad line gives
 * {"id", "error"} and the run goes on; 1 when any line failed. --date/--outlet/--title fill in what a line leaves out.
 */
async function extractLines(opts: ExtractOptions): Promise<number> {
  let failed = 0;
  for await (const line of readLines(process.stdin, DEFAULT_MAX_BYTES)) {
    if ("text" in line && line.text.trim() === "") continue;
    const result = extractLine(line, opts);
    if ("json" in result) {
      await write(result.json + "\n");
      continue;
    }
    failed++;
    reportError(`line ${line.number}`, result.error);
    await write(JSON.stringify({ id: result.id, error: `line ${line.number}: ${result.error}` }) + "\n");
  }
  if (failed > 0) process.stderr.write(`bellwether extract: ${failed} line${failed === 1 ? "" : "s"} failed\n`);
  return failed > 0 ? 1 : 0;
}

/** Registers `extract`; exit status 0 when every input was read, 1 when some input failed, 2 on a usage error. */
export function registerExtract(program: Command, setStatus: (code: number) => void): void {
  program
    .command("extract")
    .description("read one article (--json FILE|-) or JSON Lines on stdin (--jsonl) and print its extraction as JSON")
    .option("--json <file>", "one document (.txt, .md, .html, a URL, or - for stdin) in, one JSON object out")
    .option("--jsonl", 'JSON Lines in on stdin ({"id", "text", "date"?, "title"?, "outlet"?, "url"?}), one JSON object out per line')
    .option("--date <YYYY-MM-DD>", "document creation time (otherwise the dateline, then the document's metadata)")
    .option("--outlet <name>", "outlet name, overriding the document's")
    .option("--title <title>", "title, overriding the document's")
    .addHelpText(
      "after",
      "\nExit status: 0 when every input was read, 1 when some input failed (the rest is still printed), 2 on a usage error.",
    )
    .action(async (opts: ExtractOptions, command: Command) => {
      if (opts.json !== undefined && opts.jsonl) {
        command.error("error: give either --json FILE or --jsonl, not both", { exitCode: 2, code: "bellwether.usage" });
      }
      if (opts.json === undefined && !opts.jsonl) {
        command.error("error: extract needs --json FILE|- (one document) or --jsonl (JSON Lines on stdin)", {
          exitCode: 2,
          code: "bellwether.usage",
        });
      }
      if (opts.date !== undefined && !isIsoDate(opts.date)) {
        command.error(`error: --date must be a calendar date YYYY-MM-DD, got '${opts.date}'`, {
          exitCode: 2,
          code: "bellwether.usage",
        });
      }
      watchOutput();
      try {
        setStatus(opts.jsonl ? await extractLines(opts) : await extractOne(opts.json as string, opts));
      } catch (err) {
        if (!(err instanceof OutputClosed)) throw err;
      }
    });
}
