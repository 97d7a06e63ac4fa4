import { performance } from "node:perf_hooks";
import type { ClientContext } from "./client-context";
import { completionBody, noUsage } from "./completion";
import { outcomeOf } from "./ledger";
import { type Prompt, renderMessages } from "./prompt";
import { toAppError } from "./provider-error";
import { readCompletionStream } from "./sse";
import { sendRequest } from "./transport";
import type { LlmCallOptions, LlmOutcome } from "./types";

/**
 * `stream`: text deltas as they arrive. Connecting (until response headers) runs through the full
 * resilience stack — retries, breaker, the stream timeout; once the first byte is in, nothing is retried
 * (deltas cannot be replayed). A break afterwards throws `LLM_UNAVAILABLE` after the deltas already
 * yielded; silence longer than the timeout throws `LLM_TIMEOUT`; the caller's abort throws its reason.
 * Streams are never cached. One ledger entry is written when the iteration ends, however it ends
 * (a consumer that stops early is recorded as `aborted`).
 */
export async function* runStream<I>(
  context: ClientContext,
  prompt: Prompt<I>,
  input: I,
  options: LlmCallOptions,
): AsyncGenerator<string, void, undefined> {
  const callerSignal = options.signal;
  const started = performance.now();
  const tracker = { usage: noUsage, cached: false };
  // Owns the connection after the headers: the resilience stack's signals end when `execute` returns.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  let outcome: LlmOutcome = "aborted";
  try {
    const body = completionBody(context.model, renderMessages(prompt, input), prompt, { stream: true });
    const response = await context.resilience.execute(
      (attemptSignal) =>
        sendRequest(
          context.endpoint,
          "/chat/completions",
          { json: body },
          AbortSignal.any([attemptSignal, controller.signal]),
        ),
      { timeoutMs: context.timeouts.stream, signal: callerSignal, keepSignalAfterReturn: true },
    );
    yield* readCompletionStream(response, {
      idleTimeoutMs: context.timeouts.stream,
      controller,
      callerSignal,
      onUsage(usage) {
        tracker.usage = usage;
      },
    });
    outcome = "ok";
  } catch (error) {
    const mapped = callerSignal?.aborted ? callerSignal.reason : toAppError(error);
    outcome = outcomeOf(mapped, callerSignal);
    throw mapped;
  } finally {
    callerSignal?.removeEventListener("abort", onCallerAbort);
    controller.abort();
    context.ledger.record(
      {
        operation: "stream",
        workspaceId: options.workspaceId,
        model: context.model,
        promptId: prompt.id,
        promptVersion: prompt.version,
      },
      tracker,
      outcome,
      performance.now() - started,
    );
  }
}
