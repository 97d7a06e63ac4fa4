import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** Generated secrets are 32 random bytes (base64url, 43 characters); stored ones must be at least this long. */
const minSecretLength = 32;

/** Names become file names: no separators or dot-prefixes, so a name can never escape `secrets/`. */
const secretNamePattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

async function readSecret(path: string): Promise<string | undefined> {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // Tolerates a trailing newline left by an operator who wrote the file by hand.
  const secret = content.trim();
  if (secret.length < minSecretLength) {
    throw new Error(
      `Secret file ${path} holds fewer than ${minSecretLength} characters; replace or delete it`,
    );
  }
  return secret;
}

/**
 * Returns the secret stored at `<dataDir>/secrets/<name>`, creating it on first use from 32 bytes of
 * `crypto.randomBytes` (base64url). For development and self-hosted setups that did not configure a
 * secret (e.g. `STORAGE_SIGNING_SECRET` outside production); production should pass real secrets.
 *
 * Guarantees: the directory is mode 0700 and the file 0600; the file only ever appears complete
 * (written and fsynced under a temporary name, then hard-linked into place); concurrent callers —
 * in this process or in others sharing the directory — all get the same value, because `link` refuses
 * to replace an existing file, so exactly one candidate wins and the rest read it.
 * Throws for an invalid `name` or an existing file shorter than 32 characters.
 */
export async function loadOrCreateSecret(options: { dataDir: string; name: string }): Promise<string> {
  if (!secretNamePattern.test(options.name)) {
    throw new Error("Secret name must be 1-64 characters of lowercase letters, digits, '_' or '-'");
  }
  const directory = join(options.dataDir, "secrets");
  const path = join(directory, options.name);

  const existing = await readSecret(path);
  if (existing !== undefined) return existing;

  await mkdir(directory, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for an existing directory; make it exact.
  await chmod(directory, 0o700);

  const candidate = randomBytes(32).toString("base64url");
  const temporaryPath = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temporaryPath, "wx", 0o600);
  try {
    try {
      // As with the directory, the creation mode is filtered by the umask.
      await handle.chmod(0o600);
      await handle.writeFile(`${candidate}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporaryPath, path);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Another caller won the race; its value is the one everybody uses.
      const winner = await readSecret(path);
      if (winner === undefined) throw error;
      return winner;
    }
  } finally {
    await rm(temporaryPath, { force: true });
  }
}
