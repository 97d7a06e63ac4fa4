import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { llmWorkspaceConfig, resolveKeyEncryptionKeys } from "./llm-workspace-config";
import { loadConfig } from "./load-config";

const kek = "k".repeat(40);

describe("llmWorkspaceConfig", () => {
  it("defaults to no KEK and no private base URLs", () => {
    expect(loadConfig({}, llmWorkspaceConfig())).toEqual({
      llmKeyEncryptionKey: undefined,
      llmKeyEncryptionKeyPrevious: undefined,
      llmAllowPrivateBaseUrls: false,
    });
  });

  it("reads the KEKs and the switch", () => {
    expect(
      loadConfig(
        {
          LLM_KEY_ENCRYPTION_KEY: kek,
          LLM_KEY_ENCRYPTION_KEY_PREVIOUS: `${kek}p`,
          LLM_ALLOW_PRIVATE_BASE_URLS: "true",
        },
        llmWorkspaceConfig(),
      ),
    ).toEqual({
      llmKeyEncryptionKey: kek,
      llmKeyEncryptionKeyPrevious: `${kek}p`,
      llmAllowPrivateBaseUrls: true,
    });
  });

  it("refuses a short KEK, naming the variable", () => {
    expect(() => loadConfig({ LLM_KEY_ENCRYPTION_KEY: "short" }, llmWorkspaceConfig())).toThrow(ConfigError);
    expect(() => loadConfig({ LLM_KEY_ENCRYPTION_KEY_PREVIOUS: "short" }, llmWorkspaceConfig())).toThrow(
      /LLM_KEY_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});

describe("resolveKeyEncryptionKeys", () => {
  const base = { llmKeyEncryptionKeyPrevious: undefined, llmAllowPrivateBaseUrls: false };

  it("generates one KEK under DATA_DIR outside production and reuses it", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "vitae-kek-"));
    try {
      const config = { ...base, llmKeyEncryptionKey: undefined, dataDir, isProduction: false };
      const first = await resolveKeyEncryptionKeys(config);
      expect(first?.current.length).toBeGreaterThanOrEqual(32);
      expect(await resolveKeyEncryptionKeys(config)).toEqual(first);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("has none in production unless configured", async () => {
    const config = { ...base, llmKeyEncryptionKey: undefined, dataDir: "/nonexistent", isProduction: true };
    expect(await resolveKeyEncryptionKeys(config)).toBeUndefined();
    expect(await resolveKeyEncryptionKeys({ ...config, llmKeyEncryptionKey: kek })).toEqual({
      current: kek,
      previous: undefined,
    });
  });
});
