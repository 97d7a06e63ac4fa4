import { defineConfig } from "vitest/config";

// Every test here runs promtool or kustomize as a child process and validates what it prints: seconds of
// CPU on a loaded CI machine, so the per-test budget is generous; none of them asserts a duration.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 } });
