import { describe, expect, it } from "vitest";
import { askErrorSentence, fallbackSentence, refusalSentence } from "./ask-wording";
import { levelOf, microphoneProblem } from "./use-recorder";

describe("ask wording", () => {
  it("says every refusal in plain words, never the code", () => {
    for (const code of ["EMPTY_QUESTION", "PROMPT_INJECTION", "PRIVATE_DATA", "OFF_TOPIC", "SOMETHING_NEW"]) {
      const sentence = refusalSentence(code);
      expect(sentence).not.toContain(code);
      expect(sentence.length).toBeGreaterThan(20);
    }
  });

  it("explains why an AI answer fell back", () => {
    expect(fallbackSentence("llm-unverified")).toContain("could not be checked");
    expect(fallbackSentence("llm-error")).toContain("basic answer");
    expect(fallbackSentence("unknown")).toContain("basic answer");
  });

  it("tells the asker plainly that voice needs transcription to be configured", () => {
    expect(askErrorSentence("LLM_NOT_CONFIGURED")).toContain("Type your question");
    expect(askErrorSentence("INTERNAL")).toBeNull();
  });
});

describe("microphone", () => {
  it("explains a denied or missing microphone", () => {
    expect(microphoneProblem(new DOMException("no", "NotAllowedError"))).toContain("blocked");
    expect(microphoneProblem(new DOMException("no", "NotFoundError"))).toContain("No microphone");
    expect(microphoneProblem(new Error("?"))).toContain("Type your question");
  });

  it("measures silence as zero and loud input near one", () => {
    expect(levelOf(new Uint8Array(64).fill(128))).toBe(0);
    expect(levelOf(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 255 : 0)))).toBe(1);
    expect(levelOf(new Uint8Array(0))).toBe(0);
  });
});
