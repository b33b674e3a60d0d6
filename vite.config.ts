// Builds the web UI from src/serve/web into dist/web, which `bellwether serve` serves at /.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./src/serve/web/", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web/", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  // During UI work, `npx vite` proxies the API to a running `bellwether serve`.
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
