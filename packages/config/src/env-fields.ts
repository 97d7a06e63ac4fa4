import { z } from "zod";

/**
 * Building blocks for environment-variable schemas. Every factory in this package is made of these,
 * and apps may use them for app-specific variables so all configuration reads and fails the same way.
 *
 * They expect values already normalised by `loadConfig` (trimmed; empty strings removed), so "unset"
 * is always `undefined`. Error messages describe the rule, never the value: a bad value may be a secret.
 */

/** "is required" for a missing value; zod's default text ("expected string, received undefined") reads poorly. */
const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });

/** A non-empty string (any content). Chain `.optional()` or `.default(...)` as needed. */
export function envString(options: { minLength?: number } = {}) {
  const minLength = options.minLength ?? 1;
  return requiredString().min(minLength, { error: `must be at least ${minLength} characters long` });
}

/** An integer in `[min, max]`, written in decimal digits only ("1e3", "10.0" and "0x10" are rejected). */
export function envInteger(bounds: { min: number; max: number }) {
  const message = `must be an integer between ${bounds.min} and ${bounds.max}`;
  return requiredString().transform((raw, ctx) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

/** A strict boolean: exactly `true`, `false`, `1` or `0`; "yes", "TRUE" or "on" are mistakes, not values. */
export function envBoolean() {
  return z
    .enum(["true", "false", "1", "0"], { error: "must be one of true, false, 1, 0" })
    .transform((raw) => raw === "true" || raw === "1");
}

/** One of a closed list of values. */
export function envEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

/**
 * An absolute URL whose scheme is one of `protocols` (given without "://", e.g. `["redis", "rediss"]`)
 * and which names a host. Returns the string as written, so encoded credentials reach the driver intact.
 */
export function envUrl(protocols: readonly [string, ...string[]]) {
  const message = `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")} and naming a host`;
  return requiredString().transform((raw, ctx) => {
    const url = URL.parse(raw);
    if (!url || !protocols.includes(url.protocol.slice(0, -1)) || url.hostname === "") {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    }
    return raw;
  });
}

/**
 * A comma-separated list of web origins (`scheme://host[:port]`, http or https). Blank entries are
 * ignored, one trailing slash is tolerated, hosts are lower-cased, duplicates dropped. Origins are not
 * secret, so a bad entry is quoted in the message to make it findable in a long list.
 */
export function envOriginList() {
  return requiredString().transform((raw, ctx) => {
    const origins: string[] = [];
    for (const entry of raw.split(",").map((part) => part.trim())) {
      if (entry === "") continue;
      const url = URL.parse(entry);
      const isOrigin =
        url !== null &&
        (url.protocol === "http:" || url.protocol === "https:") &&
        url.username === "" &&
        url.password === "" &&
        url.pathname === "/" &&
        url.search === "" &&
        url.hash === "";
      if (!url || !isOrigin) {
        ctx.issues.push({
          code: "custom",
          message: `"${entry}" is not an origin (expected http(s)://host[:port], e.g. https://app.example.com)`,
          input: raw,
        });
        continue;
      }
      if (!origins.includes(url.origin)) origins.push(url.origin);
    }
    return origins;
  });
}

/** `NODE_ENV`, shared by every factory whose defaults or rules depend on it. */
export const nodeEnvField = () => envEnum(["development", "production", "test"]).default("development");

/** The deployment mode read from `NODE_ENV`. */
export type NodeEnv = "development" | "production" | "test";
