import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The embedded PostgreSQL server runs initdb on a fresh directory: seconds on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
