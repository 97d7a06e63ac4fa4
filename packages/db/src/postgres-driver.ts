import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { type DbHandle, drizzleCasing, migrationsFolder } from "./database";
import { withDeadline } from "./deadline";
import * as schema from "./schema";
import { traceQueries } from "./traced-queries";

/** Any fixed 64-bit key works; every Vitae replica must use the same one. */
const migrationLockKey = 4_815_162_342;

/** postgres.js options shared by the pool and the migration connection. */
const baseOptions = {
  // Seconds. Bounds a connection attempt; readiness has its own shorter deadline.
  connect_timeout: 10,
  // "relation already exists, skipping" and the like are expected during migrations; not worth a log line.
  onnotice: () => undefined,
  connection: { application_name: "vitae" },
} as const;

/** Opens a pooled postgres.js client (connections are made lazily on first query). */
export function openPostgres(
  databaseUrl: string,
  poolMax: number,
): { handle: DbHandle; migrate(): Promise<void> } {
  const client = postgres(databaseUrl, { ...baseOptions, max: poolMax, idle_timeout: 20 });
  traceQueries(client);
  const db = drizzle(client, { schema, casing: drizzleCasing });
  let closing: Promise<void> | undefined;
  const handle: DbHandle = {
    db,
    kind: "postgres",
    async ping(timeoutMs) {
      await withDeadline(db.execute(sql`select 1`), timeoutMs, "PostgreSQL ping");
    },
    close() {
      closing ??= client.end({ timeout: 5 });
      return closing;
    },
  };
  return { handle, migrate: () => migratePostgres(databaseUrl) };
}

/**
 * Applies the migrations on one dedicated connection holding a session advisory lock, so replicas that
 * start together migrate once: the others wait, then find nothing left to apply. A dedicated connection
 * (not the pool) because the lock belongs to a session and the pool may have a single connection.
 */
async function migratePostgres(databaseUrl: string): Promise<void> {
  const connection = postgres(databaseUrl, { ...baseOptions, max: 1 });
  try {
    await connection`select pg_advisory_lock(${migrationLockKey}::bigint)`;
    try {
      await migrate(drizzle(connection, { casing: drizzleCasing }), { migrationsFolder });
    } finally {
      // If the connection died, the server already released the lock with the session.
      await connection`select pg_advisory_unlock(${migrationLockKey}::bigint)`.catch(() => undefined);
    }
  } finally {
    await connection.end({ timeout: 5 });
  }
}
