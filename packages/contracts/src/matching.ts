/**
 * Match with an LLM: why a step that could use the LLM (requirement extraction, tailoring rephrasings)
 * ran in deterministic mode instead. Stored on tailorings and postings, shown by the web app.
 * - `llm-error`: the LLM failed, timed out or answered something unreadable;
 * - `llm-limit`: the workspace's `llm` rate-limit tier or its monthly token quota refused the call.
 */
export const matchLlmFallbacks = ["llm-error", "llm-limit"] as const;
export type MatchLlmFallback = (typeof matchLlmFallbacks)[number];

/** Who produced a Match result: the deterministic rules alone, or the LLM grounded by them. */
export const matchModes = ["deterministic", "llm"] as const;
export type MatchMode = (typeof matchModes)[number];
