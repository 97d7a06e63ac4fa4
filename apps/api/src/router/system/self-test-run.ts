import { AppError } from "@vitae/errors";
import { type JobStatusSnapshot, runSelfTestJob } from "@vitae/queue";
import { z } from "zod";

/** Input naming one self-test run. */
export const selfTestRunInput = z.strictObject({ jobRunId: z.uuid() });

/** What clients see of a self-test run. */
export const selfTestRunOutput = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  errorCode: z.string().nullable(),
  result: z.unknown().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type SelfTestRun = z.infer<typeof selfTestRunOutput>;

/**
 * Projects a job snapshot for the self-test procedures. Any run that is not a self-test is reported as
 * missing: these procedures are public, and other jobs (later: tenants' documents) must not be
 * observable through them.
 */
export function toSelfTestRun(snapshot: JobStatusSnapshot): SelfTestRun {
  if (snapshot.name !== runSelfTestJob.name) throw new AppError("NOT_FOUND");
  return {
    id: snapshot.id,
    status: snapshot.status,
    progress: snapshot.progress,
    progressMessage: snapshot.progressMessage,
    errorCode: snapshot.errorCode,
    result: snapshot.result ?? null,
    createdAt: snapshot.createdAt,
    finishedAt: snapshot.finishedAt,
  };
}
