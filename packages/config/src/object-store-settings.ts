import { join } from "node:path";
import { loadOrCreateSecret } from "./secrets";
import type { StorageConfig } from "./storage-config";

/** Driver settings in the shape `@vitae/storage`'s `createObjectStore` takes (exactly one side is set). */
export interface ObjectStoreSettings {
  s3?: {
    bucket: string;
    region: string;
    endpoint: string | undefined;
    forcePathStyle: boolean;
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  };
  disk?: { rootDir: string; publicUrl: string; signingSecret: string };
}

/**
 * Turns the storage config into driver settings: S3 when a bucket is set, otherwise disk under
 * `DATA_DIR/objects` with `STORAGE_SIGNING_SECRET` — or, outside production (where the config requires
 * it), a secret generated once under `DATA_DIR`. The API and the worker both call this, so they always
 * agree on where objects live and how disk links are signed.
 */
export async function resolveObjectStoreSettings(
  config: StorageConfig & { dataDir: string; publicUrl: string },
): Promise<ObjectStoreSettings> {
  if (config.storageDriver === "s3") {
    return {
      s3: {
        bucket: config.s3Bucket,
        region: config.s3Region,
        endpoint: config.s3Endpoint,
        forcePathStyle: config.s3ForcePathStyle,
        credentials:
          config.s3AccessKeyId && config.s3SecretAccessKey
            ? { accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey }
            : undefined,
      },
    };
  }
  return {
    disk: {
      rootDir: join(config.dataDir, "objects"),
      publicUrl: config.publicUrl,
      signingSecret:
        config.storageSigningSecret ??
        (await loadOrCreateSecret({ dataDir: config.dataDir, name: "storage-signing" })),
    },
  };
}
