import type { z } from "zod";
import { ConfigError, type ConfigIssue } from "./config-error";

/** A raw environment: `process.env`, or a literal object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What every factory returns: a zod schema from normalised env variables to a camelCased config slice. */
export type ConfigSchema<T extends object> = z.ZodType<T>;

/** The intersection of the slices produced by a tuple of schemas (keeps union slices such as storage intact). */
export type MergedConfig<S extends readonly ConfigSchema<object>[]> = S extends readonly [
  infer Head,
  ...infer Rest extends readonly ConfigSchema<object>[],
]
  ? z.output<Head & ConfigSchema<object>> & MergedConfig<Rest>
  : unknown;

/**
 * Trims every value and drops empty ones, so `PORT=` or `PORT="  "` in an env file means "unset"
 * (and takes the default) instead of failing as a non-number.
 */
function normalizeEnv(env: Env): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== "string") continue;
    const trimmed = value.trim();
    if (trimmed !== "") normalized[name] = trimmed;
  }
  return normalized;
}

/**
 * Parses `env` with every given factory schema and merges the slices into one typed config object
 * (`loadConfig(readProcessEnv(), runtimeConfig(), httpConfig())` → `{ nodeEnv, port, ... }`).
 *
 * Guarantees: each schema sees the whole environment (so cross-variable rules and defaults work);
 * problems from all schemas are collected and thrown together as one `ConfigError`, each variable
 * reported once per distinct reason. Pure: reads only `env`, never `process.env`. Called once by each
 * app's composition root at startup.
 */
export function loadConfig<const S extends readonly ConfigSchema<object>[]>(
  env: Env,
  ...schemas: S
): MergedConfig<S> {
  const normalized = normalizeEnv(env);
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const merged: Record<string, unknown> = {};

  for (const schema of schemas) {
    const result = schema.safeParse(normalized);
    if (result.success) {
      Object.assign(merged, result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const variable = issue.path.length > 0 ? issue.path.map(String).join(".") : "(environment)";
      // Shared variables such as NODE_ENV are validated by several factories; report each once.
      const key = `${variable}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ variable, message: issue.message });
    }
  }

  if (issues.length > 0) throw new ConfigError(issues);
  return merged as MergedConfig<S>;
}
