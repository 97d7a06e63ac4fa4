import {
  deleteDocument,
  deleteImport,
  listStaleUploadedDocuments,
  listStaleUploadedImports,
  listStaleVoiceUploads,
  takeVoiceUpload,
} from "@vitae/db";
import { isAppError } from "@vitae/errors";
import type { JobHandler } from "../handler-types";

/**
 * `storage.sweep-stale-uploads`: for each upload granted before the cutoff and never completed, first
 * the guarded row delete (which gives the reserved bytes back in the same transaction), then the
 * object — documents, voice questions and spreadsheet imports alike. Rows first: a crash in between leaves an object nothing refers to (removed with its prefix),
 * never a row whose bytes were freed while still counted. A document finalized meanwhile is left alone.
 */
export const sweepStaleUploads: JobHandler<"storage.sweep-stale-uploads"> = async ({
  db,
  storage,
  payload,
  logger,
}) => {
  const olderThan = new Date(Date.now() - payload.staleAfterSeconds * 1000);
  let documents = 0;
  let recordings = 0;
  let spreadsheets = 0;
  let bytes = 0;

  for (const stale of await listStaleUploadedDocuments(db, { olderThan, limit: payload.limit })) {
    const deleted = await deleteDocument(db, {
      workspaceId: stale.workspaceId,
      documentId: stale.id,
      onlyIfUnfinalized: true,
    }).catch((error: unknown) => {
      // Finalized (or deleted) since it was listed: no longer the sweep's to remove.
      if (isAppError(error) && error.code === "NOT_FOUND") return undefined;
      throw error;
    });
    if (deleted === undefined) continue;
    for (const key of deleted.storageKeys) await storage.delete(key);
    documents += 1;
    bytes += deleted.size;
  }

  for (const stale of await listStaleVoiceUploads(db, { olderThan, limit: payload.limit })) {
    const taken = await takeVoiceUpload(db, { workspaceId: stale.workspaceId, id: stale.id });
    if (taken === undefined) continue;
    await storage.delete(taken.storageKey);
    recordings += 1;
    bytes += taken.size;
  }

  for (const stale of await listStaleUploadedImports(db, { olderThan, limit: payload.limit })) {
    const deleted = await deleteImport(db, {
      workspaceId: stale.workspaceId,
      importId: stale.id,
      onlyIfUnfinalized: true,
    }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return undefined;
      throw error;
    });
    if (deleted === undefined) continue;
    await storage.delete(deleted.uploadKey);
    spreadsheets += 1;
    bytes += deleted.size;
  }

  if (documents + recordings + spreadsheets > 0)
    logger.info({ documents, recordings, imports: spreadsheets, bytes }, "stale uploads swept");
  return { documents, recordings, imports: spreadsheets, bytes };
};
