import { readUsage } from "./completion";
import { ProviderError } from "./provider-error";
import type { LlmTokenUsage } from "./types";

/** Options of {@link readCompletionStream}. */
export interface StreamReadOptions {
  /** Longest silence between two chunks before the stream counts as hung. */
  idleTimeoutMs: number;
  /** Aborts the underlying fetch; aborted here on idle timeout. */
  controller: AbortController;
  /** The caller's signal: its abort ends the stream with its reason. */
  callerSignal: AbortSignal | undefined;
  onUsage(usage: LlmTokenUsage): void;
}

interface StreamChunk {
  error?: unknown;
  choices?: Array<{ delta?: { content?: unknown }; finish_reason?: unknown }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** The `data:` payload of one SSE event (lines joined with "\n"), or undefined for comment-only events. */
function eventData(event: string): string | undefined {
  const lines = event
    .split(/\r?\n/)
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).replace(/^ /, ""));
  return lines.length === 0 ? undefined : lines.join("\n");
}

/**
 * Text deltas of an OpenAI-style SSE completion stream, yielded as they arrive. The stream is complete
 * at `data: [DONE]` or after a chunk with a `finish_reason` once the body ends. Anything else — the body
 * ending early, a connection reset, an unparsable chunk, an `error` chunk — throws
 * `ProviderError("connection")` *after* the deltas already yielded (they cannot be taken back); silence
 * longer than `idleTimeoutMs` throws `ProviderError("timeout")`; the caller's abort throws its reason.
 */
export async function* readCompletionStream(
  response: Response,
  options: StreamReadOptions,
): AsyncGenerator<string, void, undefined> {
  const body = response.body;
  if (!body) throw new ProviderError("protocol", "the stream has no body");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let finished = false;
  let idle: ProviderError | undefined;

  const read = async () => {
    const timer = setTimeout(() => {
      idle = new ProviderError("timeout", `the stream was idle for ${options.idleTimeoutMs} ms`);
      options.controller.abort(idle);
    }, options.idleTimeoutMs);
    try {
      return await reader.read();
    } catch (error) {
      if (options.callerSignal?.aborted) throw options.callerSignal.reason;
      if (idle) throw idle;
      throw new ProviderError("connection", "the stream broke off", { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = events.pop() ?? "";
      for (const event of events) {
        const data = eventData(event);
        if (data === undefined) continue;
        if (data === "[DONE]") return;
        let chunk: StreamChunk;
        try {
          chunk = JSON.parse(data) as StreamChunk;
        } catch (error) {
          throw new ProviderError("connection", "the stream sent an unparsable chunk", { cause: error });
        }
        if (chunk.error !== undefined)
          throw new ProviderError("connection", "the provider reported an error mid-stream");
        if (chunk.usage) options.onUsage(readUsage(chunk.usage));
        const choice = chunk.choices?.[0];
        if (choice?.finish_reason) finished = true;
        const content = choice?.delta?.content;
        if (typeof content === "string" && content !== "") yield content;
      }
    }
    if (!finished) throw new ProviderError("connection", "the stream ended before it was complete");
  } finally {
    // Releases the connection on every exit: completion, failure, or the consumer stopping early.
    options.controller.abort();
    reader.releaseLock();
  }
}
