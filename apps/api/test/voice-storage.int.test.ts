import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

const mib = 1024 * 1024;
let llm: TestLlmServer;
let api: TestApi;
let owner: TestUser;

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
  await createWorkspace(api, owner, "Voice Quota Co");
});
afterAll(async () => {
  await api?.cleanup();
  await llm?.close();
});

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
    const usage = await call(api, "usage.current", { cookie: owner.cookie });
    expect(usage.body.result.data.storedBytes.used).toBe(6 * mib);
    // A second 6 MiB recording would pass the 10 MiB quota.
    const second = await createVoiceUpload(6 * mib);
    expect(second.body.error.data.code).toBe("QUOTA_EXCEEDED");
    expect((await createVoiceUpload(1000)).status).toBe(200);
    // The upload tier allows 3 an hour here; the default tier would have allowed hundreds.
    const fourth = await createVoiceUpload(1000);
    expect(fourth.status).toBe(429);
  });
});
