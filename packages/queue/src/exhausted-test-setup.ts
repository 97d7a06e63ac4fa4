import { randomBytes } from "node:crypto";
import { createWorkspaceWithOwner, type Database, users } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger, type Logger } from "@vitae/logger";
import { afterAll, beforeAll } from "vitest";

/**
 * Setup shared by the `onExhausted` integration tests (test-only; not in the package's exports).
 * Registers a fresh test database for the calling file and returns an accessor, because the
 * handle only exists once `beforeAll` has run.
 */
export function useExhaustedTestDatabase(): () => Database {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  return () => {
    if (testDb === undefined) throw new Error("test database used before beforeAll");
    return testDb.handle.db;
  };
}

/** A logger that prints nothing, named after the test file. */
export function silentTestLogger(name: string): Logger {
  return createLogger({ level: "silent", format: "json", name });
}

/** A new workspace owned by a new user with a unique email; returns the workspace id. */
export async function createOwnedWorkspace(db: Database, name: string): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `w-${randomBytes(5).toString("hex")}@example.com`, name: name.slice(0, 1) })
    .returning({ id: users.id });
  const workspace = await createWorkspaceWithOwner(db, { name, ownerId: user?.id ?? "" });
  return workspace.id;
}
