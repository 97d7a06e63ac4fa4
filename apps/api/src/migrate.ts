import { ConfigError, databaseConfig, loadConfig } from "@vitae/config";
import { createDb, migrateDb } from "@vitae/db";

/**
 * Migration entry: `node --import tsx src/migrate.ts`. Applies the committed migrations to
 * `DATABASE_URL` and exits — 0 when the schema is current, 1 with one sentence otherwise. Orchestrators run
 * it once per release (the Kubernetes migration Job) before new API and worker pods start; the API still
 * migrates at start (advisory-locked, a no-op when current) so single-machine installs need no extra step.
 */
function fail(message: string): never {
  process.stderr.write(`\nvitae migrate: ${message}\n\n`);
  process.exit(1);
}

let databaseUrl: string | undefined;
try {
  databaseUrl = loadConfig(process.env, databaseConfig()).databaseUrl;
} catch (error) {
  if (error instanceof ConfigError) fail(`invalid configuration.\n${error.message}`);
  throw error;
}
if (databaseUrl === undefined) {
  fail("DATABASE_URL is not set. Embedded installs migrate when `./vitae start` starts; nothing to do here.");
}

const handle = createDb({ databaseUrl, dataDir: "", poolMax: 1 });
try {
  await migrateDb(handle);
  process.stdout.write("vitae migrate: the database schema is current\n");
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  await handle.close().catch(() => undefined);
  fail(`the migrations could not be applied: ${reason}`);
}
await handle.close();
