import { randomUUID } from "node:crypto";
import { constants, type Dirent } from "node:fs";
import { access, type FileHandle, link, mkdir, open, readdir, rename, rmdir, unlink } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@vitae/errors";
import { enforceSize, holdEarlyErrors, type WriteLimits } from "./byte-limit";
import type { ObjectInfo } from "./types";

/*
 * On-disk layout. Key `a/b.pdf` lives in the file `<root>/a/b.pdf@`: the `@` suffix cannot occur in a
 * key, so object files never collide with the directories of longer keys (`a` and `a/b` can coexist,
 * as in S3), and `<root>/@tmp` can never be a key's directory.
 *
 * File format: "VTS1", a 4-byte big-endian header length, a JSON header { contentType, size }, then the
 * body. Keeping metadata in the same file means one rename publishes body and metadata together.
 */
const objectSuffix = "@";
const tmpDirName = "@tmp";
const magic = Buffer.from("VTS1", "ascii");
const prefixLength = magic.length + 4;
const maxHeaderLength = 4096;

interface ObjectHeader {
  contentType: string;
  size: number;
}

/** Readiness check: the temp directory can be created and the root is readable and writable. */
export async function checkWritable(rootDir: string): Promise<void> {
  await mkdir(join(rootDir, tmpDirName), { recursive: true });
  await access(rootDir, constants.R_OK | constants.W_OK);
}

/** Absolute path of a (validated) key's object file. */
export function objectPath(rootDir: string, key: string): string {
  return join(rootDir, ...key.split("/")) + objectSuffix;
}

/** Encodes the header that precedes the body in an object file. */
function encodeHeader(header: ObjectHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([magic, length, json]);
}

function corrupt(): AppError {
  return new AppError("INTERNAL", { message: "A stored object is corrupt." });
}

async function readHeader(handle: FileHandle): Promise<{ header: ObjectHeader; bodyOffset: number }> {
  const prefix = Buffer.alloc(prefixLength);
  const { bytesRead } = await handle.read(prefix, 0, prefixLength, 0);
  if (bytesRead !== prefixLength || !prefix.subarray(0, magic.length).equals(magic)) throw corrupt();
  const length = prefix.readUInt32BE(magic.length);
  if (length > maxHeaderLength) throw corrupt();
  const json = Buffer.alloc(length);
  const read = await handle.read(json, 0, length, prefixLength);
  if (read.bytesRead !== length) throw corrupt();
  const header = JSON.parse(json.toString("utf8")) as ObjectHeader;
  return { header, bodyOffset: prefixLength + length };
}

/**
 * Opens an object and reads its metadata from the same file descriptor, so a concurrent replace or
 * delete cannot pair new metadata with old bytes. The caller owns (and must close) the handle.
 */
export async function openObjectFile(
  path: string,
): Promise<{ handle: FileHandle; info: ObjectInfo; bodyOffset: number }> {
  const handle = await open(path, "r");
  try {
    const { header, bodyOffset } = await readHeader(handle);
    const stats = await handle.stat();
    if (stats.size !== bodyOffset + header.size) throw corrupt();
    return {
      handle,
      info: { size: header.size, contentType: header.contentType, lastModified: stats.mtime },
      bodyOffset,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Streams an opened object's body; the stream closes the handle when it ends or is destroyed. */
export function bodyStream(handle: FileHandle, bodyOffset: number): Readable {
  return handle.createReadStream({ start: bodyOffset, autoClose: true });
}

async function* framed(
  header: Buffer,
  source: AsyncIterable<Uint8Array> | Buffer,
  limits: WriteLimits,
): AsyncGenerator<Uint8Array> {
  yield header;
  yield* enforceSize(source, limits);
}

/** How a finished temp file is published: over any existing object, or only where none exists. */
export type PublishMode = "replace" | "create";

/** The error of a `create` write whose key already holds an object. */
export function objectExists(): AppError {
  return new AppError("CONFLICT", {
    message: "An object already exists at this key; upload links are single-use.",
  });
}

async function moveIntoPlace(tmpPath: string, target: string, mode: PublishMode): Promise<void> {
  // A concurrent delete may prune the (empty) target directory between mkdir and rename; retry.
  for (let attempt = 0; ; attempt++) {
    await mkdir(dirname(target), { recursive: true });
    try {
      if (mode === "replace") {
        await rename(tmpPath, target);
      } else {
        // link(2) fails with EEXIST instead of replacing: of two racing creates exactly one publishes.
        await link(tmpPath, target);
        await unlink(tmpPath);
      }
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && mode === "create") throw objectExists();
      if (code !== "ENOENT" || attempt >= 2) throw error;
    }
  }
}

/** True when `key` holds an object (a cheap check before accepting a `create` upload's body). */
export async function objectFileExists(rootDir: string, key: string): Promise<boolean> {
  try {
    await access(objectPath(rootDir, key));
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes an object atomically: the bytes go to a private temp file under `<root>/@tmp`, are flushed,
 * and only then published — renamed over the target (`replace`), or linked where no object exists yet
 * (`create`, else `AppError("CONFLICT")`). On any failure (size mismatch, aborted source, disk error,
 * existing object) the temp file is removed, so readers see the old object or the new one and never a
 * partial one.
 */
export async function writeObjectFile(
  rootDir: string,
  key: string,
  contentType: string,
  source: AsyncIterable<Uint8Array> | Buffer,
  limits: WriteLimits,
  mode: PublishMode = "replace",
): Promise<void> {
  holdEarlyErrors(source);
  const tmpDir = join(rootDir, tmpDirName);
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, `${randomUUID()}.part`);
  const header = encodeHeader({ contentType, size: limits.size });
  // Opened before the pipeline starts: a stream that opens its own file does so asynchronously, and a
  // source that fails at once would let the cleanup below run before the file exists, leaving it behind.
  const file = await open(tmpPath, "wx", 0o600);
  try {
    await pipeline(framed(header, source, limits), file.createWriteStream({ flush: true }));
    await moveIntoPlace(tmpPath, objectPath(rootDir, key), mode);
  } catch (error) {
    // The write stream closes the file when it is destroyed; this covers a stream that never started.
    await file.close().catch(() => undefined);
    await unlink(tmpPath).catch(() => undefined);
    throw error;
  }
}

/** Removes an object file (missing is fine) and prunes directories it leaves empty, up to the root. */
export async function removeObjectFile(rootDir: string, key: string): Promise<boolean> {
  const path = objectPath(rootDir, key);
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  let dir = dirname(path);
  while (dir !== rootDir && dir.startsWith(rootDir + sep)) {
    try {
      await rmdir(dir);
    } catch {
      // Not empty (or already gone, or being reused by a concurrent put): stop pruning.
      break;
    }
    dir = dirname(dir);
  }
  return true;
}

/**
 * Lists every stored key starting with `prefix` (string-prefix semantics, as in S3). Only directories
 * that can contain matching keys are walked; `@tmp` is never a key directory and is skipped.
 */
export async function listKeys(rootDir: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const rel = relative(rootDir, join(dir, entry.name)).split(sep).join("/");
      if (entry.isDirectory() && !entry.name.startsWith("@")) {
        const asDir = `${rel}/`;
        if (asDir.startsWith(prefix) || prefix.startsWith(asDir)) await walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith(objectSuffix)) {
        const key = rel.slice(0, -objectSuffix.length);
        if (key.startsWith(prefix)) keys.push(key);
      }
    }
  };
  await walk(rootDir);
  return keys;
}
