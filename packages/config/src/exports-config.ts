import { z } from "zod";
import { envInteger } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** How long exported files live. */
export interface ExportsConfig {
  /**
   * `EXPORT_TTL_SECONDS` (default 3600): an exported file is deleted this long after it was written (a
   * failed export's partial file too). Fixed on each export when it is requested.
   */
  exportTtlSeconds: number;
}

/** `EXPORT_TTL_SECONDS`. */
export function exportsConfig(): ConfigSchema<ExportsConfig> {
  return z
    .object({ EXPORT_TTL_SECONDS: envInteger({ min: 1, max: 7 * 24 * 3600 }).default(3600) })
    .transform((env) => ({ exportTtlSeconds: env.EXPORT_TTL_SECONDS }));
}
