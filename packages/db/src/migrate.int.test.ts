import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, migrateDb } from "./create-db";
import { type DbHandle, migrationsFolder } from "./database";
import { insertJobRun } from "./queries/job-runs-write";
import { jobRuns } from "./schema";
import { testDrivers } from "./test-drivers";
import { createTestDatabase } from "./testing";

/**
 * Each test boots PostgreSQL (PGlite initdb in WASM, or a fresh database) and runs every migration, some
 * several times over; on a loaded 2-core machine that exceeds the package's 30 s default.
 */
const loadedMachine = { timeout: 180_000 };

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, loadedMachine.timeout);

// The migrator's bookkeeping table and the catalog, declared only to query them type-safely here.
const appliedMigrationsTable = pgSchema("drizzle").table("__drizzle_migrations", { id: integer() });
const catalogTables = pgSchema("information_schema").table("tables", {
  tableSchema: text(),
  tableName: text(),
});

/** How many migrations are committed: every one must be applied exactly once. */
const committedMigrations = (
  JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }
).entries.length;

async function appliedMigrations(handle: DbHandle): Promise<number> {
  return handle.db.$count(appliedMigrationsTable);
}

async function tableExists(handle: DbHandle): Promise<boolean> {
  const found = await handle.db.$count(
    catalogTables,
    and(eq(catalogTables.tableSchema, "public"), eq(catalogTables.tableName, "job_runs")),
  );
  return found === 1;
}

describe.each(testDrivers)("migrateDb on $kind", loadedMachine, ({ open }) => {
  it("creates the schema on an empty database and is a no-op the second time", async () => {
    const database = await open({ migrate: false });
    cleanups.push(database.drop);
    expect(await tableExists(database.handle)).toBe(false);

    await migrateDb(database.handle);
    expect(await tableExists(database.handle)).toBe(true);
    const run = await insertJobRun(database.handle.db, { name: "test.noop", queue: "test", payload: {} });

    await migrateDb(database.handle);
    expect(await appliedMigrations(database.handle)).toBe(committedMigrations);
    // A re-run that recreated the table would have lost this row.
    await expect(database.handle.db.$count(jobRuns, eq(jobRuns.id, run.id))).resolves.toBe(1);
  });

  it("serialises concurrent calls on one handle", async () => {
    const database = await open({ migrate: false });
    cleanups.push(database.drop);
    await Promise.all([migrateDb(database.handle), migrateDb(database.handle), migrateDb(database.handle)]);
    expect(await appliedMigrations(database.handle)).toBe(committedMigrations);
  });
});

describe("migrateDb on PostgreSQL", loadedMachine, () => {
  it("migrates once when several replicas start together", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const replicas = Array.from({ length: 4 }, () =>
      createDb({ databaseUrl: database.url, dataDir: "unused", poolMax: 1 }),
    );
    cleanups.push(async () => {
      await Promise.all(replicas.map((replica) => replica.close()));
    });
    await Promise.all(replicas.map((replica) => migrateDb(replica)));
    expect(await appliedMigrations(database.handle)).toBe(committedMigrations);
    expect(await tableExists(database.handle)).toBe(true);
  });

  it("rejects a handle it did not create", async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const impostor: DbHandle = { ...database.handle };
    await expect(migrateDb(impostor)).rejects.toThrow(TypeError);
  });
});
