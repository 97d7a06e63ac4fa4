import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests talk to real Redis and spawn a child process; a hung wait should fail, not stall CI.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
