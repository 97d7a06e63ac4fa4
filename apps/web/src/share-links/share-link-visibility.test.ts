import { describe, expect, it } from "vitest";
import { defaultShareLinkExpiryDays, shareLinkExpiryChoices, visitorSees } from "./share-link-visibility";

describe("visitorSees", () => {
  it("says contact details are withheld unless the link shows them", () => {
    const hidden = visitorSees(false);
    expect(hidden.shown).not.toMatch(/email|phone|links/);
    expect(hidden.withheld).toMatch(/email, phone number and links/);
    const shown = visitorSees(true);
    expect(shown.shown).toMatch(/email, phone number and links/);
    expect(shown.withheld).not.toMatch(/email|phone/);
    for (const sees of [hidden, shown]) expect(sees.withheld).toMatch(/document itself/);
  });
});

describe("shareLinkExpiryChoices", () => {
  it("offers no link that never expires, defaults to 30 days and stays within the API's year", () => {
    const days = shareLinkExpiryChoices.map((choice) => choice.value);
    expect(days).toContain(defaultShareLinkExpiryDays);
    for (const value of days) {
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(365);
    }
  });
});
