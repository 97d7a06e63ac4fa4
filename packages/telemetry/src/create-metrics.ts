import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  prometheusContentType,
  Registry,
} from "prom-client";
import { createScrapeReader } from "./scrape-reader";

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

/** Unfinished job runs of one queue in one state (from Postgres, the jobs' system of record). */
export interface JobRunBacklogSample {
  queue: string;
  status: "queued" | "running";
  count: number;
  /** Seconds the oldest run has been waiting (`queued`) or working (`running`). */
  oldestSeconds: number;
}

/** Reads the job-run backlog at scrape time; bounded by `collectTimeoutMs` like the queue depths. */
export type JobRunBacklogCollector = () =>
  | Promise<readonly JobRunBacklogSample[]>
  | readonly JobRunBacklogSample[];

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
  /** `job_runs_unfinished{queue, status}`: `queued` and `running` runs, read at scrape time. */
  jobRunsUnfinished: Gauge<"queue" | "status">;
  /** `job_runs_oldest_seconds{queue, status}`: age of the oldest `queued` (since hand-over) or `running` run. */
  jobRunsOldest: Gauge<"queue" | "status">;
  /** `metrics_collect_errors_total{collector}`: scrape-time collectors that threw or timed out. */
  collectErrors: Counter<"collector">;
  /** Installs (or with `undefined`, removes) the scrape-time queue-depth reader. */
  setQueueDepthCollector(collector: QueueDepthCollector | undefined): void;
  /** Installs (or with `undefined`, removes) the scrape-time job-run backlog reader. */
  setJobRunBacklogCollector(collector: JobRunBacklogCollector | undefined): void;
}

/** Latency buckets for requests and procedures: 5 ms to 10 s. */
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Jobs parse documents and call LLMs: 10 ms to 10 min. */
const jobBuckets = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

/**
 * Creates a fresh registry with the platform's metrics. Each call is independent — nothing touches
 * prom-client's global registry — so tests, and an API and embedded worker in one process, never
 * collide. Called once per app by its composition root; the app passes the result down.
 *
 * A failing or slow scrape-time collector never fails the scrape: its gauges are then left empty (stale
 * values would mislead) and `metrics_collect_errors_total{collector}` increases (`queue_depth`,
 * `job_run_backlog`).
 */
export function createMetrics(options: CreateMetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  const registers = [registry];
  const collectTimeoutMs = options.collectTimeoutMs ?? 2000;
  let queueDepthCollector: QueueDepthCollector | undefined;
  let jobRunBacklogCollector: JobRunBacklogCollector | undefined;
  // This scrape's reads. prom-client collects every metric concurrently, so each metric a read writes
  // (and the error counter) waits for them before it is serialised.
  let pendingReads: Promise<unknown> = Promise.resolve();
  const awaitReads = async () => {
    await pendingReads;
  };

  // Registered first: prom-client starts each metric's collect in registration order, so this one starts
  // every scrape-time read, and the error counter registered last can wait for them all.
  const queueDepth = new Gauge({
    name: "queue_depth",
    help: "Jobs per queue and state, read at scrape time",
    labelNames: ["queue", "state"] as const,
    registers,
    collect() {
      pendingReads = Promise.all(readers.map((reader) => reader.read()));
      return pendingReads.then(() => undefined);
    },
  });
  const jobRunsUnfinished = new Gauge({
    name: "job_runs_unfinished",
    help: "Job runs queued or running per queue, read from Postgres at scrape time",
    labelNames: ["queue", "status"] as const,
    registers,
    collect: awaitReads,
  });
  const jobRunsOldest = new Gauge({
    name: "job_runs_oldest_seconds",
    help: "Age of the oldest queued (since hand-over) or running (since start) job run per queue",
    labelNames: ["queue", "status"] as const,
    registers,
    collect: awaitReads,
  });
  const countError = (collector: string) => () => collectErrors.inc({ collector });
  const readers = [
    createScrapeReader<QueueDepthSample>({
      timeoutMs: collectTimeoutMs,
      source: () => queueDepthCollector,
      reset: () => queueDepth.reset(),
      write: (sample) => queueDepth.set({ queue: sample.queue, state: sample.state }, sample.count),
      onError: countError("queue_depth"),
    }),
    createScrapeReader<JobRunBacklogSample>({
      timeoutMs: collectTimeoutMs,
      source: () => jobRunBacklogCollector,
      reset: () => {
        jobRunsUnfinished.reset();
        jobRunsOldest.reset();
      },
      write: ({ queue, status, count, oldestSeconds }) => {
        jobRunsUnfinished.set({ queue, status }, count);
        jobRunsOldest.set({ queue, status }, oldestSeconds);
      },
      onError: countError("job_run_backlog"),
    }),
  ];

  // Registered after every gauge a read writes, so a failed read shows in the same scrape.
  const collectErrors = new Counter({
    name: "metrics_collect_errors_total",
    help: "Scrape-time metric collectors that threw or timed out",
    labelNames: ["collector"] as const,
    registers,
    collect: awaitReads,
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
    jobRunsUnfinished,
    jobRunsOldest,
    collectErrors,
    setQueueDepthCollector(collector) {
      queueDepthCollector = collector;
    },
    setJobRunBacklogCollector(collector) {
      jobRunBacklogCollector = collector;
    },
  };

  if (options.collectDefaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return metrics;
}
