import { AppError } from "@vitae/errors";
import { createLogger } from "@vitae/logger";
import type { Redis } from "ioredis";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createLlmClient } from "./client";
import { definePrompt } from "./prompt";

const prompt = definePrompt({ id: "t.p", version: 1, system: "s", render: (input: string) => input });
const call = { workspaceId: "ws" };

describe("a client without a provider", () => {
  const fetchSpy = vi.fn<typeof fetch>();
  const recordUsage = vi.fn();
  const llm = createLlmClient(
    {
      llmBaseUrl: undefined,
      llmApiKey: undefined,
      llmModel: undefined,
      llmTimeoutMs: 1000,
      llmTranscriptionModel: undefined,
      llmSpeechModel: undefined,
    },
    {
      // Never touched: an unconfigured client makes no I/O at all.
      redis: {} as Redis,
      prefix: "unused",
      logger: createLogger({ level: "silent", format: "json", name: "t" }),
      recordUsage,
      fetch: fetchSpy,
    },
  );

  it("is not available and reports a closed breaker", () => {
    expect(llm.available).toBe(false);
    expect(llm.canTranscribe).toBe(false);
    expect(llm.canSpeak).toBe(false);
    expect(llm.breakerState()).toBe("closed");
  });

  it.each([
    ["chat", () => llm.chat(prompt, "x", call)],
    ["structured", () => llm.structured(z.object({}), prompt, "x", call)],
    ["transcribe", () => llm.transcribe(new Uint8Array([1]), call)],
    ["speak", () => llm.speak("x", call)],
  ])("rejects %s with LLM_NOT_CONFIGURED, touching nothing", async (_name, run) => {
    const error = await run().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LLM_NOT_CONFIGURED");
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(recordUsage).not.toHaveBeenCalled();
  });

  it("throws LLM_NOT_CONFIGURED from stream", () => {
    expect(() => llm.stream(prompt, "x", call)).toThrow(AppError);
  });
});

describe("definePrompt", () => {
  it.each(["", "has space", "a:b", "x".repeat(101)])("rejects the id %j", (id) => {
    expect(() => definePrompt({ id, version: 1, system: "s", render: () => "" })).toThrow(TypeError);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects version %s", (version) => {
    expect(() => definePrompt({ id: "ok", version, system: "s", render: () => "" })).toThrow(TypeError);
  });

  it("freezes the definition", () => {
    expect(Object.isFrozen(prompt)).toBe(true);
  });
});
