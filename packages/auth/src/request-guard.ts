import { isUuid } from "@vitae/db";
import { APIError, createAuthMiddleware } from "better-auth/api";

/** Body and query fields of better-auth's endpoints that hold our uuid primary keys. */
const idFields = ["organizationId", "memberId", "invitationId", "userId", "id"] as const;

function badRequest(message: string): APIError {
  return new APIError("BAD_REQUEST", { message, code: "INVALID_INPUT" });
}

function check(values: Record<string, unknown>): void {
  for (const field of idFields) {
    const value = values[field];
    if (typeof value === "string" && value !== "" && !isUuid(value))
      throw badRequest(`${field} is not a valid id.`);
  }
  const memberIdOrEmail = values.memberIdOrEmail;
  if (typeof memberIdOrEmail === "string" && !memberIdOrEmail.includes("@") && !isUuid(memberIdOrEmail)) {
    throw badRequest("memberIdOrEmail is not a valid id or email.");
  }
  const role = values.role;
  // better-auth accepts several roles ("admin,member" or an array); a Vitae member has exactly one.
  if (Array.isArray(role) || (typeof role === "string" && role.includes(","))) {
    throw badRequest("Give exactly one role.");
  }
}

/**
 * `hooks.before` guard for better-auth's endpoints, a thin adapter between its string ids and our
 * uuid columns: PostgreSQL rejects a malformed uuid with an error better-auth reports as a 500, and our
 * single-role check constraint rejects its comma-separated multi-role values the same way. Refusing
 * both up front turns hostile input into a 400.
 */
export const requestGuardHook = createAuthMiddleware(async (ctx) => {
  for (const source of [ctx.body, ctx.query]) {
    if (source !== null && typeof source === "object" && !Array.isArray(source)) {
      check(source as Record<string, unknown>);
    }
  }
});
