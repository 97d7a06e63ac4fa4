import { describe, expect, it } from "vitest";
import { auditListInput } from "./audit-filters";

describe("auditListInput", () => {
  it("leaves out empty filters", () => {
    expect(auditListInput({ action: "  ", from: "", to: "" })).toEqual({});
  });

  it("turns dates into an inclusive local-day range", () => {
    const input = auditListInput({ action: " member.remove ", from: "2026-03-01", to: "2026-03-04" });
    expect(input.action).toBe("member.remove");
    expect(input.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(input.to).toBe(new Date(2026, 2, 5, 0, 0, 0, -1).toISOString());
  });

  it("ignores values that are not dates", () => {
    expect(auditListInput({ action: "", from: "yesterday", to: "2026-13-45x" })).toEqual({});
  });
});
