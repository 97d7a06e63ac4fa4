import { describe, expect, it } from "vitest";
import { reingestFailure, reingestLabel } from "./reingest";

describe("reingest", () => {
  it("offers Try again on a failed document, Re-read on a ready one, and nothing while it moves", () => {
    expect(
      ["failed", "ready", "uploaded", "processing"].map((status) => reingestLabel(status, true)),
    ).toEqual(["Try again", "Re-read", null, null]);
  });

  it("offers viewers nothing, whatever the status", () => {
    expect(
      ["failed", "ready", "uploaded", "processing"].map((status) => reingestLabel(status, false)),
    ).toEqual([null, null, null, null]);
  });

  it("says a CONFLICT means the document is already being read, keeping code and request id", () => {
    const summary = reingestFailure({
      message: "The document is still being processed.",
      code: "CONFLICT",
      requestId: "req-1",
    });
    expect(summary.message).toMatch(/already being read/);
    expect(summary).toMatchObject({ code: "CONFLICT", requestId: "req-1" });
  });

  it("passes any other failure through unchanged", () => {
    const other = { message: "You need a member role.", code: "FORBIDDEN", requestId: null };
    expect(reingestFailure(other)).toBe(other);
  });
});
