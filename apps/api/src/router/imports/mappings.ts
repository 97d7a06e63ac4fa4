import { deleteMappingMemory, listMappingMemory } from "@vitae/db";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { isoDate } from "../schemas";
import { entityInput } from "./schemas";

/**
 * The workspace's mapping memory: what operators confirmed, per entity and header set (by fingerprint),
 * and the aliases it taught. Listing is `imports:read`; forgetting one is `imports:write` and audited.
 */
const list = workspaceProcedure({ role: "viewer", scope: "imports:read" })
  .input(
    z
      .strictObject({
        entity: entityInput.optional(),
        cursor: z.string().max(600).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .optional(),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          entity: z.string(),
          headerFingerprint: z.string(),
          mapping: z.array(z.object({ column: z.string(), field: z.string().nullable() })),
          learnedAliases: z.array(z.object({ header: z.string(), field: z.string() })),
          createdAt: isoDate,
          updatedAt: isoDate,
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) =>
    listMappingMemory(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      entity: input?.entity,
      cursor: input?.cursor,
      limit: input?.limit,
    }),
  );

/**
 * Forgets one remembered mapping with its learned aliases (audited, one transaction); the next file with
 * those headers is auto-mapped afresh. Imports already mapped keep their mapping. `NOT_FOUND` for another
 * workspace's entry.
 */
const remove = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(z.strictObject({ mappingId: z.uuid() }))
  .output(z.object({ mappingId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    await deleteMappingMemory(ctx.deps.db, {
      workspaceId,
      memoryId: input.mappingId,
      audit: (deleted) =>
        auditEventOf(ctx, {
          workspaceId,
          action: "imports.forget-mapping",
          targetType: "mapping_memory",
          targetId: input.mappingId,
          metadata: { entity: deleted.entity, headerFingerprint: deleted.headerFingerprint },
        }),
    });
    return { mappingId: input.mappingId };
  });

/** `imports.mappings.list` / `imports.mappings.delete`. */
export const mappingsRouter = router({ list, delete: remove });
