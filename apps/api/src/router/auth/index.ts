import { getCallerOverview, isOperatorAccount } from "@vitae/db";
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
    // One prepared read: profile, the first-account flag and the active workspace's membership.
    const overview = await getCallerOverview(ctx.deps.db, {
      userId: principal.userId,
      workspaceId: principal.workspaceId,
    });
    if (!overview) throw new AppError("UNAUTHENTICATED");
    const { user, membership } = overview;
    const isOperator =
      principal.kind === "user" &&
      isOperatorAccount({ ...user, isFirstUser: overview.isFirstUser }, ctx.deps.config.operatorEmails);
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
