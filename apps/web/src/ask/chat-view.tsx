import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "../trpc/client";
import { AnswerTurn } from "./answer-turn";
import type { AskTransport } from "./ask-transport";
import { MicButton } from "./mic-button";
import { useConversation } from "./use-conversation";
import { isRecordingSupported } from "./use-recorder";
import "./ask.css";

const maxQuestionLength = 1000;

interface ChatViewProps {
  transport: AskTransport;
  /** Whose résumé this is, for the prompt ("Ask about Marcus Lee"). */
  subject: string;
  suggestions?: readonly string[];
  /** Names for cited facts whose stored source carries none (restored history). */
  factLabels?: ReadonlyMap<string, string> | undefined;
  /** What the page shows above the conversation (its heading), painted in the same frame as the turns. */
  heading?: ReactNode;
  /** The heading still waits for its data: the page shows one loading line until both are in. */
  isHeadingPending?: boolean;
}

/**
 * The conversation: turns as a live log (streamed answers are announced once complete), a question box,
 * voice input where the transport supports it, and "new conversation".
 *
 * A restored conversation, the page's heading and the microphone (or not) appear together in one
 * paint, after a single loading line tall enough to keep the footer out of view: nothing already on
 * screen moves when they arrive (no layout shift while the history loads).
 */
export function ChatView({
  transport,
  subject,
  suggestions = [],
  factLabels,
  heading,
  isHeadingPending = false,
}: ChatViewProps) {
  const conversation = useConversation(transport);
  const { state, isBusy } = conversation;
  const [question, setQuestion] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const trpc = useTRPC();
  // Speech recognition runs on the server's AI provider: without one (basic mode) the microphone is not
  // offered at all, rather than failing after someone has spoken. The server stays the authority: a
  // provider without a transcription model still refuses, and the conversation then hides it.
  const server = useQuery({ ...trpc.system.status.queryOptions(), enabled: transport.voice !== undefined });
  const serverHasNoSpeech = server.data?.llm.available === false;
  const isVoiceUnavailable = conversation.isVoiceUnavailable || serverHasNoSpeech;
  const canUseVoice =
    transport.voice !== undefined &&
    server.data !== undefined &&
    !isVoiceUnavailable &&
    isRecordingSupported();

  const lastTurn = state.turns.at(-1);
  // Keep the newest answer in view as it grows. The scroll waits for the frame after the one that painted
  // the change: Chrome measures a layout shift across a frame net of that frame's scroll, so scrolling in
  // the same frame that a restored conversation grows the page counts the footer (pushed far below the
  // fold) as having moved on screen.
  useEffect(() => {
    if (lastTurn === undefined) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => endRef.current?.scrollIntoView?.({ block: "nearest" }));
    });
    return () => cancelAnimationFrame(frame);
  }, [lastTurn]);

  const send = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === "") {
      setHint("Type a question first.");
      inputRef.current?.focus();
      return;
    }
    setHint(null);
    conversation.askText(trimmed);
    setQuestion("");
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!isBusy) send(question);
  };

  // Whether to offer the microphone decides what sits below the form, so it is known before the first paint.
  const isVoicePending = transport.voice !== undefined && server.isPending;
  if (conversation.isRestoring || isHeadingPending || isVoicePending) {
    return (
      <p className="muted chat-loading" role="status" data-testid="chat-loading">
        {conversation.isRestoring ? "Restoring your conversation…" : "Loading…"}
      </p>
    );
  }

  return (
    <>
      {heading}
      <section className="chat" aria-label={`Conversation about ${subject}`} data-testid="chat">
        <div className="chat-toolbar">
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              void conversation.startOver();
              inputRef.current?.focus();
            }}
            disabled={state.turns.length === 0 && state.sessionId === null}
            data-testid="new-conversation"
          >
            New conversation
          </button>
        </div>
        {state.turns.length === 0 ? (
          <div className="chat-empty">
            <p>Ask anything about {subject}'s experience, skills, education or projects.</p>
            {suggestions.length > 0 ? (
              <ul className="chat-suggestions" aria-label="Example questions">
                {suggestions.map((suggestion) => (
                  <li key={suggestion}>
                    <button type="button" className="button button-small" onClick={() => send(suggestion)}>
                      {suggestion}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {/* The live region wraps the list rather than being it: `role="log"` on the <ol> would take away its
          list role and leave every turn's <li> outside any list (axe: listitem, serious). */}
        <div
          className="chat-log-region"
          role="log"
          aria-live="polite"
          aria-busy={isBusy}
          aria-label="Questions and answers"
          data-testid="chat-log"
        >
          {state.turns.length > 0 ? (
            <ol className="chat-log">
              {state.turns.map((turn) => (
                <AnswerTurn
                  key={turn.key}
                  turn={turn}
                  sourceHref={transport.sourceHref}
                  factLabels={factLabels}
                />
              ))}
            </ol>
          ) : null}
        </div>
        <div ref={endRef} />
        <form className="chat-form" onSubmit={onSubmit} noValidate>
          <label htmlFor={inputId} className="chat-label">
            Your question
          </label>
          <div className="chat-input-row">
            <input
              ref={inputRef}
              id={inputId}
              className="chat-input"
              value={question}
              maxLength={maxQuestionLength}
              autoComplete="off"
              placeholder="e.g. Where does this person work now?"
              aria-describedby={hint === null ? undefined : hintId}
              onChange={(event) => setQuestion(event.target.value)}
              data-testid="question-input"
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={isBusy}
              data-testid="ask-button"
            >
              {isBusy ? "Answering…" : "Ask"}
            </button>
          </div>
          {hint !== null ? (
            <p id={hintId} className="field-error">
              {hint}
            </p>
          ) : null}
        </form>
        {canUseVoice ? (
          <MicButton isDisabled={isBusy} onRecorded={(recording) => void conversation.askVoice(recording)} />
        ) : null}
        {transport.voice !== undefined && isVoiceUnavailable ? (
          <p className="muted" data-testid="voice-unavailable">
            Voice questions are not available on this server: speech recognition is not set up. Type your
            question instead.
          </p>
        ) : null}
      </section>
    </>
  );
}
