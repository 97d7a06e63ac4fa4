import { and, asc, eq, lt } from "drizzle-orm";
import type { Database } from "../database";
import { voiceUploads } from "../schema";
import { isUuid } from "./ids";
import { releaseStoredBytes, reserveStoredBytes } from "./stored-bytes";

/** A voice recording's upload as the sweep and the ask see it. */
export interface VoiceUploadRecord {
  id: string;
  workspaceId: string;
  storageKey: string;
  size: number;
  createdAt: Date;
}

const voiceUploadColumns = {
  id: voiceUploads.id,
  workspaceId: voiceUploads.workspaceId,
  storageKey: voiceUploads.storageKey,
  size: voiceUploads.size,
  createdAt: voiceUploads.createdAt,
};

/** Parameters of {@link createVoiceUploadRecord}. */
export interface CreateVoiceUploadParams {
  id: string;
  workspaceId: string;
  storageKey: string;
  /** The exact size the upload URL is signed for. */
  size: number;
  /** The plan's stored-bytes quota. */
  storedBytesLimit: number;
}

/**
 * Records a granted voice upload and reserves its size in the stored-bytes quota, in one transaction.
 * Throws `AppError("QUOTA_EXCEEDED")` when the reservation would pass the limit.
 */
export function createVoiceUploadRecord(db: Database, params: CreateVoiceUploadParams): Promise<void> {
  const { storedBytesLimit, ...row } = params;
  return db.transaction(async (tx) => {
    await tx.insert(voiceUploads).values(row);
    await reserveStoredBytes(tx, { workspaceId: row.workspaceId, bytes: row.size, limit: storedBytesLimit });
  });
}

/**
 * Removes voice upload `id` of `workspaceId` and gives its bytes back, in one transaction; returns what
 * it removed (the caller deletes the object), or `undefined` when there is no such upload — already
 * asked, swept, or another workspace's. Exactly one of any number of concurrent calls gets the record.
 */
export function takeVoiceUpload(
  db: Database,
  params: { workspaceId: string; id: string },
): Promise<VoiceUploadRecord | undefined> {
  if (!isUuid(params.workspaceId)) return Promise.resolve(undefined);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(voiceUploads)
      .where(and(eq(voiceUploads.id, params.id), eq(voiceUploads.workspaceId, params.workspaceId)))
      .returning(voiceUploadColumns);
    if (row !== undefined) await releaseStoredBytes(tx, { workspaceId: row.workspaceId, bytes: row.size });
    return row;
  });
}

/** Voice uploads created strictly before `olderThan`, oldest first, across workspaces (the sweep's read). */
export function listStaleVoiceUploads(
  db: Database,
  params: { olderThan: Date; limit: number },
): Promise<VoiceUploadRecord[]> {
  return db
    .select(voiceUploadColumns)
    .from(voiceUploads)
    .where(lt(voiceUploads.createdAt, params.olderThan))
    .orderBy(asc(voiceUploads.createdAt), asc(voiceUploads.id))
    .limit(params.limit);
}
