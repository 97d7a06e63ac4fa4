export { basicAnswer } from "./answer/basic";
export { buildCards, buildSources } from "./answer/cards";
export type { AnswerContext, DraftAnswer } from "./answer/context";
export {
  buildGroundedPrompt,
  createPiiMask,
  groundedAnswerPromptVersion,
  llmAnswer,
  type QueryLlm,
} from "./answer/llm";
export { splitSentences, type VerifiedAnswer, verifyAnswer } from "./answer/verifier";
export { type AskDependencies, type AskInput, type AskResult, ask, type StageName, stageNames } from "./ask";
export { extractDates } from "./dates";
export { extractEntities } from "./entities";
export { contactFactId, profileFacts, profileTechnologies, summaryFactId } from "./facts";
export { type FollowUpInput, type FollowUpKind, type FollowUpResult, resolveFollowUp } from "./follow-ups";
export { checkGuardrails, type GuardrailVerdict, refusalMessage } from "./guardrails";
export { classifyIntent, type IntentResult, type IntentSignals } from "./intent";
export { maxQuestionLength, type NormalizedQuestion, normalizeQuestion } from "./normalize";
export { type RetrievalInput, type RetrievalResult, retrieveFacts, type SearchFacts } from "./retrieval";
export { maxShownFacts, nextSession } from "./session";
export { extractTechnologies, type TechnologyResult } from "./technologies";
export * from "./types";
export { createWorkBudget, defaultWorkLimits, type WorkBudget, type WorkLimits } from "./work-budget";
