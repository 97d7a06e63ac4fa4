import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests talk to real Postgres and Redis; a hung wait should fail, not stall CI forever.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
