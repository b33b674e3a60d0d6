import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNonPublicAddress } from "../src/ingest/net/addresses.js";
import { FetchError, httpRequest, USER_AGENT, type Resolver } from "../src/ingest/net/client.js";
import { startServer, type TestServer } from "./support/http.js";

describe("which addresses are public", () => {
  const refused = [
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.9", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "shared address space"],
    ["0.0.0.0", "this network"],
    ["198.18.0.1", "benchmarking"],
    ["203.0.113.7", "documentation"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::7f00:1", "IPv4-compatible"],
    ["::ffff:127.0.0.1", "IPv4-mapped, dotted"],
    ["::ffff:7f00:1", "IPv4-mapped, hex"],
    ["::ffff:8.8.8.8", "IPv4-mapped, even of a public address"],
    ["::ffff:0:a00:1", "IPv4-translated"],
    ["64:ff9b::a00:1", "NAT64"],
    ["64:ff9b::8.8.8.8", "NAT64, even of a public address"],
    ["64:ff9b:1::1", "local-use NAT64"],
    ["2002:7f00:1::1", "6to4"],
    ["2001:0:4136:e378::1", "Teredo"],
    ["2001:db8::1", "documentation"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["fec0::1", "site-local"],
    ["ff02::1", "multicast"],
    ["localhost", "not an address at all"],
  ];
  it.each(refused)("%s is refused (%s)", (address) => expect(isNonPublicAddress(address)).toBe(true));
  it.each(["93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001::1"])("%s is public", (address) =>
    expect(isNonPublicAddress(address)).toBe(false),
  );
});

describe("the client", () => {
  let server: TestServer;
  const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const path = req.url ?? "/";
      if (path === "/ok") res.writeHead(200, { "content-type": "text/plain" }).end("hello");
      else if (path === "/gzip") res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("packed hello"));
      else if (path === "/bomb") res.writeHead(200, { "content-encoding": "gzip", "content-length": bomb.length }).end(bomb);
      else if (path === "/corrupt") res.writeHead(200, { "content-encoding": "gzip" }).end(Buffer.from("this is not gzip at all"));
      else if (path === "/declared") res.writeHead(200, { "content-length": 50_000_000 }).write("x");
      else if (path === "/endless") {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
      } else if (path === "/hang") {
        // Headers never come.
      } else if (path === "/drip") {
        res.writeHead(200, { "content-type": "text/plain" });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(".")), 100);
      } else if (path === "/truncated") {
        res.writeHead(200, { "content-length": 1000 });
        res.write("only the start");
        setTimeout(() => res.destroy(), 20);
      } else if (path === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else if (path === "/to-file") res.writeHead(302, { location: "file:///etc/passwd" }).end();
      else if (path.startsWith("/to-host/")) res.writeHead(302, { location: decodeURIComponent(path.slice("/to-host/".length)) }).end();
      else res.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  const local = { allowPrivate: true };
  const message = async (p: Promise<unknown>) => {
    try {
      await p;
      return "ok";
    } catch (err) {
      expect(err).toBeInstanceOf(FetchError);
      return (err as Error).message;
    }
  };

  it("sends a real User-Agent and unpacks gzip", async () => {
    const res = await httpRequest(`${server.base}/gzip`, local);
    expect(res.body.toString()).toBe("packed hello");
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^bellwether\/\d+\.\d+\.\d+ /);
  });

  it("refuses a loopback server unless private addresses are allowed", async () => {
    const seen = server.requests.length;
    expect(await message(httpRequest(`${server.base}/ok`))).toBe("refused: 127.0.0.1 is not a public internet address");
    expect(await message(httpRequest(`http://[::1]:${server.port}/ok`))).toBe("refused: ::1 is not a public internet address");
    expect(await message(httpRequest(`http://[::ffff:127.0.0.1]:${server.port}/ok`))).toMatch(/^refused: ::ffff:7f00:1 is not a public/);
    expect(await message(httpRequest(`http://2130706433:${server.port}/ok`))).toBe("refused: 127.0.0.1 is not a public internet address");
    expect(server.requests.length).toBe(seen);
  });

  it("checks the addresses a name resolves to, once, and connects to the address it checked", async () => {
    const calls: string[] = [];
    const answers: Record<string, string[]> = { "feeds.example": ["127.0.0.1"], "mixed.example": ["127.0.0.1", "10.0.0.5"] };
    const resolve: Resolver = async (host) => {
      calls.push(host);
      return (answers[host] ?? []).map((address) => ({ address, family: 4 }));
    };
    // The name exists only in this resolver: reaching the server proves the socket used the checked answer.
    const res = await httpRequest(`http://feeds.example:${server.port}/ok`, { resolve, allowAddress: (a) => a === "127.0.0.1" });
    expect(res.body.toString()).toBe("hello");
    expect(calls).toEqual(["feeds.example"]);
    const seen = server.requests.length;
    expect(await message(httpRequest(`http://feeds.example:${server.port}/ok`, { resolve }))).toBe(
      "refused: feeds.example resolves to 127.0.0.1, not a public internet address",
    );
    expect(await message(httpRequest(`http://mixed.example:${server.port}/ok`, { resolve, allowAddress: (a) => a === "127.0.0.1" }))).toBe(
      "refused: mixed.example resolves to 10.0.0.5, not a public internet address",
    );
    expect(await message(httpRequest(`http://nowhere.example:${server.port}/ok`, { resolve }))).toBe("could not fetch: cannot resolve nowhere.example");
    expect(server.requests.length).toBe(seen);
  });

  it("never reaches a loopback server through a name that rebinds between lookups", async () => {
    // First answer public, every later one loopback: a client that resolves twice (check, then connect) is led inside.
    let lookups = 0;
    const resolve: Resolver = async () => [{ address: lookups++ === 0 ? "93.184.216.34" : "127.0.0.1", family: 4 }];
    const seen = server.requests.length;
    const outcome = await message(httpRequest(`http://rebind.example:${server.port}/ok`, { resolve, timeoutMs: 1500 }));
    expect(outcome).not.toBe("hello");
    expect(lookups).toBe(1);
    expect(server.requests.length).toBe(seen);
    // The same name looked up again for a second request is checked again, and now refused.
    expect(await message(httpRequest(`http://rebind.example:${server.port}/ok`, { resolve }))).toBe("refused: rebind.example resolves to 127.0.0.1, not a public internet address");
    expect(server.requests.length).toBe(seen);
  });

  it.each([["64:ff9b::7f00:1"], ["2002:7f00:1::1"], ["::7f00:1"], ["fec0::1"], ["::ffff:127.0.0.1"]])("refuses a name resolving to %s, a form that leads back inside", async (address) => {
    const resolve: Resolver = async () => [{ address, family: 6 }];
    expect(await message(httpRequest(`http://v6.example:${server.port}/ok`, { resolve }))).toMatch(/^refused: v6.example resolves to .*, not a public internet address$/);
  });

  it("cancels a body declared over the limit at once, without reading it", async () => {
    const t = performance.now();
    expect(await message(httpRequest(`${server.base}/declared`, { ...local, maxBytes: 1_000_000, timeoutMs: 10_000 }))).toBe("page is 47.7 MB, over the 976.6 kB limit");
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("checks every redirect hop again", async () => {
    const resolve: Resolver = async (host) => [{ address: host === "inside.example" ? "127.0.0.2" : "127.0.0.1", family: 4 }];
    const policy = { resolve, allowAddress: (a: string) => a === "127.0.0.1" };
    const hop = encodeURIComponent(`http://inside.example:${server.port}/ok`);
    expect(await message(httpRequest(`http://outside.example:${server.port}/to-host/${hop}`, policy))).toBe(
      "refused: inside.example resolves to 127.0.0.2, not a public internet address",
    );
    const literal = encodeURIComponent(`http://169.254.169.254/latest/meta-data/`);
    expect(await message(httpRequest(`http://outside.example:${server.port}/to-host/${literal}`, policy))).toBe(
      "refused: 169.254.169.254 is not a public internet address",
    );
    expect(await message(httpRequest(`${server.base}/to-file`, local))).toMatch(/^redirect to a non-web address/);
  });

  it("bounds redirects, time, size and unpacked size", async () => {
    const started = Date.now();
    const outcomes = {
      loop: await message(httpRequest(`${server.base}/loop`, local)),
      hang: await message(httpRequest(`${server.base}/hang`, { ...local, timeoutMs: 500 })),
      drip: await message(httpRequest(`${server.base}/drip`, { ...local, timeoutMs: 500 })),
      declared: await message(httpRequest(`${server.base}/declared`, { ...local, maxBytes: 1_000_000 })),
      endless: await message(httpRequest(`${server.base}/endless`, { ...local, maxBytes: 1_000_000 })),
      bomb: await message(httpRequest(`${server.base}/bomb`, { ...local, maxBytes: 1_000_000 })),
      corrupt: await message(httpRequest(`${server.base}/corrupt`, local)),
      truncated: await message(httpRequest(`${server.base}/truncated`, local)),
    };
    expect(outcomes).toEqual({
      loop: "more than 5 redirects",
      hang: "could not fetch: timed out after 0.5 s",
      drip: "could not fetch: timed out after 0.5 s",
      declared: "page is 47.7 MB, over the 976.6 kB limit",
      endless: "page is over the 976.6 kB limit",
      bomb: "page unpacks to over the 976.6 kB limit",
      corrupt: "could not fetch: the gzip body is corrupt",
      truncated: "could not fetch: the connection closed before the whole page arrived",
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("politeness per host", () => {
  it("runs one request at a time per host, with a pause between them, and other hosts alongside", async () => {
    const { HostGate } = await import("../src/ingest/net/hosts.js");
    const gate = new HostGate(150);
    const log: Array<[string, "start" | "end", number]> = [];
    const t0 = performance.now();
    const job = (url: string, ms: number) =>
      gate.run(url, async () => {
        log.push([url, "start", performance.now() - t0]);
        await new Promise((ok) => setTimeout(ok, ms));
        log.push([url, "end", performance.now() - t0]);
      });
    await Promise.all([job("http://a.example/1", 50), job("http://a.example/2", 50), job("http://b.example/1", 50)]);
    const at = (url: string, what: "start" | "end") => log.find((l) => l[0] === url && l[1] === what)![2];
    // The second request to a.example starts only after the first ended and the pause passed.
    expect(at("http://a.example/2", "start") - at("http://a.example/1", "end")).toBeGreaterThanOrEqual(140);
    // b.example did not wait for a.example.
    expect(at("http://b.example/1", "start")).toBeLessThan(at("http://a.example/1", "end"));
  });
});
