import type { Readable } from "node:stream";
import { type Database, uploadStateOf } from "@vitae/db";
import { AppError, isAppError } from "@vitae/errors";
import {
  type DiskStore,
  receiveSignedUpload,
  serveSignedDownload,
  verifyDiskSignedRequest,
} from "@vitae/storage";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sendError } from "./errors";

function signedRequestFrom(request: FastifyRequest) {
  const params = request.params as { "*"?: string };
  return {
    method: request.method,
    key: params["*"] ?? "",
    query: request.query as Record<string, unknown>,
    headers: request.headers,
  };
}

function linkUsed(): AppError {
  return new AppError("CONFLICT", {
    message: "This upload link has already been used or is no longer needed.",
  });
}

/**
 * The disk driver's signed URLs: `GET /storage/<key>?…` downloads, `PUT /storage/<key>?…` uploads.
 * The signature binds operation, key, expiry, content type and exact size, so these routes need no
 * session: the link is the capability. Upload links are single-use: a PUT is refused (409) when the
 * key already holds an object or its upload is no longer awaited (finalized, ingested, asked, deleted
 * or swept), so a replayed link can neither swap validated bytes nor leave an uncounted orphan.
 * Mounted only when objects live on local disk.
 */
export function registerStorageRoutes(app: FastifyInstance, store: DiskStore, db: Database) {
  app.register(async (scope) => {
    // Upload bodies are streamed to disk unparsed, whatever their type; the signature bounds the size.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));

    scope.get("/storage/*", async (request, reply) => {
      try {
        const grant = verifyDiskSignedRequest(store, signedRequestFrom(request));
        if (grant.operation !== "get") throw new AppError("SIGNATURE_INVALID");
        const download = await serveSignedDownload(store, grant);
        return reply.headers(download.headers).send(download.body);
      } catch (error) {
        return replyWithStorageError(reply, error);
      }
    });

    scope.put("/storage/*", async (request, reply) => {
      try {
        const grant = verifyDiskSignedRequest(store, signedRequestFrom(request));
        if (grant.operation !== "put") throw new AppError("SIGNATURE_INVALID");
        if ((await uploadStateOf(db, { storageKey: grant.key })) !== "awaited") throw linkUsed();
        const body = (request.body as Readable | undefined) ?? request.raw;
        const received = await receiveSignedUpload(store, grant, body);
        // The upload may have been deleted or swept while the bytes streamed in: take them back out.
        if ((await uploadStateOf(db, { storageKey: grant.key })) === "absent") {
          await store.delete(grant.key);
          throw linkUsed();
        }
        return reply.status(201).send({ key: received.key, size: received.size });
      } catch (error) {
        return replyWithStorageError(reply, error);
      }
    });
  });
}

function replyWithStorageError(reply: Parameters<typeof sendError>[0], error: unknown) {
  if (!isAppError(error)) throw error;
  if (error.code === "SERVICE_UNAVAILABLE" || error.code === "INTERNAL") {
    reply.request.log.error({ err: error }, "disk storage failed");
  }
  // Closing after a refused upload stops a client that keeps streaming past the signed size.
  if (reply.request.method === "PUT") reply.header("connection", "close");
  return sendError(reply, error.code, error.message);
}
