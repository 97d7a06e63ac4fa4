import { isRoleAtLeast, type Role } from "@vitae/auth";
import {
  createInvitation,
  getMembership,
  listMembers,
  listPendingInvitations,
  removeMember,
  updateMemberRole,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { type WorkspaceAccess, workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { isoDate, roleSchema } from "../schemas";

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Granting or taking away `owner` is for owners only (an admin cannot promote themself past owners). */
function assertMayTouchOwnership(workspace: WorkspaceAccess, ...roles: Role[]) {
  if (roles.includes("owner") && workspace.role !== "owner") {
    throw new AppError("FORBIDDEN", { message: "Only an owner can grant or remove the owner role." });
  }
}

/** The member `userId` of this workspace, or NOT_FOUND (also for members of other workspaces). */
async function targetMember(db: Parameters<typeof getMembership>[0], workspaceId: string, userId: string) {
  const membership = await getMembership(db, { workspaceId, userId });
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

/** Members for every member; pending invitations only for admins (and keys with `members:write`). */
const list = workspaceProcedure({ role: "viewer", scope: "members:read" })
  .output(
    z.object({
      members: z.array(
        z.object({
          userId: z.string(),
          email: z.string(),
          name: z.string(),
          role: roleSchema,
          joinedAt: isoDate,
        }),
      ),
      invitations: z.array(
        z.object({ id: z.string(), email: z.string(), role: roleSchema, expiresAt: isoDate }),
      ),
    }),
  )
  .query(async ({ ctx }) => {
    // Pending invitations are for those who manage members: a lower role seeing an invitation's id and
    // address could sign up with that address and try to take the invitation over. API keys need
    // `members:write` for the same reason.
    const canManage =
      ctx.workspace.role === null
        ? ctx.principal.kind === "apiKey" && ctx.principal.scopes.includes("members:write")
        : isRoleAtLeast(ctx.workspace.role, "admin");
    const [members, invitations] = await Promise.all([
      listMembers(ctx.deps.db, { workspaceId: ctx.workspace.id }),
      canManage ? listPendingInvitations(ctx.deps.db, { workspaceId: ctx.workspace.id }) : [],
    ]);
    return { members, invitations };
  });

const invite = workspaceProcedure({ role: "admin", scope: "members:write" })
  .input(z.strictObject({ email: z.email().max(320), role: roleSchema }))
  .output(z.object({ invitationId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    assertMayTouchOwnership(ctx.workspace, input.role);
    const invitation = await auditedWrite(
      ctx,
      (tx) =>
        createInvitation(tx, {
          workspaceId: ctx.workspace.id,
          email: input.email,
          role: input.role,
          inviterId: ctx.principal.userId,
          expiresAt: new Date(Date.now() + invitationLifetimeMs),
        }),
      (invitation) => ({
        workspaceId: ctx.workspace.id,
        action: "members.invite",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, role: invitation.role },
      }),
    );
    return { invitationId: invitation.id };
  });

const updateRole = workspaceProcedure({ role: "admin", scope: "members:write" })
  .input(z.strictObject({ userId: z.uuid(), role: roleSchema }))
  .output(z.object({ userId: z.string(), role: roleSchema }))
  .mutation(async ({ ctx, input }) => {
    const target = await targetMember(ctx.deps.db, ctx.workspace.id, input.userId);
    assertMayTouchOwnership(ctx.workspace, target.role, input.role);
    const updated = await auditedWrite(
      ctx,
      (tx) =>
        updateMemberRole(tx, {
          workspaceId: ctx.workspace.id,
          userId: input.userId,
          role: input.role,
        }),
      (updated) => ({
        workspaceId: ctx.workspace.id,
        action: "members.update-role",
        targetType: "user",
        targetId: input.userId,
        metadata: { from: target.role, to: updated.role },
      }),
    );
    await ctx.deps.invalidateAccess({ userId: input.userId });
    return updated;
  });

const remove = workspaceProcedure({ role: "admin", scope: "members:write" })
  .input(z.strictObject({ userId: z.uuid() }))
  .output(z.object({ userId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const target = await targetMember(ctx.deps.db, ctx.workspace.id, input.userId);
    assertMayTouchOwnership(ctx.workspace, target.role);
    await auditedWrite(
      ctx,
      (tx) => removeMember(tx, { workspaceId: ctx.workspace.id, userId: input.userId }),
      () => ({
        workspaceId: ctx.workspace.id,
        action: "members.remove",
        targetType: "user",
        targetId: input.userId,
        metadata: { role: target.role },
      }),
    );
    await ctx.deps.invalidateAccess({ userId: input.userId });
    return { userId: input.userId };
  });

export const membersRouter = router({ list, invite, updateRole, remove });
