export {
  type CreateLlmClientOptions,
  createLlmClient,
  type LlmClient,
  type LlmClientConfig,
  unconfiguredLlmClient,
} from "./client";
export { definePrompt, type Prompt, type PromptDefinition, type PromptParameters } from "./prompt";
export type { BreakerOptions, ResilienceClock, RetryOptions } from "./resilience";
export type {
  BreakerState,
  LlmCallOptions,
  LlmMessage,
  LlmOperation,
  LlmOutcome,
  LlmPromptCallOptions,
  LlmResult,
  LlmTokenUsage,
  LlmUsageEntry,
  RecordUsage,
  SpeakOptions,
  SpeechResult,
  TranscribeOptions,
} from "./types";
