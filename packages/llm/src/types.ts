/** What a client call did, as recorded in the ledger and the `outcome` metric label. */
export type LlmOutcome =
  | "ok"
  | "timeout"
  | "unavailable"
  | "rate_limited"
  | "bad_output"
  | "aborted"
  | "error";

/** The client operations; used as the ledger's `operation` and the metrics' `operation` label. */
export type LlmOperation = "chat" | "structured" | "stream" | "transcribe" | "speak";

/**
 * One row of the usage ledger: exactly one per client call that reached the provider step — successes,
 * cache hits and failures alike (calls on an unconfigured client are not recorded: no provider, no model).
 * Token counts are summed over every HTTP request the call made (retries, repair); `null` when the
 * provider did not report usage (audio endpoints, most streams). Cache hits cost 0 tokens.
 */
export interface LlmUsageEntry {
  workspaceId: string;
  operation: LlmOperation;
  model: string;
  /** The prompt's id, or `null` for audio operations, which take no prompt. */
  promptId: string | null;
  promptVersion: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** Wall time of the whole call (cache lookup, retries, backoff and repair included). */
  latencyMs: number;
  cached: boolean;
  outcome: LlmOutcome;
}

/** Receives every ledger entry. May be async; its failures are logged and never fail the LLM call. */
export type RecordUsage = (entry: LlmUsageEntry) => void | Promise<void>;

/** A chat message in the OpenAI wire shape. */
export interface LlmMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Per-call options every operation accepts. */
export interface LlmCallOptions {
  /** The tenant the call is made for; recorded in the ledger. */
  workspaceId: string;
  /** Aborts the call (including backoff waits); the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Per-call options of prompted operations (`chat`, `structured`). */
export interface LlmPromptCallOptions extends LlmCallOptions {
  /** Read and write the response cache (default true). */
  cache?: boolean;
}

/** Tokens the provider reported for a call (`null` when it reported none). */
export interface LlmTokenUsage {
  tokensIn: number | null;
  tokensOut: number | null;
}

/** The result of a prompted call. */
export interface LlmResult<T> {
  value: T;
  /** True when served from the response cache (no provider request was made). */
  cached: boolean;
  model: string;
  usage: LlmTokenUsage;
}

/** Options of `transcribe`. */
export interface TranscribeOptions extends LlmCallOptions {
  /** Sent as the multipart file name; providers use its extension to detect the format (default `audio.webm`). */
  filename?: string;
  /** MIME type of the audio (default `application/octet-stream`). */
  contentType?: string;
  /** ISO-639-1 hint (e.g. `en`). */
  language?: string;
}

/** Options of `speak`. */
export interface SpeakOptions extends LlmCallOptions {
  /** Provider voice name (default `alloy`). */
  voice?: string;
  /** Audio container (default `mp3`). */
  format?: "mp3" | "opus" | "aac" | "flac" | "wav" | "pcm";
}

/** Synthesised speech. */
export interface SpeechResult {
  audio: Uint8Array;
  /** The provider's `Content-Type` (e.g. `audio/mpeg`). */
  contentType: string;
}

/** Circuit-breaker state, as exposed to `/readyz` and the `llm_breaker_state` gauge (0, 1, 2). */
export type BreakerState = "closed" | "open" | "half-open";
