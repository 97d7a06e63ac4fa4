import { sessions } from "@vitae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordPolicy } from "./create-auth";
import { type AuthHarness, cookieHeaderFrom, openAuthHarness, sessionCookieLine } from "./test-harness";

function tokenOf(cookie: string): string {
  const value = /session_token=([^;]+)/.exec(cookie)?.[1];
  if (value === undefined) throw new Error("no session token in cookie");
  return decodeURIComponent(value).split(".")[0] ?? "";
}

async function sessionUserId(harness: AuthHarness, cookie: string): Promise<string | null> {
  const response = await harness.request("/get-session", { cookie });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user: { id: string } } | null;
  return body?.user.id ?? null;
}

describe("auth flow on PostgreSQL", () => {
  let harness: AuthHarness;

  beforeAll(async () => {
    harness = await openAuthHarness("postgres");
  });
  afterAll(async () => {
    await harness.close();
  });

  it("signs up, signs in, reads the session and signs out, with httpOnly Lax cookies", async () => {
    const user = await harness.signUp({ email: "Flow.User@Example.com" });
    expect(user.email).toBe("flow.user@example.com");
    // The harness signs in right after signing up (sign-up never opens a session), so look the event up.
    expect(harness.events.find((event) => event.type === "sign-up")).toMatchObject({
      type: "sign-up",
      userId: user.id,
      email: "flow.user@example.com",
    });

    const signIn = await harness.request("/sign-in/email", {
      body: { email: "FLOW.user@example.com", password: user.password },
      headers: { "x-forwarded-for": "203.0.113.7", "user-agent": "vitest-browser" },
    });
    expect(signIn.status).toBe(200);
    const line = sessionCookieLine(signIn);
    expect(line).toMatch(/^vitae\.session_token=/);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Secure/i);
    const cookie = cookieHeaderFrom(signIn);
    const signedIn = harness.events.at(-1);
    expect(signedIn).toMatchObject({
      type: "sign-in.succeeded",
      userId: user.id,
      ip: "203.0.113.7",
      userAgent: "vitest-browser",
    });

    expect(await sessionUserId(harness, cookie)).toBe(user.id);
    const token = tokenOf(cookie);
    expect(await harness.redis.exists(`${harness.prefix}:auth:${token}`)).toBe(1);
    const [stored] = await harness.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.token, token));
    expect(stored?.id).toBe(signedIn?.type === "sign-in.succeeded" ? signedIn.sessionId : undefined);

    const signOut = await harness.request("/sign-out", { body: {}, cookie });
    expect(signOut.status).toBe(200);
    expect(harness.events.at(-1)).toMatchObject({ type: "sign-out", userId: user.id, sessionId: stored?.id });
    expect(await sessionUserId(harness, cookie)).toBeNull();
    expect(await harness.redis.exists(`${harness.prefix}:auth:${token}`)).toBe(0);
    expect(await harness.db.$count(sessions, eq(sessions.token, token))).toBe(0);
  });

  it("answers an unknown email and a wrong password identically, and never records the password", async () => {
    const user = await harness.signUp();
    const wrongPassword = "Wrong-password-planted-1";
    const unknownPassword = "Unknown-password-planted-2";
    const wrong = await harness.request("/sign-in/email", {
      body: { email: user.email, password: wrongPassword },
    });
    const unknown = await harness.request("/sign-in/email", {
      body: { email: "Nobody@Example.com", password: unknownPassword },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    const wrongBody = await wrong.text();
    expect(await unknown.text()).toBe(wrongBody);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(harness.events.slice(-2)).toEqual([
      expect.objectContaining({
        type: "sign-in.failed",
        email: user.email,
        reason: "INVALID_EMAIL_OR_PASSWORD",
      }),
      expect.objectContaining({
        type: "sign-in.failed",
        email: "nobody@example.com",
        reason: "INVALID_EMAIL_OR_PASSWORD",
      }),
    ]);
    const recorded = JSON.stringify(harness.events);
    expect(recorded).not.toContain(wrongPassword);
    expect(recorded).not.toContain(unknownPassword);
    expect(recorded).not.toContain(user.password);
  });

  it("enforces the password length policy at sign-up", async () => {
    const tooShort = "p".repeat(passwordPolicy.minLength - 1);
    const tooLong = "p".repeat(passwordPolicy.maxLength + 1);
    for (const password of [tooShort, tooLong]) {
      const response = await harness.request("/sign-up/email", {
        body: { email: `policy-${password.length}@example.com`, password, name: "Policy" },
      });
      expect(response.status).toBe(400);
    }
    await expect(harness.signUp({ password: "p".repeat(passwordPolicy.minLength) })).resolves.toBeDefined();
  });

  it("revokes one session from another and reports who revoked it", async () => {
    const user = await harness.signUp();
    const second = await harness.request("/sign-in/email", {
      body: { email: user.email, password: user.password },
    });
    const otherCookie = cookieHeaderFrom(second);
    const listed = await harness.request("/list-sessions", { cookie: user.cookie });
    const list = (await listed.json()) as { token: string; id: string }[];
    expect(list).toHaveLength(2);
    const target = list.find((s) => s.token === tokenOf(otherCookie));
    expect(target).toBeDefined();

    const revoke = await harness.request("/revoke-session", {
      body: { token: target?.token },
      cookie: user.cookie,
    });
    expect(revoke.status).toBe(200);
    expect(harness.events.at(-1)).toMatchObject({
      type: "session.revoked",
      userId: user.id,
      sessionId: target?.id,
      revokedBy: user.id,
    });
    expect(await sessionUserId(harness, otherCookie)).toBeNull();
    expect(await sessionUserId(harness, user.cookie)).toBe(user.id);
  });

  it("keeps sessions valid from PostgreSQL when Redis has lost them", async () => {
    const user = await harness.signUp();
    expect(await harness.redis.exists(`${harness.prefix}:auth:${tokenOf(user.cookie)}`)).toBe(1);
    await harness.redis.del(`${harness.prefix}:auth:${tokenOf(user.cookie)}`);
    expect(await sessionUserId(harness, user.cookie)).toBe(user.id);
  });

  it("mails a verification link on sign-up that verifies the address, and the live session sees it", async () => {
    const user = await harness.signUp();
    const message = harness.mail.findLast((entry) => entry.to === user.email);
    expect(message?.link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=/);
    expect(message?.text).toContain(message?.link);
    const verified = await harness.verifyEmail(user.email);
    expect(verified.status).toBe(302);
    const session = await harness.request("/get-session", { cookie: user.cookie });
    expect(((await session.json()) as { user: { emailVerified: boolean } }).user.emailVerified).toBe(true);
    expect(harness.events.at(-1)).toMatchObject({ type: "email.verified", userId: user.id });
  });
});
