import { AppError } from "@vitae/errors";
import { createDiskStore, type DiskStoreConfig } from "./disk-store";
import { createS3Store, type S3StoreConfig } from "./s3-store";
import type { ObjectStore } from "./types";

/**
 * Storage configuration as `@vitae/config` produces it: the S3 settings, of which only a non-empty
 * `bucket` selects S3, and the disk settings used otherwise.
 */
export interface ObjectStoreConfig {
  /** `S3_*` variables; S3 is used when `s3.bucket` is set. */
  s3?:
    | (Omit<S3StoreConfig, "bucket" | "region"> & { bucket?: string | undefined; region?: string })
    | undefined;
  /** Disk settings (`DATA_DIR/objects`, `STORAGE_SIGNING_SECRET`, `PUBLIC_URL`); needed without a bucket. */
  disk?: (Omit<DiskStoreConfig, "signingSecret"> & { signingSecret?: string | undefined }) | undefined;
}

/**
 * Builds the store an app runs with: S3 when a bucket is configured, the disk driver otherwise. Throws
 * `INTERNAL` when neither is usable (no bucket and no disk settings or signing secret), so a
 * misconfigured process fails at start-up rather than on the first upload.
 */
export function createObjectStore(config: ObjectStoreConfig): ObjectStore {
  const { s3, disk } = config;
  if (s3?.bucket) {
    return createS3Store({ ...s3, bucket: s3.bucket, region: s3.region ?? "us-east-1" });
  }
  if (!disk?.signingSecret) {
    throw new AppError("INTERNAL", {
      message: "Storage configuration: set S3_BUCKET, or the disk settings with STORAGE_SIGNING_SECRET.",
    });
  }
  return createDiskStore({ ...disk, signingSecret: disk.signingSecret });
}
