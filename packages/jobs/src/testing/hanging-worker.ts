/**
 * Test fixture, run as a child process (`node --import tsx hanging-worker.ts '<json>'`): workers whose
 * handlers never finish, so a test can `kill -9` the process mid-job as a crash would. Its settings come
 * as one JSON argument (not the environment), and it logs nothing.
 */
import { createDb } from "@vitae/db";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { createDiskStore } from "@vitae/storage";
import { z } from "zod";
import type { JobHandlerMap } from "../handler-types";
import { startWorkers } from "../start-workers";

const settings = z
  .object({
    databaseUrl: z.string(),
    redisUrl: z.string(),
    prefix: z.string(),
    rootDir: z.string(),
    lockDurationMs: z.number().int().positive(),
    stalledIntervalMs: z.number().int().positive(),
  })
  .parse(JSON.parse(process.argv[2] ?? "{}"));

const never = () => new Promise<never>(() => undefined);
const handlers: JobHandlerMap = {
  "system.run-self-test": never,
  "documents.ingest": never,
  "ask.sweep-voice": never,
  "storage.sweep-stale-uploads": never,
  "imports.analyse": never,
  "exports.render-profile": never,
  "exports.sweep-expired": never,
  "imports.validate": never,
  "imports.write-export": never,
  "matches.rank-profiles": never,
  "tailoring.propose-changes": never,
  "usage.flush-requests": never,
};
const handle = createDb({ databaseUrl: settings.databaseUrl, dataDir: settings.rootDir, poolMax: 2 });
await startWorkers({
  db: handle.db,
  storage: createDiskStore({
    rootDir: settings.rootDir,
    signingSecret: "s".repeat(32),
    publicUrl: "http://127.0.0.1:3000",
  }),
  services: {
    llm: unconfiguredLlmClient,
    llmFor: async () => unconfiguredLlmClient,
    extraction: { timeoutMs: 20_000, maxMemoryMb: 256 },
  },
  redisUrl: settings.redisUrl,
  prefix: settings.prefix,
  logger: createLogger({ level: "silent", format: "json", name: "hanging-worker" }),
  concurrency: 1,
  reconcile: { intervalMs: 600_000, staleAfterMs: 600_000 },
  handlers,
  stall: { lockDuration: settings.lockDurationMs, stalledInterval: settings.stalledIntervalMs },
});
