import type { ErrorSummary } from "../lib/describe-error";
import { type AuthErrorLike, describeAuthError } from "./auth-errors";

/** Thrown where a failed better-auth call must surface as an error (e.g. inside a query function). */
export class AuthCallError extends Error {
  readonly summary: ErrorSummary;

  constructor(summary: ErrorSummary) {
    super(summary.message);
    this.name = "AuthCallError";
    this.summary = summary;
  }
}

export type AuthResult = { isOk: true } | { isOk: false; summary: ErrorSummary };

interface BetterFetchOutcome {
  error: (AuthErrorLike & Record<string, unknown>) | null;
}

/**
 * Runs one better-auth call and reduces it to success or a plain-words summary. The request id is read
 * from the `X-Request-ID` header, which the API sets on every answer, so support can find the log line.
 */
export async function runAuthCall(
  call: (fetchOptions: {
    onResponse: (context: { response: Response }) => void;
  }) => Promise<BetterFetchOutcome>,
  fallback: string,
): Promise<AuthResult> {
  let requestId: string | null = null;
  const onResponse = (context: { response: Response }) => {
    requestId = context.response.headers.get("x-request-id");
  };
  try {
    const outcome = await call({ onResponse });
    if (outcome.error === null) return { isOk: true };
    return { isOk: false, summary: describeAuthError(outcome.error, { fallback, requestId }) };
  } catch {
    return { isOk: false, summary: describeAuthError(null, { fallback, requestId }) };
  }
}
