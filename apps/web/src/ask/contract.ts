/**
 * The Ask answer shapes as docs/ask-contracts.md and `@vitae/query` define them, for the UI's pure modules
 * (reducer, cards, citations), which both the signed-in and the public transport feed. The transports in
 * `use-ask-transports.ts` return the API's inferred outputs as these types, so the compiler checks that the
 * router still satisfies them.
 */

import type { AnswerMode, Card, FallbackReason, RefusalCode, Source } from "@vitae/contracts";

export type { AnswerMode, Card, FactKind, FallbackReason, RefusalCode, Source } from "@vitae/contracts";

/** What `chat.ask` / `public.ask` return, and the payload of the stream's `done` event. */
export interface AskResult {
  sessionId: string;
  /** Plain text; each source lists the spans it supports (older transcripts cite as `[factId]`). */
  answer: string;
  mode: AnswerMode;
  fallback?: FallbackReason | null | undefined;
  intent: string;
  cards: Card[];
  sources: Source[];
  refusal?: { code: RefusalCode } | null | undefined;
}

/** `chat.askVoice`: an ask result plus what was heard and, when speech is configured, the spoken answer. */
export interface VoiceAskResult extends AskResult {
  transcript: string;
  speech?: { url: string; expiresAt: string } | null | undefined;
}

export type StreamEvent =
  | { type: "session"; sessionId: string }
  | { type: "token"; text: string }
  | ({ type: "done" } & AskResult);

/** One stored turn from `chat.history`, as the UI needs it. */
export interface HistoryTurn {
  id: string;
  question: string;
  answer: string;
  mode: AnswerMode;
  fallback: FallbackReason | null;
  refusal: { code: RefusalCode } | null;
  cards: Card[];
  sources: Source[];
  input: "text" | "voice";
}

/** A presigned PUT for a recorded question (16-bit PCM WAV, ≤ 60 s). */
export interface VoiceUploadGrant {
  uploadId: string;
  upload: { url: string; method: string; headers: Record<string, string> };
}
