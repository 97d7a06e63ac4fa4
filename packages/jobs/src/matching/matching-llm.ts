import { definePrompt, type LlmClient } from "@vitae/llm";
import { type MatchingLlm, promptOutputs, prompts } from "@vitae/matching";

// The input is the matching package's own JSON (a posting, or a profile with requirements): it is sent
// as is, so the cache key (prompt id@version + hash of the rendered messages) is the input's hash.
const renderJson = (input: unknown) => JSON.stringify(input);

const llmPrompts = {
  [prompts.extract.promptId]: {
    schema: promptOutputs.extract,
    prompt: definePrompt<unknown>({
      id: prompts.extract.promptId,
      version: prompts.extract.promptVersion,
      system: prompts.extract.system,
      temperature: 0,
      // ~300 requirements at most; a cap bounds what one posting can spend of the token quota.
      maxTokens: 4000,
      render: renderJson,
    }),
  },
  [prompts.rephrase.promptId]: {
    schema: promptOutputs.rephrase,
    prompt: definePrompt<unknown>({
      id: prompts.rephrase.promptId,
      version: prompts.rephrase.promptVersion,
      system: prompts.rephrase.system,
      temperature: 0.2,
      maxTokens: 3000,
      render: renderJson,
    }),
  },
} as const;

/** What the LLM calls of one Match step cost and whether any failed (for the label and the quota). */
export interface MatchingLlmRecord {
  tokens: number;
  calls: number;
  cached: number;
  /** Set when a call failed (after the client's retries and repair): the step fell back. */
  failed: unknown;
}

/**
 * Adapts the LLM client to `@vitae/matching`'s `MatchingLlm`: structured output validated by the prompt's
 * schema, cached by the client under `promptId@promptVersion` + input hash, charged to `workspaceId`.
 * The record says what the calls spent, so the caller can add it to the month's token quota, and whether
 * one failed — matching swallows LLM failures into its deterministic fallback, the record keeps them.
 */
export function matchingLlmFor(
  client: LlmClient,
  options: { workspaceId: string; signal?: AbortSignal | undefined },
): { llm: MatchingLlm; record: MatchingLlmRecord } {
  const record: MatchingLlmRecord = { tokens: 0, calls: 0, cached: 0, failed: undefined };
  const llm: MatchingLlm = async ({ promptId, promptVersion, input }) => {
    const known = Object.hasOwn(llmPrompts, promptId)
      ? llmPrompts[promptId as keyof typeof llmPrompts]
      : undefined;
    if (known === undefined || known.prompt.version !== promptVersion) {
      throw new TypeError(`unknown matching prompt ${promptId}@${promptVersion}`);
    }
    record.calls += 1;
    try {
      const result = await client.structured<unknown, unknown>(known.schema, known.prompt, input, {
        workspaceId: options.workspaceId,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      record.tokens += (result.usage.tokensIn ?? 0) + (result.usage.tokensOut ?? 0);
      if (result.cached) record.cached += 1;
      return result.value;
    } catch (error) {
      record.failed = error;
      throw error;
    }
  };
  return { llm, record };
}
