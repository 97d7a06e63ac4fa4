import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@vitae/errors";
import { type DiskStore, diskStoreInternals } from "./disk-internals";
import { assertValidKey } from "./validation";

/** A verified disk download link: serve `key`, optionally overriding type and file name. */
export interface DiskGetGrant {
  operation: "get";
  key: string;
  expiresAt: Date;
  contentType?: string;
  filename?: string;
}

/** A verified disk upload link: accept exactly `size` bytes of `contentType` into `key`. */
export interface DiskPutGrant {
  operation: "put";
  key: string;
  expiresAt: Date;
  contentType: string;
  size: number;
}

/** What `verifyDiskSignedRequest` returns once a request's signature, expiry and headers check out. */
export type DiskGrant = DiskGetGrant | DiskPutGrant;

/** The parts of an HTTP request the verifier needs, in the shapes Fastify and node:http provide. */
export interface DiskSignedRequest {
  /** HTTP method; `GET` for downloads, `PUT` for uploads. */
  method: string;
  /** The object key: the decoded path after `${routePrefix}/`. */
  key: string;
  /** Parsed query string (values may repeat as arrays, which is refused). */
  query: Record<string, unknown>;
  /** Request headers with lower-case names, as node:http provides them. */
  headers: Record<string, string | string[] | undefined>;
  /** Verification time; defaults to the current time. */
  now?: Date;
}

/** Fields bound into a disk signature; undefined optionals are signed as absent. */
export interface DiskSignedFields {
  operation: "get" | "put";
  key: string;
  expiresAtSeconds: number;
  contentType?: string | undefined;
  size?: number | undefined;
  filename?: string | undefined;
}

// Query parameter names of a disk signed URL.
const param = { op: "op", exp: "exp", ct: "ct", size: "size", fn: "fn", sig: "sig" } as const;

/**
 * The canonical string is a JSON array: its encoding is unambiguous whatever the field contents (no
 * delimiter injection), and the version tag lets the format change without old links verifying.
 */
function canonicalString(fields: DiskSignedFields): string {
  return JSON.stringify([
    "vitae-storage-v1",
    fields.operation,
    fields.key,
    fields.expiresAtSeconds,
    fields.contentType ?? null,
    fields.size ?? null,
    fields.filename ?? null,
  ]);
}

function hmac(secret: string, fields: DiskSignedFields): Buffer {
  return createHmac("sha256", secret).update(canonicalString(fields)).digest();
}

/** Builds the query string of a disk signed URL (used by the disk driver). */
export function signedQuery(secret: string, fields: DiskSignedFields): URLSearchParams {
  const query = new URLSearchParams({
    [param.op]: fields.operation,
    [param.exp]: String(fields.expiresAtSeconds),
  });
  if (fields.contentType !== undefined) query.set(param.ct, fields.contentType);
  if (fields.size !== undefined) query.set(param.size, String(fields.size));
  if (fields.filename !== undefined) query.set(param.fn, fields.filename);
  query.set(param.sig, hmac(secret, fields).toString("base64url"));
  return query;
}

function invalid(message = "The link is not valid."): AppError {
  return new AppError("SIGNATURE_INVALID", { message });
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  // Repeated parameters would make "which value was signed?" ambiguous.
  if (typeof value !== "string") throw invalid();
  return value;
}

function header(headers: DiskSignedRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseFields(request: DiskSignedRequest, operation: "get" | "put"): DiskSignedFields {
  const { query } = request;
  if (single(query, param.op) !== operation) throw invalid();
  const exp = single(query, param.exp);
  if (exp === undefined || !/^\d{1,12}$/.test(exp)) throw invalid();
  const sizeText = single(query, param.size);
  if (sizeText !== undefined && !/^\d{1,15}$/.test(sizeText)) throw invalid();
  const fields: DiskSignedFields = {
    operation,
    key: request.key,
    expiresAtSeconds: Number(exp),
    contentType: single(query, param.ct),
    size: sizeText === undefined ? undefined : Number(sizeText),
    filename: single(query, param.fn),
  };
  if (operation === "put" && (fields.contentType === undefined || fields.size === undefined)) throw invalid();
  return fields;
}

function checkUploadHeaders(request: DiskSignedRequest, contentType: string, size: number): void {
  // Exact match, as S3 does for a signed Content-Type: "text/plain" is not "text/plain; charset=utf-8".
  if (header(request.headers, "content-type")?.trim() !== contentType) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", {
      message: "The upload's content type differs from the one the link was made for.",
    });
  }
  const declared = header(request.headers, "content-length");
  // A chunked upload declares no length; `receiveSignedUpload` then enforces the size while streaming.
  if (declared === undefined) return;
  if (!/^\d{1,15}$/.test(declared)) throw new AppError("BAD_REQUEST", { message: "Invalid Content-Length." });
  const length = Number(declared);
  if (length > size) {
    throw new AppError("PAYLOAD_TOO_LARGE", { message: "The upload is larger than the link allows." });
  }
  if (length < size) {
    throw new AppError("BAD_REQUEST", { message: "The upload is smaller than the link was made for." });
  }
}

/**
 * Verifies a request to the disk driver's signed-URL route; called by the API's HTTP route before it
 * touches storage. Guarantees, in this order: the method is GET or PUT (else `METHOD_NOT_SUPPORTED`);
 * the key is valid and the HMAC-SHA256 signature over key, operation, expiry, content type, size and
 * file name matches in constant time (else `SIGNATURE_INVALID`); the link has not expired (else
 * `SIGNATURE_EXPIRED`, checked only after the signature so forged links learn nothing); and for PUT the
 * `Content-Type` equals the signed one (else `UNSUPPORTED_MEDIA_TYPE`) and a declared `Content-Length`
 * equals the signed size (`PAYLOAD_TOO_LARGE` when larger, `BAD_REQUEST` when smaller).
 *
 * @param source the disk store that issued the link, or its signing secret.
 */
export function verifyDiskSignedRequest(source: DiskStore | string, request: DiskSignedRequest): DiskGrant {
  const secret = typeof source === "string" ? source : diskStoreInternals(source).secret;
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "PUT") {
    throw new AppError("METHOD_NOT_SUPPORTED", { message: "Signed storage links accept GET and PUT only." });
  }
  try {
    assertValidKey(request.key);
  } catch (error) {
    throw new AppError("SIGNATURE_INVALID", { message: "The link is not valid.", cause: error });
  }
  const fields = parseFields(request, method === "GET" ? "get" : "put");
  const provided = Buffer.from(single(request.query, param.sig) ?? "", "base64url");
  const expected = hmac(secret, fields);
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) throw invalid();

  const now = request.now ?? new Date();
  if (Math.floor(now.getTime() / 1000) > fields.expiresAtSeconds) {
    throw new AppError("SIGNATURE_EXPIRED");
  }
  const expiresAt = new Date(fields.expiresAtSeconds * 1000);
  if (fields.operation === "put") {
    // parseFields guarantees both for put; the checks narrow the types without a non-null assertion.
    if (fields.contentType === undefined || fields.size === undefined) throw invalid();
    checkUploadHeaders(request, fields.contentType, fields.size);
    return {
      operation: "put",
      key: fields.key,
      expiresAt,
      contentType: fields.contentType,
      size: fields.size,
    };
  }
  const grant: DiskGetGrant = { operation: "get", key: fields.key, expiresAt };
  if (fields.contentType !== undefined) grant.contentType = fields.contentType;
  if (fields.filename !== undefined) grant.filename = fields.filename;
  return grant;
}
