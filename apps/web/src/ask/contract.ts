/**
 * The Ask answer shapes as docs/ask-contracts.md and `@vitae/query` define them, for the UI's pure modules
 * (reducer, cards, citations), which both the signed-in and the public transport feed. The transports in
 * `use-ask-transports.ts` return the API's inferred outputs as these types, so the compiler checks that the
 * router still satisfies them.
 */

export type FactKind = "experience" | "education" | "project" | "skill" | "summary" | "contact";
export type RefusalCode = "EMPTY_QUESTION" | "PROMPT_INJECTION" | "PRIVATE_DATA" | "OFF_TOPIC";
export type AnswerMode = "llm" | "basic";
export type FallbackReason = "llm-error" | "llm-unverified";

/** Typed cards the UI renders next to the answer; each points at the fact it came from. */
export type Card =
  | {
      type: "experience";
      factId: string;
      company: string;
      title: string;
      start: string | null;
      end: string | null;
      technologies: string[];
    }
  | {
      type: "project";
      factId: string;
      name: string;
      description: string | null;
      url: string | null;
      technologies: string[];
    }
  | {
      type: "education";
      factId: string;
      school: string;
      degree: string | null;
      field: string | null;
      start: string | null;
      end: string | null;
    }
  | { type: "skill-group"; category: string; skills: string[]; factIds: string[] };

/** A cited fact, for the "sources" list that highlights facts on the profile. */
export interface Source {
  factId: string;
  kind: FactKind;
  label: string;
}

/** What `chat.ask` / `public.ask` return, and the payload of the stream's `done` event. */
export interface AskResult {
  sessionId: string;
  /** Cites facts as `[factId]`. */
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
