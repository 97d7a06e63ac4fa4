import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Password hashing (scrypt) and PGlite's WASM boot make single tests take seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
