import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { putWithProgress, UploadError } from "../documents/put-with-progress";
import { describeError } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import type { RouterInputs } from "../trpc/types";

type ImportEntity = RouterInputs["imports"]["createUpload"]["entity"];
type ImportContentType = RouterInputs["imports"]["createUpload"]["contentType"];

/** The spreadsheet kinds the server accepts, by extension; the server re-checks the bytes and decides. */
const contentTypeByExtension: Readonly<Record<string, ImportContentType>> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  tab: "text/tab-separated-values",
  txt: "text/plain",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const spreadsheetAccept = [
  ...Object.keys(contentTypeByExtension).map((extension) => `.${extension}`),
  ...new Set(Object.values(contentTypeByExtension)),
].join(",");

export interface ImportUploadState {
  filename: string;
  phase: "requesting" | "uploading" | "finalizing" | "failed";
  fraction: number;
  error: { message: string; code: string | null; requestId: string | null } | null;
}

function contentTypeOf(filename: string): ImportContentType | null {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 ? null : (contentTypeByExtension[filename.slice(dot + 1).toLowerCase()] ?? null);
}

/**
 * One spreadsheet upload: `imports.createUpload` → PUT with progress (the documents upload's transport)
 * → `imports.finalize`, which starts the analysis. Resolves to the import id once finalized.
 */
export function useImportUpload(onFinalized: (importId: string) => void) {
  const trpc = useTRPC();
  const [state, setState] = useState<ImportUploadState | null>(null);
  const controller = useRef<AbortController | null>(null);
  const { mutateAsync: createUpload } = useMutation(trpc.imports.createUpload.mutationOptions());
  const { mutateAsync: finalize } = useMutation(trpc.imports.finalize.mutationOptions());

  useEffect(() => () => controller.current?.abort(), []);

  const upload = useCallback(
    async (file: File, entity: ImportEntity) => {
      const contentType = contentTypeOf(file.name);
      if (contentType === null) {
        setState({
          filename: file.name,
          phase: "failed",
          fraction: 0,
          error: { message: "Choose a CSV, TSV, text or XLSX spreadsheet.", code: null, requestId: null },
        });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      setState({ filename: file.name, phase: "requesting", fraction: 0, error: null });
      try {
        const grant = await createUpload({ filename: file.name, contentType, size: file.size, entity });
        setState((current) => current && { ...current, phase: "uploading" });
        await putWithProgress(grant.upload, file, {
          signal: abort.signal,
          onProgress: (fraction) => setState((current) => current && { ...current, fraction }),
        });
        setState((current) => current && { ...current, phase: "finalizing", fraction: 1 });
        await finalize({ importId: grant.importId });
        setState(null);
        onFinalized(grant.importId);
      } catch (error) {
        const failure =
          error instanceof UploadError
            ? { message: error.failure.message, code: error.failure.code, requestId: null }
            : (({ message, code, requestId }) => ({ message, code, requestId }))(describeError(error));
        setState((current) => current && { ...current, phase: "failed", error: failure });
      } finally {
        controller.current = null;
      }
    },
    [createUpload, finalize, onFinalized],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, upload, cancel };
}
