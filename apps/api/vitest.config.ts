import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files start servers and child processes; run files one at a time on this 2-core box.
    fileParallelism: false,
    // One process runs every file, loading the API's module graph once instead of once per file (that
    // load was about 30% of the suite's time). Each file still gets its own API, database and Redis
    // prefix from the harness; process-global state is limited to what a file sets up and tears down
    // (the tracing test helper unregisters its global provider on shutdown).
    isolate: false,
  },
});
