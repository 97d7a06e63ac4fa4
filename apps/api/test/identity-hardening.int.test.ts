import { authRoutes } from "@vitae/auth";
import { auditLog, workspaces } from "@vitae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import {
  addMember,
  authPost,
  call,
  createWorkspace,
  outboxLinkFor,
  signUp,
  type TestUser,
  verifyEmail,
} from "./identity";
import { readJson } from "./json";

/**
 * Identity findings of issues 8 and 9, each performed as the attack or the fault was: invitation
 * takeover, better-auth endpoints bypassing our procedures, unthrottled password guessing, the lost
 * active workspace, the 127.0.0.1 origin, and sign-ins missing from the audit log.
 */
let api: TestApi;
let operator: TestUser;

beforeAll(async () => {
  // No PUBLIC_URL (an empty value is unset): the product as a single-machine user starts it.
  api = await startTestApi({ runWorkers: false, env: { PUBLIC_URL: "" } });
  // The first account operates the instance (reads the outbox).
  operator = await signUp(api, "Operator");
});
afterAll(async () => {
  await api?.cleanup();
});

async function auditOf(user: TestUser) {
  const result = await call(api, "audit.list", { cookie: user.cookie, input: { limit: 100 } });
  expect(result.status).toBe(200);
  return result.body.result.data.items as Array<{ action: string; actorId: string | null; metadata: object }>;
}

describe("invitation takeover (issue 8, High 3)", () => {
  it("a viewer sees no invitations, and an unverified address cannot see or accept one", async () => {
    const owner = await signUp(api, "InviteOwner");
    await createWorkspace(api, owner, "Takeover Target");
    const viewer = await signUp(api, "Viewer");
    await addMember(api, owner, viewer, "viewer");
    const invitedEmail = `new-admin-${Date.now()}@example.com`;
    const invite = await call(api, "members.invite", {
      cookie: owner.cookie,
      type: "mutation",
      input: { email: invitedEmail, role: "admin" },
    });
    const invitationId = invite.body.result.data.invitationId as string;

    const asViewer = await call(api, "members.list", { cookie: viewer.cookie });
    expect(asViewer.status).toBe(200);
    expect(asViewer.body.result.data.invitations).toEqual([]);
    expect(JSON.stringify(asViewer.body)).not.toContain(invitationId);
    const asOwner = await call(api, "members.list", { cookie: owner.cookie });
    expect(asOwner.body.result.data.invitations.map((i: { id: string }) => i.id)).toEqual([invitationId]);

    // The attacker signs up with the invited address (knowing the id some other way) and tries anyway.
    const attacker = await signUp(api, "Attacker");
    const squatter = await authPost(api, "sign-up/email", {
      email: invitedEmail,
      password: "attacker-password-1",
      name: "Squatter",
    });
    expect(squatter.status).toBe(200);
    const squatterSession = await authPost(api, "sign-in/email", {
      email: invitedEmail,
      password: "attacker-password-1",
    });
    const accept = await authPost(
      api,
      "organization/accept-invitation",
      { invitationId },
      squatterSession.cookie,
    );
    expect(accept.status).toBe(403);
    expect(accept.body).toMatchObject({
      code: "FORBIDDEN",
      reason: "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION",
    });
    const peek = await fetch(`${api.url}/api/auth/organization/get-invitation?id=${invitationId}`, {
      headers: { cookie: squatterSession.cookie },
    });
    expect(peek.status).toBe(403);
    // The verification link sits in the outbox, which only the instance's operators can read.
    for (const outsider of [attacker, viewer, owner]) {
      expect((await call(api, "outbox.list", { cookie: outsider.cookie })).status).toBe(403);
    }
    const members = await call(api, "members.list", { cookie: owner.cookie });
    expect(members.body.result.data.members.map((m: { email: string }) => m.email)).not.toContain(
      invitedEmail,
    );
  });

  it("the operator finds the verification link in the outbox; once verified, the invitee joins (audited)", async () => {
    const owner = await signUp(api, "JoinOwner");
    await createWorkspace(api, owner, "Join Me");
    const invitee = await signUp(api, "Invitee");
    const invite = await call(api, "members.invite", {
      cookie: owner.cookie,
      type: "mutation",
      input: { email: invitee.email, role: "member" },
    });
    const invitationId = invite.body.result.data.invitationId as string;
    const link = await outboxLinkFor(api, invitee.email);
    const outbox = await call(api, "outbox.list", { cookie: operator.cookie });
    expect(outbox.status).toBe(200);
    expect(outbox.body.result.data.delivery).toBe("outbox");
    const message = outbox.body.result.data.messages.find(
      (m: { toEmail: string }) => m.toEmail === invitee.email,
    );
    expect(message).toMatchObject({ link, subject: expect.stringContaining("Confirm") });
    expect(message.body).toContain(link);

    await verifyEmail(api, invitee);
    // The link is a credential until it expires: it never reaches the logs, even as a request URL.
    const token = new URL(link).searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(api.logText()).not.toContain(token);
    const me = await call(api, "auth.me", { cookie: invitee.cookie });
    expect(me.body.result.data.user).toMatchObject({ emailVerified: true, isOperator: false });
    const accepted = await authPost(api, "organization/accept-invitation", { invitationId }, invitee.cookie);
    expect(accepted.status).toBe(200);
    const join = (await auditOf(owner)).find((item) => item.action === "members.join");
    expect(join).toMatchObject({ actorId: invitee.userId, metadata: { role: "member" } });
    expect((await call(api, "auth.me", { cookie: operator.cookie })).body.result.data.user.isOperator).toBe(
      true,
    );
  });
});

describe("only the auth endpoints the web app uses are mounted (issue 8, Medium 5)", () => {
  type Endpoint = ((...args: never[]) => unknown) & { path?: string; options?: { method?: unknown } };
  const endpoints = () =>
    Object.values(api.deps.auth.api as unknown as Record<string, Endpoint>).flatMap((endpoint) => {
      const method = endpoint.options?.method;
      const methods = (Array.isArray(method) ? method : [method]).flatMap((m) =>
        m === "*" ? ["GET", "POST"] : typeof m === "string" ? [m] : [],
      );
      return typeof endpoint.path === "string"
        ? methods.map((m) => ({ method: m, path: endpoint.path }))
        : [];
    });

  it("every listed route is a real better-auth endpoint (the closed list has no typo)", () => {
    const known = new Set(endpoints().map((e) => `${e.method} ${e.path}`));
    for (const route of authRoutes) expect(known).toContain(`${route.method} ${route.path}`);
  });

  it("every other better-auth endpoint answers 404 in our error contract, even for a signed-in owner", async () => {
    const owner = await signUp(api, "Prober");
    const workspaceId = await createWorkspace(api, owner, "Probed");
    const mounted = new Set(authRoutes.map((route) => `${route.method} ${route.path}`));
    const unmounted = endpoints().filter(
      (e) => (e.method === "GET" || e.method === "POST") && !mounted.has(`${e.method} ${e.path}`),
    );
    expect(unmounted.length).toBeGreaterThan(20);
    for (const endpoint of unmounted) {
      const response = await fetch(`${api.url}/api/auth${endpoint.path}`, {
        method: endpoint.method,
        headers: {
          cookie: owner.cookie,
          origin: api.url,
          ...(endpoint.method === "POST" ? { "content-type": "application/json" } : {}),
        },
        ...(endpoint.method === "POST" ? { body: JSON.stringify({ organizationId: workspaceId }) } : {}),
      });
      expect(response.status, `${endpoint.method} ${endpoint.path}`).toBe(404);
      expect(await readJson(response)).toEqual({
        code: "NOT_FOUND",
        message: expect.any(String),
        requestId: response.headers.get("x-request-id"),
      });
    }
  });

  it("organization/update (an unaudited rename, a 500 with `plan`) is refused and changes nothing", async () => {
    const owner = await signUp(api, "Upgrader");
    const workspaceId = await createWorkspace(api, owner, "Free Forever");
    const update = await authPost(
      api,
      "organization/update",
      { organizationId: workspaceId, data: { name: "Hijacked", plan: "pro" } },
      owner.cookie,
    );
    expect(update.status).toBe(404);
    const [row] = await api.deps.db
      .select({ name: workspaces.name, plan: workspaces.plan })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    expect(row).toEqual({ name: "Free Forever", plan: "free" });
  });
});

describe("returning users and loopback origins (issue 9)", () => {
  it("sign-up works from every loopback spelling of the port when PUBLIC_URL is unset", async () => {
    const port = new URL(api.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const response = await fetch(`${api.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({
          email: `loopback-${Math.random().toString(36).slice(2)}@example.com`,
          password: "correct-horse-battery-staple",
          name: "Loopback",
        }),
      });
      expect(response.status, origin).toBe(200);
    }
    const foreign = await fetch(`${api.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${Number(port) + 1}` },
      body: JSON.stringify({
        email: "other-port@example.com",
        password: "correct-horse-battery-staple",
        name: "X",
      }),
    });
    expect(foreign.status).toBe(403);
  });

  it("a returning user's new session starts in their workspace", async () => {
    const user = await signUp(api, "Returning");
    const workspaceId = await createWorkspace(api, user, "Still Mine");
    expect((await authPost(api, "sign-out", {}, user.cookie)).status).toBe(200);
    const again = await authPost(api, "sign-in/email", { email: user.email, password: user.password });
    const me = await call(api, "auth.me", { cookie: again.cookie });
    expect(me.body.result.data.workspace).toMatchObject({ id: workspaceId, role: "owner" });
  });
});

describe("sign-ins and sign-outs in the audit log (issue 9)", () => {
  it("records sign-in, sign-out and failed sign-ins in the member's workspaces, never unknown emails", async () => {
    const user = await signUp(api, "Audited");
    const workspaceId = await createWorkspace(api, user, "Audited Inc");
    await authPost(api, "sign-out", {}, user.cookie);
    const again = await authPost(api, "sign-in/email", { email: user.email, password: user.password });
    const wrong = await authPost(api, "sign-in/email", { email: user.email, password: "not-the-password" });
    const unknownEmail = `ghost-${Date.now()}@example.com`;
    const unknown = await authPost(api, "sign-in/email", {
      email: unknownEmail,
      password: "not-the-password",
    });
    // The caller learns nothing: both failures read the same.
    expect(wrong.status).toBe(401);
    expect({ ...wrong.body, requestId: null }).toEqual({ ...unknown.body, requestId: null });

    const items = await auditOf({ ...user, cookie: again.cookie });
    const actions = items.map((item) => item.action);
    expect(actions).toContain("auth.sign-in.succeeded");
    expect(actions).toContain("auth.sign-out");
    const failed = items.find((item) => item.action === "auth.sign-in.failed");
    expect(failed).toMatchObject({ actorId: null, metadata: { email: user.email } });
    expect(JSON.stringify(items)).not.toContain(unknownEmail);
    // The unknown address is kept at account level, outside every workspace.
    const rows = await api.deps.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign-in.failed"));
    const ghost = rows.filter((row) => (row.metadata as { email?: string }).email === unknownEmail);
    expect(ghost.map((row) => row.workspaceId)).toEqual([null]);
    expect(rows.filter((row) => row.workspaceId === workspaceId)).toHaveLength(1);
  });
});

describe("credential endpoints on the auth tier (issue 8, Low 8)", () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({
      runWorkers: false,
      env: { TRUST_PROXY: "true", RATE_LIMIT_AUTH: "10/1h" },
    });
  });
  afterAll(async () => {
    await limited?.cleanup();
  });

  it("15 wrong change-password attempts from 15 IPs: 10 refused as wrong, then 429s", async () => {
    const user = await signUp(limited, "Guessed");
    const statuses: number[] = [];
    for (let index = 0; index < 15; index++) {
      const response = await fetch(`${limited.url}/api/auth/change-password`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: limited.url,
          cookie: user.cookie,
          "x-forwarded-for": `203.0.113.${index + 1}`,
        },
        body: JSON.stringify({ currentPassword: `guess-number-${index}`, newPassword: "attacker-chosen-1" }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(400), ...Array(5).fill(429)]);
    // Each refused guess costs a scrypt verification: on a loaded machine 15 of them outlast the default.
  }, 120_000);
});
