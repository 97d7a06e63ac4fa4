import type { Env } from "./load-config";

/**
 * A snapshot of `process.env` — the one place in the monorepo that reads it. Apps pass the result to
 * `loadConfig` at startup; taking a copy means later mutation of `process.env` cannot change a loaded
 * config behind the app's back.
 */
export function readProcessEnv(): Env {
  return { ...process.env };
}
