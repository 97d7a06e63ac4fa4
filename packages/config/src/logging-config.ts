import { z } from "zod";
import { envEnum, nodeEnvField } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Log verbosity, matching pino's level names. */
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** How log lines are written. */
export interface LoggingConfig {
  /** `LOG_LEVEL` (default `info`). */
  logLevel: LogLevel;
  /** `LOG_FORMAT`: `pretty` by default in development, `json` otherwise (tests and production). */
  logFormat: "json" | "pretty";
}

/** `LOG_LEVEL`, `LOG_FORMAT` (its default reads `NODE_ENV`). */
export function loggingConfig(): ConfigSchema<LoggingConfig> {
  return z
    .object({
      NODE_ENV: nodeEnvField(),
      LOG_LEVEL: envEnum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      LOG_FORMAT: envEnum(["json", "pretty"]).optional(),
    })
    .transform((env) => ({
      logLevel: env.LOG_LEVEL,
      logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === "development" ? "pretty" : "json"),
    }));
}
