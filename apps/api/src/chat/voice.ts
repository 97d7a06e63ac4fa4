import { randomUUID } from "node:crypto";
import { decodeWav, encodeWav, trimSilence } from "@vitae/audio";
import { type Database, takeVoiceUpload } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { voiceHourBucket, voiceObjects } from "@vitae/jobs";
import type { LlmClient } from "@vitae/llm";
import type { ObjectStore } from "@vitae/storage";

/** Longest accepted voice question, and its size as 16-bit mono PCM at 16 kHz (browsers record at up to 48 kHz). */
export const voiceLimits = { maxDurationMs: 60_000, maxBytes: 6 * 1024 * 1024 } as const;

/** Spoken-answer links expire after 10 minutes; the `ask.sweep-voice` job removes the objects later. */
const answerLinkSeconds = 600;

/** Upload ids carry their hour bucket (`<bucket>-<uuid>`), so the sweep finds unasked recordings too. */
export const voiceUploadIdPattern = /^\d{10}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new upload id in the current hour's bucket. */
export function newVoiceUploadId(now = new Date()): string {
  return `${voiceHourBucket(now)}-${randomUUID()}`;
}

export function voiceQuestionKey(workspaceId: string, uploadId: string): string {
  const bucket = uploadId.slice(0, 10);
  return `${voiceObjects.questionsPrefix}/${bucket}/${workspaceId}/${uploadId}.wav`;
}

/**
 * Refuses with `LLM_NOT_CONFIGURED` when no transcription provider is configured: checked before a
 * recording may be uploaded at all (nothing is stored that could never be used), and again when asked.
 */
export function assertCanTranscribe(llm: LlmClient): void {
  if (!llm.canTranscribe) {
    throw new AppError("LLM_NOT_CONFIGURED", {
      message:
        "Voice questions need a transcription provider (LLM_TRANSCRIPTION_MODEL); type the question instead.",
    });
  }
}

/**
 * Turns a recorded question into text: WAV → trimmed of silence (VAD) → the transcription provider.
 * A recording is used once: after reading it, its upload record is taken (giving its bytes back to the
 * storage quota) and the object deleted; a second ask of the same upload is `NOT_FOUND`.
 */
export async function transcribeQuestion(options: {
  db: Database;
  llm: LlmClient;
  storage: ObjectStore;
  workspaceId: string;
  uploadId: string;
  signal?: AbortSignal | undefined;
}): Promise<{ transcript: string; trimmedMs: number; originalMs: number }> {
  assertCanTranscribe(options.llm);
  const key = voiceQuestionKey(options.workspaceId, options.uploadId);
  const bytes = await options.storage.get(key);
  const taken = await takeVoiceUpload(options.db, { workspaceId: options.workspaceId, id: options.uploadId });
  if (!taken) throw new AppError("NOT_FOUND", { message: "This recording was already used or has expired." });
  // The recording is deleted as soon as it is read: questions are kept as text in the transcript only.
  await options.storage.delete(key);
  const decoded = decodeWav(bytes);
  const durationMs = (decoded.samples.length / decoded.sampleRate) * 1000;
  if (durationMs > voiceLimits.maxDurationMs) {
    throw new AppError("PAYLOAD_TOO_LARGE", { message: "Voice questions can be up to 60 seconds long." });
  }
  const trimmed = trimSilence(decoded);
  const { text } = await options.llm.transcribe(encodeWav(trimmed.audio), {
    workspaceId: options.workspaceId,
    filename: "question.wav",
    contentType: "audio/wav",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const transcript = text.trim();
  if (!transcript)
    throw new AppError("BAD_REQUEST", { message: "No words were recognised in the recording." });
  return { transcript, trimmedMs: trimmed.trimmedMs, originalMs: trimmed.originalMs };
}

/** Speaks an answer and returns a short-lived link to the audio, or null without a speech model. */
export async function speakAnswer(options: {
  llm: LlmClient;
  storage: ObjectStore;
  workspaceId: string;
  text: string;
  signal?: AbortSignal | undefined;
}): Promise<{ url: string; expiresAt: string } | null> {
  if (!options.llm.canSpeak || !options.text) return null;
  const speech = await options.llm.speak(options.text.slice(0, 4000), {
    workspaceId: options.workspaceId,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const key = `${voiceObjects.answersPrefix}/${voiceHourBucket(new Date())}/${options.workspaceId}/${randomUUID()}`;
  await options.storage.put(key, Buffer.from(speech.audio), { contentType: speech.contentType });
  const grant = await options.storage.createDownloadUrl(key, { expiresInSeconds: answerLinkSeconds });
  return { url: grant.url, expiresAt: grant.expiresAt.toISOString() };
}
