import { defineConfig } from "vitest/config";

// Round trips fork the documents extraction child per file: allow for a busy machine.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
