import { createVoiceUploadRecord } from "@vitae/db";
import { z } from "zod";
import { runAsk } from "../../chat/run-ask";
import {
  assertCanTranscribe,
  newVoiceUploadId,
  speakAnswer,
  transcribeQuestion,
  voiceLimits,
  voiceQuestionKey,
  voiceUploadIdPattern,
} from "../../chat/voice";
import { workspaceProcedure } from "../../trpc/procedures";
import { applyRateLimit } from "../../trpc/rate-limit";
import { ownerOf } from "./owner";

const askProcedure = workspaceProcedure({ role: "viewer", scope: "chat:ask" });

/**
 * A presigned upload for one recorded question (16-bit PCM WAV, at most 60 s). Like documents, on the
 * `upload` rate-limit tier and counted in stored bytes from the grant until the question is asked or
 * the stale-upload sweep removes it; refused (`LLM_NOT_CONFIGURED`) without a transcription provider.
 */
export const createVoiceUpload = workspaceProcedure({
  role: "viewer",
  scope: "chat:ask",
  rateLimitTier: "upload",
})
  .input(
    z.strictObject({
      contentType: z.literal("audio/wav"),
      size: z.number().int().min(44).max(voiceLimits.maxBytes),
    }),
  )
  .output(
    z.object({
      uploadId: z.string(),
      upload: z.object({
        url: z.string(),
        method: z.literal("PUT"),
        headers: z.record(z.string(), z.string()),
      }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    assertCanTranscribe(ctx.deps.llm);
    const uploadId = newVoiceUploadId();
    const storageKey = voiceQuestionKey(ctx.workspace.id, uploadId);
    await createVoiceUploadRecord(ctx.deps.db, {
      id: uploadId,
      workspaceId: ctx.workspace.id,
      storageKey,
      size: input.size,
      storedBytesLimit: ctx.deps.config.quotas[ctx.workspace.plan].storedBytes,
    });
    const grant = await ctx.deps.storage.createUploadUrl(storageKey, {
      contentType: input.contentType,
      size: input.size,
      maxSize: voiceLimits.maxBytes,
      expiresInSeconds: 120,
    });
    return { uploadId, upload: { url: grant.url, method: grant.method, headers: grant.headers } };
  });

/**
 * Asks by voice: silence is trimmed (energy VAD) before transcription, the transcript goes through the
 * same pipeline as typed questions, and the answer is spoken back when a speech model is configured.
 * Without a transcription provider the error says so plainly (LLM_NOT_CONFIGURED).
 */
export const askVoice = askProcedure
  .input(
    z.strictObject({
      profileId: z.uuid(),
      uploadId: z.string().regex(voiceUploadIdPattern),
      sessionId: z.uuid().optional(),
      speak: z.boolean().optional(),
    }),
  )
  .mutation(async ({ ctx, input, signal }) => {
    const admitLlmCall = () =>
      applyRateLimit(ctx, { tier: "llm", plan: ctx.workspace.plan, identifier: `ws:${ctx.workspace.id}` });
    await admitLlmCall();
    const { transcript } = await transcribeQuestion({
      db: ctx.deps.db,
      llm: ctx.deps.llm,
      storage: ctx.deps.storage,
      workspaceId: ctx.workspace.id,
      uploadId: input.uploadId,
      signal,
    });
    const result = await runAsk(ctx.deps, {
      workspaceId: ctx.workspace.id,
      plan: ctx.workspace.plan,
      owner: ownerOf(ctx.principal),
      profileId: input.profileId,
      question: transcript,
      sessionId: input.sessionId,
      input: "voice",
      signal,
      admitLlmCall,
    });
    const speech =
      input.speak === false
        ? null
        : await speakAnswer({
            llm: ctx.deps.llm,
            storage: ctx.deps.storage,
            workspaceId: ctx.workspace.id,
            text: result.answer,
            signal,
          });
    return { ...result, transcript, speech };
  });
