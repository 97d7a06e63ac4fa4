import { describe, expect, it } from "vitest";
import { errorCodeMessage } from "./error-code-message";

describe("errorCodeMessage", () => {
  it("gives the plain-words message of a known code", () => {
    expect(errorCodeMessage("SERVICE_UNAVAILABLE")).toBe("A dependency is unavailable; try again shortly.");
  });

  it("returns null for unknown or missing codes", () => {
    expect(errorCodeMessage("SOMETHING_NEW")).toBeNull();
    expect(errorCodeMessage("toString")).toBeNull();
    expect(errorCodeMessage(null)).toBeNull();
  });
});
