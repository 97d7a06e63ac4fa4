import { useMutation, useQueryClient } from "@tanstack/react-query";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { reingestFailure } from "./reingest";
import type { DocumentProgressEvent } from "./types";

/**
 * `documents.reingest` for one document, bound to `documentId` when the hook is created so the button
 * can never send another row's id. On success (with the reopened document) — and on `CONFLICT`, which
 * means a run is already under way — `follow` makes the row watch the document's live status until it
 * settles.
 */
export function useReingest(
  documentId: string,
  follow: (reopened?: DocumentProgressEvent) => Promise<void>,
): { start: (onSettled?: () => void) => void; isPending: boolean; failure: ErrorSummary | null } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.documents.reingest.mutationOptions({
      onSuccess: ({ document }) => follow(document),
      onError: (error) => {
        if (describeError(error).code === "CONFLICT") void follow();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() }),
    }),
  );
  return {
    start: (onSettled) => mutation.mutate({ documentId }, { onSettled }),
    isPending: mutation.isPending,
    failure: mutation.isError ? reingestFailure(describeError(mutation.error)) : null,
  };
}
