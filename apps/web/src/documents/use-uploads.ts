import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isDocumentErrorCode } from "@vitae/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { documentErrorSentence } from "./document-errors";
import { checkFile } from "./file-checks";
import { putWithProgress, UploadError } from "./put-with-progress";

export type UploadPhase = "rejected" | "requesting" | "uploading" | "finalizing" | "failed";

/** One file the user dropped or picked, from the client-side check to `documents.finalize`. */
export interface UploadItem {
  key: string;
  filename: string;
  size: number;
  phase: UploadPhase;
  /** Transfer progress of the PUT, 0–1. */
  fraction: number;
  documentId: string | null;
  error: { message: string; code: string | null; requestId: string | null } | null;
}

let nextKey = 0;

function failureOf(error: unknown): NonNullable<UploadItem["error"]> {
  if (error instanceof UploadError) {
    return { message: error.failure.message, code: error.failure.code, requestId: null };
  }
  const summary = describeError(error);
  // createUpload may refuse a file for a document reason (type, size); say it the same way a failed
  // ingest would.
  const message = isDocumentErrorCode(summary.code) ? documentErrorSentence(summary.code) : summary.message;
  return { message, code: summary.code, requestId: summary.requestId };
}

/**
 * Runs uploads: client-side check → `documents.createUpload` → PUT the bytes with progress →
 * `documents.finalize` (which queues the ingest). Each file is independent; once finalized the document
 * list takes over and shows the live ingest status.
 */
export function useUploads(options: {
  maxBytes: number;
  onFinalized: (documentId: string, filename: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // `mutateAsync` is stable across renders, and each call is its own mutation, so files run concurrently.
  const { mutateAsync: createUpload } = useMutation(trpc.documents.createUpload.mutationOptions());
  const { mutateAsync: finalize } = useMutation(trpc.documents.finalize.mutationOptions());
  const { maxBytes, onFinalized } = options;

  useEffect(() => {
    const active = controllers.current;
    // Leaving the page must not leave a transfer running invisibly.
    return () => {
      for (const controller of active.values()) controller.abort();
    };
  }, []);

  const update = useCallback((key: string, patch: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const uploadOne = useCallback(
    async (file: File) => {
      nextKey += 1;
      const key = `upload-${nextKey}`;
      const check = checkFile(file, maxBytes);
      const base: UploadItem = {
        key,
        filename: file.name,
        size: file.size,
        phase: check.isValid ? "requesting" : "rejected",
        fraction: 0,
        documentId: null,
        error: check.isValid ? null : { message: check.message, code: check.code, requestId: null },
      };
      setItems((current) => [base, ...current]);
      if (!check.isValid) return;

      const controller = new AbortController();
      controllers.current.set(key, controller);
      try {
        const grant = await createUpload({
          filename: file.name,
          contentType: check.contentType,
          size: file.size,
        });
        update(key, { phase: "uploading", documentId: grant.documentId });
        await putWithProgress(grant.upload, file, {
          signal: controller.signal,
          onProgress: (fraction) => update(key, { fraction }),
        });
        update(key, { phase: "finalizing", fraction: 1 });
        await finalize({ documentId: grant.documentId });
        // The document list shows the live ingest from here on, so the upload row has done its job.
        setItems((current) => current.filter((item) => item.key !== key));
        await queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() });
        onFinalized(grant.documentId, file.name);
      } catch (error) {
        update(key, { phase: "failed", error: failureOf(error) });
        // A document row may exist for a half-finished upload; show it as the server sees it.
        await queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() });
      } finally {
        controllers.current.delete(key);
      }
    },
    [createUpload, finalize, maxBytes, onFinalized, queryClient, trpc, update],
  );

  const uploadFiles = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) void uploadOne(file);
    },
    [uploadOne],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);
  const dismiss = useCallback((key: string) => {
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  return { items, uploadFiles, cancel, dismiss };
}
