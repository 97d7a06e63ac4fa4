import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The name every export scratch directory starts with; nothing else uses it. */
const scratchPrefix = "vitae-import-export-";

/**
 * A fresh directory for one export run's files (the chosen format and the rejected rows) under the
 * machine's temporary folder; the run removes it when it ends, however it ends.
 */
export function createExportScratch(root = tmpdir()): Promise<string> {
  return mkdtemp(join(root, scratchPrefix));
}

/** The newest modification time of a directory and the files directly in it (an export writes only there). */
async function lastWrittenAt(directory: string): Promise<number> {
  let newest = (await stat(directory)).mtimeMs;
  for (const entry of await readdir(directory)) {
    const modified = await stat(join(directory, entry)).then(
      (found) => found.mtimeMs,
      () => 0,
    );
    newest = Math.max(newest, modified);
  }
  return newest;
}

/**
 * Removes the scratch directories of export runs whose process died before its cleanup (a killed or
 * crashed worker): those not written for `olderThanMs`. A live export writes its files as it streams,
 * so its directory is never that old; other workers on the same machine may be running exports, which
 * is why this goes by age rather than removing every scratch directory at start. Returns how many it
 * removed; a directory that vanishes or cannot be read meanwhile is skipped.
 */
export async function sweepAbandonedExportScratch(options: {
  olderThanMs: number;
  root?: string;
  now?: number;
}): Promise<number> {
  const root = options.root ?? tmpdir();
  const cutoff = (options.now ?? Date.now()) - options.olderThanMs;
  let removed = 0;
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(scratchPrefix)) continue;
    const directory = join(root, entry.name);
    const written = await lastWrittenAt(directory).catch(() => Number.POSITIVE_INFINITY);
    if (written >= cutoff) continue;
    await rm(directory, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
