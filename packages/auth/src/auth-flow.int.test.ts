import { sessions, workspaceMembers } from "@vitae/db";
import { and, eq } from "drizzle-orm";
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

  it("creates workspaces with the creator as owner and switches the active one", async () => {
    const user = await harness.signUp();
    const create = async (name: string) => {
      const response = await harness.request("/organization/create", {
        body: { name, slug: `${name.toLowerCase()}-${user.id.slice(0, 8)}` },
        cookie: user.cookie,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string; plan: string };
    };
    const first = await create("First");
    const second = await create("Second");
    expect(first.plan).toBe("free");
    const owners = await harness.db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.userId, user.id), eq(workspaceMembers.workspaceId, first.id)));
    expect(owners).toEqual([{ role: "owner" }]);

    const activeId = async () => {
      const body = (await (await harness.request("/get-session", { cookie: user.cookie })).json()) as {
        session: { activeOrganizationId: string | null };
      };
      return body.session.activeOrganizationId;
    };
    expect(await activeId()).toBe(second.id);
    const switched = await harness.request("/organization/set-active", {
      body: { organizationId: first.id },
      cookie: user.cookie,
    });
    expect(switched.status).toBe(200);
    expect(await activeId()).toBe(first.id);

    const outsider = await harness.signUp();
    const refused = await harness.request("/organization/set-active", {
      body: { organizationId: first.id },
      cookie: outsider.cookie,
    });
    expect(refused.status).toBe(403);
  });

  it("invites with a single known role, lets the invitee accept, and applies role permissions", async () => {
    const owner = await harness.signUp();
    const invitee = await harness.signUp();
    const created = await harness.request("/organization/create", {
      body: { name: "Team", slug: `team-${owner.id.slice(0, 8)}` },
      cookie: owner.cookie,
    });
    const workspace = (await created.json()) as { id: string };
    const invite = (role: unknown, cookie = owner.cookie) =>
      harness.request("/organization/invite-member", {
        body: { email: invitee.email, role, organizationId: workspace.id },
        cookie,
      });
    expect((await invite("admin,member")).status).toBe(400);
    expect((await invite(["admin", "member"])).status).toBe(400);
    expect((await invite("superuser")).status).toBe(400);
    const invited = await invite("viewer");
    expect(invited.status).toBe(200);
    const invitation = (await invited.json()) as { id: string };

    const accept = () =>
      harness.request("/organization/accept-invitation", {
        body: { invitationId: invitation.id },
        cookie: invitee.cookie,
      });
    // Anyone can sign up with an invited address: only its verified owner may take the invitation.
    const unverified = await accept();
    expect(unverified.status).toBe(403);
    expect(((await unverified.json()) as { code: string }).code).toBe(
      "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION",
    );
    expect((await harness.verifyEmail(invitee.email)).status).toBe(302);
    const accepted = await accept();
    expect(accepted.status).toBe(200);
    expect(harness.events.at(-1)).toMatchObject({
      type: "invitation.accepted",
      userId: invitee.id,
      workspaceId: workspace.id,
      invitationId: invitation.id,
      role: "viewer",
    });
    const [membership] = await harness.db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.userId, invitee.id), eq(workspaceMembers.workspaceId, workspace.id)));
    expect(membership).toEqual({ role: "viewer" });

    // A viewer may not invite; the owner may not leave as the only owner.
    const third = await harness.signUp();
    const byViewer = await harness.request("/organization/invite-member", {
      body: { email: third.email, role: "member", organizationId: workspace.id },
      cookie: invitee.cookie,
    });
    expect(byViewer.status).toBe(403);
    const leave = await harness.request("/organization/leave", {
      body: { organizationId: workspace.id },
      cookie: owner.cookie,
    });
    expect(leave.status).toBe(400);
    const deletion = await harness.request("/organization/delete", {
      body: { organizationId: workspace.id },
      cookie: owner.cookie,
    });
    expect(deletion.status).toBeGreaterThanOrEqual(400);
    expect(deletion.status).toBeLessThan(500);
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

  it("starts a new session in the workspace last worked in, or the only one", async () => {
    const user = await harness.signUp();
    const create = async (name: string) => {
      const response = await harness.request("/organization/create", {
        body: { name, slug: `${name.toLowerCase()}-${user.id.slice(0, 8)}` },
        cookie: user.cookie,
      });
      return ((await response.json()) as { id: string }).id;
    };
    const activeOf = async (cookie: string) => {
      const response = await harness.request("/get-session", { cookie });
      return ((await response.json()) as { session: { activeOrganizationId: string | null } }).session
        .activeOrganizationId;
    };
    const signInAgain = async () => {
      const response = await harness.request("/sign-in/email", {
        body: { email: user.email, password: user.password },
      });
      return cookieHeaderFrom(response);
    };
    const only = await create("Only");
    expect(await activeOf(await signInAgain())).toBe(only);
    const second = await create("Second");
    await harness.request("/organization/set-active", {
      body: { organizationId: second },
      cookie: user.cookie,
    });
    expect(await activeOf(await signInAgain())).toBe(second);
  });

  it.each([
    ["/organization/set-active", { organizationId: "not-a-uuid" }],
    ["/organization/accept-invitation", { invitationId: "1 or 1=1" }],
    ["/organization/update-member-role", { memberId: "x", role: "admin" }],
    ["/organization/remove-member", { memberIdOrEmail: "nope" }],
    ["/organization/get-full-organization?organizationId=zzz", undefined],
    ["/organization/get-invitation?id=zzz", undefined],
  ])("turns a malformed id for %s into a 400, not a 500", async (path, body) => {
    const user = await harness.signUp();
    const response = await harness.request(
      path,
      body === undefined ? { cookie: user.cookie } : { body, cookie: user.cookie },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("INVALID_INPUT");
  });
});
