import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { AppError, isAppError } from "@vitae/errors";
import { enforceSize, holdEarlyErrors } from "./byte-limit";
import { pingWithin } from "./ping";
import { deleteAllPages, maxDeleteBatch } from "./s3-delete-prefix";
import { isS3NotFound, toAppError } from "./s3-errors";
import type { ObjectStore } from "./types";
import {
  assertValidContentType,
  assertValidKey,
  assertValidPrefix,
  assertValidUploadOptions,
  attachmentDisposition,
  normalizeBody,
  resolveExpiresIn,
} from "./validation";

/** Configuration of the S3 driver (AWS S3, MinIO, Cloudflare R2 and other S3-compatible stores). */
export interface S3StoreConfig {
  /** `S3_BUCKET`; the bucket must already exist. */
  bucket: string;
  /** `S3_REGION`, e.g. `us-east-1` (R2 uses `auto`). */
  region: string;
  /** `S3_ENDPOINT` for non-AWS services, e.g. `http://127.0.0.1:9000`. */
  endpoint?: string | undefined;
  /** `S3_FORCE_PATH_STYLE`; MinIO and most self-hosted services need `true`. */
  forcePathStyle?: boolean | undefined;
  /** `S3_ACCESS_KEY_ID` / `S3_SECRET_ACCESS_KEY`; omitted → the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Time allowed to open a connection; default 5000 ms. */
  connectionTimeoutMs?: number;
  /** Time allowed until response headers arrive, and the socket idle limit; default 30000 ms. */
  requestTimeoutMs?: number;
  /** Total attempts per call including retries; default 3. */
  maxAttempts?: number;
  /** Keys per ListObjectsV2 page in `deleteByPrefix` (1–1000); default 1000. Small values suit tests. */
  listPageSize?: number;
  /** Clock used as the presigning time; injectable so tests need no wall-clock waits. */
  now?: () => Date;
}

/**
 * Creates the S3 driver. Guarantees: checksums only when an operation requires them (otherwise
 * presigned PUT URLs carry an empty-body CRC32 that S3 rejects), explicit connection/request timeouts
 * and a bounded retry count, and presigned uploads whose `Content-Type` and `Content-Length` are part
 * of the signature. Creating the store makes no network call; use `ping` for readiness.
 */
export function createS3Store(config: S3StoreConfig): ObjectStore {
  const { bucket } = config;
  if (bucket.length === 0)
    throw new AppError("INTERNAL", { message: "S3 storage configuration: empty bucket." });
  const pageSize = config.listPageSize ?? maxDeleteBatch;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxDeleteBatch) {
    throw new AppError("INTERNAL", { message: "S3 storage configuration: listPageSize must be 1–1000." });
  }
  const requestTimeout = config.requestTimeoutMs ?? 30_000;
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? false,
    credentials: config.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: config.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: config.connectionTimeoutMs ?? 5_000,
      requestTimeout,
      throwOnRequestTimeout: true,
      // Covers stalled body transfers, which the request timeout (headers only) does not.
      socketTimeout: requestTimeout,
    },
  });
  const now = config.now ?? (() => new Date());

  const presignTiming = (expiresInSeconds: number | undefined) => {
    const expiresIn = resolveExpiresIn(expiresInSeconds);
    // Signatures have one-second resolution; report the expiry S3 will actually enforce.
    const signingDate = new Date(Math.floor(now().getTime() / 1000) * 1000);
    return { expiresIn, signingDate, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000) };
  };

  const getObject = async (key: string) => {
    assertValidKey(key);
    try {
      return await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      throw toAppError(error);
    }
  };

  return {
    kind: "s3",

    async put(key, body, options) {
      assertValidKey(key);
      assertValidContentType(options.contentType);
      holdEarlyErrors(body);
      const normalized = normalizeBody(body, options.contentLength);
      // A stream is counted on its way out. On a mismatch the request is aborted: the SDK does not
      // notice a failing body stream by itself and would wait for the missing bytes until its timeout.
      const abort = new AbortController();
      let sizeError: AppError | undefined;
      const mismatch = () => {
        sizeError = new AppError("BAD_REQUEST", {
          message: "The body does not match the declared content length.",
        });
        abort.abort(sizeError);
        return sizeError;
      };
      let payload: Buffer | Readable;
      if (normalized.kind === "bytes") {
        payload = normalized.bytes;
      } else {
        payload = Readable.from(
          enforceSize(normalized.stream, { size: normalized.length, tooLarge: mismatch, tooShort: mismatch }),
        );
        holdEarlyErrors(payload);
      }
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: payload,
            ContentType: options.contentType,
            ContentLength: normalized.kind === "bytes" ? normalized.bytes.length : normalized.length,
          }),
          { abortSignal: abort.signal },
        );
      } catch (error) {
        throw sizeError ?? toAppError(error);
      }
    },

    async get(key) {
      const response = await getObject(key);
      try {
        const bytes = await response.Body?.transformToByteArray();
        if (!bytes) return Buffer.alloc(0);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        throw toAppError(error);
      }
    },

    async getStream(key) {
      const response = await getObject(key);
      if (!(response.Body instanceof Readable)) {
        throw new AppError("INTERNAL", { message: "Object storage returned no readable body." });
      }
      return response.Body;
    },

    async head(key) {
      assertValidKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: response.ContentLength ?? 0,
          contentType: response.ContentType ?? "application/octet-stream",
          lastModified: response.LastModified ?? new Date(0),
        };
      } catch (error) {
        if (isS3NotFound(error)) return null;
        throw toAppError(error);
      }
    },

    async delete(key) {
      assertValidKey(key);
      try {
        // S3 answers 204 for a missing key too, which makes this idempotent.
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        throw toAppError(error);
      }
    },

    async deleteByPrefix(prefix) {
      assertValidPrefix(prefix);
      try {
        return await deleteAllPages({
          async listPage(token) {
            const page = await client.send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                MaxKeys: pageSize,
                ContinuationToken: token,
              }),
            );
            const keys = (page.Contents ?? []).flatMap((object) =>
              object.Key === undefined ? [] : [object.Key],
            );
            return { keys, nextToken: page.IsTruncated ? page.NextContinuationToken : undefined };
          },
          async deleteBatch(keys) {
            const result = await client.send(
              new DeleteObjectsCommand({
                Bucket: bucket,
                // Quiet mode lists only failures, keeping responses small for 1000-key batches.
                Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
              }),
            );
            return (result.Errors ?? []).map((failure) => ({
              key: failure.Key ?? "",
              code: failure.Code ?? "Unknown",
            }));
          },
        });
      } catch (error) {
        throw isAppError(error) ? error : toAppError(error);
      }
    },

    async createUploadUrl(key, options) {
      assertValidKey(key);
      assertValidUploadOptions(options);
      const { expiresIn, signingDate, expiresAt } = presignTiming(options.expiresInSeconds);
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: options.contentType,
        ContentLength: options.size,
        IfNoneMatch: "*",
      });
      // The presigner leaves Content-Type unsigned by default; signing both headers is what makes S3
      // refuse an upload of another type or size. `If-None-Match: *` is signed too, so every write
      // through this URL is a conditional create: S3 (and MinIO, R2) answer 412 once the key holds an
      // object, which makes the link single-use — a replay can neither swap nor overwrite bytes.
      const url = await getSignedUrl(client, command, {
        expiresIn,
        signingDate,
        signableHeaders: new Set(["content-type", "content-length", "if-none-match"]),
      });
      return {
        url,
        method: "PUT",
        headers: {
          "Content-Type": options.contentType,
          "Content-Length": String(options.size),
          "If-None-Match": "*",
        },
        expiresAt,
      };
    },

    async createDownloadUrl(key, options = {}) {
      assertValidKey(key);
      if (options.contentType !== undefined) assertValidContentType(options.contentType);
      const { expiresIn, signingDate, expiresAt } = presignTiming(options.expiresInSeconds);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: attachmentDisposition(options.filename),
        ResponseContentType: options.contentType,
      });
      const url = await getSignedUrl(client, command, { expiresIn, signingDate });
      return { url, expiresAt };
    },

    async ping(timeoutMs) {
      await pingWithin(timeoutMs, "Object storage", (abortSignal) =>
        client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal }),
      );
    },
  };
}
