import { type Database, failJobRun, type JobRun } from "@vitae/db";
import type { Logger } from "@vitae/logger";
import type { JobDefinition } from "./define-job";
import { type JobName, jobDefinitions } from "./job-definitions";

/** Stored on a run that ends because its attempts kept being cut short (its workers died). */
export const interruptedRunMessage = "The job was interrupted before it could finish.";

/** The definition of a stored run's job, or `undefined` for a name this build does not define. */
export function definitionOfRun(name: string): JobDefinition | undefined {
  return Object.hasOwn(jobDefinitions, name) ? jobDefinitions[name as JobName] : undefined;
}

/** Parameters of {@link failRunForGood}. */
export interface FailRunForGoodParams {
  run: JobRun;
  /** Client-safe code and message stored on the run (and handed to `onExhausted`). */
  errorCode: string;
  errorMessage: string;
  logger: Logger;
}

/**
 * The one way a run ends in `failed`: marks it failed and runs its job's `onExhausted` hook in the same
 * transaction, so the run and what it worked for (a document) leave their in-between states together or
 * not at all. Returns `false` (and runs no hook) when the run had already finished — the processor and
 * the reconciler may both notice the same failure. A payload that no longer matches the schema skips the
 * hook (logged): the run still ends. Called by the worker's processor and failure listener and by the
 * reconciler.
 */
export async function failRunForGood(db: Database, params: FailRunForGoodParams): Promise<boolean> {
  const { run, errorCode, errorMessage, logger } = params;
  const definition = definitionOfRun(run.name);
  return db.transaction(async (tx) => {
    const changed = await failJobRun(tx, { id: run.id, errorCode, errorMessage, willRetry: false });
    if (!changed || definition?.onExhausted === undefined) return changed;
    const parsed = definition.schema.safeParse(run.payload);
    if (!parsed.success) {
      logger.warn({ jobId: run.id, job: run.name }, "run failed for good; payload invalid, hook skipped");
      return changed;
    }
    await definition.onExhausted({ db: tx, run, payload: parsed.data, errorCode, errorMessage, logger });
    return true;
  });
}
