import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { AppError, isAppError } from "@vitae/errors";
import {
  bodyStream,
  checkWritable,
  listKeys,
  objectFileExists,
  objectPath,
  openObjectFile,
  removeObjectFile,
  writeObjectFile,
} from "./disk-files";
import { type DiskStore, type DiskStoreInternals, registerDiskStore } from "./disk-internals";
import { signedQuery } from "./disk-signing";
import { pingWithin } from "./ping";
import type { ObjectInfo } from "./types";
import {
  assertValidContentType,
  assertValidKey,
  assertValidPrefix,
  assertValidUploadOptions,
  attachmentDisposition,
  normalizeBody,
  resolveExpiresIn,
} from "./validation";

/** Configuration of the disk driver (development, tests, single-node installs). */
export interface DiskStoreConfig {
  /** Directory holding the objects (e.g. `${DATA_DIR}/objects`); created on first write. */
  rootDir: string;
  /** HMAC key for signed URLs (`STORAGE_SIGNING_SECRET`); at least 32 characters. */
  signingSecret: string;
  /** Absolute origin the API is reachable at (`PUBLIC_URL`); signed URLs point there. */
  publicUrl: string;
  /** Path the API mounts the signed-URL route under; default `/storage`. */
  routePrefix?: string;
  /** Clock for URL expiry; injectable so tests need no wall-clock waits. */
  now?: () => Date;
}

const minSecretLength = 32;

function configError(message: string): AppError {
  return new AppError("INTERNAL", { message: `Disk storage configuration: ${message}` });
}

function normalizePublicUrl(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch (error) {
    throw new AppError("INTERNAL", {
      message: "Disk storage configuration: publicUrl is not a URL.",
      cause: error,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw configError("publicUrl must be http(s).");
  if (url.search || url.hash) throw configError("publicUrl may not have a query or fragment.");
  return url.href.replace(/\/+$/, "");
}

/** Maps a read-side filesystem failure: a missing file is NOT_FOUND, anything else is unavailability. */
function readError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new AppError("NOT_FOUND", { cause: error });
  return new AppError("SERVICE_UNAVAILABLE", { message: "Disk storage failed.", cause: error });
}

function writeError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("SERVICE_UNAVAILABLE", { message: "Disk storage failed.", cause: error });
}

/**
 * Creates the disk driver. Objects are files under `rootDir` written atomically (temp file + rename)
 * with their content type in the same file. Signed URLs point at
 * `${publicUrl}${routePrefix}/<key>?op&exp&ct&size&fn&sig`, served by the API through
 * `verifyDiskSignedRequest`, `receiveSignedUpload` and `serveSignedDownload`.
 * Throws `INTERNAL` for an invalid configuration (short secret, bad URL or prefix).
 */
export function createDiskStore(config: DiskStoreConfig): DiskStore {
  if (config.signingSecret.length < minSecretLength) {
    throw configError(`signingSecret must be at least ${minSecretLength} characters.`);
  }
  const routePrefix = config.routePrefix ?? "/storage";
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(routePrefix)) {
    throw configError('routePrefix must look like "/storage" (no trailing slash).');
  }
  const rootDir = resolve(config.rootDir);
  const baseUrl = `${normalizePublicUrl(config.publicUrl)}${routePrefix}`;
  const secret = config.signingSecret;
  const now = config.now ?? (() => new Date());

  const openObject = async (key: string): Promise<{ info: ObjectInfo; stream: Readable }> => {
    assertValidKey(key);
    try {
      const { handle, info, bodyOffset } = await openObjectFile(objectPath(rootDir, key));
      return { info, stream: bodyStream(handle, bodyOffset) };
    } catch (error) {
      throw readError(error);
    }
  };

  const expiry = (expiresInSeconds: number | undefined): number =>
    Math.floor(now().getTime() / 1000) + resolveExpiresIn(expiresInSeconds);

  const internals: DiskStoreInternals = {
    secret,
    openObject,
    async writeObject(key, contentType, source, limits, mode) {
      assertValidKey(key);
      assertValidContentType(contentType);
      await writeObjectFile(rootDir, key, contentType, source, limits, mode);
    },
    hasObject(key) {
      assertValidKey(key);
      return objectFileExists(rootDir, key);
    },
  };

  const store: DiskStore = {
    kind: "disk",
    routePrefix,

    async put(key, body, options) {
      assertValidKey(key);
      assertValidContentType(options.contentType);
      const normalized = normalizeBody(body, options.contentLength);
      const mismatch = () =>
        new AppError("BAD_REQUEST", { message: "The body does not match the declared content length." });
      try {
        await writeObjectFile(
          rootDir,
          key,
          options.contentType,
          normalized.kind === "bytes" ? normalized.bytes : normalized.stream,
          {
            size: normalized.kind === "bytes" ? normalized.bytes.length : normalized.length,
            tooLarge: mismatch,
            tooShort: mismatch,
          },
        );
      } catch (error) {
        throw writeError(error);
      }
    },

    async get(key) {
      const { stream } = await openObject(key);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of stream) chunks.push(chunk as Buffer);
      } catch (error) {
        throw readError(error);
      }
      return Buffer.concat(chunks);
    },

    async getStream(key) {
      return (await openObject(key)).stream;
    },

    async head(key) {
      assertValidKey(key);
      try {
        const { handle, info } = await openObjectFile(objectPath(rootDir, key));
        await handle.close();
        return info;
      } catch (error) {
        const mapped = readError(error);
        if (mapped.code === "NOT_FOUND") return null;
        throw mapped;
      }
    },

    async delete(key) {
      assertValidKey(key);
      try {
        await removeObjectFile(rootDir, key);
      } catch (error) {
        throw writeError(error);
      }
    },

    async deleteByPrefix(prefix) {
      assertValidPrefix(prefix);
      let keys: string[];
      try {
        keys = await listKeys(rootDir, prefix);
      } catch (error) {
        throw writeError(error);
      }
      let deleted = 0;
      const failures: unknown[] = [];
      for (const key of keys) {
        try {
          if (await removeObjectFile(rootDir, key)) deleted++;
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) {
        throw new AppError("SERVICE_UNAVAILABLE", {
          message: "Some objects could not be deleted.",
          details: { deleted, failed: failures.length },
          cause: failures[0],
        });
      }
      return deleted;
    },

    async createUploadUrl(key, options) {
      assertValidKey(key);
      assertValidUploadOptions(options);
      const expiresAtSeconds = expiry(options.expiresInSeconds);
      const query = signedQuery(secret, {
        operation: "put",
        key,
        expiresAtSeconds,
        contentType: options.contentType,
        size: options.size,
      });
      return {
        url: `${baseUrl}/${key}?${query}`,
        method: "PUT",
        headers: { "Content-Type": options.contentType, "Content-Length": String(options.size) },
        expiresAt: new Date(expiresAtSeconds * 1000),
      };
    },

    async createDownloadUrl(key, options = {}) {
      assertValidKey(key);
      if (options.contentType !== undefined) assertValidContentType(options.contentType);
      // Validates the file name now, so a bad one fails here rather than when the link is used.
      attachmentDisposition(options.filename);
      const expiresAtSeconds = expiry(options.expiresInSeconds);
      const query = signedQuery(secret, {
        operation: "get",
        key,
        expiresAtSeconds,
        contentType: options.contentType,
        filename: options.filename,
      });
      return { url: `${baseUrl}/${key}?${query}`, expiresAt: new Date(expiresAtSeconds * 1000) };
    },

    async ping(timeoutMs) {
      await pingWithin(timeoutMs, "Disk storage", () => checkWritable(rootDir));
    },
  };
  registerDiskStore(store, internals);
  return store;
}
