import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProfilePatch, ProfileView } from "../documents/types";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { useUndo } from "./use-undo";

/**
 * Saves review corrections and keeps the last one undoable (`useUndo`): the profile before and after the
 * save give the undo plan. The server's answer goes straight into the `profiles.byId` cache.
 */
export function useReviewSave(profileId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.profiles.byId.queryKey({ profileId });
  const undo = useUndo(profileId);
  const [error, setError] = useState<ErrorSummary | null>(null);
  const mutation = useMutation(trpc.profiles.update.mutationOptions());

  /** Saves `patch`; `label` says what it did ("Swapped title and company"). Resolves to whether it saved. */
  async function save(patch: ProfilePatch, label: string): Promise<boolean> {
    setError(null);
    const before = queryClient.getQueryData<ProfileView>(queryKey);
    try {
      const after = await mutation.mutateAsync({ profileId, patch });
      queryClient.setQueryData(queryKey, after);
      undo.record(label, before, after);
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    }
  }

  return {
    save,
    undo,
    error,
    isSaving: mutation.isPending,
    dismissError: () => setError(null),
  };
}

export type ReviewSave = ReturnType<typeof useReviewSave>;
