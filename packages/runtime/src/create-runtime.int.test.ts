import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import {
  databaseConfig,
  documentsConfig,
  httpConfig,
  llmConfig,
  llmWorkspaceConfig,
  loadConfig,
  redisConfig,
  runtimeConfig,
  storageConfig,
  workerConfig,
} from "@vitae/config";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createMetrics } from "@vitae/telemetry";
import { afterAll, describe, expect, it } from "vitest";
import { createRuntime } from "./create-runtime";

const dataDirs: string[] = [];
afterAll(async () => {
  for (const directory of dataDirs) await rm(directory, { recursive: true, force: true });
});

describe("createRuntime in embedded mode", () => {
  it("starts its own PostgreSQL server, migrated and ready, never logs its password, and stops it on close", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "vitae-runtime-"));
    dataDirs.push(dataDir);
    // As root the server runs as the postgres account, which must be able to enter DATA_DIR.
    await chmod(dataDir, 0o755);
    const config = loadConfig(
      { DATA_DIR: dataDir, REDIS_URL: getTestRedisUrl(), REDIS_KEY_PREFIX: createTestPrefix() },
      runtimeConfig(),
      httpConfig(),
      databaseConfig(),
      redisConfig(),
      storageConfig(),
      workerConfig(),
      llmConfig(),
      llmWorkspaceConfig(),
      documentsConfig(),
    );
    let logText = "";
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logText += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: "debug", format: "json", name: "runtime-test", destination });
    const redis = createRedis(config.redisUrl, { role: "client" });
    await once(redis, "ready");
    try {
      const runtime = await createRuntime(config, {
        logger,
        metrics: createMetrics({ service: "test" }),
        redis,
      });
      expect(runtime.db.kind).toBe("postgres");
      const report = await runtime.checkReadiness();
      expect(report.components.find((component) => component.name === "postgres")?.status).toBe("up");
      const pidFile = join(dataDir, "postgres", "postmaster.pid");
      expect((await readFile(pidFile, "utf8")).split("\n")[1]).toBe(join(dataDir, "postgres"));

      await runtime.close();
      await expect(readFile(pidFile)).rejects.toMatchObject({ code: "ENOENT" });
      const password = (await readFile(join(dataDir, "secrets", "postgres"), "utf8")).trim();
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(logText).toContain("embedded database: PostgreSQL server");
      expect(logText).not.toContain(password);
    } finally {
      await redis.quit();
    }
  });
});
