import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { loadConfig } from "./load-config";
import { storageConfig } from "./storage-config";

const secret = "s".repeat(32);

function issuesFor(env: Record<string, string>) {
  try {
    loadConfig(env, storageConfig());
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("storageConfig", () => {
  it("selects disk storage when no S3 variable is set", () => {
    expect(loadConfig({}, storageConfig())).toEqual({
      storageDriver: "disk",
      s3Bucket: undefined,
      s3Region: undefined,
      s3Endpoint: undefined,
      s3ForcePathStyle: false,
      s3AccessKeyId: undefined,
      s3SecretAccessKey: undefined,
      storageSigningSecret: undefined,
    });
  });

  it("selects S3 with defaults when only the bucket is set", () => {
    const config = loadConfig({ S3_BUCKET: "vitae-objects" }, storageConfig());
    expect(config).toMatchObject({
      storageDriver: "s3",
      s3Bucket: "vitae-objects",
      s3Region: "us-east-1",
      s3Endpoint: undefined,
      s3ForcePathStyle: false,
      s3AccessKeyId: undefined,
      s3SecretAccessKey: undefined,
    });
  });

  it("reads a full S3-compatible setup and narrows on storageDriver", () => {
    const config = loadConfig(
      {
        S3_BUCKET: "vitae",
        S3_REGION: "eu-west-3",
        S3_ENDPOINT: "http://127.0.0.1:4568",
        S3_FORCE_PATH_STYLE: "1",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER-SECRET",
      },
      storageConfig(),
    );
    if (config.storageDriver !== "s3") throw new Error("expected s3");
    const bucket: string = config.s3Bucket;
    expect(bucket).toBe("vitae");
    expect(config).toMatchObject({
      s3Region: "eu-west-3",
      s3Endpoint: "http://127.0.0.1:4568",
      s3ForcePathStyle: true,
      s3AccessKeyId: "S3RVER",
      s3SecretAccessKey: "S3RVER-SECRET",
    });
  });

  it("rejects every S3 variable set without a bucket, all at once", () => {
    expect(
      issuesFor({
        S3_REGION: "eu-west-1",
        S3_ENDPOINT: "http://minio:9000",
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "key",
      }).map((issue) => issue.variable),
    ).toEqual([
      "S3_REGION",
      "S3_ENDPOINT",
      "S3_FORCE_PATH_STYLE",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ]);
    expect(issuesFor({ S3_REGION: "eu-west-1" })).toEqual([
      { variable: "S3_REGION", message: "is set but S3_BUCKET is not (S3 settings are all-or-nothing)" },
    ]);
  });

  it("requires the access key id and secret as a pair", () => {
    expect(issuesFor({ S3_BUCKET: "vitae", S3_ACCESS_KEY_ID: "id" })).toEqual([
      { variable: "S3_SECRET_ACCESS_KEY", message: "is required when S3_ACCESS_KEY_ID is set" },
    ]);
    expect(issuesFor({ S3_BUCKET: "vitae", S3_SECRET_ACCESS_KEY: "key" })).toEqual([
      { variable: "S3_ACCESS_KEY_ID", message: "is required when S3_SECRET_ACCESS_KEY is set" },
    ]);
  });

  it("reports a pairing problem together with a malformed sibling", () => {
    expect(
      issuesFor({ S3_BUCKET: "vitae", S3_ENDPOINT: "minio:9000", S3_ACCESS_KEY_ID: "id" }).map(
        (i) => i.variable,
      ),
    ).toEqual(["S3_ENDPOINT", "S3_SECRET_ACCESS_KEY"]);
  });

  it.each([
    ["S3_BUCKET", "Vitae_Bucket"],
    ["S3_BUCKET", "ab"],
    ["S3_REGION", "EU WEST"],
    ["S3_ENDPOINT", "s3.example.com"],
    ["S3_FORCE_PATH_STYLE", "yes"],
  ])("rejects %s=%s", (variable, value) => {
    const env: Record<string, string> = { S3_BUCKET: "vitae", [variable]: value };
    expect(issuesFor(env).map((issue) => issue.variable)).toEqual([variable]);
  });

  it("requires a signing secret in production with disk storage", () => {
    expect(issuesFor({ NODE_ENV: "production" })).toEqual([
      {
        variable: "STORAGE_SIGNING_SECRET",
        message: "is required when NODE_ENV=production and storage is on disk (S3_BUCKET unset)",
      },
    ]);
    expect(
      loadConfig({ NODE_ENV: "production", STORAGE_SIGNING_SECRET: secret }, storageConfig()),
    ).toMatchObject({
      storageDriver: "disk",
      storageSigningSecret: secret,
    });
  });

  it("does not require a signing secret in production with S3, nor outside production", () => {
    expect(
      loadConfig({ NODE_ENV: "production", S3_BUCKET: "vitae" }, storageConfig()).storageSigningSecret,
    ).toBe(undefined);
    expect(loadConfig({ NODE_ENV: "test" }, storageConfig()).storageSigningSecret).toBe(undefined);
  });

  it("rejects a signing secret shorter than 32 characters without echoing it", () => {
    const issues = issuesFor({ STORAGE_SIGNING_SECRET: "too-short-but-secret" });
    expect(issues).toEqual([
      { variable: "STORAGE_SIGNING_SECRET", message: "must be at least 32 characters long" },
    ]);
    expect(JSON.stringify(issues)).not.toContain("too-short-but-secret");
  });
});
