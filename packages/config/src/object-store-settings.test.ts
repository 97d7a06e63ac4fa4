import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./load-config";
import { resolveObjectStoreSettings } from "./object-store-settings";
import { storageConfig } from "./storage-config";

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("resolveObjectStoreSettings", () => {
  it("builds S3 settings, with credentials only when both halves are set", async () => {
    const config = loadConfig(
      { S3_BUCKET: "vitae-bucket", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" },
      storageConfig(),
    );
    const settings = await resolveObjectStoreSettings({
      ...config,
      dataDir: "/unused",
      publicUrl: "http://x",
    });
    expect(settings).toEqual({
      s3: {
        bucket: "vitae-bucket",
        region: "us-east-1",
        endpoint: "http://127.0.0.1:9000",
        forcePathStyle: true,
        credentials: undefined,
      },
    });
  });

  it("uses the configured disk signing secret when set", async () => {
    const secret = "s".repeat(40);
    const config = loadConfig({ STORAGE_SIGNING_SECRET: secret }, storageConfig());
    const settings = await resolveObjectStoreSettings({ ...config, dataDir: "/data", publicUrl: "http://x" });
    expect(settings.disk).toEqual({
      rootDir: join("/data", "objects"),
      publicUrl: "http://x",
      signingSecret: secret,
    });
  });

  it("generates one disk signing secret under DATA_DIR and reuses it", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "vitae-config-"));
    const config = loadConfig({}, storageConfig());
    const first = await resolveObjectStoreSettings({ ...config, dataDir, publicUrl: "http://x" });
    const second = await resolveObjectStoreSettings({ ...config, dataDir, publicUrl: "http://x" });
    expect(first.disk?.signingSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.disk?.signingSecret).toBe(first.disk?.signingSecret);
  });
});
