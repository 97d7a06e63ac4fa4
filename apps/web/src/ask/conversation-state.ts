import type { AskResult, HistoryTurn, StreamEvent, VoiceAskResult } from "./contract";

/** A failure as a turn shows it: plain words plus what support needs. */
export interface TurnError {
  message: string;
  code: string | null;
  requestId: string | null;
}

export type TurnStatus = "pending" | "streaming" | "done" | "failed";

/** One question and its answer, as the conversation view renders it. */
export interface Turn {
  key: string;
  question: string;
  input: "text" | "voice";
  status: TurnStatus;
  /** Text received so far over the stream; replaced by the final answer once it is done. */
  streamedText: string;
  result: AskResult | null;
  /** The spoken answer of a voice question, when the server produced one. */
  speechUrl: string | null;
  error: TurnError | null;
}

export interface ConversationState {
  sessionId: string | null;
  turns: Turn[];
}

export type ConversationAction =
  | { type: "asked"; key: string; question: string; input: "text" | "voice" }
  | { type: "stream-event"; key: string; event: StreamEvent }
  /** The stream failed before `done`: what it showed is dropped, the fallback answer replaces it. */
  | { type: "stream-dropped"; key: string }
  | { type: "answered"; key: string; result: AskResult | VoiceAskResult }
  | { type: "failed"; key: string; error: TurnError }
  | { type: "history-loaded"; sessionId: string; turns: HistoryTurn[] }
  /** A new conversation: the old session is forgotten (reset on the server, or expired there). */
  | { type: "reset" };

export const initialConversation: ConversationState = { sessionId: null, turns: [] };

export function createConversation(sessionId: string | null): ConversationState {
  return { sessionId, turns: [] };
}

function isVoiceResult(result: AskResult | VoiceAskResult): result is VoiceAskResult {
  return typeof (result as Partial<VoiceAskResult>).transcript === "string";
}

function updateTurn(state: ConversationState, key: string, change: (turn: Turn) => Turn): ConversationState {
  let isFound = false;
  const turns = state.turns.map((turn) => {
    if (turn.key !== key) return turn;
    isFound = true;
    return change(turn);
  });
  return isFound ? { ...state, turns } : state;
}

// A finished turn never changes again: a late token or a second answer (stream and fallback racing)
// must not overwrite what the reader already has.
const isSettled = (turn: Turn) => turn.status === "done" || turn.status === "failed";

function answer(turn: Turn, result: AskResult | VoiceAskResult): Turn {
  if (isSettled(turn)) return turn;
  const voice = isVoiceResult(result) ? result : null;
  return {
    ...turn,
    status: "done",
    question: voice !== null && voice.transcript.trim() !== "" ? voice.transcript : turn.question,
    streamedText: "",
    result,
    speechUrl: voice?.speech?.url ?? null,
    error: null,
  };
}

function historyTurn(turn: HistoryTurn): Turn {
  return {
    key: `history-${turn.id}`,
    question: turn.question,
    input: turn.input,
    status: "done",
    streamedText: "",
    result: {
      sessionId: "",
      answer: turn.answer,
      mode: turn.mode,
      fallback: turn.fallback,
      intent: "",
      cards: turn.cards,
      sources: turn.sources,
      refusal: turn.refusal,
    },
    speechUrl: null,
    error: null,
  };
}

/** The conversation reducer: pure, so the stream → fallback → answer sequence is unit-tested. */
export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case "asked":
      return {
        ...state,
        turns: [
          ...state.turns,
          {
            key: action.key,
            question: action.question,
            input: action.input,
            status: "pending",
            streamedText: "",
            result: null,
            speechUrl: null,
            error: null,
          },
        ],
      };
    case "stream-event": {
      const { event } = action;
      if (event.type === "session") return { ...state, sessionId: event.sessionId };
      if (event.type === "token") {
        return updateTurn(state, action.key, (turn) =>
          isSettled(turn)
            ? turn
            : { ...turn, status: "streaming", streamedText: turn.streamedText + event.text },
        );
      }
      const { type: _type, ...result } = event;
      return {
        ...updateTurn(state, action.key, (turn) => answer(turn, result)),
        sessionId: result.sessionId,
      };
    }
    case "stream-dropped":
      return updateTurn(state, action.key, (turn) =>
        isSettled(turn) ? turn : { ...turn, status: "pending", streamedText: "" },
      );
    case "answered":
      return {
        ...updateTurn(state, action.key, (turn) => answer(turn, action.result)),
        sessionId: action.result.sessionId || state.sessionId,
      };
    case "failed":
      return updateTurn(state, action.key, (turn) =>
        isSettled(turn) ? turn : { ...turn, status: "failed", streamedText: "", error: action.error },
      );
    case "history-loaded": {
      // Only for the session we still hold, and only before anything new was asked in it.
      if (state.sessionId !== action.sessionId || state.turns.length > 0) return state;
      return { ...state, turns: action.turns.map(historyTurn) };
    }
    case "reset":
      return initialConversation;
  }
}

/** What the turn shows as its answer text right now. */
export function visibleAnswer(turn: Turn): string {
  return turn.result?.answer ?? turn.streamedText;
}

/** Whether a question is in flight, so the form waits for it (the server keeps one order of turns). */
export function isBusy(state: ConversationState): boolean {
  return state.turns.some((turn) => turn.status === "pending" || turn.status === "streaming");
}
