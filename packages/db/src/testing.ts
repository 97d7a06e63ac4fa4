import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createDb, migrateDb } from "./create-db";
import type { DbHandle } from "./database";

/** Admin URL for integration tests: `TEST_DATABASE_URL`, default the local server's `postgres` database. */
export function getTestDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** A throwaway database and its handle; `drop()` closes the handle and removes the database (idempotent). */
export interface TestDatabase {
  url: string;
  handle: DbHandle;
  drop(): Promise<void>;
}

/** Options for {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /** Apply the migrations (default `true`); `false` leaves the database empty for migration tests. */
  migrate?: boolean;
}

async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(getTestDatabaseUrl(), { max: 1, onnotice: () => undefined });
  try {
    return await run(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * Creates a uniquely named database (`vitae_test_<time>_<random>`) on the server behind
 * `TEST_DATABASE_URL`, opens a handle on it and migrates it, so each test file gets isolated, real
 * PostgreSQL. Always call `drop()` (e.g. in `afterAll`); it uses `WITH (FORCE)` so stray connections
 * cannot keep the database alive.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `vitae_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  // The name is generated above from [a-z0-9_], so interpolating it as an identifier is safe.
  await withAdmin((admin) => admin.unsafe(`create database "${name}"`));
  const url = new URL(getTestDatabaseUrl());
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString(), dataDir: tmpdir(), poolMax: 4 });
  let dropping: Promise<void> | undefined;
  const drop = () => {
    dropping ??= (async () => {
      await handle.close();
      await withAdmin((admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    })();
    return dropping;
  };
  if (options.migrate ?? true) {
    try {
      await migrateDb(handle);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url: url.toString(), handle, drop };
}

/** An embedded PGlite database in a fresh temporary directory; `drop()` closes it and deletes the directory. */
export interface TestPglite {
  dataDir: string;
  handle: DbHandle;
  drop(): Promise<void>;
}

/**
 * Opens PGlite in a new temporary data directory and (by default) migrates it: the embedded-mode
 * counterpart of {@link createTestDatabase}, for tests that must also pass without a server.
 */
export async function createTestPglite(options: CreateTestDatabaseOptions = {}): Promise<TestPglite> {
  const dataDir = await mkdtemp(join(tmpdir(), "vitae-pglite-"));
  const handle = createDb({ dataDir });
  let dropping: Promise<void> | undefined;
  const drop = () => {
    dropping ??= (async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    })();
    return dropping;
  };
  if (options.migrate ?? true) {
    try {
      await migrateDb(handle);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { dataDir, handle, drop };
}
