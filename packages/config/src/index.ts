export { type AuthConfig, authConfig, resolveAuthSecret } from "./auth-config";
export { ConfigError, type ConfigIssue } from "./config-error";
export { type DatabaseConfig, databaseConfig } from "./database-config";
export { type DocumentsConfig, documentsConfig } from "./documents-config";
export {
  envBoolean,
  envEnum,
  envInteger,
  envOriginList,
  envString,
  envUrl,
  type NodeEnv,
  nodeEnvField,
} from "./env-fields";
export { type ExportsConfig, exportsConfig } from "./exports-config";
export { type HttpConfig, httpConfig } from "./http-config";
export { type LlmConfig, llmConfig } from "./llm-config";
export {
  type LlmWorkspaceConfig,
  llmWorkspaceConfig,
  resolveKeyEncryptionKeys,
} from "./llm-workspace-config";
export { type ConfigSchema, type Env, loadConfig, type MergedConfig } from "./load-config";
export { type LoggingConfig, type LogLevel, loggingConfig } from "./logging-config";
export { type MailConfig, mailConfig, type SmtpSettings } from "./mail-config";
export { type MetricsConfig, metricsConfig } from "./metrics-config";
export { type ObjectStoreSettings, resolveObjectStoreSettings } from "./object-store-settings";
export { type Plan, plans } from "./plans";
export { readProcessEnv } from "./process-env";
export { type QuotaConfig, type QuotaLimits, quotaConfig } from "./quota-config";
export {
  envRateLimitRule,
  planIndependentTiers,
  planTiers,
  type RateLimitConfig,
  type RateLimitRule,
  type RateLimits,
  type RateLimitTier,
  rateLimitConfig,
  rateLimitTiers,
} from "./rate-limit-config";
export { embeddedRedisKeyPrefix, type RedisConfig, redisConfig } from "./redis-config";
export { type RuntimeConfig, runtimeConfig } from "./runtime-config";
export { loadOrCreateSecret } from "./secrets";
export {
  type DiskStorageConfig,
  type S3StorageConfig,
  type StorageConfig,
  storageConfig,
} from "./storage-config";
export { type WorkerConfig, workerConfig } from "./worker-config";
