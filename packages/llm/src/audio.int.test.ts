import { AppError } from "@vitae/errors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call } from "../test/fixtures";
import { createHarness, type Harness, rejectionOf } from "../test/harness";
import type { RecordedFile } from "./testing";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 1, 2, 3, 255]);

describe("transcription", () => {
  it("uploads the audio as multipart and returns the text", async () => {
    h.server.enqueue({ type: "transcription", text: "I led the Kubernetes migration." });
    const result = await h.client().transcribe(audio, {
      ...call,
      filename: "question.webm",
      contentType: "audio/webm",
      language: "en",
    });

    expect(result).toEqual({ text: "I led the Kubernetes migration." });
    const [request] = h.server.requestsTo("/audio/transcriptions");
    const file = request?.form?.file as RecordedFile;
    expect(file.filename).toBe("question.webm");
    expect(file.type).toBe("audio/webm");
    expect([...file.bytes]).toEqual([...audio]);
    expect(request?.form).toMatchObject({ model: "test-whisper", response_format: "json", language: "en" });
    expect(h.ledger).toEqual([
      expect.objectContaining({
        operation: "transcribe",
        model: "test-whisper",
        promptId: null,
        promptVersion: null,
        tokensIn: null,
        outcome: "ok",
      }),
    ]);
  });

  it("retries with a fresh upload after a 500", async () => {
    h.server.enqueue({ type: "error", status: 500 }, { type: "transcription", text: "hello" });
    await expect(h.client().transcribe(audio, call)).resolves.toEqual({ text: "hello" });
    const requests = h.server.requestsTo("/audio/transcriptions");
    expect(requests).toHaveLength(2);
    const retried = requests[1]?.form?.file as RecordedFile | undefined;
    expect([...(retried?.bytes ?? [])]).toEqual([...audio]);
  });

  it("maps an answer without text to LLM_BAD_OUTPUT", async () => {
    h.server.enqueue({ type: "raw", body: JSON.stringify({ transcript: "x" }) });
    const error = await rejectionOf(h.client().transcribe(audio, call));
    expect((error as AppError).code).toBe("LLM_BAD_OUTPUT");
  });

  it("says so when no transcription model is configured", async () => {
    const llm = h.client({ llmTranscriptionModel: undefined });
    expect(llm.canTranscribe).toBe(false);
    const error = await rejectionOf(llm.transcribe(audio, call));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LLM_NOT_CONFIGURED");
    expect((error as AppError).message).toBe("Transcription is not configured on this server.");
    expect(h.server.requests).toHaveLength(0);
  });
});

describe("speech", () => {
  it("sends the text and returns the audio bytes with their content type", async () => {
    const mp3 = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 1, 2, 3]);
    h.server.enqueue({ type: "speech", audio: mp3, contentType: "audio/mpeg" });
    const result = await h.client().speak("Your match score is 82.", { ...call, voice: "nova" });

    expect([...result.audio]).toEqual([...mp3]);
    expect(result.contentType).toBe("audio/mpeg");
    expect(h.server.requestsTo("/audio/speech")[0]?.body).toEqual({
      model: "test-tts",
      input: "Your match score is 82.",
      voice: "nova",
      response_format: "mp3",
    });
    expect(h.ledger).toEqual([
      expect.objectContaining({ operation: "speak", model: "test-tts", outcome: "ok" }),
    ]);
  });

  it("maps an empty answer to LLM_BAD_OUTPUT", async () => {
    h.server.enqueue({ type: "speech", audio: new Uint8Array() });
    const error = await rejectionOf(h.client().speak("hi", call));
    expect((error as AppError).code).toBe("LLM_BAD_OUTPUT");
  });

  it("says so when no speech model is configured", async () => {
    const llm = h.client({ llmSpeechModel: undefined });
    expect(llm.canSpeak).toBe(false);
    const error = await rejectionOf(llm.speak("hi", call));
    expect((error as AppError).code).toBe("LLM_NOT_CONFIGURED");
    expect(h.ledger).toEqual([]);
  });
});
