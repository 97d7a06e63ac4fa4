import { workspaceMembers } from "@vitae/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthHarness, cookieHeaderFrom, openAuthHarness } from "./test-harness";

describe("auth flow on PostgreSQL", () => {
  let harness: AuthHarness;

  beforeAll(async () => {
    harness = await openAuthHarness("postgres");
  });
  afterAll(async () => {
    await harness.close();
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
