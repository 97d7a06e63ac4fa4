import { createWorkspaceWithOwner, getMembership, listWorkspacesForUser, renameWorkspace } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { sessionProcedure, workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";

const workspaceName = z.string().trim().min(1).max(100);

const list = sessionProcedure
  .output(
    z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        slug: z.string(),
        role: z.string(),
        plan: z.string(),
        isActive: z.boolean(),
      }),
    ),
  )
  .query(async ({ ctx }) => {
    const workspaces = await listWorkspacesForUser(ctx.deps.db, { userId: ctx.principal.userId });
    return workspaces.map((w) => ({
      id: w.id,
      name: w.name,
      slug: w.slug,
      role: w.role,
      plan: w.plan,
      isActive: w.id === ctx.principal.workspaceId,
    }));
  });

const create = sessionProcedure
  .input(z.strictObject({ name: workspaceName }))
  .output(z.object({ id: z.string(), name: z.string(), slug: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspace = await auditedWrite(
      ctx,
      (tx) => createWorkspaceWithOwner(tx, { name: input.name, ownerId: ctx.principal.userId }),
      (workspace) => ({
        workspaceId: workspace.id,
        action: "workspaces.create",
        targetType: "workspace",
        targetId: workspace.id,
      }),
    );
    await ctx.deps.setActiveWorkspace(ctx.headers, ctx.principal.sessionId, workspace.id);
    return { id: workspace.id, name: workspace.name, slug: workspace.slug };
  });

const rename = workspaceProcedure({ role: "admin", scope: "workspace:write" })
  .input(z.strictObject({ name: workspaceName }))
  .output(z.object({ id: z.string(), name: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspace = await auditedWrite(
      ctx,
      (tx) => renameWorkspace(tx, { workspaceId: ctx.workspace.id, name: input.name }),
      (workspace) => ({
        workspaceId: workspace.id,
        action: "workspaces.rename",
        targetType: "workspace",
        targetId: workspace.id,
        metadata: { name: workspace.name },
      }),
    );
    return { id: workspace.id, name: workspace.name };
  });

const switchWorkspace = sessionProcedure
  .input(z.strictObject({ workspaceId: z.uuid() }))
  .output(z.object({ workspaceId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    // Not a member looks exactly like a workspace that does not exist.
    const membership = await getMembership(ctx.deps.db, {
      workspaceId: input.workspaceId,
      userId: ctx.principal.userId,
    });
    if (!membership) throw new AppError("NOT_FOUND");
    await ctx.deps.setActiveWorkspace(ctx.headers, ctx.principal.sessionId, input.workspaceId);
    return { workspaceId: input.workspaceId };
  });

export const workspacesRouter = router({ list, create, rename, switch: switchWorkspace });
