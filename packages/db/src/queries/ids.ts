const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids reach query functions from URLs, tokens and request bodies; PostgreSQL raises on a malformed
 * uuid, so callers treat a malformed id exactly like a missing row instead of an internal error.
 */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
