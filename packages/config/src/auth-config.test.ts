import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authConfig, resolveAuthSecret } from "./auth-config";
import { ConfigError } from "./config-error";
import { loadConfig } from "./load-config";
import { runtimeConfig } from "./runtime-config";

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

function issuesOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env, authConfig());
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("authConfig", () => {
  it("reads AUTH_SECRET as given", () => {
    const secret = "a".repeat(32);
    expect(loadConfig({ AUTH_SECRET: secret }, authConfig())).toEqual({ authSecret: secret });
    expect(loadConfig({ AUTH_SECRET: secret, NODE_ENV: "production" }, authConfig()).authSecret).toBe(secret);
  });

  it("leaves it undefined outside production", () => {
    expect(loadConfig({}, authConfig()).authSecret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "test" }, authConfig()).authSecret).toBeUndefined();
  });

  it("requires it in production, naming the variable", () => {
    expect(issuesOf({ NODE_ENV: "production" })).toEqual([
      { variable: "AUTH_SECRET", message: "is required when NODE_ENV=production" },
    ]);
    expect(issuesOf({ NODE_ENV: "production", AUTH_SECRET: "   " })).toEqual([
      { variable: "AUTH_SECRET", message: "is required when NODE_ENV=production" },
    ]);
  });

  it("rejects a short secret without echoing it", () => {
    const issues = issuesOf({ AUTH_SECRET: "short-but-secret-value-31-chars" });
    expect(issues).toEqual([{ variable: "AUTH_SECRET", message: "must be at least 32 characters long" }]);
    expect(JSON.stringify(issues)).not.toContain("short-but-secret");
  });
});

describe("resolveAuthSecret", () => {
  it("returns the configured secret without touching the disk", async () => {
    const secret = "c".repeat(40);
    await expect(
      resolveAuthSecret({ authSecret: secret, dataDir: "/nonexistent/never-created", isProduction: true }),
    ).resolves.toBe(secret);
  });

  it("generates one secret under DATA_DIR/secrets/auth outside production and reuses it", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "vitae-auth-config-"));
    const config = { ...loadConfig({ DATA_DIR: dataDir }, runtimeConfig(), authConfig()) };
    const first = await resolveAuthSecret(config);
    const second = await resolveAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect((await readFile(join(dataDir, "secrets", "auth"), "utf8")).trim()).toBe(first);
    expect((await stat(join(dataDir, "secrets", "auth"))).mode & 0o777).toBe(0o600);
  });

  it("refuses to generate one in production", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "vitae-auth-config-"));
    await expect(resolveAuthSecret({ authSecret: undefined, dataDir, isProduction: true })).rejects.toThrow(
      /AUTH_SECRET is required/,
    );
    await expect(stat(join(dataDir, "secrets", "auth"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
