// A real HTTP server on loopback for tests: routes by path, records every request, closes even with clients hanging.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface TestServer {
  base: string;
  port: number;
  /** Every request seen: method, path and headers. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage["headers"]; body: string }>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Starts a server on 127.0.0.1 with a free port. */
export async function startServer(handler: Handler, host = "127.0.0.1"): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts).toString("utf8");
      requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
