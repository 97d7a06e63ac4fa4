import { listAuditEvents } from "@vitae/db";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { dateInput, isoDate } from "../schemas";

const list = workspaceProcedure({ role: "admin", scope: "audit:read" })
  .input(
    z
      .strictObject({
        cursor: z.string().max(200).nullish(),
        // Sent by tRPC's infinite-query helpers; pages always run newest first.
        direction: z.enum(["forward", "backward"]).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        action: z.string().max(100).optional(),
        actorId: z.uuid().optional(),
        from: dateInput.optional(),
        to: dateInput.optional(),
      })
      .optional(),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          action: z.string(),
          actorType: z.string(),
          actorId: z.string().nullable(),
          // Display names come only from this workspace (members, its API keys, its documents).
          actorName: z.string().nullable(),
          actorEmail: z.string().nullable(),
          targetType: z.string().nullable(),
          targetId: z.string().nullable(),
          targetName: z.string().nullable(),
          targetEmail: z.string().nullable(),
          ip: z.string().nullable(),
          requestId: z.string().nullable(),
          createdAt: isoDate,
          metadata: z.record(z.string(), z.unknown()),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) => {
    const { direction: _direction, cursor, ...filters } = input ?? {};
    return listAuditEvents(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      ...filters,
      cursor: cursor ?? undefined,
    });
  });

export const auditRouter = router({ list });
