export type { Logger } from "pino";
export { type CreateLoggerOptions, createLogger, type LogLevel } from "./create-logger";
export { getLogContext, type LogContext, runWithLogContext, updateLogContext } from "./log-context";
export { isSensitiveKey, redactedPlaceholder, redactSensitive } from "./redact";
