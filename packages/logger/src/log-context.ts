import { AsyncLocalStorage } from "node:async_hooks";

/** Correlation fields attached to every log line written while the context is active. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  workspaceId?: string;
  userId?: string;
  /** The request path without its query string (queries may carry user input or signatures). */
  path?: string;
}

const contextKeys = ["requestId", "jobId", "workspaceId", "userId", "path"] as const;

const storage = new AsyncLocalStorage<LogContext>();

function definedFields(context: LogContext): LogContext {
  const fields: LogContext = {};
  for (const key of contextKeys) {
    const value = context[key];
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

/**
 * Runs `fn` with `context` active for all synchronous and asynchronous work it starts; returns what
 * `fn` returns. Nested calls inherit the outer fields and may override them (a job enqueued inside a
 * request keeps its `requestId`). Called by the API per request and by the worker per job.
 */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...definedFields(context) }, fn);
}

/** A copy of the active context, or undefined outside `runWithLogContext`. */
export function getLogContext(): LogContext | undefined {
  const store = storage.getStore();
  return store === undefined ? undefined : { ...store };
}

/**
 * Adds fields to the active context in place, so every later line of the same request or job carries
 * them — e.g. `userId` and `workspaceId` once authentication has run. Returns false (and changes
 * nothing) outside a context: logging must never be the reason a request fails.
 */
export function updateLogContext(partial: LogContext): boolean {
  const store = storage.getStore();
  if (store === undefined) return false;
  Object.assign(store, definedFields(partial));
  return true;
}

/** The fields the pino mixin adds to a line; a fresh object because pino merges into it. */
export function logContextFields(): LogContext {
  const store = storage.getStore();
  return store === undefined ? {} : { ...store };
}
