import { databaseUnavailableError } from "@vitae/db";
import { type AppErrorCode, defaultMessageFor, isAppError } from "@vitae/errors";

/** How a failed attempt is recorded and whether BullMQ may try again. */
export interface ErrorClassification {
  /** Stored in `job_runs.error_code`; stable for clients. */
  code: AppErrorCode;
  /** Stored in `job_runs.error_message`; always client-safe. */
  message: string;
  /** False when another attempt cannot succeed (bad input, missing entity, explicit `UnrecoverableError`). */
  isRetryable: boolean;
}

/**
 * Codes that describe the job itself rather than the moment it ran: retrying gives the same answer, so
 * the run fails at once instead of burning attempts and delaying the user's feedback.
 */
const permanentCodes: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "JOB_PAYLOAD_INVALID",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "QUOTA_EXCEEDED",
  "SIGNATURE_INVALID",
  "SIGNATURE_EXPIRED",
]);

/** BullMQ compares by name too (`err.name == 'UnrecoverableError'`), so errors from other copies count. */
function isUnrecoverable(error: unknown): boolean {
  return error instanceof Error && error.name === "UnrecoverableError";
}

/**
 * Classifies a handler failure. `AppError`s keep their code and (client-safe by contract) message;
 * anything else becomes `INTERNAL` with the default message — raw exception text never reaches a client.
 * Unknown errors are retryable: most are transient (network, deadlocks), and attempts are bounded.
 */
export function classifyJobError(thrown: unknown): ErrorClassification {
  // A database outage is recorded as what it is (transient), not as an internal error.
  const error = isAppError(thrown) ? thrown : (databaseUnavailableError(thrown) ?? thrown);
  if (isAppError(error)) {
    return { code: error.code, message: error.message, isRetryable: !permanentCodes.has(error.code) };
  }
  return { code: "INTERNAL", message: defaultMessageFor("INTERNAL"), isRetryable: !isUnrecoverable(error) };
}
