import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // PGlite boots PostgreSQL in WASM (initdb on a fresh directory): seconds, more when files run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
