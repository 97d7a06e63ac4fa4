import { AppError } from "@vitae/errors";

/** S3 refuses DeleteObjects requests with more than 1000 keys. */
export const maxDeleteBatch = 1000;

/** The two S3 calls prefix deletion needs, abstracted so the paging logic is testable on its own. */
export interface PrefixDeletionOps {
  /** One ListObjectsV2 page under the prefix. */
  listPage(continuationToken: string | undefined): Promise<{ keys: string[]; nextToken: string | undefined }>;
  /** One DeleteObjects call; returns the keys S3 reported as not deleted, with their error codes. */
  deleteBatch(keys: string[]): Promise<{ key: string; code: string }[]>;
}

/**
 * Deletes every listed key page by page in batches of at most 1000, and returns the number deleted.
 * Per-key failures (DeleteObjects answers 200 with an `Errors` list) do not stop the run: the rest are
 * still deleted, then the call rejects with `SERVICE_UNAVAILABLE` and `details.deleted`/`failed`, so
 * a retry (deletion is idempotent) can finish the job. A failed list or delete call stops immediately.
 */
export async function deleteAllPages(ops: PrefixDeletionOps): Promise<number> {
  let deleted = 0;
  const failed: { key: string; code: string }[] = [];
  let token: string | undefined;
  do {
    const page = await ops.listPage(token);
    for (let start = 0; start < page.keys.length; start += maxDeleteBatch) {
      const batch = page.keys.slice(start, start + maxDeleteBatch);
      const errors = await ops.deleteBatch(batch);
      deleted += batch.length - errors.length;
      failed.push(...errors);
    }
    token = page.nextToken;
  } while (token !== undefined);
  if (failed.length > 0) {
    throw new AppError("SERVICE_UNAVAILABLE", {
      message: "Some objects could not be deleted.",
      details: {
        deleted,
        failed: failed.length,
        // Distinct S3 error codes tell AccessDenied from SlowDown; keys stay out of client-visible details.
        errorCodes: [...new Set(failed.map((failure) => failure.code))],
      },
    });
  }
  return deleted;
}
