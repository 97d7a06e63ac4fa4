/** Where sign-in sends people when there is no usable `next` parameter. */
export const defaultRedirectTarget = "/";

// Sending someone back to a sign-in or sign-up page after signing in would loop.
const authPaths = new Set(["/sign-in", "/sign-up"]);
const maxTargetLength = 2048;
// Any origin works as the base: the check below only needs to know the path did not change it.
const probeOrigin = "https://vitae.invalid";

/**
 * Turns an untrusted `next` query value into a same-origin relative path, or the fallback. Rejects
 * absolute and protocol-relative URLs (`//evil.example`), backslash tricks (`/\evil.example`, which
 * browsers read as `//`), control characters and anything that resolves to another origin, so the
 * sign-in page cannot be used as an open redirect.
 */
export function safeRedirectTarget(raw: string | null | undefined, fallback = defaultRedirectTarget): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > maxTargetLength) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (raw.includes("\\") || /[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, probeOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== probeOrigin) return fallback;
  if (authPaths.has(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in URL that brings the user back to `location` afterwards. */
export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const target = safeRedirectTarget(`${location.pathname}${location.search}${location.hash}`);
  return target === defaultRedirectTarget ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}

/** Appends a sanitised `next` to an internal path (e.g. the sign-up link on the sign-in page). */
export function withNext(path: string, next: string | null | undefined): string {
  const target = safeRedirectTarget(next);
  return target === defaultRedirectTarget ? path : `${path}?next=${encodeURIComponent(target)}`;
}
