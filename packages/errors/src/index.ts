/**
 * `AppError`, the one error type packages throw for expected failures. The closed list of codes, their
 * transport mapping and their sentences live in `@vitae/contracts` (browser-safe); they are re-exported
 * here so server code needs one import.
 */
import { type AppErrorCode, defaultMessageFor, isAppErrorCode } from "@vitae/contracts";

export {
  type AppErrorCode,
  appErrorCodes,
  defaultMessageFor,
  errorCodeTable,
  httpStatusFor,
  isAppErrorCode,
} from "@vitae/contracts";

export interface AppErrorOptions {
  /** Client-safe message; defaults to the code's plain-words message. Never put secrets, SQL or paths here. */
  message?: string;
  /** The underlying error, kept for logs only — never serialised to clients. */
  cause?: unknown;
  /** Client-safe structured details (e.g. validation field errors). */
  details?: Record<string, unknown>;
}

/** The only error type packages throw for expected failures; anything else is treated as INTERNAL. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? defaultMessageFor(code), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
  }
}

/** True for an `AppError`, including one from another copy of this module (compares by shape). */
export function isAppError(error: unknown): error is AppError {
  return (
    error instanceof AppError ||
    (error instanceof Error &&
      error.name === "AppError" &&
      typeof (error as AppError).code === "string" &&
      isAppErrorCode((error as AppError).code))
  );
}
