import { errorCodeTable } from "@vitae/contracts";
import { AppError } from "@vitae/errors";
import { definePrompt, type LlmClient } from "@vitae/llm";
import { checkProviderBaseUrl } from "@vitae/llm/workspace";
import type { Context } from "../../trpc/context";

/**
 * Refuses a base URL a workspace may not use (`VALIDATION_FAILED` with the reason in words): other schemes,
 * credentials, and — unless `LLM_ALLOW_PRIVATE_BASE_URLS` — hosts resolving to private, loopback or
 * link-local addresses, so an admin cannot point the server's requests into its own network.
 */
export async function assertUsableBaseUrl(ctx: Context, baseUrl: string): Promise<void> {
  const refusal = await checkProviderBaseUrl(baseUrl, {
    allowPrivate: ctx.deps.config.llmAllowPrivateBaseUrls,
  });
  if (refusal !== undefined) {
    throw new AppError("VALIDATION_FAILED", {
      message: refusal,
      details: { fieldErrors: { baseUrl: [refusal] } },
    });
  }
}

// One token, never cached: the cheapest request that proves the URL, the model and the key together.
const pingPrompt = definePrompt<Record<string, never>>({
  id: "llm-settings.test",
  version: 1,
  system: "Reply with the single word: ok",
  render: () => "ping",
  maxTokens: 1,
  temperature: 0,
});

/** How one test call ended, in words for the admin. */
export interface ProviderTestOutcome {
  ok: boolean;
  /** `ok`, or the stable error code of the failure. */
  code: string;
  message: string;
  model: string;
}

/**
 * One cheap chat call through `llm` (so through its retries and circuit breaker). Never throws for a
 * provider failure: the outcome says what happened, using the error code's sentence only — a provider's
 * own error text is not repeated to the client.
 */
export async function testProvider(
  llm: LlmClient,
  options: { workspaceId: string; model: string; signal: AbortSignal | undefined },
): Promise<ProviderTestOutcome> {
  try {
    await llm.chat(
      pingPrompt,
      {},
      {
        workspaceId: options.workspaceId,
        cache: false,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    return {
      ok: true,
      code: "ok",
      message: `The provider answered with model ${options.model}.`,
      model: options.model,
    };
  } catch (error) {
    if (!(error instanceof AppError) || !error.code.startsWith("LLM_")) throw error;
    return { ok: false, code: error.code, message: errorCodeTable[error.code].message, model: options.model };
  }
}
