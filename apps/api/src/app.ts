import { createLogger, type Logger } from "@vitae/logger";
import { createQueueClient } from "@vitae/queue";
import { createRedis, pingRedis } from "@vitae/redis";
import { createRuntime } from "@vitae/runtime";
import { isDiskStore } from "@vitae/storage";
import { createMetrics } from "@vitae/telemetry";
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import packageJson from "../package.json" with { type: "json" };
import { createAccessCache } from "./access-cache";
import { createProfileViewCache } from "./chat/profile-views";
import { createChatSessionStore } from "./chat/session-store";
import type { ApiConfig } from "./config";
import type { ApiDependencies } from "./dependencies";
import { buildServer } from "./http/server";
import { createIdentity } from "./identity";
import { createMatchScoreCache } from "./router/matches/score-cache";

/** Raised at boot when Redis cannot be reached: the one dependency even embedded mode needs. */
export class RedisUnreachableError extends Error {
  constructor(
    readonly redisUrl: string,
    cause: unknown,
  ) {
    super(`Redis is not reachable at ${redactUrl(redisUrl)}`, { cause });
    this.name = "RedisUnreachableError";
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

/**
 * Fail-fast connections refuse commands until their first connect completes, so boot polls PING until
 * Redis answers or the deadline passes (then rethrows the last failure).
 */
async function waitForRedis(redis: Redis, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await pingRedis(redis, Math.min(1000, deadlineMs));
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface RunningApi {
  server: FastifyInstance;
  deps: ApiDependencies;
  /** The base URL the server listens on. */
  url: string;
  /**
   * Graceful stop: readiness turns 503, the listener closes, in-flight requests finish, subscriptions
   * end, in-process workers finish their running job, then pools close. Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * The composition root: builds every dependency from config, migrates, starts in-process workers in
 * embedded mode, and listens. Throws `RedisUnreachableError` when Redis is down at boot.
 */
export interface StartApiOptions {
  /** Use this logger instead of one built from config (tests capture output with it). */
  logger?: Logger;
  /** Run the BullMQ workers in this process. Default: only in embedded mode. */
  runWorkers?: boolean;
  /** Adds routes or hooks before the server listens (benchmarks add a bare baseline route). */
  extendServer?: (server: FastifyInstance, deps: ApiDependencies) => void | Promise<void>;
}

export async function startApi(config: ApiConfig, options: StartApiOptions = {}): Promise<RunningApi> {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat, name: "api" });
  const mode = config.isEmbedded ? "embedded" : "distributed";

  const redis = createRedis(config.redisUrl, { role: "producer", name: "vitae-api" });
  try {
    await waitForRedis(redis, config.readinessTimeoutMs * 5);
  } catch (error) {
    redis.disconnect();
    throw new RedisUnreachableError(config.redisUrl, error);
  }

  const metrics = createMetrics({ service: "api" });
  // A fail-fast client connection for rate limits, auth sessions and the LLM cache (BullMQ uses its own).
  const redisClient = createRedis(config.redisUrl, { role: "client", name: "vitae-api-client" });
  await waitForRedis(redisClient, config.readinessTimeoutMs * 5);
  const runtime = await createRuntime(config, { logger, metrics, redis: redisClient });
  const dbHandle = runtime.db;
  const { storage, llm } = runtime;
  const queue = createQueueClient({ db: dbHandle.db, redis, prefix: config.redisKeyPrefix, logger });
  if (options.runWorkers ?? config.isEmbedded) await runtime.startWorkers();

  // Subscriber mode blocks other commands on a connection: invalidations get their own.
  const subscriber = createRedis(config.redisUrl, { role: "worker", name: "vitae-api-invalidation" });
  const accessCache = await createAccessCache({
    subscriber,
    publisher: redisClient,
    prefix: config.redisKeyPrefix,
    ttlMs: config.accessCacheTtlMs,
    logger,
  });
  const identity = await createIdentity({
    config,
    db: dbHandle.db,
    redis: redisClient,
    logger,
    metrics,
    accessCache,
  });

  const shutdown = new AbortController();
  const deps: ApiDependencies = {
    config,
    logger,
    metrics,
    db: dbHandle.db,
    queue,
    ...identity,
    llm,
    workspaceLlm: runtime.workspaceLlm,
    keyEnvelope: runtime.keyEnvelope,
    chatSessions: createChatSessionStore(redisClient, config.redisKeyPrefix),
    profileViews: createProfileViewCache(dbHandle.db),
    matchScores: createMatchScoreCache(redisClient, config.redisKeyPrefix),
    storage,
    diskStore: isDiskStore(storage) ? storage : null,
    readiness: { check: () => runtime.checkReadiness() },
    version: packageJson.version,
    mode,
    shutdownSignal: shutdown.signal,
  };

  const server = await buildServer(deps);
  await options.extendServer?.(server, deps);
  const url = await server.listen({ host: config.host, port: config.port });
  logger.info({ url, mode, version: deps.version }, "api listening");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      shutdown.abort();
      if (config.shutdownDrainMs > 0) {
        logger.info({ drainMs: config.shutdownDrainMs }, "draining: readiness is 503, still serving");
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
      }
      await server.close();
      // Requests counted since the last scheduled flush reach Postgres before this process goes.
      await deps.usageCounter
        .flush()
        .catch((error: unknown) => logger.warn({ err: error }, "final usage flush failed"));
      await runtime.close();
      await queue.close();
      await accessCache.close();
      await subscriber.quit().catch(() => subscriber.disconnect());
      await redis.quit().catch(() => redis.disconnect());
      await redisClient.quit().catch(() => redisClient.disconnect());
      logger.info("api stopped");
    })();
    return stopping;
  };
  return { server, deps, url, stop };
}
