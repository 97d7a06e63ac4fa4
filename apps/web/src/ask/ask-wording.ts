import type { AnswerMode, FallbackReason, RefusalCode } from "./contract";

/**
 * Plain words for why a question was not answered. The server's own reason is for its logs; the asker
 * gets a sentence that says what to ask instead.
 */
export const refusalSentences: Record<RefusalCode, string> = {
  EMPTY_QUESTION: "Type a question about this résumé first.",
  PROMPT_INJECTION:
    "I can only answer questions about this résumé, so I won't follow instructions to change how I work or reveal how I'm set up.",
  PRIVATE_DATA:
    "That asks for private or sensitive details, or about someone other than this person, so I won't answer it.",
  OFF_TOPIC: "That isn't about this résumé. Ask about experience, skills, education or projects.",
};

const unknownRefusal = "I can't answer that question. Ask about experience, skills, education or projects.";

export function refusalSentence(code: string): string {
  return (refusalSentences as Record<string, string | undefined>)[code] ?? unknownRefusal;
}

export const modeLabels: Record<AnswerMode, { label: string; description: string }> = {
  llm: { label: "AI", description: "Written by an AI model and checked against the résumé." },
  basic: {
    label: "Basic",
    description: "Built directly from the résumé's facts, without an AI model.",
  },
};

export const fallbackSentences: Record<FallbackReason, string> = {
  "llm-error": "The AI model did not answer in time, so this is the basic answer built from the résumé.",
  "llm-unverified":
    "The AI answer could not be checked against the résumé, so this is the basic answer built from it instead.",
};

export function fallbackSentence(reason: string): string {
  return (
    (fallbackSentences as Record<string, string | undefined>)[reason] ??
    "The AI answer was not used, so this is the basic answer built from the résumé."
  );
}

/** Error codes the Ask pages explain in their own words. */
export function askErrorSentence(code: string | null): string | null {
  switch (code) {
    case "LLM_NOT_CONFIGURED":
      return "Voice questions need speech recognition, which is not set up on this server. Type your question instead.";
    case "RATE_LIMITED":
      return "Too many questions in a short time. Wait a moment, then ask again.";
    case "NOT_FOUND":
      return "This résumé or conversation is no longer available.";
    default:
      return null;
  }
}
