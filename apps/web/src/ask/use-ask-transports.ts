import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC, useTRPCClient } from "../trpc/client";
import type { AskTransport, QuestionInput, StreamHandlers } from "./ask-transport";
import { streamOnce } from "./ask-transport";
import type { AskResult, VoiceAskResult } from "./contract";
import { profileFactHref } from "./fact-anchors";
import { toHistoryTurns } from "./history-turns";

const historyPageLimit = 10;

function withSession(input: QuestionInput): QuestionInput {
  return input.sessionId === undefined ? { question: input.question } : input;
}

/** The signed-in Ask page's transport: `chat.*` for one profile, sources linking to the profile page. */
export function useMemberAskTransport(profileId: string): AskTransport {
  const client = useTRPCClient();
  return useMemo(() => {
    return {
      stream: (input: QuestionInput, handlers: StreamHandlers) =>
        streamOnce(
          (value, callbacks) => client.chat.stream.subscribe(value, callbacks),
          { profileId, ...withSession(input) },
          handlers,
        ),
      ask: async (input: QuestionInput): Promise<AskResult> =>
        client.chat.ask.mutate({ profileId, ...withSession(input) }),
      history: async (sessionId: string) => {
        const turns = [];
        let cursor: string | null = null;
        for (let page = 0; page < historyPageLimit; page += 1) {
          const output = await client.chat.history.query(
            cursor === null ? { sessionId } : { sessionId, cursor },
          );
          turns.push(...toHistoryTurns(output));
          cursor = output.nextCursor;
          if (cursor === null) break;
        }
        return turns;
      },
      reset: async (sessionId: string) => {
        await client.chat.reset.mutate({ sessionId });
      },
      voice: {
        createUpload: (input) => client.chat.createVoiceUpload.mutate(input),
        ask: async ({ uploadId, sessionId }): Promise<VoiceAskResult> =>
          client.chat.askVoice.mutate({
            profileId,
            uploadId,
            ...(sessionId === undefined ? {} : { sessionId }),
          }),
      },
      sourceHref: (factId: string) => profileFactHref(profileId, factId),
      storageKey: `vitae:ask-session:${profileId}`,
    } satisfies AskTransport;
  }, [client, profileId]);
}

/**
 * The public share page's transport: `public.*` with the link's token. No history, reset or voice in the
 * contract for anonymous askers, and sources are not links: the visitor cannot open the profile page.
 */
export function usePublicAskTransport(token: string): AskTransport {
  const client = useTRPCClient();
  return useMemo(
    () =>
      ({
        stream: (input: QuestionInput, handlers: StreamHandlers) =>
          streamOnce(
            (value, callbacks) => client.public.stream.subscribe(value, callbacks),
            { token, ...withSession(input) },
            handlers,
          ),
        ask: async (input: QuestionInput): Promise<AskResult> =>
          client.public.ask.mutate({ token, ...withSession(input) }),
        sourceHref: null,
        storageKey: null,
      }) satisfies AskTransport,
    [client, token],
  );
}

/** The public header of a shared profile (`public.profile`); a bad link is final, so it is not retried. */
export function usePublicProfile(token: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.public.profile.queryOptions({ token }), retry: false });
}
