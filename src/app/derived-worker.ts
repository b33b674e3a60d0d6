// A derived-work thread of the server: its own connection to the store, on which it refreshes stories and forecasts,
// works out kept reads, or stores and links submitted articles, one request at a time, answering each.
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../store/index.js";
import type { DerivedReply, DerivedRequest, DerivedWorkerData } from "./derived.js";
import { storeSubmission } from "./api-ingest.js";
import { createLinker } from "./link.js";
import { unpackReading } from "./reader-pool.js";
import { repairDerived } from "./repair.js";
import { computeRead, keepRead } from "./snapshot-reads.js";
import { lowerThreadPriority } from "../workers.js";

const port = parentPort!;
const data = workerData as DerivedWorkerData;
if (data.background) lowerThreadPriority();
// Requests that arrive while the store opens wait for it.
const opening = openStore({ path: data.path });
let queue: Promise<void> = Promise.resolve();
// Kept from one stored submission to the next, as a run of `ingest` keeps it, when this thread stores submissions.
let linker: ReturnType<typeof createLinker> | null = null;

port.on("message", (req: DerivedRequest) => {
  queue = queue.then(async () => {
    let reply: DerivedReply;
    try {
      const store = await opening;
      if ("refresh" in req) {
        // Each stored article marked stories and forecasts stale; bringing them up to date is the start-up repair.
        await repairDerived(store, req.refresh.asOf);
        reply = { id: req.id, ok: true };
      } else if ("store" in req) {
        linker ??= createLinker();
        const at = new Date(req.store.now);
        reply = { id: req.id, ok: true, result: await storeSubmission(store, req.store.input, unpackReading(req.store.reading), { now: () => at, link: linker }) };
      } else reply = { id: req.id, ok: true, result: keepRead(await computeRead(store, req.read)) };
    } catch (err) {
      reply = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
});
