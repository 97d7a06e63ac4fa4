import type { Database } from "@vitae/db";
import type { ExtractionPool } from "@vitae/documents";
import type { LlmClient } from "@vitae/llm";
import type { Logger } from "@vitae/logger";
import type { JobName, PayloadOf } from "@vitae/queue";
import type { UsageCounter } from "@vitae/ratelimit";
import type { ObjectStore } from "@vitae/storage";

/** A JSON value: what a handler may return, stored as the run's `result` and shown to clients. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Long-lived services handlers share, built once per process by the app (`startWorkers({ services })`). */
export interface JobServices {
  /** The LLM client; `available` is false without a provider (handlers then use their basic paths). */
  llm: LlmClient;
  /**
   * The client for one workspace's calls: the workspace's own provider when it set one, else `llm`
   * (system jobs pass null). Handlers doing a workspace's LLM work use this, never `llm` directly.
   */
  llmFor(workspaceId: string | null): Promise<LlmClient>;
  /**
   * Limits of the sandboxed text extraction (`EXTRACTION_TIMEOUT_MS`, `EXTRACTION_MAX_MEMORY_MB`);
   * `startWorkers` adds the pool of reusable extraction children it owns.
   */
  extraction: { timeoutMs: number; maxMemoryMb: number; pool?: ExtractionPool };
}

/** Everything a handler gets for one attempt of one job. */
export interface JobContext<Name extends JobName> {
  /** The `job_runs` row id, also the BullMQ job id: the key for idempotent side effects. */
  jobRunId: string;
  /** The owning workspace (null for system jobs); scope every query with it. */
  workspaceId: string | null;
  /** The payload, validated again against the job's schema at run time (defaults applied). */
  payload: PayloadOf<Name>;
  /** 1 for the first attempt, incremented on each retry or redelivery. */
  attempt: number;
  db: Database;
  storage: ObjectStore;
  services: JobServices;
  /** The workspaces' request counters in Redis (written behind to Postgres by `usage.flush-requests`). */
  usage: UsageCounter;
  /** Carries `jobId`/`workspaceId` through the log context. */
  logger: Logger;
  /** Aborted when BullMQ cancels the job; long steps should pass it on. */
  signal: AbortSignal | undefined;
  /**
   * Records progress (0–100) and a user-facing message on the row, then signals watchers through the
   * queue's event stream. Rejects only when Postgres does; a missed queue event is covered by polling.
   */
  reportProgress(percent: number, message: string): Promise<void>;
}

/**
 * Runs one attempt of job `Name`. Must be idempotent (delivery is at least once, and an attempt may be
 * retried after partial work). Throw `AppError` with a permanent code (e.g. `NOT_FOUND`,
 * `VALIDATION_FAILED`) or BullMQ's `UnrecoverableError` to fail without retry; anything else is retried
 * up to the job's `attempts`.
 */
export type JobHandler<Name extends JobName> = (context: JobContext<Name>) => Promise<JsonValue>;

/** One handler per defined job; `satisfies JobHandlerMap` makes a job without a handler a compile error. */
export type JobHandlerMap = { [Name in JobName]: JobHandler<Name> };
