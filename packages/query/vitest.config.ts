import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The evaluation test runs the whole labelled set through ask(); it is CPU-bound, not I/O-bound.
    testTimeout: 30_000,
  },
});
