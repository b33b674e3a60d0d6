// Background WAL checkpoints for long write runs on a SQLite file. A commit that crosses the auto-checkpoint size copies
// the WAL into the database file and syncs it before returning, stalling the writer for a few hundred milliseconds; with
// a thread copying committed pages as they come, that commit has little left to do.
import type { Worker } from "node:worker_threads";
import { spawnWorker } from "../workers.js";

/** What the checkpoint thread is started with. */
export interface CheckpointWorkerData {
  path: string;
  intervalMs: number;
}

// Often enough that the writer's own checkpoint finds little to copy; each round costs one sync when there is work.
const INTERVAL_MS = 500;

/** A checkpoint thread for the SQLite file at `path`, started on first use and stopped with the store. */
export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private started = false;

  constructor(private readonly path: string) {}

  /** Starts the thread if it is not running; without a thread, the writer checkpoints as before. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const data: CheckpointWorkerData = { path: this.path, intervalMs: INTERVAL_MS };
    this.worker = spawnWorker(import.meta.url, "checkpoint-worker", data);
    this.worker?.on("error", () => (this.worker = null));
    this.worker?.unref();
  }

  /** Stops the thread and closes its connection, so that the store's last connection can checkpoint and remove the WAL. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    // Held on to while it closes: an unreferenced thread would let the process end before its caller goes on.
    worker.ref();
    worker.postMessage("stop");
    await exited;
  }
}
