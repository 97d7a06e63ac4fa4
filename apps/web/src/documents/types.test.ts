import { describe, expect, it } from "vitest";
import { isAbandonedUpload, isSettled } from "./types";

describe("document status helpers", () => {
  it("treat only ready and failed as settled", () => {
    expect(["uploaded", "processing", "ready", "failed"].map(isSettled)).toEqual([false, false, true, true]);
  });

  it("stop watching an upload that was never finished once its link has long expired", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const uploaded = (createdAt: string) => ({ status: "uploaded", createdAt });
    expect(isAbandonedUpload(uploaded("2026-03-01T11:59:00Z"), now)).toBe(false);
    expect(isAbandonedUpload(uploaded("2026-03-01T11:00:00Z"), now)).toBe(true);
    expect(isAbandonedUpload({ status: "processing", createdAt: "2026-03-01T11:00:00Z" }, now)).toBe(false);
    expect(isAbandonedUpload(uploaded("not a date"), now)).toBe(false);
  });

  it("keep watching an old document that a reingest just put back to uploaded", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const reopened = {
      status: "uploaded",
      createdAt: "2026-02-01T09:00:00Z",
      updatedAt: "2026-03-01T11:59:58Z",
    };
    expect(isAbandonedUpload(reopened, now)).toBe(false);
    const stale = {
      status: "uploaded",
      createdAt: "2026-02-01T09:00:00Z",
      updatedAt: "2026-02-01T09:00:00Z",
    };
    expect(isAbandonedUpload(stale, now)).toBe(true);
  });
});
