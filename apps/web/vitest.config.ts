import { defineConfig } from "vitest/config";

// Unit tests only: browser specs under e2e/ need a built app and a running product (see vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "dist/**"],
    environment: "node",
  },
});
