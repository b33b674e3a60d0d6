import { describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/ingest.js";
import { readArticle } from "../src/app/read.js";
import { ReaderPool, unpackReading } from "../src/app/reader-pool.js";

const docs = generateCorpus(12, 777).map((a) => ({ id: a.id, text: a.text, date: a.date, title: a.title, outlet: a.outlet }));

describe("ReaderPool", () => {
  it("gives each document the reading the calling thread would, in the order asked for, on worker threads", async () => {
    const pool = new ReaderPool(2);
    try {
      const pending = docs.map((d) => pool.submit(d));
      // Give the workers time to start and take documents, so both paths (worker and caller) are exercised.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const readings = [];
      for (const p of pending) readings.push(await pool.take(p));
      expect(readings.map((r) => r.article.id)).toEqual(docs.map((d) => d.id));
      readings.forEach((r, i) => expect(r).toEqual(readArticle(docs[i])));
      expect(pool.read.workers).toBeGreaterThan(0);
      expect(pool.read.workers + pool.read.caller).toBe(docs.length);
    } finally {
      await pool.close();
    }
  });

  it("hands readings over packed when asked: bytes that unpack to the reading, or the reading itself from take", async () => {
    const pool = new ReaderPool(1, { budgetMs: 20_000, packed: true });
    try {
      const [a, b] = [pool.submit(docs[0]), pool.submit(docs[1])];
      const packed = await pool.takePacked(a);
      expect(packed).toBeInstanceOf(Uint8Array);
      // Bytes of their own, so they can be handed to another thread without a copy.
      expect(packed.byteOffset).toBe(0);
      expect(packed.byteLength).toBe(packed.buffer.byteLength);
      expect(unpackReading(packed)).toEqual(readArticle(docs[0]));
      expect(await pool.take(b)).toEqual(readArticle(docs[1]));
      expect(pool.read.workers).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("reports a document that cannot be read without losing the others", async () => {
    const pool = new ReaderPool(1);
    try {
      const bad = { id: "bad", text: 42 as unknown as string };
      const pending = [pool.submit(docs[0]), pool.submit(bad), pool.submit(docs[1])];
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await expect(pool.take(pending[0])).resolves.toMatchObject({ article: { id: docs[0].id } });
      await expect(pool.take(pending[1])).rejects.toThrow();
      await expect(pool.take(pending[2])).resolves.toMatchObject({ article: { id: docs[1].id } });
    } finally {
      await pool.close();
    }
  });

  it("reads the documents of a worker that died on the calling thread, losing none", async () => {
    const pool = new ReaderPool(1);
    const many = generateCorpus(40, 4040).map((a) => ({ id: a.id, text: a.text, date: a.date }));
    try {
      const pending = many.map((d) => pool.submit(d));
      // The worker dies with documents in hand (as on running out of memory), soon after its first reading.
      const { workers } = pool as unknown as { workers: { worker: { terminate(): Promise<number> } }[] };
      for (let i = 0; i < 500 && pool.read.workers === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(pool.read.workers).toBeGreaterThan(0);
      await workers[0].worker.terminate();
      const readings = [];
      for (const p of pending) readings.push(await pool.take(p));
      readings.forEach((r, i) => expect(r).toEqual(readArticle(many[i])));
      expect(pool.read.caller).toBeGreaterThan(0);
      expect(pool.read.workers + pool.read.caller).toBe(many.length);
    } finally {
      await pool.close();
    }
  });

  it("reads on the calling thread when asked for no workers", async () => {
    const pool = new ReaderPool(0);
    const pending = docs.slice(0, 3).map((d) => pool.submit(d));
    for (const [i, p] of pending.entries()) expect((await pool.take(p)).article.id).toBe(docs[i].id);
    expect(pool.read).toEqual({ workers: 0, caller: 3 });
    await pool.close();
  });
});
