import type { ErrorSummary } from "../lib/describe-error";
import { errorCodeMessage } from "../lib/error-code-message";

/**
 * Plain words for the better-auth error codes a person can cause and fix. Anything else gets the
 * caller's generic message: better-auth's own texts are written for developers ("Failed to create
 * session") and must not reach the screen.
 */
const authCodeMessages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account.",
  INVALID_PASSWORD: "That email and password do not match an account.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  INVALID_EMAIL: "Enter an email address like name@example.com.",
  PASSWORD_TOO_SHORT: "That password is too short.",
  PASSWORD_TOO_LONG: "That password is too long.",
  EMAIL_NOT_VERIFIED: "Confirm your email address first, then sign in.",
  SESSION_EXPIRED: "Your session has ended. Sign in again.",
  INVITATION_NOT_FOUND: "This invitation does not exist or has already been used.",
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION:
    "This invitation was sent to a different email address. Sign in with that address to accept it.",
  ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: "This workspace has reached its member limit.",
  EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION: "Confirm your email address first to see this invitation.",
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION:
    "Confirm your email address first to answer this invitation.",
  EMAIL_ALREADY_VERIFIED: "Your email address is already confirmed.",
};

const rateLimitedMessage = "Too many attempts. Wait a minute and try again.";
const unreachableMessage = "Could not reach the Vitae server. Check your connection and try again.";

/**
 * The parts of a better-fetch error (the JSON body plus status) this module reads. The API re-shapes
 * better-auth's errors into `{ code, message, requestId, reason }`: `code` is our stable code and
 * `reason` better-auth's own (e.g. `INVALID_EMAIL_OR_PASSWORD`). A bare better-auth body has only `code`.
 */
export interface AuthErrorLike {
  status?: number;
  code?: unknown;
  reason?: unknown;
  requestId?: unknown;
}

// Codes whose generic wording says less than the action's own fallback ("We could not sign you in…").
const vagueAppCodes = new Set(["BAD_REQUEST", "INTERNAL"]);

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * Summarises a failed better-auth call. `requestId` comes from the response header when the body does
 * not carry one; a missing `error` (the call threw before an answer) means the server was unreachable.
 */
export function describeAuthError(
  error: AuthErrorLike | null | undefined,
  opts: { fallback: string; requestId?: string | null },
): ErrorSummary {
  const headerRequestId = opts.requestId ?? null;
  if (error === null || error === undefined) {
    return { message: unreachableMessage, code: null, requestId: headerRequestId };
  }
  const code = nonEmptyString(error.code);
  const reason = nonEmptyString(error.reason);
  const requestId = nonEmptyString(error.requestId) ?? headerRequestId;
  const known = authCodeMessages[reason ?? ""] ?? authCodeMessages[code ?? ""];
  if (known !== undefined) return { message: known, code: reason ?? code, requestId };
  if (error.status === 429 || code === "RATE_LIMITED") {
    return { message: rateLimitedMessage, code: code ?? "RATE_LIMITED", requestId };
  }
  // Our API's own stable codes (e.g. SERVICE_UNAVAILABLE) already have vetted plain words.
  const appMessage = code === null || vagueAppCodes.has(code) ? null : errorCodeMessage(code);
  if (appMessage !== null) return { message: appMessage, code, requestId };
  return { message: opts.fallback, code, requestId };
}
