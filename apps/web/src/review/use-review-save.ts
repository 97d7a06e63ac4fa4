import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProfilePatch, ProfileView } from "../documents/types";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { type UndoPlan, undoPlan } from "./undo-patch";

/** The last saved correction, in words, and how to take it back. */
export interface SavedChange {
  label: string;
  plan: UndoPlan | null;
}

/**
 * Saves review corrections and keeps the last one undoable: the profile before and after the save give
 * the undo plan (see `undoPlan`). The server's answer goes straight into the `profiles.byId` cache.
 */
export function useReviewSave(profileId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.profiles.byId.queryKey({ profileId });
  const [lastSaved, setLastSaved] = useState<SavedChange | null>(null);
  const [error, setError] = useState<ErrorSummary | null>(null);
  const mutation = useMutation(trpc.profiles.update.mutationOptions());

  async function send(patch: ProfilePatch): Promise<ProfileView> {
    const stored = await mutation.mutateAsync({ profileId, patch });
    queryClient.setQueryData(queryKey, stored);
    return stored;
  }

  /** Saves `patch`; `label` says what it did ("Swapped title and company"). Resolves to whether it saved. */
  async function save(patch: ProfilePatch, label: string): Promise<boolean> {
    setError(null);
    const before = queryClient.getQueryData<ProfileView>(queryKey);
    try {
      const after = await send(patch);
      setLastSaved({ label, plan: before === undefined ? null : undoPlan(before, after) });
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    }
  }

  async function undo(): Promise<void> {
    const plan = lastSaved?.plan;
    if (plan === null || plan === undefined) return;
    setError(null);
    try {
      const restored = await send(plan.patch);
      const next = plan.then?.(restored) ?? null;
      if (next !== null) await send(next);
      setLastSaved({ label: "Undone", plan: null });
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return {
    save,
    undo,
    lastSaved,
    error,
    isSaving: mutation.isPending,
    dismissError: () => setError(null),
  };
}

export type ReviewSave = ReturnType<typeof useReviewSave>;
