import { once } from "node:events";
import { Writable } from "node:stream";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { Registry } from "prom-client";
import {
  type CreateLlmClientOptions,
  createLlmClient,
  type LlmClient,
  type LlmClientConfig,
} from "../src/client";
import {
  startTestLlmServer,
  type TestLlmServer,
  type TestLlmServerOptions,
  testLlmConfig,
} from "../src/testing";
import type { LlmUsageEntry } from "../src/types";

/** Everything one test needs: a scripted server, real Redis under a fresh prefix, captured logs and ledger. */
export interface Harness {
  server: TestLlmServer;
  prefix: string;
  redis: ReturnType<typeof createRedis>;
  registry: Registry;
  ledger: LlmUsageEntry[];
  /** Every wait the client asked for (the injected sleep returns at once). */
  sleeps: number[];
  logText(): string;
  client(config?: Partial<LlmClientConfig>, options?: Partial<CreateLlmClientOptions>): LlmClient;
  close(): Promise<void>;
}

/** Fixed clock for HTTP-date Retry-After values. */
export const fixedNow = Date.parse("2026-11-02T10:00:00Z");

export async function createHarness(serverOptions: TestLlmServerOptions = {}): Promise<Harness> {
  const server = await startTestLlmServer(serverOptions);
  const redis = createRedis(getTestRedisUrl(), { role: "client", name: "llm-test" });
  await once(redis, "ready");
  const prefix = createTestPrefix();
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level: "debug", format: "json", name: "llm-test", destination });
  const registry = new Registry();
  const ledger: LlmUsageEntry[] = [];
  const sleeps: number[] = [];
  return {
    server,
    prefix,
    redis,
    registry,
    ledger,
    sleeps,
    logText: () => chunks.join(""),
    client: (config = {}, options = {}) =>
      createLlmClient(testLlmConfig(server, config), {
        redis,
        prefix,
        logger,
        metrics: { registry },
        recordUsage: (entry) => {
          ledger.push(entry);
        },
        clock: {
          now: () => fixedNow,
          random: () => 0.5,
          sleep: async (ms, signal) => {
            sleeps.push(ms);
            signal.throwIfAborted();
          },
        },
        ...options,
      }),
    close: async () => {
      await deleteKeysByPrefix(redis, prefix);
      redis.disconnect();
      await server.close();
    },
  };
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}
