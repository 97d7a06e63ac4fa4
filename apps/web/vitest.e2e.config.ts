import { defineConfig } from "vitest/config";

// Browser specs start the real product and a real Chromium, so they run one file at a time with generous
// timeouts: a cold embedded boot (initdb, migrations, loading the API) alone takes several seconds.
export default defineConfig({
  test: {
    include: ["e2e/**/*.spec.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 420_000,
    fileParallelism: false,
    retry: 0,
  },
});
