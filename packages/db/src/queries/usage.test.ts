import { describe, expect, it } from "vitest";
import { usagePeriodOf } from "./usage";

describe("usagePeriodOf", () => {
  it("is the UTC year and month", () => {
    expect(usagePeriodOf(new Date("2026-01-31T23:59:59.999Z"))).toBe("2026-01");
    expect(usagePeriodOf(new Date("2026-12-01T00:00:00.000Z"))).toBe("2026-12");
    expect(usagePeriodOf(new Date("2027-01-01T00:30:00.000+01:00"))).toBe("2026-12");
  });
});
