import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProfileView } from "../documents/types";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { useUndo } from "../review/use-undo";
import { useTRPC } from "../trpc/client";
import { applyProfilePatch, type ProfilePatchInput, savedLabel } from "./profile-patch";

/**
 * Saves owner corrections optimistically: the cached profile shows the edit at once; if the server
 * refuses, the previous profile is put back and the error is kept for the page to show. The last saved
 * correction can be undone (`undo`, see `useUndo`).
 */
export function useProfileUpdate(profileId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.profiles.byId.queryKey({ profileId });
  const [lastError, setLastError] = useState<ErrorSummary | null>(null);
  const undo = useUndo(profileId);

  const mutation = useMutation(
    trpc.profiles.update.mutationOptions({
      onMutate: async ({ patch }) => {
        setLastError(null);
        // An in-flight refetch landing after our write would overwrite the optimistic value with old data.
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData<ProfileView>(queryKey);
        if (previous !== undefined) {
          queryClient.setQueryData<ProfileView>(queryKey, applyProfilePatch(previous, patch));
        }
        return { previous };
      },
      onError: (error, _variables, context) => {
        if (context?.previous !== undefined) queryClient.setQueryData(queryKey, context.previous);
        setLastError(describeError(error));
      },
      // The server answers with the stored profile (trimmed, normalised): show exactly that.
      onSuccess: (stored, { patch }, context) => {
        queryClient.setQueryData(queryKey, stored);
        undo.record(savedLabel(patch), context?.previous, stored);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey }),
    }),
  );

  return {
    save: (patch: ProfilePatchInput) => mutation.mutate({ profileId, patch }),
    isSaving: mutation.isPending,
    lastError,
    clearError: () => setLastError(null),
    undo,
  };
}
