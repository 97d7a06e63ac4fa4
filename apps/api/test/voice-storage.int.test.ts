import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voiceQuestionKey } from "../src/chat/voice";
import { sweepStaleUploadsNow } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

const mib = 1024 * 1024;
let llm: TestLlmServer;
let api: TestApi;
let owner: TestUser;
let workspaceId: string;
/** The recording uploaded (and never asked) by the first test. */
let uploadedId: string;

beforeAll(async () => {
  llm = await startTestLlmServer({ apiKey: "voice-llm-key-0123456789" });
  api = await startTestApi({
    env: {
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "chat-model",
      LLM_API_KEY: "voice-llm-key-0123456789",
      LLM_TRANSCRIPTION_MODEL: "whisper-test",
      RATE_LIMIT_UPLOAD_FREE: "3/1h",
      QUOTA_FREE_STORED_BYTES: String(10 * mib),
    },
  });
  owner = await signUp(api, "VoiceQuota");
  workspaceId = await createWorkspace(api, owner, "Voice Quota Co");
});
afterAll(async () => {
  await api?.cleanup();
  await llm?.close();
});

const storedBytes = async (): Promise<number> =>
  (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.storedBytes.used;

const createVoiceUpload = (size: number) =>
  call(api, "chat.createVoiceUpload", {
    cookie: owner.cookie,
    type: "mutation",
    input: { contentType: "audio/wav", size },
  });

describe("voice uploads are stored bytes on the upload tier", () => {
  it("counts each recording against the storage quota and the upload rate limit", async () => {
    const first = await createVoiceUpload(6 * mib);
    expect(first.status).toBe(200);
    expect(await storedBytes()).toBe(6 * mib);
    // A second 6 MiB recording would pass the 10 MiB quota.
    const second = await createVoiceUpload(6 * mib);
    expect(second.body.error.data.code).toBe("QUOTA_EXCEEDED");
    expect(await storedBytes()).toBe(6 * mib);
    const third = await createVoiceUpload(1000);
    expect(third.status).toBe(200);
    const { upload, uploadId } = third.body.result.data;
    uploadedId = uploadId;
    expect(
      (await fetch(upload.url, { method: "PUT", headers: upload.headers, body: Buffer.alloc(1000) })).ok,
    ).toBe(true);
    // The upload tier allows 3 an hour here; the default tier would have allowed hundreds.
    const fourth = await createVoiceUpload(1000);
    expect(fourth.status).toBe(429);
  });

  it("sweeps recordings that were never asked, giving their bytes back", async () => {
    expect(await storedBytes()).toBe(6 * mib + 1000);
    const run = await sweepStaleUploadsNow(api);
    expect(run.result).toMatchObject({ recordings: 2, bytes: 6 * mib + 1000 });
    expect(await storedBytes()).toBe(0);
    expect(await api.deps.storage.head(voiceQuestionKey(workspaceId, uploadedId))).toBeNull();
  });
});
