import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";

/** A share link as `shareLinks.list` describes it (docs/ask-contracts.md); the token is never listed. */
export type ShareLink = RouterOutputs["shareLinks"]["list"][number];

/** `shareLinks.create`: the link with its token and public URL, shown once. */
export type CreatedShareLink = RouterOutputs["shareLinks"]["create"];

export interface QuestionCount {
  question: string;
  count: number;
}

/** One UTC day of a link's use: conversations visitors started and questions they asked. */
export interface LinkActivityDay {
  day: string;
  questions: number;
  shareVisits: number;
}

export interface ShareLinkInsights {
  topQuestions: QuestionCount[];
  unanswered: QuestionCount[];
  /** The last 30 days, today last. */
  activity: LinkActivityDay[];
}

export function useShareLinks(profileId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.shareLinks.list.queryOptions({ profileId }));
}

export function useCreateShareLink() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.shareLinks.create.mutationOptions({
      // The answer carries the token: keep it out of the mutation cache once the dialog has it.
      gcTime: 0,
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.shareLinks.list.pathKey() }),
    }),
  );
}

/** `shareLinks.update`: turn contact details on or off, or move the expiry. */
export function useUpdateShareLink() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.shareLinks.update.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.shareLinks.list.pathKey() }),
    }),
  );
}

export function useRevokeShareLink() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.shareLinks.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.shareLinks.list.pathKey() }),
    }),
  );
}

/**
 * Unanswered turns are listed one by one; the same question asked twice is shown once with its count,
 * like the top questions.
 */
export function countQuestions(questions: ReadonlyArray<{ question: string }>): QuestionCount[] {
  const counts = new Map<string, QuestionCount>();
  for (const { question } of questions) {
    const key = question.trim().toLowerCase().replace(/\s+/g, " ");
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { question: question.trim(), count: 1 });
    else entry.count += 1;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

export function useShareLinkInsights(shareLinkId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.shareLinks.insights.queryOptions({ shareLinkId }),
    select: (output): ShareLinkInsights => ({
      topQuestions: output.topQuestions.map(({ question, count }) => ({ question, count })),
      unanswered: countQuestions(output.unanswered),
      activity: output.activity,
    }),
  });
}
