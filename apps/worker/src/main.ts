import { ConfigError, readProcessEnv } from "@vitae/config";
import { isAppError } from "@vitae/errors";
import { createLogger } from "@vitae/logger";
import { startTracing } from "@vitae/tracing";
import { loadWorkerConfig, type WorkerAppConfig } from "./config";
import { createWorkerApp } from "./worker-app";

/**
 * Process entry: `node --max-semi-space-size=16 --import tsx src/main.ts` (the flag bounds the young
 * generation: see the README). Exit codes: 0 after a graceful shutdown (SIGTERM or
 * SIGINT); 1 for invalid configuration, a failed start, a shutdown exceeding `SHUTDOWN_TIMEOUT_MS`, or an
 * unhandled rejection. Every failure is one log line naming its cause.
 */

// The configured logger does not exist yet when configuration fails; this one writes the same JSON shape.
const bootLogger = createLogger({ level: "info", format: "json", name: "worker" });

let config: WorkerAppConfig;
try {
  config = loadWorkerConfig(readProcessEnv());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  const problems = error.issues.map((issue) => `${issue.variable} ${issue.message}`).join("; ");
  bootLogger.fatal({ issues: error.issues }, `invalid configuration: ${problems}`);
  process.exit(1);
}

// Before the app exists, so its queues and workers trace from the first job (off without an OTLP endpoint).
const tracing = await startTracing({ serviceName: "vitae-worker", env: process.env });
const app = createWorkerApp(config);
const { logger } = app;

process.on("unhandledRejection", (reason) => {
  logger.fatal({ err: reason }, "unhandled rejection");
  process.exit(1);
});

try {
  await app.start();
} catch (error) {
  const reason = isAppError(error) ? error.message : "see the error for details";
  logger.fatal({ err: error }, `worker failed to start: ${reason}`);
  process.exit(1);
}

let isShuttingDown = false;
function shutdown(signal: NodeJS.Signals): void {
  if (isShuttingDown) return;
  isShuttingDown = true;
  logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "shutting down: finishing running jobs");
  // A hard deadline: a stuck job or dependency must not keep a terminated process alive forever.
  const deadline = setTimeout(() => {
    logger.error({ timeoutMs: config.shutdownTimeoutMs }, "shutdown timed out; exiting with running jobs");
    process.exit(1);
  }, config.shutdownTimeoutMs);
  deadline.unref();
  app
    .stop()
    .then(() => tracing.shutdown().catch(() => undefined))
    .then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
