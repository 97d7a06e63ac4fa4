import { resolve } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ConfigError } from "./config-error";
import { databaseConfig } from "./database-config";
import { httpConfig } from "./http-config";
import { loadConfig } from "./load-config";
import { loggingConfig } from "./logging-config";
import { metricsConfig } from "./metrics-config";
import { embeddedRedisKeyPrefix, redisConfig } from "./redis-config";
import { runtimeConfig } from "./runtime-config";
import { storageConfig } from "./storage-config";
import { workerConfig } from "./worker-config";

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig defaults", () => {
  it("gives every documented default for an empty environment", () => {
    const config = loadConfig(
      {},
      runtimeConfig(),
      httpConfig(),
      databaseConfig(),
      redisConfig(),
      loggingConfig(),
      workerConfig(),
      metricsConfig(),
    );
    expect(config).toEqual({
      nodeEnv: "development",
      isProduction: false,
      dataDir: resolve("./.data"),
      shutdownTimeoutMs: 10_000,
      readinessTimeoutMs: 1_000,
      host: "127.0.0.1",
      port: 3000,
      publicUrl: "http://localhost:3000",
      corsOrigins: [],
      loopbackOrigins: ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"],
      bodyLimitBytes: 1_048_576,
      trpcMaxBatchSize: 20,
      databaseUrl: undefined,
      databasePoolMax: 10,
      isEmbedded: true,
      embeddedDatabase: "auto",
      embeddedPostgresPort: 0,
      redisUrl: "redis://127.0.0.1:6379",
      redisKeyPrefix: embeddedRedisKeyPrefix("./.data"),
      logLevel: "info",
      logFormat: "pretty",
      workerConcurrency: 4,
      workerHealthPort: 3001,
      reconcileIntervalMs: 30_000,
      reconcileStuckAfterMs: 60_000,
      metricsToken: undefined,
    });
  });

  it("reads the embedded database engine and port", () => {
    const config = loadConfig(
      { EMBEDDED_DATABASE: "pglite", EMBEDDED_POSTGRES_PORT: "5433" },
      databaseConfig(),
    );
    expect(config).toMatchObject({
      isEmbedded: true,
      embeddedDatabase: "pglite",
      embeddedPostgresPort: 5433,
    });
  });

  it("treats empty and whitespace-only values as unset", () => {
    const config = loadConfig(
      { PORT: "", LOG_LEVEL: "   ", DATABASE_URL: "" },
      httpConfig(),
      databaseConfig(),
      loggingConfig(),
    );
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe("info");
    expect(config.isEmbedded).toBe(true);
  });

  it("trims values before validating them", () => {
    expect(loadConfig({ PORT: " 8080\n" }, httpConfig()).port).toBe(8080);
  });

  it("returns a typed, merged object", () => {
    const config = loadConfig({}, httpConfig(), databaseConfig());
    expectTypeOf(config.port).toEqualTypeOf<number>();
    expectTypeOf(config.databaseUrl).toEqualTypeOf<string | undefined>();
    expectTypeOf(config.corsOrigins).toEqualTypeOf<string[]>();
  });
});

describe("the default Redis key prefix", () => {
  const prefixOf = (env: Record<string, string>) => loadConfig(env, redisConfig()).redisKeyPrefix;

  it("differs between two embedded instances (different DATA_DIR) and is stable for one", () => {
    const first = prefixOf({ DATA_DIR: "/srv/vitae-a" });
    const second = prefixOf({ DATA_DIR: "/srv/vitae-b" });
    expect(first).not.toBe(second);
    expect(first).toMatch(/^vitae-[0-9a-f]{12}$/);
    expect(prefixOf({ DATA_DIR: "/srv/vitae-a/../vitae-a" })).toBe(first);
  });

  it("is `vitae` for distributed replicas, and REDIS_KEY_PREFIX always wins", () => {
    expect(prefixOf({ DATABASE_URL: "postgres://db/vitae", DATA_DIR: "/a" })).toBe("vitae");
    expect(prefixOf({ DATA_DIR: "/srv/vitae-a", REDIS_KEY_PREFIX: "mine" })).toBe("mine");
  });
});

describe("loadConfig with values", () => {
  it("maps every variable of every factory to its camelCased field", () => {
    const config = loadConfig(
      {
        NODE_ENV: "production",
        DATA_DIR: "/var/lib/vitae",
        SHUTDOWN_TIMEOUT_MS: "5000",
        READINESS_TIMEOUT_MS: "250",
        HOST: "0.0.0.0",
        PORT: "8080",
        PUBLIC_URL: "https://cv.example.com/",
        CORS_ORIGINS: "https://cv.example.com,https://admin.example.com",
        BODY_LIMIT_BYTES: "2048",
        TRPC_MAX_BATCH_SIZE: "5",
        DATABASE_URL: "postgresql://vitae@db:5432/vitae",
        DATABASE_POOL_MAX: "25",
        REDIS_URL: "rediss://cache.example.com:6380",
        REDIS_KEY_PREFIX: "vitae-staging",
        LOG_LEVEL: "debug",
        WORKER_CONCURRENCY: "16",
        WORKER_HEALTH_PORT: "9101",
        RECONCILE_INTERVAL_MS: "1000",
        RECONCILE_STUCK_AFTER_MS: "2000",
        METRICS_TOKEN: "a-long-enough-metrics-token",
        STORAGE_SIGNING_SECRET: "x".repeat(32),
      },
      runtimeConfig(),
      httpConfig(),
      databaseConfig(),
      redisConfig(),
      loggingConfig(),
      workerConfig(),
      metricsConfig(),
      storageConfig(),
    );
    expect(config).toMatchObject({
      nodeEnv: "production",
      isProduction: true,
      dataDir: "/var/lib/vitae",
      shutdownTimeoutMs: 5000,
      readinessTimeoutMs: 250,
      host: "0.0.0.0",
      port: 8080,
      publicUrl: "https://cv.example.com",
      corsOrigins: ["https://cv.example.com", "https://admin.example.com"],
      loopbackOrigins: [],
      bodyLimitBytes: 2048,
      trpcMaxBatchSize: 5,
      databaseUrl: "postgresql://vitae@db:5432/vitae",
      databasePoolMax: 25,
      isEmbedded: false,
      redisUrl: "rediss://cache.example.com:6380",
      redisKeyPrefix: "vitae-staging",
      logLevel: "debug",
      logFormat: "json",
      workerConcurrency: 16,
      workerHealthPort: 9101,
      reconcileIntervalMs: 1000,
      reconcileStuckAfterMs: 2000,
      metricsToken: "a-long-enough-metrics-token",
      storageDriver: "disk",
      storageSigningSecret: "x".repeat(32),
    });
  });

  it("derives PUBLIC_URL from PORT when unset", () => {
    expect(loadConfig({ PORT: "4000" }, httpConfig()).publicUrl).toBe("http://localhost:4000");
  });

  it.each([
    [{}, "pretty"],
    [{ NODE_ENV: "test" }, "json"],
    [{ NODE_ENV: "production" }, "json"],
    [{ NODE_ENV: "production", LOG_FORMAT: "pretty" }, "pretty"],
    [{ NODE_ENV: "development", LOG_FORMAT: "json" }, "json"],
  ])("LOG_FORMAT for %o is %s", (env, format) => {
    expect(loadConfig(env, loggingConfig()).logFormat).toBe(format);
  });

  it("resolves a relative DATA_DIR to an absolute path", () => {
    expect(loadConfig({ DATA_DIR: "tmp/data" }, runtimeConfig()).dataDir).toBe(resolve("tmp/data"));
  });
});

describe("loadConfig failures", () => {
  it("names every bad variable, across factories, in one error", () => {
    const error = configErrorOf(() =>
      loadConfig(
        {
          PORT: "70000",
          DATABASE_URL: "mysql://root:hunter2@db/vitae",
          REDIS_URL: "http://cache:6379",
          LOG_LEVEL: "loud",
          WORKER_CONCURRENCY: "0",
          CORS_ORIGINS: "https://ok.example.com,not-an-origin",
          METRICS_TOKEN: "short",
        },
        httpConfig(),
        databaseConfig(),
        redisConfig(),
        loggingConfig(),
        workerConfig(),
        metricsConfig(),
      ),
    );
    expect(error.issues).toEqual([
      { variable: "PORT", message: "must be an integer between 1 and 65535" },
      {
        variable: "CORS_ORIGINS",
        message:
          '"not-an-origin" is not an origin (expected http(s)://host[:port], e.g. https://app.example.com)',
      },
      {
        variable: "DATABASE_URL",
        message: "must be a URL starting with postgres:// or postgresql:// and naming a host",
      },
      {
        variable: "REDIS_URL",
        message: "must be a URL starting with redis:// or rediss:// and naming a host",
      },
      { variable: "LOG_LEVEL", message: "must be one of fatal, error, warn, info, debug, trace, silent" },
      { variable: "WORKER_CONCURRENCY", message: "must be an integer between 1 and 1000" },
      { variable: "METRICS_TOKEN", message: "must be at least 16 characters long" },
    ]);
    expect(error.message).toContain("PORT: must be an integer between 1 and 65535");
    expect(error.message).toContain("7 problems");
    expect(error.message).not.toContain("hunter2");
    expect(error.name).toBe("ConfigError");
  });

  it("reports a shared variable once even when several factories read it", () => {
    const error = configErrorOf(() =>
      loadConfig({ NODE_ENV: "staging" }, runtimeConfig(), loggingConfig(), storageConfig()),
    );
    expect(error.issues).toEqual([
      { variable: "NODE_ENV", message: "must be one of development, production, test" },
    ]);
  });

  it.each([
    ["SHUTDOWN_TIMEOUT_MS", "0", runtimeConfig],
    ["READINESS_TIMEOUT_MS", "60001", runtimeConfig],
    ["BODY_LIMIT_BYTES", "1023", httpConfig],
    ["TRPC_MAX_BATCH_SIZE", "101", httpConfig],
    ["PUBLIC_URL", "ftp://files.example.com", httpConfig],
    ["DATABASE_POOL_MAX", "0", databaseConfig],
    ["EMBEDDED_DATABASE", "sqlite", databaseConfig],
    ["EMBEDDED_POSTGRES_PORT", "65536", databaseConfig],
    ["REDIS_KEY_PREFIX", "vitae:prod", redisConfig],
    ["REDIS_KEY_PREFIX", "*", redisConfig],
    ["LOG_FORMAT", "xml", loggingConfig],
    ["WORKER_HEALTH_PORT", "65536", workerConfig],
    ["RECONCILE_INTERVAL_MS", "99", workerConfig],
    ["RECONCILE_STUCK_AFTER_MS", "soon", workerConfig],
  ] as const)("rejects %s=%s", (variable, value, factory) => {
    const error = configErrorOf(() => loadConfig({ [variable]: value }, factory()));
    expect(error.issues.map((issue) => issue.variable)).toEqual([variable]);
  });

  it("ignores variables no factory declares", () => {
    expect(() => loadConfig({ UNRELATED: "!!!", PORT: "3000" }, httpConfig())).not.toThrow();
  });
});
