import { access, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { EmbeddedDatabaseEngine } from "@vitae/contracts";
import { adopt } from "../create-db";
import type { DbHandle } from "../database";
import { openPglite } from "../pglite-driver";
import { openPostgres } from "../postgres-driver";
import { type BinariesLookup, copyBinaries, findPostgresBinaries } from "./binaries";
import { chooseEmbeddedEngine, type EngineChoice } from "./choose-engine";
import { isInitialised, type PostgresServer, type ServerLog, startPostgresServer } from "./server";
import { assertReachable, isReachable, resolveServerUser, type ServerUser } from "./server-user";

/** Options for {@link openEmbeddedDb}; values come from `@vitae/config`. */
export interface OpenEmbeddedDbOptions {
  /** `DATA_DIR`: the cluster lives in `<dataDir>/postgres`, PGlite in `<dataDir>/pglite`. */
  dataDir: string;
  /** `EMBEDDED_DATABASE` (default `auto`). */
  engine?: EmbeddedDatabaseEngine;
  /** `EMBEDDED_POSTGRES_PORT`: loopback port of the server; 0 (default) picks a free one. */
  port?: number;
  /** The server superuser's password (kept under `DATA_DIR/secrets`); asked only when a server runs. */
  password: () => Promise<string>;
  /** postgres.js pool size (default 10). */
  poolMax?: number;
  log: ServerLog;
  /** Overrides the binary lookup (tests simulate a platform without binaries). */
  binaries?: () => Promise<BinariesLookup>;
}

/** An embedded database: its handle (whose `close()` also stops the server) and what was chosen. */
export interface EmbeddedDb {
  handle: DbHandle;
  choice: EngineChoice;
  /** The running server when the engine is PostgreSQL. */
  server: PostgresServer | undefined;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * The binaries, and — as root — proof that the server account can use them under `dataDir` (copying
 * them into `dataDir` when it cannot run them where they are installed); any failure is an
 * "unavailable" with its reason, so a fresh directory falls back to PGlite.
 */
async function lookUpServer(
  dataDir: string,
  find: () => Promise<BinariesLookup>,
  log: ServerLog,
): Promise<{ binaries: BinariesLookup; user?: ServerUser | undefined }> {
  const binaries = await find();
  if (!binaries.available) return { binaries };
  try {
    const user = await resolveServerUser();
    await assertReachable(user, dataDir, "/bin/sh");
    if (await isReachable(user, dataDir, binaries.binaries.postgres)) return { binaries, user };
    const copied = await copyBinaries(binaries.binaries, join(dataDir, "postgres-binaries"));
    log.info(
      { directory: dirname(dirname(copied.postgres)) },
      "copied the PostgreSQL binaries where the server account can run them",
    );
    await assertReachable(user, dataDir, copied.postgres);
    return { binaries: { available: true, binaries: copied }, user };
  } catch (error) {
    return { binaries: { available: false, reason: (error as Error).message } };
  }
}

/**
 * Opens embedded mode's database under `dataDir` (ADR 0015): a PostgreSQL server started by this
 * process — through the normal postgres.js driver — wherever the packaged binaries run, PGlite otherwise
 * or when chosen; an existing PGlite directory keeps PGlite under `auto` (`chooseEmbeddedEngine`).
 * Logs which engine runs and why. The handle's `close()` ends the pool, then stops the server.
 */
export async function openEmbeddedDb(options: OpenEmbeddedDbOptions): Promise<EmbeddedDb> {
  const { dataDir, log } = options;
  await mkdir(dataDir, { recursive: true });
  const directory = join(dataDir, "postgres");
  const setting = options.engine ?? "auto";
  const hasPostgresData = await isInitialised(directory);
  const hasPgliteData = await exists(join(dataDir, "pglite", "PG_VERSION"));
  // Only when a server could be chosen: as root the look-up may create the server's account.
  const mayRunServer = setting === "postgres" || hasPostgresData || (setting === "auto" && !hasPgliteData);
  const server: { binaries: BinariesLookup; user?: ServerUser | undefined } = mayRunServer
    ? await lookUpServer(dataDir, options.binaries ?? findPostgresBinaries, log)
    : { binaries: { available: false, reason: "not needed" } };
  const choice = chooseEmbeddedEngine({ setting, hasPostgresData, hasPgliteData, binaries: server.binaries });

  if (choice.engine === "pglite" || !server.binaries.available) {
    (choice.notable ? log.warn : log.info).call(
      log,
      { engine: "pglite", directory: join(dataDir, "pglite"), reason: choice.reason },
      "embedded database: PGlite (in-process, single connection)",
    );
    return { handle: adopt(openPglite(dataDir)), choice, server: undefined };
  }

  const running = await startPostgresServer({
    directory,
    binaries: server.binaries.binaries,
    password: await options.password(),
    port: options.port ?? 0,
    user: server.user,
    log,
  });
  (choice.notable ? log.warn : log.info).call(
    log,
    {
      engine: "postgres",
      version: server.binaries.binaries.version,
      directory,
      port: running.port,
      serverPid: running.pid,
      reason: choice.reason,
    },
    "embedded database: PostgreSQL server",
  );
  const opened = openPostgres(running.url, options.poolMax ?? 10);
  const closePool = opened.handle.close;
  let closing: Promise<void> | undefined;
  const handle: DbHandle = {
    ...opened.handle,
    close() {
      closing ??= closePool().finally(() => running.stop());
      return closing;
    },
  };
  return { handle: adopt({ handle, migrate: opened.migrate }), choice, server: running };
}
