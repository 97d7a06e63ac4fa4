import type { DbHandle } from "./database";
import { openPglite } from "./pglite-driver";
import { openPostgres } from "./postgres-driver";

/** Options for {@link createDb}; values come from `@vitae/config` (`DATABASE_URL`, `DATA_DIR`, `DATABASE_POOL_MAX`). */
export interface CreateDbOptions {
  /** PostgreSQL URL. Unset → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Data directory; PGlite persists under `<dataDir>/pglite`. */
  dataDir: string;
  /** postgres.js pool size (default 10); ignored by PGlite, which has one connection. */
  poolMax?: number | undefined;
}

const migrators = new WeakMap<DbHandle, () => Promise<void>>();
const running = new WeakMap<DbHandle, Promise<void>>();

/**
 * Opens the database: postgres.js when `databaseUrl` is set, otherwise PGlite under `<dataDir>/pglite`.
 * Returns at once; connections open on first use, so an unreachable server shows up in `ping` (readiness),
 * not here. Called once per process by the composition root, which owns the handle.
 */
export function createDb(options: CreateDbOptions): DbHandle {
  return adopt(
    options.databaseUrl === undefined || options.databaseUrl === ""
      ? openPglite(options.dataDir)
      : openPostgres(options.databaseUrl, options.poolMax ?? 10),
  );
}

/** Makes an opened driver's handle usable with {@link migrateDb} (for the embedded opener). */
export function adopt(opened: { handle: DbHandle; migrate(): Promise<void> }): DbHandle {
  migrators.set(opened.handle, opened.migrate);
  return opened.handle;
}

/**
 * Applies the committed migrations in `packages/db/drizzle/` that the database has not seen yet. Safe to
 * call from many replicas at once (PostgreSQL advisory lock) and many times (a no-op when up to date);
 * concurrent calls on one handle run one after another. Called at startup by the API and worker.
 */
export function migrateDb(handle: DbHandle): Promise<void> {
  const migrate = migrators.get(handle);
  if (migrate === undefined) {
    return Promise.reject(new TypeError("migrateDb: the handle was not created by createDb"));
  }
  const previous = running.get(handle) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(migrate);
  running.set(handle, next);
  return next;
}
