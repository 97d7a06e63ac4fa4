/**
 * The wait a throttled response asks for, in ms: `retry-after-ms` (OpenAI's precise variant) first, then
 * `Retry-After` as delta-seconds or an HTTP-date relative to `now`. A date in the past means "now" (0).
 * Undefined when absent or unparsable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const precise = headers.get("retry-after-ms");
  if (precise !== null && /^\d+(\.\d+)?$/.test(precise.trim())) return Math.ceil(Number(precise));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // HTTP-dates always name a weekday and "GMT"; requiring both keeps Date.parse from accepting junk.
  if (!/^[A-Za-z]{3}, .* GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
