import type { Readable } from "node:stream";

/** Anything `put` accepts. Strings are stored as UTF-8. Streams must declare `contentLength`. */
export type ObjectBody = Buffer | Uint8Array | string | Readable;

/** Options for `ObjectStore.put`. */
export interface PutOptions {
  /** Stored with the object and returned by `head`; a `type/subtype` media type. */
  contentType: string;
  /**
   * Exact byte length. Required for stream bodies (both drivers, so code behaves the same on each);
   * for buffers and strings it is computed, and a given value must match.
   */
  contentLength?: number;
}

/** What `head` reports about a stored object. */
export interface ObjectInfo {
  size: number;
  contentType: string;
  lastModified: Date;
}

/** Options for `ObjectStore.createUploadUrl`. */
export interface UploadUrlOptions {
  /** Bound into the signature: an upload with any other `Content-Type` is refused. */
  contentType: string;
  /** Exact size in bytes of the upload; bound into the signature. */
  size: number;
  /** The caller's policy limit; `size > maxSize` rejects with `PAYLOAD_TOO_LARGE`. */
  maxSize: number;
  /** Lifetime of the URL; defaults to 300 s, capped at 3600 s. */
  expiresInSeconds?: number;
}

/**
 * A presigned upload: the client sends `method` to `url` with exactly `headers` and a body of the
 * signed size. Browsers set `Content-Length` themselves from the body; it is listed so that
 * non-browser clients know it is part of the signature.
 */
export interface UploadGrant {
  url: string;
  method: "PUT";
  headers: Record<string, string>;
  expiresAt: Date;
}

/** Options for `ObjectStore.createDownloadUrl`. */
export interface DownloadUrlOptions {
  /** Lifetime of the URL; defaults to 300 s, capped at 3600 s. */
  expiresInSeconds?: number;
  /** Name the browser saves the file as (sent as an RFC 6266 attachment, safely encoded). */
  filename?: string;
  /** Overrides the stored content type in the response. */
  contentType?: string;
}

/** A presigned download link. The object's existence is not checked when the link is made. */
export interface DownloadGrant {
  url: string;
  expiresAt: Date;
}

/**
 * The one storage surface packages and apps use; implemented by the S3 and disk drivers.
 *
 * Guarantees, on both drivers: keys are validated (`BAD_REQUEST`), a missing object is `NOT_FOUND`,
 * an unreachable backend is `SERVICE_UNAVAILABLE`, and every failure is an `AppError` with the
 * underlying error kept as `cause`.
 */
export interface ObjectStore {
  /** Which driver backs this store; the API mounts the disk route only for `"disk"`. */
  readonly kind: "s3" | "disk";
  /** Stores (or atomically replaces) an object. */
  put(key: string, body: ObjectBody, options: PutOptions): Promise<void>;
  /** Reads a whole object into memory; use `getStream` for large objects. */
  get(key: string): Promise<Buffer>;
  /** Streams an object. Rejects with `NOT_FOUND` before any data when the object is missing. */
  getStream(key: string): Promise<Readable>;
  /** Object metadata, or `null` when the object does not exist. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Deletes an object; deleting a missing object succeeds (idempotent). */
  delete(key: string): Promise<void>;
  /**
   * Deletes every object whose key starts with `prefix` (a string prefix, as in S3) and returns how
   * many were deleted. An empty prefix is refused. If some deletions fail, the rest still run and the
   * call rejects with `SERVICE_UNAVAILABLE` carrying `details.deleted` and `details.failed`.
   */
  deleteByPrefix(prefix: string): Promise<number>;
  /** A short-lived URL that accepts exactly one content type and size for `key`. */
  createUploadUrl(key: string, options: UploadUrlOptions): Promise<UploadGrant>;
  /** A short-lived URL that downloads `key` as an attachment. */
  createDownloadUrl(key: string, options?: DownloadUrlOptions): Promise<DownloadGrant>;
  /** Readiness probe: resolves when the backend answers, rejects with `SERVICE_UNAVAILABLE` within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
}
