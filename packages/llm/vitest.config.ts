import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests talk to real Redis and a loopback HTTP server; a hung wait should fail, not stall CI.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
