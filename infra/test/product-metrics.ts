import { loadConfig, rateLimitConfig } from "@vitae/config";
import { createLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { createRateLimiter } from "@vitae/ratelimit";
import { createRedis } from "@vitae/redis";
import { createMetrics } from "@vitae/telemetry";
import { Histogram } from "prom-client";

const histogramSuffixes = ["_bucket", "_sum", "_count"];

/**
 * Every series name the API and the worker expose, read from real registries built the way the apps
 * build them: platform metrics with process defaults, the LLM client's and the rate limiter's. The Redis
 * connection is never used (lazy), so nothing is sent anywhere.
 */
export async function productMetricNames(): Promise<Set<string>> {
  const metrics = createMetrics({ service: "api" });
  const logger = createLogger({ level: "silent", format: "json", name: "infra-test" });
  const redis = createRedis("redis://127.0.0.1:1", { role: "client" });
  redis.disconnect();
  try {
    createLlmClient(
      // A configured provider (never called): an unconfigured client registers no metrics.
      {
        llmBaseUrl: "http://127.0.0.1:9/v1",
        llmApiKey: undefined,
        llmModel: "probe-model",
        llmTimeoutMs: 1000,
        llmTranscriptionModel: undefined,
        llmSpeechModel: undefined,
      },
      { redis, prefix: "infra-test", recordUsage: async () => undefined, logger, metrics },
    );
    createRateLimiter({
      redis,
      prefix: "infra-test",
      limits: loadConfig({}, rateLimitConfig()).rateLimits,
      timeoutMs: 100,
      logger,
      metrics,
    });
    const names = new Set<string>();
    for (const metric of metrics.registry.getMetricsAsArray()) {
      const { name } = metric as unknown as { name: string };
      names.add(name);
      if (metric instanceof Histogram) for (const suffix of histogramSuffixes) names.add(`${name}${suffix}`);
    }
    return names;
  } finally {
    redis.disconnect();
  }
}
