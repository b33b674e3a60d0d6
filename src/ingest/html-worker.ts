// A worker thread that reads HTML pages for the bounded reader: one page at a time, each answer posted back.
import { parentPort } from "node:worker_threads";
import { parseHtmlDocument } from "./html.js";
import type { HtmlJob, HtmlReply } from "./html-reader.js";

const port = parentPort!;
port.on("message", (job: HtmlJob) => {
  let reply: HtmlReply;
  try {
    reply = { seq: job.seq, ok: true, article: parseHtmlDocument(job.html, job.opts) };
  } catch (err) {
    reply = { seq: job.seq, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
// Loading linkedom and Readability takes a moment: the budget of the first page starts once they are in.
parseHtmlDocument("<p>warm</p>");
port.postMessage({ ready: true } satisfies HtmlReply);
