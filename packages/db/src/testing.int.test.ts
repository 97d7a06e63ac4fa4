import { existsSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJobRun, insertJobRun } from "./index";
import { createTestDatabase, createTestPglite, getTestDatabaseUrl } from "./testing";

let admin: postgres.Sql;

beforeAll(() => {
  admin = postgres(getTestDatabaseUrl(), { max: 1, onnotice: () => undefined });
});

afterAll(async () => {
  await admin.end({ timeout: 5 });
});

async function databaseExists(name: string): Promise<boolean> {
  const rows = await admin`select 1 from pg_database where datname = ${name}`;
  return rows.length === 1;
}

describe("createTestDatabase", () => {
  it("creates distinct migrated databases and drops them (drop is idempotent)", async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    if (first === undefined || second === undefined) throw new Error("unreachable");
    const firstName = new URL(first.url).pathname.slice(1);
    const secondName = new URL(second.url).pathname.slice(1);
    try {
      expect(firstName).toMatch(/^vitae_test_[0-9a-z]+_[0-9a-f]{8}$/);
      expect(firstName).not.toBe(secondName);
      expect(await databaseExists(firstName)).toBe(true);

      // Migrated and isolated: a row written in one is not visible in the other.
      const run = await insertJobRun(first.handle.db, { name: "test.iso", queue: "test", payload: {} });
      await expect(getJobRun(second.handle.db, { id: run.id })).resolves.toBeUndefined();
    } finally {
      await first.drop();
      await second.drop();
    }
    expect(await databaseExists(firstName)).toBe(false);
    expect(await databaseExists(secondName)).toBe(false);
    await expect(first.drop()).resolves.toBeUndefined();
  });

  it("drops a database even while another client is still connected to it", async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const straggler = postgres(database.url, { max: 1 });
    await straggler`select 1`;
    try {
      await database.drop();
      expect(await databaseExists(name)).toBe(false);
    } finally {
      await straggler.end({ timeout: 1 }).catch(() => undefined);
    }
  });

  it("leaves the database empty when asked not to migrate", async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await expect(
        insertJobRun(database.handle.db, { name: "x", queue: "y", payload: {} }),
      ).rejects.toThrow();
    } finally {
      await database.drop();
    }
  });
});

describe("createTestPglite", () => {
  it("opens a migrated PGlite in a temporary directory and deletes it on drop", async () => {
    const database = await createTestPglite();
    expect(existsSync(database.dataDir)).toBe(true);
    const run = await insertJobRun(database.handle.db, { name: "test.pglite", queue: "test", payload: {} });
    await expect(getJobRun(database.handle.db, { id: run.id })).resolves.toEqual(run);
    await database.drop();
    expect(existsSync(database.dataDir)).toBe(false);
  });
});
