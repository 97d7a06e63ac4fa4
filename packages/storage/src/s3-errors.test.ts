import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import { isS3NotFound, toAppError } from "./s3-errors";

const sdkError = (name: string, status?: number) =>
  Object.assign(new Error(name), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });

describe("toAppError", () => {
  it.each([
    ["NoSuchKey", 404, "NOT_FOUND"],
    ["NotFound", 404, "NOT_FOUND"],
    ["NoSuchBucket", 404, "INTERNAL"],
    ["AccessDenied", 403, "INTERNAL"],
    ["InternalError", 500, "SERVICE_UNAVAILABLE"],
    ["SlowDown", 503, "SERVICE_UNAVAILABLE"],
    ["TooManyRequests", 429, "SERVICE_UNAVAILABLE"],
    ["TimeoutError", undefined, "SERVICE_UNAVAILABLE"],
    ["Error", undefined, "SERVICE_UNAVAILABLE"],
  ])("maps %s (%s) to %s and keeps the cause", (name, status, code) => {
    const error = sdkError(name, status);
    const mapped = toAppError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.cause).toBe(error);
  });

  it("passes an AppError through unchanged", () => {
    const error = new AppError("BAD_REQUEST");
    expect(toAppError(error)).toBe(error);
  });

  it("does not treat a missing bucket as a missing object", () => {
    expect(isS3NotFound(sdkError("NoSuchBucket", 404))).toBe(false);
    expect(isS3NotFound(sdkError("NotFound", 404))).toBe(true);
  });
});
