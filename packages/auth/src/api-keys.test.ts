import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, parseApiKeyPrefix } from "./api-keys";

describe("generateApiKey", () => {
  it("makes vk_<12 hex>_<43 base64url> keys whose hash is the SHA-256 of the whole key", () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^vk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`vk_${prefix}_`)).toBe(true);
    expect(hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hash).toHaveLength(64);
    // The secret carries 32 random bytes.
    expect(Buffer.from(key.slice(16), "base64url")).toHaveLength(32);
  });

  it("never repeats a key or prefix", () => {
    const generated = Array.from({ length: 500 }, () => generateApiKey());
    expect(new Set(generated.map((g) => g.key)).size).toBe(500);
    expect(new Set(generated.map((g) => g.prefix)).size).toBe(500);
  });
});

describe("parseApiKeyPrefix", () => {
  it("returns the prefix of a well-formed key", () => {
    const { key, prefix } = generateApiKey();
    expect(parseApiKeyPrefix(key)).toBe(prefix);
  });

  it.each([
    "",
    "vk_",
    "vk_abc_def",
    `sk_0123456789ab_${"a".repeat(43)}`,
    `vk_0123456789AB_${"a".repeat(43)}`,
    `vk_0123456789ab_${"a".repeat(42)}`,
    `vk_0123456789ab_${"a".repeat(44)}`,
    `vk_0123456789ab_${"a".repeat(42)}=`,
    ` vk_0123456789ab_${"a".repeat(43)}`,
    `vk_0123456789ab_${"a".repeat(43)}\n`,
  ])("rejects %j", (key) => {
    expect(parseApiKeyPrefix(key)).toBeUndefined();
  });
});

describe("hashApiKey", () => {
  it("is deterministic and distinguishes keys differing in one character", () => {
    const { key } = generateApiKey();
    const flipped = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(flipped)).not.toBe(hashApiKey(key));
  });
});
