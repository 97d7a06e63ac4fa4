import type { LlmConfig } from "@vitae/config";
import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import type { z } from "zod";
import { runSpeak, runTranscribe } from "./audio";
import { createResponseCache } from "./cache";
import type { ClientContext } from "./client-context";
import { createLedger } from "./ledger";
import { createLlmMetrics, watchBreaker } from "./metrics";
import type { Prompt } from "./prompt";
import { runChat, runStructuredCall } from "./prompted";
import {
  type BreakerOptions,
  createResilience,
  type ResilienceClock,
  type RetryOptions,
  systemClock,
} from "./resilience";
import { runStream } from "./streaming";
import type {
  BreakerState,
  LlmCallOptions,
  LlmOperation,
  LlmPromptCallOptions,
  LlmResult,
  RecordUsage,
  SpeakOptions,
  SpeechResult,
  TranscribeOptions,
} from "./types";

/** The provider settings the client reads: `llmConfig()`'s slice from `@vitae/config`. */
export type LlmClientConfig = Pick<
  LlmConfig,
  "llmBaseUrl" | "llmApiKey" | "llmModel" | "llmTimeoutMs" | "llmTranscriptionModel" | "llmSpeechModel"
>;

/** Infrastructure and tuning of {@link createLlmClient}. */
export interface CreateLlmClientOptions {
  /** A `createRedis(url, { role: "client" })` connection, owned by the caller. Holds the response cache. */
  redis: Redis;
  /** `REDIS_KEY_PREFIX`; cache keys are `<prefix>:llm:cache:…`. */
  prefix: string;
  /** The usage ledger: receives one entry per call (see `LlmUsageEntry`). */
  recordUsage: RecordUsage;
  logger: Logger;
  /** Registers `llm_requests_total`, `llm_latency_seconds` and `llm_breaker_state` here. */
  metrics?: { registry: Registry };
  /** Response-cache TTL (default 7 days). */
  cacheTtlSeconds?: number;
  retry?: Partial<RetryOptions>;
  breaker?: Partial<BreakerOptions>;
  /** Per-operation timeouts; each defaults to `llmTimeoutMs` (for `stream`: connect and idle timeout). */
  timeouts?: Partial<Record<LlmOperation, number>>;
  /** Injected time and randomness (tests); defaults to real time. */
  clock?: Partial<ResilienceClock>;
  /** Injected `fetch` (default the global one). */
  fetch?: typeof fetch;
}

/** The LLM client. All failures are `AppError`s with an `LLM_*` code, or the caller's abort reason. */
export interface LlmClient {
  /** False without a provider: every operation then throws `AppError("LLM_NOT_CONFIGURED")`. */
  readonly available: boolean;
  /** A transcription model is configured. */
  readonly canTranscribe: boolean;
  /** A speech model is configured. */
  readonly canSpeak: boolean;
  /** The reply text of `prompt` for `input`; cached unless `options.cache` is false. */
  chat<I>(prompt: Prompt<I>, input: I, options: LlmPromptCallOptions): Promise<LlmResult<string>>;
  /** The reply as a value of `schema`, validated (one repair attempt, then `LLM_BAD_OUTPUT`); cached. */
  structured<T, I>(
    schema: z.ZodType<T>,
    prompt: Prompt<I>,
    input: I,
    options: LlmPromptCallOptions,
  ): Promise<LlmResult<T>>;
  /** Text deltas as they arrive (see the README for how failures mid-stream surface). Never cached. */
  stream<I>(prompt: Prompt<I>, input: I, options: LlmCallOptions): AsyncIterable<string>;
  /** Audio → text. `LLM_NOT_CONFIGURED` without `LLM_TRANSCRIPTION_MODEL`. */
  transcribe(audio: Uint8Array | Blob, options: TranscribeOptions): Promise<{ text: string }>;
  /** Text → audio bytes. `LLM_NOT_CONFIGURED` without `LLM_SPEECH_MODEL`. */
  speak(text: string, options: SpeakOptions): Promise<SpeechResult>;
  /** The provider's circuit breaker, for `/readyz` details. Always "closed" when not available. */
  breakerState(): BreakerState;
}

const defaultRetry: RetryOptions = { maxRetries: 2, baseDelayMs: 250, maxDelayMs: 10_000 };
const defaultBreaker: BreakerOptions = { consecutiveFailures: 5, cooldownMs: 30_000 };
const defaultCacheTtlSeconds = 7 * 24 * 60 * 60;

function notConfigured(): never {
  throw new AppError("LLM_NOT_CONFIGURED");
}

/**
 * The client of a deployment without a provider (basic mode): `available` is false and every call
 * throws `LLM_NOT_CONFIGURED`. `createLlmClient` returns it when `LLM_BASE_URL` is unset; tests and
 * tools use it directly.
 */
export const unconfiguredLlmClient: LlmClient = {
  available: false,
  canTranscribe: false,
  canSpeak: false,
  chat: async () => notConfigured(),
  structured: async () => notConfigured(),
  stream: () => notConfigured(),
  transcribe: async () => notConfigured(),
  speak: async () => notConfigured(),
  breakerState: () => "closed",
};

/**
 * Creates the client for the configured OpenAI-compatible provider, or — with no `llmBaseUrl` — one whose
 * `available` is false and whose every call throws `LLM_NOT_CONFIGURED` (nothing pretends to be an LLM).
 *
 * One client per provider and process: the circuit breaker and the memory of whether the provider accepts
 * `response_format` live in it. The API key is only ever placed in the `Authorization` header; provider
 * error bodies are scrubbed of it before they are kept. Called by app composition roots.
 */
export function createLlmClient(config: LlmClientConfig, options: CreateLlmClientOptions): LlmClient {
  const { llmBaseUrl: baseUrl, llmModel: model } = config;
  if (baseUrl === undefined || model === undefined) return unconfiguredLlmClient;

  const clock: ResilienceClock = { ...systemClock, ...options.clock };
  const provider = new URL(baseUrl).host;
  const logger = options.logger.child({ component: "llm", provider, model });
  const metrics = options.metrics ? createLlmMetrics(options.metrics.registry) : undefined;
  const resilience = createResilience({
    retry: { ...defaultRetry, ...options.retry },
    breaker: { ...defaultBreaker, ...options.breaker },
    clock,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn({ attempt, delayMs, err: error }, "llm request failed; retrying"),
    onBreakerStateChange: (state) =>
      state === "open"
        ? logger.warn({ breaker: state }, "llm circuit breaker opened; failing fast")
        : logger.info({ breaker: state }, `llm circuit breaker ${state}`),
  });
  if (metrics) watchBreaker(metrics, provider, resilience.state);
  const timeout = (operation: LlmOperation) => options.timeouts?.[operation] ?? config.llmTimeoutMs;

  const context: ClientContext = {
    endpoint: { baseUrl, apiKey: config.llmApiKey, fetch: options.fetch ?? fetch, now: clock.now },
    model,
    transcriptionModel: config.llmTranscriptionModel,
    speechModel: config.llmSpeechModel,
    resilience,
    timeouts: {
      chat: timeout("chat"),
      structured: timeout("structured"),
      stream: timeout("stream"),
      transcribe: timeout("transcribe"),
      speak: timeout("speak"),
    },
    cache: createResponseCache(options.redis, options.cacheTtlSeconds ?? defaultCacheTtlSeconds, logger),
    prefix: options.prefix,
    ledger: createLedger({ recordUsage: options.recordUsage, logger, metrics }),
    logger,
  };
  // Per provider, for this process: one refused request teaches it; the fallback costs nothing after.
  let jsonSchemaRejected = false;
  const memory = {
    isRejected: () => jsonSchemaRejected,
    markRejected: () => {
      jsonSchemaRejected = true;
    },
  };

  return {
    available: true,
    canTranscribe: config.llmTranscriptionModel !== undefined,
    canSpeak: config.llmSpeechModel !== undefined,
    chat: (prompt, input, callOptions) => runChat(context, prompt, input, callOptions),
    structured: (schema, prompt, input, callOptions) =>
      runStructuredCall(context, memory, schema, prompt, input, callOptions),
    stream: (prompt, input, callOptions) => runStream(context, prompt, input, callOptions),
    transcribe: async (audio, callOptions) => runTranscribe(context, audio, callOptions),
    speak: async (text, callOptions) => runSpeak(context, text, callOptions),
    breakerState: resilience.state,
  };
}
