import { getMembership, getUserProfile } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { protectedProcedure } from "../../trpc/procedures";
import { roleSchema } from "../schemas";

/** Who the caller is: their profile, how they authenticated, and the workspace they act in. */
const meProcedure = protectedProcedure
  .output(
    z.object({
      user: z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        emailVerified: z.boolean(),
        /** Operates this instance (may read the mail outbox, ADR 0010); always false for API keys. */
        isOperator: z.boolean(),
      }),
      principal: z.object({ kind: z.enum(["user", "apiKey"]) }),
      workspace: z
        .object({ id: z.string(), name: z.string(), role: roleSchema.nullable(), plan: z.string() })
        .nullable(),
    }),
  )
  .query(async ({ ctx }) => {
    const { principal } = ctx;
    const user = await getUserProfile(ctx.deps.db, { userId: principal.userId });
    if (!user) throw new AppError("UNAUTHENTICATED");
    const membership = principal.workspaceId
      ? await getMembership(ctx.deps.db, { workspaceId: principal.workspaceId, userId: principal.userId })
      : undefined;
    const isOperator = principal.kind === "user" && (await ctx.deps.isOperator(principal.userId));
    return {
      user: { ...user, isOperator },
      principal: { kind: principal.kind },
      workspace: membership
        ? {
            id: membership.workspaceId,
            name: membership.workspaceName,
            // Keys act through scopes, not the creator's role.
            role: principal.kind === "user" ? membership.role : null,
            plan: membership.plan,
          }
        : null,
    };
  });

export const authRouter = router({ me: meProcedure });
