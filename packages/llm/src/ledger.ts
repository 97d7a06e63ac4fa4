import { performance } from "node:perf_hooks";
import { type AppErrorCode, isAppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import { isTracingEnabled, SpanKind, withSpan } from "@vitae/tracing/spans";
import { noUsage } from "./completion";
import type { LlmMetrics } from "./metrics";
import { toAppError } from "./provider-error";
import type { LlmOperation, LlmOutcome, LlmTokenUsage, LlmUsageEntry, RecordUsage } from "./types";

/** What is known about a call before it runs. */
export interface CallInfo {
  operation: LlmOperation;
  workspaceId: string;
  model: string;
  promptId: string | null;
  promptVersion: number | null;
}

/** Filled in by the call as it goes; read when the ledger entry is written. */
export interface CallTracker {
  usage: LlmTokenUsage;
  cached: boolean;
}

/** Writes ledger entries and metrics; never throws. */
export interface Ledger {
  record(info: CallInfo, tracker: CallTracker, outcome: LlmOutcome, latencyMs: number): void;
}

/** Options of {@link createLedger}. */
export interface LedgerDeps {
  recordUsage: RecordUsage;
  logger: Logger;
  metrics: LlmMetrics | undefined;
}

/** The ledger: `recordUsage` is invoked synchronously, its rejection is logged, never propagated. */
export function createLedger(deps: LedgerDeps): Ledger {
  const onLedgerFailure = (error: unknown) =>
    deps.logger.warn({ err: error }, "llm usage ledger write failed");
  return {
    record(info, tracker, outcome, latencyMs) {
      const entry: LlmUsageEntry = {
        ...info,
        tokensIn: tracker.cached ? 0 : tracker.usage.tokensIn,
        tokensOut: tracker.cached ? 0 : tracker.usage.tokensOut,
        latencyMs: Math.round(latencyMs),
        cached: tracker.cached,
        outcome,
      };
      deps.metrics?.requests.inc({
        operation: info.operation,
        outcome: tracker.cached ? "cache_hit" : outcome,
      });
      deps.metrics?.latency.observe(
        { operation: info.operation, cached: String(tracker.cached) },
        latencyMs / 1000,
      );
      try {
        Promise.resolve(deps.recordUsage(entry)).catch(onLedgerFailure);
      } catch (error) {
        onLedgerFailure(error);
      }
    },
  };
}

const outcomeByCode: Partial<Record<AppErrorCode, LlmOutcome>> = {
  LLM_TIMEOUT: "timeout",
  LLM_UNAVAILABLE: "unavailable",
  LLM_RATE_LIMITED: "rate_limited",
  LLM_BAD_OUTPUT: "bad_output",
};

/** The ledger outcome of a failed call (after `toAppError`). */
export function outcomeOf(error: unknown, signal: AbortSignal | undefined): LlmOutcome {
  if (signal?.aborted) return "aborted";
  return (isAppError(error) && outcomeByCode[error.code]) || "error";
}

/**
 * Runs one client call: maps its failure to a stable `AppError` (or the caller's abort reason) and writes
 * exactly one ledger entry whatever happens. With tracing on, the call is a CLIENT span carrying the
 * model, prompt id and version, token counts, cache hit and outcome — never the prompt or the answer.
 */
export async function observeCall<T>(
  ledger: Ledger,
  info: CallInfo,
  signal: AbortSignal | undefined,
  run: (tracker: CallTracker) => Promise<T>,
): Promise<T> {
  if (!isTracingEnabled()) return observeUntraced(ledger, info, signal, run);
  return withSpan(
    `llm ${info.operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": info.operation,
        "gen_ai.request.model": info.model,
        ...(info.promptId === null ? {} : { "vitae.prompt.id": info.promptId }),
        ...(info.promptVersion === null ? {} : { "vitae.prompt.version": info.promptVersion }),
      },
    },
    (span) =>
      observeUntraced(ledger, info, signal, run, (tracker, outcome) =>
        span.setAttributes({
          "gen_ai.usage.input_tokens": tracker.cached ? 0 : tracker.usage.tokensIn,
          "gen_ai.usage.output_tokens": tracker.cached ? 0 : tracker.usage.tokensOut,
          "vitae.llm.cache_hit": tracker.cached,
          "vitae.llm.outcome": outcome,
        }),
      ),
  );
}

async function observeUntraced<T>(
  ledger: Ledger,
  info: CallInfo,
  signal: AbortSignal | undefined,
  run: (tracker: CallTracker) => Promise<T>,
  onSettled?: (tracker: CallTracker, outcome: LlmOutcome) => void,
): Promise<T> {
  const tracker: CallTracker = { usage: noUsage, cached: false };
  const started = performance.now();
  let outcome: LlmOutcome = "ok";
  try {
    return await run(tracker);
  } catch (error) {
    const mapped = signal?.aborted ? signal.reason : toAppError(error);
    outcome = outcomeOf(mapped, signal);
    throw mapped;
  } finally {
    ledger.record(info, tracker, outcome, performance.now() - started);
    onSettled?.(tracker, outcome);
  }
}
