import { defineConfig } from "vitest/config";

// The browser spec drives a real Chromium: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ["e2e/**/*.spec.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    retry: 0,
  },
});
