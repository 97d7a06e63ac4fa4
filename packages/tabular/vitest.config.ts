import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The edge corpus builds XLSX workbooks and multi-megabyte files on a shared, noisy machine.
    testTimeout: 60_000,
  },
});
