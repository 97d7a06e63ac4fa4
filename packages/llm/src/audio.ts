import { AppError } from "@vitae/errors";
import { z } from "zod";
import type { ClientContext } from "./client-context";
import { observeCall } from "./ledger";
import { ProviderError } from "./provider-error";
import { postForBytes, postJson } from "./transport";
import type { SpeakOptions, SpeechResult, TranscribeOptions } from "./types";

const transcriptionSchema = z.object({ text: z.string() });

function requireModel(model: string | undefined, feature: string): string {
  if (model === undefined) {
    throw new AppError("LLM_NOT_CONFIGURED", { message: `${feature} is not configured on this server.` });
  }
  return model;
}

/** `transcribe`: audio → text via `POST /audio/transcriptions` (multipart, `response_format=json`). */
export function runTranscribe(
  context: ClientContext,
  audio: Uint8Array | Blob,
  options: TranscribeOptions,
): Promise<{ text: string }> {
  const model = requireModel(context.transcriptionModel, "Transcription");
  const info = {
    operation: "transcribe" as const,
    workspaceId: options.workspaceId,
    model,
    promptId: null,
    promptVersion: null,
  };
  const file =
    audio instanceof Blob
      ? audio
      : new Blob([audio as Uint8Array<ArrayBuffer>], {
          type: options.contentType ?? "application/octet-stream",
        });
  return observeCall(context.ledger, info, options.signal, () =>
    context.resilience.execute(
      async (signal) => {
        // A fresh form per attempt: a FormData body is consumed by the request that sends it.
        const form = new FormData();
        form.append("file", file, options.filename ?? "audio.webm");
        form.append("model", model);
        form.append("response_format", "json");
        if (options.language !== undefined) form.append("language", options.language);
        const parsed = transcriptionSchema.safeParse(
          await postJson(context.endpoint, "/audio/transcriptions", { form }, signal),
        );
        if (!parsed.success) throw new ProviderError("protocol", "the transcription has no text");
        return { text: parsed.data.text };
      },
      { timeoutMs: context.timeouts.transcribe, signal: options.signal },
    ),
  );
}

/** `speak`: text → audio bytes via `POST /audio/speech`. */
export function runSpeak(context: ClientContext, text: string, options: SpeakOptions): Promise<SpeechResult> {
  const model = requireModel(context.speechModel, "Speech");
  const info = {
    operation: "speak" as const,
    workspaceId: options.workspaceId,
    model,
    promptId: null,
    promptVersion: null,
  };
  const body = {
    model,
    input: text,
    voice: options.voice ?? "alloy",
    response_format: options.format ?? "mp3",
  };
  return observeCall(context.ledger, info, options.signal, () =>
    context.resilience.execute(
      async (signal) => {
        const { bytes, contentType } = await postForBytes(
          context.endpoint,
          "/audio/speech",
          { json: body },
          signal,
        );
        if (bytes.byteLength === 0) throw new ProviderError("protocol", "the speech answer is empty");
        return { audio: bytes, contentType };
      },
      { timeoutMs: context.timeouts.speak, signal: options.signal },
    ),
  );
}
