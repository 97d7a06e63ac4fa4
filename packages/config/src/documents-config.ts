import { z } from "zod";
import { envInteger } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** Upload caps per plan and the limits of the sandboxed text extraction. */
export interface DocumentsConfig {
  /** `UPLOAD_MAX_BYTES_FREE` / `UPLOAD_MAX_BYTES_PRO` (default 5 MiB / 25 MiB): largest accepted upload. */
  uploadMaxBytes: { free: number; pro: number };
  /** `EXTRACTION_TIMEOUT_MS` (default 20000): the extraction child is killed after this long. */
  extractionTimeoutMs: number;
  /** `EXTRACTION_MAX_MEMORY_MB` (default 256): the extraction child's V8 heap limit. */
  extractionMaxMemoryMb: number;
}

/** `UPLOAD_MAX_BYTES_FREE`, `UPLOAD_MAX_BYTES_PRO`, `EXTRACTION_TIMEOUT_MS`, `EXTRACTION_MAX_MEMORY_MB`. */
export function documentsConfig(): ConfigSchema<DocumentsConfig> {
  return z
    .object({
      UPLOAD_MAX_BYTES_FREE: envInteger({ min: 1024, max: 1_073_741_824 }).default(5 * 1024 * 1024),
      UPLOAD_MAX_BYTES_PRO: envInteger({ min: 1024, max: 1_073_741_824 }).default(25 * 1024 * 1024),
      EXTRACTION_TIMEOUT_MS: envInteger({ min: 100, max: 600_000 }).default(20_000),
      EXTRACTION_MAX_MEMORY_MB: envInteger({ min: 32, max: 8192 }).default(256),
    })
    .transform((env) => ({
      uploadMaxBytes: { free: env.UPLOAD_MAX_BYTES_FREE, pro: env.UPLOAD_MAX_BYTES_PRO },
      extractionTimeoutMs: env.EXTRACTION_TIMEOUT_MS,
      extractionMaxMemoryMb: env.EXTRACTION_MAX_MEMORY_MB,
    }));
}
