import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { llmConfig } from "./llm-config";
import { loadConfig } from "./load-config";

function issuesFor(env: Record<string, string>): ConfigError["issues"] {
  try {
    loadConfig(env, llmConfig());
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("llmConfig", () => {
  it("means basic mode (no provider) for an empty environment", () => {
    expect(loadConfig({}, llmConfig())).toEqual({
      llmBaseUrl: undefined,
      llmApiKey: undefined,
      llmModel: undefined,
      llmTimeoutMs: 30_000,
      llmTranscriptionModel: undefined,
      llmSpeechModel: undefined,
    });
  });

  it("reads every variable and drops the base URL's trailing slashes", () => {
    const config = loadConfig(
      {
        LLM_BASE_URL: "https://api.groq.com/openai/v1//",
        LLM_API_KEY: "gsk-planted-secret",
        LLM_MODEL: "llama-3.3-70b",
        LLM_TIMEOUT_MS: "12000",
        LLM_TRANSCRIPTION_MODEL: "whisper-large-v3",
        LLM_SPEECH_MODEL: "playai-tts",
      },
      llmConfig(),
    );
    expect(config).toEqual({
      llmBaseUrl: "https://api.groq.com/openai/v1",
      llmApiKey: "gsk-planted-secret",
      llmModel: "llama-3.3-70b",
      llmTimeoutMs: 12_000,
      llmTranscriptionModel: "whisper-large-v3",
      llmSpeechModel: "playai-tts",
    });
  });

  it("allows a keyless local provider", () => {
    const config = loadConfig(
      { LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.2" },
      llmConfig(),
    );
    expect(config.llmApiKey).toBeUndefined();
    expect(config.llmBaseUrl).toBe("http://127.0.0.1:11434/v1");
  });

  it("requires LLM_MODEL with LLM_BASE_URL", () => {
    expect(issuesFor({ LLM_BASE_URL: "http://127.0.0.1:11434/v1" })).toEqual([
      { variable: "LLM_MODEL", message: "is required when LLM_BASE_URL is set" },
    ]);
  });

  it("refuses provider variables without LLM_BASE_URL, naming each", () => {
    const issues = issuesFor({
      LLM_API_KEY: "sk-planted-secret",
      LLM_MODEL: "gpt-4o-mini",
      LLM_TRANSCRIPTION_MODEL: "whisper-1",
      LLM_SPEECH_MODEL: "tts-1",
    });
    expect(issues.map((issue) => issue.variable).sort()).toEqual([
      "LLM_API_KEY",
      "LLM_MODEL",
      "LLM_SPEECH_MODEL",
      "LLM_TRANSCRIPTION_MODEL",
    ]);
    expect(JSON.stringify(issues)).not.toContain("sk-planted-secret");
  });

  it.each([
    "ftp://example.com/v1",
    "not a url",
    "https://user:sk-planted-secret@api.example.com/v1",
    "https://api.example.com/v1?key=sk-planted-secret",
    "https://api.example.com/v1#frag",
  ])("rejects LLM_BASE_URL %s without echoing it", (url) => {
    const issues = issuesFor({ LLM_BASE_URL: url, LLM_MODEL: "m" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.variable).toBe("LLM_BASE_URL");
    expect(issues[0]?.message).not.toContain("sk-planted-secret");
  });

  it.each(["99", "600001", "30s", "1e4"])("rejects LLM_TIMEOUT_MS=%s", (value) => {
    expect(issuesFor({ LLM_TIMEOUT_MS: value })).toEqual([
      { variable: "LLM_TIMEOUT_MS", message: "must be an integer between 100 and 600000" },
    ]);
  });
});
