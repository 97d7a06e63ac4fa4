import { describe, expect, it } from "vitest";
import { roleLine } from "./person-cell";

describe("roleLine", () => {
  it("says the title at the company, or whichever is known", () => {
    expect(roleLine({ name: "A", title: "Engineer", company: "Acme" })).toBe("Engineer at Acme");
    expect(roleLine({ name: "A", title: "Engineer", company: null })).toBe("Engineer");
    expect(roleLine({ name: "A", title: null, company: "Acme" })).toBe("Acme");
    expect(roleLine({ name: "A", title: null, company: null })).toBeNull();
    expect(roleLine(null)).toBeNull();
  });
});
