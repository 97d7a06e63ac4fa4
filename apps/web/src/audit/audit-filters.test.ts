import { describe, expect, it } from "vitest";
import { auditListInput, describeActor } from "./audit-filters";

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

describe("describeActor", () => {
  it("prefers the email, then the actor kind and id", () => {
    expect(describeActor({ actorType: "user", actorId: "u1", actorEmail: "ada@example.com" })).toBe(
      "ada@example.com",
    );
    expect(describeActor({ actorType: "apiKey", actorId: "k1", actorEmail: null })).toBe("API key k1");
    expect(describeActor({ actorType: "system", actorId: null, actorEmail: null })).toBe("system");
  });
});
