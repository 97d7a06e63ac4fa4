import type { Tailoring } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { type Change, changeActions, changeSchema, type Rejection, rejectionCodes } from "@vitae/matching";
import { z } from "zod";

const changeValue = z.union([z.string(), z.array(z.string()), z.null()]);

/** One proposed change as clients see it (see `@vitae/matching`'s `Change`). */
export const changeOutput = z.object({
  id: z.string(),
  path: z.string(),
  action: z.enum(changeActions),
  original: changeValue,
  value: changeValue,
  reason: z.string(),
  requirementIds: z.array(z.string()),
});

const storedChanges = z.array(z.intersection(changeSchema, z.object({ scoreDelta: z.number() })));
const storedRejections = z.array(
  z.object({ change: changeSchema, code: z.enum(rejectionCodes), detail: z.string() }),
);

/**
 * The stored proposal of a tailoring, validated: the accepted changes with their score deltas and the
 * verifier's rejections. Rows are only written by the tailoring job, so a row that fails here is damaged
 * data (INTERNAL).
 */
export function proposalOf(tailoring: Tailoring): {
  changes: (Change & { scoreDelta: number })[];
  rejected: Rejection[];
} {
  const changes = storedChanges.safeParse(tailoring.changes ?? []);
  const rejected = storedRejections.safeParse(tailoring.rejected ?? []);
  if (!changes.success || !rejected.success) {
    throw new AppError("INTERNAL", { message: "A stored tailoring is damaged." });
  }
  return { changes: changes.data, rejected: rejected.data };
}
