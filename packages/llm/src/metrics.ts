import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { BreakerState } from "./types";

/** The LLM client's metrics. */
export interface LlmMetrics {
  /** `llm_requests_total{operation, outcome}`: one per call; `outcome` is a ledger outcome or `cache_hit`. */
  requests: Counter<"operation" | "outcome">;
  /** `llm_latency_seconds{operation, cached}`: whole-call time, retries and backoff included. */
  latency: Histogram<"operation" | "cached">;
  /** `llm_breaker_state{provider}`: 0 closed, 1 open, 2 half-open. */
  breakerState: Gauge<"provider">;
}

/** 10 ms (cache hits) to 2 min (long generations with retries). */
const latencyBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export const breakerStateValue: Record<BreakerState, number> = { closed: 0, open: 1, "half-open": 2 };

function reuse<M>(
  registry: Registry,
  name: string,
  type: abstract new (...args: never[]) => M,
  create: () => M,
): M {
  // An API and its embedded worker may build a client each on one registry: reuse, never re-register.
  const existing = registry.getSingleMetric(name);
  return existing instanceof type ? (existing as M) : create();
}

/** Registers (or reuses) the LLM metrics in `registry`. */
export function createLlmMetrics(registry: Registry): LlmMetrics {
  const registers = [registry];
  return {
    requests: reuse(
      registry,
      "llm_requests_total",
      Counter,
      () =>
        new Counter({
          name: "llm_requests_total",
          help: "LLM client calls by operation and outcome (ok, cache_hit, timeout, unavailable, ...)",
          labelNames: ["operation", "outcome"] as const,
          registers,
        }),
    ),
    latency: reuse(
      registry,
      "llm_latency_seconds",
      Histogram,
      () =>
        new Histogram({
          name: "llm_latency_seconds",
          help: "LLM client call duration, retries included, by operation and cache hit",
          labelNames: ["operation", "cached"] as const,
          buckets: latencyBuckets,
          registers,
        }),
    ),
    breakerState: reuse(registry, "llm_breaker_state", Gauge, () => {
      const gauge: Gauge<"provider"> = new Gauge({
        name: "llm_breaker_state",
        help: "LLM provider circuit breaker: 0 closed, 1 open, 2 half-open",
        labelNames: ["provider"] as const,
        registers,
        collect() {
          // Read at scrape time: "open" turns "half-open" by the passing of time, not by an event.
          for (const [provider, read] of breakerReaders.get(gauge) ?? []) {
            gauge.set({ provider }, breakerStateValue[read()]);
          }
        },
      });
      return gauge;
    }),
  };
}

/** Breaker readers per gauge (one gauge may serve several clients on one registry). */
const breakerReaders = new WeakMap<Gauge<"provider">, Map<string, () => BreakerState>>();

/** Makes `llm_breaker_state{provider}` report `read()` at every scrape. */
export function watchBreaker(metrics: LlmMetrics, provider: string, read: () => BreakerState): void {
  const readers = breakerReaders.get(metrics.breakerState) ?? new Map<string, () => BreakerState>();
  readers.set(provider, read);
  breakerReaders.set(metrics.breakerState, readers);
}
