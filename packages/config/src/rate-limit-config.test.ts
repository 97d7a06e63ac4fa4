import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { loadConfig } from "./load-config";
import { quotaConfig } from "./quota-config";
import { rateLimitConfig } from "./rate-limit-config";

function issuesOf(run: () => unknown): ConfigError["issues"] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const minute = 60_000;
const hour = 60 * minute;

describe("rateLimitConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    expect(loadConfig({}, rateLimitConfig())).toEqual({
      rateLimits: {
        auth: { limit: 10, windowMs: minute },
        public: { limit: 30, windowMs: minute },
        default: { free: { limit: 600, windowMs: minute }, pro: { limit: 3000, windowMs: minute } },
        upload: { free: { limit: 10, windowMs: hour }, pro: { limit: 100, windowMs: hour } },
        llm: { free: { limit: 20, windowMs: hour }, pro: { limit: 200, windowMs: hour } },
      },
      rateLimitTimeoutMs: 100,
    });
  });

  it("reads every variable and each window unit", () => {
    const config = loadConfig(
      {
        RATE_LIMIT_AUTH: "5/30s",
        RATE_LIMIT_PUBLIC: "100/2m",
        RATE_LIMIT_DEFAULT_FREE: "1/1s",
        RATE_LIMIT_DEFAULT_PRO: "1000000000/31d",
        RATE_LIMIT_UPLOAD_FREE: "3/12h",
        RATE_LIMIT_UPLOAD_PRO: " 7/1d ",
        RATE_LIMIT_LLM_FREE: "2/1h",
        RATE_LIMIT_LLM_PRO: "40/90m",
        RATE_LIMIT_TIMEOUT_MS: "250",
      },
      rateLimitConfig(),
    );
    expect(config.rateLimits).toEqual({
      auth: { limit: 5, windowMs: 30_000 },
      public: { limit: 100, windowMs: 2 * minute },
      default: {
        free: { limit: 1, windowMs: 1000 },
        pro: { limit: 1_000_000_000, windowMs: 31 * 24 * hour },
      },
      upload: { free: { limit: 3, windowMs: 12 * hour }, pro: { limit: 7, windowMs: 24 * hour } },
      llm: { free: { limit: 2, windowMs: hour }, pro: { limit: 40, windowMs: 90 * minute } },
    });
    expect(config.rateLimitTimeoutMs).toBe(250);
  });

  it("returns fresh default objects, so one app mutating its config cannot change another's", () => {
    const first = loadConfig({}, rateLimitConfig());
    first.rateLimits.auth.limit = 1;
    expect(loadConfig({}, rateLimitConfig()).rateLimits.auth.limit).toBe(10);
  });

  it.each([
    "10",
    "10/",
    "/1m",
    "10/m",
    "10/1",
    "10/1w",
    "10/1ms",
    "0/1m",
    "-1/1m",
    "1e3/1m",
    "10/1.5h",
    "10 / 1m",
    "10/0s",
    "10/32d",
    "1000000001/1m",
    "ten/1m",
  ])("rejects %j naming the variable and the expected format", (value) => {
    expect(issuesOf(() => loadConfig({ RATE_LIMIT_UPLOAD_PRO: value }, rateLimitConfig()))).toEqual([
      {
        variable: "RATE_LIMIT_UPLOAD_PRO",
        message: expect.stringMatching(/^must be <count>\/<window>.*10\/1m/),
      },
    ]);
  });

  it("never echoes the bad value", () => {
    const issues = issuesOf(() => loadConfig({ RATE_LIMIT_LLM_FREE: "s3cr3t-value" }, rateLimitConfig()));
    expect(JSON.stringify(issues)).not.toContain("s3cr3t");
  });

  it("refuses per-plan variables of plan-independent tiers instead of ignoring them", () => {
    const issues = issuesOf(() =>
      loadConfig({ RATE_LIMIT_AUTH_FREE: "5/1m", RATE_LIMIT_PUBLIC_PRO: "5/1m" }, rateLimitConfig()),
    );
    expect(issues).toEqual([
      {
        variable: "RATE_LIMIT_AUTH_FREE",
        message: "is not used: the auth limit does not depend on the plan; set RATE_LIMIT_AUTH instead",
      },
      {
        variable: "RATE_LIMIT_PUBLIC_PRO",
        message: "is not used: the public limit does not depend on the plan; set RATE_LIMIT_PUBLIC instead",
      },
    ]);
  });

  it("reports every bad variable at once", () => {
    const issues = issuesOf(() =>
      loadConfig(
        { RATE_LIMIT_AUTH: "x", RATE_LIMIT_LLM_PRO: "1/1y", RATE_LIMIT_TIMEOUT_MS: "0" },
        rateLimitConfig(),
      ),
    );
    expect(issues.map((issue) => issue.variable)).toEqual([
      "RATE_LIMIT_TIMEOUT_MS",
      "RATE_LIMIT_AUTH",
      "RATE_LIMIT_LLM_PRO",
    ]);
    expect(issues[0]?.message).toBe("must be an integer between 1 and 5000");
  });
});

describe("quotaConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    expect(loadConfig({}, quotaConfig())).toEqual({
      quotas: {
        free: { requests: 50_000, llmTokens: 200_000, storedBytes: 500 * 1024 * 1024 },
        pro: { requests: 1_000_000, llmTokens: 5_000_000, storedBytes: 20 * 1024 * 1024 * 1024 },
      },
    });
  });

  it("reads every variable, including 0 and values beyond 32 bits", () => {
    const config = loadConfig(
      {
        QUOTA_FREE_REQUESTS: "1",
        QUOTA_FREE_LLM_TOKENS: "0",
        QUOTA_FREE_STORED_BYTES: "1024",
        QUOTA_PRO_REQUESTS: "2",
        QUOTA_PRO_LLM_TOKENS: "3",
        QUOTA_PRO_STORED_BYTES: "1099511627776",
      },
      quotaConfig(),
    );
    expect(config.quotas).toEqual({
      free: { requests: 1, llmTokens: 0, storedBytes: 1024 },
      pro: { requests: 2, llmTokens: 3, storedBytes: 1_099_511_627_776 },
    });
  });

  it.each(["-1", "1.5", "1e6", "500MB", "9007199254740992"])("rejects %j naming the variable", (value) => {
    expect(issuesOf(() => loadConfig({ QUOTA_PRO_STORED_BYTES: value }, quotaConfig()))).toEqual([
      { variable: "QUOTA_PRO_STORED_BYTES", message: "must be an integer between 0 and 9007199254740991" },
    ]);
  });
});
