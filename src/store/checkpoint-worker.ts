// A thread with its own connection to a SQLite store that copies committed WAL pages into the database file while
// another connection keeps writing, so that the writer's own checkpoints find little left to copy and to wait for.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { lowerThreadPriority } from "../workers.js";
import type { CheckpointWorkerData } from "./checkpoints.js";

lowerThreadPriority();
const { path, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(path, { timeout: 10_000 });
// PASSIVE never waits on or blocks the writer: it copies what is committed and leaves the rest for the next round.
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or locked for the moment: the next round tries again.
  }
};
const timer = setInterval(checkpoint, intervalMs);
parentPort!.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
