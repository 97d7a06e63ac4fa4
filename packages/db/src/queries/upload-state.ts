import { eq, or } from "drizzle-orm";
import type { Database } from "../database";
import { documents, imports, voiceUploads } from "../schema";

/**
 * Where the upload of a storage key stands: `awaited` while a granted upload still waits for its bytes
 * (a document or import `uploaded` and never finalized, or a voice question not yet asked), `closed`
 * once its document or import was finalized (or went further), `absent` when nothing holds the key (never granted,
 * deleted, asked or swept).
 */
export type UploadState = "awaited" | "closed" | "absent";

/**
 * The {@link UploadState} of `storageKey`. The disk driver's upload route accepts a signed PUT only while
 * it is `awaited`, and removes bytes that landed after it became `absent`, so a replayed link can
 * neither write after its upload moved on nor leave an orphan behind a deletion.
 */
export async function uploadStateOf(db: Database, params: { storageKey: string }): Promise<UploadState> {
  const [document] = await db
    .select({ status: documents.status, finalizedAt: documents.finalizedAt })
    .from(documents)
    // Uploads go to `upload_key`; rows made before it existed took their upload at `storage_key`.
    .where(or(eq(documents.uploadKey, params.storageKey), eq(documents.storageKey, params.storageKey)))
    .limit(1);
  if (document !== undefined) {
    return document.status === "uploaded" && document.finalizedAt === null ? "awaited" : "closed";
  }
  const [spreadsheet] = await db
    .select({ status: imports.status, finalizedAt: imports.finalizedAt })
    .from(imports)
    .where(eq(imports.uploadKey, params.storageKey))
    .limit(1);
  if (spreadsheet !== undefined) {
    return spreadsheet.status === "uploaded" && spreadsheet.finalizedAt === null ? "awaited" : "closed";
  }
  const [voice] = await db
    .select({ id: voiceUploads.id })
    .from(voiceUploads)
    .where(eq(voiceUploads.storageKey, params.storageKey))
    .limit(1);
  return voice === undefined ? "absent" : "awaited";
}
