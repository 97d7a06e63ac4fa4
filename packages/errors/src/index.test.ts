import { describe, expect, it } from "vitest";
import {
  AppError,
  appErrorCodes,
  defaultMessageFor,
  errorCodeTable,
  httpStatusFor,
  isAppError,
} from "./index";

describe("AppError", () => {
  it("keeps code, cause and a safe default message", () => {
    const cause = new Error("connection refused to 10.0.0.1:5432");
    const error = new AppError("SERVICE_UNAVAILABLE", { cause });
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(defaultMessageFor("SERVICE_UNAVAILABLE"));
    expect(error.message).not.toContain("10.0.0.1");
  });

  it("is recognised by shape across module copies, and rejects look-alikes with unknown codes", () => {
    const foreign = Object.assign(new Error("x"), { name: "AppError", code: "NOT_FOUND" });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(Object.assign(new Error("x"), { name: "AppError", code: "NOPE" }))).toBe(false);
    expect(isAppError(new Error("plain"))).toBe(false);
    expect(isAppError("NOT_FOUND")).toBe(false);
  });

  it("maps every code to a 4xx/5xx status and a non-empty message", () => {
    for (const code of appErrorCodes) {
      expect(httpStatusFor(code)).toBeGreaterThanOrEqual(400);
      expect(defaultMessageFor(code).length).toBeGreaterThan(0);
    }
    expect(httpStatusFor("RATE_LIMITED")).toBe(429);
    expect(httpStatusFor("INTERNAL")).toBe(500);
  });
});

describe("LLM error codes", () => {
  it.each([
    ["LLM_TIMEOUT", 504, "GATEWAY_TIMEOUT"],
    ["LLM_UNAVAILABLE", 503, "SERVICE_UNAVAILABLE"],
    ["LLM_RATE_LIMITED", 429, "TOO_MANY_REQUESTS"],
    ["LLM_BAD_OUTPUT", 502, "BAD_GATEWAY"],
    ["LLM_NOT_CONFIGURED", 503, "SERVICE_UNAVAILABLE"],
  ] as const)("maps %s to HTTP %i and tRPC %s", (code, http, trpc) => {
    expect(httpStatusFor(code)).toBe(http);
    expect(errorCodeTable[code].trpc).toBe(trpc);
    expect(appErrorCodes).toContain(code);
  });

  it("gives each LLM code its own client-safe message that does not name a provider or model", () => {
    const llmCodes = appErrorCodes.filter((code) => code.startsWith("LLM_"));
    expect(llmCodes).toHaveLength(5);
    const messages = llmCodes.map((code) => new AppError(code).message);
    expect(new Set(messages).size).toBe(llmCodes.length);
    for (const message of messages) expect(message).not.toMatch(/openai|groq|ollama|gpt|https?:/i);
  });
});
