import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeError, isClientFault } from "./describe-error";

describe("describeError", () => {
  it("keeps the server's message, code and request id from a tRPC error", () => {
    const error = TRPCClientError.from({
      error: {
        message: "A dependency is unavailable; try again shortly.",
        code: -32603,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, requestId: "req-42" },
      },
    });

    expect(describeError(error)).toEqual({
      message: "A dependency is unavailable; try again shortly.",
      code: "SERVICE_UNAVAILABLE",
      requestId: "req-42",
    });
  });

  it("says the server was unreachable when a tRPC error carries no server data", () => {
    const error = TRPCClientError.from(new TypeError("Failed to fetch"));

    const summary = describeError(error);
    expect(summary.message).toMatch(/could not reach/i);
    expect(summary).toMatchObject({ code: null, requestId: null });
  });

  it("ignores non-string identifiers instead of rendering them", () => {
    const error = TRPCClientError.from({
      error: { message: "Bad", code: -32600, data: { code: 400, requestId: { nested: true } } },
    });

    expect(describeError(error)).toEqual({ message: "Bad", code: null, requestId: null });
  });

  it("uses the message of plain errors and never exposes a stack", () => {
    const summary = describeError(new Error("Render failed"));
    expect(summary).toEqual({ message: "Render failed", code: null, requestId: null });
    expect(JSON.stringify(summary)).not.toContain("at ");
  });

  it("falls back to a generic message for values that are not errors", () => {
    expect(describeError(undefined).message).toBe("Something went wrong.");
    expect(describeError("Plain words").message).toBe("Plain words");
  });
});

describe("isClientFault", () => {
  const answered = (httpStatus: unknown) =>
    TRPCClientError.from({ error: { message: "No", code: -32600, data: { code: "X", httpStatus } } });

  it("is true only for a 4xx the server answered with", () => {
    expect(isClientFault(answered(404))).toBe(true);
    expect(isClientFault(answered(429))).toBe(true);
    expect(isClientFault(answered(503))).toBe(false);
    expect(isClientFault(answered("404"))).toBe(false);
    expect(isClientFault(TRPCClientError.from(new TypeError("Failed to fetch")))).toBe(false);
    expect(isClientFault(new Error("404"))).toBe(false);
  });
});
