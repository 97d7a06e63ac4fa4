import { createHash } from "node:crypto";
import {
  getDocument,
  markDocumentFailed,
  markDocumentProcessing,
  markDocumentReady,
  saveProfile,
} from "@vitae/db";
import {
  type DocumentErrorCode,
  type DocumentWarning,
  detectDocumentType,
  documentWarningMessages,
  isDocumentError,
  type Profile,
  parseResumeWithLlm,
  type ReadResume,
  readResume,
  resumeParsePrompt,
  type StructuredLlm,
} from "@vitae/documents";
import { AppError, isAppError } from "@vitae/errors";
import { type LlmClient, unconfiguredLlmClient } from "@vitae/llm";
import { normalizeTechnology } from "@vitae/taxonomy";
import type { JobContext, JobHandler, JsonValue } from "../handler-types";
import { refreshMatchFeatures } from "../matching/match-features";

/** Bumped whenever parsing changes meaningfully, so stored profiles say which parser made them. */
export const heuristicParserVersion = "heuristic@1";

type Context = JobContext<"documents.ingest">;

/** `@vitae/llm` returns `{ value, cached, … }`; the documents package only needs the value. */
function structuredOf(client: LlmClient): StructuredLlm {
  return {
    structured: async (schema, prompt, input, options) =>
      (
        await client.structured(schema, prompt, input, {
          workspaceId: options?.workspaceId ?? "",
          ...(options?.signal ? { signal: options.signal } : {}),
        })
      ).value,
  };
}

interface ParsedProfile {
  profile: Profile;
  parser: "llm" | "heuristic";
  parserVersion: string;
  /** What was left out of the profile (instruction text), stored on the document. */
  warnings: DocumentWarning[];
}

/**
 * Parses with the LLM when one is configured, otherwise — or when the LLM fails or is unavailable —
 * with the heuristic profile the sandbox already made: a document never fails because the LLM is down.
 */
async function parseProfile(context: Context, workspaceId: string, read: ReadResume): Promise<ParsedProfile> {
  // A workspace whose own provider is unusable (its key unreadable) parses without an LLM rather than
  // sending its résumés to the deployment's provider, which it chose not to use.
  const llm = await context.services.llmFor(workspaceId).catch((error: unknown) => {
    context.logger.warn({ err: error }, "workspace LLM unusable; parsing heuristically");
    return unconfiguredLlmClient;
  });
  if (llm.available) {
    try {
      const parsed = await parseResumeWithLlm(read.text, structuredOf(llm), {
        mentionedTechnologies: read.mentionedTechnologies,
        callOptions: { workspaceId, ...(context.signal ? { signal: context.signal } : {}) },
      });
      if (parsed.dropped.length > 0) {
        context.logger.info({ dropped: parsed.dropped.length }, "unsupported LLM facts dropped");
      }
      return {
        profile: parsed.profile,
        parser: "llm",
        parserVersion: `${resumeParsePrompt.id}@${resumeParsePrompt.version}`,
        warnings: [...read.warnings, ...parsed.warnings],
      };
    } catch (error) {
      context.logger.warn({ err: error }, "LLM résumé parsing failed; using the heuristic parser");
    }
  }
  return {
    profile: read.heuristic.profile,
    parser: "heuristic",
    parserVersion: heuristicParserVersion,
    warnings: [...read.warnings, ...read.heuristic.warnings],
  };
}

/**
 * `documents.ingest`: storage → content-type verdict → sandboxed text extraction → profile → rows.
 * A verdict about the file itself (wrong type, zip bomb, scanned PDF…) marks the document `failed`
 * with its code and completes the run — retrying cannot change it. Infrastructure failures throw and
 * are retried. Idempotent: a document that is already ready or failed, or that waits for another run
 * (`currentRunId`), is left alone.
 */
export const ingestDocument: JobHandler<"documents.ingest"> = async (context) => {
  const { db, storage, payload, reportProgress } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "An ingest run needs a workspace." });
  const document = await getDocument(db, { workspaceId, documentId: payload.documentId });
  if (!document) throw new AppError("NOT_FOUND", { message: "The document no longer exists." });
  // A run the document no longer waits for (re-ingested since) must not touch it.
  if (document.currentRunId !== context.jobRunId) {
    return { documentId: document.id, status: document.status, skipped: true, superseded: true };
  }
  if (document.status === "ready" || document.status === "failed") {
    return { documentId: document.id, status: document.status, skipped: true };
  }
  // False when the document is not waiting for ingestion (never finalized, or finished by a racing run).
  if (!(await markDocumentProcessing(db, { workspaceId, documentId: document.id }))) {
    return { documentId: document.id, status: document.status, skipped: true };
  }
  await reportProgress(10, "Reading the file");

  const reject = async (code: DocumentErrorCode, message: string): Promise<JsonValue> => {
    await markDocumentFailed(db, {
      workspaceId,
      documentId: document.id,
      errorCode: code,
      errorMessage: message,
    });
    context.logger.info({ documentId: document.id, errorCode: code }, "document rejected");
    return { documentId: document.id, status: "failed", errorCode: code };
  };

  // New uploads arrive at `uploadKey`; once validated, exactly these bytes are published at `storageKey`.
  const sourceKey = document.uploadKey ?? document.storageKey;
  let bytes: Buffer;
  try {
    bytes = await storage.get(sourceKey);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return reject("STORAGE_MISSING", "The uploaded file is missing.");
    throw error;
  }
  try {
    // By content, never by name or declared MIME; DOCX is inspected for zip bombs before any unzip.
    const type = await detectDocumentType(bytes, {
      filename: document.filename,
      declaredType: document.contentType,
      maxBytes: document.size,
    });
    await reportProgress(30, "Extracting text");
    // Extraction, instruction screening and the heuristic parse run in the sandboxed child.
    const extracted = await readResume(bytes, type.kind, context.services.extraction);
    await reportProgress(60, "Understanding the résumé");
    const { profile, parser, parserVersion, warnings } = await parseProfile(context, workspaceId, extracted);
    if (document.uploadKey !== null) {
      // Downloads serve `storageKey` only, and nothing but this worker writes it: whatever happens to the
      // upload key later (a replayed link on a store without conditional writes), the served file is the
      // one that was validated here.
      await storage.put(document.storageKey, bytes, { contentType: type.mime });
    }
    await reportProgress(85, "Saving the profile");
    const profileId = await saveProfile(db, {
      workspaceId,
      documentId: document.id,
      profile,
      parser,
      parserVersion,
      resolveTechnology: normalizeTechnology,
    });
    // Rankings read these instead of analysing every profile's facts; they are a cache (a ranking
    // computes missing ones), so failing to store them does not fail the document.
    await refreshMatchFeatures(db, { workspaceId, profileId }).catch((error: unknown) => {
      context.logger.warn({ err: error, profileId }, "match features not stored");
    });
    await markDocumentReady(db, {
      workspaceId,
      documentId: document.id,
      // Postgres text cannot hold NUL; extraction should not produce it, but a TXT upload may.
      text: extracted.text.replaceAll("\u0000", ""),
      detectedType: type.mime,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      pageCount: extracted.pages ?? null,
      warnings: warnings.map((warning) => ({ ...warning, message: documentWarningMessages[warning.code] })),
    });
    if (document.uploadKey !== null) {
      // Published; the upload copy is no longer needed (a failed delete leaves it under the document's
      // prefix, removed with the document).
      await storage.delete(document.uploadKey).catch((error: unknown) => {
        context.logger.warn({ err: error, documentId: document.id }, "upload copy not deleted");
      });
    }
    await reportProgress(100, "Ready");
    return { documentId: document.id, status: "ready", profileId, parser };
  } catch (error) {
    if (isDocumentError(error)) return reject(error.code, error.message);
    throw error;
  }
};
