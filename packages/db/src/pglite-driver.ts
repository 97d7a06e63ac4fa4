import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type DbHandle, drizzleCasing, migrationsFolder } from "./database";
import { withDeadline } from "./deadline";
import * as schema from "./schema";

/**
 * Opens embedded PGlite persisted under `<dataDir>/pglite`. One in-process connection: PGlite serialises
 * queries and transactions itself, and must never be shared with another process.
 */
export function openPglite(dataDir: string): { handle: DbHandle; migrate(): Promise<void> } {
  const directory = join(dataDir, "pglite");
  mkdirSync(directory, { recursive: true });
  const client = new PGlite(directory);
  // A failed start (corrupt or locked directory) must not crash the process as an unhandled rejection;
  // it surfaces from the first query, ping or migration instead.
  client.waitReady.catch(() => undefined);
  const db = drizzle(client, { schema, casing: drizzleCasing });
  let closing: Promise<void> | undefined;
  const handle: DbHandle = {
    db,
    kind: "pglite",
    async ping(timeoutMs) {
      await withDeadline(db.execute(sql`select 1`), timeoutMs, "PGlite ping");
    },
    close() {
      closing ??= client.closed ? Promise.resolve() : client.close();
      return closing;
    },
  };
  return { handle, migrate: () => migrate(db, { migrationsFolder }) };
}
