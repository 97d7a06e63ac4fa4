import { z } from "zod";
import { defineJob } from "./define-job";

/**
 * How long a granted upload may wait for its bytes before it counts as abandoned: longer than any upload
 * link lives (documents 10 minutes, voice 2 minutes, storage's cap 1 hour), so the sweep never removes
 * an upload whose link could still be used.
 */
const defaultStaleUploadSeconds = 3600;

/**
 * `storage.sweep-stale-uploads`: removes uploads granted more than `staleAfterSeconds` ago and never
 * completed — documents never finalized, voice questions never asked — row and object, giving their
 * reserved bytes back to the workspace's stored-bytes quota. Runs every 10 minutes on a BullMQ job
 * scheduler the workers register (`schedule` in its definition); each pass handles at most `limit` of each kind, oldest first, and the next pass
 * takes the rest. Idempotent: each removal is a guarded delete, so a finalize racing the sweep wins or
 * loses as a whole.
 */
export const sweepStaleUploadsJob = defineJob({
  name: "storage.sweep-stale-uploads",
  queue: "maintenance",
  schema: z.strictObject({
    staleAfterSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .default(defaultStaleUploadSeconds),
    limit: z.number().int().min(1).max(5000).default(500),
  }),
  // A failed pass is simply retried by the next tick; retrying at once would hit the same outage.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
  schedule: { everyMs: 10 * 60_000 },
});
