import {
  createShareLink,
  dailyActivity,
  getShareLink,
  listShareLinks,
  revokeShareLink,
  topQuestions,
  unansweredQuestions,
  updateShareLink,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { isoDate } from "../schemas";

const manage = workspaceProcedure({ role: "member", scope: "share-links:write" });

/**
 * Every link expires: in 30 days unless its creator picks another span, and never more than a year
 * ahead (an extension counts from the day it is made).
 */
const shareLinkExpiry = { defaultDays: 30, maxDays: 365 } as const;

const expiresInDays = z.number().int().min(1).max(shareLinkExpiry.maxDays);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

const linkSummary = z.object({
  id: z.string(),
  profileId: z.string(),
  label: z.string().nullable(),
  createdAt: isoDate,
  expiresAt: isoDate,
  revokedAt: isoDate.nullable(),
  lastUsedAt: isoDate.nullable(),
  /** Visitors may see the owner's email, phone and links (off unless chosen). */
  showContact: z.boolean(),
});

/**
 * A public "Ask my résumé" link; its token (and so the URL) is shown once, only a hash is stored.
 * Contact details stay hidden unless `showContact` is true; the link expires after `expiresInDays`
 * (default 30, at most 365).
 */
const create = manage
  .input(
    z.strictObject({
      profileId: z.uuid(),
      label: z.string().trim().min(1).max(100).optional(),
      expiresInDays: expiresInDays.default(shareLinkExpiry.defaultDays),
      showContact: z.boolean().default(false),
    }),
  )
  .output(linkSummary.extend({ token: z.string(), url: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { link, token } = await auditedWrite(
      ctx,
      (tx) =>
        createShareLink(tx, {
          workspaceId: ctx.workspace.id,
          profileId: input.profileId,
          createdBy: ctx.principal.userId,
          label: input.label ?? null,
          expiresAt: daysFromNow(input.expiresInDays),
          showContact: input.showContact,
        }),
      ({ link }) => ({
        workspaceId: ctx.workspace.id,
        action: "share-links.create",
        targetType: "share_link",
        targetId: link.id,
        metadata: {
          profileId: input.profileId,
          label: link.label,
          showContact: link.showContact,
          expiresAt: link.expiresAt.toISOString(),
        },
      }),
    );
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
    const link = await auditedWrite(
      ctx,
      (tx) =>
        revokeShareLink(tx, {
          workspaceId: ctx.workspace.id,
          shareLinkId: input.shareLinkId,
        }),
      (link) => ({
        workspaceId: ctx.workspace.id,
        action: "share-links.revoke",
        targetType: "share_link",
        targetId: link.id,
      }),
    );
    return link;
  });

/** Changes what a link shows (contact details on or off) or when it expires (counted from now). */
const update = manage
  .input(
    z
      .strictObject({
        shareLinkId: z.uuid(),
        showContact: z.boolean().optional(),
        expiresInDays: expiresInDays.optional(),
      })
      .refine((input) => input.showContact !== undefined || input.expiresInDays !== undefined, {
        message: "Change showContact or expiresInDays.",
      }),
  )
  .output(linkSummary)
  .mutation(async ({ ctx, input }) => {
    const link = await auditedWrite(
      ctx,
      (tx) =>
        updateShareLink(tx, {
          workspaceId: ctx.workspace.id,
          shareLinkId: input.shareLinkId,
          changes: {
            showContact: input.showContact,
            expiresAt: input.expiresInDays === undefined ? undefined : daysFromNow(input.expiresInDays),
          },
        }),
      (link) => ({
        workspaceId: ctx.workspace.id,
        action: "share-links.update",
        targetType: "share_link",
        targetId: link.id,
        metadata: {
          ...(input.showContact === undefined ? {} : { showContact: link.showContact }),
          ...(input.expiresInDays === undefined ? {} : { expiresAt: link.expiresAt.toISOString() }),
        },
      }),
    );
    return link;
  });

/**
 * What visitors asked through a link: the most frequent questions, those the résumé could not answer,
 * and conversations started and questions asked per day over the last 30 days (today last).
 */
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
      activity: z.array(z.object({ day: z.string(), questions: z.number(), shareVisits: z.number() })),
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
    const [top, unanswered, activity] = await Promise.all([
      topQuestions(ctx.deps.db, scope),
      unansweredQuestions(ctx.deps.db, scope),
      dailyActivity(ctx.deps.db, { ...scope, days: 30 }),
    ]);
    return { topQuestions: top, unanswered, activity };
  });

export const shareLinksRouter = router({ create, list, update, revoke, insights });
