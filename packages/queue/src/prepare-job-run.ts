import type { InsertJobRunParams } from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { z } from "zod";
import type { JobDefinition } from "./define-job";
import type { RegisteredJob } from "./queue-client";

/**
 * The `job_runs` row `enqueue` would insert for `job` with `payload`, for a workflow that must commit the
 * run together with its own writes (one transaction, `insertJobRun(tx, row)`); after the commit,
 * `enqueue` with the same `jobRunId` finds the row and hands it to BullMQ, or the reconciler does.
 * Validates the payload like `enqueue` (`AppError("JOB_PAYLOAD_INVALID")`).
 */
export function prepareJobRun<Job extends RegisteredJob>(
  job: Job,
  payload: z.input<Job["schema"]>,
  options: { jobRunId: string; workspaceId?: string | undefined },
): InsertJobRunParams & { id: string } {
  const definition: JobDefinition = job;
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) throw new AppError("JOB_PAYLOAD_INVALID", { cause: parsed.error });
  return {
    id: options.jobRunId,
    name: definition.name,
    queue: definition.queue,
    workspaceId: options.workspaceId ?? null,
    payload: parsed.data,
    maxAttempts: definition.options.attempts ?? 1,
  };
}
