import type { NormalizedQuestion } from "../normalize";
import type { RefusalCode } from "../types";
import { detectInjection } from "./injection";
import { detectOffTopic } from "./off-topic";
import { detectPrivateDataRequest } from "./private-data";

export type GuardrailVerdict =
  | { allowed: true }
  | {
      allowed: false;
      code: RefusalCode;
      /** Why, for logs and analytics; never shown to the asker (it would teach evasion). */
      reason: string;
    };

/**
 * Decides whether a question may reach retrieval and the LLM. Order matters: injection is checked first
 * because an injected payload often also looks off-topic, and the code tells operators which attack it was.
 * Greetings, small talk and questions about the person's work pass: nothing here needs a profile anchor.
 */
export function checkGuardrails(question: NormalizedQuestion): GuardrailVerdict {
  if (question.tokens.length === 0) return { allowed: false, code: "EMPTY_QUESTION", reason: "no words" };
  const injection = detectInjection(question.text);
  if (injection) {
    return { allowed: false, code: "PROMPT_INJECTION", reason: `${injection.via}: ${injection.pattern}` };
  }
  const privateData = detectPrivateDataRequest(question.folded);
  if (privateData) return { allowed: false, code: "PRIVATE_DATA", reason: privateData.reason };
  const offTopic = detectOffTopic(question.folded);
  if (offTopic) return { allowed: false, code: "OFF_TOPIC", reason: offTopic.reason };
  return { allowed: true };
}

const refusalMessages: Record<RefusalCode, string> = {
  EMPTY_QUESTION: "Could you type a question? For example: “What does she work on today?”",
  PROMPT_INJECTION:
    "I can only answer questions about this résumé, and I can't change how I work. Feel free to ask about experience, skills, education or projects.",
  PRIVATE_DATA:
    "Sorry, I can't help with that: it asks for private information that isn't part of this résumé. I'm happy to talk about experience, skills, education or projects.",
  OFF_TOPIC:
    "That's outside what I can help with here: I answer questions about this résumé. Try asking about experience, skills, education or projects.",
};

/** The polite message shown for a refusal code. */
export function refusalMessage(code: RefusalCode): string {
  return refusalMessages[code];
}
