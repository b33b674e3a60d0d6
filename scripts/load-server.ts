// The server under `npm run load`: a real server on loopback over the store the load script prepared, with the
// per-client limits lifted (the load generator is one client; the limits are tested on their own in test/guard.test.ts).
import { buildServer } from "../src/serve/api/server.js";
import { openStore } from "../src/store/index.js";

const [db, port] = process.argv.slice(2);
const store = await openStore({ path: db });
const app = await buildServer({ store, guard: { maxConcurrent: 100_000, ratePerSecond: 1e9, burst: 1e9 } });
await app.listen({ port: Number(port), host: "127.0.0.1" });
process.send?.("listening");
process.on("SIGTERM", () => void app.close().then(() => store.close()).then(() => process.exit(0)));
