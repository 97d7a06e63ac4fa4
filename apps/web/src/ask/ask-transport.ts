import type { AskResult, HistoryTurn, StreamEvent, VoiceAskResult, VoiceUploadGrant } from "./contract";

/** Callbacks for one streamed question. */
export interface StreamHandlers {
  onEvent: (event: StreamEvent) => void;
  /** The stream failed: a server error, or the connection dropped (it is not retried: see below). */
  onError: (error: unknown) => void;
  /** The server closed the stream; if no `done` came first, the caller falls back to a plain ask. */
  onComplete: () => void;
}

export interface QuestionInput {
  question: string;
  sessionId?: string;
}

/**
 * What a conversation view needs from the API, so the signed-in page (`chat.*`) and the public share
 * page (`public.*`) share one UI. Optional parts are absent where the contract has no such procedure.
 */
export interface AskTransport {
  /** Starts a streamed answer; returns a function that stops listening. */
  stream: (input: QuestionInput, handlers: StreamHandlers) => () => void;
  ask: (input: QuestionInput) => Promise<AskResult>;
  history?: (sessionId: string) => Promise<HistoryTurn[]>;
  reset?: (sessionId: string) => Promise<void>;
  voice?: {
    /** The server takes 16-bit PCM WAV only (its silence trimming reads raw samples). */
    createUpload: (input: { contentType: "audio/wav"; size: number }) => Promise<VoiceUploadGrant>;
    ask: (input: { uploadId: string; sessionId?: string }) => Promise<VoiceAskResult>;
  };
  /** Where a source leads (the profile page for members); `null` where the asker cannot see it. */
  sourceHref: ((factId: string) => string) | null;
  /** Key under which this conversation's session id is kept in sessionStorage; null keeps it in memory. */
  storageKey: string | null;
}

/**
 * The stream's events in the contract's shape. The `done` event carries the ask result spread into it
 * (docs/ask-contracts.md); a server that nests it as `{ type: "done", result }` is read the same way.
 */
export function normalizeStreamEvent(raw: unknown): StreamEvent | null {
  if (typeof raw !== "object" || raw === null) return null;
  const event = raw as { type?: unknown; result?: unknown };
  if (event.type === "session" || event.type === "token") return raw as StreamEvent;
  if (event.type !== "done") return null;
  if (typeof event.result === "object" && event.result !== null) {
    return { ...(event.result as AskResult), type: "done" };
  }
  return raw as StreamEvent;
}

interface SubscriptionCallbacks<T> {
  onData: (value: T) => void;
  onError: (error: unknown) => void;
  onComplete: () => void;
  onConnectionStateChange: (state: { state: string; error: unknown }) => void;
}

/** The subset of a tRPC vanilla subscription the transports use. */
export type Subscribe<Input, Event> = (
  input: Input,
  callbacks: SubscriptionCallbacks<Event>,
) => { unsubscribe: () => void };

/**
 * Runs one streamed question over a tRPC subscription. `httpSubscriptionLink` reconnects a dropped
 * EventSource on its own, which for a question would ask it again; so the first connection error ends
 * the subscription and is reported, and the caller answers the question with a plain mutation instead.
 */
export function streamOnce<Input, Event>(
  subscribe: Subscribe<Input, Event>,
  input: Input,
  handlers: StreamHandlers,
): () => void {
  let isOver = false;
  const finish = (report: () => void) => {
    if (isOver) return;
    isOver = true;
    subscription?.unsubscribe();
    report();
  };
  let subscription: { unsubscribe: () => void } | undefined;
  subscription = subscribe(input, {
    onData: (raw) => {
      const event = normalizeStreamEvent(raw);
      if (!isOver && event !== null) handlers.onEvent(event);
    },
    onError: (error) => finish(() => handlers.onError(error)),
    onComplete: () => finish(handlers.onComplete),
    onConnectionStateChange: (state) => {
      if (state.state === "connecting" && state.error !== null && state.error !== undefined) {
        const error = state.error;
        finish(() => handlers.onError(error));
      }
    },
  });
  // The subscribe call may already have finished synchronously, before `subscription` was assigned.
  if (isOver) subscription.unsubscribe();
  return () => {
    isOver = true;
    subscription?.unsubscribe();
  };
}
