import { describe, expect, it } from "vitest";
import { createMetrics, metricsContentType } from "./create-metrics";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text exposition into samples, so assertions do not depend on label order. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`unparseable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(metrics: { registry: { metrics(): Promise<string> } }): Promise<Sample[]> {
  return parseExposition(await metrics.registry.metrics());
}

function seriesNamed(samples: Sample[], name: string): Sample[] {
  return samples.filter((sample) => sample.name === name);
}

function quiet(service = "test") {
  return createMetrics({ service, collectDefaultMetrics: false });
}

describe("createMetrics", () => {
  it("exposes observed samples of every metric with their labels and the service label", async () => {
    const metrics = quiet("api");
    metrics.httpRequestDuration.observe({ method: "GET", route: "/healthz", status_code: "200" }, 0.003);
    const stop = metrics.procedureDuration.startTimer({ procedure: "cv.list", type: "query" });
    stop({ outcome: "ok" });
    metrics.jobsTotal.inc({ queue: "parse", name: "cv.parse-document", outcome: "completed" });
    metrics.jobsTotal.inc({ queue: "parse", name: "cv.parse-document", outcome: "completed" });
    metrics.jobDuration.observe({ queue: "parse", name: "cv.parse-document" }, 42);
    metrics.dependencyUp.set({ component: "redis" }, 1);
    metrics.dependencyUp.set({ component: "postgres" }, 0);

    const samples = await scrape(metrics);
    const http = { service: "api", method: "GET", route: "/healthz", status_code: "200" };
    expect(samples).toContainEqual({
      name: "http_request_duration_seconds_bucket",
      labels: { ...http, le: "0.005" },
      value: 1,
    });
    expect(samples).toContainEqual({ name: "http_request_duration_seconds_sum", labels: http, value: 0.003 });
    expect(samples).toContainEqual({ name: "http_request_duration_seconds_count", labels: http, value: 1 });
    expect(samples).toContainEqual({
      name: "trpc_procedure_duration_seconds_count",
      labels: { service: "api", procedure: "cv.list", type: "query", outcome: "ok" },
      value: 1,
    });
    expect(samples).toContainEqual({
      name: "jobs_total",
      labels: { service: "api", queue: "parse", name: "cv.parse-document", outcome: "completed" },
      value: 2,
    });
    const job = { service: "api", queue: "parse", name: "cv.parse-document" };
    expect(samples).toContainEqual({
      name: "job_duration_seconds_bucket",
      labels: { ...job, le: "30" },
      value: 0,
    });
    expect(samples).toContainEqual({
      name: "job_duration_seconds_bucket",
      labels: { ...job, le: "60" },
      value: 1,
    });
    expect(seriesNamed(samples, "dependency_up")).toEqual([
      { name: "dependency_up", labels: { service: "api", component: "redis" }, value: 1 },
      { name: "dependency_up", labels: { service: "api", component: "postgres" }, value: 0 },
    ]);
  });

  it("gives each call its own registry, so instances neither collide nor share samples", async () => {
    const a = quiet("a");
    const b = quiet("b");
    expect(a.registry).not.toBe(b.registry);
    a.jobsTotal.inc({ queue: "q", name: "only-in-a", outcome: "failed" });
    b.dependencyUp.set({ component: "storage" }, 1);
    expect(seriesNamed(await scrape(a), "jobs_total")).toEqual([
      {
        name: "jobs_total",
        labels: { service: "a", queue: "q", name: "only-in-a", outcome: "failed" },
        value: 1,
      },
    ]);
    expect(seriesNamed(await scrape(a), "dependency_up")).toEqual([]);
    expect(seriesNamed(await scrape(b), "jobs_total")).toEqual([]);
    expect(await b.registry.metrics()).toContain("# TYPE jobs_total counter");
  });

  it("collects default process metrics labelled with the service, unless disabled", async () => {
    const withDefaults = createMetrics({ service: "worker" });
    const twin = createMetrics({ service: "worker-2" });
    expect(seriesNamed(await scrape(withDefaults), "process_cpu_user_seconds_total")).toEqual([
      { name: "process_cpu_user_seconds_total", labels: { service: "worker" }, value: expect.any(Number) },
    ]);
    expect(seriesNamed(await scrape(twin), "nodejs_heap_size_used_bytes")).toEqual([
      { name: "nodejs_heap_size_used_bytes", labels: { service: "worker-2" }, value: expect.any(Number) },
    ]);
    expect(seriesNamed(await scrape(quiet()), "process_cpu_user_seconds_total")).toEqual([]);
  });

  it("declares the Prometheus text content type", () => {
    expect(metricsContentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(quiet().registry.contentType).toBe(metricsContentType);
  });
});

describe("queue depth", () => {
  const depth = (service: string, queue: string, state: string, value: number): Sample => ({
    name: "queue_depth",
    labels: { service, queue, state },
    value,
  });
  const collectErrors = (samples: Sample[]) => seriesNamed(samples, "metrics_collect_errors_total");

  it("has no series until a collector is set", async () => {
    const metrics = quiet();
    expect(await metrics.registry.metrics()).toContain("# TYPE queue_depth gauge");
    expect(seriesNamed(await scrape(metrics), "queue_depth")).toEqual([]);
  });

  it("reads the collector at each scrape and replaces the previous values", async () => {
    const metrics = quiet("api");
    let samples = [
      { queue: "parse", state: "waiting", count: 3 },
      { queue: "parse", state: "active", count: 1 },
    ];
    let calls = 0;
    metrics.setQueueDepthCollector(async () => {
      calls += 1;
      return samples;
    });
    expect(seriesNamed(await scrape(metrics), "queue_depth")).toEqual([
      depth("api", "parse", "waiting", 3),
      depth("api", "parse", "active", 1),
    ]);
    samples = [{ queue: "parse", state: "waiting", count: 0 }];
    expect(seriesNamed(await scrape(metrics), "queue_depth")).toEqual([depth("api", "parse", "waiting", 0)]);
    expect(calls).toBe(2);
  });

  it("accepts a synchronous collector and stops reading once it is removed", async () => {
    const metrics = quiet();
    let calls = 0;
    metrics.setQueueDepthCollector(() => {
      calls += 1;
      return [{ queue: "email", state: "delayed", count: 7 }];
    });
    expect(seriesNamed(await scrape(metrics), "queue_depth")).toEqual([depth("test", "email", "delayed", 7)]);
    metrics.setQueueDepthCollector(undefined);
    await scrape(metrics);
    expect(calls).toBe(1);
  });

  it("keeps the scrape working when the collector throws, clearing stale depths and counting the error", async () => {
    const metrics = quiet();
    let failing = false;
    metrics.setQueueDepthCollector(() => {
      if (failing) throw new Error("redis down");
      return [{ queue: "parse", state: "waiting", count: 5 }];
    });
    const healthy = await scrape(metrics);
    expect(seriesNamed(healthy, "queue_depth")).toEqual([depth("test", "parse", "waiting", 5)]);
    expect(collectErrors(healthy)).toEqual([]);

    failing = true;
    const failed = await scrape(metrics);
    expect(seriesNamed(failed, "queue_depth")).toEqual([]);
    expect(collectErrors(failed)).toEqual([
      {
        name: "metrics_collect_errors_total",
        labels: { service: "test", collector: "queue_depth" },
        value: 1,
      },
    ]);
  });

  it("gives up on a collector that never answers", async () => {
    const metrics = createMetrics({ service: "t", collectDefaultMetrics: false, collectTimeoutMs: 5 });
    metrics.setQueueDepthCollector(() => new Promise(() => {}));
    const samples = await scrape(metrics);
    expect(seriesNamed(samples, "queue_depth")).toEqual([]);
    expect(collectErrors(samples)).toEqual([
      { name: "metrics_collect_errors_total", labels: { service: "t", collector: "queue_depth" }, value: 1 },
    ]);
  });
});

describe("job-run backlog", () => {
  const backlog = (name: string, queue: string, status: string, value: number): Sample => ({
    name,
    labels: { service: "worker", queue, status },
    value,
  });

  it("writes counts and oldest ages read in the same scrape, not the previous one", async () => {
    const metrics = createMetrics({ service: "worker", collectDefaultMetrics: false });
    let oldest = 12.5;
    metrics.setJobRunBacklogCollector(async () => {
      // A real read takes a round trip: the gauges must wait for it instead of serialising stale values.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [
        { queue: "documents", status: "running", count: 2, oldestSeconds: oldest },
        { queue: "documents", status: "queued", count: 5, oldestSeconds: 3 },
      ];
    });
    const first = await scrape(metrics);
    expect(seriesNamed(first, "job_runs_unfinished")).toEqual([
      backlog("job_runs_unfinished", "documents", "running", 2),
      backlog("job_runs_unfinished", "documents", "queued", 5),
    ]);
    expect(seriesNamed(first, "job_runs_oldest_seconds")).toContainEqual(
      backlog("job_runs_oldest_seconds", "documents", "running", 12.5),
    );
    oldest = 900;
    expect(seriesNamed(await scrape(metrics), "job_runs_oldest_seconds")).toContainEqual(
      backlog("job_runs_oldest_seconds", "documents", "running", 900),
    );
  });

  it("clears both gauges and counts the error when Postgres does not answer", async () => {
    const metrics = createMetrics({ service: "worker", collectDefaultMetrics: false, collectTimeoutMs: 5 });
    let failing = false;
    metrics.setJobRunBacklogCollector(() => {
      if (failing) return new Promise(() => {});
      return [{ queue: "matching", status: "queued", count: 1, oldestSeconds: 1 }];
    });
    expect(seriesNamed(await scrape(metrics), "job_runs_unfinished")).toHaveLength(1);
    failing = true;
    const failed = await scrape(metrics);
    expect(seriesNamed(failed, "job_runs_unfinished")).toEqual([]);
    expect(seriesNamed(failed, "job_runs_oldest_seconds")).toEqual([]);
    expect(seriesNamed(failed, "metrics_collect_errors_total")).toEqual([
      {
        name: "metrics_collect_errors_total",
        labels: { service: "worker", collector: "job_run_backlog" },
        value: 1,
      },
    ]);
  });
});
