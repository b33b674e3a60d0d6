// The web-safety layer on a real server on loopback: content types, Origin and Host, per-client limits, bounded paging,
// ranges and question dates.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/app/demo.js";
import { buildServer } from "../src/serve/api/server.js";
import { openStore, type Store } from "../src/store/index.js";

const TODAY = "2026-01-15";
const QUESTION = (id: string, opens = "2025-10-01", deadline = "2025-12-31") =>
  `id: ${id}\ntitle: Will the two leaders meet?\nopens: ${opens}\ndeadline: ${deadline}\nprior: 0.3\nevent:\n  type: meeting\n  participants: [United States, China]\n`;

let dir: string;
let store: Store;
let app: FastifyInstance;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly the headers given (Host included), as a browser or a rebinding page would send it. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bw-guard-"));
  store = await openStore({ path: join(dir, "guard.db") });
  await loadDemo(store, TODAY);
  app = await buildServer({ store, today: () => TODAY, baseUrl: "https://ledger.example.org", guard: { maxConcurrent: 8, ratePerSecond: 20, burst: 40 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
}, 120_000);

afterAll(async () => {
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("writes from other pages", () => {
  it("refuses a cross-origin text/plain question, the request a browser sends without asking first", async () => {
    const before = await send("GET", "/api/questions/meet-by-2018-06-30");
    const res = await send("POST", "/api/questions", { "content-type": "text/plain", origin: "https://evil.example" }, QUESTION("meet-by-2018-06-30"));
    expect(res.status).toBe(403);
    const same = await send("POST", "/api/questions", { "content-type": "text/plain" }, QUESTION("meet-by-2018-06-30"));
    expect(same.status).toBe(415);
    expect(JSON.parse(same.body).message).toMatch(/application\/json or application\/yaml/);
    expect((await send("GET", "/api/questions/meet-by-2018-06-30")).body).toBe(before.body);
  });

  it.each([["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], [""]])("refuses a write sent as %j", async (type) => {
    const res = await send("POST", "/api/extract", type ? { "content-type": type } : {}, "text=hello");
    expect(res.status).toBe(415);
  });

  it("takes a write from its own origin, loopback or the configured public name", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, "https://ledger.example.org"]) {
      const res = await send("POST", "/api/extract", { "content-type": "application/json", origin }, JSON.stringify({ text: "Officials said the talks would resume." }));
      expect(res.status, origin).toBe(200);
    }
    expect((await send("POST", "/api/extract", { "content-type": "application/json", origin: "null" }, "{}")).status).toBe(403);
  });
});

describe("hosts", () => {
  it.each([["evil.example"], [`rebind.attacker.example:${"8080"}`], ["ledger.example.org.evil.example"], ["bad host"]])("refuses Host %j, as a rebinding page sends it", async (host) => {
    const res = await send("GET", "/api/questions", { host });
    expect(res.status).toBe(421);
  });
  it.each([["localhost"], ["127.0.0.1"], ["[::1]:80"], ["ledger.example.org"], ["192.168.1.20:8080"]])("answers Host %j", async (host) => {
    expect((await send("GET", "/api/access", { host })).status).toBe(200);
  });
});

describe("bounds", () => {
  it("caps a replay's range and refuses dates that are not calendar days", async () => {
    const far = await send("GET", "/api/questions/meet-by-2018-06-30/replay?from=0001-01-01&to=9999-12-31");
    expect(far.status).toBe(400);
    expect(JSON.parse(far.body).message).toMatch(/querystring.from: .*outside 1900-01-01 to 2100-12-31/);
    const long = await send("GET", "/api/questions/meet-by-2018-06-30/replay?from=1900-01-01&to=2100-12-31");
    expect(long.status).toBe(400);
    for (const bad of ["2025-13-45", "2025-02-30", "0000-00-00"]) {
      const res = await send("GET", `/api/questions/meet-by-2018-06-30?as_of=${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });

  it("pages /api/claims with a bounded limit and a total", async () => {
    const all = await send("GET", "/api/claims");
    expect(all.status).toBe(200);
    const total = Number(all.headers["x-total-count"]);
    expect(total).toBeGreaterThan(3);
    const page = await send("GET", "/api/claims?limit=2&offset=1");
    expect(JSON.parse(page.body).map((c: { id: string }) => c.id)).toEqual(JSON.parse(all.body).slice(1, 3).map((c: { id: string }) => c.id));
    expect((await send("GET", "/api/claims?limit=100000")).status).toBe(400);
  });

  it.each([["/api/articles?offset=99999999999999999999"], ["/api/articles?offset=1e30"], ["/api/articles?offset=-1"], ["/api/search?q=summit&offset=9007199254740993"]])("answers a huge or negative offset with 400, not 500: %s", async (url) => {
    const res = await send("GET", url);
    expect(res.status).toBe(400);
  });

  it("refuses a question that opens in year 1 or runs for centuries, naming the field", async () => {
    const early = await send("POST", "/api/questions", { "content-type": "application/yaml" }, QUESTION("ancient", "0001-01-01"));
    expect(early.status).toBe(400);
    expect(JSON.parse(early.body).message).toMatch(/^opens: "0001-01-01" is outside/);
    const long = await send("POST", "/api/questions", { "content-type": "application/yaml" }, QUESTION("century", "1950-01-01", "2090-01-01"));
    expect(JSON.parse(long.body).message).toMatch(/deadline: 2090-01-01 is more than 3660 days after opens/);
    const bogus = await send("POST", "/api/questions", { "content-type": "application/yaml" }, QUESTION("bogus", "2025-02-30"));
    expect(JSON.parse(bogus.body).message).toMatch(/opens: "2025-02-30" is not a day: February 2025 has 28 days/);
  });
});

describe("per-client limits", () => {
  it("answers 429 with Retry-After under a burst, and serves again after", async () => {
    await new Promise((r) => setTimeout(r, 2500));
    const answers = await Promise.all(Array.from({ length: 120 }, () => send("GET", "/api/access")));
    const counts = answers.reduce<Record<number, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
    expect(counts[429]).toBeGreaterThan(0);
    expect(counts[200]).toBeGreaterThan(0);
    expect(answers.find((a) => a.status === 429)!.headers["retry-after"]).toMatch(/^\d+$/);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await send("GET", "/api/access")).status).toBe(200);
  });

  it("counts a request its client abandoned out of the client's share", async () => {
    await new Promise((r) => setTimeout(r, 2500));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        new Promise<void>((resolve) => {
          const req = request({ host: "127.0.0.1", port, path: "/api/claims", headers: { host: "localhost" } });
          req.on("error", () => resolve());
          req.end(() => setTimeout(() => (req.destroy(), resolve()), 5));
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 2500));
    // As many at once as one client may have in progress: none refused, so none of the abandoned ones still counts.
    const answers = await Promise.all(Array.from({ length: 8 }, () => send("GET", "/api/claims?limit=1")));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  });
});
