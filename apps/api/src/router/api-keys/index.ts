import { createApiKey, scopes } from "@vitae/auth";
import { listApiKeys, revokeApiKey } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { isoDate } from "../schemas";

const apiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: isoDate,
  expiresAt: isoDate.nullable(),
  lastUsedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});

const list = workspaceProcedure({ role: "admin", scope: "api-keys:read" })
  .output(z.array(apiKeySummary))
  .query(({ ctx }) => listApiKeys(ctx.deps.db, { workspaceId: ctx.workspace.id }));

/** Only a signed-in admin creates keys: a key minting keys would outlive any revocation of itself. */
const create = workspaceProcedure({ role: "admin", scope: "api-keys:write", sessionOnly: true })
  .input(
    z.strictObject({
      name: z.string().trim().min(1).max(100),
      scopes: z.array(z.enum(scopes)).min(1).max(scopes.length),
      expiresInDays: z.number().int().min(1).max(3650).optional(),
    }),
  )
  .output(apiKeySummary.extend({ key: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { role } = ctx.workspace;
    if (role === null) throw new AppError("FORBIDDEN");
    const created = await auditedWrite(
      ctx,
      (tx) =>
        createApiKey(tx, {
          workspaceId: ctx.workspace.id,
          createdBy: ctx.principal.userId,
          creatorRole: role,
          name: input.name,
          scopes: [...new Set(input.scopes)],
          expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
        }),
      (created) => ({
        workspaceId: ctx.workspace.id,
        action: "api-keys.create",
        targetType: "api_key",
        targetId: created.id,
        metadata: { name: created.name, prefix: created.prefix, scopes: created.scopes },
      }),
    );
    return created;
  });

const revoke = workspaceProcedure({ role: "admin", scope: "api-keys:write" })
  .input(z.strictObject({ apiKeyId: z.uuid() }))
  .output(apiKeySummary)
  .mutation(async ({ ctx, input }) => {
    const revoked = await auditedWrite(
      ctx,
      (tx) =>
        revokeApiKey(tx, {
          workspaceId: ctx.workspace.id,
          apiKeyId: input.apiKeyId,
        }),
      (revoked) => ({
        workspaceId: ctx.workspace.id,
        action: "api-keys.revoke",
        targetType: "api_key",
        targetId: revoked.id,
        metadata: { name: revoked.name, prefix: revoked.prefix },
      }),
    );
    await ctx.deps.invalidateAccess({ apiKeyId: revoked.id });
    return revoked;
  });

export const apiKeysRouter = router({ list, create, revoke });
