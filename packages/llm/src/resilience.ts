import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isTaskCancelledError,
  retry,
  TimeoutStrategy,
  timeout,
} from "cockatiel";
import { isTransientFailure, ProviderError } from "./provider-error";
import type { BreakerState } from "./types";

/** Retry policy for transient failures (see `isTransientFailure`). */
export interface RetryOptions {
  /** Further attempts after the first (default 2). */
  maxRetries: number;
  /** First backoff step (default 250 ms); doubles each retry. */
  baseDelayMs: number;
  /**
   * Cap on any single wait (default 10 s). A `Retry-After` longer than this is not waited for: the call
   * fails at once with `LLM_RATE_LIMITED` and the hint, so the caller (or its job queue) can reschedule.
   */
  maxDelayMs: number;
}

/** Circuit breaker for the provider. */
export interface BreakerOptions {
  /** Consecutive transient failures (attempts, not calls) that open it (default 5). */
  consecutiveFailures: number;
  /** How long it stays open before one half-open probe is let through (default 30 s). */
  cooldownMs: number;
}

/** Time and randomness, injectable so tests observe waits without spending them. */
export interface ResilienceClock {
  /** Waits `ms`; must reject with `signal.reason` as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Epoch ms, for HTTP-date `Retry-After` values. */
  now(): number;
  /** Uniform in [0, 1), for backoff jitter. */
  random(): number;
}

/** Reported before each retry wait. */
export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: unknown;
}

/** Options of {@link createResilience}. */
export interface ResilienceOptions {
  retry: RetryOptions;
  breaker: BreakerOptions;
  clock: ResilienceClock;
  onRetry?: (event: RetryEvent) => void;
  onBreakerStateChange?: (state: BreakerState) => void;
}

/** Options of one {@link Resilience.execute}. */
export interface ExecuteOptions {
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /**
   * Keep the attempt's signal alive after `fn` returns (default false). Streams need it: `fn` returns
   * once headers arrive and the body is read afterwards under the same signal.
   */
  keepSignalAfterReturn?: boolean;
}

/** Retry → breaker → timeout around one provider's requests. */
export interface Resilience {
  execute<T>(fn: (signal: AbortSignal) => Promise<T>, options: ExecuteOptions): Promise<T>;
  state(): BreakerState;
}

/** An abortable `setTimeout` wait: the default clock's sleep. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Real time: `setTimeout`, `Date.now`, `Math.random`. */
export const systemClock: ResilienceClock = { sleep: abortableSleep, now: Date.now, random: Math.random };

/**
 * Builds the policy stack for one provider. Cockatiel decides *whether* to retry (only transient failures,
 * and not a `Retry-After` beyond the cap) and owns the breaker and the per-attempt timeout; the *wait*
 * between attempts goes through `clock.sleep`, because cockatiel's own backoff timer can be neither aborted
 * by the caller's signal nor observed by tests. Backoff: equal-jitter exponential (half fixed, half random,
 * so replicas spread out but never retry instantly), capped at `maxDelayMs`; a `Retry-After` is honoured
 * exactly instead.
 *
 * The breaker counts every transient attempt failure. Its cockatiel state turns half-open lazily, on the
 * first call after the cool-down; {@link Resilience.state} reports "half-open" as soon as the cool-down
 * has passed, since the next call will be the probe.
 */
export function createResilience(options: ResilienceOptions): Resilience {
  const { retry: retryOptions, clock } = options;
  const breaker = circuitBreaker(handleWhen(isTransientFailure), {
    halfOpenAfter: options.breaker.cooldownMs,
    breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
  });
  let openedAt = 0;
  let lastReported: BreakerState = "closed";
  breaker.onBreak(() => {
    // Same clock as cockatiel's own cool-down check.
    openedAt = Date.now();
  });
  breaker.onStateChange(() => report());

  const retryable = (error: unknown) =>
    isTransientFailure(error) &&
    !(error instanceof ProviderError && (error.retryAfterMs ?? 0) > retryOptions.maxDelayMs);
  const retryPolicy = retry(handleWhen(retryable), { maxAttempts: retryOptions.maxRetries });

  function state(): BreakerState {
    switch (breaker.state) {
      case CircuitState.Closed:
        return "closed";
      case CircuitState.HalfOpen:
        return "half-open";
      default:
        return Date.now() - openedAt >= options.breaker.cooldownMs ? "half-open" : "open";
    }
  }

  function report(): void {
    const current = state();
    if (current === lastReported) return;
    lastReported = current;
    options.onBreakerStateChange?.(current);
  }

  function backoffMs(attempt: number, error: unknown): number {
    if (error instanceof ProviderError && error.retryAfterMs !== undefined) return error.retryAfterMs;
    const exponential = Math.min(retryOptions.maxDelayMs, retryOptions.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (clock.random() * exponential) / 2);
  }

  async function execute<T>(
    fn: (signal: AbortSignal) => Promise<T>,
    execOptions: ExecuteOptions,
  ): Promise<T> {
    const callerSignal = execOptions.signal;
    const timeoutPolicy = timeout(execOptions.timeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      abortOnReturn: !execOptions.keepSignalAfterReturn,
    });
    let lastError: unknown;
    const attemptOnce = async (attemptSignal: AbortSignal): Promise<T> => {
      try {
        return await timeoutPolicy.execute(({ signal }) => fn(signal), attemptSignal);
      } catch (error) {
        // The timeout policy also fires on the caller's abort: only a deadline is a provider timeout.
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (isTaskCancelledError(error)) {
          throw new ProviderError("timeout", `no answer within ${execOptions.timeoutMs} ms`, {
            cause: error,
          });
        }
        throw error;
      }
    };
    try {
      return await retryPolicy.execute(async ({ attempt, signal }) => {
        if (attempt > 0) {
          const delayMs = backoffMs(attempt, lastError);
          options.onRetry?.({ attempt, delayMs, error: lastError });
          await clock.sleep(delayMs, signal);
        }
        try {
          return await breaker.execute(({ signal: breakerSignal }) => attemptOnce(breakerSignal), signal);
        } catch (error) {
          lastError = error;
          throw error;
        } finally {
          report();
        }
      }, callerSignal);
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      throw error;
    }
  }

  return { execute, state };
}
