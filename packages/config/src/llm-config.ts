import { z } from "zod";
import { envInteger, envString, envUrl } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/**
 * The OpenAI-compatible provider (OpenAI, Groq, Ollama, vLLM, LM Studio, OpenRouter…).
 * `llmBaseUrl` and `llmModel` are both set or both undefined; undefined means "no provider" (basic mode).
 */
export interface LlmConfig {
  /** `LLM_BASE_URL`: the API root including its version segment (e.g. `https://api.openai.com/v1`), no trailing slash. */
  llmBaseUrl: string | undefined;
  /** `LLM_API_KEY`: sent as a bearer token; optional because local servers (Ollama, vLLM) need none. */
  llmApiKey: string | undefined;
  /** `LLM_MODEL`: chat and structured-output model; required when `LLM_BASE_URL` is set. */
  llmModel: string | undefined;
  /** `LLM_TIMEOUT_MS` (default 30000): per-request timeout, and the streaming idle timeout. */
  llmTimeoutMs: number;
  /** `LLM_TRANSCRIPTION_MODEL` (e.g. `whisper-1`); undefined means transcription is not offered. */
  llmTranscriptionModel: string | undefined;
  /** `LLM_SPEECH_MODEL` (e.g. `tts-1`); undefined means speech is not offered. */
  llmSpeechModel: string | undefined;
}

/** Variables that only mean something with a provider: set without `LLM_BASE_URL` they are a mistake. */
const providerVariables = [
  "LLM_API_KEY",
  "LLM_MODEL",
  "LLM_TRANSCRIPTION_MODEL",
  "LLM_SPEECH_MODEL",
] as const;

/**
 * `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_MODEL`, `LLM_TIMEOUT_MS`, `LLM_TRANSCRIPTION_MODEL`, `LLM_SPEECH_MODEL`.
 *
 * All-or-nothing like storage: a provider variable without `LLM_BASE_URL` is refused rather than silently
 * ignored, and `LLM_MODEL` is required with it. Credentials inside the URL are refused (the URL is logged
 * and labelled in metrics; the key belongs in `LLM_API_KEY`, which is never echoed).
 */
export function llmConfig(): ConfigSchema<LlmConfig> {
  return z
    .object({
      LLM_BASE_URL: envUrl(["http", "https"])
        .refine(
          (raw) => {
            const url = new URL(raw);
            return url.username === "" && url.password === "" && url.search === "" && url.hash === "";
          },
          { error: "must not contain credentials, a query or a fragment (put the key in LLM_API_KEY)" },
        )
        .optional(),
      LLM_API_KEY: envString().optional(),
      LLM_MODEL: envString().optional(),
      // Ten minutes at most: a longer wait is a hung provider, not a slow answer.
      LLM_TIMEOUT_MS: envInteger({ min: 100, max: 600_000 }).default(30_000),
      LLM_TRANSCRIPTION_MODEL: envString().optional(),
      LLM_SPEECH_MODEL: envString().optional(),
    })
    .superRefine(
      (env, ctx) => {
        if (env.LLM_BASE_URL === undefined) {
          for (const variable of providerVariables) {
            if (env[variable] !== undefined) {
              ctx.addIssue({ code: "custom", path: [variable], message: "is set but LLM_BASE_URL is not" });
            }
          }
          return;
        }
        if (env.LLM_MODEL === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["LLM_MODEL"],
            message: "is required when LLM_BASE_URL is set",
          });
        }
      },
      // Presence rules only need to know which variables are set: report them with any format errors.
      { when: () => true },
    )
    .transform((env) => ({
      // Paths are appended as `${base}/chat/completions`; a trailing slash would double it.
      llmBaseUrl: env.LLM_BASE_URL?.replace(/\/+$/, ""),
      llmApiKey: env.LLM_API_KEY,
      llmModel: env.LLM_MODEL,
      llmTimeoutMs: env.LLM_TIMEOUT_MS,
      llmTranscriptionModel: env.LLM_TRANSCRIPTION_MODEL,
      llmSpeechModel: env.LLM_SPEECH_MODEL,
    }));
}
