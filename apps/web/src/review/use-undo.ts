import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProfileView } from "../documents/types";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { type UndoPlan, undoPlan } from "./undo-patch";

/** The last saved correction, in words, and how to take it back. */
export interface SavedChange {
  label: string;
  /** null once undone, or when the save changed nothing that can be put back. */
  plan: UndoPlan | null;
  /** The profile's version that save answered with: the undo applies only while it is still current. */
  version: string;
}

/**
 * Keeps the last saved correction of profile `profileId` undoable. `record` takes the profile before and
 * after a save; `undo` sends the undo plan through `profiles.revert`, which refuses it (CONFLICT, nothing
 * changed) once anyone has saved since — an undo never overwrites someone else's later edit. A plan in
 * two steps (facts added back, then their order) passes the first step's version to the second.
 */
export function useUndo(profileId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.profiles.byId.queryKey({ profileId });
  const [lastSaved, setLastSaved] = useState<SavedChange | null>(null);
  const [undoError, setUndoError] = useState<ErrorSummary | null>(null);
  const revert = useMutation(trpc.profiles.revert.mutationOptions());

  function record(label: string, before: ProfileView | undefined, after: ProfileView): void {
    setUndoError(null);
    setLastSaved({
      label,
      plan: before === undefined ? null : undoPlan(before, after),
      version: after.version,
    });
  }

  async function undo(): Promise<void> {
    const saved = lastSaved;
    if (saved === null || saved.plan === null) return;
    setUndoError(null);
    try {
      const restored = await revert.mutateAsync({
        profileId,
        expectedVersion: saved.version,
        patch: saved.plan.patch,
      });
      queryClient.setQueryData(queryKey, restored);
      const next = saved.plan.then?.(restored) ?? null;
      const final =
        next === null
          ? restored
          : await revert.mutateAsync({ profileId, expectedVersion: restored.version, patch: next });
      queryClient.setQueryData(queryKey, final);
      setLastSaved({ label: "Undone", plan: null, version: final.version });
    } catch (caught) {
      setUndoError(describeError(caught));
      // Whatever happened, show the profile as it is now (someone else's edit, when it was a conflict).
      await queryClient.invalidateQueries({ queryKey });
    }
  }

  return {
    lastSaved,
    record,
    undo,
    undoError,
    isUndoing: revert.isPending,
    dismiss: () => {
      setLastSaved(null);
      setUndoError(null);
    },
  };
}

export type Undo = ReturnType<typeof useUndo>;
