import { z } from "zod";
import { isoDate } from "../schemas";

/** Declared types a client may upload; the worker re-checks every file by its content. */
export const uploadContentTypes = {
  "application/pdf": [".pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "text/plain": [".txt"],
  "text/markdown": [".md", ".markdown"],
} as const satisfies Record<string, readonly string[]>;

export type UploadContentType = keyof typeof uploadContentTypes;

/** A display filename: no path, no control characters, a sane length. */
export const filenameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/]/.test(name) && ![...name].some(isControlCharacter), "must be a plain file name");

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

export const documentSummarySchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  status: z.enum(["uploaded", "processing", "ready", "failed"]),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What ingestion left out of the profile, e.g. text that reads as instructions to an AI. */
  warnings: z.array(z.object({ code: z.string(), message: z.string(), excerpt: z.string() })),
  profileId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const documentIdInput = z.strictObject({ documentId: z.uuid() });

/** Where a document's objects live; everything under it is deleted with the document. */
export function documentStoragePrefix(workspaceId: string, documentId: string): string {
  return `workspaces/${workspaceId}/documents/${documentId}/`;
}

/** The key of the uploaded original. */
export function documentOriginalKey(workspaceId: string, documentId: string): string {
  return `${documentStoragePrefix(workspaceId, documentId)}original`;
}
