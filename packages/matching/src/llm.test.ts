import { describe, expect, it } from "vitest";
import { extractRequirementsWithLlm, type MatchingLlm, proposeRephrasings } from "./llm";
import { testProfile } from "./test-fixtures";
import { verifyChanges } from "./verify";

const posting =
  "We build payments.\nRequirements:\n- Strong Golang\n- You know message queues like RabbitMQ\n- Mentoring juniors";
const spanOf = (quote: string) => ({
  start: posting.indexOf(quote),
  end: posting.indexOf(quote) + quote.length,
});
const llmReturning =
  (value: unknown): MatchingLlm =>
  async () =>
    value;

describe("extractRequirementsWithLlm", () => {
  it("keeps grounded requirements and drops every claim its span does not support", async () => {
    const result = await extractRequirementsWithLlm(
      posting,
      llmReturning({
        requirements: [
          {
            kind: "responsibility",
            weight: "nice",
            text: "Mentoring juniors",
            span: spanOf("Mentoring juniors"),
          },
          // Invented technology with a real span.
          { kind: "skill", weight: "must", text: "Kubernetes", span: spanOf("Strong Golang") },
          // Span out of the posting.
          { kind: "skill", weight: "must", text: "Go", span: { start: 5, end: 5_000 } },
          // A whole-posting span "supports" anything; it grounds nothing.
          { kind: "skill", weight: "must", text: "Kafka", span: { start: 0, end: posting.length } },
          // Years with no number in the span.
          { kind: "years", weight: "must", text: "5 years of Go", span: spanOf("Strong Golang") },
          // Degree and language the span does not name.
          { kind: "degree", weight: "must", text: "PhD", span: spanOf("Mentoring juniors") },
          { kind: "language", weight: "must", text: "German", span: spanOf("We build payments.") },
          // Inverted span.
          { kind: "skill", weight: "must", text: "Go", span: { start: 20, end: 10 } },
        ],
      }),
    );
    expect(result.dropped).toBe(7);
    expect(result.fallback).toBeUndefined();
    const added = result.requirements.filter((r) => r.kind === "responsibility");
    expect(added).toHaveLength(1);
    expect(posting.slice(added[0]?.span.start, added[0]?.span.end)).toBe("Mentoring juniors");
    expect(
      result.requirements.some((r) => r.canonical === "Kubernetes" || r.canonical === "Apache Kafka"),
    ).toBe(false);
    expect(result.requirements.map((r) => r.id)).toEqual(
      result.requirements.map((_, index) => `r${index + 1}`),
    );
  });

  it("asks the injected LLM with the prompt identity and the whole posting", async () => {
    const requests: unknown[] = [];
    const long = `${"x ".repeat(50_000)}Requirements:\n- Go`;
    await extractRequirementsWithLlm(long, async (request) => {
      requests.push(request);
      return { requirements: [] };
    });
    expect(requests).toEqual([
      { promptId: "matching.extract-requirements", promptVersion: 1, input: { posting: long } },
    ]);
  });

  it("takes the canonical from the span, not from the LLM's wording", async () => {
    const result = await extractRequirementsWithLlm(
      "Must have: experience with golang",
      llmReturning({
        requirements: [{ kind: "skill", weight: "must", text: "Go", span: { start: 27, end: 33 } }],
      }),
    );
    expect(result.requirements.filter((r) => r.canonical === "Go")).toHaveLength(1);
  });

  it.each([
    ["a thrown error", async () => Promise.reject(new Error("boom")), "llm-error"],
    ["a non-object", llmReturning("requirements: Go"), "llm-bad-output"],
    [
      "an unknown kind",
      llmReturning({
        requirements: [{ kind: "vibe", weight: "must", text: "x", span: { start: 0, end: 1 } }],
      }),
      "llm-bad-output",
    ],
    [
      "a fractional span",
      llmReturning({
        requirements: [{ kind: "skill", weight: "must", text: "Go", span: { start: 0.5, end: 2 } }],
      }),
      "llm-bad-output",
    ],
  ] as Array<[string, MatchingLlm, string]>)(
    "falls back to deterministic requirements on %s",
    async (_name, llm, fallback) => {
      const result = await extractRequirementsWithLlm(posting, llm);
      expect(result.fallback).toBe(fallback);
      expect(result.requirements.some((r) => r.canonical === "Go")).toBe(true);
    },
  );
});

describe("proposeRephrasings", () => {
  const profile = testProfile();

  it("reads the original from the profile and leaves judgement to the verifier", async () => {
    const changes = await proposeRephrasings(
      profile,
      [],
      llmReturning({
        changes: [
          {
            path: "experiences/e1/bullets/1",
            value: "Built Go payment services on Kubernetes",
            reason: "focus",
            requirementIds: ["r9"],
          },
          {
            path: "experiences/e1/bullets/2",
            value: "Cut p99 latency by 75% with Kafka",
            reason: "boost",
            requirementIds: [],
          },
          { path: "experiences/missing/bullets/0", value: "x", reason: "", requirementIds: [] },
          { path: "skills", value: "Go", reason: "", requirementIds: [] },
        ],
      }),
    );
    expect(changes.map((change) => change.path)).toEqual([
      "experiences/e1/bullets/1",
      "experiences/e1/bullets/2",
    ]);
    expect(changes[0]?.original).toBe(profile.experiences[0]?.bullets[1]);
    expect(changes[0]?.requirementIds).toEqual([]);
    const { accepted, rejected } = verifyChanges(profile, changes);
    expect(accepted.map((change) => change.id)).toEqual(["l1"]);
    expect(rejected.map((item) => item.code)).toEqual(["new-skill"]);
  });

  it("proposes nothing when the LLM fails or answers out of shape", async () => {
    expect(await proposeRephrasings(profile, [], async () => Promise.reject(new Error("down")))).toEqual([]);
    expect(await proposeRephrasings(profile, [], llmReturning({ changes: "all of them" }))).toEqual([]);
  });
});
