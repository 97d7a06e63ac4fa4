import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Extraction tests fork real child processes (pdf.js, mammoth); a hung child must fail, not stall CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: { provider: "v8", include: ["src/**"], reporter: ["text-summary"] },
  },
});
