import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { putWithProgress, UploadError } from "../documents/put-with-progress";
import { describeError, isClientFault } from "../lib/describe-error";
import type { AskTransport } from "./ask-transport";
import { askErrorSentence } from "./ask-wording";
import type { VoiceAskResult } from "./contract";
import { conversationReducer, createConversation, isBusy, type TurnError } from "./conversation-state";
import { readSessionId, writeSessionId } from "./session-store";
import { recordingToWav } from "./wav";

let nextTurn = 0;
const turnKey = () => {
  nextTurn += 1;
  return `turn-${nextTurn}`;
};

export function turnErrorOf(error: unknown): TurnError {
  if (error instanceof UploadError)
    return { message: error.failure.message, code: error.failure.code, requestId: null };
  const summary = describeError(error);
  return { ...summary, message: askErrorSentence(summary.code) ?? summary.message };
}

/**
 * One conversation against `transport`: questions are streamed, and answered with a plain request when
 * the stream fails; voice questions are uploaded and asked; the session id is remembered for the tab and
 * its turns restored from history on return.
 */
export function useConversation(transport: AskTransport) {
  const [state, dispatch] = useReducer(conversationReducer, transport.storageKey, (key) =>
    createConversation(readSessionId(key)),
  );
  const [isRestoring, setIsRestoring] = useState(state.sessionId !== null && transport.history !== undefined);
  const [isVoiceUnavailable, setIsVoiceUnavailable] = useState(false);
  // The session a new question continues: updated as soon as a stream names it, before React re-renders.
  const sessionRef = useRef(state.sessionId);
  sessionRef.current = state.sessionId ?? sessionRef.current;
  const stops = useRef(new Set<() => void>());

  useEffect(
    () => writeSessionId(transport.storageKey, state.sessionId),
    [transport.storageKey, state.sessionId],
  );

  useEffect(() => {
    const active = stops.current;
    return () => {
      for (const stop of active) stop();
    };
  }, []);

  useEffect(() => {
    const sessionId = sessionRef.current;
    const { history } = transport;
    if (sessionId === null || history === undefined) {
      setIsRestoring(false);
      return;
    }
    // The reducer ignores the history once anything new was asked, so a slow answer cannot reorder turns.
    let isCurrent = true;
    history(sessionId)
      .then((turns) => {
        if (isCurrent) dispatch({ type: "history-loaded", sessionId, turns });
      })
      .catch((error: unknown) => {
        // An expired or foreign session is simply gone: start afresh rather than show an error.
        if (isCurrent && describeError(error).code === "NOT_FOUND") {
          sessionRef.current = null;
          dispatch({ type: "reset" });
        }
      })
      .finally(() => {
        if (isCurrent) setIsRestoring(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [transport]);

  const askText = useCallback(
    (question: string) => {
      const key = turnKey();
      dispatch({ type: "asked", key, question, input: "text" });
      let isDone = false;
      const fallBack = async (streamError: unknown) => {
        if (isClientFault(streamError)) {
          dispatch({ type: "failed", key, error: turnErrorOf(streamError) });
          return;
        }
        dispatch({ type: "stream-dropped", key });
        try {
          const sessionId = sessionRef.current ?? undefined;
          const result = await transport.ask(
            sessionId === undefined ? { question } : { question, sessionId },
          );
          sessionRef.current = result.sessionId;
          dispatch({ type: "answered", key, result });
        } catch (error) {
          dispatch({ type: "failed", key, error: turnErrorOf(error) });
        }
      };
      const sessionId = sessionRef.current ?? undefined;
      let stop: (() => void) | null = null;
      const forget = () => {
        if (stop !== null) stops.current.delete(stop);
      };
      stop = transport.stream(sessionId === undefined ? { question } : { question, sessionId }, {
        onEvent: (event) => {
          if (event.type === "session") sessionRef.current = event.sessionId;
          if (event.type === "done") {
            isDone = true;
            sessionRef.current = event.sessionId;
          }
          dispatch({ type: "stream-event", key, event });
        },
        onError: (error) => {
          forget();
          if (!isDone) void fallBack(error);
        },
        onComplete: () => {
          forget();
          if (!isDone) void fallBack(null);
        },
      });
      stops.current.add(stop);
    },
    [transport],
  );

  const askVoice = useCallback(
    async (recording: Blob): Promise<VoiceAskResult | null> => {
      const voice = transport.voice;
      if (voice === undefined) return null;
      const key = turnKey();
      dispatch({ type: "asked", key, question: "Voice question…", input: "voice" });
      try {
        const audio = await recordingToWav(recording).catch(() => {
          throw new Error(
            "The recording could not be prepared for upload. Try again, or type your question.",
          );
        });
        const grant = await voice.createUpload({ contentType: "audio/wav", size: audio.size });
        await putWithProgress(grant.upload, audio);
        const sessionId = sessionRef.current ?? undefined;
        const result = await voice.ask(
          sessionId === undefined ? { uploadId: grant.uploadId } : { uploadId: grant.uploadId, sessionId },
        );
        sessionRef.current = result.sessionId;
        dispatch({ type: "answered", key, result });
        return result;
      } catch (error) {
        if (describeError(error).code === "LLM_NOT_CONFIGURED") setIsVoiceUnavailable(true);
        dispatch({ type: "failed", key, error: turnErrorOf(error) });
        return null;
      }
    },
    [transport],
  );

  const startOver = useCallback(async () => {
    for (const stop of stops.current) stop();
    stops.current.clear();
    const sessionId = sessionRef.current;
    sessionRef.current = null;
    dispatch({ type: "reset" });
    // Forgetting the id locally is enough to start afresh; the server reset also clears its follow-up memory.
    if (sessionId !== null && transport.reset !== undefined) {
      await transport.reset(sessionId).catch(() => undefined);
    }
  }, [transport]);

  return { state, isBusy: isBusy(state), isRestoring, isVoiceUnavailable, askText, askVoice, startOver };
}
