import { Readable } from "node:stream";
import { AppError, isAppError } from "@vitae/errors";
import { objectExists } from "./disk-files";
import { type DiskStore, diskStoreInternals } from "./disk-internals";
import type { DiskGetGrant, DiskPutGrant } from "./disk-signing";
import { attachmentDisposition } from "./validation";

/** What a completed signed upload stored. */
export interface ReceivedUpload {
  key: string;
  size: number;
  contentType: string;
}

/**
 * Streams a verified upload body to disk; called by the API's PUT route after
 * `verifyDiskSignedRequest`. Signed uploads are **single-use**: when the key already holds an object
 * the upload is refused with `CONFLICT` — before any byte is read, and again atomically when the
 * finished file is published, so of two racing PUTs exactly one lands and a replayed link can never
 * swap bytes that were already uploaded (and perhaps validated). Counts bytes while writing and fails
 * with `PAYLOAD_TOO_LARGE` at the first byte past the signed size, or `BAD_REQUEST` when the body ends
 * short or the client aborts. Any failure publishes nothing: the temp file is removed and an existing
 * object stays intact. On overflow the body stream is destroyed rather than drained, so a client lying
 * about its size cannot keep sending; it sees the connection close instead of a 413 response.
 */
export async function receiveSignedUpload(
  store: DiskStore,
  grant: DiskPutGrant,
  body: Readable | AsyncIterable<Uint8Array>,
): Promise<ReceivedUpload> {
  if (grant.operation !== "put") {
    throw new AppError("SIGNATURE_INVALID", { message: "This link does not allow uploads." });
  }
  const internals = diskStoreInternals(store);
  // The client may abort while we are still checking for an existing object, before the write pipeline
  // listens; the pipeline reports a destroyed body itself, so this only keeps that early abort from
  // being an unhandled 'error' event that would take the process down.
  if (body instanceof Readable) body.on("error", () => undefined);
  try {
    if (await internals.hasObject(grant.key)) throw objectExists();
    await internals.writeObject(
      grant.key,
      grant.contentType,
      body,
      {
        size: grant.size,
        tooLarge: () =>
          new AppError("PAYLOAD_TOO_LARGE", { message: "The upload is larger than the link allows." }),
        tooShort: () =>
          new AppError("BAD_REQUEST", { message: "The upload ended before the size the link was made for." }),
      },
      "create",
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    // Filesystem errors carry a syscall; anything else came from the request stream (client abort).
    if (typeof (error as NodeJS.ErrnoException).syscall === "string") {
      throw new AppError("SERVICE_UNAVAILABLE", { message: "Disk storage failed.", cause: error });
    }
    throw new AppError("BAD_REQUEST", { message: "The upload was interrupted.", cause: error });
  }
  return { key: grant.key, size: grant.size, contentType: grant.contentType };
}

/** A download ready to send: status 200, these headers, and the body stream. */
export interface SignedDownload {
  headers: Record<string, string>;
  body: Readable;
}

/**
 * Opens the object a verified download link names and returns the response to send; called by the
 * API's GET route after `verifyDiskSignedRequest`. Missing objects reject with `NOT_FOUND`. The
 * response is always an attachment with `nosniff` and a sandboxing CSP, because these bytes were
 * uploaded by users and are served from our own origin.
 */
export async function serveSignedDownload(store: DiskStore, grant: DiskGetGrant): Promise<SignedDownload> {
  if (grant.operation !== "get") {
    throw new AppError("SIGNATURE_INVALID", { message: "This link does not allow downloads." });
  }
  const disposition = attachmentDisposition(grant.filename);
  const { info, stream } = await diskStoreInternals(store).openObject(grant.key);
  return {
    headers: {
      "content-type": grant.contentType ?? info.contentType,
      "content-length": String(info.size),
      "content-disposition": disposition,
      "last-modified": info.lastModified.toUTCString(),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
    body: stream,
  };
}
