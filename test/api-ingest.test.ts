// A submission's write waits for the store's write lock when SQLite answers BEGIN with SQLITE_BUSY before its own busy
// timeout, and still fails for any other error or a lock held past the wait.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beginWhenFree, storeSubmission } from "../src/app/api-ingest.js";
import { contentId } from "../src/extract/ids.js";
import { createLinker } from "../src/app/link.js";
import { readArticle } from "../src/app/read.js";
import { findArticleByHash, openStore, type Store } from "../src/store/index.js";
import { contentHash } from "../src/app/ingest.js";

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bellwether-api-ingest-"));
  store = await openStore({ path: join(dir, "store.db") });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The store, with BEGIN answered as `fail` says for the first `times` writes.
function refusing(times: number, fail: () => Error): Store & { tries: number } {
  const wrapped = Object.create(store) as Store & { tries: number };
  wrapped.tries = 0;
  wrapped.beginBatch = async () => {
    wrapped.tries++;
    if (wrapped.tries <= times) throw fail();
    return store.beginBatch();
  };
  return wrapped;
}

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("a submission's write", () => {
  it("is stored once the write lock is free, after SQLite answered BEGIN busy", async () => {
    const text = "SEOUL, Jan. 14 (Korea Daily Wire) - South Korea and Japan will hold talks in Tokyo next week, officials said on Wednesday.";
    const reading = readArticle({ id: contentId(text), text, date: "2026-01-14", title: "Talks in Tokyo", outlet: "Korea Daily Wire" });
    const flaky = refusing(3, busy);
    const event = await storeSubmission(flaky, "busy-1", reading, { now: () => new Date("2026-01-14T12:00:00Z"), link: createLinker() });
    expect(event.outcome).toBe("new");
    expect(flaky.tries).toBe(4);
    expect((await findArticleByHash(store.db, contentHash(text)))?.id).toBe(event.id);
  });

  it("fails at once for another error, and with the busy error when the lock stays held past the wait", async () => {
    const broken = refusing(1, () => Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" }));
    await expect(beginWhenFree(broken)).rejects.toThrow(/disk I\/O error/);
    expect(broken.tries).toBe(1);
    const held = refusing(Number.POSITIVE_INFINITY, busy);
    const t = performance.now();
    await expect(beginWhenFree(held, 300)).rejects.toThrow(/database is locked/);
    expect(performance.now() - t).toBeGreaterThanOrEqual(100);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(held.tries).toBeGreaterThan(2);
  });
});
