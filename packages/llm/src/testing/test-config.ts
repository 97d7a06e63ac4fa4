import type { LlmClientConfig } from "../client";
import type { TestLlmServer } from "./server";

/**
 * Client settings pointing at `server`: model `test-model`, transcription `test-whisper`, speech
 * `test-tts`, no key, a 5 s timeout; `overrides` win.
 */
export function testLlmConfig(
  server: TestLlmServer,
  overrides: Partial<LlmClientConfig> = {},
): LlmClientConfig {
  return {
    llmBaseUrl: server.url,
    llmApiKey: undefined,
    llmModel: "test-model",
    llmTimeoutMs: 5000,
    llmTranscriptionModel: "test-whisper",
    llmSpeechModel: "test-tts",
    ...overrides,
  };
}
