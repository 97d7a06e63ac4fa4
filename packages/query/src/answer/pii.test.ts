import { describe, expect, it } from "vitest";
import { createPiiMask } from "./llm";

describe("createPiiMask", () => {
  it.each([
    ["Lives at 221B Baker Street, London.", "221B Baker Street"],
    ["Office: 1600 Pennsylvania Ave NW, Apt 4 in Washington.", "1600 Pennsylvania Ave NW, Apt 4"],
    ["Wohnt in der Hauptstraße 12 in Berlin.", "Hauptstraße 12"],
    ["Endereço: Rua Augusta, 1500, São Paulo.", "Rua Augusta, 1500"],
  ])("masks the street address in %j and restores it only when allowed", (text, address) => {
    const mask = createPiiMask();
    const masked = mask.mask(text);
    expect(masked).not.toContain(address);
    expect(masked).toMatch(/\{\{ADDRESS_1\}\}/);
    expect(mask.restore(masked, true)).toBe(text);
    expect(mask.restore(masked, false)).not.toContain(address);
  });

  it("masks emails and phones, but keeps city-level locations, years and metrics", () => {
    const mask = createPiiMask();
    const text =
      "Reach me at ana@example.com or +1 (312) 555-0148. Based in Chicago, IL since 2019; cut costs 35%.";
    const masked = mask.mask(text);
    expect(masked).not.toContain("ana@example.com");
    expect(masked).not.toContain("555-0148");
    expect(masked).toContain("Chicago, IL");
    expect(masked).toContain("2019");
    expect(masked).toContain("35%");
    expect(mask.restore(masked, true)).toBe(text);
  });
});
