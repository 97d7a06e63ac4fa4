import { describe, expect, it } from "vitest";
import { liveView } from "./live-view";
import type { DocumentSummary } from "./types";

function summary(overrides: Partial<DocumentSummary>): DocumentSummary {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    filename: "ada.pdf",
    contentType: "application/pdf",
    size: 1_000,
    status: "processing",
    errorCode: null,
    errorMessage: null,
    warnings: [],
    profileId: null,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:05.000Z",
    ...overrides,
  };
}

describe("liveView", () => {
  const row = summary({});

  it("shows a newer snapshot of the row's own document", () => {
    const ready = summary({ status: "ready", profileId: "p-1", updatedAt: "2026-12-01T10:00:09.000Z" });
    expect(liveView(row, ready)).toBe(ready);
  });

  it("never shows a snapshot of another document, however new", () => {
    const other = summary({
      id: "22222222-2222-4222-8222-222222222222",
      filename: "grace.txt",
      status: "ready",
      profileId: "p-2",
      updatedAt: "2026-12-02T00:00:00.000Z",
    });
    expect(liveView(row, other)).toBe(row);
  });

  it("keeps the list's snapshot when the live one is older or missing", () => {
    expect(liveView(row, summary({ status: "uploaded", updatedAt: "2026-12-01T10:00:01.000Z" }))).toBe(row);
    expect(liveView(row, null)).toBe(row);
  });
});
