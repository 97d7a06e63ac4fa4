import { createHash, randomBytes } from "node:crypto";
import { getJobRun } from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { JobHandler } from "../handler-types";

/** Where the probe object of run `jobRunId` lives; unique per run, so concurrent self-tests never collide. */
export function selfTestObjectKey(jobRunId: string): string {
  return `system/self-test/${jobRunId}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * `system.run-self-test`: proves this worker can use every dependency a real job needs. Steps, each
 * reported as progress: write a random probe object to storage (10), read it back and compare SHA-256
 * (40), record progress in Postgres and read the row back (70), delete the probe and confirm it is gone
 * (100). Returns the probe's size and hash and each step's duration in milliseconds.
 *
 * Idempotent: the probe key is derived from the run id, so a retried attempt overwrites the same object,
 * and the probe is deleted even when a step fails.
 */
export const runSelfTest: JobHandler<"system.run-self-test"> = async ({
  jobRunId,
  payload,
  db,
  storage,
  reportProgress,
}) => {
  const key = selfTestObjectKey(jobRunId);
  const probe = randomBytes(payload.probeBytes);
  const expectedHash = sha256(probe);
  let isDeleted = false;
  const time = async (step: () => Promise<void>): Promise<number> => {
    const start = performance.now();
    await step();
    return Math.round((performance.now() - start) * 1000) / 1000;
  };

  try {
    await reportProgress(10, "Writing a probe object to storage");
    const writeMs = await time(() => storage.put(key, probe, { contentType: "application/octet-stream" }));

    await reportProgress(40, "Reading the probe object back");
    const readMs = await time(async () => {
      const stored = await storage.get(key);
      if (sha256(stored) !== expectedHash) {
        throw new AppError("SERVICE_UNAVAILABLE", {
          message: "Storage returned different bytes than were written.",
        });
      }
    });

    await reportProgress(70, "Storage verified; recording the result in Postgres");
    const recordMs = await time(async () => {
      // reportProgress wrote the row above; reading it back proves a write/read round trip through Postgres.
      const row = await getJobRun(db, { id: jobRunId });
      if (row?.progress !== 70) {
        throw new AppError("SERVICE_UNAVAILABLE", {
          message: "The database did not return the recorded progress.",
        });
      }
    });

    const deleteMs = await time(async () => {
      await storage.delete(key);
      isDeleted = true;
      if ((await storage.head(key)) !== null) {
        throw new AppError("SERVICE_UNAVAILABLE", {
          message: "Storage still holds the deleted probe object.",
        });
      }
    });
    await reportProgress(100, "Self-test passed");

    return {
      objectKey: key,
      bytes: probe.length,
      sha256: expectedHash,
      timingsMs: { write: writeMs, read: readMs, record: recordMs, delete: deleteMs },
    };
  } finally {
    if (!isDeleted) {
      // Best effort: the failure that got us here is what the run reports.
      await storage.delete(key).catch(() => undefined);
    }
  }
};
