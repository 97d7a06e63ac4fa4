import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  prometheusContentType,
  Registry,
} from "prom-client";

/** The `Content-Type` to send with `registry.metrics()` output (Prometheus text format 0.0.4). */
export const metricsContentType = prometheusContentType;

/** One queue's job count in one state (e.g. `{ queue: "parse", state: "waiting", count: 3 }`). */
export interface QueueDepthSample {
  queue: string;
  state: string;
  count: number;
}

/**
 * Reads current queue depths at scrape time (e.g. from the queue client's `queueDepths()`). Called
 * once per scrape; bounded by `collectTimeoutMs`.
 */
export type QueueDepthCollector = () => Promise<readonly QueueDepthSample[]> | readonly QueueDepthSample[];

/** Options of `createMetrics`. */
export interface CreateMetricsOptions {
  /** Added as the `service` label to every series (e.g. `api`, `worker`). */
  service: string;
  /** Process metrics (CPU, memory, event-loop lag, GC, handles); default true. */
  collectDefaultMetrics?: boolean;
  /** How long a scrape waits for the queue-depth collector before reporting it failed; default 2000. */
  collectTimeoutMs?: number;
}

/** The metrics of one app instance, each registered only in `registry`. */
export interface Metrics {
  /** This instance's own registry: serve `registry.metrics()` at `/metrics`. */
  registry: Registry;
  /** `http_request_duration_seconds{method, route, status_code}`: `route` is the route pattern, never the raw URL. */
  httpRequestDuration: Histogram<"method" | "route" | "status_code">;
  /** `trpc_procedure_duration_seconds{procedure, type, outcome}`; `outcome` is `ok` or `error`. */
  procedureDuration: Histogram<"procedure" | "type" | "outcome">;
  /** `jobs_total{queue, name, outcome}`: finished job attempts (`completed`, `failed`, `retried`, ...). */
  jobsTotal: Counter<"queue" | "name" | "outcome">;
  /** `job_duration_seconds{queue, name}`: handler run time per attempt. */
  jobDuration: Histogram<"queue" | "name">;
  /** `queue_depth{queue, state}`: filled at scrape time by the collector given to `setQueueDepthCollector`. */
  queueDepth: Gauge<"queue" | "state">;
  /** `dependency_up{component}`: 1 when the last readiness check of the component passed, else 0. */
  dependencyUp: Gauge<"component">;
  /** `metrics_collect_errors_total{collector}`: scrape-time collectors that threw or timed out. */
  collectErrors: Counter<"collector">;
  /** Installs (or with `undefined`, removes) the scrape-time queue-depth reader. */
  setQueueDepthCollector(collector: QueueDepthCollector | undefined): void;
}

/** Latency buckets for requests and procedures: 5 ms to 10 s. */
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Jobs parse documents and call LLMs: 10 ms to 10 min. */
const jobBuckets = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`collector timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Creates a fresh registry with the platform's metrics. Each call is independent — nothing touches
 * prom-client's global registry — so tests, and an API and embedded worker in one process, never
 * collide. Called once per app by its composition root; the app passes the result down.
 *
 * A failing or slow queue-depth collector never fails the scrape: `queue_depth` is then left empty
 * (stale depths would mislead) and `metrics_collect_errors_total{collector="queue_depth"}` increases.
 */
export function createMetrics(options: CreateMetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  const registers = [registry];
  const collectTimeoutMs = options.collectTimeoutMs ?? 2000;
  let queueDepthCollector: QueueDepthCollector | undefined;
  // The scrape's queue-depth read, so the error counter can report its outcome in the same scrape.
  let pendingQueueDepth: Promise<void> = Promise.resolve();

  const queueDepth = new Gauge({
    name: "queue_depth",
    help: "Jobs per queue and state, read at scrape time",
    labelNames: ["queue", "state"] as const,
    registers,
    collect() {
      pendingQueueDepth = readQueueDepth(this);
      return pendingQueueDepth;
    },
  });

  async function readQueueDepth(gauge: Gauge<"queue" | "state">): Promise<void> {
    const collector = queueDepthCollector;
    if (collector === undefined) return;
    let samples: readonly QueueDepthSample[];
    try {
      samples = await withTimeout(Promise.resolve().then(collector), collectTimeoutMs);
    } catch {
      gauge.reset();
      collectErrors.inc({ collector: "queue_depth" });
      return;
    }
    // Replace, not merge: a queue or state that disappeared must not keep its last value.
    gauge.reset();
    for (const sample of samples) gauge.set({ queue: sample.queue, state: sample.state }, sample.count);
  }

  // Registered after queue_depth: prom-client starts each metric's collect in registration order, so
  // this one can wait for the queue-depth read and include a failure in the same scrape.
  const collectErrors = new Counter({
    name: "metrics_collect_errors_total",
    help: "Scrape-time metric collectors that threw or timed out",
    labelNames: ["collector"] as const,
    registers,
    async collect() {
      await pendingQueueDepth;
    },
  });

  const metrics: Metrics = {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration by method, route pattern and status code",
      labelNames: ["method", "route", "status_code"] as const,
      buckets: requestBuckets,
      registers,
    }),
    procedureDuration: new Histogram({
      name: "trpc_procedure_duration_seconds",
      help: "tRPC procedure duration by procedure path, type and outcome",
      labelNames: ["procedure", "type", "outcome"] as const,
      buckets: requestBuckets,
      registers,
    }),
    jobsTotal: new Counter({
      name: "jobs_total",
      help: "Finished job attempts by queue, job name and outcome",
      labelNames: ["queue", "name", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "job_duration_seconds",
      help: "Job handler duration per attempt by queue and job name",
      labelNames: ["queue", "name"] as const,
      buckets: jobBuckets,
      registers,
    }),
    queueDepth,
    dependencyUp: new Gauge({
      name: "dependency_up",
      help: "1 when the component's last readiness check passed, else 0",
      labelNames: ["component"] as const,
      registers,
    }),
    collectErrors,
    setQueueDepthCollector(collector) {
      queueDepthCollector = collector;
    },
  };

  if (options.collectDefaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return metrics;
}
