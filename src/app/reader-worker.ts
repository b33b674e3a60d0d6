// A worker thread of the reader pool: reads the documents it is sent, one at a time, and posts each reading back —
// unless the calling thread claimed the document first, which the shared flag tells.
import { parentPort, workerData } from "node:worker_threads";
import { readArticle } from "./read.js";
import { FLAG, packReading, type ReaderJob, type ReaderReply, type ReaderWorkerData } from "./reader-pool.js";

const port = parentPort!;
const flags = new Int32Array((workerData as ReaderWorkerData).flags);
const packed = (workerData as ReaderWorkerData).packed;
const send = (reply: ReaderReply) => port.postMessage(reply);

port.on("message", (job: ReaderJob) => {
  if (Atomics.compareExchange(flags, job.slot, FLAG.FREE, FLAG.WORKER) !== FLAG.FREE) {
    send({ seq: job.seq, skipped: true });
    return;
  }
  try {
    const reading = readArticle(job.input);
    if (packed) {
      // Handed over, not copied: the bytes are the reading's own.
      const bytes = packReading(reading);
      port.postMessage({ seq: job.seq, ok: true, reading: bytes } satisfies ReaderReply, [bytes.buffer as ArrayBuffer]);
    } else send({ seq: job.seq, ok: true, reading });
  } catch (err) {
    send({ seq: job.seq, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});

// Load the tokenizer model and every lexicon before asking for work, so the first document is not slow to come back.
readArticle({ id: "warm-up", text: "SEOUL, Oct. 18 - Officials said the two leaders could meet in Gyeongju next week.", date: "2025-10-18" });
send({ ready: true });
