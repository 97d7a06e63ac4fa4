import { ConfigError } from "@vitae/config";
import { startTracing } from "@vitae/tracing";
import { RedisUnreachableError, type RunningApi, startApi } from "./app";
import { loadApiConfig } from "./config";

/**
 * Process entry: `node --import tsx src/main.ts`. Embedded mode (API + workers, PGlite, disk storage)
 * when DATABASE_URL is unset; distributed mode otherwise. Exits 1 with one plain sentence when the
 * configuration is invalid or Redis is unreachable.
 */
function fail(message: string): never {
  process.stderr.write(`\nvitae: ${message}\n\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadApiConfig>;
try {
  config = loadApiConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(`invalid configuration.\n${error.message}`);
  throw error;
}

// Before the app exists, so every request and job is traced from the start (off without an OTLP endpoint).
const tracing = await startTracing({ serviceName: "vitae-api", env: process.env });

let running: RunningApi;
try {
  running = await startApi(config);
} catch (error) {
  if (error instanceof RedisUnreachableError) {
    fail(
      `${error.message}.\nVitae needs Redis for queues, sessions and rate limits. Start one locally ` +
        "(`redis-server`, or `docker run -p 6379:6379 redis:7`) or point REDIS_URL at yours " +
        "(e.g. REDIS_URL=redis://host:6379).",
    );
  }
  throw error;
}

let signalled = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (signalled) return;
  signalled = true;
  running.deps.logger.info({ signal }, "shutting down");
  // A hard deadline: a stuck dependency must not keep a terminated process alive forever.
  const deadline = setTimeout(() => {
    running.deps.logger.error({ timeoutMs: config.shutdownTimeoutMs }, "shutdown timed out");
    process.exit(1);
  }, config.shutdownTimeoutMs);
  deadline.unref();
  running
    .stop()
    .then(() => tracing.shutdown().catch(() => undefined))
    .then(
      () => process.exit(0),
      (error: unknown) => {
        running.deps.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
};
process.on("SIGTERM", onSignal);
process.on("SIGINT", onSignal);
process.on("unhandledRejection", (reason) => {
  running.deps.logger.fatal({ err: reason }, "unhandled rejection");
  process.exit(1);
});
