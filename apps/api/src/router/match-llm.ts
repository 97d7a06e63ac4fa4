import type { MatchLlmFallback, MatchMode } from "@vitae/contracts";
import type { LlmClient } from "@vitae/llm";
import type { Context } from "../trpc/context";
import type { WorkspaceAccess } from "../trpc/procedures";
import { applyRateLimit } from "../trpc/rate-limit";

/** How a Match step (posting extraction, tailoring) will run, decided before it starts. */
export type MatchLlmAdmission =
  | { mode: "llm"; fallback: null; llm: LlmClient }
  | { mode: Extract<MatchMode, "deterministic">; fallback: MatchLlmFallback | null };

/**
 * Whether a Match step may use the LLM, and which client: the workspace's (its own provider, else the
 * deployment's) is configured, the workspace's `llm` rate-limit tier
 * admits one more call and its month's token quota is not used up. A refusal is not an error for the
 * user — the step runs in deterministic mode, labelled `llm-limit`. Without a provider the step is
 * simply deterministic (no fallback: nothing was refused).
 */
export async function admitMatchLlm(
  ctx: Context & { workspace: WorkspaceAccess },
): Promise<MatchLlmAdmission> {
  const { id, plan } = ctx.workspace;
  let llm: LlmClient;
  try {
    llm = await ctx.deps.workspaceLlm.forWorkspace(id);
  } catch (error) {
    // The workspace's own provider is unusable: deterministic, never the deployment's provider instead.
    ctx.deps.logger.warn({ err: error }, "workspace LLM unusable for this Match step");
    return { mode: "deterministic", fallback: "llm-error" };
  }
  if (!llm.available) return { mode: "deterministic", fallback: null };
  try {
    await applyRateLimit(ctx, { tier: "llm", plan, identifier: `ws:${id}` });
    const usage = await ctx.deps.quota.current(id, plan);
    if (usage.llmTokens.used < usage.llmTokens.limit) return { mode: "llm", fallback: null, llm };
  } catch (error) {
    ctx.deps.logger.info({ err: error }, "LLM not used for this Match step");
  }
  return { mode: "deterministic", fallback: "llm-limit" };
}
