import type { DbKind } from "./database";
import { createTestDatabase, createTestPglite, type TestDatabase, type TestPglite } from "./testing";

/** Test support: every integration suite runs once per driver through this list. */
export const testDrivers: {
  kind: DbKind;
  open(options?: { migrate?: boolean }): Promise<TestDatabase | TestPglite>;
}[] = [
  { kind: "postgres", open: createTestDatabase },
  { kind: "pglite", open: createTestPglite },
];
