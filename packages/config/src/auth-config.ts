import { z } from "zod";
import { envString, nodeEnvField } from "./env-fields";
import type { ConfigSchema } from "./load-config";
import { loadOrCreateSecret } from "./secrets";

/** Authentication settings. */
export interface AuthConfig {
  /**
   * `AUTH_SECRET` (≥ 32 characters): signs and encrypts better-auth cookies and tokens. Undefined outside
   * production means "use a generated one" ({@link resolveAuthSecret}); production requires it.
   */
  authSecret: string | undefined;
}

/**
 * `AUTH_SECRET` (reads `NODE_ENV`). Required with `NODE_ENV=production`: a generated secret lives on
 * one machine's disk, so replicas would not accept each other's sessions, and losing the file signs
 * everyone out. There is deliberately no default value anywhere.
 */
export function authConfig(): ConfigSchema<AuthConfig> {
  return z
    .object({
      NODE_ENV: nodeEnvField(),
      AUTH_SECRET: envString({ minLength: 32 }).optional(),
    })
    .superRefine(
      (env, ctx) => {
        if (env.NODE_ENV === "production" && env.AUTH_SECRET === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["AUTH_SECRET"],
            message: "is required when NODE_ENV=production",
          });
        }
      },
      // A presence rule: report it even when NODE_ENV itself is fine and another check failed.
      { when: () => true },
    )
    .transform((env) => ({ authSecret: env.AUTH_SECRET }));
}

/**
 * The secret to give `createAuth`: `AUTH_SECRET` when set, otherwise — outside production only — one
 * generated once under `<dataDir>/secrets/auth` and reused on every start. Throws in production without
 * `AUTH_SECRET` (which `authConfig` already refuses; this guards callers that built the config by hand).
 */
export async function resolveAuthSecret(
  config: AuthConfig & { dataDir: string; isProduction: boolean },
): Promise<string> {
  if (config.authSecret !== undefined) return config.authSecret;
  if (config.isProduction) throw new Error("AUTH_SECRET is required when NODE_ENV=production");
  return loadOrCreateSecret({ dataDir: config.dataDir, name: "auth" });
}
