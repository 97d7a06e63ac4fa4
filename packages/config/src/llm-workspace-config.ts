import { z } from "zod";
import { envBoolean, envString } from "./env-fields";
import type { ConfigSchema } from "./load-config";
import { loadOrCreateSecret } from "./secrets";

/** Workspaces' own LLM providers ("bring your own key"): how their keys are sealed and where they may point. */
export interface LlmWorkspaceConfig {
  /**
   * `LLM_KEY_ENCRYPTION_KEY`: the key-encryption key (≥ 32 characters) sealing workspace API keys.
   * Outside production it defaults to one generated under `DATA_DIR/secrets`; in production, without
   * it, workspaces cannot store a key (and stored ones cannot be used).
   */
  llmKeyEncryptionKey: string | undefined;
  /** `LLM_KEY_ENCRYPTION_KEY_PREVIOUS`: the KEK being rotated out; keys sealed under it are re-sealed on use. */
  llmKeyEncryptionKeyPrevious: string | undefined;
  /** `LLM_ALLOW_PRIVATE_BASE_URLS` (default false): let workspaces point at private, loopback or link-local hosts. */
  llmAllowPrivateBaseUrls: boolean;
}

/** `LLM_KEY_ENCRYPTION_KEY`, `LLM_KEY_ENCRYPTION_KEY_PREVIOUS`, `LLM_ALLOW_PRIVATE_BASE_URLS`. */
export function llmWorkspaceConfig(): ConfigSchema<LlmWorkspaceConfig> {
  return z
    .object({
      LLM_KEY_ENCRYPTION_KEY: envString({ minLength: 32 }).optional(),
      LLM_KEY_ENCRYPTION_KEY_PREVIOUS: envString({ minLength: 32 }).optional(),
      LLM_ALLOW_PRIVATE_BASE_URLS: envBoolean().default(false),
    })
    .transform((env) => ({
      llmKeyEncryptionKey: env.LLM_KEY_ENCRYPTION_KEY,
      llmKeyEncryptionKeyPrevious: env.LLM_KEY_ENCRYPTION_KEY_PREVIOUS,
      llmAllowPrivateBaseUrls: env.LLM_ALLOW_PRIVATE_BASE_URLS,
    }));
}

/**
 * The key-encryption keys to use: the configured ones, or — outside production, where none is configured —
 * one generated once under `DATA_DIR/secrets/llm-key-encryption` (shared by the API and the worker).
 * `undefined` in production without `LLM_KEY_ENCRYPTION_KEY`.
 */
export async function resolveKeyEncryptionKeys(
  config: LlmWorkspaceConfig & { dataDir: string; isProduction: boolean },
): Promise<{ current: string; previous: string | undefined } | undefined> {
  const current =
    config.llmKeyEncryptionKey ??
    (config.isProduction
      ? undefined
      : await loadOrCreateSecret({ dataDir: config.dataDir, name: "llm-key-encryption" }));
  if (current === undefined) return undefined;
  return { current, previous: config.llmKeyEncryptionKeyPrevious };
}
