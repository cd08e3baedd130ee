import { defineConfig } from "vitest/config";

// The tutor serves dist/ at "/" from the Triage ingress; in `npm run dev` Vite proxies the
// API to a local `serve run` so the app stays same-origin in both cases.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    proxy: {
      "/v1": { target: "http://127.0.0.1:8000", changeOrigin: false },
      "/healthz": { target: "http://127.0.0.1:8000" },
      "/readyz": { target: "http://127.0.0.1:8000" },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
  },
});
