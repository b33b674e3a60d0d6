// What the browser tests share: a demo store served with the built UI on loopback, Debian's chromium driven by
// playwright-core, and axe-core run offline inside the page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadDemo } from "../../src/app/demo.js";
import { buildServer } from "../../src/serve/api/server.js";
import { openStore, type Store } from "../../src/store/index.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WEB_ROOT = join(ROOT, "dist/web");
export const SHOTS = join(ROOT, "screenshots");
export const LAPTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A served demo store and a browser. */
export interface WebRig {
  store: Store;
  app: FastifyInstance;
  base: string;
  browser: Browser;
  /** Errors the pages logged; tests end by asserting there were none. */
  errors: string[];
  /** A fresh page of the given size that records its errors. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Starts the server over a fresh demo store (with `token`, writes need it) and launches chromium. */
export async function startRig(opts: { token?: string } = {}): Promise<WebRig> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" — the UI tests need a real browser`);
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error(`the web UI is not built (no ${WEB_ROOT}/index.html): run "npx vite build" first`);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "bellwether-web-"));
  const store = await openStore({ path: join(dir, "web.db") });
  await loadDemo(store);
  const app = await buildServer({ store, webRoot: WEB_ROOT, token: opts.token ?? null });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  if (!addr || typeof addr === "string") throw new Error("server did not bind a TCP port");
  const base = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const errors: string[] = [];
  return {
    store,
    app,
    base,
    browser,
    errors,
    async page(viewport = LAPTOP) {
      const page = await browser.newPage({ viewport });
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on("console", (m) => {
        // A page that answers 404 on purpose logs its own status; that is not an error of the UI.
        if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON from the rig's API. */
export async function apiJson<T = any>(rig: WebRig, path: string): Promise<T> {
  const res = await fetch(rig.base + path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Waits until a page has drawn its content: its heading is there and nothing is loading. */
export async function ready(page: Page): Promise<void> {
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(() => !document.querySelector(".loading"));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core violation, in brief. */
export interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2.0–2.2 A and AA, and best practice) and returns its violations. */
export async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the debugging protocol, which the page's content security policy does not govern.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } };
    const r = await w.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** How far the page is wider than the screen, in pixels (0 when it fits). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
