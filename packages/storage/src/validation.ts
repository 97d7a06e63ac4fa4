import { Readable } from "node:stream";
import { AppError } from "@vitae/errors";
import { create as createContentDisposition } from "content-disposition";
import type { ObjectBody, UploadUrlOptions } from "./types";

/** S3's own key limit; keeping it on disk too means a key valid on one driver is valid on both. */
export const maxKeyLength = 1024;
/** Most filesystems cap a name at 255 bytes; a key segment becomes a file name (plus a suffix) on disk. */
const maxSegmentLength = 250;
/** Deliberately narrow: URL-safe without encoding and harmless as a file name on every platform. */
const segmentPattern = /^[A-Za-z0-9._-]+$/;

/** Default lifetime of a presigned URL: long enough to start an upload, short enough to leak little. */
export const defaultExpiresInSeconds = 300;
/** Hard cap on presigned URL lifetime, whatever the caller asks for. */
export const maxExpiresInSeconds = 3600;

const contentTypePattern =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[\x20-\x7e]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;
const maxContentTypeLength = 255;
const maxFilenameLength = 255;

function badRequest(message: string): AppError {
  return new AppError("BAD_REQUEST", { message });
}

function checkSegments(value: string, what: string, allowTrailingSlash: boolean): void {
  const segments = value.split("/");
  if (allowTrailingSlash && segments.length > 1 && segments.at(-1) === "") segments.pop();
  for (const segment of segments) {
    // `.` and `..` would climb or alias directories on disk; empty segments (`a//b`, `/a`) alias keys.
    if (segment === "" || segment === "." || segment === "..") {
      throw badRequest(`The ${what} has an empty, "." or ".." segment.`);
    }
    if (segment.length > maxSegmentLength) throw badRequest(`A ${what} segment is too long.`);
    if (!segmentPattern.test(segment)) {
      throw badRequest(`The ${what} may only contain letters, digits, ".", "_", "-" and "/".`);
    }
  }
}

/**
 * Validates an object key; the path-traversal guard for the disk driver and the reason keys never
 * need URL encoding. Throws `BAD_REQUEST` for an empty or overlong key, a leading or trailing `/`,
 * empty, `.` or `..` segments, or any character outside `[A-Za-z0-9._-]` and `/`.
 */
export function assertValidKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw badRequest("The object key is empty.");
  if (key.length > maxKeyLength) throw badRequest("The object key is too long.");
  if (key.endsWith("/")) throw badRequest("The object key may not end with '/'.");
  checkSegments(key, "object key", false);
}

/**
 * Validates a `deleteByPrefix` prefix: the key rules, except that a trailing `/` is allowed. An empty
 * prefix is refused so that a bug can never wipe a whole bucket.
 */
export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== "string" || prefix.length === 0) throw badRequest("The prefix is empty.");
  if (prefix.length > maxKeyLength) throw badRequest("The prefix is too long.");
  checkSegments(prefix, "prefix", true);
}

/** Validates a media type (`type/subtype` with optional parameters); throws `BAD_REQUEST`. */
export function assertValidContentType(contentType: string): void {
  if (
    typeof contentType !== "string" ||
    contentType.length > maxContentTypeLength ||
    !contentTypePattern.test(contentType)
  ) {
    throw badRequest("The content type is not a valid media type.");
  }
}

/** Resolves a requested URL lifetime: default 300 s, capped at 3600 s, and a positive integer. */
export function resolveExpiresIn(expiresInSeconds: number | undefined): number {
  const requested = expiresInSeconds ?? defaultExpiresInSeconds;
  if (!Number.isInteger(requested) || requested < 1) {
    throw badRequest("The URL lifetime must be a positive whole number of seconds.");
  }
  return Math.min(requested, maxExpiresInSeconds);
}

/**
 * Checks upload URL options shared by both drivers. Order matters for callers: a malformed request is
 * `BAD_REQUEST`; a well-formed one over the caller's limit is `PAYLOAD_TOO_LARGE`.
 */
export function assertValidUploadOptions(options: UploadUrlOptions): void {
  assertValidContentType(options.contentType);
  if (!Number.isSafeInteger(options.size) || options.size < 0) {
    throw badRequest("The upload size must be a whole number of bytes.");
  }
  if (!Number.isSafeInteger(options.maxSize) || options.maxSize < 0) {
    throw badRequest("The maximum upload size must be a whole number of bytes.");
  }
  if (options.size > options.maxSize) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      message: "The file is larger than allowed.",
      details: { size: options.size, maxSize: options.maxSize },
    });
  }
}

/** Control characters in a header value enable response splitting and confuse file pickers. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Invisible format characters (bidirectional overrides and isolates such as U+202E, zero-width
 * characters) and line/paragraph separators: a saved file named `cv\u202Efdp.md` shows as `cvdm.pdf`.
 */
const invisibleFormatCharacters = /[\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Builds an `attachment` Content-Disposition. Attachment is always used, with or without a name, so a
 * stored HTML or SVG file is never rendered inline on our origin. The name is checked for control
 * characters and length, stripped of invisible format characters (so the saved file is named as it
 * reads), and encoded per RFC 6266/8187 with an ASCII fallback.
 */
export function attachmentDisposition(filename: string | undefined): string {
  if (filename === undefined) return "attachment";
  const visibleName = filename.replace(invisibleFormatCharacters, "");
  if (visibleName.length === 0 || filename.length > maxFilenameLength || hasControlCharacter(filename)) {
    throw badRequest("The download file name is not valid.");
  }
  // Path separators in a suggested name are at best confusing to the browser; keep only the base name.
  const safeName = visibleName.replace(/[/\\]/g, "_");
  return createContentDisposition(safeName, { type: "attachment" });
}

/** A body resolved for writing: either bytes in memory or a stream of declared length. */
export type NormalizedBody =
  | { kind: "bytes"; bytes: Buffer }
  | { kind: "stream"; stream: Readable; length: number };

/**
 * Normalises a `put` body and its declared length. Streams without `contentLength` are refused (the
 * S3 driver needs the length up front, and both drivers enforce it exactly); a declared length that
 * disagrees with an in-memory body is refused too.
 */
export function normalizeBody(body: ObjectBody, contentLength: number | undefined): NormalizedBody {
  if (contentLength !== undefined && (!Number.isSafeInteger(contentLength) || contentLength < 0)) {
    throw badRequest("The content length must be a whole number of bytes.");
  }
  if (body instanceof Readable) {
    if (contentLength === undefined) throw badRequest("A stream body needs a content length.");
    return { kind: "stream", stream: body, length: contentLength };
  }
  const bytes =
    typeof body === "string"
      ? Buffer.from(body, "utf8")
      : Buffer.isBuffer(body)
        ? body
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (contentLength !== undefined && contentLength !== bytes.length) {
    throw badRequest("The content length does not match the body.");
  }
  return { kind: "bytes", bytes };
}
