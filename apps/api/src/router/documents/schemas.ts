import { documentStatus } from "@vitae/db";
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

/**
 * Invisible characters that change how a name reads without being seen: controls (Cc), format
 * characters (Cf: bidirectional overrides and isolates such as U+202E, which makes `cv\u202Efdp.md` read
 * as `cvdm.pdf`, zero-width spaces and joiners, the BOM) and line/paragraph separators.
 */
const invisibleCharacters = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A display filename: invisible characters stripped, then no path, a sane length. */
export const filenameSchema = z
  .string()
  .max(1024)
  .transform((name) => name.replace(invisibleCharacters, "").trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/]/.test(name), "must be a plain file name"),
  );

/** A document's lifecycle, as `documents` stores it. */
export const documentStatuses = documentStatus.enumValues;

export const documentSummarySchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  status: z.enum(documentStatuses),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What ingestion left out of the profile, e.g. text that reads as instructions to an AI. */
  warnings: z.array(z.object({ code: z.string(), message: z.string(), excerpt: z.string() })),
  profileId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

/**
 * A listed document: its summary, who it is about (from its parsed profile; null before one exists) and
 * the earlier upload it duplicates — the same bytes, or a profile with the same email — if any.
 */
export const documentListItemSchema = documentSummarySchema.extend({
  person: z
    .object({ name: z.string().nullable(), title: z.string().nullable(), company: z.string().nullable() })
    .nullable(),
  duplicateOf: z
    .object({ documentId: z.string(), filename: z.string(), reason: z.enum(["same-file", "same-email"]) })
    .nullable(),
});

export const documentIdInput = z.strictObject({ documentId: z.uuid() });

/** Where a document's objects live; everything under it is deleted with the document. */
export function documentStoragePrefix(workspaceId: string, documentId: string): string {
  return `workspaces/${workspaceId}/documents/${documentId}/`;
}

/** The key of the served original: written only by the ingest worker, with the bytes it validated. */
export function documentOriginalKey(workspaceId: string, documentId: string): string {
  return `${documentStoragePrefix(workspaceId, documentId)}original`;
}

/** The key the client's presigned upload writes; never served. */
export function documentUploadKey(workspaceId: string, documentId: string): string {
  return `${documentStoragePrefix(workspaceId, documentId)}upload`;
}
