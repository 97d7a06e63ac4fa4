import {
  deleteWorkspaceLlmSettings,
  getWorkspaceLlmSettings,
  saveWorkspaceLlmSettings,
  type WorkspaceLlmSettingsSummary,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { applyRateLimit } from "../../trpc/rate-limit";
import { auditedWrite } from "../audit-trail";
import { assertUsableBaseUrl, testProvider } from "./provider-check";

/**
 * What an admin sees of the workspace's provider: never the key, only whether one is set and since when.
 * `provider` is null while the workspace uses the deployment's provider.
 */
const settingsOutput = z.object({
  provider: z
    .object({
      baseUrl: z.string(),
      model: z.string(),
      apiKeySetAt: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** False in production without `LLM_KEY_ENCRYPTION_KEY`: a key cannot be stored. */
  canStoreKeys: z.boolean(),
});

function present(ctx: { deps: { keyEnvelope: unknown } }, row: WorkspaceLlmSettingsSummary | undefined) {
  return {
    provider:
      row === undefined
        ? null
        : {
            baseUrl: row.baseUrl,
            model: row.model,
            apiKeySetAt: row.apiKeySetAt?.toISOString() ?? null,
            updatedAt: row.updatedAt.toISOString(),
          },
    canStoreKeys: ctx.deps.keyEnvelope !== undefined,
  };
}

// Managing where a workspace's data goes (and with which credential) is for signed-in admins only: an API
// key able to do it could redirect every later LLM call to a provider of its holder's choosing.
const adminOnly = { role: "admin", scope: "workspace:write", sessionOnly: true } as const;

const get = workspaceProcedure(adminOnly)
  .output(settingsOutput)
  .query(async ({ ctx }) =>
    present(ctx, await getWorkspaceLlmSettings(ctx.deps.db, { workspaceId: ctx.workspace.id })),
  );

const set = workspaceProcedure(adminOnly)
  .input(
    z.strictObject({
      baseUrl: z
        .string()
        .trim()
        .min(1)
        .max(500)
        .transform((url) => url.replace(/\/+$/, "")),
      model: z.string().trim().min(1).max(200),
      /** `{ value }` replaces the key, `"remove"` drops it, `"keep"` (default) leaves it as it is. */
      apiKey: z
        .union([z.strictObject({ value: z.string().trim().min(1).max(1000) }), z.enum(["keep", "remove"])])
        .default("keep"),
    }),
  )
  .output(settingsOutput)
  .mutation(async ({ ctx, input }) => {
    await assertUsableBaseUrl(ctx, input.baseUrl);
    const workspaceId = ctx.workspace.id;
    let apiKey: { sealed: string } | null | undefined;
    if (typeof input.apiKey === "object") {
      const envelope = ctx.deps.keyEnvelope;
      if (envelope === undefined) {
        throw new AppError("SERVICE_UNAVAILABLE", {
          message: "This server cannot store provider keys: its operator has not set LLM_KEY_ENCRYPTION_KEY.",
        });
      }
      apiKey = { sealed: envelope.seal(input.apiKey.value, { workspaceId }) };
    } else {
      apiKey = input.apiKey === "remove" ? null : undefined;
    }
    const saved = await auditedWrite(
      ctx,
      (tx) =>
        saveWorkspaceLlmSettings(tx, { workspaceId, baseUrl: input.baseUrl, model: input.model, apiKey }),
      () => ({
        workspaceId,
        action: "llm-settings.set",
        targetType: "workspace",
        targetId: workspaceId,
        // What changed, never the key itself.
        metadata: {
          baseUrl: input.baseUrl,
          model: input.model,
          apiKey: apiKey === undefined ? "kept" : apiKey === null ? "removed" : "replaced",
        },
      }),
    );
    return present(ctx, saved);
  });

const clear = workspaceProcedure(adminOnly)
  .output(settingsOutput)
  .mutation(async ({ ctx }) => {
    const workspaceId = ctx.workspace.id;
    await auditedWrite(
      ctx,
      (tx) => deleteWorkspaceLlmSettings(tx, { workspaceId }),
      (removed) => ({
        workspaceId,
        action: "llm-settings.clear",
        targetType: "workspace",
        targetId: workspaceId,
        metadata: { removed },
      }),
    );
    return present(ctx, undefined);
  });

const test = workspaceProcedure(adminOnly)
  .output(
    z.object({
      ok: z.boolean(),
      code: z.string(),
      message: z.string(),
      model: z.string(),
      provider: z.enum(["workspace", "deployment"]),
    }),
  )
  .mutation(async ({ ctx }) => {
    const { id: workspaceId, plan } = ctx.workspace;
    await applyRateLimit(ctx, { tier: "llm", plan, identifier: `ws:${workspaceId}` });
    const own = await getWorkspaceLlmSettings(ctx.deps.db, { workspaceId });
    const model = own?.model ?? ctx.deps.config.llmModel ?? "none";
    const provider = own === undefined ? "deployment" : "workspace";
    let llm: Awaited<ReturnType<typeof ctx.deps.workspaceLlm.forWorkspace>>;
    try {
      llm = await ctx.deps.workspaceLlm.forWorkspace(workspaceId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { ok: false, code: error.code, message: error.message, model, provider };
    }
    const outcome = await testProvider(llm, { workspaceId, model, signal: ctx.getSignal() });
    return { ...outcome, provider };
  });

/** `llmSettings.*`: a workspace's own OpenAI-compatible provider ("bring your own key"); admins only. */
export const llmSettingsRouter = router({ get, set, clear, test });
