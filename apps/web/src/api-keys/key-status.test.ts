import { describe, expect, it } from "vitest";
import { apiKeyStatus, keyHint } from "./key-status";

const now = new Date("2026-03-10T12:00:00Z");

describe("apiKeyStatus", () => {
  it("reads revoked, expired and active keys", () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-03-11T00:00:00Z" }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-03-10T12:00:00Z" }, now)).toBe("expired");
    expect(apiKeyStatus({ revokedAt: "2026-03-01T00:00:00Z", expiresAt: "2026-03-02T00:00:00Z" }, now)).toBe(
      "revoked",
    );
  });
});

describe("keyHint", () => {
  it("shows the public start of the key, never more", () => {
    expect(keyHint("2a20bad2a41d")).toBe("vk_2a20bad2a41d_…");
    expect(keyHint("vk_2a20bad2a41d")).toBe("vk_2a20bad2a41d…");
  });
});
