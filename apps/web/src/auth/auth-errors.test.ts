import { describe, expect, it } from "vitest";
import { describeAuthError } from "./auth-errors";

const fallback = "We could not sign you in. Try again in a moment.";

describe("describeAuthError", () => {
  it("uses plain words for known better-auth codes", () => {
    const summary = describeAuthError(
      { status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" } as never,
      { fallback, requestId: "req-1" },
    );
    expect(summary).toEqual({
      message: "That email and password do not match an account.",
      code: "INVALID_EMAIL_OR_PASSWORD",
      requestId: "req-1",
    });
  });

  it("reads better-auth's code from `reason` in the API's re-shaped body", () => {
    const summary = describeAuthError(
      {
        status: 400,
        code: "BAD_REQUEST",
        reason: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
        requestId: "req-2",
        message: "User already exists. Use another email.",
      } as never,
      { fallback },
    );
    expect(summary).toEqual({
      message: "An account with this email already exists. Sign in instead.",
      code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
      requestId: "req-2",
    });
  });

  it("uses the action's fallback for vague codes with an unknown reason", () => {
    const summary = describeAuthError(
      { status: 400, code: "BAD_REQUEST", reason: "SOMETHING_NEW", message: "Raw developer text" } as never,
      { fallback },
    );
    expect(summary.message).toBe(fallback);
    expect(summary.code).toBe("BAD_REQUEST");
  });

  it("never shows the server's text for an unknown code", () => {
    const summary = describeAuthError(
      { status: 500, code: "FAILED_TO_CREATE_SESSION", message: "relation sessions does not exist" } as never,
      { fallback },
    );
    expect(summary.message).toBe(fallback);
    expect(JSON.stringify(summary)).not.toContain("relation");
  });

  it("prefers a request id in the body over the header's", () => {
    expect(
      describeAuthError({ status: 500, requestId: "body-id" }, { fallback, requestId: "hdr" }).requestId,
    ).toBe("body-id");
    expect(describeAuthError({ status: 500 }, { fallback, requestId: "hdr" }).requestId).toBe("hdr");
  });

  it("explains rate limiting and the API's own codes", () => {
    expect(describeAuthError({ status: 429 }, { fallback }).message).toMatch(/too many attempts/i);
    expect(describeAuthError({ status: 503, code: "SERVICE_UNAVAILABLE" }, { fallback }).message).toBe(
      "A dependency is unavailable; try again shortly.",
    );
  });

  it("says the server was unreachable when there was no answer", () => {
    expect(describeAuthError(null, { fallback }).message).toMatch(/could not reach/i);
  });
});
