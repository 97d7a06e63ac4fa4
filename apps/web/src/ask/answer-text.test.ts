import { describe, expect, it } from "vitest";
import { answerSegments, plainAnswer, uniqueSources } from "./answer-text";
import type { Source } from "./contract";

const e1 = "0b6d5a0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const s1 = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const sources: Source[] = [
  { factId: e1, kind: "experience", label: "Senior Data Engineer at Brightline Health" },
  { factId: `${s1}:summary`, kind: "summary", label: "Summary" },
];

describe("answerSegments", () => {
  it("turns citations into numbered references and drops the space before them", () => {
    expect(answerSegments(`He works at Brightline Health [${e1}].`, sources)).toEqual([
      { type: "text", text: "He works at Brightline Health" },
      { type: "citation", factId: e1, number: 1 },
      { type: "text", text: "." },
    ]);
  });

  it("numbers summary and contact citations too", () => {
    const segments = answerSegments(`A data engineer [${s1}:summary].`, sources);
    expect(segments[1]).toEqual({ type: "citation", factId: `${s1}:summary`, number: 2 });
  });

  it("hides citations of facts that are not listed and a citation cut off mid-stream", () => {
    expect(plainAnswer(`He works at Brightline [${e1}]`)).toBe("He works at Brightline");
    expect(answerSegments("He works at Brightline [0b6d5a", sources)).toEqual([
      { type: "text", text: "He works at Brightline" },
    ]);
  });

  it("leaves ordinary brackets alone", () => {
    expect(plainAnswer("Skills [see below] and more.")).toBe("Skills [see below] and more.");
  });
});

describe("answerSegments with spans", () => {
  it("puts each source's reference at the end of the spans it supports", () => {
    const answer = "He works at Brightline Health. He builds data pipelines.";
    const cited: Source[] = [
      { ...(sources[0] as Source), spans: [{ start: 0, end: 29 }] },
      { ...(sources[1] as Source), spans: [{ start: 31, end: 55 }] },
    ];
    expect(answerSegments(answer, cited)).toEqual([
      { type: "text", text: "He works at Brightline Health" },
      { type: "citation", factId: e1, number: 1 },
      { type: "text", text: ". He builds data pipelines" },
      { type: "citation", factId: `${s1}:summary`, number: 2 },
      { type: "text", text: "." },
    ]);
  });
});

describe("uniqueSources", () => {
  it("keeps each fact once, in order", () => {
    expect(uniqueSources([...sources, sources[0] as Source]).map((source) => source.factId)).toEqual([
      e1,
      `${s1}:summary`,
    ]);
  });
});
