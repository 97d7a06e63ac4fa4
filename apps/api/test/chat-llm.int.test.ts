import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { spokenQuestionWav } from "./voice";

let llm: TestLlmServer;
let api: TestApi;
let owner: TestUser;
let profileId: string;
let brightlineFactId: string;

beforeAll(async () => {
  llm = await startTestLlmServer({ apiKey: "chat-llm-key-0123456789" });
  // Ingestion happens in the heuristic path (the fallback answers 500 until a test scripts a reply).
  llm.setFallback(() => ({ type: "error", status: 500 }));
  api = await startTestApi({
    env: {
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "chat-model",
      LLM_API_KEY: "chat-llm-key-0123456789",
      LLM_TRANSCRIPTION_MODEL: "whisper-test",
      LLM_SPEECH_MODEL: "tts-test",
      RATE_LIMIT_UPLOAD_FREE: "1000/1h",
    },
  });
  owner = await signUp(api, "LlmAsker");
  await createWorkspace(api, owner, "LLM Ask Co");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
  const profile = (await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId } })).body
    .result.data;
  brightlineFactId = profile.experiences.find(
    (e: { company: string }) => e.company === "Brightline Health",
  ).id;
});
afterAll(async () => {
  await api?.cleanup();
  await llm?.close();
});

const ask = (question: string) =>
  call(api, "chat.ask", { cookie: owner.cookie, type: "mutation", input: { profileId, question } });

describe("chat with an LLM", () => {
  it("answers in llm mode, keeping cited sentences and dropping an unsupported claim", async () => {
    llm.enqueue({
      type: "chat",
      content: `He works at Brightline Health as a Senior Data Engineer [${brightlineFactId}]. He also led Google's search team [${brightlineFactId}].`,
    });
    const result = await ask("Where does he work now?");
    const data = result.body.result.data;
    expect(data.mode).toBe("llm");
    expect(data.answer).toContain("Brightline Health");
    expect(data.answer).not.toContain("Google");
    // The answer's length is capped, so one question cannot spend an unbounded share of the quota.
    const sent = llm.requestsTo("/chat/completions").at(-1)?.body as { max_tokens?: number } | undefined;
    expect(sent?.max_tokens).toBe(600);
    // What the call spent is recorded against the month's token quota.
    const usage = await call(api, "usage.current", { cookie: owner.cookie });
    expect(usage.body.result.data.llmTokens.used).toBeGreaterThan(0);
  });

  it("falls back to basic mode, labelled, when the LLM fails", async () => {
    const result = await ask("What did he do at Orbital Retail?");
    const data = result.body.result.data;
    expect(data.mode).toBe("basic");
    expect(data.fallback).toBe("llm-error");
    expect(data.answer).toContain("Orbital Retail");
  });
});

describe("voice questions", () => {
  it("trims silence, transcribes, answers through the pipeline and speaks the answer", async () => {
    const wav = spokenQuestionWav();
    const storedBytes = async () =>
      (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.storedBytes.used;
    const before = await storedBytes();
    const created = await call(api, "chat.createVoiceUpload", {
      cookie: owner.cookie,
      type: "mutation",
      input: { contentType: "audio/wav", size: wav.length },
    });
    const { uploadId, upload } = created.body.result.data;
    expect((await fetch(upload.url, { method: "PUT", headers: upload.headers, body: wav })).ok).toBe(true);
    // The recording counts as stored bytes until it is asked.
    expect((await storedBytes()) - before).toBe(wav.length);
    llm.setFallback((request) =>
      request.path.includes("speech")
        ? { type: "speech", audio: new Uint8Array([1, 2, 3, 4]), contentType: "audio/mpeg" }
        : request.path.includes("transcriptions")
          ? { type: "transcription", text: "Where does he work now?" }
          : { type: "error", status: 500 },
    );
    const answered = await call(api, "chat.askVoice", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, uploadId },
    });
    expect(answered.status).toBe(200);
    const data = answered.body.result.data;
    expect(data.transcript).toBe("Where does he work now?");
    expect(data.answer).toContain("Brightline Health");
    const audio = await fetch(data.speech.url);
    expect(Buffer.from(await audio.arrayBuffer())).toEqual(Buffer.from([1, 2, 3, 4]));
    // What reached the provider is the trimmed recording: shorter than what the browser uploaded.
    const sent = llm.requestsTo("/audio/transcriptions")[0]?.form?.file;
    const sentBytes = typeof sent === "object" ? sent.bytes.length : Number.POSITIVE_INFINITY;
    expect(sentBytes).toBeLessThan(wav.length / 2);
    // The recording is read once and deleted.
    const again = await call(api, "chat.askVoice", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, uploadId },
    });
    expect(again.status).toBe(404);
    expect(await storedBytes()).toBe(before);
    llm.setFallback(() => ({ type: "error", status: 500 }));
  });
});
