import { AppError, defaultMessageFor } from "@vitae/errors";
import { UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { classifyJobError } from "./classify-error";

describe("classifyJobError", () => {
  it("keeps an AppError's code and message and retries transient codes", () => {
    const result = classifyJobError(new AppError("SERVICE_UNAVAILABLE", { message: "Storage is down." }));
    expect(result).toEqual({ code: "SERVICE_UNAVAILABLE", message: "Storage is down.", isRetryable: true });
  });

  it.each(["NOT_FOUND", "VALIDATION_FAILED", "JOB_PAYLOAD_INVALID", "FORBIDDEN"] as const)(
    "fails %s permanently",
    (code) => {
      expect(classifyJobError(new AppError(code)).isRetryable).toBe(false);
    },
  );

  it("hides the text of unknown errors and retries them", () => {
    const result = classifyJobError(new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2"));
    expect(result).toEqual({ code: "INTERNAL", message: defaultMessageFor("INTERNAL"), isRetryable: true });
  });

  it("does not retry an UnrecoverableError and hides its text", () => {
    const result = classifyJobError(new UnrecoverableError("/srv/secret/path missing"));
    expect(result).toEqual({ code: "INTERNAL", message: defaultMessageFor("INTERNAL"), isRetryable: false });
  });

  it("treats non-Error throws as internal and retryable", () => {
    expect(classifyJobError("boom")).toEqual({
      code: "INTERNAL",
      message: defaultMessageFor("INTERNAL"),
      isRetryable: true,
    });
  });
});
