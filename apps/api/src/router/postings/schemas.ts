import type { JobPosting } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { type Requirement, requirementKinds, requirementSchema, requirementWeights } from "@vitae/matching";
import { z } from "zod";

/**
 * The longest posting accepted, in characters. Real postings are a few thousand; the extractor reads
 * every character of what is accepted (it never truncates), so the bound is enforced here, at the edge.
 */
export const postingTextMaxChars = 50_000;

/**
 * The posting as pasted: kept as is (requirement spans are offsets into exactly this text). NUL, which
 * Postgres text cannot hold, is refused for every procedure by the input guard (`trpc/input-guard.ts`).
 */
export const postingTextInput = z
  .string()
  .max(postingTextMaxChars)
  .refine((value) => value.trim().length > 0, "must not be blank");

/** A title or company name: trimmed, one line's worth. */
export const postingLabelInput = z.string().trim().min(1).max(300);

export const postingIdInput = z.strictObject({ postingId: z.uuid() });

/** One requirement as clients see it; `span` is `[start, end)` in UTF-16 code units of `text`. */
export const requirementOutput = z.object({
  id: z.string(),
  kind: z.enum(requirementKinds),
  text: z.string(),
  weight: z.enum(requirementWeights),
  canonical: z.string().nullable(),
  span: z.object({ start: z.number(), end: z.number() }),
});

const storedRequirements = z.array(requirementSchema);

/**
 * The stored requirements of `posting`, validated: they are JSON in the database and feed the scorer.
 * Rows are only written by `postings.create`, so a row that fails here is damaged data (INTERNAL).
 */
export function requirementsOf(posting: JobPosting): Requirement[] {
  const parsed = storedRequirements.safeParse(posting.requirements);
  if (!parsed.success) throw new AppError("INTERNAL", { message: "A stored posting is damaged." });
  return parsed.data;
}
