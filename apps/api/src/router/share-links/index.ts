import {
  createShareLink,
  getShareLink,
  listShareLinks,
  revokeShareLink,
  topQuestions,
  unansweredQuestions,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { recordAudit } from "../audit-trail";
import { isoDate } from "../schemas";

const manage = workspaceProcedure({ role: "member", scope: "share-links:write" });

const linkSummary = z.object({
  id: z.string(),
  profileId: z.string(),
  label: z.string().nullable(),
  createdAt: isoDate,
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  lastUsedAt: isoDate.nullable(),
});

/** A public "Ask my résumé" link; its token (and so the URL) is shown once, only a hash is stored. */
const create = manage
  .input(
    z.strictObject({
      profileId: z.uuid(),
      label: z.string().trim().min(1).max(100).optional(),
      expiresInDays: z.number().int().min(1).max(365).optional(),
    }),
  )
  .output(linkSummary.extend({ token: z.string(), url: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { link, token } = await createShareLink(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      profileId: input.profileId,
      createdBy: ctx.principal.userId,
      label: input.label ?? null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await recordAudit(ctx, {
      workspaceId: ctx.workspace.id,
      action: "share-links.create",
      targetType: "share_link",
      targetId: link.id,
      metadata: { profileId: input.profileId, label: link.label },
    });
    return { ...link, token, url: `${ctx.deps.config.publicUrl}/s/${token}` };
  });

const list = manage
  .input(z.strictObject({ profileId: z.uuid().optional() }).optional())
  .output(z.array(linkSummary))
  .query(({ ctx, input }) =>
    listShareLinks(ctx.deps.db, { workspaceId: ctx.workspace.id, profileId: input?.profileId }),
  );

const revoke = manage
  .input(z.strictObject({ shareLinkId: z.uuid() }))
  .output(linkSummary)
  .mutation(async ({ ctx, input }) => {
    const link = await revokeShareLink(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      shareLinkId: input.shareLinkId,
    });
    await recordAudit(ctx, {
      workspaceId: ctx.workspace.id,
      action: "share-links.revoke",
      targetType: "share_link",
      targetId: link.id,
    });
    return link;
  });

/** What visitors asked through a link: the most frequent questions, and those the résumé could not answer. */
const insights = manage
  .input(z.strictObject({ shareLinkId: z.uuid() }))
  .output(
    z.object({
      topQuestions: z.array(z.object({ question: z.string(), count: z.number(), lastAskedAt: isoDate })),
      unanswered: z.array(
        z.object({
          question: z.string(),
          intent: z.string(),
          refusalCode: z.string().nullable(),
          createdAt: isoDate,
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    // Insights of a link this workspace does not own are NOT_FOUND, like every other foreign record.
    const link = await getShareLink(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      shareLinkId: input.shareLinkId,
    });
    if (!link) throw new AppError("NOT_FOUND");
    const scope = { workspaceId: ctx.workspace.id, shareLinkId: input.shareLinkId };
    const [top, unanswered] = await Promise.all([
      topQuestions(ctx.deps.db, scope),
      unansweredQuestions(ctx.deps.db, scope),
    ]);
    return { topQuestions: top, unanswered };
  });

export const shareLinksRouter = router({ create, list, revoke, insights });
