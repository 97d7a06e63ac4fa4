import { TRPCError } from "@trpc/server";
import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatTrpcError } from "./error-formatter";

function format(error: TRPCError, requestId = "req-12345678") {
  return formatTrpcError({
    shape: { message: error.message, code: -32603, data: {} },
    error,
    ctx: { requestId },
  });
}

describe("formatTrpcError", () => {
  it("maps an AppError cause to its code, status and message, with the request id", () => {
    const cause = new AppError("NOT_FOUND", { message: "No such job." });
    const shaped = format(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }));
    expect(shaped.message).toBe("No such job.");
    expect(shaped.data).toEqual({ code: "NOT_FOUND", httpStatus: 404, requestId: "req-12345678" });
    expect(shaped.code).toBe(-32004);
  });

  it("turns zod failures into VALIDATION_FAILED with field messages but not the rejected values", () => {
    const parsed = z.object({ jobRunId: z.uuid() }).safeParse({ jobRunId: "secret-value-123" });
    const cause = parsed.error as z.ZodError;
    const shaped = format(new TRPCError({ code: "BAD_REQUEST", cause }));
    expect(shaped.data.code).toBe("VALIDATION_FAILED");
    expect(shaped.data.httpStatus).toBe(400);
    expect(Object.keys(shaped.data.fieldErrors ?? {})).toEqual(["jobRunId"]);
    expect(JSON.stringify(shaped)).not.toContain("secret-value-123");
  });

  it("never exposes the message, stack or SQL of an unexpected error", () => {
    const cause = new Error('relation "job_runs" does not exist at /srv/app/db.ts:12');
    const shaped = format(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: cause.message, cause }));
    const text = JSON.stringify(shaped);
    expect(shaped.data.code).toBe("INTERNAL");
    expect(shaped.data.httpStatus).toBe(500);
    expect(text).not.toContain("job_runs");
    expect(text).not.toContain("/srv/app");
    expect(text).not.toContain("stack");
  });

  it("distinguishes oversized batches, unknown procedures and parse errors", () => {
    expect(
      format(new TRPCError({ code: "BAD_REQUEST", message: "Batch call exceeds maximum size" })).data.code,
    ).toBe("BATCH_TOO_LARGE");
    expect(
      format(new TRPCError({ code: "NOT_FOUND", message: 'No procedure found on path "x"' })).data,
    ).toMatchObject({
      code: "PROCEDURE_NOT_FOUND",
      httpStatus: 404,
    });
    expect(format(new TRPCError({ code: "PARSE_ERROR" })).data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
    });
  });

  it("reports a null request id when there is no context (e.g. the context itself failed)", () => {
    const shaped = formatTrpcError({
      shape: { message: "", code: -32603, data: {} },
      error: new TRPCError({ code: "BAD_REQUEST" }),
      ctx: undefined,
    });
    expect(shaped.data.requestId).toBeNull();
  });
});
