import { expireExport, exportObjectKeys, listExpiredExports } from "@vitae/db";
import type { JobHandler } from "../handler-types";

/**
 * `exports.sweep-expired`: for each export past its `expiresAt` (ready or failed, any source), first
 * its objects (the file and, for an import export, its rejected rows), then the guarded transition to `expired`, which gives the counted bytes back in its
 * transaction. Object first: a crash in between leaves a due row the next pass finishes (deleting a
 * missing object succeeds), never a file nothing will delete.
 */
export const sweepExpiredExports: JobHandler<"exports.sweep-expired"> = async ({
  db,
  storage,
  payload,
  logger,
}) => {
  let expired = 0;
  let bytes = 0;
  for (const due of await listExpiredExports(db, { limit: payload.limit })) {
    for (const key of exportObjectKeys(due.objectKey)) await storage.delete(key);
    const done = await expireExport(db, { workspaceId: due.workspaceId, exportId: due.id });
    if (done === undefined) continue;
    expired += 1;
    bytes += done.size;
  }
  if (expired > 0) logger.info({ expired, bytes }, "expired exports swept");
  return { expired, bytes };
};
