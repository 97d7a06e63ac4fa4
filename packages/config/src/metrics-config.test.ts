import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { loadConfig } from "./load-config";
import { metricsConfig } from "./metrics-config";

function issuesOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env, metricsConfig());
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("metricsConfig", () => {
  const token = "a-long-enough-metrics-token";

  it("reads METRICS_TOKEN in every mode", () => {
    expect(loadConfig({ METRICS_TOKEN: token }, metricsConfig())).toEqual({ metricsToken: token });
    expect(loadConfig({ METRICS_TOKEN: token, NODE_ENV: "production" }, metricsConfig())).toEqual({
      metricsToken: token,
    });
  });

  it("leaves /metrics open outside production only", () => {
    expect(loadConfig({}, metricsConfig()).metricsToken).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "test" }, metricsConfig()).metricsToken).toBeUndefined();
  });

  it("refuses to boot in production without it, naming the variable", () => {
    const required = [{ variable: "METRICS_TOKEN", message: "is required when NODE_ENV=production" }];
    expect(issuesOf({ NODE_ENV: "production" })).toEqual(required);
    expect(issuesOf({ NODE_ENV: "production", METRICS_TOKEN: "  " })).toEqual(required);
  });

  it("rejects a short token without echoing it", () => {
    const issues = issuesOf({ NODE_ENV: "production", METRICS_TOKEN: "short-secret" });
    expect(issues).toEqual([{ variable: "METRICS_TOKEN", message: "must be at least 16 characters long" }]);
    expect(JSON.stringify(issues)).not.toContain("short-secret");
  });
});
