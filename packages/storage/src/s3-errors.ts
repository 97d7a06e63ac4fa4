import { AppError, isAppError } from "@vitae/errors";

interface SdkErrorShape {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/** True when S3 reported that the object (not the bucket) does not exist. */
export function isS3NotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as SdkErrorShape;
  if (name === "NoSuchBucket") return false;
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
}

/**
 * Maps an S3 SDK failure onto the closed error list, keeping the SDK error as `cause`: a missing key is
 * `NOT_FOUND`; network failures, timeouts, throttling and 5xx are `SERVICE_UNAVAILABLE` (retry later);
 * anything else (a missing bucket, denied access, a rejected request) is a deployment or programming
 * fault, reported as `INTERNAL` so it is not retried forever.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isS3NotFound(error)) return new AppError("NOT_FOUND", { cause: error });
  const { name, $metadata, $retryable } = (error ?? {}) as SdkErrorShape;
  const status = $metadata?.httpStatusCode;
  const isTransient =
    status === undefined ||
    status >= 500 ||
    status === 429 ||
    $retryable !== undefined ||
    name === "TimeoutError" ||
    name === "AbortError" ||
    name === "SlowDown";
  if (isTransient) {
    return new AppError("SERVICE_UNAVAILABLE", { message: "Object storage is not reachable.", cause: error });
  }
  return new AppError("INTERNAL", { message: "Object storage refused the request.", cause: error });
}
