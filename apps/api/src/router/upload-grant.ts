import { AppError } from "@vitae/errors";
import type { UploadGrant } from "@vitae/storage";
import { z } from "zod";

/** The presigned PUT a `createUpload` procedure hands the client (documents and imports alike). */
export const uploadGrantOutput = z.object({
  url: z.string(),
  method: z.literal("PUT"),
  headers: z.record(z.string(), z.string()),
});

/**
 * Refuses a declared upload before anything is recorded: a file name that does not end in one of its
 * declared type's `extensions` (VALIDATION_FAILED) or a size over the plan's `maxSize`
 * (PAYLOAD_TOO_LARGE). Shared by every `createUpload`, so both kinds of upload refuse in the same words.
 */
export function assertDeclaredUpload(
  input: { filename: string; size: number },
  extensions: readonly string[],
  maxSize: number,
): void {
  const lowerName = input.filename.toLowerCase();
  if (!extensions.some((extension) => lowerName.endsWith(extension))) {
    throw new AppError("VALIDATION_FAILED", {
      message: "The file name does not match its type.",
      details: { fieldErrors: { filename: [`expected ${extensions.join(" or ")}`] } },
    });
  }
  if (input.size > maxSize) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      message: `Files up to ${maxSize} bytes are accepted on this plan.`,
    });
  }
}

/** The client's part of a storage grant: where to PUT, how, and until when. */
export function grantForClient(grant: UploadGrant) {
  return {
    upload: { url: grant.url, method: grant.method, headers: grant.headers },
    expiresAt: grant.expiresAt.toISOString(),
  };
}
