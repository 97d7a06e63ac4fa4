import { z } from "zod";
import { envBoolean, envString, envUrl, nodeEnvField } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Settings shared by both storage drivers. */
interface StorageConfigBase {
  /**
   * `STORAGE_SIGNING_SECRET` (≥ 32 characters): signs disk-storage links. Undefined outside production
   * means "use a generated one" (`loadOrCreateSecret`); production with disk storage requires it.
   */
  storageSigningSecret: string | undefined;
}

/** S3 (or an S3-compatible service) holds the objects: `S3_BUCKET` is set. */
export interface S3StorageConfig extends StorageConfigBase {
  storageDriver: "s3";
  /** `S3_BUCKET`. */
  s3Bucket: string;
  /** `S3_REGION` (default `us-east-1`). */
  s3Region: string;
  /** `S3_ENDPOINT` (http(s) URL) for S3-compatible services; undefined means AWS. */
  s3Endpoint: string | undefined;
  /** `S3_FORCE_PATH_STYLE` (default false): `endpoint/bucket/key` addressing, needed by most non-AWS services. */
  s3ForcePathStyle: boolean;
  /** `S3_ACCESS_KEY_ID`; set together with the secret, or both undefined to use the SDK's default chain. */
  s3AccessKeyId: string | undefined;
  /** `S3_SECRET_ACCESS_KEY`; see `s3AccessKeyId`. */
  s3SecretAccessKey: string | undefined;
}

/** Objects live on local disk under `DATA_DIR/objects`: no `S3_BUCKET`, and so no other `S3_*` either. */
export interface DiskStorageConfig extends StorageConfigBase {
  storageDriver: "disk";
  s3Bucket: undefined;
  s3Region: undefined;
  s3Endpoint: undefined;
  s3ForcePathStyle: false;
  s3AccessKeyId: undefined;
  s3SecretAccessKey: undefined;
}

/** Where objects live; narrow on `storageDriver` to get the S3 fields typed as present. */
export type StorageConfig = S3StorageConfig | DiskStorageConfig;

const s3OnlyVariables = [
  "S3_REGION",
  "S3_ENDPOINT",
  "S3_FORCE_PATH_STYLE",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
] as const;

/**
 * `S3_BUCKET`, `S3_REGION`, `S3_ENDPOINT`, `S3_FORCE_PATH_STYLE`, `S3_ACCESS_KEY_ID`,
 * `S3_SECRET_ACCESS_KEY`, `STORAGE_SIGNING_SECRET` (reads `NODE_ENV`).
 *
 * All-or-nothing: any `S3_*` variable without `S3_BUCKET` is an error rather than a silent fall-back
 * to disk (a typo in the bucket variable would otherwise write production files to a local disk), and
 * the access key id and secret come as a pair.
 */
export function storageConfig(): ConfigSchema<StorageConfig> {
  return z
    .object({
      NODE_ENV: nodeEnvField(),
      S3_BUCKET: z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
          error: "must be a valid bucket name (3-63 lowercase letters, digits, '.' or '-')",
        })
        .optional(),
      S3_REGION: z
        .string()
        .regex(/^[a-z0-9-]+$/, { error: "must be a region name such as us-east-1" })
        .optional(),
      S3_ENDPOINT: envUrl(["http", "https"]).optional(),
      S3_FORCE_PATH_STYLE: envBoolean().optional(),
      S3_ACCESS_KEY_ID: envString().optional(),
      S3_SECRET_ACCESS_KEY: envString().optional(),
      STORAGE_SIGNING_SECRET: envString({ minLength: 32 }).optional(),
    })
    .superRefine(
      (env, ctx) => {
        if (env.S3_BUCKET === undefined) {
          for (const variable of s3OnlyVariables) {
            if (env[variable] !== undefined) {
              ctx.addIssue({
                code: "custom",
                path: [variable],
                message: "is set but S3_BUCKET is not (S3 settings are all-or-nothing)",
              });
            }
          }
          if (env.NODE_ENV === "production" && env.STORAGE_SIGNING_SECRET === undefined) {
            ctx.addIssue({
              code: "custom",
              path: ["STORAGE_SIGNING_SECRET"],
              message: "is required when NODE_ENV=production and storage is on disk (S3_BUCKET unset)",
            });
          }
          return;
        }
        const hasKeyId = env.S3_ACCESS_KEY_ID !== undefined;
        if (hasKeyId !== (env.S3_SECRET_ACCESS_KEY !== undefined)) {
          ctx.addIssue({
            code: "custom",
            path: [hasKeyId ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
            message: `is required when ${hasKeyId ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY"} is set`,
          });
        }
      },
      // Presence rules only need to know which variables are set, so they run even when another
      // variable failed its own check — the operator sees every problem in one report.
      { when: () => true },
    )
    .transform((env): StorageConfig => {
      const storageSigningSecret = env.STORAGE_SIGNING_SECRET;
      if (env.S3_BUCKET === undefined) {
        return {
          storageDriver: "disk",
          s3Bucket: undefined,
          s3Region: undefined,
          s3Endpoint: undefined,
          s3ForcePathStyle: false,
          s3AccessKeyId: undefined,
          s3SecretAccessKey: undefined,
          storageSigningSecret,
        };
      }
      return {
        storageDriver: "s3",
        s3Bucket: env.S3_BUCKET,
        s3Region: env.S3_REGION ?? "us-east-1",
        s3Endpoint: env.S3_ENDPOINT,
        s3ForcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
        s3AccessKeyId: env.S3_ACCESS_KEY_ID,
        s3SecretAccessKey: env.S3_SECRET_ACCESS_KEY,
        storageSigningSecret,
      };
    });
}
