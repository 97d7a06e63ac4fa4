/** What a redacted value is replaced with. */
export const redactedPlaceholder = "[Redacted]";

/**
 * Keys are compared lower-cased with `-`, `_` and `.` removed, so `Authorization`, `x-api-key`,
 * `api_key`, `apiKey` and `X-Api-Key` are one rule. A key is sensitive when its normalised form ends
 * with one of these: `accessToken`, `csrfToken`, `clientSecret`, `dbPassword` and `set-cookie` are caught
 * without listing each, while `tokenCount` or `totalTokens` (LLM usage figures) stay visible.
 */
const sensitiveSuffixes = [
  "authorization",
  "cookie",
  "cookies",
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "secretaccesskey",
  "privatekey",
  "credentials",
  "signature",
] as const;

/** Objects nested deeper than this are replaced, not walked: unvisited content must not be printed. */
const maxDepth = 16;

/** Key decisions are cached: log lines reuse a small vocabulary of keys, and this runs on every line. */
const keyCache = new Map<string, boolean>();
const keyCacheLimit = 2048;

/** True when a property of this name holds a credential, at any depth and in any header-style casing. */
export function isSensitiveKey(key: string): boolean {
  const cached = keyCache.get(key);
  if (cached !== undefined) return cached;
  const normalized = key.toLowerCase().replace(/[-_.]/g, "");
  const sensitive = sensitiveSuffixes.some((suffix) => normalized.endsWith(suffix));
  if (keyCache.size < keyCacheLimit) keyCache.set(key, sensitive);
  return sensitive;
}

/** `scheme://user:password@host` → `scheme://user:[Redacted]@host` (connection strings, proxy URLs). */
const urlCredentials = /([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi;

function redactString(value: string): string {
  // Cheap pre-check: almost no logged string contains a URL with credentials.
  if (!value.includes("://") || !value.includes("@")) return value;
  return value.replace(urlCredentials, `$1${redactedPlaceholder}@`);
}

/**
 * Returns `value` with every sensitive property replaced by `[Redacted]`, at any depth, through plain
 * objects, class instances, arrays, `toJSON` results and errors (whose own properties and `cause`
 * chain are included, as `{ type, message, stack, ...props, cause }`). Passwords inside URL strings are
 * masked too. Cycles become `"[Circular]"`, nesting beyond 16 levels `"[Truncated]"`.
 *
 * Never mutates its input, and returns the very same reference when nothing needed changing, so the
 * common small log object costs one walk and no allocation. Used by `createLogger` on every line and
 * child binding; callers may use it for anything else that leaves the process (e.g. error reports).
 */
export function redactSensitive(value: unknown): unknown {
  return walk(value, 0, []);
}

/**
 * Redacts the top level of a log call's merge object or child bindings, leaving the values of keys
 * that have a serializer to it: pino hands those to the serializer (e.g. Fastify's `req`, which reads
 * prototype getters a copy would lose), and `createLogger` redacts every serializer's output instead.
 */
export function redactLogObject(
  object: Record<string, unknown>,
  hasSerializer: (key: string) => boolean,
): Record<string, unknown> {
  return walkObject(object, 0, [object], hasSerializer);
}

function walk(value: unknown, depth: number, ancestors: object[]): unknown {
  if (typeof value === "string") return redactString(value);
  if (typeof value !== "object" || value === null) return value;
  if (ancestors.includes(value)) return "[Circular]";
  if (depth >= maxDepth) return "[Truncated]";
  // Binary data and collections serialise without property names that could be sensitive.
  if (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Map ||
    value instanceof Set
  ) {
    return value;
  }
  if (value instanceof Date) return value;

  ancestors.push(value);
  try {
    if (value instanceof Error) return walkError(value, depth, ancestors);
    if (Array.isArray(value)) return walkArray(value, depth, ancestors);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    // The serialiser would print whatever toJSON returns, so that is what must be checked.
    if (typeof toJSON === "function") return walk(toJSON.call(value), depth, ancestors);
    return walkObject(value as Record<string, unknown>, depth, ancestors);
  } finally {
    ancestors.pop();
  }
}

function walkArray(array: readonly unknown[], depth: number, ancestors: object[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < array.length; index++) {
    const item = array[index];
    const next = walk(item, depth + 1, ancestors);
    if (copy === undefined && next !== item) copy = array.slice(0, index);
    copy?.push(next);
  }
  return copy ?? (array as unknown[]);
}

function walkObject(
  object: Record<string, unknown>,
  depth: number,
  ancestors: object[],
  hasSerializer?: (key: string) => boolean,
): Record<string, unknown> {
  const keys = Object.keys(object);
  let copy: Record<string, unknown> | undefined;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const item = object[key];
    let next: unknown;
    if (item !== undefined && isSensitiveKey(key)) next = redactedPlaceholder;
    else if (hasSerializer?.(key)) next = item;
    else next = walk(item, depth + 1, ancestors);
    if (copy === undefined && next !== item) {
      // Copy-on-write: only a line that needs redaction pays for a new object.
      copy = {};
      for (let earlier = 0; earlier < index; earlier++) {
        const earlierKey = keys[earlier] as string;
        copy[earlierKey] = object[earlierKey];
      }
    }
    if (copy !== undefined) copy[key] = next;
  }
  return copy ?? object;
}

/**
 * Errors are always rebuilt: JSON would drop their message and stack, and pino's own error serialiser
 * copies enumerable properties (e.g. an HTTP client's `config.headers.authorization`) unredacted.
 */
function walkError(error: Error, depth: number, ancestors: object[]): Record<string, unknown> {
  const serialized: Record<string, unknown> = {
    type: error.constructor?.name || error.name,
    message: redactString(error.message),
    stack: typeof error.stack === "string" ? redactString(error.stack) : error.stack,
  };
  const props = walkObject(error as unknown as Record<string, unknown>, depth, ancestors);
  for (const [key, prop] of Object.entries(props)) {
    if (!(key in serialized) && prop !== undefined) serialized[key] = prop;
  }
  if (error.cause !== undefined) serialized.cause = walk(error.cause, depth + 1, ancestors);
  if (error instanceof AggregateError) serialized.aggregateErrors = walk(error.errors, depth + 1, ancestors);
  return serialized;
}
